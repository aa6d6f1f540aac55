/*
 * file.c - whole-file reads, write-all, atomic replace (or a write into a
 * FIFO, device or socket), folder sync, the
 * XDG path rule and the out-of-memory policy. See file.h.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

/* ---- Memory ------------------------------------------------------------------- */

static void *enough(void *p)
{
	if (!p) {
		static const char msg[] = "lumbar: out of memory\n";
		(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
		exit(FILE_EXIT_NOMEM);
	}
	return p;
}

void *xmalloc(size_t n)
{
	return enough(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return enough(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return enough(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return enough(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
	return enough(strndup(s, n));
}

/* ---- Errors ------------------------------------------------------------------- */

const char *file_strerror(int code)
{
	switch (code) {
	case FILE_ENOTREG:
		return "not a regular file";
	case FILE_ESYMLINK:
		return "a symbolic link, which lumbar does not follow";
	case FILE_ETOOBIG:
		return "too large";
	case FILE_EOWN:
		return "one of lumbar's own files, which only lumbar writes";
	default:
		return strerror(code);
	}
}

/* ---- Reading ------------------------------------------------------------------ */

int file_open_read(const char *path, size_t max, enum file_open how, int *fd_out,
                   struct stat *st_out)
{
	int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (how == FILE_NOFOLLOW ? O_NOFOLLOW : 0);
	int fd = open(path, flags);
	if (fd < 0) {
		int e = errno;
		struct stat ls;
		if (e == ELOOP && how == FILE_NOFOLLOW && lstat(path, &ls) == 0 &&
		    S_ISLNK(ls.st_mode))
			return FILE_ESYMLINK;
		return e;
	}
	struct stat st;
	int rc = 0;
	if (fstat(fd, &st) != 0)
		rc = errno;
	else if (S_ISDIR(st.st_mode))
		rc = EISDIR;
	else if (!S_ISREG(st.st_mode))
		rc = FILE_ENOTREG;
	else if (st.st_size < 0 || (unsigned long long)st.st_size > max)
		rc = FILE_ETOOBIG;
	if (rc) {
		close(fd);
		return rc;
	}
	*fd_out = fd;
	if (st_out)
		*st_out = st;
	return 0;
}

int file_read(const char *path, size_t max, enum file_open how, char **out, size_t *out_len)
{
	struct stat st;
	int fd, rc = file_open_read(path, max, how, &fd, &st);
	if (rc)
		return rc;

	/* One read for the size fstat gave; more only if the file grew meanwhile. */
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (len > max) {
				rc = FILE_ETOOBIG;
				break;
			}
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = errno;
			break;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (rc == 0 && len > max)
		rc = FILE_ETOOBIG;
	if (rc) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	return 0;
}

/* ---- Writing ------------------------------------------------------------------ */

int file_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

void file_sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	if (!slash)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

/* The same file: the same inode when both exist, else the same folder and name. */
bool file_same(const char *a, const char *b)
{
	struct stat sa, sb;

	if (strcmp(a, b) == 0)
		return true;
	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	const char *na = strrchr(a, '/'), *nb = strrchr(b, '/');
	if (strcmp(na ? na + 1 : a, nb ? nb + 1 : b) != 0)
		return false;
	char *da = na ? xstrndup(a, (size_t)(na - a) + 1) : xstrdup(".");
	char *db = nb ? xstrndup(b, (size_t)(nb - b) + 1) : xstrdup(".");
	bool same = stat(da, &sa) == 0 && stat(db, &sb) == 0 && sa.st_dev == sb.st_dev &&
	            sa.st_ino == sb.st_ino;
	free(da);
	free(db);
	return same;
}

/* A descriptor on our standard output or error if `st` is that file, else -1. */
static int std_stream(const struct stat *st)
{
	for (int i = STDOUT_FILENO; i <= STDERR_FILENO; i++) {
		struct stat fs;
		if (fstat(i, &fs) == 0 && fs.st_dev == st->st_dev && fs.st_ino == st->st_ino)
			return dup(i);
	}
	return -1;
}

/*
 * Write straight into what is not a file to replace: a FIFO, a device, a
 * socket, or (through /dev/stdout, /proc/self/fd/1) our own standard output.
 */
static int write_into(const char *path, const struct stat *st, const void *buf, size_t len)
{
	/* A socket cannot be opened by name as /dev/stdout: use the descriptor. */
	int fd = std_stream(st);

	if (fd < 0 && S_ISSOCK(st->st_mode)) {
		struct sockaddr_un a = { .sun_family = AF_UNIX };
		if (strlen(path) >= sizeof(a.sun_path))
			return ENAMETOOLONG;
		memcpy(a.sun_path, path, strlen(path) + 1);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a)) != 0) {
			int e = errno;
			close(fd);
			return e;
		}
	} else if (fd < 0) {
		/* No O_CREAT, no O_TRUNC: a device or a FIFO stays what it is. */
		fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	}
	if (fd < 0)
		return errno;
	int rc = file_write_all(fd, buf, len) != 0 ? errno : 0;
	if (close(fd) != 0 && rc == 0 && errno != EINTR)
		rc = errno;
	return rc;
}

int file_replace(const char *path, const void *buf, size_t len, const char *const *keep)
{
	struct stat st, ls;
	bool exists = stat(path, &st) == 0;

	for (size_t i = 0; keep && keep[i]; i++)
		if (*keep[i] && file_same(path, keep[i]))
			return FILE_EOWN;
	bool link = lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode);
	if (link && exists && S_ISREG(st.st_mode)) {
		/* /dev/stdout on a file (`> r.md`): the user means our standard output. */
		int fd = std_stream(&st);
		if (fd >= 0) {
			close(fd);
			return write_into(path, &st, buf, len);
		}
	}
	if (link && (!exists || S_ISREG(st.st_mode)))
		return FILE_ESYMLINK; /* renaming over it would replace the link */
	if (exists && S_ISDIR(st.st_mode))
		return EISDIR;
	if (exists && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISSOCK(st.st_mode)))
		return write_into(path, &st, buf, len);
	if (exists && !S_ISREG(st.st_mode))
		return FILE_ENOTREG;

	size_t plen = strlen(path);
	char *tmp = xmalloc(plen + 8);
	int rc = 0;

	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".XXXXXX", 8);
	/* mkstemp creates the file with mode 0600, in the same folder. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = errno;
		free(tmp);
		return rc;
	}
	/* A file replaced keeps its permissions; a new one is the user's alone. */
	if (exists && fchmod(fd, st.st_mode & 07777) != 0)
		rc = errno;
	if (rc == 0 && (file_write_all(fd, buf, len) != 0 || fsync(fd) != 0))
		rc = errno;
	if (close(fd) != 0 && rc == 0)
		rc = errno;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = errno;
	if (rc != 0)
		(void)unlink(tmp);
	else
		file_sync_parent(path);
	free(tmp);
	return rc;
}

