/*
 * test_progress.c - the resume file: atomic replacement, strict reading,
 * and the checks against a changed catalogue.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "progress.h"

static char tmpdir[64];

static int make_tmpdir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/lumbar-prog-XXXXXX");
	assert_non_null(mkdtemp(tmpdir));
	umask(022);
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
	nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}

static char *tmp_path(char *buf, size_t len, const char *rel)
{
	snprintf(buf, len, "%s/%s", tmpdir, rel);
	return buf;
}

static void spit(const char *path, const char *text, size_t len)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	char *buf = malloc(PROG_MAX_BYTES * 2);
	assert_non_null(buf);
	*len = fread(buf, 1, PROG_MAX_BYTES * 2 - 1, fp);
	buf[*len] = '\0';
	fclose(fp);
	return buf;
}

static unsigned count_entries(const char *dir)
{
	unsigned n = 0;
	DIR *d = opendir(dir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* A small catalogue and a plan over two of its exercises, built by hand. */
static char id_a[] = "knee-to-chest", id_b[] = "cat-cow", id_c[] = "bridge";
static struct cat_exercise cat_ex[] = { { .id = id_a }, { .id = id_b }, { .id = id_c } };
static struct catalogue cat = { .exercises = cat_ex, .n_exercises = 3 };

static struct plan_phase phases[] = {
	{ PLAN_PREPARE, 5, 0, 2, 0, -1, PLAN_SIDE_NONE, 0, 0 },
	{ PLAN_WORK, 20, 5, 2, 0, 0, PLAN_SIDE_NONE, 0, 10 },
	{ PLAN_PREPARE, 5, 25, 0, 1, -1, PLAN_SIDE_NONE, 0, 0 },
	{ PLAN_WORK, 30, 30, 0, 1, 0, PLAN_SIDE_LEFT, 1, 2 },
	{ PLAN_SWITCH, 3, 60, 0, 1, 0, PLAN_SIDE_RIGHT, 0, 2 },
	{ PLAN_WORK, 30, 63, 0, 1, 0, PLAN_SIDE_RIGHT, 1, 2 },
};
static unsigned plan_ex[] = { 2, 0 };
static struct plan plan = { phases, 6, 93, plan_ex, 2, CAT_LEVEL_MEDIUM };

static const char saved_text[] = "lumbar-progress 1\n"
                                 "routine due\n"
                                 "level medium\n"
                                 "exercises bridge knee-to-chest\n"
                                 "phase 5\n"
                                 "exercise knee-to-chest\n"
                                 "kind work\n"
                                 "set 0\n"
                                 "side right\n"
                                 "rep 1\n"
                                 "left 12\n";

/* The same state with two pending entries, as saved. */
static const char saved_entries_text[] = "lumbar-progress 1\n"
                                         "routine due\n"
                                         "level medium\n"
                                         "exercises bridge knee-to-chest\n"
                                         "phase 5\n"
                                         "exercise knee-to-chest\n"
                                         "kind work\n"
                                         "set 0\n"
                                         "side right\n"
                                         "rep 1\n"
                                         "left 12\n"
                                         "entry 1795500903 bridge done 95 - - -\n"
                                         "entry 1795500990 knee-to-chest partial 0 - - -\n";

static struct hist_entry pending(const char *id, time_t when, enum hist_result r, unsigned s)
{
	struct hist_entry e;

	hist_entry_init(&e);
	snprintf(e.id, sizeof(e.id), "%s", id);
	e.when = when;
	e.status = r;
	e.active_s = s;
	return e;
}

