/*
 * test_progression.c - the ladders, how a session counts, and the rules that
 * derive each exercise's step (issue 13), on the shipped catalogue: its
 * own ladders (issue 20 §1) as shipped, and the rules on the generic ladder
 * every exercise falls back to without one.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue_load.h"
#include "history.h"
#include "progression.h"

/* The shipped catalogue with its ladders set aside (the generic fallback), and as shipped. */
static struct catalogue *cat, *shipped;

static int load(void **state)
{
	struct cat_error err;

	(void)state;
	if (cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err) != CAT_OK ||
	    cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &shipped, &err) != CAT_OK)
		return -1;
	/* A catalogue without `ladder:` keys: what issue 13's rows were written on. */
	for (unsigned i = 0; i < cat->n_exercises; i++)
		cat->exercises[i].n_ladder = 0;
	return 0;
}

static int unload(void **state)
{
	(void)state;
	cat_free(cat);
	cat_free(shipped);
	return 0;
}

static const struct cat_exercise *exercise(const char *id)
{
	int i = cat_find(cat, id);
	assert_true(i >= 0);
	return &cat->exercises[i];
}

/* ---- The ladder ------------------------------------------------------------ */

static void assert_ladder(struct cat_range r, bool seconds, const unsigned *want, unsigned n)
{
	unsigned got[PRG_MAX_RUNGS];

	assert_int_equal(prg_ladder(r, seconds, got, PRG_MAX_RUNGS), n);
	for (unsigned i = 0; i < n; i++)
		assert_int_equal(got[i], want[i]);
}

static void test_ladder_childs_pose(void **state)
{
	static const unsigned want[] = { 30,  35,  40,  45,  50,  55,  60,  75,  90,  105,
		                         120, 150, 180, 210, 255, 300, 360, 435, 525, 600 };
	const struct cat_exercise *ex = exercise("childs-pose");

	(void)state;
	assert_ladder(ex->sets[0].duration, true, want, 20);
	assert_int_equal(prg_steps(ex), 19);
}

static void test_ladder_back_extension(void **state)
{
	static const unsigned want[] = { 10, 15, 20, 25, 30 };
	const struct cat_exercise *ex = exercise("back-extension");

	(void)state;
	assert_ladder(ex->sets[0].hold, true, want, 5);
	assert_int_equal(prg_steps(ex), 4);
}

static void test_ladder_pelvic_tilt(void **state)
{
	static const unsigned want[] = { 3, 4, 5 };
	const struct cat_exercise *ex = exercise("pelvic-tilts-bridges");

	(void)state;
	assert_ladder(ex->sets[0].hold, true, want, 3);
	assert_int_equal(prg_steps(ex), 2);
}

static void test_ladder_reps_and_edges(void **state)
{
	static const unsigned twists[] = { 10, 11, 12, 13, 14, 15 };
	static const unsigned short_hold[] = { 7, 8, 9, 10, 15, 20, 22 };
	static const unsigned long_hold[] = { 60, 75, 90, 100 };
	static const unsigned fixed[] = { 30 };

	(void)state;
	/* Reps climb by one. */
	assert_ladder(exercise("spine-twists")->sets[0].reps, false, twists, 6);
	/* The high end is always the last rung, even off the grid. */
	assert_ladder((struct cat_range){ 7, 22 }, true, short_hold, 7);
	assert_ladder((struct cat_range){ 60, 100 }, true, long_hold, 4);
	/* No range: one rung. */
	assert_ladder((struct cat_range){ 30, 30 }, true, fixed, 1);
	assert_int_equal(prg_steps(exercise("piriformis-release")), 0);
	/* The count goes on past a short buffer, as snprintf does. */
	assert_int_equal(prg_ladder((struct cat_range){ 30, 600 }, true, NULL, 0), 20);
}

/* Each value takes rung floor(k (n - 1) / K); values without a range stay. */
static void test_dose_rungs(void **state)
{
	const struct cat_exercise *ex = exercise("core-stabilisation");
	struct prg_dose d;

	(void)state;
	assert_int_equal(prg_steps(ex), 4); /* reps 6..10: five rungs */
	prg_dose(ex, 2, &d);
	assert_int_equal(d.k, 2);
	assert_int_equal(d.steps, 4);
	assert_int_equal(d.set[0].hold, 25); /* 20, 25, 30: rung 1 */
	assert_int_equal(d.set[0].reps, 2);  /* no range */
	assert_int_equal(d.set[1].hold, 6);  /* 5, 6, 7, 8: rung 1 */
	assert_int_equal(d.set[1].reps, 9);  /* 8, 9, 10: rung 1 */
	assert_int_equal(d.set[2].hold, 3);  /* no range */
	assert_int_equal(d.set[2].reps, 8);  /* 6..10: rung 2 */

	prg_dose(exercise("childs-pose"), 1, &d);
	assert_int_equal(d.set[0].duration, 35);
	/* Never past the top. */
	prg_dose(exercise("childs-pose"), 99, &d);
	assert_int_equal(d.k, 19);
	assert_int_equal(d.set[0].duration, 600);
}

/* ---- The shipped ladders (issue 20 §1) ---------------------------------------- */

