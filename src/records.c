/*
 * records.c - the person's record, read once and filtered as of a day; see
 * records.h.
 */
#include "records.h"

#include "file.h"
#include "outcomes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The filter both files go through, and where the kept lines go. */
struct load {
	const struct rec_request *q;
	struct records *r;
	void *warn_ctx;
	struct rec_named *named;
	size_t cap, cap2;
};

/* A damaged or future line: kept in the record's tally and passed to warn. */
static void name_line(struct load *ld, unsigned lineno, const char *why)
{
	if (ld->named->n++ == 0) {
		ld->named->line = lineno;
		snprintf(ld->named->why, sizeof(ld->named->why), "%s", why);
	}
	if (ld->q->warn)
		ld->q->warn(ld->warn_ctx, lineno, why);
}

/*
 * Whether a line of `day` at `when` is part of the answer: after an as-of
 * day, left out silently; after now, left out and named.
 */
static bool keep_time(struct load *ld, unsigned lineno, int32_t day, time_t when)
{
	const struct rec_request *q = ld->q;
	char why[96], d[16];

	if (q->as_of) {
		if (day <= ld->r->today)
			return true;
		ld->r->later++;
		return false;
	}
	if (when <= q->now)
		return true;
	ld->r->future++;
	snprintf(why, sizeof(why), "dated in the future (%s): left out until then",
	         hist_format_day(day, d, sizeof(d)));
	name_line(ld, lineno, why);
	return false;
}

/* Room for one more of n items of `size` bytes in p (cap of them so far). */
static void *room(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 64;
	return xrealloc(p, *cap * size);
}

static void history_line(void *ctx, unsigned lineno, const char *s, size_t len)
{
	struct load *ld = ctx;
	struct hist *h = &ld->r->h;
	struct hist_entry e;
	char why[192];
	int32_t day;

	/* The date leads the line: an old one is skipped before any parsing. */
	if (ld->q->since != INT32_MIN && len > 10 && hist_parse_day(s, 10, &day) == 0 &&
	    day < ld->q->since)
		return;
	if (hist_parse_line(s, len, &e, why, sizeof(why)) != 0) {
		name_line(ld, lineno, why);
		return;
	}
	if (!keep_time(ld, lineno, e.day, e.when))
		return;
	h->e = room(h->e, h->n, &ld->cap, sizeof(*h->e));
	e.line = lineno;
	h->e[h->n++] = e;
}

static void events_line(void *ctx, unsigned lineno, const char *s, size_t len)
{
	struct load *ld = ctx;
	struct records *r = ld->r;
	struct ev_line l;
	struct ev_event *e = &l.e;
	struct prg_event pe;
	char why[192];
	const char *f[2];
	size_t fl[2];
	enum ev_kind kind;

	/*
	 * A kind the command does not need is skipped unparsed (and so
	 * unreported), unless every line is to be read.
	 */
	if (!ld->q->every_line && hist_split(s, len, f, fl, 2) >= 2 &&
	    ev_kind_parse(f[1], fl[1], &kind) == 0) {
		bool as_event = !ld->q->kinds || (ld->q->kinds & REC_KIND(kind));
		bool for_steps = ld->q->steps && (REC_KINDS_STEPS & REC_KIND(kind));
		if (!as_event && !for_steps)
			return;
	}
	int rc = ev_parse_line(s, len, &l, why, sizeof(why));
	if (rc > 0) {
		r->ev.unknown++;
		return;
	}
	if (rc < 0) {
		name_line(ld, lineno, why);
		return;
	}
	/* A number is taken whatever the line's date (outcomes.h). */
	if (e->kind == EV_ACTIVITY && out_activity_number(e) > r->ev.activity_high)
		r->ev.activity_high = out_activity_number(e);
	if (!keep_time(ld, lineno, e->day, e->when))
		return;
	if (ld->q->steps && steps_event(e, &pe)) {
		r->steps_ev = room(r->steps_ev, r->n_steps_ev, &ld->cap2, sizeof(*r->steps_ev));
		r->steps_ev[r->n_steps_ev++] = pe;
	}
	if (ld->q->kinds && !(ld->q->kinds & REC_KIND(e->kind)))
		return;
	e->line = lineno;
	ev_log_add(&r->ev, e);
}

static void stamp(struct rec_stamp *s, const struct stat *st)
{
	memset(s, 0, sizeof(*s));
	if (st->st_ino == 0 && st->st_dev == 0)
		return; /* missing */
	s->present = true;
	s->dev = (long long)st->st_dev;
	s->ino = (long long)st->st_ino;
	s->size = (long long)st->st_size;
	s->mtime_s = (long long)st->st_mtim.tv_sec;
	s->mtime_ns = (long long)st->st_mtim.tv_nsec;
}

/*
 * A file that could not be read: with q->partial, what was read of it goes
 * and the failure is kept in the record (true: go on); else the whole
 * record goes (false).
 */
static bool unread(struct records *r, const struct rec_request *q, bool events,
                   const struct hist_error *err)
{
	if (!q->partial) {
		rec_free(r);
		return false;
	}
	if (events) {
		ev_free(&r->ev);
		free(r->steps_ev);
		r->steps_ev = NULL;
		r->n_steps_ev = 0;
		r->events_failed = true;
		r->events_error = *err;
	} else {
		hist_free(&r->h);
		r->history_failed = true;
		r->history_error = *err;
	}
	return true;
}

