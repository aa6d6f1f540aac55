/*
 * words.c - the words lumbar uses for frequencies, lengths, sets and counts,
 * in one place for the plain-text modes and the screens alike.
 *
 * No curses and no clock here.
 */
#include "words.h"

#include "events.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

char *words_frequency(const struct cat_frequency *f, enum words_style style, char *buf, size_t len)
{
	const char *per = f->per == CAT_PER_WEEK ? "week" : "day";
	size_t n;

	if (style == WORDS_SHORT && f->times_max > f->times)
		n = (size_t)snprintf(buf, len, "%u-%ux a %s", f->times, f->times_max, per);
	else if (style == WORDS_SHORT)
		n = (size_t)snprintf(buf, len, "%ux a %s", f->times, per);
	else if (f->times_max > f->times)
		n = (size_t)snprintf(buf, len, "%u-%u times a %s", f->times, f->times_max, per);
	else if (f->times == 1)
		n = (size_t)snprintf(buf, len, "once a %s", per);
	else if (f->times == 2)
		n = (size_t)snprintf(buf, len, "twice a %s", per);
	else
		n = (size_t)snprintf(buf, len, "%u times a %s", f->times, per);

	if (style == WORDS_WITH_WHEN && f->n_when && n < len) {
		n += (size_t)snprintf(buf + n, len - n, " (");
		for (unsigned i = 0; i < f->n_when && n < len; i++)
			n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? ", " : "", f->when[i]);
		if (n < len)
			snprintf(buf + n, len - n, ")");
	}
	return buf;
}

/* "5 s" or "1 min 30 s": durations as a person says them. */
char *words_seconds(unsigned s, char *buf, size_t len)
{
	if (s >= 60 && s % 60)
		snprintf(buf, len, "%u min %u s", s / 60, s % 60);
	else if (s >= 60)
		snprintf(buf, len, "%u min", s / 60);
	else
		snprintf(buf, len, "%u s", s);
	return buf;
}

/* A range as written in the article ("2-3"), then what the level picks. */
char *words_range(struct cat_range r, bool seconds, char *buf, size_t len)
{
	char a[32], b[32];

	if (!seconds) {
		if (r.hi > r.lo)
			snprintf(buf, len, "%u-%u", r.lo, r.hi);
		else
			snprintf(buf, len, "%u", r.lo);
	} else if (r.hi > r.lo && r.hi < 60) {
		snprintf(buf, len, "%u-%u s", r.lo, r.hi);
	} else if (r.hi > r.lo) {
		snprintf(buf, len, "%s to %s", words_seconds(r.lo, a, sizeof(a)),
		         words_seconds(r.hi, b, sizeof(b)));
	} else {
		snprintf(buf, len, "%s", words_seconds(r.lo, a, sizeof(a)));
	}
	return buf;
}

static const char *sides_text(enum cat_sides sides)
{
	switch (sides) {
	case CAT_SIDES_EACH:
		return ", each side";
	case CAT_SIDES_ALTERNATE:
		return ", alternating sides";
	case CAT_SIDES_NONE:
		break;
	}
	return "";
}

char *words_set_at(const struct cat_set *s, const struct prg_set_dose *d, char *buf, size_t len)
{
	char t[32];
	unsigned reps = d->reps;

	switch (s->mode) {
	case CAT_MODE_HOLD:
		snprintf(buf, len, "hold %s x %u rep%s%s", words_seconds(d->hold, t, sizeof(t)),
		         reps, reps == 1 ? "" : "s", sides_text(s->sides));
		break;
	case CAT_MODE_REPS:
		snprintf(buf, len, "%u rep%s at %s each%s", reps, reps == 1 ? "" : "s",
		         words_seconds(d->tempo, t, sizeof(t)), sides_text(s->sides));
		break;
	case CAT_MODE_TIMED:
		snprintf(buf, len, "%s%s", words_seconds(d->duration, t, sizeof(t)),
		         sides_text(s->sides));
		break;
	}
	return buf;
}