static void test_path_in_the_state_folder(void **state)
{
	char buf[160], other[160];
	(void)state;

	/* In the state folder, named after the history, never beside it. */
	assert_int_equal(prog_path("/home/a/.local/state/lumbar", "/tmp/x/x.tsv", buf, sizeof(buf)),
	                 0);
	assert_int_equal(strncmp(buf, "/home/a/.local/state/lumbar/x.tsv-", 34), 0);
	assert_int_equal(strlen(buf), 34 + 16 + strlen(".progress"));
	assert_string_equal(buf + 34 + 16, ".progress");
	/* Same name, other folder: another file. The same history: the same file. */
	assert_int_equal(prog_path("/s", "/tmp/y/x.tsv", other, sizeof(other)), 0);
	assert_int_equal(strncmp(other, "/s/x.tsv-", 9), 0);
	assert_string_not_equal(buf + 34, other + 9);
	assert_int_equal(
	    prog_path("/home/a/.local/state/lumbar", "/tmp/x/x.tsv", other, sizeof(other)), 0);
	assert_string_equal(buf, other);
	/* The name is on people's disks: it never changes (FNV-1a of the path). */
	assert_string_equal(other, "/home/a/.local/state/lumbar/x.tsv-07b806e4e3cd2228.progress");
	assert_int_equal(prog_path("/s", "/a/very/long/folder/history.tsv", buf, 8), -1);
	assert_string_equal(buf, "");
}

/* A second holder is told the lock is taken, until the first lets go. */
static void test_lock_is_exclusive(void **state)
{
	char path[128];
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "lumbar/x.progress");
	/* No folder and not asked to make one: an error, nothing created. */
	assert_int_equal(prog_lock(path, false, &err), -1);
	assert_int_equal(err.errnum, ENOENT);
	int a = prog_lock(path, true, &err);
	assert_true(a >= 0);
	/* Another open file description, as another process would have. */
	assert_int_equal(prog_lock(path, false, &err), PROG_LOCK_BUSY);
	prog_unlock(a);
	int b = prog_lock(path, false, &err);
	assert_true(b >= 0);
	prog_unlock(b);
	prog_unlock(-1);
	/* The progress file itself is not what is locked: it is replaced by rename. */
	assert_int_equal(access(path, F_OK), -1);
}

static void test_save_and_load_roundtrip(void **state)
{
	char path[128], dir[128];
	struct prog_state st, back;
	struct hist_error err = { 0 };
	struct stat sb;
	(void)state;

	assert_int_equal(prog_fill(&st, "due", &cat, &plan, 5, 12), 0);
	tmp_path(path, sizeof(path), "lumbar/progress");
	assert_int_equal(prog_save(path, &st, &err), 0);

	size_t len;
	char *text = slurp(path, &len);
	assert_string_equal(text, saved_text);
	free(text);

	/* The folder is created private, the file is private, no temp file remains. */
	assert_int_equal(stat(tmp_path(dir, sizeof(dir), "lumbar"), &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0700);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0600);
	assert_int_equal(count_entries(dir), 1);

	memset(&back, 0xAA, sizeof(back));
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_string_equal(back.routine, "due");
	assert_int_equal(back.level, CAT_LEVEL_MEDIUM);
	assert_int_equal(back.n_exercises, 2);
	assert_string_equal(back.exercises[0], "bridge");
	assert_string_equal(back.exercises[1], "knee-to-chest");
	assert_int_equal(back.phase, 5);
	assert_string_equal(back.exercise, "knee-to-chest");
	assert_int_equal(back.kind, PLAN_WORK);
	assert_int_equal(back.set, 0);
	assert_int_equal(back.side, PLAN_SIDE_RIGHT);
	assert_int_equal(back.rep, 1);
	assert_int_equal(back.left_s, 12);

	/* The saved state still matches the plan rebuilt from the catalogue. */
	unsigned idx[CAT_MAX_EXERCISES];
	assert_int_equal(prog_resolve(&back, &cat, idx, &err), 0);
	assert_int_equal(idx[0], 2);
	assert_int_equal(idx[1], 0);
	assert_int_equal(prog_check(&back, &cat, &plan, &err), 0);

	/* A prepare phase stores set -1 and reads back the same. */
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 0, 5), 0);
	assert_int_equal(prog_save(path, &st, &err), 0);
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.set, -1);
	assert_int_equal(back.kind, PLAN_PREPARE);
	assert_int_equal(prog_check(&back, &cat, &plan, &err), 0);
	assert_int_equal(count_entries(dir), 1);
}

