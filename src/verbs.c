/*
 * verbs.c - the table of the command line's verbs and their help. Which
 * words are verbs is also the catalogue's business: no exercise or routine
 * may take one as its id (cat_reserved_ids in catalogue.c lists them all,
 * with the verbs still to come).
 */
#include "verbs.h"

#include <string.h>

const struct verb verbs[] = {
	{ "list", "", "the routines, then the exercises, with their lengths", "--list", NULL,
	  "Routines come first, then the exercises, one a line: id, name, length at\n"
	  "the level (--level) and, for an exercise, how often it is due. With\n"
	  "--format=tsv the columns are tab-separated under one header line that\n"
	  "starts with #, for scripts and shell completion.\n",
	  0, 0, verb_run_list },
	{ "show", "ID", "everything about one exercise or routine", "--show ID",
	  "an exercise or routine id",
	  "For an exercise: its position, steps, cautions, sets at the level, the\n"
	  "ranges to progress in, frequency and length. For a routine: its\n"
	  "exercises in order, each with its length, and the total.\n",
	  1, 1, verb_run_show },
	{ "plan", "[ID]", "the timeline as a table (default: all)", "--plan[=ID]", NULL,
	  "ID is an exercise, a routine such as morning, or all, the full routine\n"
	  "(the default). One line a phase: when it starts, how long it lasts, what\n"
	  "it is, the exercise, set, side and rep; the last line is the total. With\n"
	  "--format=tsv the columns are tab-separated, for scripts.\n",
	  0, 1, verb_run_plan },
	{ "check", "FILE", "validate a catalogue; silent when it is fine", "--check FILE",
	  "a catalogue FILE",
	  "Loads FILE as the catalogue would be loaded and says nothing when it is\n"
	  "fine (exit 0). Each mistake is one line, FILE:LINE:COL: message (exit 65);\n"
	  "a file that cannot be read is exit 66.\n",
	  1, 1, verb_run_check },
	{ "history", "", "today, this week, streaks and pain", "--history", NULL,
	  "Each exercise today or this week against its frequency, adherence over\n"
	  "7 and 30 days, the streak and the pain trend. With --format=tsv, one\n"
	  "row per day with entries.\n",
	  0, 0, verb_run_history },
	{ "checkin", "N", "record back pain this morning, 0-10", NULL,
	  "back pain this morning, 0-10",
	  "Adds a morning line to events.tsv beside the history: back pain on\n"
	  "getting up, from 0 (none) to 10, before any exercise.\n",
	  1, 1, verb_run_checkin },
	{ "safety", "", "when to get help: two short lists", NULL, NULL,
	  "Shows the safety screen whether or not it is due, even with --no-ask:\n"
	  "signs to see someone now, and signs to see a doctor soon. c: none of\n"
	  "these, exit 0. h: one of these applies; says what to do and exits 3.\n",
	  0, 0, verb_run_safety },
	{ "due", "[--quiet|...]", "play what is due now, or say it for scripts", NULL, NULL,
	  "Plays, in catalogue order, the exercises whose frequency is not yet met\n"
	  "today (or this week); says so and exits when nothing is due. For scripts\n"
	  "and prompts, without the timer:\n"
	  "  --quiet        exit 0 when something is due, 1 when nothing is\n"
	  "  --count        print how many exercises are due\n"
	  "  --format=line  one line, '2 due: ID, ID (M:SS)', or nothing\n",
	  0, 0, verb_run_due },
	{ "progress", "[ID|set ID N|hold ID]", "each exercise's step, its dose now and next", NULL,
	  NULL,
	  "Each exercise (or one): its step k/K on its ladder, the dose now and at\n"
	  "the next step, and its state in words. --format=tsv: one line per\n"
	  "exercise, #exercise step steps state since. `progress set ID N` puts an\n"
	  "exercise at step N; `progress hold ID [--days N]` skips step-ups for N\n"
	  "days (7). --today YYYY-MM-DD reads the steps on another day.\n",
	  0, 0, NULL },
	{ "remind", "[--install|...]", "a desktop reminder when something is due", NULL, NULL,
	  "A desktop notification when something is due, once per part of the day;\n"
	  "exit 0 sent, 1 nothing sent, 3 the notifier failed.\n"
	  "  --install      write a systemd user timer and service\n"
	  "  --dry-run      with --install: print the files instead\n"
	  "  --print-cron   print a crontab line instead\n",
	  0, 0, NULL },
	{ "pause", "--until DATE", "no reminders, nothing expected until DATE", NULL, NULL,
	  "DATE is YYYY-MM-DD. --reason R: injury, travel, ill or other. Paused days are not\n"
	  "expected in adherence, do not break streaks and get no reminders.\n",
	  0, 0, NULL },
	{ "resume", "", "end a pause", NULL, NULL, "Ends the pause that `lumbar pause` began.\n", 0,
	  0, NULL },
	{ "status", "--format=json", "one line of JSON for bars and prompts", NULL, NULL,
	  "What is due (ids and minutes), today's count, the streak, whether a\n"
	  "routine is playing and whether lumbar is paused; keys in lumbar(1).\n",
	  0, 0, NULL },
	{ "report", "[--weeks N|--since DATE]", "a report for your physiotherapist", NULL, NULL,
	  "Adherence and dose by exercise and week, pain by week, and the events, for\n"
	  "the last 8 weeks (--weeks N) or since DATE. --format md (default), html\n"
	  "(one self-contained page that prints on two A4 sheets) or csv; -o FILE\n"
	  "writes it there. Options go after the word report.\n",
	  0, 0, NULL },
	{ "help", "[COMMAND]", "this help, or what one command does", "--help", NULL,
	  "With a command, what it does; `lumbar COMMAND --help` says the same.\n", 0, 1,
	  verb_run_help },
};

const unsigned n_verbs = sizeof(verbs) / sizeof(verbs[0]);

const struct verb *verb_find(const char *name)
{
	for (unsigned i = 0; name != NULL && i < n_verbs; i++)
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	return NULL;
}

const struct verb *verb_in_args(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		const struct verb *v = verb_find(argv[i]);

		if (v != NULL)
			return v;
	}
	return NULL;
}

/* "plan [ID]": the verb as the usage writes it. */
static const char *spelled(const struct verb *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", v->name, *v->args ? " " : "", v->args);
	return buf;
}

void verbs_print_list(FILE *fp)
{
	char left[64];

	fprintf(fp, "Commands:\n");
	for (unsigned i = 0; i < n_verbs; i++)
		fprintf(fp, "  %-21s  %s\n", spelled(&verbs[i], left, sizeof(left)), verbs[i].help);
}

void verb_print_help(FILE *fp, const struct verb *v)
{
	char left[64];

	fprintf(fp, "Usage: lumbar %s\n", spelled(v, left, sizeof(left)));
	if (v->option != NULL)
		fprintf(fp, "       lumbar %s\n", v->option);
	fprintf(fp, "%c%s.\n\n%s", v->help[0] - 'a' + 'A', v->help + 1, v->details);
	fprintf(fp, "\nOptions for every command: see 'lumbar --help'; all of it: lumbar(1).\n");
}
