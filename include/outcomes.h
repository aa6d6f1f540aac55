/*
 * outcomes.h - the outcome records of issue 22: answers to questionnaires,
 * the person's own activities, and what they say over the weeks.
 *
 * The events file (events.h) holds them in three kinds:
 *
 *   outcome           exercise: the questionnaire's id; value: its version;
 *                     note: the answers in item order, comma-separated, `-`
 *                     for one not answered (`5,4,6`, `6,-,4`). A note that
 *                     is `-` alone: offered and skipped.
 *   activity          value: the activity's number (one more than the
 *                     highest ever given, never reused); note: its words.
 *   activity-retired  value: the number retired.
 *
 * The answers of "My activities" are positional by activity NUMBER: answer
 * i is activity number i (`rate 3 6` writes `-,-,6`).
 *
 * Every function is pure: `today` is an argument and events dated after it
 * are left out. Core: no curses, no clock.
 */
#ifndef LUMBAR_OUTCOMES_H
#define LUMBAR_OUTCOMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "events.h"
#include "questionnaire.h"

enum {
	OUT_NO_ANSWER = -1,   /* an item not answered */
	OUT_MAX_ANSWERS = 99, /* answers in one note; so activity numbers 1..99 */
	OUT_MAX_ACTIVITIES = OUT_MAX_ANSWERS,
	/* Thresholds of a change worth marking (lumbar's defaults; see lumbar(1)). */
	OUT_POINTS = 2,   /* points on a 0-10 scale: an item, a mean, an activity */
	OUT_PERCENT = 30, /* per cent of the first figure, on a summed score */
};

/* ---- Answers ---------------------------------------------------------------------- */

/*
 * The answers of a note: "5,4,6" -> {5,4,6}, "6,-,4" -> {6,OUT_NO_ANSWER,4};
 * "" (a `-` note: skipped) -> 0 answers. Each answer is a whole number of
 * 0..100 without sign or leading zero. Returns how many (0..max), or -1 for
 * a malformed note or more than `max` answers.
 */
int out_parse_answers(const char *note, int *answers, unsigned max);

/*
 * Write n answers as a note ("5,-,6"), n >= 1. Returns 0, or -1 when it
 * does not fit (len >= EV_MAX_NOTE_BYTES + 1 is always enough for
 * OUT_MAX_ANSWERS).
 */
int out_format_answers(const int *answers, unsigned n, char *buf, size_t len);

/*
 * Whether an outcome's answers fit the questionnaire: one answer per item
 * (for activities: any count up to OUT_MAX_ANSWERS), each in min..max or not
 * answered. NULL, or why not.
 */
const char *out_answers_check(const struct questionnaire *q, const int *answers, unsigned n);

/* ---- Activities ------------------------------------------------------------------------ */

struct out_activity {
	unsigned number;                   /* 1..OUT_MAX_ACTIVITIES */
	char words[EV_MAX_NOTE_BYTES + 1]; /* the person's words */
	int32_t added;                     /* the day it was named */
	bool retired;                      /* retired on or before today */
	int first, latest;                 /* ratings; OUT_NO_ANSWER when none */
	int32_t first_day, latest_day;     /* their days (0 when none) */
};

/*
 * Every activity named on or before `today`, active and retired, in number
 * order, with its first and latest rating (answers of `activities` outcome
 * events). A number named twice keeps its first words. Returns how many
 * (at most max).
 */
size_t out_activities(const struct ev_log *ev, int32_t today, struct out_activity *out, size_t max);

/* As out_activities(), the active ones only. */
size_t out_active(const struct ev_log *ev, int32_t today, struct out_activity *out, size_t max);

/*
 * The number the next `add` gives: one more than the highest ever named,
 * whatever its day: in ev's events, or in a line left out of them as
 * dated after the day asked about (ev->activity_high).
 */
unsigned out_next_number(const struct ev_log *ev);

/* An `activity` or `activity-retired` event's number (its value, checked by the reader). */
unsigned out_activity_number(const struct ev_event *e);

/* ---- The PEG (and any questionnaire) by week ---------------------------------------- */

