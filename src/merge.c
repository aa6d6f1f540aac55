/*
 * merge.c - conflict copies from a second machine, and `lumbar merge`
 * (merge.h).
 */
#include "merge.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "events.h"
#include "file.h"

/* ---- Names ----------------------------------------------------------------------- */

bool merge_is_copy(const char *base, const char *name)
{
	const char *dot = strrchr(base, '.');
	size_t stem = dot ? (size_t)(dot - base) : strlen(base), ext = strlen(base) - stem;
	size_t n = strlen(name);

	if (n <= stem + ext || strncmp(name, base, stem) != 0 ||
	    strcmp(name + n - ext, base + stem) != 0)
		return false;
	const char *mid = name + stem;
	size_t m = n - stem - ext;
	static const char sync[] = ".sync-conflict-";

	if (m > sizeof(sync) - 1 && strncmp(mid, sync, sizeof(sync) - 1) == 0)
		return true;
	return m > 3 && mid[0] == ' ' && mid[1] == '(' && mid[m - 1] == ')';
}

/* ---- Lines ------------------------------------------------------------------------- */

/* One line: its bytes, a hash of them, its instant and where it came from. */
struct line {
	const char *s;
	size_t len;
	uint64_t hash;
	time_t when;
	size_t order; /* copies in the order given, lines in file order */
};

struct lines {
	struct line *l;
	size_t n, cap;
};

static void push(struct lines *ls, const char *s, size_t len, time_t when)
{
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? 2 * ls->cap : 64;
		ls->l = xrealloc(ls->l, ls->cap * sizeof(*ls->l));
	}
	ls->l[ls->n] = (struct line){ s, len, file_hash(s, len), when, ls->n };
	ls->n++;
}

/* By bytes, hash first. */
static int cmp_bytes(const struct line *x, const struct line *y)
{
	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return memcmp(x->s, y->s, x->len);
}

