/*
 * history.c - the append-only history file, its reader, and adherence.
 *
 * Dates are handled as civil day numbers (days since 1970-01-01) computed
 * with integer arithmetic, so reading never calls mktime() or depends on the
 * reader's time zone; only "today" and the timestamps written come from
 * localtime_r() on a time passed in.
 */
#include "history.h"

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
#include <sys/types.h>
#include <unistd.h>

const char hist_header[] =
    "# timestamp\texercise-id\tstatus\tactive-seconds\tpain\tpain-before\tstep\tsession\t"
    "source\n";

/* The longest line hist_append() writes, with room to spare. */
enum { HIST_LINE_MAX = 160 };

void hist_set_error(struct hist_error *err, int errnum, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	err->errnum = errnum;
	va_start(ap, fmt);
	int n = vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	if (errnum && n >= 0 && (size_t)n < sizeof(err->msg))
		snprintf(err->msg + n, sizeof(err->msg) - (size_t)n, ": %s", file_strerror(errnum));
}

/* ---- Dates ----------------------------------------------------------------- */

/* Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date. */
int32_t hist_day_from_civil(int y, unsigned m, unsigned d)
{
	y -= m <= 2;
	const int era = (y >= 0 ? y : y - 399) / 400;
	const unsigned yoe = (unsigned)(y - era * 400);
	const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + (int)doe - 719468);
}

void hist_civil_from_day(int32_t day, int *y, unsigned *m, unsigned *d)
{
	const long z = (long)day + 719468;
	const long era = (z >= 0 ? z : z - 146096) / 146097;
	const unsigned doe = (unsigned)(z - era * 146097);
	const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	const unsigned mp = (5 * doy + 2) / 153;
	const unsigned dd = doy - (153 * mp + 2) / 5 + 1;
	const unsigned mm = mp < 10 ? mp + 3 : mp - 9;
	const int yy = (int)((long)yoe + era * 400) + (mm <= 2);

	if (y)
		*y = yy;
	if (m)
		*m = mm;
	if (d)
		*d = dd;
}

int32_t hist_today(time_t now)
{
	struct tm tm;

	/* localtime_r fails only for absurd times; UTC days are then the best guess. */
	if (!localtime_r(&now, &tm)) {
		time_t q = now / 86400;
		return (int32_t)(now % 86400 < 0 ? q - 1 : q);
	}
	return hist_day_from_civil(tm.tm_year + 1900, (unsigned)tm.tm_mon + 1,
	                           (unsigned)tm.tm_mday);
}

time_t hist_next_day(time_t now)
{
	struct tm tm;
	time_t t;

	if (!localtime_r(&now, &tm))
		return now + 86400 - (now % 86400 + 86400) % 86400;
	tm.tm_mday++;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	t = mktime(&tm);
	if (t == (time_t)-1 || t <= now)
		return now + 3600;
	/* Where midnight does not exist, mktime() may land in the hour before it. */
	while (hist_today(t) == hist_today(now) && t - now < 3 * 86400)
		t += 60;
	return t;
}

time_t hist_noon(int32_t day)
{
	struct tm tm = { 0 };
	int y;
	unsigned m, d;

	hist_civil_from_day(day, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = (int)m - 1;
	tm.tm_mday = (int)d;
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

unsigned hist_weekday(int32_t day)
{
	/* 1970-01-01 was a Thursday, index 3 when Monday is 0. */
	int r = (int)(((int64_t)day + 3) % 7);
	return (unsigned)(r < 0 ? r + 7 : r);
}

int32_t hist_week_start(int32_t day)
{
	return day - (int32_t)hist_weekday(day);
}

char *hist_format_day(int32_t day, char *buf, size_t len)
{
	int y;
	unsigned m, d;

	hist_civil_from_day(day, &y, &m, &d);
	snprintf(buf, len, "%04d-%02u-%02u", y, m, d);
	return buf;
}

char *hist_format_time(time_t when, char *buf, size_t len)
{
	struct tm tm;

	if (!localtime_r(&when, &tm)) {
		snprintf(buf, len, "1970-01-01T00:00:00+00:00");
		return buf;
	}
	/* Offsets that are not whole minutes (old local mean times) are truncated. */
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	snprintf(buf, len, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld", tm.tm_year + 1900,
	         tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60,
	         off % 60);
	return buf;
}

/* ---- Paths and folders ------------------------------------------------------ */

int hist_path(const char *override, const char *xdg_state_home, const char *home, char *buf,
              size_t len)
{
	if (override && *override) {
		int n = snprintf(buf, len, "%s", override);
		if (n < 0 || (size_t)n >= len) {
			if (len)
				buf[0] = '\0';
			return ENAMETOOLONG;
		}
		return 0;
	}
	return file_xdg_path(xdg_state_home, home, ".local/state", "lumbar/history.tsv", buf, len);
}

int hist_check_folder(const char *path, struct hist_error *err)
{
	const char *slash = strrchr(path, '/');
	char *dir = !slash          ? xstrdup(".")
	            : slash == path ? xstrdup("/")
	                            : xstrndup(path, (size_t)(slash - path));
	struct stat st;
	int rc = 0;

	/* A folder not there yet is created by lumbar, mode 0700. */
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (st.st_uid != geteuid()) {
			hist_set_error(err, 0, "refusing %s: its folder %s belongs to another user",
			               path, dir);
			rc = -1;
		} else if ((st.st_mode & S_IWOTH) ||
		           ((st.st_mode & S_IWGRP) && st.st_gid != getegid())) {
			hist_set_error(err, 0,
			               "refusing %s: others can write to its folder %s "
			               "(chmod go-w %s)",
			               path, dir, dir);
			rc = -1;
		}
		if (rc && err)
			err->errnum = EPERM;
	}
	free(dir);
	return rc;
}

int hist_make_parent(const char *path, struct hist_error *err)
{
	struct stat st;
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir) {
		free(dir); /* The parent is "." or "/", which exist. */
		return 0;
	}
	*slash = '\0';
	/* The common case: the folder is already there. */
	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
		free(dir);
		return 0;
	}
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) != 0) {
			int e = errno;
			if (e != EEXIST) {
				hist_set_error(err, e, "cannot create folder %s", dir);
				free(dir);
				return -1;
			}
			if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
				hist_set_error(err, ENOTDIR, "cannot create folder %s", dir);
				free(dir);
				return -1;
			}
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return 0;
}

