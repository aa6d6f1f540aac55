/*
 * test_file.c - the one whole-file reader, write-all, atomic replace and the
 * XDG path rule: what a FIFO, a symlink, a folder or a huge file gets, and
 * that replacing a file leaves either the old or the new one.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "file.h"

/*
 * Under AddressSanitizer an impossible malloc() must return NULL, as the C
 * library's does, so that the out-of-memory path is the one tested.
 */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/lumbar-file-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	return 0;
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int remove_tmpdir(void **state)
{
	(void)state;
	nftw(tmpdir, rm_entry, 8, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static void tmp_path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", tmpdir, name);
}

static void spit(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* How many entries the folder holds besides . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void test_reads_a_regular_file(void **state)
{
	char path[128], *buf = NULL;
	size_t len = 0;
	(void)state;

	tmp_path(path, sizeof(path), "a.txt");
	spit(path, "hello\n");
	assert_int_equal(file_read(path, 6, FILE_NOFOLLOW, &buf, &len), 0);
	assert_int_equal(len, 6);
	assert_string_equal(buf, "hello\n"); /* NUL-terminated */
	free(buf);

	/* Empty is fine; missing is ENOENT. */
	spit(path, "");
	assert_int_equal(file_read(path, 6, FILE_NOFOLLOW, &buf, &len), 0);
	assert_int_equal(len, 0);
	free(buf);
	tmp_path(path, sizeof(path), "none.txt");
	assert_int_equal(file_read(path, 6, FILE_NOFOLLOW, &buf, &len), ENOENT);
}

/* A FIFO without a writer would block a plain open() or read() forever. */
static void test_fifo_is_refused_without_blocking(void **state)
{
	char path[128], *buf = NULL;
	size_t len = 0;
	(void)state;

	tmp_path(path, sizeof(path), "fifo");
	assert_int_equal(mkfifo(path, 0600), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		alarm(5); /* a hang ends the child with SIGALRM, failing below */
		_exit(file_read(path, 1024, FILE_FOLLOW, &buf, &len) == FILE_ENOTREG ? 0 : 1);
	}
	int status;
	double t0 = now_s();
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	assert_true(now_s() - t0 < 2.0);
	assert_string_equal(file_strerror(FILE_ENOTREG), "not a regular file");
}

static void test_device_and_folder_are_refused(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	(void)state;

	assert_int_equal(file_read("/dev/zero", 1024, FILE_FOLLOW, &buf, &len), FILE_ENOTREG);
	assert_int_equal(file_read("/dev/null", 1024, FILE_FOLLOW, &buf, &len), FILE_ENOTREG);
	assert_int_equal(file_read(tmpdir, 1024, FILE_FOLLOW, &buf, &len), EISDIR);
	assert_null(buf);
}

static void test_symlink_is_refused_unless_followed(void **state)
{
	char path[128], link[128], *buf = NULL;
	size_t len = 0;
	(void)state;

	tmp_path(path, sizeof(path), "real.txt");
	tmp_path(link, sizeof(link), "link.txt");
	spit(path, "x");
	assert_int_equal(symlink(path, link), 0);
	assert_int_equal(file_read(link, 16, FILE_NOFOLLOW, &buf, &len), FILE_ESYMLINK);
	assert_null(buf);
	assert_non_null(strstr(file_strerror(FILE_ESYMLINK), "symbolic link"));
	assert_int_equal(file_read(link, 16, FILE_FOLLOW, &buf, &len), 0);
	assert_string_equal(buf, "x");
	free(buf);
}

/* A 1 GiB sparse file is refused at once: nothing of it is read. */
static void test_size_limit(void **state)
{
	char path[128], *buf = NULL;
	size_t len = 0;
	(void)state;

	tmp_path(path, sizeof(path), "big");
	spit(path, "12345");
	assert_int_equal(file_read(path, 5, FILE_NOFOLLOW, &buf, &len), 0);
	free(buf);
	buf = NULL;
	assert_int_equal(file_read(path, 4, FILE_NOFOLLOW, &buf, &len), FILE_ETOOBIG);
	assert_null(buf);

	assert_int_equal(truncate(path, 1L << 30), 0);
	double t0 = now_s();
	assert_int_equal(file_read(path, 64 << 20, FILE_NOFOLLOW, &buf, &len), FILE_ETOOBIG);
	assert_true(now_s() - t0 < 0.1);
	assert_null(buf);
}

static volatile sig_atomic_t ticks;
static void on_tick(int sig)
{
	(void)sig;
	ticks++;
}

/*
 * Into a pipe drained slowly, with a timer interrupting the writer: every
 * byte arrives, in order, across EINTR and short writes.
 */
static void test_write_all_survives_interruptions(void **state)
{
	enum { N = 1 << 20 };
	int fds[2];
	(void)state;

	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[1]);
		unsigned char b[4096];
		size_t got = 0;
		int bad = 0;
		ssize_t r;
		while ((r = read(fds[0], b, sizeof(b))) > 0) {
			for (ssize_t i = 0; i < r; i++)
				bad |= b[i] != (unsigned char)((got + (size_t)i) % 251);
			got += (size_t)r;
			usleep(200);
		}
		_exit(got == N && !bad ? 0 : 1);
	}
	close(fds[0]);
	unsigned char *data = xmalloc(N);
	for (size_t i = 0; i < N; i++)
		data[i] = (unsigned char)(i % 251);

	struct sigaction sa = { 0 }, old;
	sa.sa_handler = on_tick; /* no SA_RESTART: write() returns early */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, &old);
	struct itimerval it = { { 0, 1000 }, { 0, 1000 } }, off = { { 0, 0 }, { 0, 0 } };
	setitimer(ITIMER_REAL, &it, NULL);
	int rc = file_write_all(fds[1], data, N);
	setitimer(ITIMER_REAL, &off, NULL);
	sigaction(SIGALRM, &old, NULL);
	close(fds[1]);
	free(data);
	assert_int_equal(rc, 0);
	assert_true(ticks > 0);

	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