/* One value of one set at every step of a shipped exercise. */
static const struct {
	const char *id;
	unsigned set; /* from 0 */
	char value;   /* h hold, r reps, d duration */
	unsigned n;   /* K + 1 */
	unsigned want[12];
} shipped_ladders[] = {
	/* Article: 30 s, "building up to ... 5-10 minutes": 5 min is 4 steps away. */
	{ "childs-pose", 0, 'd', 7, { 30, 60, 120, 180, 300, 420, 600 } },
	/* The bridge, "can be progressively increased": 10, 12, 15 reps. */
	{ "pelvic-tilts-bridges", 1, 'r', 5, { 10, 10, 12, 12, 15 } },
	{ "pelvic-tilts-bridges", 0, 'h', 5, { 3, 4, 4, 5, 5 } },
	{ "spine-twists", 0, 'r', 3, { 10, 12, 15 } },
	{ "back-extension", 0, 'h', 6, { 10, 12, 15, 20, 25, 30 } },
};

static unsigned value_of(const struct prg_set_dose *d, char value)
{
	return value == 'h'   ? d->hold
	       : value == 'r' ? d->reps
	       : value == 't' ? d->tempo
	                      : d->duration;
}

static void test_shipped_ladders(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(shipped_ladders) / sizeof(shipped_ladders[0]); i++) {
		int x = cat_find(shipped, shipped_ladders[i].id);
		struct prg_dose d;

		print_message("row %zu: %s\n", i, shipped_ladders[i].id);
		assert_true(x >= 0);
		assert_int_equal(prg_steps(&shipped->exercises[x]), shipped_ladders[i].n - 1);
		for (unsigned k = 0; k < shipped_ladders[i].n; k++) {
			prg_dose(&shipped->exercises[x], k, &d);
			assert_int_equal(
			    value_of(&d.set[shipped_ladders[i].set], shipped_ladders[i].value),
			    shipped_ladders[i].want[k]);
		}
	}
}

/* Every step of every shipped ladder changes one value of one set, upwards. */
static void test_shipped_one_value_a_step(void **state)
{
	unsigned with_ladder = 0;

	(void)state;
	for (unsigned i = 0; i < shipped->n_exercises; i++) {
		const struct cat_exercise *ex = &shipped->exercises[i];
		struct prg_dose a, b;

		with_ladder += ex->n_ladder > 0;
		for (unsigned k = 0; ex->n_ladder > 0 && k < prg_steps(ex); k++) {
			unsigned changed = 0;

			prg_dose(ex, k, &a);
			prg_dose(ex, k + 1, &b);
			for (unsigned s = 0; s < ex->n_sets; s++)
				for (const char *v = "hrtd"; *v; v++) {
					unsigned before = value_of(&a.set[s], *v);
					unsigned after = value_of(&b.set[s], *v);

					assert_true(after >= before);
					changed += after != before;
				}
			print_message("%s step %u\n", ex->id, k);
			assert_int_equal(changed, 1);
		}
	}
	/* Core stabilisation's four-at-once step is gone: it has a ladder too. */
	assert_true(shipped->exercises[cat_find(shipped, "core-stabilisation")].n_ladder > 0);
	assert_int_equal(with_ladder, 5);
}

static int32_t d0(void);

/*
 * The shipped child's pose was 30 s to 10 min in 19 generic steps; its own
 * ladder is 30 s, 1, 2, 3, 5, 7, 10 min. A person's step on the old one
 * becomes the highest new step whose dose is at most the old dose.
 */
static void test_changed_ladder_shipped(void **state)
{
	static const struct {
		unsigned k, n, want;
	} rows[] = {
		{ 0, 19, 0 },  /* 30 s: the bottom */
		{ 5, 19, 0 },  /* 55 s: not yet 1 min */
		{ 6, 19, 1 },  /* 60 s */
		{ 15, 19, 4 }, /* 300 s: 5 min */
		{ 16, 19, 4 }, /* 360 s: not up to 7 min */
		{ 19, 19, 6 }, /* 10 min: the top */
	};
	const struct cat_exercise *ex = &shipped->exercises[cat_find(shipped, "childs-pose")];
	struct prg_session s[2] = { 0 };
	struct prg_params p;
	struct prg_result r[CAT_MAX_EXERCISES];

	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("row %zu\n", i);
		assert_int_equal(prg_rebase(ex, rows[i].k, rows[i].n), rows[i].want);
	}
	/* Through prg_derive: the history's last line says 16/19. */
	for (unsigned i = 0; i < 2; i++) {
		s[i].when = (time_t)(d0() + (int32_t)i) * 86400 + 9 * 3600;
		s[i].day = d0() + (int32_t)i;
		snprintf(s[i].id, sizeof(s[i].id), "childs-pose");
		s[i].status = PRG_DONE;
		s[i].pain = 1;
		s[i].pain_before = 1;
		s[i].step = (struct prg_tag){ PRG_TAG_STEP, 16, 19, CAT_LEVEL_EASY };
	}
	prg_params_default(&p);
	p.mode = PRG_AUTO;
	assert_int_equal(prg_derive(shipped, s, 2, NULL, 0, &p, NULL, d0() + 30, r), 0);
	assert_int_equal(r[cat_find(shipped, "childs-pose")].k, 4);
	assert_int_equal(r[cat_find(shipped, "childs-pose")].steps, 6);
}