/* ---- Field checks ------------------------------------------------------------ */

static const char *const result_names[] = { "done", "partial", "stopped" };

const char *hist_result_name(enum hist_result r)
{
	return (unsigned)r <= HIST_STOPPED ? result_names[r] : "done";
}

static uint64_t session_hash(const char *s, size_t len);

static const char *const source_names[] = { "timer", "log" };

const char *hist_source_name(enum hist_source s)
{
	return (unsigned)s <= HIST_SRC_LOG ? source_names[s] : "timer";
}

uint64_t hist_session_new(time_t now, unsigned long salt)
{
	char text[64];
	int n = snprintf(text, sizeof(text), "%lld.%lu", (long long)now, salt);

	return session_hash(text, n > 0 ? (size_t)n : 0);
}

struct hist_seen *hist_session_of(struct hist_sessions *ss, int64_t stretch, uint64_t id)
{
	if (id == 0)
		return NULL;
	if (ss->stretch != stretch)
		ss->n = 0;
	ss->stretch = stretch;
	for (size_t i = 0; i < ss->n; i++)
		if (ss->s[i].id == id)
			return &ss->s[i];
	if (ss->n == ss->cap) {
		ss->cap = ss->cap ? 2 * ss->cap : 16;
		ss->s = xrealloc(ss->s, ss->cap * sizeof(*ss->s));
	}
	ss->s[ss->n] = (struct hist_seen){ .id = id };
	return &ss->s[ss->n++];
}

void hist_sessions_free(struct hist_sessions *ss)
{
	free(ss->s);
	*ss = (struct hist_sessions){ 0 };
}

int hist_result_parse(const char *s, enum hist_result *out)
{
	for (unsigned i = 0; i <= HIST_STOPPED; i++) {
		if (strcmp(s, result_names[i]) == 0) {
			*out = (enum hist_result)i;
			return 0;
		}
	}
	return -1;
}

void hist_entry_init(struct hist_entry *e)
{
	memset(e, 0, sizeof(*e));
	e->pain = HIST_NO_PAIN;
	e->pain_before = HIST_NO_PAIN;
	e->step.kind = HIST_STEP_NONE;
}

static bool valid_step(const struct hist_step *st)
{
	switch (st->kind) {
	case HIST_STEP_NONE:
		return true;
	case HIST_STEP_INDEX:
		return st->k <= st->n && st->n <= HIST_MAX_STEPS;
	case HIST_STEP_LEVEL:
		return (unsigned)st->level <= CAT_LEVEL_HARD;
	}
	return false;
}

static bool valid_score(int v)
{
	return v == HIST_NO_PAIN || (v >= 0 && v <= HIST_MAX_PAIN);
}

/* ---- Appending ---------------------------------------------------------------- */

static void format_score(int v, char *buf, size_t len)
{
	if (v == HIST_NO_PAIN)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d", v);
}

void hist_format_fields(const struct hist_entry *e, char pain[8], char before[8], char step[16])
{
	format_score(e->pain, pain, 8);
	format_score(e->pain_before, before, 8);
	if (e->step.kind == HIST_STEP_INDEX)
		snprintf(step, 16, "%u/%u", e->step.k, e->step.n);
	else if (e->step.kind == HIST_STEP_LEVEL)
		snprintf(step, 16, "%s", cat_level_name(e->step.level));
	else
		snprintf(step, 16, "-");
}

size_t hist_format_entry(const struct hist_entry *e, char *buf, size_t len)
{
	char ts[40], pain[8], before[8], step[16], session[24] = "-";

	hist_format_time(e->when, ts, sizeof(ts));
	hist_format_fields(e, pain, before, step);
	if (e->session != 0)
		snprintf(session, sizeof(session), "%016llx", (unsigned long long)e->session);
	int n = snprintf(buf, len, "%s\t%s\t%s\t%u\t%s\t%s\t%s\t%s\t%s\n", ts, e->id,
	                 hist_result_name(e->status), e->active_s, pain, before, step, session,
	                 hist_source_name(e->source));
	return n < 0 ? 0 : (size_t)n;
}

