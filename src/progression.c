/*
 * progression.c - the ladders and the rules of progression.h. This file is
 * their only implementation; `lumbar progress`, the summary's offer and the
 * player's dose all read prg_derive() and prg_dose().
 */
#include "progression.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "history.h"

/* ---- The ladder ------------------------------------------------------------ */

/* The rung after v on a ladder of seconds (before capping at the high end). */
static unsigned next_seconds(unsigned v)
{
	if (v < 10)
		return v + 1;
	if (v < 60)
		return v + 5;
	/* v x 1.2 to the nearest 15 s: round(2v / 25) x 15; 2v / 25 is never a half. */
	unsigned scaled = (4 * v + 25) / 50 * 15;
	return scaled > v + 15 ? scaled : v + 15;
}

unsigned prg_ladder(struct cat_range r, bool seconds, unsigned *rungs, unsigned max)
{
	unsigned n = 0, v = r.lo;

	for (;;) {
		if (n < max)
			rungs[n] = v;
		n++;
		if (v >= r.hi)
			return n;
		v = seconds ? next_seconds(v) : v + 1;
		if (v > r.hi)
			v = r.hi;
	}
}

/* The ranged values of a set, in one place for K and for the dose. */
enum { VAL_HOLD, VAL_REPS, VAL_TEMPO, VAL_DURATION, N_VALS };

static struct cat_range set_value(const struct cat_set *s, unsigned which)
{
	switch (which) {
	case VAL_HOLD:
		return s->hold;
	case VAL_REPS:
		return s->reps;
	case VAL_TEMPO:
		return s->tempo;
	default:
		return s->duration;
	}
}

static unsigned rung_count(struct cat_range r, unsigned which)
{
	return prg_ladder(r, which != VAL_REPS, NULL, 0);
}

unsigned prg_steps(const struct cat_exercise *ex)
{
	unsigned steps = 0;

	if (ex->n_ladder > 0)
		return ex->n_ladder;
	for (unsigned s = 0; s < ex->n_sets; s++)
		for (unsigned w = 0; w < N_VALS; w++) {
			unsigned n = rung_count(set_value(&ex->sets[s], w), w);
			if (n - 1 > steps)
				steps = n - 1;
		}
	return steps;
}

/* The value of a range at step k of K: rung floor(k (n - 1) / K). */
static unsigned value_at(struct cat_range r, unsigned which, unsigned k, unsigned steps)
{
	unsigned rungs[PRG_MAX_RUNGS];
	unsigned n = prg_ladder(r, which != VAL_REPS, rungs, PRG_MAX_RUNGS);

	if (n == 1 || steps == 0)
		return r.lo;
	unsigned i = (unsigned)((unsigned long)k * (n - 1) / steps);
	return i < PRG_MAX_RUNGS ? rungs[i] : r.hi;
}

/* The catalogue's own ladder: every low end, then its first k steps applied. */
static void own_ladder_dose(const struct cat_exercise *ex, struct prg_dose *out)
{
	for (unsigned s = 0; s < out->n_sets; s++)
		out->set[s] = (struct prg_set_dose){ .hold = ex->sets[s].hold.lo,
			                             .reps = ex->sets[s].reps.lo,
			                             .tempo = ex->sets[s].tempo.lo,
			                             .duration = ex->sets[s].duration.lo };
	for (unsigned i = 0; i < out->k; i++) {
		const struct cat_ladder_step *st = &ex->ladder[i];
		struct prg_set_dose *d = &out->set[st->set < CAT_MAX_SETS ? st->set : 0];

		*(st->value == CAT_VALUE_HOLD    ? &d->hold
		  : st->value == CAT_VALUE_REPS  ? &d->reps
		  : st->value == CAT_VALUE_TEMPO ? &d->tempo
		                                 : &d->duration) = st->to;
	}
}

/* The generic ladder's dose at step k of `steps` (k already capped). */
static void generic_dose(const struct cat_exercise *ex, unsigned steps, struct prg_dose *out)
{
	for (unsigned s = 0; s < out->n_sets; s++) {
		unsigned v[N_VALS];
		for (unsigned w = 0; w < N_VALS; w++)
			v[w] = value_at(set_value(&ex->sets[s], w), w, out->k, steps);
		out->set[s] = (struct prg_set_dose){ .hold = v[VAL_HOLD],
			                             .reps = v[VAL_REPS],
			                             .tempo = v[VAL_TEMPO],
			                             .duration = v[VAL_DURATION] };
	}
}