/* Step 0 is today's `easy` and step K is `hard`, value by value. */
static void test_dose_ends_match_levels(void **state)
{
	(void)state;
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		const struct cat_exercise *ex = &cat->exercises[i];
		struct prg_dose lo, hi;

		prg_dose(ex, 0, &lo);
		prg_dose(ex, prg_steps(ex), &hi);
		assert_int_equal(lo.n_sets, ex->n_sets);
		for (unsigned s = 0; s < ex->n_sets; s++) {
			const struct cat_set *set = &ex->sets[s];
			static const enum cat_level lv[2] = { CAT_LEVEL_EASY, CAT_LEVEL_HARD };
			const struct prg_set_dose *d[2] = { &lo.set[s], &hi.set[s] };
			for (unsigned e = 0; e < 2; e++) {
				assert_int_equal(d[e]->hold, cat_range_at(set->hold, lv[e]));
				assert_int_equal(d[e]->reps, cat_range_at(set->reps, lv[e]));
				assert_int_equal(d[e]->tempo, cat_range_at(set->tempo, lv[e]));
				assert_int_equal(d[e]->duration,
				                 cat_range_at(set->duration, lv[e]));
			}
		}
	}
}

/* A tempo given as a range climbs too, so that step K is `hard` everywhere. */
static void test_tempo_range(void **state)
{
	static char name[] = "Reps", id[] = "slow";
	struct cat_set set = { .name = name, .mode = CAT_MODE_REPS };
	struct cat_exercise ex = { .id = id, .sets = &set, .n_sets = 1 };
	struct prg_dose d;

	(void)state;
	set.reps = (struct cat_range){ 10, 12 };
	set.tempo = (struct cat_range){ 3, 6 };
	assert_int_equal(prg_steps(&ex), 3); /* tempo 3, 4, 5, 6 */
	prg_dose(&ex, 1, &d);
	assert_int_equal(d.set[0].tempo, 4);
	assert_int_equal(d.set[0].reps, 10); /* floor(1 x 2 / 3) */
	prg_dose(&ex, 3, &d);
	assert_int_equal(d.set[0].tempo, 6);
	assert_int_equal(d.set[0].reps, 12);
}

/* ---- How a session counts ---------------------------------------------------- */

static void test_classify(void **state)
{
	static const struct {
		enum prg_status st;
		int pain, before;
		enum prg_colour want;
	} t[] = {
		{ PRG_STOPPED, 0, 0, PRG_RED },
		{ PRG_STOPPED, PRG_NO_PAIN, PRG_NO_PAIN, PRG_RED },
		{ PRG_DONE, 8, PRG_NO_PAIN, PRG_RED },
		{ PRG_DONE, 8, 8, PRG_RED },
		{ PRG_DONE, 6, 4, PRG_RED },
		{ PRG_PARTIAL, 7, 5, PRG_RED },
		{ PRG_DONE, 6, 5, PRG_AMBER },           /* one above: not red */
		{ PRG_DONE, 7, PRG_NO_PAIN, PRG_AMBER }, /* no before: no rise */
		{ PRG_DONE, 3, PRG_NO_PAIN, PRG_GREEN },
		{ PRG_DONE, 0, 9, PRG_GREEN },
		{ PRG_DONE, 4, 3, PRG_GREEN },
		{ PRG_DONE, 5, 4, PRG_GREEN },
		{ PRG_DONE, 5, 7, PRG_GREEN }, /* min(5, 8) */
		{ PRG_DONE, 4, 2, PRG_AMBER }, /* min(5, 3) */
		{ PRG_DONE, 6, 6, PRG_AMBER }, /* over 5 */
		{ PRG_DONE, 4, PRG_NO_PAIN, PRG_AMBER },
		{ PRG_DONE, PRG_NO_PAIN, 2, PRG_AMBER },
		{ PRG_PARTIAL, 0, 0, PRG_AMBER },
	};
	struct prg_params p;

	(void)state;
	prg_params_default(&p);
	for (size_t i = 0; i < sizeof(t) / sizeof(*t); i++) {
		enum prg_colour c = prg_classify(&p, t[i].st, t[i].pain, t[i].before);
		if (c != t[i].want)
			fail_msg("row %zu: got %d, want %d", i, c, t[i].want);
	}
}

static void test_bad_morning(void **state)
{
	struct prg_params p;

	(void)state;
	prg_params_default(&p);
	assert_true(prg_bad_morning(&p, 8, 0, 0));
	assert_false(prg_bad_morning(&p, 7, 0, 0));
	assert_true(prg_bad_morning(&p, 4, 2, 1));
	assert_false(prg_bad_morning(&p, 3, 2, 1));
	assert_true(prg_bad_morning(&p, 5, 3 + 2, 2));  /* 5 >= 2.5 + 2 */
	assert_false(prg_bad_morning(&p, 4, 3 + 2, 2)); /* 4 < 4.5 */
	assert_false(prg_bad_morning(&p, PRG_NO_PAIN, 0, 1));
}

/* ---- The rules, as a table ---------------------------------------------------- */

/*
 * A case is a script of items separated by `;`, each `DAY[@HOUR] WHAT ...`
 * with DAY counted from 2026-12-01 and HOUR 9 unless given:
 *   done|partial|stopped PAIN BEFORE [TAG]   a session (`-` for no score;
 *                                            TAG `k/n` or a level name)
 *   accept | decline | set N | hold N | morning N
 * Sessions and events are of the case's exercise (morning: of none).
 */
static int32_t d0(void)
{
	return hist_day_from_civil(2026, 12, 1);
}

enum { MAX_ITEMS = 64 };

struct script {
	struct prg_session s[MAX_ITEMS];
	struct prg_event e[MAX_ITEMS];
	size_t ns, ne;
};

static int score(const char *w)
{
	return strcmp(w, "-") == 0 ? PRG_NO_PAIN : atoi(w);
}