int rec_load(struct records *r, const struct rec_request *q, struct hist_error *err)
{
	struct stat st;

	memset(r, 0, sizeof(*r));
	if (q->as_of) {
		/* Noon UTC of that day: the same date in every time zone. */
		r->today = q->today;
		r->now = (time_t)q->today * 86400 + 12 * 3600;
	} else {
		r->now = q->now;
		r->today = hist_today(q->now);
	}
	r->have_steps = q->steps;
	if (q->history && *q->history) {
		struct load ld = { q, r, q->warn_history, &r->named_history, 0, 0 };
		if (hist_stream(q->history, history_line, &ld, &st, err) == 0)
			stamp(&r->stamp_history, &st);
		else if (!unread(r, q, false, err))
			return -1;
		hist_sort(&r->h);
	}
	if (q->events && *q->events) {
		struct load ld = { q, r, q->warn_events, &r->named_events, 0, 0 };
		if (hist_stream(q->events, events_line, &ld, &st, err) == 0)
			stamp(&r->stamp_events, &st);
		else if (!unread(r, q, true, err))
			return -1;
		ev_sort(&r->ev);
	}
	return 0;
}

void rec_free(struct records *r)
{
	if (!r)
		return;
	hist_free(&r->h);
	ev_free(&r->ev);
	free(r->steps_ev);
	memset(r, 0, sizeof(*r));
}

static bool changed(const char *path, const struct rec_stamp *was)
{
	struct stat st;

	if (!path || !*path)
		return false;
	if (stat(path, &st) != 0)
		return was->present;
	struct rec_stamp now;
	stamp(&now, &st);
	return memcmp(&now, was, sizeof(now)) != 0;
}

bool rec_changed(const struct records *r, const struct rec_request *q)
{
	return changed(q->history, &r->stamp_history) || changed(q->events, &r->stamp_events);
}

/* What r read of one file, moved into `to` (which did not read it). */
static void take_history(struct records *to, struct records *r)
{
	to->h = r->h;
	memset(&r->h, 0, sizeof(r->h));
	to->stamp_history = r->stamp_history;
	to->named_history = r->named_history;
	to->history_failed = r->history_failed;
	to->history_error = r->history_error;
}

static void take_events(struct records *to, struct records *r)
{
	to->ev = r->ev;
	memset(&r->ev, 0, sizeof(r->ev));
	to->steps_ev = r->steps_ev;
	to->n_steps_ev = r->n_steps_ev;
	r->steps_ev = NULL;
	to->stamp_events = r->stamp_events;
	to->named_events = r->named_events;
	to->events_failed = r->events_failed;
	to->events_error = r->events_error;
}

/*
 * Only the file that changed is read again (after an event is appended, ten
 * years of history are not): what was kept of the other is the same, since
 * none of its lines was left out as after now. With lines so left out, or
 * as of a day, both are read.
 */
int rec_reload(struct records *r, const struct rec_request *q, struct hist_error *err)
{
	struct records fresh;
	struct rec_request only = *q;
	bool hist = changed(q->history, &r->stamp_history);
	bool ev = changed(q->events, &r->stamp_events);
	bool both = r->future || q->as_of;

	if (!hist && !ev)
		return 0;
	if (!both && !hist)
		only.history = NULL;
	if (!both && !ev)
		only.events = NULL;
	if (rec_load(&fresh, &only, err) != 0)
		return -1;
	if (!only.history && q->history)
		take_history(&fresh, r);
	if (!only.events && q->events)
		take_events(&fresh, r);
	rec_free(r);
	*r = fresh;
	return 1;
}

/* ---- Answers ------------------------------------------------------------------- */

int rec_steps(const struct records *r, const struct catalogue *cat, const struct steps_rules *rules,
              struct prg_result *out)
{
	if (r->have_steps)
		return steps_derive_events(cat, &r->h, r->steps_ev, r->n_steps_ev, rules, r->today,
		                           out);
	return steps_derive(cat, &r->h, &r->ev, rules, r->today, out);
}

int rec_offers(const struct records *r, const struct catalogue *cat,
               const struct steps_rules *rules, const unsigned *played, unsigned n,
               struct prg_result *res, unsigned *offer)
{
	bool seen[CAT_MAX_EXERCISES] = { false };
	int k = 0;

	if (rec_steps(r, cat, rules, res) != 0)
		return -1;
	for (unsigned i = 0; i < n; i++) {
		unsigned e = played[i];
		if (e < cat->n_exercises && !seen[e] && res[e].suggest)
			offer[k++] = e;
		if (e < cat->n_exercises)
			seen[e] = true;
	}
	return k;
}

int rec_summary(const struct records *r, const struct catalogue *cat, struct hist_summary *out)
{
	struct hist_pause *p;
	size_t np = ev_pauses(&r->ev, &p);
	int rc = hist_summarize_paused(&r->h, cat, r->now, p, np, out);

	free(p);
	return rc;
}

bool rec_paused(const struct records *r, int32_t *until)
{
	return ev_paused_until(&r->ev, r->today, until);
}
