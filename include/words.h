/*
 * words.h - the words for frequencies, lengths, sets and counts that both
 * the plain-text modes (cli_text.c) and the screens use. Each writes to
 * `buf` and returns it. No curses.
 */
#ifndef LUMBAR_WORDS_H
#define LUMBAR_WORDS_H

#include <stddef.h>
#include <time.h>

#include "catalogue.h"
#include "history.h"
#include "plan.h"
#include "progression.h"

enum words_style {
	WORDS_LONG,      /* "twice a day", "2-3 times a week" */
	WORDS_WITH_WHEN, /* as long, then the times of day: "twice a day (morning, evening)" */
	WORDS_SHORT,     /* for a narrow column: "2x a day", "2-3x a week" */
};

/* An exercise's frequency. */
char *words_frequency(const struct cat_frequency *f, enum words_style style, char *buf, size_t len);

/* A duration as a person says it: "5 s", "1 min", "1 min 30 s". */
char *words_seconds(unsigned s, char *buf, size_t len);

/*
 * A range as the article writes it: "2-3"; for seconds "20-30 s" under a
 * minute, else "30 s to 10 min".
 */
char *words_range(struct cat_range r, bool seconds, char *buf, size_t len);

/*
 * A set's ranges, where it can progress: "hold 20-30 s, 2-3 reps", "hold
 * 30 s, 1 rep", "10-15 reps at 4 s each", "30 s to 10 min".
 */
char *words_set_range(const struct cat_set *s, char *buf, size_t len);

/*
 * Today's numbers of a set beside the ranges that can change: "now 30 s
 * \u00d7 2, range 20-30 s", "now 5 s \u00d7 8, range 5-8 s \u00d7 8-10",
 * "now 10 reps at 4 s, range 10-15 reps", "now 30 s, range 30 s to 10 min";
 * without a range when nothing can change ("now 30 s \u00d7 1").
 */
char *words_set_now(const struct cat_set *s, const struct prg_set_dose *d, char *buf, size_t len);

/* One set's prescription at a level: "hold 5 s x 2 reps, each side". */
char *words_set(const struct cat_set *s, enum cat_level level, char *buf, size_t len);

/* The same with the set's numbers given (a step's dose). */
char *words_set_at(const struct cat_set *s, const struct prg_set_dose *d, char *buf, size_t len);

/* Every set of an exercise at a dose, `; ` between sets: "30 s", "hold 5 s x 10 reps". */
char *words_dose(const struct cat_exercise *ex, const struct prg_dose *d, char *buf, size_t len);

/*
 * A step as a person counts it (issue 20 §2): "step 2 of 5" for step k = 1
 * of a ladder whose top step is K = 4; "fixed dose" when there is no ladder
 * (K = 0). Files keep the 0-based `k/K`; only the words count from 1.
 */
char *words_step(unsigned k, unsigned steps, char *buf, size_t len);

/* The same for a column headed "step": "2 of 5", "fixed". */
char *words_step_short(unsigned k, unsigned steps, char *buf, size_t len);

/*
 * A step with its dose in words: "step 2 of 5: 1 min (next: 2 min)", "step
 * 5 of 5: 10 min (the last)", or "fixed dose: hold 30 s x 1 rep, each side".
 */
char *words_step_dose(const struct cat_exercise *ex, unsigned k, char *buf, size_t len);

/* The rule of progression in one sentence, for the details screen and `progress`. */
extern const char words_progression_rule[];

/*
 * "1/2 today" or "1/3 this week": an exercise's count against its frequency;
 * "stopped today" for one stopped today (it is not due again that day).
 */
char *words_count(const struct cat_exercise *ex, const struct hist_ex_stat *st, char *buf,
                  size_t len);

/*
 * When to get help: the safety screen's two lists (see someone now, see a
 * doctor soon), which `lumbar safety` prints as they are without a
 * terminal. Each list's items end with NULL.
 */
struct words_safety_list {
	const char *head; /* "See someone now if you have:" */
	const char *const *items;
};
enum { WORDS_SAFETY_LISTS = 2 };
extern const char words_safety_title[], words_safety_intro[];
extern const struct words_safety_list words_safety[WORDS_SAFETY_LISTS];

/*
 * What to do for the first list when no emergency_number is set: the
 * numbers of the places most readers are in, never guessed from the
 * locale (issue 19 §3).
 */
extern const char words_emergency_unset[];

/*
 * The pain scale's anchors, given with every pain question (issue 19):
 * "0 no pain, 10 worst imaginable".
 */
extern const char words_pain_anchors[];

/*
 * What the summary says when a session is written without a pain score
 * (Enter alone at the pain-after or the stop question): "no score: this
 * session will not count toward a step".
 */
extern const char words_no_score[];

/*
 * What `lumbar log` says after the lines it wrote (issue 22 §4): how a
 * logged session counts; and, after a pain of EV_SAFETY_STOP_PAIN or more,
 * the line before the safety lists: "A pain of 8 or more: when to get help,
 * now and first the next time lumbar starts." (`today`: the lines are
 * today's, so the screen surely comes next; a past day's may have been
 * followed by it already) or "... when to get help.".
 */
extern const char words_log_rule[];
char *words_log_safety(bool today, char *buf, size_t len);

/*
 * The player's q: what a quit keeps, then the question: "What is done is
 * kept, this exercise so far as partial. Quit? y/n" (issue 19 §3).
 */
extern const char words_quit_question[];

/*
 * A routine as the screens name it, from the key a session and its
 * progress file keep: "all" the catalogue's routine name, "due" "Due now",
 * a named routine's id its name ("Morning"); else the key itself.
 */
const char *words_routine_name(const struct catalogue *cat, const char *key);

/*
 * When something was left, as of `now` (local time): "today at 07:42",
 * "yesterday at 18:30", "on Monday at 18:30" (within the last 6 days) or
 * "on 2026-11-16 at 18:30". Returns buf.
 */
char *words_when_left(time_t then, time_t now, char *buf, size_t len);

/* A routine with its length: "Morning \u00b7 3 exercises". */
char *words_routine(const struct catalogue *cat, const char *key, unsigned n, char *buf,
                    size_t len);

/*
 * The pain questions, without their scale (issue 24): before a plan, at the
 * summary, after a stop, and the morning check-in.
 */
extern const char words_q_before[], words_q_after[], words_q_stop[], words_q_morning[];

/*
 * A pain question with its scale: "How is your back now? 0-10" on the full
 * screen (whose anchors go on a line of their own), or with `anchors` as the
 * line mode asks it: "How is your back now? 0 no pain, 10 worst imaginable:".
 */
char *words_pain_question(const char *question, bool anchors, char *buf, size_t len);

/* A length spelt out for a screen reader: "1 second", "40 seconds", "1 minute 30 seconds". */
char *words_seconds_long(unsigned s, char *buf, size_t len);

/*
 * A phase in one line, as the line mode says it when it begins (issue 24):
 * "Knee-to-chest, left side: hold 5 seconds (rep 1 of 2)", "Bridges and
 * plank, Bridges: 2 reps in 2 seconds", "Bridges and plank, Plank: keep
 * going 30 seconds", "Knee-to-chest: get ready, 5 seconds", "Rest, 10
 * seconds", "Switch sides, 5 seconds". A set's name comes after the
 * exercise's when the exercise has several; the side in the set's own words.
 */
char *words_phase(const struct catalogue *cat, const struct plan_phase *ph, char *buf, size_t len);

#endif