static void parse_item(struct script *sc, const char *id, char *item)
{
	char *save = NULL, *w[6] = { 0 };
	unsigned n = 0;

	for (char *t = strtok_r(item, " ", &save); t && n < 6; t = strtok_r(NULL, " ", &save))
		w[n++] = t;
	assert_true(n >= 2);
	/* A last word `log`: a session done without the timer (lumbar log). */
	bool logged = n >= 5 && strcmp(w[n - 1], "log") == 0;
	n -= logged;
	char *at = strchr(w[0], '@');
	int day = atoi(w[0]), hour = at ? atoi(at + 1) : 9;
	int32_t civil = d0() + day;
	time_t when = (time_t)civil * 86400 + hour * 3600;

	if (!strcmp(w[1], "done") || !strcmp(w[1], "partial") || !strcmp(w[1], "stopped")) {
		struct prg_session *s = &sc->s[sc->ns++];
		assert_true(n >= 4);
		memset(s, 0, sizeof(*s));
		s->when = when;
		s->day = civil;
		snprintf(s->id, sizeof(s->id), "%s", id);
		s->status = w[1][0] == 'd' ? PRG_DONE : w[1][0] == 'p' ? PRG_PARTIAL : PRG_STOPPED;
		s->pain = score(w[2]);
		s->pain_before = score(w[3]);
		s->logged = logged;
		if (n >= 5 && strchr(w[4], '/')) {
			s->step.kind = PRG_TAG_STEP;
			assert_int_equal(sscanf(w[4], "%u/%u", &s->step.k, &s->step.n), 2);
		} else if (n >= 5) {
			s->step.kind = PRG_TAG_LEVEL;
			assert_int_equal(cat_level_parse(w[4], &s->step.level), 0);
		}
		return;
	}
	static const struct {
		const char *name;
		enum prg_event_kind kind;
	} kinds[] = { { "accept", PRG_EV_ACCEPT },
		      { "decline", PRG_EV_DECLINE },
		      { "set", PRG_EV_SET },
		      { "hold", PRG_EV_HOLD },
		      { "morning", PRG_EV_MORNING } };
	for (size_t i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
		if (!strcmp(w[1], kinds[i].name)) {
			struct prg_event *e = &sc->e[sc->ne++];
			memset(e, 0, sizeof(*e));
			e->when = when;
			e->day = civil;
			e->kind = kinds[i].kind;
			if (e->kind != PRG_EV_MORNING)
				snprintf(e->id, sizeof(e->id), "%s", id);
			e->value = n >= 3 ? atoi(w[2]) : 0;
			return;
		}
	fail_msg("unknown item: %s", w[1]);
}

/*
 * A script of sessions and events, `;` between items. The rows of issue 13
 * are about a person who started a while ago: each script begins with a
 * partial session (amber, no score) 7 days before day 0, so that the first
 * step up's wait from the first session (issue 20 §1) is behind them. A
 * script starting with `!` is a person's very first days: nothing before.
 */
static void parse_script(struct script *sc, const char *id, const char *text)
{
	char buf[2048], *save = NULL;

	memset(sc, 0, sizeof(*sc));
	if (text[0] == '!')
		snprintf(buf, sizeof(buf), "%s", text + 1);
	else
		snprintf(buf, sizeof(buf), "-7 partial - -; %s", text);
	for (char *t = strtok_r(buf, ";", &save); t; t = strtok_r(NULL, ";", &save)) {
		while (*t == ' ')
			t++;
		if (*t)
			parse_item(sc, id, t);
	}
}

/* The result for one exercise of a script, as of day `today` (from d0). */
static void derive(const char *id, enum prg_mode mode, const char *text, int today,
                   struct prg_result *r)
{
	struct script sc;
	struct prg_params p;
	struct prg_result all[CAT_MAX_EXERCISES];

	parse_script(&sc, id, text);
	prg_params_default(&p);
	p.mode = mode;
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + today, all), 0);
	*r = all[cat_find(cat, id)];
}

#define CP "childs-pose"
#define G3 "0 done 2 1; 1 done 2 1; 2 done 2 1"

