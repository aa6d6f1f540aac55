/*
 * progress.c - the resume file, replaced atomically at each phase change.
 */
#include "progress.h"

#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "journal.h"

static const char prog_magic[] = "lumbar-progress 1";

/* The file's own spellings; see progress.h for why they are not shared. */
static const char *const level_names[] = { "easy", "medium", "hard" };
static const char *const kind_names[] = { "prepare", "work", "rest", "switch" };
static const char *const side_names[] = { "none", "left", "right" };

int prog_path(const char *state_dir, const char *history_abs, char *buf, size_t len)
{
	const char *slash = strrchr(history_abs, '/');
	const char *base = slash ? slash + 1 : history_abs;
	int n = snprintf(buf, len, "%s/%.64s-%016llx.progress", state_dir, base,
	                 (unsigned long long)file_hash(history_abs, strlen(history_abs)));

	if (n < 0 || (size_t)n >= len) {
		if (len)
			buf[0] = '\0';
		return -1;
	}
	return 0;
}

int prog_lock(const char *path, bool make_folder, struct hist_error *err)
{
	size_t plen = strlen(path);
	char *lock = xmalloc(plen + 6);
	int fd;

	memcpy(lock, path, plen);
	memcpy(lock + plen, ".lock", 6);
	if (make_folder && hist_make_parent(lock, err) != 0) {
		free(lock);
		return -1;
	}
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0600);
	if (fd < 0) {
		hist_set_error(err, errno, "cannot lock %s", lock);
		free(lock);
		return -1;
	}
	while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EINTR)
			continue;
		int e = errno;
		close(fd);
		if (e == EWOULDBLOCK) {
			free(lock);
			return PROG_LOCK_BUSY;
		}
		hist_set_error(err, e, "cannot lock %s", lock);
		free(lock);
		return -1;
	}
	free(lock);
	return fd;
}

void prog_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

static int copy_id(char *dst, const char *src)
{
	size_t len = strlen(src);

	if (!cat_valid_id(src, len))
		return -1;
	memcpy(dst, src, len + 1);
	return 0;
}

int prog_fill(struct prog_state *st, const char *routine, const struct catalogue *cat,
              const struct plan *p, size_t phase, unsigned left_s)
{
	if (phase >= p->n || p->n_exercises == 0 || p->n_exercises > CAT_MAX_EXERCISES ||
	    (unsigned)p->level > CAT_LEVEL_HARD)
		return -1;
	memset(st, 0, sizeof(*st));
	if (copy_id(st->routine, routine) != 0)
		return -1;
	st->level = p->level;
	st->n_exercises = p->n_exercises;
	for (unsigned i = 0; i < p->n_exercises; i++) {
		if (p->exercises[i] >= cat->n_exercises ||
		    copy_id(st->exercises[i], cat->exercises[p->exercises[i]].id) != 0)
			return -1;
	}
	const struct plan_phase *ph = &p->phases[phase];
	if (ph->exercise >= cat->n_exercises ||
	    copy_id(st->exercise, cat->exercises[ph->exercise].id) != 0)
		return -1;
	st->phase = phase;
	st->kind = ph->kind;
	st->set = ph->set;
	st->side = ph->side;
	st->rep = ph->rep;
	st->left_s = left_s;
	st->pain_before = HIST_NO_PAIN;
	return 0;
}

/* ---- Writing ------------------------------------------------------------------ */

/* Format the state; returns the length, or 0 when it does not fit. */
static size_t format_state(const struct prog_state *st, char *buf, size_t cap)
{
	size_t off = 0;
	int n;

#define PUT(...)                                                                                   \
	do {                                                                                       \
		n = snprintf(buf + off, cap - off, __VA_ARGS__);                                   \
		if (n < 0 || (size_t)n >= cap - off)                                               \
			return 0;                                                                  \
		off += (size_t)n;                                                                  \
	} while (0)

	PUT("%s\nroutine %s\nlevel %s\nexercises", prog_magic, st->routine, level_names[st->level]);
	for (unsigned i = 0; i < st->n_exercises; i++)
		PUT(" %s", st->exercises[i]);
	if (st->ended)
		PUT("\nphase end");
	else
		PUT("\nphase %zu", st->phase);
	PUT("\nexercise %s\nkind %s\nset %d\nside %s\nrep %u\nleft %u\n", st->exercise,
	    kind_names[st->kind], st->set, side_names[st->side], st->rep, st->left_s);
	if (st->pain_before != HIST_NO_PAIN)
		PUT("pain-before %d\n", st->pain_before);
	for (unsigned i = 0; i < st->n_entries; i++) {
		const struct hist_entry *e = &st->entries[i];
		char pain[8], before[8], step[16];

		hist_format_fields(e, pain, before, step);
		PUT("entry %lld %s %s %u %s %s %s\n", (long long)e->when, e->id,
		    hist_result_name(e->status), e->active_s, pain, before, step);
	}
#undef PUT
	return off;
}

