/*
 * verbs.h - the table of commands, in the manner of git's cmd_struct: one
 * row a verb (`lumbar plan morning`, `lumbar due --count`), with its name,
 * the arguments and options it takes, what it needs and whether it writes,
 * its help (one line for `lumbar --help`, a paragraph for `lumbar help VERB`
 * and `lumbar VERB --help`, which print the same), and its handler. Adding
 * a verb is a row in verbs.c and a handler. cmd.c reads the command line
 * with it; main.c dispatches through it; the completions and the man page
 * name the same verbs (tests/cli.d/commands.sh checks it).
 *
 * The table itself is curses-free; the handlers are cmd_verbs.c's.
 */
#ifndef LUMBAR_VERBS_H
#define LUMBAR_VERBS_H

#include <stdbool.h>
#include <stdio.h>

struct options; /* cmd.h */

/* What a verb needs, and what it is. */
enum verb_flags {
	VERB_CATALOGUE = 1u << 0, /* loads the catalogue */
	VERB_RECORDS = 1u << 1,   /* reads the history and events.tsv */
	VERB_TERMINAL = 1u << 2,  /* needs a terminal (the screens) */
	VERB_WRITES = 1u << 3,    /* writes a file: takes no --today */
	VERB_RESERVED = 1u << 4,  /* kept for a later version: says so, exit 69 */
	VERB_DEFAULT = 1u << 5,   /* the row for a command line without a verb */
	VERB_AS_OF = 1u << 6,     /* answers as on --today DATE (only verbs that only read) */
};

struct verb {
	const char *name;
	const char *args;    /* what follows the name in the usage ("[ID]"); "" for none */
	const char *help;    /* one line for --help, at most 52 columns */
	const char *option;  /* the same as an option ("--plan[=ID]"), or NULL */
	const char *needs;   /* what a missing first argument is called, for the error */
	const char *details; /* what `lumbar help VERB` says after the usage; lines end in \n */
	unsigned min_args, max_args;
	unsigned flags; /* enum verb_flags */
	unsigned opts;  /* the options of its own: enum cmd_vopt's bits */
	/* Whether this command line writes, where VERB_WRITES does not say (NULL). */
	bool (*writes)(const struct options *o);
	/* Do it; returns the exit status, what went wrong already said. */
	int (*run)(struct options *o);
};

/* The table, in the order --help lists it. */
extern const struct verb verbs[];
extern const unsigned n_verbs;

/* The verb named `name` (reserved ones too), or NULL. */
const struct verb *verb_find(const char *name);

/* The row for a command line without a verb: the player. */
const struct verb *verb_default(void);

/* What `lumbar --help` prints. */
void verbs_print_usage(FILE *fp);

/* What `lumbar help VERB` and `lumbar VERB --help` print. */
void verb_print_help(FILE *fp, const struct verb *v);

/* ---- The handlers, cmd_verbs.c's ------------------------------------------------ */

int verb_run_play(struct options *o);
int verb_run_list(struct options *o);
int verb_run_show(struct options *o);
int verb_run_plan(struct options *o);
int verb_run_check(struct options *o);
int verb_run_history(struct options *o);
int verb_run_checkin(struct options *o);
int verb_run_activities(struct options *o);
int verb_run_log(struct options *o);
int verb_run_safety(struct options *o);
int verb_run_due(struct options *o);
int verb_run_progress(struct options *o);
int verb_run_why(struct options *o);
int verb_run_remind(struct options *o);
int verb_run_pause(struct options *o);
int verb_run_resume(struct options *o);
int verb_run_status(struct options *o);
int verb_run_report(struct options *o);
int verb_run_calendar(struct options *o);
int verb_run_merge(struct options *o);
int verb_run_programme(struct options *o);
int verb_run_help(struct options *o);
int verb_run_reserved(struct options *o);
int verb_run_version(struct options *o);

/*
 * Conflict copies beside the history that hold lines it lacks, said once on
 * stderr (merge.h's notice) by a verb that reads the records and does not
 * open the screens, whose menu says it on its status line.
 */
void verb_notice_copies(const struct options *o);

/* Everything printed reached standard output, or say so: rc, else 74 (EX_IOERR). */
int cmd_flush_stdout(int rc);

#endif
