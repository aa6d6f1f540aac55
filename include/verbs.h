/*
 * verbs.h - the command line's verbs (`lumbar plan morning`, `lumbar help
 * plan`): one table of rows, each with its name, the arguments it takes,
 * one line for `lumbar --help`, the option that spells it too (kept for
 * scripts), a paragraph for `lumbar help VERB`, and its handler. Adding a
 * verb is a row in verbs.c and a handler.
 *
 * A handler turns the verb's words into main.c's options (its mode and
 * target); main.c then runs it like the option it spells. The handlers of
 * the plain modes are therefore main.c's, which owns struct options.
 */
#ifndef LUMBAR_VERBS_H
#define LUMBAR_VERBS_H

#include <stdio.h>

struct options; /* main.c's */

struct verb {
	const char *name;
	const char *args;    /* what follows the name in the usage ("[ID]"); "" for none */
	const char *help;    /* one line for --help, at most 52 columns */
	const char *option;  /* the same as an option ("--plan[=ID]"), or NULL */
	const char *needs;   /* what a missing first argument is called, for the error */
	const char *details; /* what `lumbar help VERB` says after the usage; lines end in \n */
	unsigned min_args, max_args;
	/*
	 * Fill in the options from the verb's arguments; 0, or an exit status
	 * already said. NULL for the verbs main.c runs itself before options
	 * are parsed (report, remind, pause, resume, status, and due's script forms) or
	 * after them (progress).
	 */
	int (*run)(struct options *o, char **args, unsigned n);
};

/* The table, in the order --help lists it. */
extern const struct verb verbs[];
extern const unsigned n_verbs;

/* The verb named `name`, or NULL. */
const struct verb *verb_find(const char *name);

/*
 * The verb `lumbar ... --help` is about: the first argument that names one,
 * before a `--`; NULL for none (then --help lists them all).
 */
const struct verb *verb_in_args(int argc, char **argv);

/* The "Commands:" block of --help: one line a verb. */
void verbs_print_list(FILE *fp);

/* What `lumbar help VERB` and `lumbar VERB --help` print. */
void verb_print_help(FILE *fp, const struct verb *v);

/* ---- The handlers, main.c's -------------------------------------------------- */

int verb_run_list(struct options *o, char **args, unsigned n);
int verb_run_show(struct options *o, char **args, unsigned n);
int verb_run_plan(struct options *o, char **args, unsigned n);
int verb_run_check(struct options *o, char **args, unsigned n);
int verb_run_history(struct options *o, char **args, unsigned n);
int verb_run_checkin(struct options *o, char **args, unsigned n);
int verb_run_due(struct options *o, char **args, unsigned n);
int verb_run_safety(struct options *o, char **args, unsigned n);
int verb_run_help(struct options *o, char **args, unsigned n);

#endif