static void test_write_all_reports_a_full_disk(void **state)
{
	(void)state;
	int fd = open("/dev/full", O_WRONLY);
	assert_true(fd >= 0);
	errno = 0;
	assert_int_equal(file_write_all(fd, "x", 1), -1);
	assert_int_equal(errno, ENOSPC);
	close(fd);
}

static void test_atomic_replace(void **state)
{
	char path[128], *buf = NULL;
	size_t len = 0;
	struct stat st;
	(void)state;

	tmp_path(path, sizeof(path), "state");
	assert_int_equal(file_replace(path, "one", 3, NULL), 0);
	assert_int_equal(file_read(path, 64, FILE_NOFOLLOW, &buf, &len), 0);
	assert_string_equal(buf, "one");
	free(buf);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);

	assert_int_equal(file_replace(path, "two!", 4, NULL), 0);
	assert_int_equal(file_read(path, 64, FILE_NOFOLLOW, &buf, &len), 0);
	assert_string_equal(buf, "two!");
	free(buf);
	assert_int_equal(entries(tmpdir), 1); /* no temporary file left */

	/* A failed replace leaves the old file and no temporary file. */
	char dir[128];
	tmp_path(dir, sizeof(dir), "sub");
	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_not_equal(file_replace(dir, "x", 1, NULL), 0);
	assert_int_equal(entries(dir), 0);
	assert_int_equal(entries(tmpdir), 2);

	char missing[160];
	snprintf(missing, sizeof(missing), "%s/no/such/file", tmpdir);
	assert_int_equal(file_replace(missing, "x", 1, NULL), ENOENT);
	assert_int_equal(file_read(path, 64, FILE_NOFOLLOW, &buf, &len), 0);
	assert_string_equal(buf, "two!");
	free(buf);
}

/* What file_replace() does with each kind of path (issue 18, item 1). */
static void read_back(const char *path, const char *want)
{
	char *buf = NULL;
	size_t len = 0;

	assert_int_equal(file_read(path, 64, FILE_FOLLOW, &buf, &len), 0);
	assert_string_equal(buf, want);
	free(buf);
}

static void test_replace_keeps_a_files_mode(void **state)
{
	char path[128];
	struct stat st;
	(void)state;

	tmp_path(path, sizeof(path), "report.md");
	spit(path, "old");
	assert_int_equal(chmod(path, 0644), 0);
	assert_int_equal(file_replace(path, "new", 3, NULL), 0);
	read_back(path, "new");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
}