/* One Monday week of a questionnaire's answers. */
struct out_week {
	int32_t monday;        /* the week's Monday */
	bool present;          /* answered that week; false: a gap, not a zero */
	unsigned n_items;      /* answers kept (the questionnaire's items) */
	int item[Q_MAX_ITEMS]; /* OUT_NO_ANSWER where not answered */
	double score;          /* the mean or the sum, as it scores; with `present` */
	bool have_score;       /* a mean needs one answer, a sum them all */
};

/*
 * A week's score from its answers w->item[0..n_items), as the questionnaire
 * scores: the mean of the answered items (one at least), or their sum (all
 * answered); w->have_score says whether there is one, w->score holds it.
 * The report and `lumbar checkin --answer` score with this one function.
 */
void out_score(struct out_week *w, enum q_scoring scoring);

/*
 * A score as the report and the check-in say it: a mean to one decimal, a
 * sum whole; `-` when there is none (not present, or no score). Returns buf.
 */
const char *out_score_text(const struct out_week *w, enum q_scoring scoring, char *buf, size_t len);

/* The Monday of the week holding `day`. */
int32_t out_monday(int32_t day);

/*
 * The Monday weeks from the one of the first answer of `q` (skips do not
 * count) to the one holding `today`, at most max of the latest ones; a
 * week's figures are its last answer (a later one corrects). Weeks with no
 * answer are gaps. Returns how many.
 */
size_t out_weeks(const struct ev_log *ev, const struct questionnaire *q, int32_t today,
                 struct out_week *out, size_t max);

/* ---- Marks of change ------------------------------------------------------------------- */

enum out_change {
	OUT_CHANGE_NONE,   /* below the threshold (or nothing to compare) */
	OUT_CHANGE_LOWER,  /* the threshold reached, downward */
	OUT_CHANGE_HIGHER, /* the threshold reached, upward */
};

/*
 * Whether the change from `first` to `latest` reaches the threshold of a
 * figure scored `scoring` on the scale min..max: OUT_POINTS on a 0-10 scale
 * (scaled to other ranges: a fifth of the range) for an item, a mean or an
 * activity; OUT_PERCENT of `first` for a sum (none when first is 0).
 */
enum out_change out_change(double first, double latest, enum q_scoring scoring, int min, int max);

/*
 * The change in words, never a judgement: "2 points lower than week 1",
 * "35% higher than the first"; `than` names the first figure ("week 1",
 * "the first rating"). Writes "" for OUT_CHANGE_NONE. Returns buf.
 */
const char *out_change_words(double first, double latest, enum q_scoring scoring, int min, int max,
                             const char *than, char *buf, size_t len);

/* ---- The offer rule ----------------------------------------------------------------------- */

/* Where the person is when a screen asks. */
enum out_place {
	OUT_AT_MENU,        /* the menu, at rest: the only place an offer is made */
	OUT_BEFORE_SESSION, /* between choosing an exercise and playing it: never */
	OUT_ELSEWHERE,      /* a session, the summary, another screen: never */
};

/*
 * Which questionnaire to offer today, or NULL. Nothing when `ask` is false
 * (`ask_outcomes: false`, --no-ask), when not at the menu, or when an
 * outcome event (answered or skipped) is dated today: at most one offer a
 * day. Otherwise the first of the set, in order (the PEG, then "My
 * activities", then the clinic's), whose last outcome event (answered or
 * skipped) is every_days or more before today, or that has none. A
 * questionnaire of activities with none active is offered all the same, to
 * name one (the screens ask for its words, then its first rating), unless
 * every number has been given. A skip counts as an offer: it comes again
 * every_days later.
 *
 * The caller passes the set q_set_load() gave (the shipped ones first),
 * the record's events (REC_KINDS_OUTCOMES at least), and `ask` as
 * `options.ask_outcomes && !options.no_ask` (cmd.h).
 */
const struct questionnaire *out_offer(const struct q_set *set, const struct ev_log *ev,
                                      int32_t today, bool ask, enum out_place place);

#endif