static void test_entries_roundtrip(void **state)
{
	char path[128];
	struct prog_state st, back;
	struct hist_error err = { 0 };
	(void)state;

	assert_int_equal(prog_fill(&st, "due", &cat, &plan, 5, 12), 0);
	assert_int_equal(st.n_entries, 0);
	st.entries[st.n_entries++] = pending("bridge", 1795500903, HIST_DONE, 95);
	st.entries[st.n_entries++] = pending("knee-to-chest", 1795500990, HIST_PARTIAL, 0);
	tmp_path(path, sizeof(path), "progress");
	assert_int_equal(prog_save(path, &st, &err), 0);

	size_t len;
	char *text = slurp(path, &len);
	assert_string_equal(text, saved_entries_text);
	free(text);

	memset(&back, 0xAA, sizeof(back));
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.phase, 5);
	assert_int_equal(back.left_s, 12);
	assert_int_equal(back.n_entries, 2);
	assert_string_equal(back.entries[0].id, "bridge");
	assert_int_equal(back.entries[0].when, 1795500903);
	assert_int_equal(back.entries[0].status, HIST_DONE);
	assert_int_equal(back.entries[0].active_s, 95);
	assert_int_equal(back.entries[0].pain, HIST_NO_PAIN);
	assert_int_equal(back.entries[0].line, 0);
	assert_string_equal(back.entries[1].id, "knee-to-chest");
	assert_int_equal(back.entries[1].status, HIST_PARTIAL);
	assert_int_equal(back.entries[1].active_s, 0);

	/* Loaded entries go to the history as they are. */
	char hpath[128];
	tmp_path(hpath, sizeof(hpath), "history.tsv");
	assert_int_equal(hist_append(hpath, back.entries, back.n_entries, &err), 0);
	struct hist h = { 0 };
	assert_int_equal(hist_load(hpath, &h, NULL, NULL, &err), 0);
	assert_int_equal(h.n, 2);
	assert_int_equal(h.e[0].when, 1795500903);
	assert_int_equal(h.e[1].status, HIST_PARTIAL);
	hist_free(&h);

	/* A file without entries (as older builds wrote it) still loads. */
	spit(path, saved_text, strlen(saved_text));
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.n_entries, 0);

	/* As many entries as exercises fit in the file and come back. */
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 0, 5), 0);
	for (unsigned i = 0; i < CAT_MAX_EXERCISES; i++) {
		char id[CAT_MAX_ID + 1];
		memset(id, 'a', CAT_MAX_ID);
		id[CAT_MAX_ID] = '\0';
		st.entries[st.n_entries++] =
		    pending(id, (time_t)253402000000LL, HIST_PARTIAL, HIST_MAX_SECONDS);
	}
	assert_int_equal(prog_save(path, &st, &err), 0);
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.n_entries, CAT_MAX_EXERCISES);
	assert_int_equal(back.entries[CAT_MAX_EXERCISES - 1].active_s, HIST_MAX_SECONDS);
}

/* Issue 12: a stop and the pain-before score survive a resume. */
static void test_stop_and_pain_before_roundtrip(void **state)
{
	char path[128];
	struct prog_state st, back;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "progress");
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 1, 3), 0);
	assert_int_equal(st.pain_before, HIST_NO_PAIN);
	st.pain_before = 4;
	st.entries[st.n_entries++] = pending("bridge", 1795500903, HIST_STOPPED, 12);
	assert_int_equal(prog_save(path, &st, &err), 0);
	size_t len;
	char *text = slurp(path, &len);
	assert_non_null(
	    strstr(text, "\npain-before 4\nentry 1795500903 bridge stopped 12 - - -\n"));
	free(text);
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.pain_before, 4);
	assert_int_equal(back.n_entries, 1);
	assert_int_equal(back.entries[0].status, HIST_STOPPED);

	/* Without a score no line is written, and none reads as no score. */
	st.pain_before = HIST_NO_PAIN;
	assert_int_equal(prog_save(path, &st, &err), 0);
	text = slurp(path, &len);
	assert_null(strstr(text, "pain-before"));
	free(text);
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.pain_before, HIST_NO_PAIN);

	/* Out of range: refused on the way in and on the way out. */
	st.pain_before = 11;
	assert_int_equal(prog_save(path, &st, &err), -1);
	st.pain_before = 4;
	assert_int_equal(prog_save(path, &st, &err), 0);
	text = slurp(path, &len);
	char *at = strstr(text, "pain-before 4");
	assert_non_null(at);
	at[12] = 'x';
	spit(path, text, len);
	free(text);
	assert_int_equal(prog_load(path, &back, &err), -1);
	assert_non_null(strstr(err.msg, "bad pain-before"));
}