static const struct rule_case {
	const char *name, *id;
	enum prg_mode mode;
	const char *script;
	int today;
	unsigned k;
	enum prg_state state;
	bool suggest;
	const char *words;
} rule_cases[] = {
	/* Step up: three greens on three days. */
	{ "3 greens, 3 days, auto: up one", CP, PRG_AUTO, G3, 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "3 greens, 3 days, suggest: offered", CP, PRG_SUGGEST, G3, 2, 0, PRG_READY, true,
	  "ready to step up: 3 acceptable sessions" },
	{ "suggest: accept takes it", CP, PRG_SUGGEST, G3 "; 2@10 accept", 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "suggest: nothing moves without accept", CP, PRG_SUGGEST, G3, 30, 0, PRG_READY, true,
	  "ready to step up: 3 acceptable sessions" },
	{ "3 greens on one day", CP, PRG_AUTO, "0@8 done 2 1; 0@12 done 2 1; 0@18 done 2 1", 0, 0,
	  PRG_READY, false, "ready after 2 more acceptable sessions" },
	{ "twice a day on 3 days counts by day", CP, PRG_AUTO,
	  "0@8 done 2 1; 0@18 done 2 1; 1@8 done 2 1; 1@18 done 1 1; 2@8 done 0 0", 2, 1, PRG_READY,
	  false, "ready after 3 more acceptable sessions" },
	{ "2 greens, daily exercise", CP, PRG_AUTO, "0 done 2 1; 1 done 2 1", 1, 0, PRG_READY,
	  false, "ready after 1 more acceptable session" },
	{ "2 greens, weekly exercise: up one", "core-stabilisation", PRG_AUTO,
	  "0 done 2 1; 3 done 2 1", 3, 1, PRG_READY, false,
	  "ready after 2 more acceptable sessions" },
	{ "partial breaks the run", CP, PRG_AUTO, "0 done 2 1; 1 partial 2 1; 2 done 2 1", 2, 0,
	  PRG_READY, false, "ready after 2 more acceptable sessions" },
	{ "partial last", CP, PRG_AUTO, "0 done 2 1; 1 done 2 1; 2 partial 2 1", 2, 0, PRG_READY,
	  false, "ready after 3 more acceptable sessions" },
	{ "no score is amber", CP, PRG_AUTO, "0 done 2 1; 1 done - 1; 2 done 2 1", 2, 0, PRG_READY,
	  false, "ready after 2 more acceptable sessions" },
	{ "amber for pain holds, never steps back", CP, PRG_AUTO,
	  "0 set 3; 8 done 2 1; 9 done 2 1; 10 done 5 2", 10, 3, PRG_HELD, false, "held: pain" },

	/* Red steps back. */
	{ "one red: back one (auto)", CP, PRG_AUTO, "0 set 3; 8 stopped 5 2", 8, 2, PRG_BACK, false,
	  "stepped back on 2026-12-09: stopped for pain" },
	{ "one red: back one (suggest)", CP, PRG_SUGGEST, "0 set 3; 8 done 8 2", 9, 2, PRG_BACK,
	  false, "stepped back on 2026-12-09: pain 8 after" },
	{ "red by a rise of 2", CP, PRG_SUGGEST, "0 set 3; 8 done 6 4", 14, 2, PRG_BACK, false,
	  "stepped back on 2026-12-09: pain 6 after, 4 before" },
	{ "back lasts the wait, then counts again", CP, PRG_SUGGEST, "0 set 3; 8 stopped 5 2", 15,
	  2, PRG_READY, false, "ready after 3 more acceptable sessions" },
	{ "two reds: back two", CP, PRG_AUTO, "0 set 3; 8 stopped 5 2; 9 stopped 5 2", 9, 1,
	  PRG_BACK, false, "stepped back on 2026-12-10: stopped for pain" },
	{ "red at 0 stays at 0", CP, PRG_AUTO, "0 stopped 6 3", 0, 0, PRG_HELD, false,
	  "held: pain" },
	{ "red at 0: 7 red-free days before a step up", CP, PRG_AUTO,
	  "0 stopped 6 3; 1 done 2 1; 2 done 2 1; 3 done 2 1", 6, 0, PRG_WAITING, false,
	  "waiting until 2026-12-08" },
	{ "red at 0: then up", CP, PRG_AUTO, "0 stopped 6 3; 1 done 2 1; 2 done 2 1; 3 done 2 1", 7,
	  1, PRG_READY, false, "ready after 3 more acceptable sessions" },

	/* Bad mornings. */
	{ "a bad morning between greens", CP, PRG_AUTO,
	  "0 done 2 1; 1@7 morning 8; 1 done 2 1; 2 done 2 1", 2, 0, PRG_READY, false,
	  "ready after 1 more acceptable session" },
	{ "greens after the bad morning count", CP, PRG_AUTO,
	  "0 done 2 1; 1@7 morning 8; 1 done 2 1; 2 done 2 1; 3 done 2 1", 3, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "bad morning: 2 above yesterday's pain before", CP, PRG_AUTO,
	  "0 done 2 2; 1@7 morning 4; 1 done 2 1; 2 done 2 1", 2, 0, PRG_READY, false,
	  "ready after 1 more acceptable session" },
	{ "1 above is not a bad morning", CP, PRG_AUTO,
	  "0 done 2 2; 1@7 morning 3; 1 done 2 1; 2 done 2 1", 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "no pain before yesterday: bad only from 8", CP, PRG_AUTO,
	  "0 done 2 -; 1@7 morning 7; 1 done 2 1; 2 done 2 1", 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "a bad morning after the run withdraws the offer", CP, PRG_SUGGEST, G3 "; 3@7 morning 9",
	  3, 0, PRG_HELD, false, "held: pain" },

	/* The wait since the last change. */
	{ "6 days since the last change: waiting", CP, PRG_AUTO,
	  "0 set 1; 1 done 2 1; 2 done 2 1; 3 done 2 1", 6, 1, PRG_WAITING, false,
	  "waiting until 2026-12-08" },
	{ "7 days since the last change: up", CP, PRG_AUTO,
	  "0 set 1; 1 done 2 1; 2 done 2 1; 3 done 2 1", 7, 2, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "after a step up, greens start again", CP, PRG_AUTO, G3 "; 3 done 2 1; 4 done 2 1", 4, 1,
	  PRG_READY, false, "ready after 1 more acceptable session" },
	{ "auto: one step a week at most", CP, PRG_AUTO,
	  G3 "; 3 done 2 1; 4 done 2 1; 5 done 2 1; 6 done 2 1", 8, 1, PRG_WAITING, false,
	  "waiting until 2026-12-10" },

	/* Never above K. */
	{ "set past the top: K", CP, PRG_AUTO, "0 set 25", 0, 19, PRG_TOP, false, "at the top" },
	{ "greens at the top stay at the top", CP, PRG_AUTO,
	  "0 set 19; 8 done 2 1; 9 done 2 1; 10 done 2 1", 30, 19, PRG_TOP, false, "at the top" },
	{ "a short ladder tops out", "pelvic-tilts-bridges", PRG_AUTO,
	  G3 "; 8 done 2 1; 9 done 2 1; 10 done 2 1; 16 done 2 1; 17 done 2 1; 18 done 2 1; "
	     "24 done 2 1; 25 done 2 1; 26 done 2 1",
	  40, 2, PRG_TOP, false, "at the top" },
	{ "no range: a fixed dose, never at the top", "piriformis-release", PRG_AUTO, G3, 2, 0,
	  PRG_TOP, false, "fixed dose" },

	/* The step field. */
	{ "--level lines are ignored", CP, PRG_AUTO,
	  "!0 done 2 1 hard; 1 done 2 1 hard; 2 done 2 1 hard", 2, 0, PRG_NEW, false, "new" },
	{ "a red --level line does not step back", CP, PRG_AUTO, "0 set 3; 8 stopped 5 2 easy", 8,
	  3, PRG_READY, false, "ready after 3 more acceptable sessions" },
	{ "--level lines do not break a run", CP, PRG_AUTO,
	  "0 done 2 1; 1 partial 5 1 medium; 1 done 2 1; 2 done 2 1", 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "tagged at this step: counts", CP, PRG_AUTO,
	  "0 done 2 1 0/19; 1 done 2 1 0/19; 2 done 2 1 0/19", 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "tagged at another step: not counted", CP, PRG_AUTO,
	  "0 done 2 1 5/19; 1 done 2 1 5/19; 2 done 2 1 5/19", 2, 0, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	/*
	 * A changed ladder (issue 20 §1): the latest line tagged on another K
	 * places the step by its dose, never higher, and starts the count there.
	 */
	{ "tagged on another ladder: no step up from it", CP, PRG_AUTO,
	  "0 done 2 1 0/15; 1 done 2 1 0/15; 2 done 2 1 0/15", 2, 0, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	/* 10/15 on 30 s..10 min is rung 12, 180 s: step 12 of 19 is 180 s too. */
	{ "another ladder: the step of the same dose", CP, PRG_AUTO,
	  "0 done 2 1 10/15; 1 done 2 1 10/15", 1, 12, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	/* The set before the line is not replayed: 3/15 is rung 3, 45 s. */
	{ "another ladder: earlier set events not replayed", CP, PRG_AUTO,
	  "0 set 15; 1 done 2 1 3/15", 1, 3, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	/* Greens after it count from that day, and wait a week from it. */
	{ "another ladder: greens after it wait a week from it", CP, PRG_AUTO,
	  "0 done 2 1 3/15; 1 done 2 1 3/19; 2 done 2 1 3/19; 3 done 2 1 3/19", 3, 3, PRG_WAITING,
	  false, "waiting until 2026-12-08" },
	{ "another ladder: then up one", CP, PRG_AUTO,
	  "0 done 2 1 3/15; 1 done 2 1 3/19; 2 done 2 1 3/19; 3 done 2 1 3/19", 7, 4, PRG_READY,
	  false, "ready after 3 more acceptable sessions" },

	/*
	 * Sessions done without the timer (`... log`, issue 22 §4): never toward
	 * a step up, and no break in a run; their pain counts as a timed one's.
	 */
	{ "logged greens on 7 days: no step up", CP, PRG_AUTO,
	  "0 done 2 1 log; 1 done 2 1 log; 2 done 2 1 log; 3 done 2 1 log; 4 done 2 1 log; "
	  "5 done 2 1 log; 6 done 2 1 log",
	  7, 0, PRG_READY, false, "ready after 3 more acceptable sessions" },
	{ "a logged day is not one of the green days", CP, PRG_AUTO,
	  "0 done 2 1; 1 done 2 1 log; 2 done 2 1", 2, 0, PRG_READY, false,
	  "ready after 1 more acceptable session" },
	{ "a logged session without a score does not break a run", CP, PRG_AUTO,
	  "0 done 2 1; 1 done - - log; 1 partial 2 1 0/19 log; 1 done 2 1; 2 done 2 1", 2, 1,
	  PRG_READY, false, "ready after 3 more acceptable sessions" },
	{ "a logged red steps back", CP, PRG_SUGGEST, "0 set 3; 8 done 8 2 log", 9, 2, PRG_BACK,
	  false, "stepped back on 2026-12-09: pain 8 after" },
	{ "a logged amber for pain holds", CP, PRG_AUTO,
	  "0 set 3; 8 done 2 1; 9 done 2 1; 10 done 5 2 log", 10, 3, PRG_HELD, false,
	  "held: pain" },
	{ "first days logged only: counting, not new", CP, PRG_AUTO,
	  "!0 done 2 1 log; 1 done 2 1 log; 2 done 2 1 log", 7, 0, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },

	/* The first step up waits a week from the first session (issue 20 §1). */
	{ "first days: 3 greens wait a week from the first", CP, PRG_AUTO,
	  "!0 done 2 1; 1 done 2 1; 2 done 2 1", 2, 0, PRG_WAITING, false,
	  "waiting until 2026-12-08" },
	{ "first days: up on the 7th day", CP, PRG_AUTO, "!0 done 2 1; 1 done 2 1; 2 done 2 1", 7,
	  1, PRG_READY, false, "ready after 3 more acceptable sessions" },
	{ "first days, suggest: offered on the 7th day, not before", CP, PRG_SUGGEST,
	  "!0 done 2 1; 1 done 2 1; 2 done 2 1; 6 done 2 1", 6, 0, PRG_WAITING, false,
	  "waiting until 2026-12-08" },

	/* Events. */
	{ "accept with nothing offered does nothing", CP, PRG_SUGGEST,
	  "0 done 2 1; 1 done 2 1; 1@10 accept", 1, 0, PRG_READY, false,
	  "ready after 1 more acceptable session" },
	{ "decline withdraws the offer", CP, PRG_SUGGEST, G3 "; 2@10 decline", 5, 0, PRG_READY,
	  false, "ready after 1 more acceptable session" },
	{ "decline: no accept until a green", CP, PRG_SUGGEST, G3 "; 2@10 decline; 2@11 accept", 5,
	  0, PRG_READY, false, "ready after 1 more acceptable session" },
	{ "decline: the offer returns after a green", CP, PRG_SUGGEST,
	  G3 "; 2@10 decline; 3 done 2 1", 3, 0, PRG_READY, true,
	  "ready to step up: 4 acceptable sessions" },
	{ "decline then accept after a green", CP, PRG_SUGGEST,
	  G3 "; 2@10 decline; 3 done 2 1; 3@10 accept", 3, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "auto ignores accept", CP, PRG_AUTO, G3 "; 2@10 accept; 2@11 accept", 2, 1, PRG_READY,
	  false, "ready after 3 more acceptable sessions" },
	{ "set moves the step", CP, PRG_SUGGEST, "0 set 4", 3, 4, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "hold skips step-ups", CP, PRG_AUTO, "0 done 2 1; 1 done 2 1; 1@10 hold 7; 2 done 2 1", 5,
	  0, PRG_HELD, false, "held until 2026-12-09" },
	{ "hold: up when it ends", CP, PRG_AUTO, "0 done 2 1; 1 done 2 1; 1@10 hold 7; 2 done 2 1",
	  8, 1, PRG_READY, false, "ready after 3 more acceptable sessions" },
	{ "hold 0 ends a hold", CP, PRG_AUTO,
	  "0 done 2 1; 0@10 hold 30; 1 done 2 1; 1@10 hold 0; 2 done 2 1", 2, 1, PRG_READY, false,
	  "ready after 3 more acceptable sessions" },
	{ "no session yet: new", CP, PRG_AUTO, "!", 2, 0, PRG_NEW, false, "new" },

	/* Off. */
	{ "off: greens do not step up", CP, PRG_OFF, G3, 30, 0, PRG_STATE_OFF, false, "off" },
	{ "off: reds do not step back", CP, PRG_OFF, "0 set 3; 8 stopped 9 2", 8, 3, PRG_STATE_OFF,
	  false, "off" },
	{ "off: accepted steps are kept", CP, PRG_OFF, G3 "; 2@10 accept", 2, 1, PRG_STATE_OFF,
	  false, "off" },
};

static void test_rules(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(rule_cases) / sizeof(*rule_cases); i++) {
		const struct rule_case *c = &rule_cases[i];
		struct prg_result r;

		derive(c->id, c->mode, c->script, c->today, &r);
		if (r.k != c->k || r.state != c->state || r.suggest != c->suggest ||
		    strcmp(r.words, c->words) != 0)
			fail_msg("%s: got k %u %s%s \"%s\", want k %u %s%s \"%s\"", c->name, r.k,
			         prg_state_name(r.state), r.suggest ? " offered" : "", r.words,
			         c->k, prg_state_name(c->state), c->suggest ? " offered" : "",
			         c->words);
	}
}

/* What the summary and `lumbar progress --format=tsv` read besides the words. */
static void test_result_fields(void **state)
{
	struct prg_result r;

	(void)state;
	derive(CP, PRG_AUTO, G3, 2, &r);
	assert_int_equal(r.steps, 19);
	assert_int_equal(r.change, PRG_CHANGE_UP);
	assert_int_equal(r.from, 0);
	assert_int_equal(r.since, d0() + 2);
	assert_string_equal(r.why, "3 acceptable sessions");

	derive(CP, PRG_SUGGEST, G3, 2, &r);
	assert_int_equal(r.since, PRG_NO_DAY);
	assert_int_equal(r.change, PRG_CHANGE_NONE);
	assert_int_equal(r.greens, 3);
	assert_string_equal(r.why, "3 acceptable sessions");

	derive(CP, PRG_AUTO, "0 set 1; 1 done 2 1; 2 done 2 1; 3 done 2 1", 6, &r);
	assert_int_equal(r.until, d0() + 7);
	assert_int_equal(r.since, d0());

	derive(CP, PRG_AUTO, "0 set 3; 8 stopped 5 2", 8, &r);
	assert_int_equal(r.change, PRG_CHANGE_BACK);
	assert_int_equal(r.from, 3);
	assert_string_equal(r.why, "stopped for pain");
}

/* Editing or deleting a line changes the result: nothing else holds state. */
static void test_edited_line(void **state)
{
	struct prg_result r;

	(void)state;
	derive(CP, PRG_AUTO, G3, 2, &r);
	assert_int_equal(r.k, 1);
	derive(CP, PRG_AUTO, "0 done 2 1; 1 done 5 1; 2 done 2 1", 2, &r);
	assert_int_equal(r.k, 0);
	derive(CP, PRG_AUTO, "0 done 2 1; 2 done 2 1", 2, &r);
	assert_int_equal(r.k, 0);
	derive(CP, PRG_AUTO, "0 set 3; 8 stopped 5 2", 8, &r);
	assert_int_equal(r.k, 2);
	derive(CP, PRG_AUTO, "0 set 3; 8 done 2 2", 8, &r);
	assert_int_equal(r.k, 3);
}

/* Lines and events apply in the order of their timestamps, however given. */
static void test_input_order(void **state)
{
	struct script sc, rev;
	struct prg_params p;
	struct prg_result a[CAT_MAX_EXERCISES], b[CAT_MAX_EXERCISES];

	(void)state;
	parse_script(&sc, CP,
	             "0 done 2 1; 1 done 2 1; 1@10 morning 9; 2 done 2 1; 3 done 2 1; 4 done 2 1;"
	             " 4@10 accept; 5 stopped 4 2; 6 set 5");
	rev = sc;
	for (size_t i = 0; i < sc.ns; i++)
		rev.s[i] = sc.s[sc.ns - 1 - i];
	for (size_t i = 0; i < sc.ne; i++)
		rev.e[i] = sc.e[sc.ne - 1 - i];
	prg_params_default(&p);
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + 6, a), 0);
	assert_int_equal(prg_derive(cat, rev.s, rev.ns, rev.e, rev.ne, &p, NULL, d0() + 6, b), 0);
	unsigned x = (unsigned)cat_find(cat, CP);
	assert_int_equal(a[x].k, 5);
	assert_int_equal(a[x].change, PRG_CHANGE_SET);
	assert_int_equal(b[x].k, a[x].k);
	assert_string_equal(b[x].words, a[x].words);

	/* Without the set: accepted on day 4 (greens 2-4), back on day 5. */
	sc.ne--;
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + 6, a), 0);
	assert_int_equal(a[x].k, 0);
	assert_string_equal(a[x].words, "stepped back on 2026-12-06: stopped for pain");
}

