/*
 * events.c - the events file beside the history, and the rules that read
 * it: bad mornings, the banner, when the safety screen and the morning
 * check-in are due. The file's I/O, line walk and timestamps are history.c's.
 */
#include "events.h"
#include "file.h"
#include "outcomes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char ev_header[] = "# timestamp\tkind\texercise\tvalue\tnote\n";

static const char *const kind_names[EV_N_KINDS] = {
	[EV_MORNING] = "morning",
	[EV_NOTE] = "note",
	[EV_SAFETY_SHOWN] = "safety-shown",
	[EV_SAFETY_STOP] = "safety-stop",
	[EV_ACCEPT] = "accept",
	[EV_DECLINE] = "decline",
	[EV_SET] = "set",
	[EV_HOLD] = "hold",
	[EV_PAUSE] = "pause",
	[EV_RESUME] = "resume",
	[EV_REMIND] = "remind",
	[EV_OUTCOME] = "outcome",
	[EV_ACTIVITY] = "activity",
	[EV_ACTIVITY_RETIRED] = "activity-retired",
};

const char *ev_kind_name(enum ev_kind k)
{
	return (unsigned)k < EV_N_KINDS ? kind_names[k] : "?";
}

int ev_kind_parse(const char *s, size_t len, enum ev_kind *out)
{
	for (unsigned k = 0; k < EV_N_KINDS; k++) {
		if (strlen(kind_names[k]) == len && memcmp(kind_names[k], s, len) == 0) {
			*out = (enum ev_kind)k;
			return 0;
		}
	}
	return -1;
}

int ev_path(const char *history_path, char *buf, size_t len)
{
	return file_beside(history_path, "events.tsv", buf, len);
}

void ev_init(struct ev_event *e, enum ev_kind kind, time_t when)
{
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->when = when;
	e->score = HIST_NO_PAIN;
	e->note = "";
}

const char *ev_note_check(const char *s, size_t len)
{
	size_t chars = 0;

	if (len > EV_MAX_NOTE_BYTES)
		return "a note is at most 200 characters";
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7f)
			return "a note is one line without control characters";
		/* UTF-8 continuation bytes do not start a character. */
		if ((c & 0xc0) != 0x80)
			chars++;
	}
	return chars > EV_MAX_NOTE ? "a note is at most 200 characters" : NULL;
}

/* A kind, as written: 1-32 of a-z, 0-9 and -, like an exercise id. */
static bool kind_token(const char *s, size_t len)
{
	return cat_valid_id(s, len);
}

/* A value: `-`, or 1-16 printable ASCII bytes other than space. */
static bool value_token(const char *s, size_t len)
{
	if (len < 1 || len > EV_MAX_VALUE)
		return false;
	for (size_t i = 0; i < len; i++)
		if (s[i] <= 0x20 || s[i] >= 0x7f)
			return false;
	return true;
}

/* `-` or the text, for a field. */
static const char *field_text(const char *s)
{
	return *s ? s : "-";
}

/*
 * The note field keeps `-` for "no note", so a note that is `-` itself is
 * written `\-`: a note of backslashes then one `-` gets one more backslash in
 * front, and the reader takes one away. Every other note is written as it
 * is. Returns the length of the backslash run before a final lone `-`, or -1
 * when s[0..len) is not such a note.
 */
static long dash_escapes(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && s[i] == '\\')
		i++;
	return i + 1 == len && s[i] == '-' ? (long)i : -1;
}

/* A whole number lo..hi written without sign or leading zero; -1 otherwise. */
static long whole(const char *s, long lo, long hi)
{
	long n = 0;
	size_t i = 0;

	if (s[0] == '0' && s[1] != '\0')
		return -1;
	for (; s[i] >= '0' && s[i] <= '9' && n <= hi; i++)
		n = n * 10 + (s[i] - '0');
	return i > 0 && s[i] == '\0' && n >= lo && n <= hi ? n : -1;
}

/*
 * The fields of issue 22's kinds (outcomes.h), with the other fields read:
 * NULL, or why the event is malformed. Other kinds pass.
 */