char *words_set_range(const struct cat_set *s, char *buf, size_t len)
{
	char a[64], b[64];

	switch (s->mode) {
	case CAT_MODE_HOLD:
		snprintf(buf, len, "hold %s, %s rep%s", words_range(s->hold, true, a, sizeof(a)),
		         words_range(s->reps, false, b, sizeof(b)), s->reps.hi == 1 ? "" : "s");
		break;
	case CAT_MODE_REPS:
		snprintf(buf, len, "%s rep%s at %s each", words_range(s->reps, false, a, sizeof(a)),
		         s->reps.hi == 1 ? "" : "s", words_range(s->tempo, true, b, sizeof(b)));
		break;
	case CAT_MODE_TIMED:
		words_range(s->duration, true, buf, len);
		break;
	}
	return buf;
}

char *words_set_now(const struct cat_set *s, const struct prg_set_dose *d, char *buf, size_t len)
{
	char t[32], a[64], b[64];
	bool hold_v = s->hold.hi > s->hold.lo, reps_v = s->reps.hi > s->reps.lo;

	switch (s->mode) {
	case CAT_MODE_HOLD:
		snprintf(buf, len, "now %s \u00d7 %u%s%s%s%s", words_seconds(d->hold, t, sizeof(t)),
		         d->reps, hold_v || reps_v ? ", range " : "",
		         hold_v || reps_v ? words_range(s->hold, true, a, sizeof(a)) : "",
		         reps_v ? " \u00d7 " : "",
		         reps_v ? words_range(s->reps, false, b, sizeof(b)) : "");
		break;
	case CAT_MODE_REPS:
		snprintf(buf, len, "now %u rep%s at %s%s%s%s", d->reps, d->reps == 1 ? "" : "s",
		         words_seconds(d->tempo, t, sizeof(t)), reps_v ? ", range " : "",
		         reps_v ? words_range(s->reps, false, a, sizeof(a)) : "",
		         reps_v ? " reps" : "");
		break;
	case CAT_MODE_TIMED:
		snprintf(buf, len, "now %s%s%s", words_seconds(d->duration, t, sizeof(t)),
		         s->duration.hi > s->duration.lo ? ", range " : "",
		         s->duration.hi > s->duration.lo
		             ? words_range(s->duration, true, a, sizeof(a))
		             : "");
		break;
	}
	return buf;
}

char *words_set(const struct cat_set *s, enum cat_level level, char *buf, size_t len)
{
	struct prg_set_dose d = { .hold = cat_range_at(s->hold, level),
		                  .reps = cat_range_at(s->reps, level),
		                  .tempo = cat_range_at(s->tempo, level),
		                  .duration = cat_range_at(s->duration, level) };

	return words_set_at(s, &d, buf, len);
}

char *words_dose(const struct cat_exercise *ex, const struct prg_dose *d, char *buf, size_t len)
{
	size_t at = 0;
	char one[128];

	if (len)
		buf[0] = '\0';
	for (unsigned i = 0; i < d->n_sets && at < len; i++) {
		words_set_at(&ex->sets[i], &d->set[i], one, sizeof(one));
		int n = snprintf(buf + at, len - at, "%s%s", i ? "; " : "", one);
		if (n < 0)
			break;
		at += (size_t)n;
	}
	return buf;
}

char *words_step(unsigned k, unsigned steps, char *buf, size_t len)
{
	char n[32];

	if (steps == 0)
		snprintf(buf, len, "fixed dose");
	else
		snprintf(buf, len, "step %s", words_step_short(k, steps, n, sizeof(n)));
	return buf;
}

char *words_step_short(unsigned k, unsigned steps, char *buf, size_t len)
{
	if (steps == 0)
		snprintf(buf, len, "fixed");
	else
		snprintf(buf, len, "%u of %u", (k > steps ? steps : k) + 1, steps + 1);
	return buf;
}

