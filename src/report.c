/*
 * report.c - the report for the physiotherapist: figures (rep_build) and
 * their three spellings, Markdown, HTML with inline SVG, and CSV
 * (rep_write). See report.h for the definitions.
 */
#include "report.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "outcomes_report.h"
#include "progression.h"
#include "words.h"

/* ---- Period ----------------------------------------------------------------- */

int rep_period_weeks(int32_t today, unsigned weeks, int32_t *from)
{
	if (weeks < 1 || weeks > REP_MAX_WEEKS)
		return -1;
	*from = hist_week_start(today) - 7 * (int32_t)(weeks - 1);
	return 0;
}

int rep_period_since(int32_t today, int32_t since, int32_t *from)
{
	if (since > today || hist_week_start(today) - hist_week_start(since) >= 7 * REP_MAX_WEEKS)
		return -1;
	*from = since;
	return 0;
}

int rep_format_parse(const char *s, enum rep_format *out)
{
	static const char *const names[] = {
		[REP_MD] = "md", [REP_HTML] = "html", [REP_CSV] = "csv"
	};

	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum rep_format)i;
			return 0;
		}
	return -1;
}

/* ---- Figures ----------------------------------------------------------------- */

static unsigned week_of(const struct report *r, int32_t day)
{
	return (unsigned)((hist_week_start(day) - hist_week_start(r->from)) / 7);
}

const struct rep_cell *rep_cell_at(const struct report *r, unsigned ex, unsigned w)
{
	return &r->cell[(size_t)ex * r->n_weeks + w];
}

static struct rep_cell *cell(struct report *r, unsigned ex, unsigned w)
{
	return &r->cell[(size_t)ex * r->n_weeks + w];
}

static void mark_paused(struct report *r, int32_t a, int32_t b)
{
	if (a < r->from)
		a = r->from;
	if (b > r->to)
		b = r->to;
	for (int32_t d = a; d <= b; d++)
		r->paused[d - r->from] = 1;
}

/* Paused days: ev_pauses(), the one reading of pause and resume events. */
static void find_pauses(struct report *r)
{
	struct hist_pause *p;
	size_t n = r->ev ? ev_pauses(r->ev, &p) : 0;

	for (size_t i = 0; i < n; i++)
		mark_paused(r, p[i].from, p[i].to);
	if (r->ev)
		free(p);
}

/* A score into a count and a sum, when there is one. */
static void tally(int v, unsigned *n, unsigned *sum)
{
	if (v != HIST_NO_PAIN) {
		(*n)++;
		*sum += (unsigned)v;
	}
}

static void add_score(int *highest, int v)
{
	if (v != HIST_NO_PAIN && v > *highest)
		*highest = v;
}

/*
 * One pass over the history: the cells, the pain of each week, and each
 * exercise's dose before the period (prior) and at its start.
 */
static void count_entries(struct report *r, const struct cat_index *ix, struct hist_step *prior)
{
	unsigned n_ex = r->cat ? r->cat->n_exercises : 0;
	struct hist_sessions ss = { 0 };
	int32_t *last_day = xcalloc(n_ex ? n_ex : 1, sizeof(*last_day));
	unsigned *that_day = xcalloc(n_ex ? n_ex : 1, sizeof(*that_day));

	for (unsigned x = 0; x < n_ex; x++)
		last_day[x] = INT32_MIN;

	for (size_t i = 0; i < r->h->n; i++) {
		const struct hist_entry *e = &r->h->e[i];
		int x = r->cat ? cat_index_find(ix, e->id) : -1;

		if (x >= 0 && e->step.kind != HIST_STEP_NONE) {
			if (e->day < r->from)
				r->dose_start[x] = prior[x] = e->step;
			else if (e->day <= r->to && r->dose_start[x].kind == HIST_STEP_NONE)
				r->dose_start[x] = e->step;
		}
		if (e->day < r->from || e->day > r->to)
			continue;
		unsigned w = week_of(r, e->day);
		struct rep_pain *p = &r->pain[w];
		struct hist_seen *sn = hist_session_of(&ss, w, e->session);

		/* Each session's scores once (the lines of a session carry its scores). */
		if ((!sn || !sn->after) && e->pain != HIST_NO_PAIN)
			p->logged += e->source == HIST_SRC_LOG;
		if (!sn || !sn->after)
			tally(e->pain, &p->scores, &p->after_sum);
		if (!sn || !sn->before)
			tally(e->pain_before, &p->before_n, &p->before_sum);
		if (sn) {
			sn->after |= e->pain != HIST_NO_PAIN;
			sn->before |= e->pain_before != HIST_NO_PAIN;
		}
		add_score(&p->highest, e->pain);
		add_score(&p->highest, e->pain_before);
		p->stops += e->status == HIST_STOPPED;
		if (x < 0)
			continue;

		struct rep_cell *c = cell(r, (unsigned)x, w);
		const struct cat_frequency *f = &r->cat->exercises[x].freq;

		if (e->step.kind != HIST_STEP_NONE)
			c->step = e->step;
		tally(e->pain, &c->scores, &c->after_sum);
		tally(e->pain_before, &c->before_n, &c->before_sum);
		add_score(&c->highest, e->pain);
		if (e->status == HIST_PARTIAL)
			c->partial++;
		else if (e->status == HIST_STOPPED)
			c->stopped++;
		c->logged += e->source == HIST_SRC_LOG;
		if (e->status != HIST_DONE)
			continue;
		c->done++;
		if (last_day[x] != e->day) {
			last_day[x] = e->day;
			that_day[x] = 0;
		}
		if (f->per == CAT_PER_WEEK || that_day[x] < f->times) {
			bool paused = r->paused[e->day - r->from];
			that_day[x]++;
			c->counted++;
			/* Today and a paused day expect only what was done: a session on
			 * a paused day never makes done exceed expected. */
			if (f->per == CAT_PER_DAY && (e->day == r->to || paused))
				c->expected++;
			else if (f->per == CAT_PER_WEEK && paused)
				c->expected++;
		}
	}
	free(last_day);
	free(that_day);
	hist_sessions_free(&ss);
}

/* Morning check-ins: a day's last morning with a score. */
static void count_mornings(struct report *r)
{
	for (size_t i = 0; r->ev && i < r->ev->n; i++) {
		const struct ev_event *e = &r->ev->e[i];

		if (e->kind != EV_MORNING || e->score == HIST_NO_PAIN || e->day < r->from ||
		    e->day > r->to)
			continue;
		bool later = false;
		for (size_t j = i + 1; j < r->ev->n && r->ev->e[j].day == e->day; j++)
			later |=
			    r->ev->e[j].kind == EV_MORNING && r->ev->e[j].score != HIST_NO_PAIN;
		if (later)
			continue;
		struct rep_pain *p = &r->pain[week_of(r, e->day)];
		tally(e->score, &p->morning_n, &p->morning_sum);
		add_score(&p->highest, e->score);
	}
}

/*
 * The day of the first history line or event (a `remind` event is the
 * reminder's, not the person's), or after + 1 when there is none.
 */
static int32_t first_record(const struct hist *h, const struct ev_log *ev, int32_t after)
{
	int32_t first = after + 1;

	/* History lines are in day order; events in time order, not always day order. */
	if (h->n && h->e[0].day < first)
		first = h->e[0].day;
	for (size_t i = 0; ev && i < ev->n; i++)
		if (ev->e[i].day < first && ev->e[i].kind != EV_REMIND)
			first = ev->e[i].day;
	return first;
}