static const char *outcome_check(const struct ev_event *e)
{
	int answers[OUT_MAX_ANSWERS];

	switch (e->kind) {
	case EV_OUTCOME:
		if (!e->exercise[0])
			return "an outcome names its questionnaire in the exercise field";
		if (whole(e->value, 1, Q_MAX_VERSION) < 0)
			return "an outcome's value is its questionnaire's version, 1-9999";
		if (e->note[0] && out_parse_answers(e->note, answers, OUT_MAX_ANSWERS) < 1)
			return "an outcome's note is its answers, such as 5,4,6 or 6,-,4";
		return NULL;
	case EV_ACTIVITY:
	case EV_ACTIVITY_RETIRED:
		if (e->exercise[0])
			return "an activity's exercise field is -";
		if (whole(e->value, 1, OUT_MAX_ACTIVITIES) < 0)
			return "an activity's value is its number, 1-99";
		if (e->kind == EV_ACTIVITY && !e->note[0])
			return "an activity's note is its words";
		return NULL;
	default:
		return NULL;
	}
}

int ev_append(const char *path, const struct ev_event *e, struct hist_error *err)
{
	size_t vlen = strnlen(e->value, sizeof(e->value));
	size_t xlen = strnlen(e->exercise, sizeof(e->exercise));
	const char *note = e->note ? e->note : "";
	size_t nlen = strnlen(note, EV_MAX_NOTE_BYTES + 1);
	bool ok = (unsigned)e->kind < EV_N_KINDS &&
	          (xlen == 0 || cat_valid_id(e->exercise, xlen)) && vlen < sizeof(e->value) &&
	          (vlen == 0 || value_token(e->value, vlen)) && !ev_note_check(note, nlen);
	char value[EV_MAX_VALUE + 1];

	snprintf(value, sizeof(value), "%s", ok ? e->value : "");
	if (ok && e->kind == EV_MORNING) {
		/* A morning's value is its score. */
		ok = e->score == HIST_NO_PAIN || (e->score >= 0 && e->score <= HIST_MAX_PAIN);
		if (e->score != HIST_NO_PAIN)
			snprintf(value, sizeof(value), "%d", e->score);
		else
			value[0] = '\0';
	}
	int32_t until;
	if (ok && e->kind == EV_PAUSE)
		ok = hist_parse_day(e->value, vlen, &until) == 0;
	if (ok)
		ok = outcome_check(e) == NULL;
	if (!ok) {
		hist_set_error(err, 0, "cannot write to %s: refusing a malformed event", path);
		if (err)
			err->errnum = EINVAL;
		return -1;
	}

	char ts[40], line[EV_MAX_NOTE_BYTES + 128];
	hist_format_time(e->when, ts, sizeof(ts));
	int n = snprintf(line, sizeof(line), "%s\t%s\t%s\t%s\t%s%s\n", ts, ev_kind_name(e->kind),
	                 field_text(e->exercise), field_text(value),
	                 dash_escapes(note, nlen) >= 0 ? "\\" : "", field_text(note));
	return hist_append_text(path, ev_header, line, (size_t)n, err);
}

/* ---- Reading ---------------------------------------------------------------------- */

