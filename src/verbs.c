/*
 * verbs.c - the table of commands and their help. Which words are verbs is
 * also the catalogue's business: cat_reserved_ids in catalogue.c lists the
 * words no id may take, cat_verb_ids the later verbs an id may still be
 * (with a warning); tests/test_cmd.c checks that every row is in one.
 */
#include "verbs.h"

#include <string.h>

#include "cmd.h"
#include "questionnaire.h"

/* `lumbar due` plays; its script forms (--quiet, --count, --format) only read. */
static bool due_writes(const struct options *o)
{
	return (o->given & (CMD_VO_QUIET | CMD_VO_COUNT | CMD_VO_FORMAT)) == 0;
}

/* `lumbar progress [ID]` reads; `progress set|hold` writes an event. */
static bool progress_writes(const struct options *o)
{
	return o->n_args > 0 && (strcmp(o->args[0], "set") == 0 || strcmp(o->args[0], "hold") == 0);
}

/* `lumbar activities` lists; add, rate and retire write an event. */
static bool activities_writes(const struct options *o)
{
	return o->n_args > 0;
}

#define RESERVED(word)                                                                             \
	{                                                                                          \
		word, "", "", NULL, NULL, "Not available in this version of lumbar.\n", 0, 0,      \
		    VERB_RESERVED, 0, NULL, verb_run_reserved                                      \
	}