void rep_build(const struct catalogue *cat, const struct hist *h, const struct ev_log *ev,
               int32_t from, int32_t to, struct report *out)
{
	static const struct hist none;
	unsigned n_ex = cat ? cat->n_exercises : 0;
	struct cat_index ix;
	struct report *r = out;

	if (to < from) /* not a period: one day, rather than a negative length */
		to = from;
	*r = (struct report){ .cat = cat, .h = h ? h : &none, .ev = ev, .from = from, .to = to };
	r->n_weeks = (unsigned)((hist_week_start(to) - hist_week_start(from)) / 7 + 1);
	r->week = xcalloc(r->n_weeks, sizeof(*r->week));
	r->pain = xcalloc(r->n_weeks, sizeof(*r->pain));
	r->cell = xcalloc((size_t)(n_ex ? n_ex : 1) * r->n_weeks, sizeof(*r->cell));
	r->dose_start = xcalloc(n_ex ? n_ex : 1, sizeof(*r->dose_start));
	r->paused = xcalloc((size_t)(to - from + 1), 1);
	r->first = first_record(r->h, ev, to);
	if (r->first < from)
		r->first = from;
	find_pauses(r);

	for (unsigned w = 0; w < r->n_weeks; w++) {
		struct rep_week *wk = &r->week[w];
		int32_t mon = hist_week_start(from) + 7 * (int32_t)w;

		wk->start = mon < from ? from : mon;
		wk->end = mon + 6 > to ? to : mon + 6;
		wk->days = (unsigned)(wk->end - wk->start + 1);
		wk->started = wk->end >= r->first;
		wk->so_far = wk->end == to && mon + 6 > to;
		for (int32_t d = wk->start; d <= wk->end; d++)
			wk->paused += r->paused[d - from];
		r->pain[w].highest = REP_NO_SCORE;
		for (unsigned x = 0; x < n_ex; x++)
			cell(r, x, w)->highest = REP_NO_SCORE;
	}
	/* calloc's zero is HIST_STEP_NONE, which the code below relies on. */
	_Static_assert(HIST_STEP_NONE == 0, "a zeroed step is no step");
	struct hist_step *prior = xcalloc(n_ex ? n_ex : 1, sizeof(*prior));
	if (cat)
		cat_index_init(&ix, cat);
	count_entries(r, &ix, prior);
	count_mornings(r);

	for (unsigned x = 0; x < n_ex; x++) {
		const struct cat_frequency *f = &cat->exercises[x].freq;
		/* The dose at the end of a week carries over weeks without a tagged line. */
		struct hist_step step = prior[x];

		for (unsigned w = 0; w < r->n_weeks; w++) {
			struct rep_cell *c = cell(r, x, w);
			const struct rep_week *wk = &r->week[w];
			unsigned open = 0;

			/* Days expected: from the first record on, not paused. */
			for (int32_t d = wk->start; d <= wk->end; d++)
				open += d >= r->first && !r->paused[d - from];
			if (c->step.kind == HIST_STEP_NONE)
				c->step = step;
			step = c->step;
			if (f->per == CAT_PER_WEEK) {
				unsigned share = (f->times * open * 2 + 7) / 14;
				/* Done on paused days, as counted, up to times a week. */
				c->expected =
				    share + c->expected > f->times ? f->times : share + c->expected;
			} else {
				/* Today's share was added while counting. */
				if (wk->end == to && to >= r->first && !r->paused[to - from])
					open--;
				c->expected += f->times * open;
			}
			if (c->counted > c->expected)
				c->counted = c->expected;
		}
	}
	free(prior);
}

void rep_free(struct report *r)
{
	free(r->week);
	free(r->cell);
	free(r->dose_start);
	free(r->pain);
	free(r->paused);
	*r = (struct report){ 0 };
}

/* ---- Escaping ------------------------------------------------------------------ */

enum { ESC_LEN = 4 * (EV_MAX_NOTE_BYTES + CAT_MAX_STRING) + 16 };

/*
 * A CSV cell a spreadsheet would run as a formula (OWASP "CSV injection"):
 * text from a file that starts with =, +, -, @, a tab or a carriage return.
 */
static bool csv_formula(const char *s)
{
	return *s && strchr("=+-@\t\r", *s) != NULL;
}

/*
 * Text from a file, as the format needs it, control bytes as \xNN first.
 * HTML: entities. CSV: quoted when it must be, and a formula neutralised by
 * a leading ' (and then quoted). Markdown: &, < and > as entities, so no
 * HTML runs, and the characters that make emphasis, links, images, code and
 * table cells backslash-escaped, so none is made.
 */
static void put_text(FILE *fp, enum rep_format fmt, const char *s)
{
	char safe[ESC_LEN];
	const char *p = cat_escape(safe, sizeof(safe), s ? s : "");
	bool formula = fmt == REP_CSV && (csv_formula(s ? s : "") || csv_formula(p));

	if (fmt == REP_CSV && !formula && strpbrk(p, ",\"\r\n") == NULL && *p != ' ') {
		fputs(p, fp);
		return;
	}
	if (fmt == REP_CSV)
		fputs(formula ? "\"'" : "\"", fp);
	for (; *p; p++) {
		if (fmt == REP_MD && strchr("\\`*_[]()!|#~{}", *p))
			fprintf(fp, "\\%c", *p);
		else if (fmt == REP_CSV && *p == '"')
			fputs("\"\"", fp);
		else if (fmt != REP_CSV && *p == '&')
			fputs("&amp;", fp);
		else if (fmt != REP_CSV && *p == '<')
			fputs("&lt;", fp);
		else if (fmt != REP_CSV && *p == '>')
			fputs("&gt;", fp);
		else if (fmt == REP_HTML && *p == '"')
			fputs("&quot;", fp);
		else if (fmt == REP_HTML && *p == '\'')
			fputs("&#39;", fp);
		else
			fputc(*p, fp);
	}
	if (fmt == REP_CSV)
		fputc('"', fp);
}

/* ---- Words and numbers ----------------------------------------------------------- */

static const char *day_text(int32_t day, char *buf)
{
	return hist_format_day(day, buf, 16);
}

enum { DOSE_LEN = 4 * CAT_MAX_SETS * 40 };

/*
 * A step's dose in words, as words.c says a dose: `30 s`, `hold 5 s x 2
 * reps, each side`; never a step code. A step of a ladder of another length
 * (the catalogue changed since) reads `step 3 of 5`, counted from 1. `-`
 * for none.
 */
static const char *dose_text(const struct report *r, unsigned x, const struct hist_step *s,
                             char *buf, size_t len)
{
	const struct cat_exercise *ex = r->cat ? &r->cat->exercises[x] : NULL;
	struct prg_dose d;

	if (s->kind == HIST_STEP_NONE || !ex) {
		snprintf(buf, len, "-");
		return buf;
	}
	if (s->kind == HIST_STEP_INDEX && s->n != prg_steps(ex)) {
		snprintf(buf, len, "step %u of %u", s->k + 1, s->n + 1);
		return buf;
	}
	prg_dose(ex, s->k, &d);
	for (unsigned i = 0; s->kind == HIST_STEP_LEVEL && i < d.n_sets; i++) {
		const struct cat_set *set = &ex->sets[i];
		d.set[i] =
		    (struct prg_set_dose){ .hold = cat_range_at(set->hold, s->level),
			                   .reps = cat_range_at(set->reps, s->level),
			                   .tempo = cat_range_at(set->tempo, s->level),
			                   .duration = cat_range_at(set->duration, s->level) };
	}
	return words_dose(ex, &d, buf, len);
}

/* Where word i of s starts (words are separated by one space). */
static size_t word_at(const char *s, size_t i)
{
	size_t at = 0;

	for (size_t w = 0; w < i; w++) {
		at += strcspn(s + at, " ");
		at += s[at] == ' ';
	}
	return at;
}

/* Where word i of s ends. */
static size_t word_end(const char *s, size_t i)
{
	size_t at = word_at(s, i);
	return at + strcspn(s + at, " ");
}

static size_t count_words(const char *s)
{
	size_t n = *s != '\0';

	for (; *s; s++)
		n += *s == ' ';
	return n;
}

/*
 * A change of dose, `a → b`: `30 s → 2 min`; when the two differ in one
 * word only, the words they share are said once: `2 → 3 reps, each side`.
 * `a` alone when they are the same.
 */
static const char *change_text(const char *a, const char *b, char *buf, size_t len)
{
	size_t na = count_words(a), nb = count_words(b), pre = 0, suf = 0;

	if (strcmp(a, b) == 0 || strcmp(b, "-") == 0) {
		snprintf(buf, len, "%s", a);
		return buf;
	}
	/* Words the same at the start, then at the end. */
	while (pre < na && pre < nb && word_end(a, pre) == word_end(b, pre) &&
	       strncmp(a, b, word_end(a, pre)) == 0)
		pre++;
	while (suf < na - pre && suf < nb - pre &&
	       strcmp(a + word_at(a, na - suf - 1), b + word_at(b, nb - suf - 1)) == 0)
		suf++;
	if (na - pre - suf != 1 || nb - pre - suf != 1) {
		snprintf(buf, len, "%s → %s", a, b);
		return buf;
	}
	size_t a1 = word_end(a, pre);
	size_t b0 = word_at(b, pre), b1 = word_end(b, pre);
	snprintf(buf, len, "%.*s → %.*s%s", (int)a1, a, (int)(b1 - b0), b + b0, a + a1);
	return buf;
}

/* An exercise's dose over the period: `30 s → 2 min`, or one dose, or `-`. */
static const char *dose_change(const struct report *r, unsigned x, char *buf, size_t len)
{
	char a[DOSE_LEN], b[DOSE_LEN];

	return change_text(dose_text(r, x, &r->dose_start[x], a, sizeof(a)),
	                   dose_text(r, x, &rep_cell_at(r, x, r->n_weeks - 1)->step, b, sizeof(b)),
	                   buf, len);
}