int ev_parse_line(const char *s, size_t len, struct ev_line *out, char *why, size_t why_len)
{
	struct ev_event *e = &out->e;
	const char *f[5];
	size_t fl[5];
	char q[48];
	unsigned nf = hist_split(s, len, f, fl, 5);

	/* Fields after the fifth are a later version's: ignored. */
	if (nf < 5) {
		snprintf(why, why_len, "expected 5 tab-separated fields, found %u", nf);
		return -1;
	}
	memset(e, 0, sizeof(*e));
	e->score = HIST_NO_PAIN;
	e->note = "";
	const char *bad = hist_parse_time(f[0], fl[0], &e->day, &e->when);
	if (bad) {
		hist_quote(q, sizeof(q), f[0], fl[0]);
		snprintf(why, why_len, "bad timestamp \"%s\": %s", q, bad);
		return -1;
	}
	if (!kind_token(f[1], fl[1])) {
		hist_quote(q, sizeof(q), f[1], fl[1]);
		snprintf(why, why_len, "bad kind \"%s\" (want 1-32 of a-z, 0-9 and -)", q);
		return -1;
	}
	/* A newer lumbar's kind: its fields may mean anything; not damage. */
	if (ev_kind_parse(f[1], fl[1], &e->kind) != 0)
		return 1;

	bool none = fl[2] == 1 && f[2][0] == '-';
	if (!none && !cat_valid_id(f[2], fl[2])) {
		hist_quote(q, sizeof(q), f[2], fl[2]);
		snprintf(why, why_len, "bad exercise id \"%s\" (want - or 1-32 of a-z, 0-9 and -)",
		         q);
		return -1;
	}
	if (!none) {
		memcpy(e->exercise, f[2], fl[2]);
		e->exercise[fl[2]] = '\0';
	}

	if (e->kind == EV_MORNING ? hist_parse_score(f[3], fl[3], &e->score) != 0
	                          : !value_token(f[3], fl[3])) {
		hist_quote(q, sizeof(q), f[3], fl[3]);
		snprintf(why, why_len, "bad value \"%s\" (want %s)", q,
		         e->kind == EV_MORNING ? "0-10 or -"
		                               : "- or 1-16 characters without spaces");
		return -1;
	}
	int32_t until;
	if (e->kind == EV_PAUSE && hist_parse_day(f[3], fl[3], &until) != 0) {
		hist_quote(q, sizeof(q), f[3], fl[3]);
		snprintf(why, why_len, "bad value \"%s\" (a pause wants its end, YYYY-MM-DD)", q);
		return -1;
	}
	if (!(fl[3] == 1 && f[3][0] == '-')) {
		memcpy(e->value, f[3], fl[3]);
		e->value[fl[3]] = '\0';
	}

	/* `\-` is the note `-` (see dash_escapes()); the check is of the note. */
	bool escaped = dash_escapes(f[4], fl[4]) > 0;
	const char *note = f[4] + escaped;
	size_t nlen = fl[4] - escaped;
	const char *nbad = ev_note_check(note, nlen);
	if (nbad || nlen == 0) {
		snprintf(why, why_len, "bad note: %s", nbad ? nbad : "empty (want - for none)");
		return -1;
	}
	if (escaped || !(nlen == 1 && note[0] == '-')) {
		memcpy(out->note, note, nlen);
		out->note[nlen] = '\0';
		e->note = out->note;
	}
	const char *obad = outcome_check(e);
	if (obad) {
		snprintf(why, why_len, "%s", obad);
		return -1;
	}
	return 0;
}

/*
 * A block of notes. Notes are kept in blocks that are never reallocated, so
 * that an event's note stays where it is when the events move.
 */
struct ev_notes {
	struct ev_notes *next;
	size_t used, cap;
	char b[];
};

enum { NOTES_BLOCK = 4096 }; /* bytes of notes a block holds (a note is at most 801) */

/* A copy of note kept in log's blocks; "" is not stored. */
static const char *keep_note(struct ev_log *log, const char *note)
{
	size_t len = strlen(note) + 1;
	struct ev_notes *b = log->notes;

	if (len == 1)
		return "";
	if (!b || b->cap - b->used < len) {
		size_t cap = len > NOTES_BLOCK ? len : NOTES_BLOCK;
		b = xmalloc(sizeof(*b) + cap);
		b->next = log->notes;
		b->used = 0;
		b->cap = cap;
		log->notes = b;
	}
	char *kept = memcpy(b->b + b->used, note, len);
	b->used += len;
	return kept;
}

void ev_log_add(struct ev_log *log, const struct ev_event *e)
{
	/* Lines may be short and many: grow as they come. */
	if (log->n == log->cap) {
		log->cap = log->cap ? log->cap * 2 : 64;
		log->e = xrealloc(log->e, log->cap * sizeof(*log->e));
	}
	log->e[log->n] = *e;
	log->e[log->n++].note = keep_note(log, e->note ? e->note : "");
}