int prog_save(const char *path, const struct prog_state *st, struct hist_error *err)
{
	char buf[PROG_MAX_BYTES];
	bool entries_ok = st->n_entries <= CAT_MAX_EXERCISES;

	for (unsigned i = 0; entries_ok && i < st->n_entries; i++)
		entries_ok = st->entries[i].when >= 0 && journal_entry_valid(&st->entries[i]);
	if ((unsigned)st->level > CAT_LEVEL_HARD || (unsigned)st->kind > PLAN_SWITCH ||
	    (unsigned)st->side > PLAN_SIDE_RIGHT || st->n_exercises == 0 ||
	    st->n_exercises > CAT_MAX_EXERCISES || !entries_ok ||
	    (st->pain_before != HIST_NO_PAIN && (unsigned)st->pain_before > HIST_MAX_PAIN)) {
		hist_set_error(err, 0, "cannot save %s: refusing a malformed state", path);
		return -1;
	}
	size_t len = format_state(st, buf, sizeof(buf));
	if (len == 0) {
		hist_set_error(err, 0, "cannot save %s: state too large", path);
		return -1;
	}
	if (hist_check_folder(path, err) != 0 || hist_make_parent(path, err) != 0)
		return -1;

	int e = file_replace(path, buf, len, NULL);
	if (e != 0) {
		hist_set_error(err, e, "cannot save %s", path);
		return -1;
	}
	return 0;
}

int prog_remove(const char *path, struct hist_error *err)
{
	if (unlink(path) != 0 && errno != ENOENT) {
		hist_set_error(err, errno, "cannot remove %s", path);
		return -1;
	}
	return 0;
}

/* ---- Reading ------------------------------------------------------------------- */

struct cursor {
	const char *p, *end;
	unsigned line;
	const char *why;
};

/*
 * Take the next line, which must be `key value`; returns the value (not
 * NUL-terminated) and its length in *len, or NULL.
 */
static const char *take(struct cursor *c, const char *key, size_t *len)
{
	size_t klen = strlen(key);

	c->line++;
	if (c->p >= c->end) {
		c->why = "file ends too early";
		return NULL;
	}
	const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
	if (!nl) {
		c->why = "last line has no newline";
		return NULL;
	}
	const char *v = c->p + klen + 1;
	if ((size_t)(nl - c->p) <= klen + 1 || memcmp(c->p, key, klen) != 0 || c->p[klen] != ' ') {
		c->why = "unexpected line";
		return NULL;
	}
	*len = (size_t)(nl - v);
	c->p = nl + 1;
	return v;
}

static int take_name(struct cursor *c, const char *key, const char *const *names, unsigned n,
                     unsigned *out)
{
	size_t len;
	const char *v = take(c, key, &len);

	if (!v)
		return -1;
	for (unsigned i = 0; i < n; i++) {
		if (strlen(names[i]) == len && memcmp(names[i], v, len) == 0) {
			*out = i;
			return 0;
		}
	}
	c->why = "unknown value";
	return -1;
}

static int take_id(struct cursor *c, const char *key, char *out)
{
	size_t len;
	const char *v = take(c, key, &len);

	if (!v)
		return -1;
	if (!cat_valid_id(v, len)) {
		c->why = "bad exercise id";
		return -1;
	}
	memcpy(out, v, len);
	out[len] = '\0';
	return 0;
}

/* A decimal number of 1..9 digits, optionally negative when `neg` allows. */
static int take_num(struct cursor *c, const char *key, bool neg, long *out)
{
	size_t len;
	const char *v = take(c, key, &len);
	long sign = 1, x = 0;

	if (!v)
		return -1;
	if (neg && len > 0 && v[0] == '-') {
		sign = -1;
		v++;
		len--;
	}
	if (len == 0 || len > 9) {
		c->why = "bad number";
		return -1;
	}
	for (size_t i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9') {
			c->why = "bad number";
			return -1;
		}
		x = x * 10 + (v[i] - '0');
	}
	*out = sign * x;
	return 0;
}

/* The next space-separated field of [*v, end), advancing *v past it. */
static const char *field(const char **v, const char *end, size_t *len)
{
	const char *start = *v;
	const char *sp = memchr(start, ' ', (size_t)(end - start));
	const char *stop = sp ? sp : end;

	*len = (size_t)(stop - start);
	*v = sp ? sp + 1 : end;
	return start;
}