/* An average with one decimal, or `-`. */
static const char *avg_text(unsigned sum, unsigned n, char *buf, size_t len)
{
	if (n == 0)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%.1f", (double)sum / n);
	return buf;
}

static const char *score_text(int v, char *buf, size_t len)
{
	if (v == REP_NO_SCORE)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d", v);
	return buf;
}

/* The figures of a week's pain, in the order of pain_names. */
enum { PAIN_COLUMNS = 6 };
static const char *const pain_names[PAIN_COLUMNS] = { "Scores",  "Before",  "After",
	                                              "Morning", "Highest", "Stops" };

static const char *pain_text(const struct report *r, unsigned w, unsigned i, char *buf, size_t len)
{
	const struct rep_pain *p = &r->pain[w];

	if (!r->week[w].started) { /* before the first record: nothing to count */
		snprintf(buf, len, "%s", i == 0 ? "not started" : "-");
		return buf;
	}
	switch (i) {
	case 0:
		if (p->logged)
			snprintf(buf, len, "%u (%u logged)", p->scores, p->logged);
		else
			snprintf(buf, len, "%u", p->scores);
		return buf;
	case 1:
		return avg_text(p->before_sum, p->before_n, buf, len);
	case 2:
		return avg_text(p->after_sum, p->scores, buf, len);
	case 3:
		return avg_text(p->morning_sum, p->morning_n, buf, len);
	case 4:
		return score_text(p->highest, buf, len);
	default:
		snprintf(buf, len, "%u", p->stops);
		return buf;
	}
}

/* The adherence share of week w over every exercise, 0..100, or -1. */
static int week_pct(const struct report *r, unsigned w)
{
	unsigned counted = 0, expected = 0;

	for (unsigned x = 0; r->cat && x < r->cat->n_exercises; x++) {
		counted += rep_cell_at(r, x, w)->counted;
		expected += rep_cell_at(r, x, w)->expected;
	}
	return expected ? (int)((counted * 200 + expected) / (2 * expected)) : -1;
}

static const char disclaimer[] =
    "Self-reported data from a home exercise timer; not a clinical record.";

/* ---- Events ---------------------------------------------------------------------- */

struct rep_item {
	time_t when;
	int32_t day;
	unsigned order;
	const char *what;          /* our words; NULL: merged into another */
	int x;                     /* the exercise's index in the catalogue, or -1 */
	const char *exercise;      /* its name, else the id from the file, or "" */
	char detail[48];           /* numbers and our words, or a value from the file */
	bool dose;                 /* the details are a dose, in words when written: */
	struct hist_step from, to; /* from -> to; a `from` of none: `to <dose>` */
	const char *note;          /* from the file, or "" */
	bool happened;             /* for "What happened", else the other events */
};

static int item_cmp(const void *a, const void *b)
{
	const struct rep_item *x = a, *y = b;

	if (x->when != y->when)
		return x->when < y->when ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

struct items {
	struct rep_item *it;
	size_t n, cap;
};

/* A new item of exercise id (may be ""), at a time. */
static struct rep_item *add_item(struct items *v, const struct report *r,
                                 const struct cat_index *ix, const char *id, time_t when,
                                 int32_t day)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 32;
		v->it = xrealloc(v->it, v->cap * sizeof(*v->it));
	}
	struct rep_item *it = &v->it[v->n++];
	int x = r->cat && *id ? cat_index_find(ix, id) : -1;
	*it = (struct rep_item){ .when = when,
		                 .day = day,
		                 .order = (unsigned)v->n,
		                 .x = x,
		                 .exercise = x >= 0 ? r->cat->exercises[x].name : id,
		                 .note = "" };
	return it;
}

/*
 * A step back the progression took after a red session whose next session
 * has not come yet (no line shows the new step): dated on the day it was
 * taken, with the dose after it, unless the lines already show it.
 */
static void pending_backs(struct items *v, const struct report *r, const struct cat_index *ix)
{
	for (unsigned x = 0; r->steps && x < r->cat->n_exercises; x++) {
		const struct prg_result *s = &r->steps[x];
		const char *id = r->cat->exercises[x].id;
		bool shown = false;
		time_t when = 0;

		if (s->change != PRG_CHANGE_BACK || s->since < r->from || s->since > r->to)
			continue;
		for (size_t i = 0; i < v->n; i++)
			shown |= v->it[i].x == (int)x && v->it[i].day == s->since &&
			         strcmp(v->it[i].what, "step back") == 0;
		/* At the time of that day's last line of the exercise (the red one). */
		for (size_t i = 0; i < r->h->n; i++)
			if (r->h->e[i].day == s->since && strcmp(r->h->e[i].id, id) == 0)
				when = r->h->e[i].when;
		if (shown || when == 0)
			continue;
		struct hist_step from = { HIST_STEP_INDEX, s->from, s->steps, 0 },
		                 to = { HIST_STEP_INDEX, s->k, s->steps, 0 };
		struct rep_item *it = add_item(v, r, ix, id, when, s->since);
		it->what = "step back";
		it->happened = true;
		it->dose = true;
		it->from = from;
		it->to = to;
	}
}

/*
 * Steps up and back, from two lines of an exercise in a row tagged k/K and
 * k'/K. A step back comes of a red session: it is dated on that session (the
 * line before, when it is red by the default rules), with the dose after it.
 */
static void step_items(struct items *v, const struct report *r, const struct cat_index *ix)
{
	unsigned n_ex = r->cat ? r->cat->n_exercises : 0;
	const struct hist_entry **last = xcalloc(n_ex ? n_ex : 1, sizeof(*last));
	struct prg_params pp;

	prg_params_default(&pp);
	for (size_t i = 0; n_ex && i < r->h->n; i++) {
		const struct hist_entry *e = &r->h->e[i], *l;
		int x = cat_index_find(ix, e->id);

		if (x < 0 || e->step.kind != HIST_STEP_INDEX)
			continue;
		l = last[x];
		last[x] = e;
		if (!l || l->step.n != e->step.n || l->step.k == e->step.k)
			continue;
		bool up = e->step.k > l->step.k;
		const struct hist_entry *at =
		    !up && prg_classify(&pp, (enum prg_status)l->status, l->pain, l->pain_before) ==
		                PRG_RED
		        ? l
		        : e;
		if (at->day < r->from || at->day > r->to)
			continue;
		struct rep_item *it = add_item(v, r, ix, e->id, at->when, at->day);
		it->what = up ? "step up" : "step back";
		it->happened = !up;
		it->dose = true;
		it->from = l->step;
		it->to = e->step;
	}
	free(last);
	pending_backs(v, r, ix);
}

/* The step a `set` event names (`3`, or `3/9`), as a dose; else its value. */
static void set_step(const struct report *r, struct rep_item *it, const char *value)
{
	struct hist_step st = { .kind = HIST_STEP_INDEX };
	char *end;
	unsigned long k = strtoul(value, &end, 10);

	if (it->x < 0 || end == value ||
	    (*end && hist_parse_step(value, strlen(value), &st) != 0)) {
		snprintf(it->detail, sizeof(it->detail), "to step %s", value);
		return;
	}
	if (!*end) {
		st.n = prg_steps(&r->cat->exercises[it->x]);
		st.k = k > st.n ? st.n : (unsigned)k;
	}
	it->dose = true;
	it->to = st;
}

static void event_items(struct items *v, const struct report *r, const struct cat_index *ix)
{
	static const struct {
		const char *what;
		bool happened;
	} kinds[EV_N_KINDS] = {
		[EV_NOTE] = { "note", true },
		[EV_SAFETY_STOP] = { "safety stop", true },
		[EV_HOLD] = { "hold", true },
		[EV_PAUSE] = { "pause", true },
		[EV_RESUME] = { "resume", true },
		[EV_ACCEPT] = { "step up accepted", false },
		[EV_DECLINE] = { "step up declined", false },
		[EV_SET] = { "step set", false },
	};

	for (size_t i = 0; r->ev && i < r->ev->n; i++) {
		const struct ev_event *e = &r->ev->e[i];

		if (e->day < r->from || e->day > r->to || !kinds[e->kind].what)
			continue;
		struct rep_item *it = add_item(v, r, ix, e->exercise, e->when, e->day);
		it->what = kinds[e->kind].what;
		it->happened = kinds[e->kind].happened;
		it->note = e->note;
		if (e->kind == EV_PAUSE)
			snprintf(it->detail, sizeof(it->detail), "until %s",
			         *e->value ? e->value : "-");
		else if (e->kind == EV_HOLD && *e->value)
			snprintf(it->detail, sizeof(it->detail), "%s days", e->value);
		else if (e->kind == EV_SET && *e->value)
			set_step(r, it, e->value);
	}
}