/* Each exercise may have its own mode; the rest of the catalogue is new. */
static void test_modes_per_exercise(void **state)
{
	struct script sc;
	struct prg_params p;
	struct prg_result r[CAT_MAX_EXERCISES];
	enum prg_mode modes[CAT_MAX_EXERCISES];
	unsigned x = (unsigned)cat_find(cat, CP);

	(void)state;
	parse_script(&sc, CP, G3);
	prg_params_default(&p);
	for (unsigned i = 0; i < cat->n_exercises; i++)
		modes[i] = PRG_SUGGEST;
	modes[x] = PRG_AUTO;
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, modes, d0() + 2, r), 0);
	assert_int_equal(r[x].k, 1);
	assert_int_equal(r[cat_find(cat, "cat-cow")].state, PRG_NEW);
	assert_int_equal(r[cat_find(cat, "piriformis-release")].state, PRG_TOP);
}

/* Every number of the rules is a parameter. */
static void test_params(void **state)
{
	struct script sc;
	struct prg_params p;
	struct prg_result r[CAT_MAX_EXERCISES];
	unsigned x = (unsigned)cat_find(cat, CP);

	(void)state;
	prg_params_default(&p);
	p.mode = PRG_AUTO;
	parse_script(&sc, CP, "0 set 1; 1 done 4 1; 2 done 4 1");
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + 2, r), 0);
	assert_int_equal(r[x].k, 1); /* pain 4 after 1 before is amber */
	p.greens = 2;
	p.green_pain = 4;
	p.wait_days = 2;
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + 2, r), 0);
	assert_int_equal(r[x].k, 2);
	assert_string_equal(r[x].words, "ready after 2 more acceptable sessions");

	parse_script(&sc, CP, "0 set 1; 1 done 7 2");
	prg_params_default(&p);
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + 1, r), 0);
	assert_int_equal(r[x].k, 0);
	p.red_rise_pain = 8;
	assert_int_equal(prg_derive(cat, sc.s, sc.ns, sc.e, sc.ne, &p, NULL, d0() + 1, r), 0);
	assert_int_equal(r[x].k, 1);
	assert_string_equal(r[x].words, "held: pain");
}