struct parse_ctx {
	struct ev_log *log;
	hist_warn_fn *warn;
	void *ctx;
};

static void parse_one(void *ctx, unsigned lineno, const char *s, size_t len)
{
	struct parse_ctx *pc = ctx;
	struct ev_log *log = pc->log;
	struct ev_line l;
	char why[192];

	int r = ev_parse_line(s, len, &l, why, sizeof(why));
	if (r == 0) {
		l.e.line = lineno;
		ev_log_add(log, &l.e);
	} else if (r > 0)
		log->unknown++;
	else if (pc->warn)
		pc->warn(pc->ctx, lineno, why);
}

static int event_cmp(const void *a, const void *b)
{
	const struct ev_event *x = a, *y = b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

void ev_sort(struct ev_log *log)
{
	/* Appends are nearly always in order; sort only when they are not. */
	for (size_t i = 1; i < log->n; i++) {
		if (event_cmp(&log->e[i - 1], &log->e[i]) > 0) {
			qsort(log->e, log->n, sizeof(*log->e), event_cmp);
			return;
		}
	}
}

int ev_parse(const char *buf, size_t len, struct ev_log *out, hist_warn_fn *warn, void *ctx,
             struct hist_error *err)
{
	struct ev_log log = { 0 };
	struct parse_ctx pc = { &log, warn, ctx };

	(void)err; /* nothing to report: running out of memory exits (file.h) */
	hist_each_line(buf, len, parse_one, &pc);
	ev_sort(&log);
	*out = log;
	return 0;
}

int ev_load(const char *path, struct ev_log *out, hist_warn_fn *warn, void *ctx,
            struct hist_error *err)
{
	struct ev_log log = { 0 };
	struct parse_ctx pc = { &log, warn, ctx };

	if (hist_stream(path, parse_one, &pc, NULL, err) != 0) {
		ev_free(&log);
		return -1;
	}
	ev_sort(&log);
	*out = log;
	return 0;
}

void ev_free(struct ev_log *log)
{
	if (!log)
		return;
	free(log->e);
	while (log->notes) {
		struct ev_notes *next = log->notes->next;
		free(log->notes);
		log->notes = next;
	}
	memset(log, 0, sizeof(*log));
}

/* ---- Rules ------------------------------------------------------------------------- */

void ev_day_pain_before(const struct hist *h, int32_t day, unsigned *sum, unsigned *n)
{
	*sum = 0;
	*n = 0;
	for (size_t i = 0; i < h->n && h->e[i].day <= day; i++) {
		if (h->e[i].day == day && h->e[i].pain_before != HIST_NO_PAIN) {
			*sum += (unsigned)h->e[i].pain_before;
			++*n;
		}
	}
}

unsigned ev_bad_mornings(const struct hist *h, const struct ev_log *ev, const struct prg_params *p,
                         int32_t from, int32_t to)
{
	unsigned bad = 0;

	for (size_t i = 0; i < ev->n; i++) {
		const struct ev_event *m = &ev->e[i];
		if (m->kind != EV_MORNING || m->score == HIST_NO_PAIN || m->day < from ||
		    m->day > to)
			continue;
		/* Events are in time order: skip a morning corrected later that day. */
		bool last = true;
		for (size_t j = i + 1; j < ev->n && last; j++)
			if (ev->e[j].kind == EV_MORNING && ev->e[j].day == m->day &&
			    ev->e[j].score != HIST_NO_PAIN)
				last = false;
		unsigned sum, n;
		ev_day_pain_before(h, m->day - 1, &sum, &n);
		if (last && prg_bad_morning(p, m->score, sum, n))
			bad++;
	}
	return bad;
}

bool ev_banner_due(const struct hist *h, const struct ev_log *ev, const struct prg_params *p,
                   int32_t today)
{
	const int32_t from = today - (EV_BANNER_STOP_DAYS - 1);

	for (size_t i = 0; i < h->n; i++) {
		const struct hist_entry *a = &h->e[i];
		if (a->status != HIST_STOPPED || a->day < from || a->day > today)
			continue;
		unsigned same = 1;
		for (size_t j = i + 1; j < h->n && h->e[j].day <= today; j++)
			if (h->e[j].status == HIST_STOPPED && strcmp(h->e[j].id, a->id) == 0)
				same++;
		if (same >= EV_BANNER_STOPS)
			return true;
	}
	return ev_bad_mornings(h, ev, p, today - (EV_BANNER_MORNING_DAYS - 1), today) >=
	       EV_BANNER_MORNINGS;
}

enum ev_safety_due ev_safety_due(const struct hist *h, const struct ev_log *ev, int32_t today)
{
	const struct ev_event *shown = NULL;

	/* What is dated after today (a clock wrong once) is not part of today's answer. */
	for (size_t i = 0; i < ev->n; i++) {
		if (ev->e[i].kind == EV_SAFETY_STOP && ev->e[i].day == today)
			return EV_SAFETY_STOPPED_TODAY;
		if (ev->e[i].kind == EV_SAFETY_SHOWN && ev->e[i].day <= today)
			shown = &ev->e[i]; /* in time order: the last one wins */
	}
	if (!shown)
		return EV_SAFETY_FIRST_RUN;
	/* A session ended with that pain is as a stop with it: the back said the same. */
	for (size_t i = 0; i < h->n && h->e[i].day <= today; i++)
		if (h->e[i].pain >= EV_SAFETY_STOP_PAIN && h->e[i].when > shown->when)
			return h->e[i].status == HIST_STOPPED ? EV_SAFETY_PAINFUL_STOP
			                                      : EV_SAFETY_PAINFUL_SESSION;
	return today - shown->day >= EV_SAFETY_EVERY_DAYS ? EV_SAFETY_PERIODIC : EV_SAFETY_NOT_DUE;
}

bool ev_morning_due(const struct hist *h, const struct ev_log *ev, time_t now)
{
	struct tm tm;

	if (!localtime_r(&now, &tm) || tm.tm_hour >= EV_MORNING_BEFORE_HOUR)
		return false;
	const int32_t today = hist_today(now);
	for (size_t i = 0; i < ev->n; i++)
		if (ev->e[i].kind == EV_MORNING && ev->e[i].day == today)
			return false;
	/* Entries are sorted by day: look back from the newest. */
	for (size_t i = h->n; i-- > 0 && h->e[i].day >= today - 1;)
		if (h->e[i].day == today - 1)
			return true;
	return false;
}

/* ---- Pauses ------------------------------------------------------------------------ */

size_t ev_pauses(const struct ev_log *ev, struct hist_pause **out)
{
	size_t n = 0;
	struct hist_pause *p = xcalloc(ev->n ? ev->n : 1, sizeof(*p));

	for (size_t i = 0; i < ev->n; i++) {
		const struct ev_event *e = &ev->e[i];
		int32_t until;

		if (e->kind != EV_PAUSE && e->kind != EV_RESUME)
			continue;
		/* A new pause or a resume ends the open run the day before. */
		if (n > 0 && p[n - 1].to >= e->day) {
			p[n - 1].to = e->day - 1;
			if (p[n - 1].to < p[n - 1].from)
				n--;
		}
		if (e->kind == EV_PAUSE &&
		    hist_parse_day(e->value, strlen(e->value), &until) == 0 && until >= e->day &&
		    (n == 0 || e->day > p[n - 1].to))
			p[n++] = (struct hist_pause){ e->day, until };
	}
	*out = p;
	return n;
}

bool ev_paused_until(const struct ev_log *ev, int32_t today, int32_t *until)
{
	struct hist_pause *p;
	size_t n = ev_pauses(ev, &p);
	bool paused = false;

	for (size_t i = 0; i < n && !paused; i++) {
		if (today >= p[i].from && today <= p[i].to) {
			paused = true;
			if (until)
				*until = p[i].to;
		}
	}
	free(p);
	return paused;
}

const char *ev_reason_check(const char *s)
{
	static const char *const reasons[] = { "injury", "travel", "ill", "other" };

	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (strcmp(s, reasons[i]) == 0)
			return NULL;
	return "the reasons are injury, travel, ill and other";
}