/*
 * An accepted step and the step up it led to are one line: the accept's,
 * with the step's doses; a step up with no accept before it stays as it is.
 */
static void merge_accepts(struct items *v, unsigned n_ex)
{
	size_t *accept = xcalloc(n_ex ? n_ex : 1, sizeof(*accept)); /* index + 1, or 0 */

	for (size_t i = 0; i < v->n; i++) {
		struct rep_item *it = &v->it[i];

		if (it->x < 0)
			continue;
		if (strcmp(it->what, "step up accepted") == 0) {
			accept[it->x] = i + 1;
		} else if (strcmp(it->what, "step up") == 0 && accept[it->x]) {
			struct rep_item *a = &v->it[accept[it->x] - 1];
			a->what = "step up, accepted";
			a->dose = true;
			a->from = it->from;
			a->to = it->to;
			it->what = NULL;
			accept[it->x] = 0;
		} else if (strcmp(it->what, "step back") == 0 ||
		           strcmp(it->what, "step set") == 0) {
			accept[it->x] = 0;
		}
	}
	free(accept);
}

static size_t collect_items(const struct report *r, struct rep_item **out)
{
	struct items v = { 0 };
	struct cat_index ix;

	if (r->cat)
		cat_index_init(&ix, r->cat);
	for (size_t i = 0; i < r->h->n; i++) {
		const struct hist_entry *e = &r->h->e[i];
		char p1[8], p2[8];

		if (e->day < r->from || e->day > r->to || e->status != HIST_STOPPED)
			continue;
		struct rep_item *it = add_item(&v, r, &ix, e->id, e->when, e->day);
		it->what = "stopped";
		it->happened = true;
		snprintf(it->detail, sizeof(it->detail), "pain %s, before %s",
		         score_text(e->pain, p1, sizeof(p1)),
		         score_text(e->pain_before, p2, sizeof(p2)));
	}
	/* After the stops: a step back is listed after the stop it came of. */
	step_items(&v, r, &ix);
	event_items(&v, r, &ix);
	if (v.n > 1)
		qsort(v.it, v.n, sizeof(*v.it), item_cmp);
	merge_accepts(&v, r->cat ? r->cat->n_exercises : 0);
	*out = v.it;
	return v.n;
}

/* ---- Markup: what Markdown and HTML spell differently ------------------------------- */

/*
 * The report's sections are written once for both formats: what they say
 * (headings, captions, rows, cells) comes from one place, and only the
 * markup below differs. Markdown separates blocks with an empty line, written
 * before each block; HTML wraps each in its tags.
 */
enum block { B_TITLE, B_HEADING, B_PARA, B_NOTE };

static void block_open(FILE *fp, enum rep_format fmt, enum block b)
{
	static const char *const md[] = { "# ", "\n## ", "\n", "\n" };
	static const char *const html[] = { "<h1>", "<h2>", "<p>", "<p class=\"note\">" };

	fputs(fmt == REP_HTML ? html[b] : md[b], fp);
}

static void block_close(FILE *fp, enum rep_format fmt, enum block b)
{
	static const char *const html[] = { "</h1>\n", "</h2>\n", "</p>\n", "</p>\n" };

	fputs(fmt == REP_HTML ? html[b] : "\n", fp);
}

/* A section's heading, our words. */
static void heading(FILE *fp, enum rep_format fmt, const char *words)
{
	block_open(fp, fmt, B_HEADING);
	fputs(words, fp);
	block_close(fp, fmt, B_HEADING);
}

/* A paragraph of our words. */
static void para(FILE *fp, enum rep_format fmt, const char *words)
{
	block_open(fp, fmt, B_PARA);
	fputs(words, fp);
	block_close(fp, fmt, B_PARA);
}

/*
 * A table's cells: a column's heading, a week's heading (kept on one line in
 * print), words, and a figure (right-aligned).
 */
enum cell { C_HEAD, C_WEEK, C_WORDS, C_FIGURE };

static void table_open(FILE *fp, enum rep_format fmt)
{
	fputs(fmt == REP_HTML ? "<table>" : "\n", fp);
}

static void table_close(FILE *fp, enum rep_format fmt)
{
	if (fmt == REP_HTML)
		fputs("</table>\n", fp);
}

static void row_open(FILE *fp, enum rep_format fmt)
{
	fputs(fmt == REP_HTML ? "<tr>" : "|", fp);
}

static void row_close(FILE *fp, enum rep_format fmt)
{
	fputs(fmt == REP_HTML ? "</tr>\n" : "\n", fp);
}

/* The end of the row of headings: Markdown's line under it has a `---` a column. */
static void head_close(FILE *fp, enum rep_format fmt, unsigned columns)
{
	row_close(fp, fmt);
	if (fmt == REP_HTML)
		return;
	fputc('|', fp);
	for (unsigned i = 0; i < columns; i++)
		fputs("---|", fp);
	fputc('\n', fp);
}

static void cell_open(FILE *fp, enum rep_format fmt, enum cell c)
{
	static const char *const html[] = { "<th>", "<th class=\"d\">", "<td>",
		                            "<td class=\"n\">" };

	fputs(fmt == REP_HTML ? html[c] : " ", fp);
}

static void cell_close(FILE *fp, enum rep_format fmt, enum cell c)
{
	fputs(fmt != REP_HTML ? " |" : c <= C_WEEK ? "</th>" : "</td>", fp);
}

/* A cell of our words or figures, as they are. */
static void cell_words(FILE *fp, enum rep_format fmt, enum cell c, const char *words)
{
	cell_open(fp, fmt, c);
	fputs(words, fp);
	cell_close(fp, fmt, c);
}

/* A cell of text from a file (a name), escaped. */
static void cell_text(FILE *fp, enum rep_format fmt, enum cell c, const char *text)
{
	cell_open(fp, fmt, c);
	put_text(fp, fmt, text);
	cell_close(fp, fmt, c);
}

/*
 * A week's heading: its Monday (or first day), and `so far` while it lasts;
 * in HTML under the date, so a column stays narrow.
 */
static const char *week_head(const struct rep_week *wk, enum rep_format fmt, char *buf, size_t len)
{
	char d[16];

	snprintf(buf, len, "%s%s", day_text(wk->start, d),
	         !wk->so_far       ? ""
	         : fmt == REP_HTML ? "<br>(so far)"
	                           : " (so far)");
	return buf;
}

/*
 * Weeks side by side on an A4 page: more are wrapped into blocks of even
 * size (12 weeks: two of 6; 26: 9, 9 and 8), so no column is cut off.
 */
static unsigned html_block_weeks(const struct report *r)
{
	unsigned blocks = (r->n_weeks + REP_PRINT_WEEKS - 1) / REP_PRINT_WEEKS;

	return (r->n_weeks + blocks - 1) / blocks;
}

/*
 * A table of figures by week: a row per series (an exercise, a figure of
 * pain, the PEG's mean and items), a column per week of the report's first
 * n_weeks. HTML prints it so, in blocks of weeks that fit an A4 page;
 * Markdown as one table, and with a row per week when weeks_down (the
 * corner then heads the weeks: `Week`).
 */
struct week_table;

/* What a kind of table says of its series, and how Markdown lays it out. */
struct week_kind {
	bool weeks_down; /* Markdown: a row per week, the series across */
	/* A series' name (text from a file), and its figure in week w (our words). */
	const char *(*name)(const struct week_table *, unsigned s);
	const char *(*figure)(const struct week_table *, unsigned s, unsigned w, char *buf,
	                      size_t len);
	/* A note by a series' name (its dose), or NULL; Markdown: a column headed aside. */
	const char *aside;
	const char *(*aside_text)(const struct week_table *, unsigned s, char *buf, size_t len);
};

/* One table: its kind, what it is of, the heading of its series' names, its size. */
struct week_table {
	const struct week_kind *kind;
	const struct report *r;
	const struct out_report *o; /* the outcomes, for their tables */
	size_t k;                   /* which of o's other questionnaires */
	const char *corner;         /* text from a file */
	unsigned n_series, n_weeks;
};

enum { FIGURE_LEN = 2 * DOSE_LEN };