/*
 * Issue 18, items 3 and 4: an entry keeps every field its history line will
 * have (a stop's own score, the pain-before, the step), so a routine resumed
 * or written from its file writes the same line as one never interrupted;
 * an entry from an older file takes the file's pain-before.
 */
static void test_entries_keep_every_field(void **state)
{
	static const struct {
		const char *line;        /* the entry line as in the file */
		const char *pain_before; /* the file's pain-before line, or "" */
		const char *history;     /* the fields of the history line after the time */
	} rows[] = {
		{ "entry 1795500903 bridge stopped 12 8 4 3/19\n", "pain-before 4\n",
		  "bridge\tstopped\t12\t8\t4\t3/19\t-\ttimer\n" },
		{ "entry 1795500903 bridge done 95 - 4 0/0\n", "pain-before 4\n",
		  "bridge\tdone\t95\t-\t4\t0/0\t-\ttimer\n" },
		{ "entry 1795500903 bridge partial 30 - - medium\n", "",
		  "bridge\tpartial\t30\t-\t-\tmedium\t-\ttimer\n" },
		/* As an older lumbar wrote it: the file's pain-before goes on it. */
		{ "entry 1795500903 bridge stopped 12\n", "pain-before 6\n",
		  "bridge\tstopped\t12\t-\t6\t-\t-\ttimer\n" },
		{ "entry 1795500903 bridge done 95\n", "",
		  "bridge\tdone\t95\t-\t-\t-\t-\ttimer\n" },
	};
	char path[128], text[1024], line[256];
	struct prog_state back;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "progress");
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		snprintf(text, sizeof(text), "%s%s%s", saved_text, rows[i].pain_before,
		         rows[i].line);
		spit(path, text, strlen(text));
		assert_int_equal(prog_load(path, &back, &err), 1);
		assert_int_equal(back.n_entries, 1);
		size_t len = hist_format_entry(&back.entries[0], line, sizeof(line));
		assert_true(len < sizeof(line));
		assert_non_null(strchr(line, '\t'));
		assert_string_equal(strchr(line, '\t') + 1, rows[i].history);
		/* Saved again, the file says the same in the new form. */
		assert_int_equal(prog_save(path, &back, &err), 0);
		struct prog_state again;
		assert_int_equal(prog_load(path, &again, &err), 1);
		hist_format_entry(&again.entries[0], text, sizeof(text));
		assert_string_equal(text, line);
	}
}

static void test_save_refuses_bad_entries(void **state)
{
	char path[128];
	struct prog_state st;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "progress");
	const struct hist_entry bad[] = {
		pending("Not An Id", 1, HIST_DONE, 1),
		pending("", 1, HIST_DONE, 1),
		pending("bridge", -1, HIST_DONE, 1),
		pending("bridge", 1, (enum hist_result)3, 1),
		pending("bridge", 1, HIST_DONE, HIST_MAX_SECONDS + 1u),
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_int_equal(prog_fill(&st, "all", &cat, &plan, 1, 3), 0);
		st.entries[st.n_entries++] = bad[i];
		assert_int_equal(prog_save(path, &st, &err), -1);
		assert_non_null(strstr(err.msg, "malformed"));
		assert_int_equal(access(path, F_OK), -1);
	}
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 1, 3), 0);
	st.n_entries = CAT_MAX_EXERCISES + 1;
	assert_int_equal(prog_save(path, &st, &err), -1);
	assert_int_equal(access(path, F_OK), -1);
}

/*
 * A time the history reader would refuse (a five-digit year) is refused on
 * the way in and taken as damage on the way out, so it never becomes a
 * history line lumbar calls damaged.
 */