void prg_dose(const struct cat_exercise *ex, unsigned k, struct prg_dose *out)
{
	unsigned steps = prg_steps(ex);

	memset(out, 0, sizeof(*out));
	out->steps = steps;
	out->k = k < steps ? k : steps;
	out->n_sets = ex->n_sets < CAT_MAX_SETS ? ex->n_sets : CAT_MAX_SETS;
	if (ex->n_ladder > 0)
		own_ladder_dose(ex, out);
	else
		generic_dose(ex, steps, out);
}

/* Whether every value of dose `a` is at most the same value of `b`. */
static bool dose_at_most(const struct prg_dose *a, const struct prg_dose *b)
{
	for (unsigned s = 0; s < a->n_sets; s++)
		if (a->set[s].hold > b->set[s].hold || a->set[s].reps > b->set[s].reps ||
		    a->set[s].tempo > b->set[s].tempo || a->set[s].duration > b->set[s].duration)
			return false;
	return true;
}

void prg_dose_of(const struct cat_exercise *ex, unsigned k, unsigned n, struct prg_dose *out)
{
	if (n == prg_steps(ex)) {
		prg_dose(ex, k, out);
		return;
	}
	memset(out, 0, sizeof(*out));
	out->steps = n;
	out->k = k < n ? k : n;
	out->n_sets = ex->n_sets < CAT_MAX_SETS ? ex->n_sets : CAT_MAX_SETS;
	generic_dose(ex, n, out);
}

unsigned prg_rebase(const struct cat_exercise *ex, unsigned k, unsigned n)
{
	struct prg_dose old, d;
	unsigned steps = prg_steps(ex), best = 0;

	prg_dose_of(ex, k, n, &old);
	/* Doses grow step by step: the first step past the old dose ends the search. */
	for (unsigned i = 1; i <= steps; i++) {
		prg_dose(ex, i, &d);
		if (!dose_at_most(&d, &old))
			break;
		best = i;
	}
	return best;
}

/* ---- How a session counts ---------------------------------------------------- */

void prg_params_default(struct prg_params *p)
{
	*p = (struct prg_params){
		.mode = PRG_SUGGEST,
		.greens = 3,
		.greens_weekly = 2,
		.red_free_days = 7,
		.wait_days = 7,
		.green_pain = 3,
		.green_cap = 5,
		.green_rise = 1,
		.red_pain = 8,
		.red_rise_pain = 6,
		.red_rise = 2,
		.bad_morning_pain = 8,
		.bad_morning_rise = 2,
	};
}

/* Pain after that a green session may have. */
static bool pain_ok(const struct prg_params *p, int pain, int before)
{
	if (pain == PRG_NO_PAIN)
		return false;
	if (pain <= p->green_pain)
		return true;
	if (before == PRG_NO_PAIN)
		return false;
	int cap = before + p->green_rise;
	return pain <= (cap < p->green_cap ? cap : p->green_cap);
}

enum prg_colour prg_classify(const struct prg_params *p, enum prg_status status, int pain,
                             int pain_before)
{
	if (status == PRG_STOPPED)
		return PRG_RED;
	if (pain != PRG_NO_PAIN) {
		if (pain >= p->red_pain)
			return PRG_RED;
		if (pain >= p->red_rise_pain && pain_before != PRG_NO_PAIN &&
		    pain >= pain_before + p->red_rise)
			return PRG_RED;
	}
	if (status == PRG_DONE && pain_ok(p, pain, pain_before))
		return PRG_GREEN;
	return PRG_AMBER;
}

bool prg_bad_morning(const struct prg_params *p, int morning, unsigned before_sum,
                     unsigned before_n)
{
	if (morning == PRG_NO_PAIN)
		return false;
	if (morning >= p->bad_morning_pain)
		return true;
	/* morning >= average + rise, without division. */
	return before_n > 0 &&
	       (long)morning * before_n >= (long)before_sum + (long)p->bad_morning_rise * before_n;
}

/* ---- Deriving the steps ------------------------------------------------------ */