/* Markdown with a row per week: the series across. */
static void week_table_down(FILE *fp, const struct week_table *t)
{
	char buf[FIGURE_LEN];

	table_open(fp, REP_MD);
	row_open(fp, REP_MD);
	cell_words(fp, REP_MD, C_HEAD, "Week");
	for (unsigned s = 0; s < t->n_series; s++)
		cell_text(fp, REP_MD, C_HEAD, t->kind->name(t, s));
	head_close(fp, REP_MD, 1 + t->n_series);
	for (unsigned w = 0; w < t->n_weeks; w++) {
		row_open(fp, REP_MD);
		cell_words(fp, REP_MD, C_WEEK, week_head(&t->r->week[w], REP_MD, buf, sizeof(buf)));
		for (unsigned s = 0; s < t->n_series; s++)
			cell_words(fp, REP_MD, C_FIGURE,
			           t->kind->figure(t, s, w, buf, sizeof(buf)));
		row_close(fp, REP_MD);
	}
	table_close(fp, REP_MD);
}

static void week_table(FILE *fp, enum rep_format fmt, const struct week_table *t)
{
	bool html = fmt == REP_HTML;
	unsigned per = html ? html_block_weeks(t->r) : t->n_weeks;
	/* Markdown: the note in a column of its own; HTML: under the name, once. */
	bool aside_column = t->kind->aside && !html;
	char buf[FIGURE_LEN];

	if (!html && t->kind->weeks_down) {
		week_table_down(fp, t);
		return;
	}
	for (unsigned w0 = 0; w0 < t->n_weeks; w0 += per) {
		unsigned w1 = w0 + per < t->n_weeks ? w0 + per : t->n_weeks;

		table_open(fp, fmt);
		row_open(fp, fmt);
		cell_text(fp, fmt, C_HEAD, t->corner);
		if (aside_column)
			cell_words(fp, fmt, C_HEAD, t->kind->aside);
		for (unsigned w = w0; w < w1; w++)
			cell_words(fp, fmt, C_WEEK,
			           week_head(&t->r->week[w], fmt, buf, sizeof(buf)));
		head_close(fp, fmt, 1 + aside_column + (w1 - w0));
		for (unsigned s = 0; s < t->n_series; s++) {
			const char *aside =
			    t->kind->aside ? t->kind->aside_text(t, s, buf, sizeof(buf)) : NULL;

			row_open(fp, fmt);
			cell_open(fp, fmt, C_WORDS);
			put_text(fp, fmt, t->kind->name(t, s));
			if (aside && html && w0 == 0) {
				fputs("<br><span class=\"dose\">", fp);
				put_text(fp, fmt, aside);
				fputs("</span>", fp);
			}
			cell_close(fp, fmt, C_WORDS);
			if (aside_column && aside)
				cell_text(fp, fmt, C_WORDS, aside);
			else if (aside_column)
				fputs(" |", fp); /* an empty cell */
			for (unsigned w = w0; w < w1; w++)
				cell_words(fp, fmt, C_FIGURE,
				           t->kind->figure(t, s, w, buf, sizeof(buf)));
			row_close(fp, fmt);
		}
		table_close(fp, fmt);
	}
}

/* ---- The sections, in both formats ------------------------------------------------ */

static void write_period(FILE *fp, const struct report *r)
{
	char a[16], b[16];

	fprintf(fp, "%s to %s (%u week%s)", day_text(r->from, a), day_text(r->to, b), r->n_weeks,
	        r->n_weeks == 1 ? "" : "s");
	/* The figures start there: the weeks before are `not started`. */
	if (r->first > r->from && r->first <= r->to)
		fprintf(fp, ", first record %s", day_text(r->first, a));
}

/*
 * done/expected, then partial and stopped when there are any; `not started`
 * before the first record.
 */
static const char *adherence_text(const struct rep_week *wk, const struct rep_cell *c, char *buf,
                                  size_t len)
{
	size_t used;

	if (!wk->started) {
		snprintf(buf, len, "not started");
		return buf;
	}
	used = (size_t)snprintf(buf, len, "%u/%u", c->done, c->expected);
	if (c->partial && used < len)
		used += (size_t)snprintf(buf + used, len - used, " p%u", c->partial);
	if (c->stopped && used < len)
		used += (size_t)snprintf(buf + used, len - used, " s%u", c->stopped);
	if (c->logged && used < len)
		snprintf(buf + used, len - used, " l%u", c->logged);
	return buf;
}

/* Whether a line of the period was written by `lumbar log`: the legends then name it. */
static bool any_logged(const struct report *r)
{
	for (unsigned w = 0; w < r->n_weeks; w++)
		for (unsigned x = 0; r->cat && x < r->cat->n_exercises; x++)
			if (rep_cell_at(r, x, w)->logged)
				return true;
	return false;
}

/* What `l` and `(N logged)` mean, after a legend's first sentence. */
static const char logged_legend[] = "; l how many were logged without the timer (lumbar log)";

static unsigned n_exercises(const struct report *r)
{
	return r->cat ? r->cat->n_exercises : 0;
}

/* The adherence table: a row per exercise, its dose by its name, and the paused days. */
static const char *adherence_name(const struct week_table *t, unsigned s)
{
	return s < n_exercises(t->r) ? t->r->cat->exercises[s].name : "Paused days";
}

static const char *adherence_dose(const struct week_table *t, unsigned s, char *buf, size_t len)
{
	return s < n_exercises(t->r) ? dose_change(t->r, s, buf, len) : NULL;
}

static const char *adherence_figure(const struct week_table *t, unsigned s, unsigned w, char *buf,
                                    size_t len)
{
	if (s < n_exercises(t->r))
		return adherence_text(&t->r->week[w], rep_cell_at(t->r, s, w), buf, len);
	snprintf(buf, len, "%u", t->r->week[w].paused);
	return buf;
}

static const struct week_kind adherence_kind = { false, adherence_name, adherence_figure, "Dose",
	                                         adherence_dose };

/* The adherence section: its legend says where each format puts the dose. */
static void write_adherence(FILE *fp, enum rep_format fmt, const struct report *r)
{
	unsigned rows = n_exercises(r) + 1; /* and the paused days */
	const struct week_table t = { &adherence_kind, r, NULL, 0, "Exercise", rows, r->n_weeks };
	char legend[200];

	snprintf(legend, sizeof(legend),
	         "Each week: done/expected; p partial, s stopped%s. %s: at the start of the "
	         "period → at its end.",
	         any_logged(r) ? logged_legend : "",
	         fmt == REP_HTML ? "Under each name, its dose" : "Dose");
	heading(fp, fmt, "Adherence");
	para(fp, fmt, legend);
	week_table(fp, fmt, &t);
}

/* The pain table: a row per figure of pain_names. */
static const char *pain_name(const struct week_table *t, unsigned s)
{
	(void)t;
	return pain_names[s];
}

static const char *pain_figure(const struct week_table *t, unsigned s, unsigned w, char *buf,
                               size_t len)
{
	return pain_text(t->r, w, s, buf, len);
}

static const struct week_kind pain_kind = { true, pain_name, pain_figure, NULL, NULL };

static void write_pain(FILE *fp, enum rep_format fmt, const struct report *r)
{
	const struct week_table t = { &pain_kind, r, NULL, 0, "Week", PAIN_COLUMNS, r->n_weeks };
	char legend[200];

	snprintf(legend, sizeof(legend),
	         "Scores 0-10%s. Scores: sessions with a pain score after. Before, after, morning: "
	         "averages. Highest: of all scores. Stops: exercises stopped.",
	         fmt == REP_HTML ? ", by week" : "");
	heading(fp, fmt, "Pain");
	para(fp, fmt, legend);
	week_table(fp, fmt, &t);
}

/* An item's doses in words: `30 s → 2 min`, or `to 1 min`. */
static const char *item_dose(const struct report *r, const struct rep_item *it, char *buf,
                             size_t len)
{
	char a[DOSE_LEN], b[DOSE_LEN];

	dose_text(r, (unsigned)it->x, &it->to, b, sizeof(b));
	if (it->from.kind == HIST_STEP_NONE) {
		snprintf(buf, len, "to %s", b);
		return buf;
	}
	return change_text(dose_text(r, (unsigned)it->x, &it->from, a, sizeof(a)), b, buf, len);
}

/*
 * The events of one part, "What happened" (stops, steps back, holds, pauses,
 * notes, safety stops) or the others. Markdown: a table. HTML: a list in two
 * columns, to keep the page count down.
 */