static void test_far_future_entry_is_refused(void **state)
{
	char path[128];
	struct prog_state st, back;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "progress");
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 1, 3), 0);
	st.entries[st.n_entries++] = pending("bridge", (time_t)999999999999LL, HIST_DONE, 1);
	assert_int_equal(prog_save(path, &st, &err), -1);
	assert_int_equal(access(path, F_OK), -1);

	char text[600];
	snprintf(text, sizeof(text), "%sentry 999999999999 bridge done 95\n", saved_text);
	spit(path, text, strlen(text));
	assert_int_equal(prog_load(path, &back, &err), -1);
	assert_non_null(strstr(err.msg, "line 12: entry the history would refuse"));
}

/* A finished routine whose entries still wait: `phase end`, never resumed. */
static void test_ended_routine_roundtrip(void **state)
{
	char path[128];
	struct prog_state st, back;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "progress");
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 5, 0), 0);
	st.ended = true;
	st.entries[st.n_entries++] = pending("bridge", 1795500903, HIST_DONE, 95);
	assert_int_equal(prog_save(path, &st, &err), 0);
	size_t len;
	char *text = slurp(path, &len);
	assert_non_null(strstr(text, "\nphase end\n"));
	free(text);
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_true(back.ended);
	assert_int_equal(back.n_entries, 1);
	assert_int_equal(prog_check(&back, &cat, &plan, &err), -1);
}

static void test_fill_refuses_bad_input(void **state)
{
	struct prog_state st;
	(void)state;

	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 6, 0), -1);
	assert_int_equal(prog_fill(&st, "All Of It", &cat, &plan, 0, 0), -1);
}

static void test_replace_is_atomic(void **state)
{
	char path[128];
	struct prog_state st, back;
	struct hist_error err = { 0 };
	(void)state;

	/*
	 * Replacing goes through rename(), so the old file stays intact until the
	 * new one is complete: a reader holding the old file still sees it whole,
	 * and its inode differs from the new one.
	 */
	tmp_path(path, sizeof(path), "progress");
	assert_int_equal(prog_fill(&st, "due", &cat, &plan, 3, 30), 0);
	assert_int_equal(prog_save(path, &st, &err), 0);
	FILE *old = fopen(path, "rb");
	assert_non_null(old);
	struct stat s1, s2;
	assert_int_equal(stat(path, &s1), 0);

	assert_int_equal(prog_fill(&st, "due", &cat, &plan, 5, 7), 0);
	assert_int_equal(prog_save(path, &st, &err), 0);
	assert_int_equal(stat(path, &s2), 0);
	assert_true(s1.st_ino != s2.st_ino);

	char buf[PROG_MAX_BYTES];
	size_t n = fread(buf, 1, sizeof(buf) - 1, old);
	buf[n] = '\0';
	fclose(old);
	assert_non_null(strstr(buf, "phase 3\n"));
	assert_non_null(strstr(buf, "left 30\n"));
	assert_int_equal(prog_load(path, &back, &err), 1);
	assert_int_equal(back.phase, 5);
	assert_int_equal(count_entries(tmpdir), 1);

	/* A failed save leaves the old file in place and no temp file behind. */
	char blocked[128];
	tmp_path(blocked, sizeof(blocked), "ro");
	assert_int_equal(mkdir(blocked, 0700), 0);
	char inner[160];
	snprintf(inner, sizeof(inner), "%s/progress", blocked);
	assert_int_equal(prog_save(inner, &st, &err), 0);
	/* Make the target a non-empty folder: rename() over it must fail. */
	assert_int_equal(unlink(inner), 0);
	assert_int_equal(mkdir(inner, 0700), 0);
	char keep[192];
	snprintf(keep, sizeof(keep), "%s/keep", inner);
	spit(keep, "x", 1);
	assert_int_equal(prog_save(inner, &st, &err), -1);
	assert_non_null(strstr(err.msg, "cannot save"));
	assert_int_equal(count_entries(blocked), 1);
	assert_int_equal(unlink(keep), 0);
	assert_int_equal(rmdir(inner), 0);
}

static void test_missing_and_removed(void **state)
{
	char path[128];
	struct prog_state back;
	struct prog_state st;
	struct hist_error err = { 0 };
	(void)state;

	tmp_path(path, sizeof(path), "progress");
	assert_int_equal(prog_load(path, &back, &err), 0);
	assert_int_equal(prog_remove(path, &err), 0);

	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 1, 3), 0);
	assert_int_equal(prog_save(path, &st, &err), 0);
	assert_int_equal(prog_remove(path, &err), 0);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(prog_load(path, &back, &err), 0);
}