char *words_step_dose(const struct cat_exercise *ex, unsigned k, char *buf, size_t len)
{
	struct prg_dose d;
	char step[32], now[512], next[512];

	prg_dose(ex, k, &d);
	words_step(d.k, d.steps, step, sizeof(step));
	words_dose(ex, &d, now, sizeof(now));
	if (d.steps == 0) {
		snprintf(buf, len, "%s: %s", step, now);
	} else if (d.k >= d.steps) {
		snprintf(buf, len, "%s: %s (the last)", step, now);
	} else {
		prg_dose(ex, d.k + 1, &d);
		snprintf(buf, len, "%s: %s (next: %s)", step, now,
		         words_dose(ex, &d, next, sizeof(next)));
	}
	return buf;
}

/* Issue 20 §2's sentence, word for word; the numbers are prg_params_default()'s. */
const char words_progression_rule[] = "Steps up after acceptable sessions on 3 days, at most once "
                                      "a week; steps back when a session hurts.";

char *words_count(const struct cat_exercise *ex, const struct hist_ex_stat *st, char *buf,
                  size_t len)
{
	/* A stop stands for the rest of the day (issue 19): said instead of the count. */
	if (st->stopped_today)
		snprintf(buf, len, "stopped today");
	else
		snprintf(buf, len, "%u/%u %s", st->count, ex->freq.times,
		         ex->freq.per == CAT_PER_WEEK ? "this week" : "today");
	return buf;
}

/* ---- Pain --------------------------------------------------------------------------- */

const char words_pain_anchors[] = "0 no pain, 10 worst imaginable";
const char words_no_score[] = "no score: this session will not count toward a step";

const char words_log_rule[] =
    "It counts for your week, not toward the next step: lumbar did not time it.";

char *words_log_safety(bool today, char *buf, size_t len)
{
	snprintf(buf, len, "A pain of %d or more: when to get help%s", EV_SAFETY_STOP_PAIN,
	         today ? ", now and first the next time lumbar starts." : ".");
	return buf;
}

const char words_quit_question[] =
    "What is done is kept, this exercise so far as partial. Quit? y/n";

/* ---- Routines ------------------------------------------------------------------ */

const char *words_routine_name(const struct catalogue *cat, const char *key)
{
	int r;

	if (!key || !*key || strcmp(key, "all") == 0)
		return cat->routine_name;
	if (strcmp(key, "due") == 0)
		return "Due now";
	r = cat_find_routine(cat, key);
	return r >= 0 ? cat->routines[r].name : key;
}

char *words_when_left(time_t then, time_t now, char *buf, size_t len)
{
	static const char *const weekday[7] = { "Sunday",   "Monday", "Tuesday", "Wednesday",
		                                "Thursday", "Friday", "Saturday" };
	int32_t days = hist_today(now) - hist_today(then);
	struct tm tm;
	char at[8], day[32];

	if (!localtime_r(&then, &tm)) {
		snprintf(buf, len, "earlier");
		return buf;
	}
	strftime(at, sizeof(at), "%H:%M", &tm);
	if (days == 0)
		snprintf(day, sizeof(day), "today");
	else if (days == 1)
		snprintf(day, sizeof(day), "yesterday");
	else if (days > 1 && days < 7)
		snprintf(day, sizeof(day), "on %s", weekday[tm.tm_wday % 7]);
	else
		strftime(day, sizeof(day), "on %Y-%m-%d", &tm);
	snprintf(buf, len, "%s at %s", day, at);
	return buf;
}

char *words_routine(const struct catalogue *cat, const char *key, unsigned n, char *buf, size_t len)
{
	snprintf(buf, len, "%s \u00b7 %u exercise%s", words_routine_name(cat, key), n,
	         n == 1 ? "" : "s");
	return buf;
}

/* ---- When to get help ------------------------------------------------------------ */

const char words_safety_title[] = "When to get help";
const char words_safety_intro[] = "Before exercising, check these two lists.";
const char words_emergency_unset[] =
    "Call your local emergency number (112 in Europe and on most mobiles; 911 US and "
    "Canada; 999 UK; 000 Australia; 111 New Zealand). Set yours with emergency_number.";