/* Why the step last changed (or is offered), kept as numbers and put in words once. */
enum why { WHY_NONE, WHY_GREENS, WHY_STOPPED, WHY_PAIN, WHY_RISE, WHY_SET };

struct reason {
	enum why why;
	int a, b; /* green sessions; or pain after and before */
};

static void reason_words(struct reason r, char *buf, size_t len)
{
	switch (r.why) {
	case WHY_GREENS:
		snprintf(buf, len, "%d acceptable session%s", r.a, r.a == 1 ? "" : "s");
		break;
	case WHY_STOPPED:
		snprintf(buf, len, "stopped for pain");
		break;
	case WHY_PAIN:
		snprintf(buf, len, "pain %d after", r.a);
		break;
	case WHY_RISE:
		snprintf(buf, len, "pain %d after, %d before", r.a, r.b);
		break;
	case WHY_SET:
		snprintf(buf, len, "set by hand");
		break;
	case WHY_NONE:
		if (len)
			buf[0] = '\0';
		break;
	}
}

/* A day of the current run of greens, and the instant of its first green. */
struct run_day {
	int32_t day;
	time_t first;
};

struct ex_state {
	const struct cat_exercise *ex;
	enum prg_mode mode;
	unsigned k, steps, need;
	/* The last change. */
	int32_t since;
	enum prg_change change;
	unsigned from;
	struct reason why;
	/* The run of greens at this step since it changed: the last `need` days. */
	unsigned run_days, run_sessions;
	struct run_day ring[PRG_MAX_GREENS];
	bool any;        /* a session counted for steps */
	bool amber_pain; /* the last session that counted was amber for pain */
	bool red_last;   /* ... or red */
	bool declined;   /* suggest: the offer was declined; back after a green */
	time_t mark;     /* the last session that counted, or the last change */
	int32_t last_red, hold_until;
	int32_t start; /* the first session's day: the first wait counts from it */
	/* A changed ladder: the latest line tagged on another K, where replay starts. */
	bool rebased;
	time_t rebase_when;
};

/* Days since 1970 run well inside int32; keep sums of days there too. */
static int32_t day_plus(int32_t day, unsigned n)
{
	long v = (long)day + (long)n;
	return v > INT32_MAX ? INT32_MAX : (int32_t)v;
}

/* Run days (newest first) whose first green came after the last bad morning. */
static unsigned clean_days(const struct ex_state *st, bool have_bad, time_t bad)
{
	unsigned n = st->run_days < st->need ? st->run_days : st->need, clean = 0;

	for (unsigned i = 0; i < n; i++) {
		const struct run_day *d = &st->ring[(st->run_days - 1 - i) % st->need];
		if (have_bad && d->first <= bad)
			break;
		clean++;
	}
	return clean;
}

/* Green days still needed before a step up. */
static unsigned more_needed(const struct ex_state *st, bool have_bad, time_t bad)
{
	unsigned more = st->need - clean_days(st, have_bad, bad);
	if (st->declined && more == 0)
		more = 1;
	return more;
}

/* The first day the calendar allows a step up (INT32_MIN when nothing bars it). */
static int32_t allowed_from(const struct ex_state *st, const struct prg_params *p)
{
	int32_t t = INT32_MIN;
	/* The first step up waits as every later one does (issue 20 §1). */
	int32_t since = st->since != PRG_NO_DAY ? st->since : st->start;

	if (since != PRG_NO_DAY && day_plus(since, p->wait_days) > t)
		t = day_plus(since, p->wait_days);
	if (st->hold_until != PRG_NO_DAY && st->hold_until > t)
		t = st->hold_until;
	if (st->last_red != PRG_NO_DAY && day_plus(st->last_red, p->red_free_days) > t)
		t = day_plus(st->last_red, p->red_free_days);
	return t;
}

/* The first day a step up is due, or INT32_MAX when it is not in reach. */
static int32_t due_from(const struct ex_state *st, const struct prg_params *p, bool have_bad,
                        time_t bad)
{
	if (st->mode == PRG_OFF || st->k >= st->steps || more_needed(st, have_bad, bad) > 0)
		return INT32_MAX;
	int32_t t = allowed_from(st, p);
	int32_t last = st->ring[(st->run_days - 1) % st->need].day;
	return last > t ? last : t;
}