static void test_names(void **state)
{
	static const char *const want[] = {
		"new", "ready", "waiting", "held", "back", "top", "off"
	};
	enum prg_mode m;

	(void)state;
	for (unsigned i = 0; i < 7; i++)
		assert_string_equal(prg_state_name((enum prg_state)i), want[i]);
	assert_int_equal(prg_mode_parse("auto", &m), 0);
	assert_int_equal(m, PRG_AUTO);
	assert_string_equal(prg_mode_name(PRG_SUGGEST), "suggest");
	assert_int_equal(prg_mode_parse("on", &m), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ladder_childs_pose),
		cmocka_unit_test(test_ladder_back_extension),
		cmocka_unit_test(test_ladder_pelvic_tilt),
		cmocka_unit_test(test_ladder_reps_and_edges),
		cmocka_unit_test(test_dose_rungs),
		cmocka_unit_test(test_dose_ends_match_levels),
		cmocka_unit_test(test_shipped_ladders),
		cmocka_unit_test(test_shipped_one_value_a_step),
		cmocka_unit_test(test_changed_ladder_shipped),
		cmocka_unit_test(test_tempo_range),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_bad_morning),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_result_fields),
		cmocka_unit_test(test_edited_line),
		cmocka_unit_test(test_input_order),
		cmocka_unit_test(test_modes_per_exercise),
		cmocka_unit_test(test_params),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