static const char *const safety_now[] = {
	"new numbness around the genitals or back passage",
	"new trouble passing or holding urine or stools",
	"weakness or numbness in both legs",
	"back pain after a serious fall or accident",
	NULL,
};

static const char *const safety_soon[] = {
	"fever with back pain",
	"unexplained weight loss",
	"pain that keeps you awake and does not ease with rest",
	"a history of cancer",
	"new or changed symptoms",
	NULL,
};

const struct words_safety_list words_safety[WORDS_SAFETY_LISTS] = {
	{ "See someone now if you have:", safety_now },
	{ "See a doctor soon if you have:", safety_soon },
};

/* ---- The line mode (issue 24) ------------------------------------------------ */

const char words_q_before[] = "How is your back right now?";
const char words_q_after[] = "How is your back now?";
const char words_q_stop[] = "Pain now?";
const char words_q_morning[] = "Back pain this morning?";

char *words_pain_question(const char *question, bool anchors, char *buf, size_t len)
{
	if (anchors)
		snprintf(buf, len, "%s %s:", question, words_pain_anchors);
	else
		snprintf(buf, len, "%s 0-10", question);
	return buf;
}

char *words_seconds_long(unsigned s, char *buf, size_t len)
{
	unsigned m = s / 60, r = s % 60;

	if (m == 0)
		snprintf(buf, len, "%u second%s", r, r == 1 ? "" : "s");
	else if (r == 0)
		snprintf(buf, len, "%u minute%s", m, m == 1 ? "" : "s");
	else
		snprintf(buf, len, "%u minute%s %u second%s", m, m == 1 ? "" : "s", r,
		         r == 1 ? "" : "s");
	return buf;
}

char *words_phase(const struct catalogue *cat, const struct plan_phase *ph, char *buf, size_t len)
{
	const struct cat_exercise *ex = &cat->exercises[ph->exercise];
	const struct cat_set *set =
	    ph->set >= 0 && (unsigned)ph->set < ex->n_sets ? &ex->sets[ph->set] : NULL;
	char secs[48], who[CAT_MAX_STRING * 3 + 16], rep[32] = "";
	const char *side;

	words_seconds_long(ph->seconds, secs, sizeof(secs));
	switch (ph->kind) {
	case PLAN_PREPARE:
		snprintf(buf, len, "%s: get ready, %s", ex->name, secs);
		return buf;
	case PLAN_REST:
		snprintf(buf, len, "Rest, %s", secs);
		return buf;
	case PLAN_SWITCH:
		snprintf(buf, len, "Switch sides, %s", secs);
		return buf;
	case PLAN_WORK:
		break;
	}
	/* "Knee-to-chest, left side", with the set's name when there are several. */
	if (set && ex->n_sets > 1)
		snprintf(who, sizeof(who), "%s, %s", ex->name, set->name);
	else
		snprintf(who, sizeof(who), "%s", ex->name);
	if (ph->side != PLAN_SIDE_NONE) {
		size_t n = strlen(who);

		side = set ? cat_side_words(set, (int)ph->side) : NULL;
		if (side)
			snprintf(who + n, sizeof(who) - n, ", %s", side);
		else
			snprintf(who + n, sizeof(who) - n, ", %s side", plan_side_name(ph->side));
	}
	if (ph->rep) {
		if (ph->reps > 1)
			snprintf(rep, sizeof(rep), " (rep %u of %u)", ph->rep, ph->reps);
		snprintf(buf, len, "%s: hold %s%s", who, secs, rep);
	} else if (ph->reps) {
		snprintf(buf, len, "%s: %u rep%s in %s", who, ph->reps, ph->reps == 1 ? "" : "s",
		         secs);
	} else {
		snprintf(buf, len, "%s: keep going %s", who, secs);
	}
	return buf;
}