static void clear_run(struct ex_state *st)
{
	st->run_days = 0;
	st->run_sessions = 0;
	st->declined = false;
	st->amber_pain = false;
	st->red_last = false;
}

static void change(struct ex_state *st, unsigned k, int32_t day, time_t when, enum prg_change how)
{
	st->from = st->k;
	st->k = k;
	st->since = day;
	st->change = how;
	st->mark = when;
	clear_run(st);
}

static void step_up(struct ex_state *st, int32_t day, time_t when)
{
	unsigned n = st->run_sessions;
	change(st, st->k + 1, day, when, PRG_CHANGE_UP);
	st->why = (struct reason){ WHY_GREENS, (int)n, 0 };
}

/* In auto, take a step up that fell due on or before `day`. */
static void catch_up(struct ex_state *st, const struct prg_params *p, int32_t day, bool have_bad,
                     time_t bad)
{
	if (st->mode != PRG_AUTO)
		return;
	int32_t due = due_from(st, p, have_bad, bad);
	if (due <= day)
		step_up(st, due, st->mark);
}

static struct reason red_reason(const struct prg_params *p, const struct prg_session *s)
{
	if (s->status == PRG_STOPPED)
		return (struct reason){ WHY_STOPPED, 0, 0 };
	if (s->pain >= p->red_pain)
		return (struct reason){ WHY_PAIN, s->pain, 0 };
	return (struct reason){ WHY_RISE, s->pain, s->pain_before };
}

static void apply_session(struct ex_state *st, const struct prg_params *p,
                          const struct prg_session *s)
{
	enum prg_colour c = prg_classify(p, s->status, s->pain, s->pain_before);
	bool here = s->step.kind == PRG_TAG_NONE || s->step.n != st->steps || s->step.k == st->k;
	bool hurt = s->pain != PRG_NO_PAIN && !pain_ok(p, s->pain, s->pain_before);

	st->any = true;
	/*
	 * A session done without the timer (`lumbar log`) never counts toward a
	 * step up, as lumbar did not time the dose; its pain counts as a timed
	 * one's: red steps back, a painful amber holds. Else it moves nothing.
	 */
	if (s->logged && c != PRG_RED && !(c == PRG_AMBER && hurt))
		return;
	if (st->start == PRG_NO_DAY)
		st->start = s->day;
	if (c == PRG_RED) {
		st->last_red = s->day;
		if (st->mode != PRG_OFF && st->k > 0) {
			change(st, st->k - 1, s->day, s->when, PRG_CHANGE_BACK);
			st->why = red_reason(p, s);
		} else {
			clear_run(st);
		}
		st->mark = s->when;
		st->red_last = true;
		return;
	}
	if (!here)
		return;
	st->mark = s->when;
	if (c == PRG_AMBER) {
		clear_run(st);
		st->amber_pain = hurt;
		return;
	}
	if (st->run_days == 0 || st->ring[(st->run_days - 1) % st->need].day != s->day) {
		st->ring[st->run_days % st->need] = (struct run_day){ s->day, s->when };
		st->run_days++;
	}
	st->run_sessions++;
	st->declined = false;
	st->amber_pain = false;
	st->red_last = false;
}

static void apply_event(struct ex_state *st, const struct prg_params *p, const struct prg_event *e,
                        bool have_bad, time_t bad)
{
	switch (e->kind) {
	case PRG_EV_ACCEPT:
		if (st->mode == PRG_OFF
		        ? st->k < st->steps
		        : st->mode == PRG_SUGGEST && due_from(st, p, have_bad, bad) <= e->day)
			step_up(st, e->day, e->when);
		break;
	case PRG_EV_DECLINE:
		if (st->mode == PRG_SUGGEST && due_from(st, p, have_bad, bad) <= e->day)
			st->declined = true;
		break;
	case PRG_EV_SET:
		if (e->value >= 0) {
			/* Set on another ladder (`k/K` of a changed catalogue): placed by its dose.
			 */
			unsigned k = e->steps != 0 && e->steps != st->steps
			                 ? prg_rebase(st->ex, (unsigned)e->value, e->steps)
			             : (unsigned)e->value < st->steps ? (unsigned)e->value
			                                              : st->steps;
			change(st, k, e->day, e->when, PRG_CHANGE_SET);
			st->why = (struct reason){ WHY_SET, 0, 0 };
		}
		break;
	case PRG_EV_HOLD:
		if (e->value >= 0)
			st->hold_until = day_plus(e->day, (unsigned)e->value);
		break;
	case PRG_EV_MORNING:
		break;
	}
}