/* ---- Numbers for machines ------------------------------------------------------ */

locale_t file_c_numbers_begin(void)
{
	locale_t base = duplocale(uselocale((locale_t)0));
	locale_t c = base ? newlocale(LC_NUMERIC_MASK, "C", base) : (locale_t)0;

	if (!c) {
		if (base)
			freelocale(base);
		enough(NULL); /* only memory can be missing for the C locale */
	}
	return uselocale(c);
}

void file_c_numbers_end(locale_t old)
{
	locale_t c = uselocale(old);

	if (c != LC_GLOBAL_LOCALE && c != old)
		freelocale(c);
}

/* ---- Paths -------------------------------------------------------------------- */

uint64_t file_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ull;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

int file_beside(const char *path, const char *name, char *buf, size_t len)
{
	const char *slash = strrchr(path, '/');
	int dir = slash ? (int)(slash - path) + 1 : 0;
	int n = snprintf(buf, len, "%.*s%s", dir, path, name);

	if (n < 0 || (size_t)n >= len) {
		if (len)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int file_xdg_path(const char *xdg, const char *home, const char *fallback, const char *name,
                  char *buf, size_t len)
{
	int n;

	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/%s", xdg, name);
	else if (home && *home)
		n = snprintf(buf, len, "%s/%s/%s", home, fallback, name);
	else {
		if (len)
			buf[0] = '\0';
		return ENOENT;
	}
	if (n < 0 || (size_t)n >= len) {
		if (len)
			buf[0] = '\0';
		return ENAMETOOLONG;
	}
	return 0;
}