static void write_events(FILE *fp, const struct report *r, enum rep_format fmt, bool happened)
{
	char dose[2 * DOSE_LEN];
	struct rep_item *items;
	size_t n = collect_items(r, &items), shown = 0;
	bool md = fmt == REP_MD;
	char d[16];

	heading(fp, fmt, happened ? "What happened" : "Other events");
	for (size_t i = 0; i < n; i++) {
		const struct rep_item *it = &items[i];

		if (!it->what || it->happened != happened)
			continue;
		if (shown++ == 0)
			fputs(md ? "\n| Date | Event | Exercise | Details | Note "
			           "|\n|---|---|---|---|---|\n"
			         : "<ul class=\"ev\">\n",
			      fp);
		fprintf(fp, md ? "| %s | %s | " : "<li><b>%s</b> %s ", day_text(it->day, d),
		        it->what);
		put_text(fp, fmt, it->exercise);
		fputs(md ? " | " : *it->exercise ? " " : "", fp);
		put_text(fp, fmt, it->dose ? item_dose(r, it, dose, sizeof(dose)) : it->detail);
		fputs(md ? " | " : *it->note ? " <i>" : "", fp);
		put_text(fp, fmt, it->note);
		fputs(md ? " |\n" : *it->note ? "</i></li>\n" : "</li>\n", fp);
	}
	if (shown == 0)
		para(fp, fmt, "None in the period.");
	else if (!md)
		fputs("</ul>\n", fp);
	free(items);
}

/* The Outcomes section (issue 22 §3), in the section "Outcomes" below. */
static void write_outcomes(FILE *fp, const struct report *r, enum rep_format fmt);

/* ---- CSV ------------------------------------------------------------------------- */

/*
 * The step in two cells, `step,steps,`, counted from 1 as the person sees
 * it (`2,5` for 1/4), never `1/4`, which a spreadsheet takes for a date; a
 * level name and `-`; `-,-` for none.
 */
static void csv_step(FILE *fp, const struct hist_step *s)
{
	if (s->kind == HIST_STEP_INDEX)
		fprintf(fp, "%u,%u,", s->k + 1, s->n + 1);
	else if (s->kind == HIST_STEP_LEVEL)
		fprintf(fp, "%s,-,", cat_level_name(s->level));
	else
		fputs("-,-,", fp);
}

static void write_csv(FILE *fp, const struct report *r)
{
	unsigned n_ex = r->cat ? r->cat->n_exercises : 0;
	char a[16], b[16], s1[32], s2[32], s3[32], dose[DOSE_LEN];

	fputs("exercise,name,week_start,week_end,days,paused_days,done,expected,partial,stopped,"
	      "scores,pain_before_avg,pain_after_avg,pain_after_highest,step,steps,dose,logged\r\n",
	      fp);
	for (unsigned x = 0; x < n_ex; x++)
		for (unsigned w = 0; w < r->n_weeks; w++) {
			const struct rep_cell *c = rep_cell_at(r, x, w);
			const struct rep_week *wk = &r->week[w];

			put_text(fp, REP_CSV, r->cat->exercises[x].id);
			fputc(',', fp);
			put_text(fp, REP_CSV, r->cat->exercises[x].name);
			fprintf(fp, ",%s,%s,%u,%u,%u,%u,%u,%u,%u,%s,%s,%s,", day_text(wk->start, a),
			        day_text(wk->end, b), wk->days, wk->paused, c->done, c->expected,
			        c->partial, c->stopped, c->scores,
			        avg_text(c->before_sum, c->before_n, s1, sizeof(s1)),
			        avg_text(c->after_sum, c->scores, s2, sizeof(s2)),
			        score_text(c->highest, s3, sizeof(s3)));
			csv_step(fp, &c->step);
			/* Our words, quoted for their commas; `-` is ours too. */
			dose_text(r, x, &c->step, dose, sizeof(dose));
			if (strcmp(dose, "-") == 0)
				fputs(dose, fp);
			else
				put_text(fp, REP_CSV, dose);
			fprintf(fp, ",%u\r\n", c->logged);
		}
	write_outcomes(fp, r, REP_CSV);
}

/* ---- HTML ------------------------------------------------------------------------ */

static const char html_style[] =
    "<style>\n"
    "@page{size:A4;margin:12mm}\n"
    "body{font:9pt/1.3 sans-serif;color:#000;margin:0 auto;max-width:186mm}\n"
    "h1{font-size:14pt;margin:0 0 2pt}h2{font-size:11pt;margin:8pt 0 3pt;"
    "break-after:avoid;page-break-after:avoid}\n"
    "p{margin:2pt 0}.note{font-style:italic}\n"
    "table{border-collapse:collapse;width:100%;margin:2pt 0}\n"
    "th,td{border:0.5pt solid #888;padding:1pt 3pt;text-align:left;vertical-align:top;"
    "font-size:8pt}\n"
    "td.n{text-align:right;white-space:nowrap}th{background:#eee}th.d{white-space:nowrap}\n"
    "tr,svg,.chart{break-inside:avoid;page-break-inside:avoid}\n"
    ".dose{font-size:7pt;color:#333}table+table{margin-top:4pt}\n"
    ".charts{display:flex;gap:4mm}.chart{flex:1}svg{width:100%;height:auto}\n"
    "svg text{font:7px sans-serif}\n"
    "ul.ev{columns:2;column-gap:6mm;list-style:none;padding:0;margin:0;font-size:8pt}\n"
    "ul.ev li{break-inside:avoid;page-break-inside:avoid}\n"
    "@media print{body{max-width:none}}\n"
    "</style>\n";

/* Chart geometry: a 300 x 120 box, plot from x 24 to 296, y 8 to 100. */
enum { CH_L = 24, CH_R = 296, CH_T = 8, CH_B = 100 };

static double chart_x(const struct report *r, unsigned w)
{
	return CH_L + (CH_R - CH_L) * (w + 0.5) / r->n_weeks;
}

static void chart_axis(FILE *fp, const struct report *r, unsigned top, unsigned step)
{
	char d[16];

	for (unsigned v = 0; v <= top; v += step) {
		double y = CH_B - (double)(CH_B - CH_T) * v / top;
		fprintf(fp,
		        "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ccc\" "
		        "stroke-width=\"0.5\"/><text x=\"%d\" y=\"%.1f\" "
		        "text-anchor=\"end\">%u</text>\n",
		        CH_L, y, CH_R, y, CH_L - 3, y + 2.5, v);
	}
	/* A date under every week when they fit, else under every other. */
	unsigned every = r->n_weeks <= 9 ? 1 : (r->n_weeks + 8) / 9;
	for (unsigned w = 0; w < r->n_weeks; w += every)
		fprintf(fp, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
		        chart_x(r, w), CH_B + 10, day_text(r->week[w].start, d) + 5);
}

/* The y of a week's average pain in column i of pain_names (1..3), or false. */
static bool pain_y(const struct rep_pain *p, unsigned i, double *y)
{
	unsigned sum = i == 1 ? p->before_sum : i == 2 ? p->after_sum : p->morning_sum;
	unsigned n = i == 1 ? p->before_n : i == 2 ? p->scores : p->morning_n;

	if (n == 0)
		return false;
	*y = CH_B - (CH_B - CH_T) * ((double)sum / n) / 10.0;
	return true;
}

/* pain_y() of week w, as chart_line() asks. */
static bool pain_week_y(const struct report *r, unsigned w, unsigned column, double *y)
{
	return pain_y(&r->pain[w], column, y);
}

/*
 * One line of a chart, broken where a week has no figure (y_of() false),
 * and its dots: the pain chart's, and the PEG's.
 */
static void chart_line(FILE *fp, const struct report *r, const char *colour, const char *dash,
                       bool (*y_of)(const struct report *, unsigned, unsigned, double *),
                       unsigned column)
{
	bool pen = false;
	double y;

	for (unsigned w = 0; w < r->n_weeks; w++) {
		if (!y_of(r, w, column, &y)) {
			if (pen)
				fputs("\"/>\n", fp);
			pen = false;
			continue;
		}
		if (!pen)
			fprintf(fp,
			        "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" "
			        "stroke-dasharray=\"%s\" points=\"",
			        colour, dash);
		fprintf(fp, "%s%.1f,%.1f", pen ? " " : "", chart_x(r, w), y);
		pen = true;
	}
	if (pen)
		fputs("\"/>\n", fp);
	for (unsigned w = 0; w < r->n_weeks; w++)
		if (y_of(r, w, column, &y))
			fprintf(fp, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"1.8\" fill=\"%s\"/>\n",
			        chart_x(r, w), y, colour);
}