/* The words and the state, as of `today`. */
static void describe(const struct ex_state *st, const struct prg_params *p, int32_t today,
                     bool have_bad, time_t bad, struct prg_result *r)
{
	char date[16];

	memset(r, 0, sizeof(*r));
	r->k = st->k;
	r->steps = st->steps;
	r->since = st->since;
	r->change = st->change;
	r->from = st->from;
	r->until = PRG_NO_DAY;
	r->allowed = allowed_from(st, p);
	r->hold =
	    st->hold_until != PRG_NO_DAY && st->hold_until > today ? st->hold_until : PRG_NO_DAY;
	if (r->allowed == INT32_MIN)
		r->allowed = PRG_NO_DAY;
	r->greens = st->run_sessions;
	reason_words(st->why, r->why, sizeof(r->why));
	reason_words(st->why, r->changed, sizeof(r->changed));

	if (st->mode == PRG_OFF) {
		r->state = PRG_STATE_OFF;
		snprintf(r->words, sizeof(r->words), "off");
		return;
	}
	if (st->k >= st->steps) {
		r->state = PRG_TOP;
		/* Without a ladder there is no top to reach (issue 20 §2). */
		snprintf(r->words, sizeof(r->words), "%s", st->steps ? "at the top" : "fixed dose");
		return;
	}
	if (!st->any && st->change == PRG_CHANGE_NONE) {
		r->state = PRG_NEW;
		snprintf(r->words, sizeof(r->words), "new");
		return;
	}
	if (st->change == PRG_CHANGE_BACK && today < day_plus(st->since, p->wait_days)) {
		r->state = PRG_BACK;
		r->until = day_plus(st->since, p->wait_days);
		snprintf(r->words, sizeof(r->words), "stepped back on %s: %s",
		         hist_format_day(st->since, date, sizeof(date)), r->why);
		return;
	}
	if (st->hold_until != PRG_NO_DAY && today < st->hold_until) {
		r->state = PRG_HELD;
		r->until = st->hold_until;
		snprintf(r->words, sizeof(r->words), "held until %s",
		         hist_format_day(st->hold_until, date, sizeof(date)));
		return;
	}
	if (st->amber_pain || (have_bad && bad > st->mark) ||
	    (st->red_last && today < day_plus(st->last_red, p->red_free_days))) {
		r->state = PRG_HELD;
		snprintf(r->words, sizeof(r->words), "held: pain");
		return;
	}
	r->more = more_needed(st, have_bad, bad);
	if (r->more > 0) {
		r->state = PRG_READY;
		snprintf(r->words, sizeof(r->words), "ready after %u more acceptable session%s",
		         r->more, r->more == 1 ? "" : "s");
		return;
	}
	int32_t from = allowed_from(st, p);
	if (today < from) {
		r->state = PRG_WAITING;
		r->until = from;
		snprintf(r->words, sizeof(r->words), "waiting until %s",
		         hist_format_day(from, date, sizeof(date)));
		return;
	}
	r->state = PRG_READY;
	r->suggest = st->mode == PRG_SUGGEST;
	reason_words((struct reason){ WHY_GREENS, (int)st->run_sessions, 0 }, r->why,
	             sizeof(r->why));
	snprintf(r->words, sizeof(r->words), "ready to step up: %s", r->why);
}

/* Exercise ids to catalogue indexes: open addressing, built per call. */
enum { ID_SLOTS = 256 }; /* a power of two above 2 x CAT_MAX_EXERCISES */

struct id_map {
	const struct catalogue *cat;
	short slot[ID_SLOTS]; /* catalogue index + 1, 0 when empty */
};

