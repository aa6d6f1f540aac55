/*
 * journal.h - what a session leaves in the history: the rules, without
 * curses, files or clocks (the wall time is an argument, as in session.h).
 *
 * One entry per slot of the plan:
 *  - an exercise walked to its end (by time or n) is `done` when at least
 *    PRG_DONE_PERCENT (80, our default) percent of its work time was played
 *    (journal_played_enough()), else `partial`: pressing n through every
 *    phase is partial, never done, and so never green (issue 19);
 *  - one left with s, with q then y, or by Ctrl-C after at least one
 *    completed work phase is `partial`;
 *  - one stopped with x is `stopped`, whatever was completed, with the
 *    score given on the stop screen (journal_stop()); the stop stands: it
 *    replaces a done entry the slot had (gone back into with p), and the
 *    slot keeps it for the rest of the plan;
 *  - anything else leaves no entry.
 * Entries wait ("pending") until the routine ends, then go to the history in
 * one append (with the pain score from the summary, or without one; a
 * stopped entry keeps its own). Every entry of the plan carries the
 * pain-before score asked when the plan started (journal.pain_before).
 *
 * How the program ends decides what is written (journal_leave()):
 *  - finished, q then y, Ctrl-C: everything pending, now (q then y in a
 *    routine asks the summary's question first: app_quit() in app.h);
 *  - SIGHUP or SIGTERM in the middle of a routine: nothing; the progress file
 *    keeps the pending entries and the next start offers to resume, at the
 *    phase journal_resume_phase() says: where the routine stood, or after an
 *    exercise just stopped (a stop stands);
 *  - SIGHUP or SIGTERM anywhere else (one exercise, a routine at its summary,
 *    or on the stop screen of its last exercise, which leaves nothing to
 *    resume): the same as Ctrl-C.
 */
#ifndef LUMBAR_JOURNAL_H
#define LUMBAR_JOURNAL_H

#include <stdbool.h>
#include <time.h>

#include "catalogue.h"
#include "history.h"
#include "plan.h"
#include "session.h"

/* The pending entries of one plan, one slot per exercise of the plan. */
struct journal {
	unsigned n; /* the plan's exercises */
	struct hist_entry pend[CAT_MAX_EXERCISES];
	bool has[CAT_MAX_EXERCISES];  /* pend[i] holds an entry */
	bool seen[CAT_MAX_EXERCISES]; /* the slot's end has been looked at */
	int pain_before;              /* 0..10 or HIST_NO_PAIN: for every entry */
};

/* How the player was left. */
enum journal_way {
	JOURNAL_FINISHED,  /* the plan ran out (the summary's answer, or none) */
	JOURNAL_QUIT,      /* q then y */
	JOURNAL_INTERRUPT, /* Ctrl-C */
	JOURNAL_TERM,      /* SIGTERM */
	JOURNAL_HANGUP,    /* SIGHUP: the terminal went away */
};

/* What to do with the pending entries and the progress file. */
enum journal_act {
	JOURNAL_WRITE, /* append what is pending; once written, drop the progress file */
	JOURNAL_KEEP,  /* write nothing; keep the progress file to resume from */
};

/*
 * The step field of slot i of plan p (built from `cat`), as the player
 * writes it: `k/K` at the slot's step, or the level's name when --level
 * forced it; `-` for a ladder longer than the field holds.
 */
void journal_step(const struct catalogue *cat, const struct plan *p, unsigned i,
                  struct hist_step *out);

/*
 * Start plan `p` (built from `cat`) with nothing pending, or with a resumed
 * routine's entries: each goes to the first slot of its exercise that has
 * none (the plan was rebuilt from the same list, so they line up). Entries
 * naming no exercise of the plan are kept in no slot and reported by the
 * return value: the number of `resumed` entries that found a slot.
 */
unsigned journal_begin(struct journal *j, const struct catalogue *cat, const struct plan *p,
                       const struct hist_entry *resumed, unsigned n_resumed);

/*
 * After any session call: every slot that has just ended gets its entry,
 * stamped `now` (replacing the one it had, when it was gone back into with p
 * and ended again); a slot that was reopened is looked at again when it
 * next ends.
 */
void journal_collect(struct journal *j, const struct catalogue *cat, const struct plan *p,
                     const struct session *s, time_t now);

/*
 * The player is left `way`; `routine` is true for a routine with a
 * progress file. Leaving early gives the exercise in progress its partial
 * entry when it earned one (and has none yet: one logged done keeps it).
 * Returns what to do next.
 */
enum journal_act journal_leave(struct journal *j, const struct catalogue *cat, const struct plan *p,
                               const struct session *s, bool routine, enum journal_way way,
                               time_t now);

/*
 * Where a routine left now would resume: the current phase, or the first
 * phase of the next exercise when the current one was stopped (a stop
 * stands, issue 18 item 10). p->n when nothing is left (finished, or the
 * last exercise stopped).
 */
size_t journal_resume_phase(const struct journal *j, const struct plan *p, const struct session *s);

/*
 * The exercise in progress is stopped (x): its slot's entry becomes
 * `stopped`, stamped `now`, with its active seconds so far and no score
 * yet. Returns the slot, or j->n when the session is finished.
 */
unsigned journal_stop(struct journal *j, const struct catalogue *cat, const struct plan *p,
                      const struct session *s, time_t now);

/* The score given after a stop (0..10 or HIST_NO_PAIN) for slot `slot`. */
void journal_stop_score(struct journal *j, unsigned slot, int pain);

/*
 * Whether slot `slot` was stopped in this plan (also once written), with
 * the score of the stop in *pain.
 */
bool journal_stopped(const struct journal *j, unsigned slot, int *pain);

/*
 * Whether an exercise's work time played (work_ms) is at least
 * PRG_DONE_PERCENT of its work phases' length: the line between done and
 * partial for one walked to its end.
 */
bool journal_played_enough(const struct sess_stat *st);

/* Whether an entry is waiting. */
bool journal_pending(const struct journal *j);

/* Whether an entry is waiting for the summary's score (one not stopped). */
bool journal_awaiting_score(const struct journal *j);

/*
 * Copy the pending entries, in plan order, into out (room for
 * CAT_MAX_EXERCISES) with pain score `pain` (0..10 or HIST_NO_PAIN; a
 * stopped entry keeps the score of its stop) and j->pain_before.
 * Returns how many.
 */
unsigned journal_take(const struct journal *j, int pain, struct hist_entry *out);

/* The pending entries are in the history: nothing is waiting any more. */
void journal_written(struct journal *j);

/*
 * Whether the history reader would take `e` back as it is, checked the way
 * it reads: the line it would be is formatted and parsed again. Entries in
 * the progress file and on their way to the history pass through here.
 */
bool journal_entry_valid(const struct hist_entry *e);

#endif