static void write_charts(FILE *fp, const struct report *r)
{
	static const struct {
		const char *colour, *dash;
		unsigned column; /* of pain_names */
	} lines[] = {
		{ "#1f5fa8", "none", 1 },
		{ "#b22222", "4 2", 2 },
		{ "#2e7d32", "1 2", 3 },
	};
	double bw = (double)(CH_R - CH_L) / r->n_weeks * 0.7;

	fputs("<div class=\"charts\">\n<div class=\"chart\"><svg viewBox=\"0 0 300 120\" "
	      "role=\"img\" aria-label=\"Average pain by week\">\n",
	      fp);
	chart_axis(fp, r, 10, 2);
	for (unsigned i = 0; i < 3; i++) {
		chart_line(fp, r, lines[i].colour, lines[i].dash, pain_week_y, lines[i].column);
		fprintf(fp,
		        "<line x1=\"%u\" y1=\"116\" x2=\"%u\" y2=\"116\" stroke=\"%s\" "
		        "stroke-width=\"1.5\" stroke-dasharray=\"%s\"/><text x=\"%u\" y=\"118\">"
		        "%s</text>\n",
		        40 + 80 * i, 52 + 80 * i, lines[i].colour, lines[i].dash, 55 + 80 * i,
		        pain_names[lines[i].column]);
	}
	fputs("</svg><p>Average pain by week (0-10)</p></div>\n<div class=\"chart\"><svg "
	      "viewBox=\"0 0 300 120\" role=\"img\" aria-label=\"Adherence by week\">\n",
	      fp);
	chart_axis(fp, r, 100, 25);
	for (unsigned w = 0; w < r->n_weeks; w++) {
		int pct = week_pct(r, w);
		if (pct < 0)
			continue;
		double h = (CH_B - CH_T) * pct / 100.0;
		fprintf(
		    fp,
		    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#5b8bd0\"/>"
		    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d%%</text>\n",
		    chart_x(r, w) - bw / 2, CH_B - h, bw, h, chart_x(r, w), CH_B - h - 2, pct);
	}
	fputs("</svg><p>Adherence by week: done against expected, all exercises (%)</p></div>\n"
	      "</div>\n",
	      fp);
}

/* ---- Outcomes (issue 22 §3) --------------------------------------------------------- */

/*
 * The figures come from outcomes_report.c; here they are spelled. A week
 * without an answer is `-`, a gap, never 0; a change is marked in words
 * ("2 points lower than the week of 2026-11-02"), never as a judgement.
 */

/* Row `row` of the PEG in week w: 0 the mean, 1..3 its items; `-` for none. */
static const char *peg_text(const struct out_report *o, unsigned w, unsigned row, char *buf,
                            size_t len)
{
	const struct out_week *wk = &o->week[w];

	if (row == 0)
		return out_score_text(wk, Q_SCORE_MEAN, buf, len);
	if (!wk->present || wk->item[row - 1] == OUT_NO_ANSWER)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, "%d", wk->item[row - 1]);
	return buf;
}

/*
 * A clinic's questionnaire's caption: "Title, items 0-1 scored as a sum,
 * in the past week, by week: ..." (its title, scale, scoring and recall).
 */
static void other_caption(FILE *fp, enum rep_format fmt, const struct questionnaire *q)
{
	put_text(fp, fmt, q->title);
	fprintf(fp, ", items %d-%d scored as a %s, ", q->min, q->max, q_scoring_name(q->scoring));
	put_text(fp, fmt, q->recall);
	fputs(", by week: a week's last answer; - no answer that week (a gap, not 0).", fp);
}

/* "Changes of 30% or more: 35% lower than the week of 2026-11-02." */
static void other_changes(FILE *fp, enum rep_format fmt, const struct out_report *o, size_t k)
{
	const struct questionnaire *q = o->other[k].q;
	char buf[160];

	if (q->scoring == Q_SCORE_SUM)
		fprintf(fp, "Changes of %d%% or more: ", OUT_PERCENT);
	else
		fprintf(fp,
		        "Changes of %g points or more: ", OUT_POINTS * (q->max - q->min) / 10.0);
	put_text(fp, fmt, *out_report_other_change(o, k, buf, sizeof(buf)) ? buf : "none");
	fputc('.', fp);
}

static const char *peg_row_name(unsigned row)
{
	return row == 0 ? "Mean" : out_report_peg_items[row - 1];
}

/* The y of week w's PEG mean in the chart, as chart_line() asks. */
static bool peg_week_y(const struct report *r, unsigned w, unsigned column, double *y)
{
	const struct out_report *o = r->outcomes;
	const struct questionnaire *q = o->peg;

	(void)column;
	if (w >= o->n_weeks || !o->week[w].have_score)
		return false;
	*y = CH_B - (CH_B - CH_T) * (o->week[w].score - q->min) / (q->max - q->min);
	return true;
}

/* The PEG's marked changes, "Mean: 2 points lower than ...; Pain: ...", or "". */
static const char *peg_changes(const struct out_report *o, char *buf, size_t len)
{
	char one[160];
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned row = 0; row < 4 && used < len; row++) {
		if (!*out_report_peg_change(o, (int)row - 1, one, sizeof(one)))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%s%s: %s", used ? "; " : "",
		                         peg_row_name(row), one);
	}
	return buf;
}

/* A rating and its day, "3 on 2026-11-02", or "not rated". */
static const char *rating_text(int v, int32_t day, char *buf, size_t len)
{
	char d[16];

	if (v == OUT_NO_ANSWER)
		snprintf(buf, len, "not rated");
	else
		snprintf(buf, len, "%d on %s", v, day_text(day, d));
	return buf;
}

/* The activity's name: "1. put on socks", and "(retired)". */
static void activity_name(FILE *fp, enum rep_format fmt, const struct out_activity *a)
{
	fprintf(fp, "%u. ", a->number);
	put_text(fp, fmt, a->words);
	if (a->retired)
		fputs(" (retired)", fp);
}

/* The PEG's table: a row for its mean and one for each item. */
static const char *peg_name(const struct week_table *t, unsigned s)
{
	(void)t;
	return peg_row_name(s);
}

static const char *peg_figure(const struct week_table *t, unsigned s, unsigned w, char *buf,
                              size_t len)
{
	return peg_text(t->o, w, s, buf, len);
}

static const struct week_kind peg_kind = { true, peg_name, peg_figure, NULL, NULL };

/* A clinic's questionnaire's table: a row, its score. */
static const char *other_name(const struct week_table *t, unsigned s)
{
	(void)t;
	(void)s;
	return "Score";
}

static const char *other_figure(const struct week_table *t, unsigned s, unsigned w, char *buf,
                                size_t len)
{
	const struct out_other *x = &t->o->other[t->k];

	(void)s;
	return out_score_text(&x->week[w], x->q->scoring, buf, len);
}

static const struct week_kind other_kind = { true, other_name, other_figure, NULL, NULL };

/* The PEG: its caption, its weeks (of the first n) and its marked changes. */
static void outcomes_peg(FILE *fp, enum rep_format fmt, const struct report *r,
                         const struct out_report *o, unsigned n)
{
	const struct week_table t = { &peg_kind, r, o, 0, "PEG", 4, n };
	char buf[512];

	if (!o->peg)
		return;
	if (o->first_w < 0) {
		para(fp, fmt, "PEG: no answer in the period.");
		return;
	}
	block_open(fp, fmt, B_PARA);
	fprintf(fp, "PEG, %d-%d, ", o->peg->min, o->peg->max);
	put_text(fp, fmt, o->peg->recall);
	fputs(", by week: a week's last answer; - no answer that week (a gap, not 0).", fp);
	block_close(fp, fmt, B_PARA);
	week_table(fp, fmt, &t);
	block_open(fp, fmt, B_PARA);
	fprintf(fp, "Changes of %d points or more: ", OUT_POINTS);
	put_text(fp, fmt, *peg_changes(o, buf, sizeof(buf)) ? buf : "none");
	fputc('.', fp);
	block_close(fp, fmt, B_PARA);
}

/* A clinic's questionnaire k: its caption, its weeks and its marked change. */
static void outcomes_other(FILE *fp, enum rep_format fmt, const struct report *r,
                           const struct out_report *o, size_t k, unsigned n)
{
	const struct questionnaire *q = o->other[k].q;
	const struct week_table t = { &other_kind, r, o, k, q->id, 1, n };

	block_open(fp, fmt, B_PARA);
	other_caption(fp, fmt, q);
	block_close(fp, fmt, B_PARA);
	week_table(fp, fmt, &t);
	block_open(fp, fmt, B_PARA);
	other_changes(fp, fmt, o, k);
	block_close(fp, fmt, B_PARA);
}