static void test_damaged_file_is_ignored_with_a_warning(void **state)
{
	char path[128];
	struct prog_state back;
	struct hist_error err;
	(void)state;

	static const struct {
		const char *from, *to; /* replace this text of saved_text ... */
		const char *why;       /* ... and expect this at the end of the message */
	} cases[] = {
		{ "lumbar-progress 1", "lumbar-progress 2", "line 1: not a lumbar progress file" },
		{ "level medium", "level extreme", "line 3: unknown value" },
		{ "routine due", "routine Due", "line 2: bad exercise id" },
		{ "exercises bridge knee-to-chest", "exercises bridge  knee-to-chest",
		  "line 4: bad exercise list" },
		{ "exercises bridge knee-to-chest", "exercises ", "line 4: unexpected line" },
		{ "phase 5", "phase five", "line 5: bad number" },
		{ "phase 5", "phase -5", "line 5: bad number" },
		{ "kind work", "kind nap", "line 7: unknown value" },
		{ "set 0", "set -2", "line 8: set out of range" },
		{ "side right", "side up", "line 9: unknown value" },
		{ "rep 1", "rap 1", "line 10: unexpected line" },
		{ "left 12\n", "left 12\nextra 1\n", "line 12: unexpected line" },
		{ "left 12\n", "left 12", "line 11: last line has no newline" },
		{ "\nleft 12\n", "\n", "line 11: file ends too early" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 bridge done",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 bridge done 95 3",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 bridge done 95 ",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry -1795500903 bridge done 95",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903  bridge done 95",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 Bridge done 95",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 bridge finished 95",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 bridge done 1000000000",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903 bridge done 9x",
		  "line 12: bad entry" },
		{ "entry 1795500903 bridge done 95", "entry 1795500903000000 bridge done 9",
		  "line 12: bad entry" },
		{ "entry 1795500990", "pending 1795500990", "line 13: unexpected line" },
		{ "partial 0 - - -\n", "partial 0 - - -\nleft 3\n", "line 14: unexpected line" },
	};
	tmp_path(path, sizeof(path), "progress");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[1024];
		const char *base =
		    strstr(saved_text, cases[i].from) ? saved_text : saved_entries_text;
		const char *at = strstr(base, cases[i].from);
		assert_non_null(at);
		snprintf(text, sizeof(text), "%.*s%s%s", (int)(at - base), base, cases[i].to,
		         at + strlen(cases[i].from));
		spit(path, text, strlen(text));
		memset(&back, 0x5A, sizeof(back));
		memset(&err, 0, sizeof(err));
		assert_int_equal(prog_load(path, &back, &err), -1);
		char want[256];
		snprintf(want, sizeof(want), "ignoring damaged progress file %s: %s", path,
		         cases[i].why);
		assert_string_equal(err.msg, want);
		/* The caller's state is untouched. */
		assert_int_equal(back.n_exercises, 0x5A5A5A5A);
	}

	/* Cut short at every byte: never accepted, never a crash. */
	for (size_t cut = 0; cut < sizeof(saved_text) - 1; cut++) {
		spit(path, saved_text, cut);
		assert_int_equal(prog_load(path, &back, &err), -1);
	}
	spit(path, saved_text, sizeof(saved_text) - 1);
	assert_int_equal(prog_load(path, &back, &err), 1);

	/*
	 * With entries, a cut inside an entry line is refused; a cut at the end
	 * of a whole line is a valid file with fewer entries (the file is only
	 * ever replaced whole, so that cannot come from a crash).
	 */
	for (size_t cut = sizeof(saved_text) - 1; cut < sizeof(saved_entries_text) - 1; cut++) {
		spit(path, saved_entries_text, cut);
		int rc = prog_load(path, &back, &err);
		assert_int_equal(rc, saved_entries_text[cut - 1] == '\n' ? 1 : -1);
	}

	/* More entries than a plan has exercises. */
	{
		char *big = malloc(PROG_MAX_BYTES);
		assert_non_null(big);
		size_t off = (size_t)snprintf(big, PROG_MAX_BYTES, "%s", saved_text);
		for (unsigned i = 0; i <= CAT_MAX_EXERCISES; i++)
			off +=
			    (size_t)snprintf(big + off, PROG_MAX_BYTES - off, "entry 1 b done 1\n");
		spit(path, big, off);
		free(big);
		assert_int_equal(prog_load(path, &back, &err), -1);
		assert_non_null(strstr(err.msg, "line 112: too many entries"));
	}

	/* Binary junk and an oversized file. */
	char junk[PROG_MAX_BYTES + 10];
	for (size_t i = 0; i < sizeof(junk); i++)
		junk[i] = (char)(i * 37);
	spit(path, junk, sizeof(junk));
	assert_int_equal(prog_load(path, &back, &err), -1);
	assert_non_null(strstr(err.msg, "too large"));
	spit(path, junk, 100);
	assert_int_equal(prog_load(path, &back, &err), -1);

	/* A folder where the file should be. */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_int_equal(prog_load(path, &back, &err), -1);
	assert_int_equal(err.errnum, EISDIR);
	assert_int_equal(rmdir(path), 0);
}