/* Decimal digits only, 1..`max` of them. */
static bool digits(const char *s, size_t len, size_t max, long long *out)
{
	long long x = 0;

	if (len == 0 || len > max)
		return false;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		x = x * 10 + (s[i] - '0');
	}
	*out = x;
	return true;
}

/*
 * `entry WHEN ID STATUS SECONDS PAIN PAIN-BEFORE STEP`: one pending history
 * entry, every field of its history line. A file from before issue 18 has
 * the first four only: its entries take the file's pain-before
 * (`pain_before`) and no pain score or step.
 */
static int take_entry(struct cursor *c, struct hist_entry *e, int pain_before)
{
	size_t len, flen;
	const char *v = take(c, "entry", &len);
	const char *end, *f;
	long long when, secs;
	char status[16];

	if (!v)
		return -1;
	end = v + len;
	hist_entry_init(e);
	c->why = "bad entry";
	f = field(&v, end, &flen);
	if (!digits(f, flen, 12, &when))
		return -1;
	f = field(&v, end, &flen);
	if (!cat_valid_id(f, flen))
		return -1;
	memcpy(e->id, f, flen);
	e->id[flen] = '\0';
	f = field(&v, end, &flen);
	if (flen >= sizeof(status))
		return -1;
	memcpy(status, f, flen);
	status[flen] = '\0';
	if (hist_result_parse(status, &e->status) != 0)
		return -1;
	f = field(&v, end, &flen);
	if (!digits(f, flen, 9, &secs) || secs > HIST_MAX_SECONDS)
		return -1;
	e->pain_before = pain_before;
	if (f + flen != end) {
		f = field(&v, end, &flen);
		if (hist_parse_score(f, flen, &e->pain) != 0)
			return -1;
		f = field(&v, end, &flen);
		if (hist_parse_score(f, flen, &e->pain_before) != 0)
			return -1;
		f = field(&v, end, &flen);
		if (hist_parse_step(f, flen, &e->step) != 0)
			return -1;
	}
	if (v != end || f + flen != end)
		return -1;
	e->when = (time_t)when;
	e->active_s = (unsigned)secs;
	if (!journal_entry_valid(e)) {
		c->why = "entry the history would refuse";
		return -1;
	}
	c->why = NULL;
	return 0;
}

static int parse_state(struct cursor *c, struct prog_state *st)
{
	size_t len;
	unsigned u;
	long x;

	c->line++;
	if ((size_t)(c->end - c->p) < sizeof(prog_magic) ||
	    memcmp(c->p, prog_magic, sizeof(prog_magic) - 1) != 0 ||
	    c->p[sizeof(prog_magic) - 1] != '\n') {
		c->why = "not a lumbar progress file";
		return -1;
	}
	c->p += sizeof(prog_magic);

	if (take_id(c, "routine", st->routine) != 0)
		return -1;
	if (take_name(c, "level", level_names, 3, &u) != 0)
		return -1;
	st->level = (enum cat_level)u;

	const char *v = take(c, "exercises", &len);
	if (!v)
		return -1;
	const char *e = v + len;
	st->n_exercises = 0;
	while (v < e) {
		const char *sp = memchr(v, ' ', (size_t)(e - v));
		const char *stop = sp ? sp : e;
		size_t l = (size_t)(stop - v);
		if (st->n_exercises == CAT_MAX_EXERCISES || !cat_valid_id(v, l)) {
			c->why = "bad exercise list";
			return -1;
		}
		memcpy(st->exercises[st->n_exercises], v, l);
		st->exercises[st->n_exercises++][l] = '\0';
		v = sp ? sp + 1 : e;
		if (sp && v == e) {
			c->why = "bad exercise list";
			return -1;
		}
	}

	const struct cursor at_phase = *c;
	v = take(c, "phase", &len);
	if (v && len == 3 && memcmp(v, "end", 3) == 0) {
		st->ended = true;
		st->phase = 0;
	} else {
		*c = at_phase;
		if (take_num(c, "phase", false, &x) != 0)
			return -1;
		st->phase = (size_t)x;
	}
	if (take_id(c, "exercise", st->exercise) != 0)
		return -1;
	if (take_name(c, "kind", kind_names, 4, &u) != 0)
		return -1;
	st->kind = (enum plan_kind)u;
	if (take_num(c, "set", true, &x) != 0)
		return -1;
	if (x < -1 || x >= CAT_MAX_SETS) {
		c->why = "set out of range";
		return -1;
	}
	st->set = (int)x;
	if (take_name(c, "side", side_names, 3, &u) != 0)
		return -1;
	st->side = (enum plan_side)u;
	if (take_num(c, "rep", false, &x) != 0)
		return -1;
	st->rep = (unsigned)x;
	if (take_num(c, "left", false, &x) != 0)
		return -1;
	st->left_s = (unsigned)x;
	/* Optional: written only when a score was given (and not before issue 12). */
	const struct cursor at_pain = *c;
	v = take(c, "pain-before", &len);
	st->pain_before = HIST_NO_PAIN;
	if (!v) {
		*c = at_pain;
	} else if (hist_parse_score(v, len, &st->pain_before) != 0 ||
	           st->pain_before == HIST_NO_PAIN) {
		c->why = "bad pain-before";
		return -1;
	}
	st->n_entries = 0;
	while (c->p != c->end) {
		if (st->n_entries == CAT_MAX_EXERCISES) {
			c->line++;
			c->why = "too many entries";
			return -1;
		}
		if (take_entry(c, &st->entries[st->n_entries], st->pain_before) != 0)
			return -1;
		st->n_entries++;
	}
	return 0;
}