/* The PEG's mean by week as a chart: HTML only. */
static void peg_chart(FILE *fp, const struct report *r, const struct out_report *o)
{
	if (!o->peg || o->first_w < 0)
		return;
	fputs("<div class=\"chart\"><svg viewBox=\"0 0 300 120\" role=\"img\" "
	      "aria-label=\"PEG mean by week\">\n",
	      fp);
	chart_axis(fp, r, 10, 2);
	chart_line(fp, r, "#1f5fa8", "none", peg_week_y, 0);
	fputs("</svg><p>PEG mean by week (0-10); a break: no answer that week</p></div>\n", fp);
}

/* Each activity's first and latest rating and the change; HTML with shorter headings. */
static void activities_table(FILE *fp, enum rep_format fmt, const struct out_report *o)
{
	bool html = fmt == REP_HTML;
	char buf[512];

	table_open(fp, fmt);
	row_open(fp, fmt);
	cell_words(fp, fmt, C_HEAD, "Activity");
	cell_words(fp, fmt, C_HEAD, html ? "First" : "First rating");
	cell_words(fp, fmt, C_HEAD, html ? "Latest" : "Latest rating");
	cell_words(fp, fmt, C_HEAD, "Change");
	head_close(fp, fmt, 4);
	for (size_t i = 0; i < o->n_act; i++) {
		const struct out_activity *a = &o->act[i];

		row_open(fp, fmt);
		cell_open(fp, fmt, C_WORDS);
		activity_name(fp, fmt, a);
		cell_close(fp, fmt, C_WORDS);
		cell_words(fp, fmt, C_FIGURE,
		           rating_text(a->first, a->first_day, buf, sizeof(buf)));
		cell_words(fp, fmt, C_FIGURE,
		           rating_text(a->latest, a->latest_day, buf, sizeof(buf)));
		cell_words(fp, fmt, C_WORDS, out_report_activity_change(o, a, buf, sizeof(buf)));
		row_close(fp, fmt);
	}
	table_close(fp, fmt);
}

/* "My activities": its scale and its table; HTML beside the PEG's chart. */
static void outcomes_activities(FILE *fp, enum rep_format fmt, const struct out_report *o)
{
	const struct questionnaire *q = o->activities;
	bool html = fmt == REP_HTML;

	if (!q)
		return;
	if (html)
		fputs("<div class=\"chart\">", fp);
	block_open(fp, fmt, B_PARA);
	fprintf(fp, "My activities, %d ", q->min);
	put_text(fp, fmt, q->anchors.low);
	fprintf(fp, " to %d ", q->max);
	put_text(fp, fmt, q->anchors.high);
	fputc('.', fp);
	block_close(fp, fmt, B_PARA);
	if (o->n_act == 0)
		para(fp, fmt, "No activities named.");
	else
		activities_table(fp, fmt, o);
	if (html)
		fputs("</div>\n", fp);
}

/*
 * CSV: a second table after an empty line, one row per figure:
 * questionnaire,figure,name,which,day,value,change. The PEG: a row per
 * week of the period and figure (mean, 1, 2, 3), `which` `week`, `day` the
 * week's Monday, value `-` for a gap; the change on the rows of the latest
 * week. A clinic's questionnaire: as the PEG's mean, figure `score`, name
 * its title. An activity: its `first` and `latest` rating, figure its number.
 */
static void write_outcomes_csv(FILE *fp, const struct report *r, const struct out_report *o)
{
	char buf[512], d[16];
	unsigned n = o->n_weeks < r->n_weeks ? o->n_weeks : r->n_weeks;

	/* Its own header after an empty line: the rows above have other columns. */
	fputs("\r\nquestionnaire,figure,name,which,day,value,change\r\n", fp);
	for (unsigned w = 0; o->peg && o->first_w >= 0 && w < n; w++)
		for (unsigned row = 0; row < 4; row++) {
			fprintf(fp, "%s,", o->peg->id);
			if (row == 0)
				fputs("mean,", fp);
			else
				fprintf(fp, "%u,", row);
			fprintf(fp, "%s,week,%s,", peg_row_name(row),
			        day_text(o->week[w].monday, d));
			fprintf(fp, "%s,", peg_text(o, w, row, buf, sizeof(buf)));
			if ((int)w == o->last_w)
				put_text(fp, REP_CSV,
				         out_report_peg_change(o, (int)row - 1, buf, sizeof(buf)));
			fputs("\r\n", fp);
		}
	for (size_t k = 0; k < o->n_other; k++) {
		const struct out_other *x = &o->other[k];

		for (unsigned w = 0; w < n; w++) {
			fprintf(fp, "%s,score,", x->q->id);
			put_text(fp, REP_CSV, x->q->title);
			fprintf(fp, ",week,%s,%s,", day_text(x->week[w].monday, d),
			        out_score_text(&x->week[w], x->q->scoring, buf, sizeof(buf)));
			if ((int)w == x->last_w)
				put_text(fp, REP_CSV,
				         out_report_other_change(o, k, buf, sizeof(buf)));
			fputs("\r\n", fp);
		}
	}
	for (size_t i = 0; o->activities && i < o->n_act; i++) {
		const struct out_activity *a = &o->act[i];

		for (int latest = 0; latest < 2; latest++) {
			int v = latest ? a->latest : a->first;
			int32_t day = latest ? a->latest_day : a->first_day;

			fprintf(fp, "%s,%u,", o->activities->id, a->number);
			put_text(fp, REP_CSV, a->words);
			fprintf(fp, ",%s,", latest ? "latest" : "first");
			if (v == OUT_NO_ANSWER)
				fputs("-,-,", fp);
			else
				fprintf(fp, "%s,%d,", day_text(day, d), v);
			if (latest)
				put_text(fp, REP_CSV,
				         out_report_activity_change(o, a, buf, sizeof(buf)));
			fputs("\r\n", fp);
		}
	}
}

static void write_outcomes(FILE *fp, const struct report *r, enum rep_format fmt)
{
	const struct out_report *o = r->outcomes;
	unsigned n;

	if (!o || !o->any)
		return; /* nothing answered, skipped or named: no section */
	if (fmt == REP_CSV) {
		write_outcomes_csv(fp, r, o);
		return;
	}
	n = o->n_weeks < r->n_weeks ? o->n_weeks : r->n_weeks;
	heading(fp, fmt, "Outcomes");
	outcomes_peg(fp, fmt, r, o, n);
	for (size_t k = 0; k < o->n_other; k++)
		outcomes_other(fp, fmt, r, o, k, n);
	if (fmt == REP_HTML) {
		fputs("<div class=\"charts\">\n", fp);
		peg_chart(fp, r, o);
	}
	outcomes_activities(fp, fmt, o);
	if (fmt == REP_HTML)
		fputs("</div>\n", fp);
}

/* ---- The report ------------------------------------------------------------------ */

/* "Exercise report: Lower back relief", the page's title and its heading. */
static void write_title(FILE *fp, enum rep_format fmt, const struct report *r)
{
	fputs("Exercise report: ", fp);
	put_text(fp, fmt, r->cat ? r->cat->routine_name : "");
}

/* The report in Markdown or HTML: its sections in one order for both. */
static void write_report(FILE *fp, const struct report *r, enum rep_format fmt)
{
	if (fmt == REP_HTML) {
		fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
		      "charset=\"utf-8\">\n<title>",
		      fp);
		write_title(fp, fmt, r);
		fprintf(fp, "</title>\n%s</head>\n<body>\n", html_style);
	}
	block_open(fp, fmt, B_TITLE);
	write_title(fp, fmt, r);
	block_close(fp, fmt, B_TITLE);
	block_open(fp, fmt, B_PARA);
	fputs("Period: ", fp);
	write_period(fp, r);
	block_close(fp, fmt, B_PARA);
	block_open(fp, fmt, B_NOTE);
	fputs(disclaimer, fp);
	block_close(fp, fmt, B_NOTE);
	write_events(fp, r, fmt, true);
	if (fmt == REP_HTML)
		write_charts(fp, r);
	write_adherence(fp, fmt, r);
	write_pain(fp, fmt, r);
	write_outcomes(fp, r, fmt);
	write_events(fp, r, fmt, false);
	if (fmt == REP_HTML)
		fputs("</body>\n</html>\n", fp);
}

int rep_write(FILE *fp, const struct report *r, enum rep_format fmt)
{
	/* Figures for machines (CSV, the SVG) and people alike: 2.5, never 2,5. */
	locale_t old = file_c_numbers_begin();

	if (fmt == REP_CSV)
		write_csv(fp, r);
	else
		write_report(fp, r, fmt);
	file_c_numbers_end(old);
	return ferror(fp) ? -1 : 0;
}

void rep_put_text(FILE *fp, enum rep_format fmt, const char *s)
{
	put_text(fp, fmt, s);
}
