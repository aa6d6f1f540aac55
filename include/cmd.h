/*
 * cmd.h - the command line, read once: the global options (-C, --level,
 * --history-file, --no-ask, --color, --quiet, ...) before the verb and after
 * it, the verb (verbs.h's table), the verb's own options and its arguments.
 * Where a verb has an option of the same spelling as a global one, the
 * verb's wins after the verb and the global one before it: `lumbar due
 * --quiet` is due's script form, `lumbar --quiet due` the quiet player.
 *
 * No curses and no clock: a unit test (tests/test_cmd.c) links it and reads
 * what each command line comes to.
 */
#ifndef LUMBAR_CMD_H
#define LUMBAR_CMD_H

#include <stdbool.h>
#include <stdint.h>

#include "catalogue.h"

struct verb;

/* sysexits(3) values, spelled out so the contract is visible here. */
enum {
	CMD_EXIT_USAGE = 64,       /* bad usage, unknown id or level */
	CMD_EXIT_DATAERR = 65,     /* bad catalogue */
	CMD_EXIT_NOINPUT = 66,     /* unreadable file */
	CMD_EXIT_UNAVAILABLE = 69, /* not in this version; --speak without a speech program */
	CMD_EXIT_IOERR = 74,       /* standard output or a file could not be written */
};

/* The options a verb may have of its own (a bit each, in struct verb's `opts`). */
enum cmd_vopt {
	CMD_VO_QUIET = 1u << 0,      /* due --quiet */
	CMD_VO_COUNT = 1u << 1,      /* due --count */
	CMD_VO_FORMAT = 1u << 2,     /* due --format=line, status --format=json, report --format */
	CMD_VO_INSTALL = 1u << 3,    /* remind --install */
	CMD_VO_DRY_RUN = 1u << 4,    /* remind --install --dry-run */
	CMD_VO_PRINT_CRON = 1u << 5, /* remind --print-cron */
	CMD_VO_UNTIL = 1u << 6,      /* pause --until DATE */
	CMD_VO_REASON = 1u << 7,     /* pause --reason R */
	CMD_VO_WEEKS = 1u << 8,      /* report --weeks N */
	CMD_VO_SINCE = 1u << 9,      /* report --since DATE */
	CMD_VO_OUTPUT = 1u << 10,    /* report and calendar -o, --output FILE */
	CMD_VO_DAYS = 1u << 11,      /* progress hold --days N */
	CMD_VO_HISTORY = 1u << 12,   /* calendar --history */
	CMD_VO_VERBOSE = 1u << 13,   /* remind --verbose */
	CMD_VO_PEG = 1u << 14,       /* checkin --peg P E G */
	CMD_VO_DATE = 1u << 15,      /* log --date DATE */
	CMD_VO_PAIN = 1u << 16,      /* log --pain N */
	CMD_VO_PAIN_BEFORE = 1u << 17, /* log --pain-before N */
	CMD_VO_STATUS = 1u << 18,      /* log --status done|partial */
	CMD_VO_ANSWER = 1u << 19,      /* checkin --answer ID A1 A2 ... */
};

/* Everything the command line said. */
struct options {
	const struct verb *verb; /* the verb, or the player's row when none was named */
	bool verb_named;         /* a verb was given (a word, or an option such as --list) */
	char **args;             /* the verb's arguments (the player's: its ID) */
	unsigned n_args;
	bool help;    /* -h, --help, or `help`: say what the verb (or lumbar) does */
	bool version; /* -V, --version */

	/* Global options. */
	const char *format; /* --format before the verb, or after one that has none: tsv|text */
	bool tsv;
	const char *catalogue;
	const char *history_file;
	const char *on_phase;
	enum cat_level level;
	const char *today; /* --today YYYY-MM-DD, checked; NULL for the real day */
	int32_t today_day; /* the same as a day number */
	const char *days;  /* --days N (progress hold) */
	bool bell, flash, color, speak;
	bool figure; /* the player's figure: false with --no-figure or figure: false */
	bool no_ask; /* --no-ask: no question or first-run screen this run */
	/* The line mode (issue 24): --lines, or `interface: lines` in config.yaml. */
	bool lines;
	/* Which of the above the command line set, so they beat the config file. */
	bool set_level, set_bell, set_color, set_speak, set_on_phase, set_figure;

	/* The verb's own options: CMD_VO_* given, and their values. */
	unsigned given;
	const char *vformat, *until, *reason, *weeks, *since, *output;
	const char *date, *pain, *pain_before, *status; /* lumbar log's */
	const char *answer;                             /* checkin --answer's questionnaire id */

	/* From config.yaml (main's settings), not the command line. */
	bool ask_pain_before;         /* default true */
	bool ask_morning;             /* the morning check-in, default true */
	bool ask_outcomes;            /* the questionnaires' offers (issue 22), default true */
	const char *emergency_number; /* NULL: the safety screen's default */
};

/*
 * Read argv into o. Returns 0, or an exit status (64) with the reason
 * already said on stderr as `lumbar: ... (try 'lumbar --help')`. `no_color`
 * is $NO_COLOR: set and not empty, it counts as --no-color.
 */
int cmd_parse(int argc, char **argv, const char *no_color, struct options *o);

/*
 * The verb's first argument is missing: "VERB needs WHAT" (its row's
 * `needs`) as cmd_usage_error() says it; returns 64. cmd_parse() says it
 * below the row's min_args; a handler whose options change what it needs
 * (checkin --peg, --answer) says it itself.
 */
int cmd_needs_error(const struct options *o);

/* Whether the command o names writes a file (then it takes no --today). */
bool cmd_writes(const struct options *o);

/* One line on stderr, the user's words escaped, with a hint; returns 64. */
int cmd_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