int hist_append(const char *path, const struct hist_entry *e, size_t n, struct hist_error *err)
{
	for (size_t i = 0; i < n; i++) {
		const struct hist_entry *x = &e[i];
		if (!cat_valid_id(x->id, strnlen(x->id, sizeof(x->id))) ||
		    (unsigned)x->status > HIST_STOPPED || !valid_score(x->pain) ||
		    !valid_score(x->pain_before) || !valid_step(&x->step) ||
		    x->active_s > HIST_MAX_SECONDS || (unsigned)x->source > HIST_SRC_LOG) {
			hist_set_error(err, 0, "cannot write to %s: refusing a malformed entry",
			               path);
			if (err)
				err->errnum = EINVAL;
			return -1;
		}
	}
	if (n == 0)
		return 0;

	char *buf = xmalloc(n * HIST_LINE_MAX);
	size_t off = 0;
	for (size_t i = 0; i < n; i++)
		off += hist_format_entry(&e[i], buf + off, n * HIST_LINE_MAX - off);
	int rc = hist_append_text(path, hist_header, buf, off, err);
	free(buf);
	return rc;
}

/* hist_append_text()'s text, given as it is whatever the file holds. */
struct fixed_text {
	const char *text;
	size_t len;
};

static int fixed_text(void *ctx, int fd, size_t size, const char **text, size_t *len,
                      struct hist_error *err)
{
	const struct fixed_text *f = ctx;

	(void)fd, (void)size, (void)err;
	*text = f->text;
	*len = f->len;
	return 0;
}

int hist_append_text(const char *path, const char *header_text, const char *text, size_t len,
                     struct hist_error *err)
{
	struct fixed_text f = { text, len };

	return hist_append_locked(path, header_text, fixed_text, &f, err);
}

int hist_append_locked(const char *path, const char *header_text, hist_append_fn *what, void *ctx,
                       struct hist_error *err)
{
	const char *text = NULL;
	size_t len = 0;
	char *buf = NULL;
	if (hist_check_folder(path, err) != 0)
		return -1;
	if (hist_make_parent(path, err) != 0)
		return -1;
	/*
	 * Read access is only to check the last byte; a write-only file still
	 * works. O_NONBLOCK so a FIFO without a reader fails instead of hanging;
	 * O_NOFOLLOW so a symlink planted in the folder is not followed.
	 */
	const int flags = O_APPEND | O_CREAT | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW;
	int fd = open(path, O_RDWR | flags, 0600);
	if (fd < 0 && errno == EACCES)
		fd = open(path, O_WRONLY | flags, 0600);
	if (fd < 0) {
		int why = errno == ELOOP ? FILE_ESYMLINK : errno == ENXIO ? FILE_ENOTREG : errno;
		hist_set_error(err, why, "cannot open %s", path);
		return -1;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		/* A FIFO or device would swallow the lines: never say they were saved. */
		hist_set_error(err, FILE_ENOTREG, "cannot write to %s", path);
		close(fd);
		return -1;
	}
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		(void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);

	/*
	 * The lock serialises the size check (and what `what` reads: lumbar
	 * merge's lines the file lacks) with the write, so that two first writes
	 * do not both add the header and a merge never adds a line another
	 * lumbar has just appended; O_APPEND alone already keeps the lines
	 * whole. Where locks are not supported, go on without one.
	 */
	(void)flock(fd, LOCK_EX);

	size_t off = 0;
	bool header = false;
	(void)fstat(fd, &st); /* the size after the lock; a failure keeps the first */
	/* What to write is decided now, under the lock, with the file as it is. */
	int said = what(ctx, fd, (size_t)st.st_size, &text, &len, err);
	if (said != 0 || len == 0) {
		close(fd);
		return said != 0 ? -1 : 0;
	}
	/* Room for a leading newline, the header and every line. */
	buf = xmalloc(1 + strlen(header_text) + len);
	if (st.st_size == 0) {
		header = true;
	} else {
		char last;
		if (pread(fd, &last, 1, st.st_size - 1) == 1 && last != '\n')
			buf[off++] = '\n';
	}
	if (header) {
		memcpy(buf + off, header_text, strlen(header_text));
		off += strlen(header_text);
	}
	memcpy(buf + off, text, len);
	off += len;

	int rc = 0;
	if (file_write_all(fd, buf, off) != 0) {
		hist_set_error(err, errno, "cannot write to %s", path);
		rc = -1;
		/*
		 * A disk that fills part-way through leaves the start of a line
		 * behind, which every later read would report as damage. Cut the
		 * file back to the size it had before this write: only our own
		 * unfinished bytes go, every line already there stays. The lock
		 * keeps another lumbar from appending in between.
		 */
		(void)!ftruncate(fd, st.st_size); /* glibc warns on a bare (void) */
	} else if (fsync(fd) != 0) {
		hist_set_error(err, errno, "cannot save %s", path);
		rc = -1;
	}
	if (close(fd) != 0 && rc == 0) {
		hist_set_error(err, errno, "cannot save %s", path);
		rc = -1;
	}
	if (rc == 0 && header)
		file_sync_parent(path);
	free(buf);
	return rc;
}

/* ---- Reading ------------------------------------------------------------------- */