int prog_load(const char *path, struct prog_state *out, struct hist_error *err)
{
	char *buf;
	size_t len;

	if (hist_check_folder(path, err) != 0)
		return -1;
	int e = file_read(path, PROG_MAX_BYTES, FILE_NOFOLLOW, &buf, &len);
	if (e == ENOENT)
		return 0;
	if (e == FILE_ETOOBIG) {
		hist_set_error(err, 0, "ignoring damaged progress file %s: too large", path);
		return -1;
	}
	if (e != 0) {
		hist_set_error(err, e, "ignoring progress file %s", path);
		return -1;
	}

	/* Parse into a copy so *out stays untouched when the file is damaged. */
	struct prog_state *st = xcalloc(1, sizeof(*st));
	struct cursor c = { buf, buf + len, 0, NULL };
	int rc = 1;
	if (parse_state(&c, st) != 0) {
		hist_set_error(err, 0, "ignoring damaged progress file %s: line %u: %s", path,
		               c.line, c.why);
		rc = -1;
	} else {
		*out = *st;
	}
	free(st);
	free(buf);
	return rc;
}

/* ---- Checking against the catalogue -------------------------------------------- */

int prog_resolve(const struct prog_state *st, const struct catalogue *cat, unsigned *idx,
                 struct hist_error *err)
{
	for (unsigned i = 0; i < st->n_exercises; i++) {
		int k = cat_find(cat, st->exercises[i]);
		if (k < 0) {
			hist_set_error(
			    err, 0,
			    "ignoring progress file: exercise %s is no longer in the catalogue",
			    st->exercises[i]);
			return -1;
		}
		idx[i] = (unsigned)k;
	}
	return 0;
}

int prog_check(const struct prog_state *st, const struct catalogue *cat, const struct plan *p,
               struct hist_error *err)
{
	bool ok = !st->ended && st->phase < p->n && p->n_exercises == st->n_exercises &&
	          p->level == st->level;

	for (unsigned i = 0; ok && i < st->n_exercises; i++)
		ok = p->exercises[i] < cat->n_exercises &&
		     strcmp(cat->exercises[p->exercises[i]].id, st->exercises[i]) == 0;
	if (ok) {
		const struct plan_phase *ph = &p->phases[st->phase];
		ok = ph->exercise < cat->n_exercises &&
		     strcmp(cat->exercises[ph->exercise].id, st->exercise) == 0 &&
		     ph->kind == st->kind && ph->set == st->set && ph->side == st->side &&
		     ph->rep == st->rep;
	}
	if (!ok) {
		hist_set_error(err, 0,
		               "ignoring progress file: the routine changed since it was saved");
		return -1;
	}
	return 0;
}

int prog_path_for(const char *history, const char *xdg_state_home, const char *home, char *buf,
                  size_t len)
{
	char state[PATH_MAX], abs[PATH_MAX * 2], dir[PATH_MAX], real[PATH_MAX];
	const char *slash = strrchr(history, '/');
	const char *base = slash ? slash + 1 : history;
	int n;

	buf[0] = '\0';
	if (hist_path(NULL, xdg_state_home, home, state, sizeof(state)) != 0)
		return -1;
	*strrchr(state, '/') = '\0';
	if (!slash)
		snprintf(dir, sizeof(dir), ".");
	else if (slash == history)
		snprintf(dir, sizeof(dir), "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - history), history);
	if (realpath(dir, real))
		n = snprintf(abs, sizeof(abs), "%s/%s", strcmp(real, "/") ? real : "", base);
	else if (history[0] == '/')
		n = snprintf(abs, sizeof(abs), "%s", history);
	else if (getcwd(real, sizeof(real)))
		n = snprintf(abs, sizeof(abs), "%s/%s", real, history);
	else
		return -1;
	if (n < 0 || (size_t)n >= sizeof(abs))
		return -1;
	return prog_path(state, abs, buf, len);
}