static unsigned id_hash(const char *s)
{
	/* The first 8 bytes tell the catalogue's ids apart; strcmp settles the rest. */
	unsigned h = 2166136261u;
	for (unsigned i = 0; i < 8 && s[i]; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void id_map_init(struct id_map *m, const struct catalogue *cat)
{
	memset(m, 0, sizeof(*m));
	m->cat = cat;
	for (unsigned i = 0; i < cat->n_exercises && i < CAT_MAX_EXERCISES; i++) {
		unsigned h = id_hash(cat->exercises[i].id) & (ID_SLOTS - 1);
		while (m->slot[h])
			h = (h + 1) & (ID_SLOTS - 1);
		m->slot[h] = (short)(i + 1);
	}
}

static int id_map_find(const struct id_map *m, const char *id)
{
	for (unsigned h = id_hash(id) & (ID_SLOTS - 1); m->slot[h]; h = (h + 1) & (ID_SLOTS - 1))
		if (strcmp(m->cat->exercises[m->slot[h] - 1].id, id) == 0)
			return m->slot[h] - 1;
	return -1;
}

/* Sorting by instant when the input is not in order; ties keep input order. */
struct order {
	time_t when;
	size_t index;
};

static int order_cmp(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

typedef time_t when_fn(const void *items, size_t i);

static time_t session_when(const void *items, size_t i)
{
	return ((const struct prg_session *)items)[i].when;
}

static time_t event_when(const void *items, size_t i)
{
	return ((const struct prg_event *)items)[i].when;
}

/*
 * The input order if it is sorted by instant (*out NULL), else a sorted
 * index in *out. Running out of memory exits (file.h).
 */
static void sorted(const void *items, size_t n, when_fn *when, size_t **out)
{
	size_t i = 1;

	*out = NULL;
	while (i < n && when(items, i - 1) <= when(items, i))
		i++;
	if (i >= n)
		return;
	struct order *o = xmalloc(n * sizeof(*o));
	size_t *idx = xmalloc(n * sizeof(*idx));
	for (i = 0; i < n; i++)
		o[i] = (struct order){ when(items, i), i };
	qsort(o, n, sizeof(*o), order_cmp);
	for (i = 0; i < n; i++)
		idx[i] = o[i].index;
	free(o);
	*out = idx;
}

/* The previous day's pain-before scores: sums for the last two days seen. */
struct before_days {
	int32_t day[2]; /* [0] the latest day with a score, [1] the one before */
	unsigned sum[2], n[2];
};

static void before_add(struct before_days *b, int32_t day, int score)
{
	if (score == PRG_NO_PAIN)
		return;
	if (b->n[0] && day != b->day[0]) {
		if (day < b->day[0]) {
			if (b->n[1] && day == b->day[1]) {
				b->sum[1] += (unsigned)score;
				b->n[1]++;
			}
			return;
		}
		b->day[1] = b->day[0];
		b->sum[1] = b->sum[0];
		b->n[1] = b->n[0];
		b->n[0] = 0;
		b->sum[0] = 0;
	}
	b->day[0] = day;
	b->sum[0] += (unsigned)score;
	b->n[0]++;
}

static bool before_of(const struct before_days *b, int32_t day, unsigned *sum, unsigned *n)
{
	for (unsigned i = 0; i < 2; i++)
		if (b->n[i] && b->day[i] == day) {
			*sum = b->sum[i];
			*n = b->n[i];
			return true;
		}
	*sum = *n = 0;
	return false;
}

/*
 * A changed ladder never moves a person up (issue 20 §1): an exercise with a
 * line tagged on another K starts from the latest such line, at the step
 * prg_rebase() gives, as changed that day; what came before is not replayed.
 */
static void rebase_changed(struct ex_state *st, const struct id_map *map,
                           const struct prg_session *sessions, size_t n)
{
	const struct prg_session *last[CAT_MAX_EXERCISES] = { 0 };

	for (size_t i = 0; i < n; i++) {
		const struct prg_session *s = &sessions[i];
		int x;

		if (s->step.kind != PRG_TAG_STEP || (x = id_map_find(map, s->id)) < 0 ||
		    s->step.n == st[x].steps)
			continue;
		if (last[x] == NULL || s->when >= last[x]->when)
			last[x] = s;
	}
	for (unsigned x = 0; x < CAT_MAX_EXERCISES; x++) {
		const struct prg_session *s = last[x];

		if (s == NULL)
			continue;
		st[x].rebased = true;
		st[x].rebase_when = s->when;
		st[x].k = prg_rebase(st[x].ex, s->step.k, s->step.n);
		st[x].since = st[x].start = s->day;
		st[x].mark = s->when;
		st[x].any = true;
	}
}

int prg_derive(const struct catalogue *cat, const struct prg_session *sessions, size_t n_sessions,
               const struct prg_event *events, size_t n_events, const struct prg_params *p,
               const enum prg_mode *modes, int32_t today, struct prg_result *out)
{
	unsigned n_ex = cat->n_exercises < CAT_MAX_EXERCISES ? cat->n_exercises : CAT_MAX_EXERCISES;
	struct ex_state *st = xcalloc(n_ex ? n_ex : 1, sizeof(*st));
	struct id_map *map = xmalloc(sizeof(*map));
	size_t *s_idx = NULL, *e_idx = NULL;

	sorted(sessions, n_sessions, session_when, &s_idx);
	sorted(events, n_events, event_when, &e_idx);
	id_map_init(map, cat);
	for (unsigned i = 0; i < n_ex; i++) {
		const struct cat_exercise *ex = &cat->exercises[i];
		unsigned need = ex->freq.per == CAT_PER_WEEK ? p->greens_weekly : p->greens;
		st[i].ex = ex;
		st[i].mode = modes ? modes[i] : p->mode;
		st[i].steps = prg_steps(ex);
		st[i].need = need < 1 ? 1 : need > PRG_MAX_GREENS ? PRG_MAX_GREENS : need;
		st[i].since = st[i].last_red = st[i].hold_until = st[i].start = PRG_NO_DAY;
	}
	rebase_changed(st, map, sessions, n_sessions);

	struct before_days before = { 0 };
	bool have_bad = false;
	time_t bad = 0;
	size_t i = 0, j = 0;

	while (i < n_sessions || j < n_events) {
		const struct prg_session *s =
		    i < n_sessions ? &sessions[s_idx ? s_idx[i] : i] : NULL;
		const struct prg_event *e = j < n_events ? &events[e_idx ? e_idx[j] : j] : NULL;

		if (s && (!e || s->when <= e->when)) {
			i++;
			before_add(&before, s->day, s->pain_before);
			if (s->step.kind == PRG_TAG_LEVEL)
				continue;
			int x = id_map_find(map, s->id);
			if (x < 0 || (st[x].rebased && s->when <= st[x].rebase_when))
				continue;
			catch_up(&st[x], p, s->day, have_bad, bad);
			apply_session(&st[x], p, s);
			continue;
		}
		j++;
		if (e->kind == PRG_EV_MORNING) {
			unsigned sum, n;
			before_of(&before, e->day - 1, &sum, &n);
			if (!prg_bad_morning(p, e->value, sum, n))
				continue;
			/* Steps already due were taken before this morning. */
			for (unsigned x = 0; x < n_ex; x++)
				catch_up(&st[x], p, e->day, have_bad, bad);
			have_bad = true;
			bad = e->when;
			continue;
		}
		int x = id_map_find(map, e->id);
		if (x < 0 || (st[x].rebased && e->when < st[x].rebase_when))
			continue;
		catch_up(&st[x], p, e->day, have_bad, bad);
		apply_event(&st[x], p, e, have_bad, bad);
	}

	for (unsigned x = 0; x < n_ex; x++) {
		catch_up(&st[x], p, today, have_bad, bad);
		describe(&st[x], p, today, have_bad, bad, &out[x]);
	}
	free(st);
	free(map);
	free(s_idx);
	free(e_idx);
	return 0;
}

static const char *const state_names[] = {
	"new", "ready", "waiting", "held", "back", "top", "off"
};
static const char *const mode_names[] = { "off", "suggest", "auto" };

const char *prg_state_name(enum prg_state s)
{
	return (unsigned)s < sizeof(state_names) / sizeof(*state_names) ? state_names[s] : "?";
}

const char *prg_mode_name(enum prg_mode m)
{
	return (unsigned)m < sizeof(mode_names) / sizeof(*mode_names) ? mode_names[m] : "?";
}

int prg_mode_parse(const char *s, enum prg_mode *out)
{
	for (unsigned i = 0; i < sizeof(mode_names) / sizeof(*mode_names); i++)
		if (strcmp(s, mode_names[i]) == 0) {
			*out = (enum prg_mode)i;
			return 0;
		}
	return -1;
}