/* Copy a field into why-messages with unprintable bytes shown as '?'. */
void hist_quote(char *dst, size_t dlen, const char *s, size_t len)
{
	size_t max = dlen - 4, j = 0;

	for (size_t i = 0; i < len && j < max; i++) {
		unsigned char c = (unsigned char)s[i];
		dst[j++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (len > max && j >= 3)
		memcpy(dst + j - 3, "...", 3);
	dst[j] = '\0';
}

static int digits(const char *s, size_t n, unsigned *out)
{
	unsigned v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static unsigned month_days(int y, unsigned m)
{
	static const unsigned char md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : md[m - 1];
}

/*
 * Parse `YYYY-MM-DDTHH:MM:SS+HH:MM` (or `-HH:MM`, or `Z` for UTC). Returns
 * NULL on success, or what is wrong.
 */
const char *hist_parse_time(const char *s, size_t len, int32_t *day, time_t *when)
{
	unsigned y, mo, d, h, mi, sec, oh = 0, om = 0;
	int sign = 1;

	if (len != 25 && len != 20)
		return "want YYYY-MM-DDTHH:MM:SS+HH:MM";
	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' ||
	    digits(s + 8, 2, &d) || s[10] != 'T' || digits(s + 11, 2, &h) || s[13] != ':' ||
	    digits(s + 14, 2, &mi) || s[16] != ':' || digits(s + 17, 2, &sec))
		return "want YYYY-MM-DDTHH:MM:SS+HH:MM";
	if (len == 20) {
		if (s[19] != 'Z')
			return "want YYYY-MM-DDTHH:MM:SS+HH:MM";
	} else {
		if ((s[19] != '+' && s[19] != '-') || digits(s + 20, 2, &oh) || s[22] != ':' ||
		    digits(s + 23, 2, &om))
			return "want YYYY-MM-DDTHH:MM:SS+HH:MM";
		sign = s[19] == '-' ? -1 : 1;
	}
	if (mo < 1 || mo > 12 || d < 1 || d > month_days((int)y, mo))
		return "no such date";
	/* Second 60 is a leap second. */
	if (h > 23 || mi > 59 || sec > 60)
		return "no such time of day";
	if (oh > 23 || om > 59)
		return "offset out of range";
	*day = hist_day_from_civil((int)y, mo, d);
	*when = (time_t)*day * 86400 + (time_t)(h * 3600 + mi * 60 + sec) -
	        sign * (time_t)(oh * 3600 + om * 60);
	return NULL;
}

int hist_parse_day(const char *s, size_t len, int32_t *day)
{
	unsigned y, mo, d;

	if (len != 10 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' ||
	    digits(s + 8, 2, &d) || mo < 1 || mo > 12 || d < 1 || d > month_days((int)y, mo))
		return -1;
	*day = hist_day_from_civil((int)y, mo, d);
	return 0;
}

int hist_parse_score(const char *s, size_t len, int *out)
{
	unsigned v;

	if (len == 1 && s[0] == '-') {
		*out = HIST_NO_PAIN;
		return 0;
	}
	/* 0..9 or 10: no sign, no leading zero, no spaces. */
	if ((len == 1 || (len == 2 && s[0] == '1')) && !digits(s, len, &v) && v <= HIST_MAX_PAIN) {
		*out = (int)v;
		return 0;
	}
	return -1;
}

int hist_parse_step(const char *s, size_t len, struct hist_step *st)
{
	const char *slash = memchr(s, '/', len);
	char word[8];

	memset(st, 0, sizeof(*st));
	if (len == 1 && s[0] == '-')
		return 0;
	if (slash) {
		size_t a = (size_t)(slash - s), b = len - a - 1;
		/* 0/19 and 0/0 are steps; 01/19 is not (no leading zeros). */
		if (a < 1 || a > 3 || b < 1 || b > 3 || (a > 1 && s[0] == '0') ||
		    (b > 1 && slash[1] == '0') || digits(s, a, &st->k) ||
		    digits(slash + 1, b, &st->n) || st->k > st->n)
			return -1;
		st->kind = HIST_STEP_INDEX;
		return 0;
	}
	if (len >= sizeof(word))
		return -1;
	memcpy(word, s, len);
	word[len] = '\0';
	if (cat_level_parse(word, &st->level) != 0)
		return -1;
	st->kind = HIST_STEP_LEVEL;
	return 0;
}

unsigned hist_split(const char *s, size_t len, const char **f, size_t *fl, unsigned max)
{
	unsigned nf = 0;
	const char *p = s, *end = s + len;

	for (;;) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		const char *stop = tab ? tab : end;
		if (nf < max) {
			f[nf] = p;
			fl[nf] = (size_t)(stop - p);
		}
		nf++;
		if (!tab)
			return nf;
		p = tab + 1;
	}
}

/* A session id as a number: file_hash(), never 0 (0 is no session). */
static uint64_t session_hash(const char *s, size_t len)
{
	uint64_t h;

	if (len == 0 || (len == 1 && *s == '-'))
		return 0;
	h = file_hash(s, len);
	return h ? h : 1;
}

int hist_parse_line(const char *s, size_t len, struct hist_entry *e, char *why, size_t why_len)
{
	const char *f[9];
	size_t fl[9];
	char q[48];
	unsigned nf = hist_split(s, len, f, fl, 9);

	/* Field 8 is the session, 9 the source; those after them a later version's. */
	if (nf != 5 && nf < 7) {
		snprintf(why, why_len, "expected 5 or 7 tab-separated fields, found %u", nf);
		return -1;
	}

	const char *bad = hist_parse_time(f[0], fl[0], &e->day, &e->when);
	if (bad) {
		hist_quote(q, sizeof(q), f[0], fl[0]);
		snprintf(why, why_len, "bad timestamp \"%s\": %s", q, bad);
		return -1;
	}
	if (!cat_valid_id(f[1], fl[1])) {
		hist_quote(q, sizeof(q), f[1], fl[1]);
		snprintf(why, why_len, "bad exercise id \"%s\" (want 1-32 of a-z, 0-9 and -)", q);
		return -1;
	}
	memcpy(e->id, f[1], fl[1]);
	e->id[fl[1]] = '\0';

	char status[8] = "";
	if (fl[2] < sizeof(status)) {
		memcpy(status, f[2], fl[2]);
		status[fl[2]] = '\0';
	}
	if (hist_result_parse(status, &e->status) != 0) {
		hist_quote(q, sizeof(q), f[2], fl[2]);
		snprintf(why, why_len, "bad status \"%s\" (want done, partial or stopped)", q);
		return -1;
	}

	if (fl[3] < 1 || fl[3] > 9 || digits(f[3], fl[3], &e->active_s)) {
		hist_quote(q, sizeof(q), f[3], fl[3]);
		snprintf(why, why_len, "bad active seconds \"%s\" (want a whole number)", q);
		return -1;
	}

	if (hist_parse_score(f[4], fl[4], &e->pain) != 0) {
		hist_quote(q, sizeof(q), f[4], fl[4]);
		snprintf(why, why_len, "bad pain \"%s\" (want 0-10 or -)", q);
		return -1;
	}
	e->pain_before = HIST_NO_PAIN;
	memset(&e->step, 0, sizeof(e->step));
	if (nf >= 7) {
		if (hist_parse_score(f[5], fl[5], &e->pain_before) != 0) {
			hist_quote(q, sizeof(q), f[5], fl[5]);
			snprintf(why, why_len, "bad pain-before \"%s\" (want 0-10 or -)", q);
			return -1;
		}
		if (hist_parse_step(f[6], fl[6], &e->step) != 0) {
			hist_quote(q, sizeof(q), f[6], fl[6]);
			snprintf(
			    why, why_len,
			    "bad step \"%s\" (want -, K/N such as 3/19, or easy, medium or hard)",
			    q);
			return -1;
		}
	}
	e->session = nf >= 8 ? session_hash(f[7], fl[7]) : 0;
	/* A line without a source (written before it existed), or `-`, was timed. */
	e->source = HIST_SRC_TIMER;
	if (nf >= 9 && !(fl[8] == 1 && *f[8] == '-')) {
		unsigned i = 0;

		while (i <= HIST_SRC_LOG && !(strlen(source_names[i]) == fl[8] &&
		                              memcmp(source_names[i], f[8], fl[8]) == 0))
			i++;
		if (i > HIST_SRC_LOG) {
			hist_quote(q, sizeof(q), f[8], fl[8]);
			snprintf(why, why_len, "bad source \"%s\" (want timer, log or -)", q);
			return -1;
		}
		e->source = (enum hist_source)i;
	}
	e->line = 0;
	return 0;
}

static bool blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

static int entry_cmp(const void *a, const void *b)
{
	const struct hist_entry *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* One line without its newline: a CRLF's carriage return, comments and blanks out. */
static void one_line(const char *p, size_t l, unsigned lineno, hist_line_fn *fn, void *ctx)
{
	/* Tolerate a file edited with CRLF line ends. */
	if (l > 0 && p[l - 1] == '\r')
		l--;
	if (l > 0 && p[0] != '#' && !blank(p, l))
		fn(ctx, lineno, p, l);
}

/* The length of a UTF-8 byte-order mark at p (Notepad, a spreadsheet's "CSV UTF-8"). */
static size_t bom(const char *p, size_t len)
{
	return len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

void hist_each_line(const char *buf, size_t len, hist_line_fn *fn, void *ctx)
{
	unsigned lineno = 0;
	const char *p = buf + bom(buf, len), *end = buf + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;
		one_line(p, (size_t)(stop - p), ++lineno, fn, ctx);
		p = nl ? nl + 1 : end;
	}
}

/* Why a state file cannot be read, into *err; returns -1. */
static int read_error(const char *path, int e, struct hist_error *err)
{
	if (e == FILE_ETOOBIG) {
		hist_set_error(err, 0, "cannot read %s: larger than the history limit of %d MiB",
		               path, HIST_MAX_FILE >> 20);
		if (err)
			err->errnum = EFBIG;
	} else {
		hist_set_error(err, e, "cannot read %s", path);
	}
	return -1;
}

int hist_stream(const char *path, hist_line_fn *fn, void *ctx, struct stat *st,
                struct hist_error *err)
{
	int fd, e;

	if (st)
		memset(st, 0, sizeof(*st));
	if (hist_check_folder(path, err) != 0)
		return -1;
	if ((e = file_open_read(path, HIST_MAX_FILE, FILE_NOFOLLOW, &fd, st)) == ENOENT)
		return 0;
	if (e)
		return read_error(path, e, err);

	char *buf = xmalloc(HIST_STREAM_BUF);
	size_t have = 0;
	unsigned long long total = 0;
	unsigned lineno = 0;
	bool first = true, rest_of_long = false;
	for (;;) {
		ssize_t r = read(fd, buf + have, HIST_STREAM_BUF - have);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			e = errno;
			break;
		}
		if ((total += (size_t)r) > HIST_MAX_FILE) {
			e = FILE_ETOOBIG;
			break;
		}
		have += (size_t)r;
		bool eof = r == 0;
		size_t at = 0;
		if (first && (have >= 3 || eof)) {
			at = bom(buf, have);
			first = false;
		} else if (first) {
			continue;
		}
		for (char *nl; (nl = memchr(buf + at, '\n', have - at));
		     at = (size_t)(nl - buf) + 1) {
			if (rest_of_long)
				rest_of_long = false; /* the end of a line already passed on */
			else
				one_line(buf + at, (size_t)(nl - buf) - at, ++lineno, fn, ctx);
		}
		if (eof) {
			if (at < have && !rest_of_long)
				one_line(buf + at, have - at, ++lineno, fn, ctx);
			break;
		}
		if (at == 0 && have == HIST_STREAM_BUF) {
			/* A line longer than any lumbar writes: its start is passed on (and
			 * refused as damage), the rest skipped to its newline. */
			if (!rest_of_long)
				one_line(buf, have, ++lineno, fn, ctx);
			rest_of_long = true;
			have = 0;
			continue;
		}
		memmove(buf, buf + at, have - at);
		have -= at;
	}
	free(buf);
	close(fd);
	return e ? read_error(path, e, err) : 0;
}

struct parse_ctx {
	struct hist_entry *e;
	size_t n, cap;
	hist_warn_fn *warn;
	void *ctx;
	int32_t since; /* lines dated before this day are skipped unread */
};

static void parse_one(void *ctx, unsigned lineno, const char *s, size_t len)
{
	struct parse_ctx *pc = ctx;
	char why[192];
	int32_t day;

	/* The date leads the line: an old one is skipped before any parsing. */
	if (pc->since != INT32_MIN && len > 10 && hist_parse_day(s, 10, &day) == 0 &&
	    day < pc->since)
		return;
	if (pc->n == pc->cap) {
		pc->cap = pc->cap ? pc->cap * 2 : 64;
		pc->e = xrealloc(pc->e, pc->cap * sizeof(*pc->e));
	}
	if (hist_parse_line(s, len, &pc->e[pc->n], why, sizeof(why)) == 0)
		pc->e[pc->n++].line = lineno;
	else if (pc->warn)
		pc->warn(pc->ctx, lineno, why);
}

void hist_sort(struct hist *h)
{
	/* Appends are nearly always in order; sort only when they are not. */
	for (size_t i = 1; i < h->n; i++) {
		if (entry_cmp(&h->e[i - 1], &h->e[i]) > 0) {
			qsort(h->e, h->n, sizeof(*h->e), entry_cmp);
			return;
		}
	}
}

int hist_parse(const char *buf, size_t len, struct hist *out, hist_warn_fn *warn, void *ctx,
               struct hist_error *err)
{
	return hist_parse_since(buf, len, INT32_MIN, out, warn, ctx, err);
}

int hist_parse_since(const char *buf, size_t len, int32_t since, struct hist *out,
                     hist_warn_fn *warn, void *ctx, struct hist_error *err)
{
	struct parse_ctx pc = { NULL, 0, 0, warn, ctx, since };

	(void)err; /* nothing to report: running out of memory exits (file.h) */
	hist_each_line(buf, len, parse_one, &pc);
	out->e = pc.e;
	out->n = pc.n;
	hist_sort(out);
	return 0;
}

int hist_load(const char *path, struct hist *out, hist_warn_fn *warn, void *ctx,
              struct hist_error *err)
{
	return hist_load_since(path, INT32_MIN, out, warn, ctx, err);
}

int hist_load_since(const char *path, int32_t since, struct hist *out, hist_warn_fn *warn,
                    void *ctx, struct hist_error *err)
{
	struct parse_ctx pc = { NULL, 0, 0, warn, ctx, since };

	if (hist_stream(path, parse_one, &pc, NULL, err) != 0) {
		free(pc.e);
		return -1;
	}
	out->e = pc.e;
	out->n = pc.n;
	hist_sort(out);
	return 0;
}

void hist_free(struct hist *h)
{
	if (!h)
		return;
	free(h->e);
	h->e = NULL;
	h->n = 0;
}

/* First entry whose day is >= day (entries are sorted by day). */
static size_t lower_bound(const struct hist *h, int32_t day)
{
	size_t lo = 0, hi = h->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->e[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

unsigned hist_count(const struct hist *h, const char *id, int32_t from, int32_t to)
{
	unsigned c = 0;

	for (size_t i = lower_bound(h, from); i < h->n && h->e[i].day <= to; i++)
		if (h->e[i].status == HIST_DONE && strcmp(h->e[i].id, id) == 0)
			c++;
	return c;
}

/* ---- Adherence ------------------------------------------------------------------ */

/* Shade 0..4 of a day from what was done and started. */
static unsigned char day_level(const struct hist_day *d)
{
	if (d->done == 0 && d->partial == 0 && d->stopped == 0)
		return 0;
	double f = hist_day_fraction(d);
	if (f >= 1.0)
		return 4;
	if (f >= 2.0 / 3.0)
		return 3;
	if (f >= 1.0 / 3.0)
		return 2;
	return 1;
}

double hist_day_fraction(const struct hist_day *d)
{
	if (d->due_units == 0)
		return d->done > 0 ? 1.0 : 0.0;
	double f = (double)d->done_units / d->due_units;
	return f > 1.0 ? 1.0 : f;
}

double hist_day_pain(const struct hist_day *d)
{
	return d->pain_n ? (double)d->pain_sum / d->pain_n : -1.0;
}

double hist_day_pain_before(const struct hist_day *d)
{
	return d->before_n ? (double)d->before_sum / d->before_n : -1.0;
}

static unsigned pct(double done, double expected)
{
	if (expected <= 0.0)
		return 0;
	double p = 100.0 * done / expected + 0.5;
	return p >= 100.0 ? 100 : (unsigned)p;
}

bool hist_paused(const struct hist_pause *p, size_t n, int32_t day)
{
	for (size_t i = 0; i < n; i++)
		if (day >= p[i].from && day <= p[i].to)
			return true;
	return false;
}

unsigned hist_paused_days(const struct hist_pause *p, size_t n, int32_t from, int32_t to)
{
	unsigned count = 0;

	for (size_t i = 0; i < n; i++) {
		int32_t a = p[i].from > from ? p[i].from : from;
		int32_t b = p[i].to < to ? p[i].to : to;
		if (b >= a)
			count += (unsigned)(b - a + 1);
	}
	return count;
}

/* Whether every day strictly between `a` and `b` is paused (none between: true). */
static bool bridged(const struct hist_pause *p, size_t n, int32_t a, int32_t b)
{
	return b - a <= 1 || hist_paused_days(p, n, a + 1, b - 1) == (unsigned)(b - a - 1);
}

int hist_summarize(const struct hist *h, const struct catalogue *cat, time_t now,
                   struct hist_summary *out)
{
	return hist_summarize_paused(h, cat, now, NULL, 0, out);
}

int hist_summarize_paused(const struct hist *h, const struct catalogue *cat, time_t now,
                          const struct hist_pause *paused, size_t n_paused,
                          struct hist_summary *out)
{
	struct hist_summary s;
	const unsigned nx = cat ? cat->n_exercises : 0;

	memset(&s, 0, sizeof(s));
	s.today = hist_today(now);
	s.week_start = hist_week_start(s.today);
	s.n_ex = nx;
	/* Lines dated after today (a clock that was wrong once) are not part of
	 * today's figures: not a day, not the pain trend's last week. */
	const struct hist upto = { h->e, lower_bound(h, s.today + 1) };
	h = &upto;
	for (unsigned k = 0; k < nx; k++)
		if (cat->exercises[k].freq.per == CAT_PER_DAY)
			s.daily_due += cat->exercises[k].freq.times;

	size_t ndays = 0;
	for (size_t i = 0; i < h->n; i++)
		if (i == 0 || h->e[i].day != h->e[i - 1].day)
			ndays++;

	struct cat_index ix;
	unsigned *cnt_day = NULL, *cnt_week = NULL;
	double *done7 = NULL, *done30 = NULL;
	s.ex = xcalloc(nx ? nx : 1, sizeof(*s.ex));
	s.days = xcalloc(ndays ? ndays : 1, sizeof(*s.days));
	cnt_day = xcalloc(nx ? nx : 1, sizeof(*cnt_day));
	cnt_week = xcalloc(nx ? nx : 1, sizeof(*cnt_week));
	done7 = xcalloc(nx ? nx : 1, sizeof(*done7));
	done30 = xcalloc(nx ? nx : 1, sizeof(*done30));
	cat_index_init(&ix, cat);

	/* The windows never start before the first day of the history. */
	const int32_t first = h->n ? h->e[0].day : s.today + 1;
	const int32_t from7 = s.today - 6 > first ? s.today - 6 : first;
	const int32_t from30 = s.today - 29 > first ? s.today - 29 : first;

	int32_t week = INT32_MIN;
	struct hist_sessions ss = { 0 };
	size_t i = 0;
	while (i < h->n) {
		struct hist_day *d = &s.days[s.n_days++];
		const int32_t day = h->e[i].day;
		unsigned weekly_units = 0;

		d->day = day;
		if (hist_week_start(day) != week) {
			week = hist_week_start(day);
			memset(cnt_week, 0, nx * sizeof(*cnt_week));
		}
		memset(cnt_day, 0, nx * sizeof(*cnt_day));
		for (; i < h->n && h->e[i].day == day; i++) {
			const struct hist_entry *e = &h->e[i];
			struct hist_seen *sn = hist_session_of(&ss, week, e->session);
			d->active_s += e->active_s;
			/* Pain by session: a routine's lines carry its scores once. */
			if (e->pain >= 0 && !(sn && sn->after)) {
				d->pain_sum += (unsigned)e->pain;
				d->pain_n++;
			}
			if (e->pain_before >= 0 && !(sn && sn->before)) {
				d->before_sum += (unsigned)e->pain_before;
				d->before_n++;
			}
			if (sn) {
				sn->after |= e->pain >= 0;
				sn->before |= e->pain_before >= 0;
			}
			if (e->status == HIST_STOPPED) {
				d->stopped++;
				int k = day == s.today ? cat_index_find(&ix, e->id) : -1;
				if (k >= 0)
					s.ex[k].stopped_today = true;
				continue;
			}
			if (e->status != HIST_DONE) {
				d->partial++;
				continue;
			}
			d->done++;
			int k = cat_index_find(&ix, e->id);
			if (k < 0)
				continue;
			cnt_day[k]++;
			if (cat->exercises[k].freq.per == CAT_PER_WEEK &&
			    ++cnt_week[k] <= cat->exercises[k].freq.times)
				weekly_units++;
		}

		d->due_units = s.daily_due + weekly_units;
		d->done_units = weekly_units;
		for (unsigned k = 0; k < nx; k++) {
			const struct cat_frequency *f = &cat->exercises[k].freq;
			unsigned c = cnt_day[k];
			unsigned capped = f->per == CAT_PER_DAY && c > f->times ? f->times : c;
			if (f->per == CAT_PER_DAY)
				d->done_units += capped;
			if (day == s.today)
				s.ex[k].today = c;
			if (day >= s.week_start && day < s.week_start + 7)
				s.ex[k].week += c;
			if (day >= from7 && day <= s.today)
				done7[k] += capped;
			if (day >= from30 && day <= s.today)
				done30[k] += capped;
		}
		d->level = day_level(d);
		if (day == s.today)
			s.today_active_s = d->active_s;
	}

	/* While paused nothing is due; a stop stands for the rest of its day. */
	const bool paused_today = hist_paused(paused, n_paused, s.today);
	for (unsigned k = 0; k < nx; k++) {
		const struct cat_frequency *f = &cat->exercises[k].freq;
		struct hist_ex_stat *x = &s.ex[k];
		x->count = f->per == CAT_PER_WEEK ? x->week : x->today;
		x->due = x->count < f->times && !x->stopped_today && !paused_today;
		x->done7 = done7[k];
		x->done30 = done30[k];
		if (first > s.today)
			continue;
		/* Paused days are not expected (lumbar pause). */
		unsigned p7 = hist_paused_days(paused, n_paused, from7, s.today - 1);
		unsigned p30 = hist_paused_days(paused, n_paused, from30, s.today - 1);
		bool p_today = paused_today;
		if (f->per == CAT_PER_DAY) {
			/* Today expects only what was already done: it is not over. */
			unsigned t = x->today > f->times ? f->times : x->today;
			x->expected7 = (double)f->times * (s.today - from7 - p7) + t;
			x->expected30 = (double)f->times * (s.today - from30 - p30) + t;
		} else {
			x->expected7 =
			    (double)f->times * (s.today - from7 + 1 - p7 - p_today) / 7.0;
			x->expected30 =
			    (double)f->times * (s.today - from30 + 1 - p30 - p_today) / 7.0;
		}
		x->pct7 = pct(x->done7, x->expected7);
		x->pct30 = pct(x->done30, x->expected30);
	}

	/* The calendar, walking the sorted rows alongside the days. */
	size_t j = 0;
	for (unsigned c = 0; c < HIST_CAL_DAYS; c++) {
		int32_t day = s.today - (HIST_CAL_DAYS - 1) + (int32_t)c;
		while (j < s.n_days && s.days[j].day < day)
			j++;
		if (j < s.n_days && s.days[j].day == day) {
			s.cal[c] = s.days[j];
		} else {
			memset(&s.cal[c], 0, sizeof(s.cal[c]));
			s.cal[c].day = day;
			s.cal[c].due_units = s.daily_due;
		}
	}

	/* Streaks over days with a done entry, up to today. */
	unsigned run = 0;
	int32_t prev = 0;
	for (size_t r = 0; r < s.n_days && s.days[r].day <= s.today; r++) {
		if (s.days[r].done == 0)
			continue;
		/* Paused days between two done days do not break the run. */
		run = run && bridged(paused, n_paused, prev, s.days[r].day) ? run + 1 : 1;
		prev = s.days[r].day;
		if (run > s.best_streak)
			s.best_streak = run;
	}
	s.streak = run && bridged(paused, n_paused, prev, s.today) ? run : 0;

	/* Pain: the first and last week (Monday to Sunday) with scores. */
	for (size_t r = 0; r < s.n_days; r++) {
		if (!s.days[r].pain_n)
			continue;
		if (!s.has_pain)
			s.pain_first_day = s.days[r].day;
		s.has_pain = true;
		s.pain_last_day = s.days[r].day;
	}
	if (s.has_pain) {
		unsigned fs = 0, fn = 0, ls = 0, ln = 0;
		const int32_t wk_first = hist_week_start(s.pain_first_day);
		const int32_t wk_last = hist_week_start(s.pain_last_day);
		for (size_t r = 0; r < s.n_days; r++) {
			const struct hist_day *d = &s.days[r];
			if (d->day >= wk_first && d->day <= wk_first + 6) {
				fs += d->pain_sum;
				fn += d->pain_n;
			}
			if (d->day >= wk_last && d->day <= wk_last + 6) {
				ls += d->pain_sum;
				ln += d->pain_n;
			}
		}
		s.pain_first = (double)fs / fn;
		s.pain_last = (double)ls / ln;
	}

	*out = s;
	hist_sessions_free(&ss);
	free(cnt_day);
	free(cnt_week);
	free(done7);
	free(done30);
	return 0;
}

unsigned hist_due(const struct hist_summary *s, unsigned n_exercises, unsigned *out)
{
	bool counts = s && s->n_ex == n_exercises;
	unsigned n = 0;

	for (unsigned i = 0; i < n_exercises; i++)
		if (!counts || s->ex[i].due)
			out[n++] = i;
	return n;
}

bool hist_pain_trend(const struct hist_summary *s)
{
	return s->has_pain &&
	       hist_week_start(s->pain_first_day) != hist_week_start(s->pain_last_day);
}

void hist_summary_free(struct hist_summary *s)
{
	if (!s)
		return;
	free(s->ex);
	free(s->days);
	memset(s, 0, sizeof(*s));
}

bool hist_summary_day(const struct hist_summary *s, int32_t day, struct hist_day *out)
{
	size_t lo = 0, hi = s->n_days;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n_days && s->days[lo].day == day) {
		*out = s->days[lo];
		return true;
	}
	memset(out, 0, sizeof(*out));
	out->day = day;
	out->due_units = s->daily_due;
	return false;
}