/* A file `name` holding `text` and a symlink `link` to it, in the folder. */
static void file_and_link(char file[128], const char *name, const char *text, char link[128])
{
	tmp_path(file, 128, name);
	tmp_path(link, 128, "link");
	spit(file, text);
	assert_int_equal(symlink(file, link), 0);
}

static void test_replace_refuses_a_symlink_to_a_file(void **state)
{
	char target[128], link[128], dangling[128];
	struct stat st;
	(void)state;

	file_and_link(target, "target", "kept", link);
	tmp_path(dangling, sizeof(dangling), "dangling");
	assert_int_equal(file_replace(link, "x", 1, NULL), FILE_ESYMLINK);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISLNK(st.st_mode)); /* still a link */
	read_back(target, "kept");
	/* A link to nothing: the rename would replace the link, so no. */
	assert_int_equal(symlink("nowhere", dangling), 0);
	assert_int_equal(file_replace(dangling, "x", 1, NULL), FILE_ESYMLINK);
	assert_int_equal(entries(tmpdir), 3);
}

static void test_replace_writes_into_a_fifo(void **state)
{
	char fifo[128], link[128], got[16] = { 0 };
	struct stat st;
	(void)state;

	tmp_path(fifo, sizeof(fifo), "fifo");
	tmp_path(link, sizeof(link), "to-fifo");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink(fifo, link), 0);
	int rd = open(fifo, O_RDONLY | O_NONBLOCK);
	assert_true(rd >= 0);
	assert_int_equal(file_replace(fifo, "abc", 3, NULL), 0);
	/* Through a link too, as /dev/stdout and a shell's >(...) are. */
	assert_int_equal(file_replace(link, "def", 3, NULL), 0);
	assert_int_equal(read(rd, got, sizeof(got) - 1), 6);
	assert_string_equal(got, "abcdef");
	close(rd);
	assert_int_equal(lstat(fifo, &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_int_equal(entries(tmpdir), 2); /* no temporary file */
}

static void test_replace_writes_into_a_device(void **state)
{
	char dev[128];
	struct stat st;
	(void)state;

	/* A private null device (1, 3): tests run as root in CI, never on /dev. */
	tmp_path(dev, sizeof(dev), "null");
	if (geteuid() != 0)
		skip(); /* shown as SKIPPED: only root makes a device node */
	assert_int_equal(mknod(dev, S_IFCHR | 0600, makedev(1, 3)), 0);
	assert_int_equal(file_replace(dev, "report", 6, NULL), 0);
	assert_int_equal(lstat(dev, &st), 0);
	assert_true(S_ISCHR(st.st_mode));
	assert_int_equal(st.st_rdev, makedev(1, 3));
	assert_int_equal(entries(tmpdir), 1);
}

static void test_replace_writes_into_a_socket(void **state)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	char got[16] = { 0 };
	(void)state;

	tmp_path(a.sun_path, sizeof(a.sun_path), "sock");
	int srv = socket(AF_UNIX, SOCK_STREAM, 0);
	assert_true(srv >= 0);
	assert_int_equal(bind(srv, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(listen(srv, 1), 0);
	assert_int_equal(file_replace(a.sun_path, "hello", 5, NULL), 0);
	int c = accept(srv, NULL, NULL);
	assert_true(c >= 0);
	assert_int_equal(read(c, got, sizeof(got) - 1), 5);
	assert_string_equal(got, "hello");
	close(c);
	close(srv);
}

static void test_replace_refuses_what_it_must_keep(void **state)
{
	char hist[128], link[128], other[128];
	(void)state;

	file_and_link(hist, "history.tsv", "lines", link);
	tmp_path(other, sizeof(other), "events.tsv");
	const char *keep[] = { hist, other, NULL };
	assert_int_equal(file_replace(hist, "x", 1, keep), FILE_EOWN);
	assert_int_equal(file_replace(link, "x", 1, keep), FILE_EOWN);
	/* A kept file not there yet is kept by its name. */
	assert_int_equal(file_replace(other, "x", 1, keep), FILE_EOWN);
	read_back(hist, "lines");
	assert_int_equal(entries(tmpdir), 2);
	assert_string_equal(file_strerror(FILE_EOWN),
	                    "one of lumbar's own files, which only lumbar writes");
}

static void test_same_file(void **state)
{
	char a[128], b[128], sub[128], via[160];
	(void)state;

	tmp_path(a, sizeof(a), "a");
	tmp_path(b, sizeof(b), "b");
	tmp_path(sub, sizeof(sub), "sub");
	spit(a, "1");
	assert_int_equal(link(a, b), 0); /* a hard link is the same file */
	assert_true(file_same(a, b));
	assert_int_equal(mkdir(sub, 0700), 0);
	snprintf(via, sizeof(via), "%s/../x", sub);
	tmp_path(b, sizeof(b), "x");
	assert_true(file_same(via, b)); /* neither exists: same folder, same name */
	assert_false(file_same(a, b));
	tmp_path(b, sizeof(b), "sub/x");
	assert_false(file_same(via, b));
}

static void test_xdg_path_rule(void **state)
{
	char buf[64];
	(void)state;

	assert_int_equal(file_xdg_path("/x", "/home/a", ".config", "lumbar/c", buf, sizeof(buf)),
	                 0);
	assert_string_equal(buf, "/x/lumbar/c");
	/* Unset, empty or relative: the HOME fallback. */
	assert_int_equal(file_xdg_path(NULL, "/home/a", ".config", "l", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.config/l");
	assert_int_equal(file_xdg_path("", "/home/a", ".local/state", "l", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.local/state/l");
	assert_int_equal(file_xdg_path("rel", "/home/a", ".config", "l", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "/home/a/.config/l");
	/* No home, and too long, are told apart. */
	assert_int_equal(file_xdg_path("rel", "", ".config", "l", buf, sizeof(buf)), ENOENT);
	assert_string_equal(buf, "");
	assert_int_equal(file_xdg_path("/x", NULL, ".config", "lumbar/c", buf, 5), ENAMETOOLONG);
	assert_string_equal(buf, "");
}

/* Out of memory ends the program with 71 (EX_OSERR) and one line. */
/*
 * The one FNV-1a: its published test values, so that the names made of it
 * on people's disks (progress files, session ids) never change.
 */
static void test_hash_values(void **state)
{
	static const struct {
		const char *s;
		uint64_t want;
	} rows[] = {
		{ "", 0xcbf29ce484222325ull },
		{ "a", 0xaf63dc4c8601ec8cull },
		{ "foobar", 0x85944171f73967e8ull },
		{ "/tmp/x/x.tsv", 0x07b806e4e3cd2228ull },
	};
	(void)state;

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
		assert_true(file_hash(rows[i].s, strlen(rows[i].s)) == rows[i].want);
	/* The length counts, not a NUL: "foobar" cut at 1 is "f". */
	assert_true(file_hash("foobar", 1) == file_hash("f", 1));
}

static void test_out_of_memory_exits_71(void **state)
{
	int fds[2];
	(void)state;

	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		volatile size_t huge = SIZE_MAX / 2;
		(void)xmalloc(huge);
		_exit(0);
	}
	close(fds[1]);
	char msg[1024] = { 0 };
	size_t got = 0;
	ssize_t r;
	while (got < sizeof(msg) - 1 && (r = read(fds[0], msg + got, sizeof(msg) - 1 - got)) > 0)
		got += (size_t)r;
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 71);
	/* The last line (a sanitizer may say more before it). */
	static const char want[] = "lumbar: out of memory\n";
	assert_true(got >= sizeof(want) - 1);
	assert_string_equal(msg + got - (sizeof(want) - 1), want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_reads_a_regular_file, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_fifo_is_refused_without_blocking, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_device_and_folder_are_refused, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_symlink_is_refused_unless_followed,
		                                make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_size_limit, make_tmpdir, remove_tmpdir),
		cmocka_unit_test(test_write_all_survives_interruptions),
		cmocka_unit_test(test_write_all_reports_a_full_disk),
		cmocka_unit_test_setup_teardown(test_atomic_replace, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_replace_keeps_a_files_mode, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_replace_refuses_a_symlink_to_a_file,
		                                make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_replace_writes_into_a_fifo, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_replace_writes_into_a_device, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_replace_writes_into_a_socket, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_replace_refuses_what_it_must_keep, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_same_file, make_tmpdir, remove_tmpdir),
		cmocka_unit_test(test_xdg_path_rule),
		cmocka_unit_test(test_hash_values),
		cmocka_unit_test(test_out_of_memory_exits_71),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