const struct verb verbs[] = {
	{ "play", "[ID]", "the menu, or play one exercise or routine", NULL, NULL,
	  "With no ID, opens the menu. With an exercise, a routine such as morning,\n"
	  "all (the full routine) or due, starts it at once. `lumbar ID` says the\n"
	  "same; `lumbar play ID` also reaches an exercise whose id is a command's.\n",
	  0, 1, VERB_CATALOGUE | VERB_RECORDS | VERB_TERMINAL | VERB_WRITES | VERB_DEFAULT, 0, NULL,
	  verb_run_play },
	{ "list", "", "the routines, then the exercises, with their lengths", "--list", NULL,
	  "Routines come first, then the exercises, one a line: id, name, length at\n"
	  "the level (--level) and, for an exercise, how often it is due. With\n"
	  "--format=tsv the columns are tab-separated under one header line that\n"
	  "starts with #, for scripts and shell completion.\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS, 0, NULL, verb_run_list },
	{ "show", "ID", "everything about one exercise or routine", "--show ID",
	  "an exercise or routine id",
	  "For an exercise: its position, steps, cautions, sets at the level, the\n"
	  "ranges to progress in, frequency and length. For a routine: its\n"
	  "exercises in order, each with its length, and the total.\n",
	  1, 1, VERB_CATALOGUE | VERB_RECORDS, 0, NULL, verb_run_show },
	{ "plan", "[ID]", "the timeline as a table (default: all)", "--plan[=ID]", NULL,
	  "ID is an exercise, a routine such as morning, or all, the full routine\n"
	  "(the default). One line a phase: when it starts, how long it lasts, what\n"
	  "it is, the exercise, set, side and rep; the last line is the total. With\n"
	  "--format=tsv the columns are tab-separated, for scripts.\n",
	  0, 1, VERB_CATALOGUE | VERB_RECORDS, 0, NULL, verb_run_plan },
	{ "check", "[FILE]", "validate a catalogue; silent when it is fine", "--check FILE",
	  "a catalogue FILE",
	  "Loads FILE as the catalogue would be loaded and says nothing when it is\n"
	  "fine (exit 0). Each mistake is one line, FILE:LINE:COL: message (exit 65);\n"
	  "a file that cannot be read is exit 66. An id that a later version keeps\n"
	  "as a command is a warning (exit 0). A FILE with a scoring or recall key\n"
	  "is checked as a questionnaire; without FILE, the questionnaires: the\n"
	  "shipped ones and each *.yaml of ~/.config/lumbar/questionnaires.\n",
	  0, 1, 0, 0, NULL, verb_run_check },
	{ "history", "", "today, this week, streaks and pain", "--history", NULL,
	  "Each exercise today or this week against its frequency, adherence over\n"
	  "7 and 30 days, the streak and the pain trend. With --format=tsv, one\n"
	  "row per day with entries.\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS, 0, NULL, verb_run_history },
	{ "checkin", "N|--peg P E G|--answer ID A...", "record back pain this morning, 0-10", NULL,
	  "back pain this morning, 0-10",
	  "Adds a morning line to events.tsv beside the history: back pain on\n"
	  "getting up, from 0 (none) to 10, before any exercise. With --peg, the\n"
	  "PEG's three answers for the past week instead, each 0-10: pain on\n"
	  "average, how much it interfered with enjoyment of life, and with\n"
	  "general activity. With --answer ID, the answers to a clinic's\n"
	  "questionnaire (a file in ~/.config/lumbar/questionnaires), one per\n"
	  "item in its order, each a whole number on its scale, or - for an\n"
	  "item left out; it prints them and their score.\n",
	  0, Q_MAX_ITEMS, VERB_WRITES, CMD_VO_PEG | CMD_VO_ANSWER, NULL, verb_run_checkin },
	{ "activities", "[add|rate|retire ...]", "activities your back makes hard, rated", NULL,
	  NULL,
	  "Alone, lists the active ones, numbered, with their latest and first\n"
	  "rating. `add \"put on socks\"` names one (at most 3 active; its number\n"
	  "is never given again); `rate N S` rates activity N from 0 (unable to\n"
	  "perform it) to 10 (able as before the problem); `retire N` ends it.\n"
	  "Each writes one line in events.tsv. --today DATE lists as on that day.\n",
	  0, 3, VERB_RECORDS | VERB_AS_OF, 0, activities_writes, verb_run_activities },
	{ "log", "ID|ROUTINE", "record a session done without the timer", NULL,
	  "an exercise or routine id",
	  "Adds to the history a session done away from the timer (at the gym, on\n"
	  "holiday): one line an exercise, at that day's step and its planned work\n"
	  "time, marked `log`. It counts for the week, the streak and what is due,\n"
	  "never toward the next step: lumbar did not time it.\n"
	  "  --date DATE       the day it was done: YYYY-MM-DD, today (the default)\n"
	  "                    or yesterday; never a later day than today\n"
	  "  --pain-before N   back pain before it, 0-10\n"
	  "  --pain N          back pain after it, 0-10 (8 or more: the safety screen\n"
	  "                    comes next time, and the step goes back one)\n"
	  "  --status S        done (the default) or partial\n",
	  1, 1, VERB_CATALOGUE | VERB_RECORDS | VERB_WRITES,
	  CMD_VO_DATE | CMD_VO_PAIN | CMD_VO_PAIN_BEFORE | CMD_VO_STATUS, NULL, verb_run_log },
	{ "safety", "", "when to get help: two short lists", NULL, NULL,
	  "Shows the safety screen whether or not it is due, even with --no-ask:\n"
	  "signs to see someone now, and signs to see a doctor soon. c: none of\n"
	  "these, exit 0. h: one of these applies; says what to do and exits 3.\n"
	  "Without a terminal, prints the two lists. Needs no catalogue.\n",
	  0, 0, VERB_TERMINAL | VERB_WRITES, 0, NULL, verb_run_safety },
	{ "due", "[--quiet|...]", "play what is due now, or say it for scripts", NULL, NULL,
	  "Plays, in catalogue order, the exercises whose frequency is not yet met\n"
	  "today (or this week); says so and exits when nothing is due. For scripts\n"
	  "and prompts, without the timer:\n"
	  "  --quiet        exit 0 when something is due, 1 when nothing is\n"
	  "  --count        print how many exercises are due\n"
	  "  --format=line  one line, '2 due: ID, ID (M:SS)', or nothing\n"
	  "Before the word due, --quiet is the player's (no sound, no flash).\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS | VERB_TERMINAL,
	  CMD_VO_QUIET | CMD_VO_COUNT | CMD_VO_FORMAT, due_writes, verb_run_due },
	{ "progress", "[ID|set ID N|hold ID]", "each exercise's step, its dose now and next", NULL,
	  NULL,
	  "The rule of progression, then each exercise (or one, or a routine's):\n"
	  "'step 2 of 5: 1 min (next: 2 min)', or 'fixed dose', and its state in\n"
	  "words. --format=tsv: one line per exercise, #exercise step steps state\n"
	  "since, step k of K counted from 0. `progress set ID N` puts an exercise\n"
	  "at step N as shown (1 to its last); `progress hold ID [--days N]` skips\n"
	  "step-ups for N days (7). --today YYYY-MM-DD reads the steps on another day.\n",
	  0, 3, VERB_CATALOGUE | VERB_RECORDS | VERB_AS_OF, CMD_VO_DAYS, progress_writes,
	  verb_run_progress },
	{ "why", "[ID]", "why an exercise is at its step, or the rules", NULL, NULL,
	  "With an exercise: its step and since when, the sessions at that step\n"
	  "(date, pain before and after, acceptable or not), what is missing and\n"
	  "the earliest day for the next step, the last session that hurt and a\n"
	  "hold in force. Alone: each rule and its threshold, with their sources.\n"
	  "--today YYYY-MM-DD reads the record as on another day.\n",
	  0, 1, VERB_CATALOGUE | VERB_RECORDS | VERB_AS_OF, 0, NULL, verb_run_why },
	{ "remind", "[--verbose|--install|...]", "a desktop reminder when something is due", NULL,
	  NULL,
	  "A desktop notification when something is due, once per part of the day;\n"
	  "exit 0 sent, 1 nothing sent, 3 the notifier failed.\n"
	  "  --install      write a systemd user timer and service\n"
	  "  --dry-run      with --install: print the files instead\n"
	  "  --print-cron   print a crontab line instead\n"
	  "  --verbose      say what was sent, or why nothing was\n"
	  "The timer and the crontab line run plain `lumbar remind`: with --install\n"
	  "or --print-cron, -C, --history-file and --level are refused.\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS | VERB_WRITES,
	  CMD_VO_INSTALL | CMD_VO_DRY_RUN | CMD_VO_PRINT_CRON | CMD_VO_VERBOSE, NULL,
	  verb_run_remind },
	{ "pause", "--until DATE", "no reminders, nothing expected until DATE", NULL, NULL,
	  "DATE is YYYY-MM-DD. --reason R: injury, travel, ill or other. Paused days are not\n"
	  "expected in adherence, do not break streaks and get no reminders.\n",
	  0, 0, VERB_RECORDS | VERB_WRITES, CMD_VO_UNTIL | CMD_VO_REASON, NULL, verb_run_pause },
	{ "resume", "", "end a pause", NULL, NULL, "Ends the pause that `lumbar pause` began.\n", 0,
	  0, VERB_RECORDS | VERB_WRITES, 0, NULL, verb_run_resume },
	{ "status", "[--format=json]", "what is due and done today, in short", NULL, NULL,
	  "What is due (names and minutes), today's count, the streak, whether a\n"
	  "routine is playing and whether lumbar is paused, in a few lines; with\n"
	  "--format=json one line for bars and prompts (ids; keys in lumbar(1)).\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS, CMD_VO_FORMAT, NULL, verb_run_status },
	{ "report", "[--weeks N|--since DATE]", "a report for your physiotherapist", NULL, NULL,
	  "Adherence and dose by exercise and week, pain by week, and the events, for\n"
	  "the last 8 weeks (--weeks N) or since DATE. --format md (default), html\n"
	  "(one self-contained page that prints on two A4 sheets) or csv; -o FILE\n"
	  "writes it there. --today DATE: the report as on that day.\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS | VERB_AS_OF,
	  CMD_VO_WEEKS | CMD_VO_SINCE | CMD_VO_FORMAT | CMD_VO_OUTPUT, NULL, verb_run_report },
	{ "calendar", "[-o FILE] [--history]", "your reminders as a calendar for a phone", NULL,
	  NULL,
	  "An iCalendar file (RFC 5545) on standard output, or -o FILE: one event a\n"
	  "day at each reminder time (remind_at in config.yaml), with an alarm, named\n"
	  "after the routine that fits the time of day (morning before noon, evening\n"
	  "from 17:00), its exercises and today's length. Import it again to update\n"
	  "it. --history adds past sessions. It knows neither pauses nor what is\n"
	  "already done that day.\n",
	  0, 0, VERB_CATALOGUE | VERB_RECORDS, CMD_VO_OUTPUT | CMD_VO_HISTORY, NULL,
	  verb_run_calendar },
	{ "merge", "FILE...", "add another machine's lines to your files", NULL,
	  "a copy of history.tsv or events.tsv",
	  "Appends to the history (or events.tsv) the lines that each FILE, a copy\n"
	  "left by a file-syncing tool (history.sync-conflict-....tsv, history\n"
	  "(1).tsv), holds and it lacks, in their time order after its own lines,\n"
	  "and says how many. Never rewrites or reorders the file; run twice, adds\n"
	  "nothing. Deleting the copy is yours to do.\n",
	  1, 1000, VERB_RECORDS | VERB_WRITES, 0, NULL, verb_run_merge },
	{ "programme", "[ROUTINE]", "the home-exercise sheet to print", NULL, NULL,
	  "The full routine (or ROUTINE, such as morning, or one exercise), one\n"
	  "block an exercise: its figure, steps, today's dose and the steps ahead,\n"
	  "how often, and its cautions; then when to get help. --format md\n"
	  "(default) or html (one self-contained page, at most three A4 sheets);\n"
	  "-o FILE writes it there.\n",
	  0, 1, VERB_CATALOGUE | VERB_RECORDS, CMD_VO_FORMAT | CMD_VO_OUTPUT, NULL,
	  verb_run_programme },
	{ "help", "[COMMAND]", "this help, or what one command does", "--help", NULL,
	  "With a command, what it does; `lumbar COMMAND --help` says the same.\n", 0, 1, 0, 0,
	  NULL, verb_run_help },
	/* Kept for the next versions: a catalogue id may still be one (check warns). */
};

const unsigned n_verbs = sizeof(verbs) / sizeof(verbs[0]);

const struct verb *verb_find(const char *name)
{
	for (unsigned i = 0; name != NULL && i < n_verbs; i++)
		if (strcmp(verbs[i].name, name) == 0)
			return &verbs[i];
	return NULL;
}

const struct verb *verb_default(void)
{
	for (unsigned i = 0; i < n_verbs; i++)
		if (verbs[i].flags & VERB_DEFAULT)
			return &verbs[i];
	return NULL;
}

/* "plan [ID]": the verb as the usage writes it. */
static const char *spelled(const struct verb *v, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", v->name, *v->args ? " " : "", v->args);
	return buf;
}

void verbs_print_usage(FILE *fp)
{
	char left[64];

	fprintf(fp, "Usage: lumbar [OPTIONS] [ID|ROUTINE|all|due]\n"
	            "       lumbar [OPTIONS] COMMAND [ARGS] [OPTIONS]\n"
	            "A timer that walks you through a lower-back exercise routine.\n"
	            "\n"
	            "With no ID, opens the menu. With an exercise, a routine such as\n"
	            "`morning`, or `all`, starts it at once.\n"
	            "\n");
	fprintf(fp, "Commands:\n");
	for (unsigned i = 0; i < n_verbs; i++)
		if (!(verbs[i].flags & VERB_RESERVED))
			fprintf(fp, "  %-21s  %s\n", spelled(&verbs[i], left, sizeof(left)),
			        verbs[i].help);
	fprintf(fp, "'lumbar help COMMAND' or 'lumbar COMMAND --help' says more about one.\n"
	            "Scripts may spell the plain modes as options too: -l, --list;\n"
	            "-s, --show ID; -p, --plan[=ID]; -c, --check FILE; -H, --history.\n"
	            "\n"
	            "Options, before the command or after it (after it, the command's\n"
	            "own option of the same name wins: 'due --quiet'):\n"
	            "      --format=tsv       tab-separated output (list, plan, history)\n"
	            "  -C, --catalogue FILE   use this catalogue instead of the usual lookup\n"
	            "  -L, --level LEVEL      easy, medium or hard for every exercise, this run\n"
	            "                         (default: each exercise at its own step)\n"
	            "      --history-file FILE  where finished exercises are logged\n"
	            "      --today DATE       as on that day (progress, report)\n"
	            "      --no-bell          no sound at phase changes (the screen flashes)\n"
	            "  -q, --quiet            neither sound nor flash\n"
	            "      --no-color         no colours (also: NO_COLOR=1)\n"
	            "      --color            colours, even if NO_COLOR or config.yaml say none\n"
	            "      --speak            speak each phase (espeak-ng, espeak or say)\n"
	            "      --no-speak         do not speak, even if config.yaml says speak\n"
	            "      --on-phase CMD     run CMD through /bin/sh at each phase change\n"
	            "                         ('' for none, even if config.yaml sets one)\n"
	            "      --no-ask           no questions and no first-run screen this run\n"
	            "      --no-figure        no moving figure in the player\n"
	            "      --lines            the screens as plain lines (screen readers, pipes)\n"
	            "  -h, --help             show this help\n"
	            "  -V, --version          show the version and the catalogue in use\n"
	            "\n"
	            "Exit status: 0 ok; 1 another error, or nothing due (due --quiet) or sent\n"
	            "(remind); 3 a safety list applies, or remind's notify failed; 64 usage;\n"
	            "65 bad catalogue; 66 unreadable file; 69 not available; 71 out of memory;\n"
	            "74 output not written; 129, 130, 131, 143 ended by SIGHUP, SIGINT, SIGQUIT,\n"
	            "SIGTERM.\n"
	            "General advice from a public article, not a physiotherapist's:\n"
	            "stop any exercise that increases your pain. See lumbar(1).\n");
}

void verb_print_help(FILE *fp, const struct verb *v)
{
	char left[64];

	fprintf(fp, "Usage: lumbar %s\n", spelled(v, left, sizeof(left)));
	if (v->option != NULL)
		fprintf(fp, "       lumbar %s\n", v->option);
	if (*v->help)
		fprintf(fp, "%c%s.\n\n", v->help[0] - 'a' + 'A', v->help + 1);
	fprintf(fp, "%s", v->details);
	fprintf(fp, "\nOptions for every command: see 'lumbar --help'; all of it: lumbar(1).\n");
}