/* By bytes, then by order. */
static int by_bytes(const void *a, const void *b)
{
	const struct line *x = a, *y = b;
	int c = cmp_bytes(x, y);

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int by_time(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static bool same(const struct line *x, const struct line *y)
{
	return cmp_bytes(x, y) == 0;
}

static void take_real(void *ctx, unsigned lineno, const char *s, size_t len)
{
	(void)lineno;
	push(ctx, s, len, 0);
}

/* A line the reader of `kind` takes, with its instant: 0, or -1 with why. */
static int check(enum merge_kind kind, const char *s, size_t len, time_t *when, char *why,
                 size_t why_len)
{
	const char *f[1];
	size_t fl[1];
	int32_t day;

	if (kind == MERGE_HISTORY) {
		struct hist_entry e;

		if (hist_parse_line(s, len, &e, why, why_len) != 0)
			return -1;
	} else {
		struct ev_line e;

		if (ev_parse_line(s, len, &e, why, why_len) < 0)
			return -1;
	}
	/* A kind a newer lumbar writes is kept: its time is its first field's. */
	hist_split(s, len, f, fl, 1);
	return hist_parse_time(f[0], fl[0], &day, when) == NULL ? 0 : -1;
}

struct copy_walk {
	enum merge_kind kind;
	const struct merge_src *src;
	struct lines *out;
};

static void take_copy(void *ctx, unsigned lineno, const char *s, size_t len)
{
	struct copy_walk *w = ctx;
	char why[256] = "bad timestamp";
	time_t when;

	if (check(w->kind, s, len, &when, why, sizeof(why)) != 0) {
		if (w->src->warn)
			w->src->warn(w->src->ctx, lineno, why);
		return;
	}
	push(w->out, s, len, when);
}

size_t merge_missing(enum merge_kind kind, const char *real, size_t real_len,
                     const struct merge_src *src, size_t n_src, char **out, size_t *out_len)
{
	struct lines have = { 0 }, cand = { 0 };
	size_t n = 0, bytes = 0;

	if (real)
		hist_each_line(real, real_len, take_real, &have);
	if (have.n > 1)
		qsort(have.l, have.n, sizeof(*have.l), by_bytes);
	for (size_t i = 0; i < n_src; i++) {
		struct copy_walk w = { kind, &src[i], &cand };

		if (src[i].buf)
			hist_each_line(src[i].buf, src[i].len, take_copy, &w);
	}
	/* Each line once (the first copy's), and none the real file has. */
	if (cand.n > 1)
		qsort(cand.l, cand.n, sizeof(*cand.l), by_bytes);
	for (size_t i = 0; i < cand.n; i++) {
		struct line *c = &cand.l[i];
		size_t lo = 0, hi = have.n;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (cmp_bytes(&have.l[mid], c) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		bool known = lo < have.n && same(&have.l[lo], c);

		if (!known && !(n > 0 && same(&cand.l[n - 1], c))) {
			cand.l[n++] = *c;
			bytes += c->len + 1;
		}
	}
	if (n > 1)
		qsort(cand.l, n, sizeof(*cand.l), by_time);
	*out = NULL;
	*out_len = 0;
	if (n) {
		char *p = *out = xmalloc(bytes + 1);

		for (size_t i = 0; i < n; i++) {
			memcpy(p, cand.l[i].s, cand.l[i].len);
			p += cand.l[i].len;
			*p++ = '\n';
		}
		*p = '\0';
		*out_len = bytes;
	}
	free(have.l);
	free(cand.l);
	return n;
}

static void find_kind(void *ctx, unsigned lineno, const char *s, size_t len)
{
	int *kind = ctx;
	char why[256];
	time_t when;

	(void)lineno;
	if (*kind >= 0)
		return;
	if (check(MERGE_HISTORY, s, len, &when, why, sizeof(why)) == 0)
		*kind = MERGE_HISTORY;
	else if (check(MERGE_EVENTS, s, len, &when, why, sizeof(why)) == 0)
		*kind = MERGE_EVENTS;
}

int merge_kind_of(const char *buf, size_t len)
{
	int kind = -1;

	hist_each_line(buf, len, find_kind, &kind);
	return kind;
}

/* ---- The append ------------------------------------------------------------------- */

struct into {
	enum merge_kind kind;
	const struct merge_src *src;
	size_t n_src;
	const char *path;
	char *text;
	size_t n;
};

/* Under the lock: the real file as it is, and what it lacks. */
static int lacking(void *ctx, int fd, size_t size, const char **text, size_t *len,
                   struct hist_error *err)
{
	struct into *in = ctx;
	char *buf;
	size_t got = 0;

	if (size > HIST_MAX_FILE) {
		hist_set_error(err, EFBIG, "cannot read %s", in->path);
		return -1;
	}
	buf = xmalloc(size + 1);
	while (got < size) {
		ssize_t r = pread(fd, buf + got, size - got, (off_t)got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			hist_set_error(err, r < 0 ? errno : EIO, "cannot read %s", in->path);
			free(buf);
			return -1;
		}
		got += (size_t)r;
	}
	in->n = merge_missing(in->kind, buf, size, in->src, in->n_src, &in->text, len);
	*text = in->text;
	free(buf);
	return 0;
}

long merge_into(const char *path, enum merge_kind kind, const struct merge_src *src, size_t n_src,
                struct hist_error *err)
{
	struct into in = { kind, src, n_src, path, NULL, 0 };
	int rc = hist_append_locked(path, kind == MERGE_HISTORY ? hist_header : ev_header, lacking,
	                            &in, err);

	free(in.text);
	return rc != 0 ? -1 : (long)in.n;
}

/* ---- Copies beside a file --------------------------------------------------------- */

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t merge_copies(const char *path, char ***out)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	size_t dlen = slash ? (size_t)(slash - path) : 0, n = 0, cap = 0;
	char *dir = slash ? xstrndup(path, dlen ? dlen : 1) : xstrdup(".");
	DIR *d = opendir(dir);
	struct dirent *de;

	*out = NULL;
	while (d && (de = readdir(d)) != NULL) {
		if (!merge_is_copy(base, de->d_name))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			*out = xrealloc(*out, cap * sizeof(**out));
		}
		size_t len = dlen + 1 + strlen(de->d_name) + 1;
		char *p = xmalloc(len);

		if (slash)
			snprintf(p, len, "%.*s/%s", (int)dlen, path, de->d_name);
		else
			snprintf(p, len, "%s", de->d_name);
		(*out)[n++] = p;
	}
	if (d)
		closedir(d);
	free(dir);
	if (n)
		qsort(*out, n, sizeof(**out), by_name);
	return n;
}

void merge_names_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- The notice -------------------------------------------------------------------- */

enum { NOTICE_NAMED = 3 }; /* copies named; more are counted */

/* The copies of `real` that hold lines it lacks, named into buf after `*named` others. */
static void notice_of(const char *real, enum merge_kind kind, char *buf, size_t len,
                      unsigned *named)
{
	char **copies, *text, *mine = NULL, *theirs;
	size_t n = merge_copies(real, &copies), mlen = 0, tlen, at;

	if (n == 0)
		return;
	if (file_read(real, HIST_MAX_FILE, FILE_NOFOLLOW, &mine, &mlen) != 0)
		mine = NULL;
	for (size_t i = 0; i < n; i++) {
		if (file_read(copies[i], HIST_MAX_FILE, FILE_NOFOLLOW, &theirs, &tlen) != 0)
			continue;
		struct merge_src s = { theirs, tlen, NULL, NULL };

		if (merge_missing(kind, mine, mlen, &s, 1, &text, &at) > 0) {
			at = strlen(buf);
			if (*named < NOTICE_NAMED)
				snprintf(buf + at, len - at, "%s'%s'", *named ? ", " : "",
				         copies[i]);
			++*named;
		}
		free(text);
		free(theirs);
	}
	free(mine);
	merge_names_free(copies, n);
}

unsigned merge_notice(const char *history, char *buf, size_t len)
{
	char events[4096], names[2048] = "";
	unsigned named = 0;

	buf[0] = '\0';
	notice_of(history, MERGE_HISTORY, names, sizeof(names), &named);
	if (ev_path(history, events, sizeof(events)) == 0)
		notice_of(events, MERGE_EVENTS, names, sizeof(names), &named);
	if (named == 0)
		return 0;
	if (named > NOTICE_NAMED)
		snprintf(names + strlen(names), sizeof(names) - strlen(names), " and %u more",
		         named - NOTICE_NAMED);
	snprintf(buf, len, "another machine's lines wait in %s: lumbar merge adds them", names);
	return named;
}