static void test_changed_catalogue_is_detected(void **state)
{
	struct prog_state st;
	struct hist_error err = { 0 };
	unsigned idx[CAT_MAX_EXERCISES];
	(void)state;

	assert_int_equal(prog_fill(&st, "due", &cat, &plan, 5, 12), 0);

	/* An exercise no longer in the catalogue. */
	struct catalogue smaller = { .exercises = cat_ex, .n_exercises = 2 };
	assert_int_equal(prog_resolve(&st, &smaller, idx, &err), -1);
	assert_string_equal(
	    err.msg, "ignoring progress file: exercise bridge is no longer in the catalogue");

	/* The same exercises, but the phase now differs (fewer reps, other level). */
	struct prog_state moved = st;
	moved.rep = 2;
	assert_int_equal(prog_check(&moved, &cat, &plan, &err), -1);
	assert_string_equal(err.msg,
	                    "ignoring progress file: the routine changed since it was saved");
	moved = st;
	moved.phase = 6;
	assert_int_equal(prog_check(&moved, &cat, &plan, &err), -1);
	moved = st;
	moved.level = CAT_LEVEL_HARD;
	assert_int_equal(prog_check(&moved, &cat, &plan, &err), -1);
	moved = st;
	moved.side = PLAN_SIDE_LEFT;
	assert_int_equal(prog_check(&moved, &cat, &plan, &err), -1);
	assert_int_equal(prog_check(&st, &cat, &plan, &err), 0);
}

static void test_unwritable_folder(void **state)
{
	char path[128], file[128];
	struct prog_state st;
	struct hist_error err = { 0 };
	(void)state;

	/* A regular file where the folder should be fails even for root. */
	tmp_path(file, sizeof(file), "state");
	spit(file, "x", 1);
	tmp_path(path, sizeof(path), "state/lumbar/progress");
	assert_int_equal(prog_fill(&st, "all", &cat, &plan, 1, 3), 0);
	assert_int_equal(prog_save(path, &st, &err), -1);
	assert_int_equal(err.errnum, ENOTDIR);
	struct prog_state back;
	assert_int_equal(prog_load(path, &back, &err), -1);
	assert_int_equal(err.errnum, ENOTDIR);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path_in_the_state_folder),
		cmocka_unit_test_setup_teardown(test_lock_is_exclusive, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_far_future_entry_is_refused, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_ended_routine_roundtrip, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_save_and_load_roundtrip, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_entries_roundtrip, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_save_refuses_bad_entries, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test(test_fill_refuses_bad_input),
		cmocka_unit_test_setup_teardown(test_replace_is_atomic, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_missing_and_removed, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_damaged_file_is_ignored_with_a_warning,
		                                make_tmpdir, remove_tmpdir),
		cmocka_unit_test(test_changed_catalogue_is_detected),
		cmocka_unit_test_setup_teardown(test_stop_and_pain_before_roundtrip, make_tmpdir,
		                                remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_unwritable_folder, make_tmpdir, remove_tmpdir),
		cmocka_unit_test_setup_teardown(test_entries_keep_every_field, make_tmpdir,
		                                remove_tmpdir),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
