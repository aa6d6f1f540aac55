/*
 * main.c - arguments, choosing and loading the catalogue, and dispatch to a
 * plain-text mode or the full screen.
 *
 * Everything that can fail happens here, before the first frame: a person
 * who mistyped an option gets one line on stderr and an exit status from
 * sysexits(3), never a half-drawn screen.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalogue_load.h"
#include "cli_text.h"
#include "config.h"
#include "events.h"
#include "history.h"
#include "hook.h"
#include "settings.h"
#include "plan.h"
#include "ui.h"

/* sysexits(3) values, spelled out so the contract is visible here. */
enum {
	EXIT_USAGE = 64,       /* bad usage, unknown id or level */
	EXIT_DATAERR = 65,     /* bad catalogue */
	EXIT_NOINPUT = 66,     /* unreadable file */
	EXIT_UNAVAILABLE = 69, /* --speak without a speech program */
	EXIT_IOERR = 74,       /* standard output or a file could not be written */
};

enum mode {
	MODE_PLAYER,
	MODE_LIST,
	MODE_SHOW,
	MODE_PLAN,
	MODE_CHECK,
	MODE_HISTORY,
	MODE_CHECKIN,
	MODE_VERSION,
	MODE_HELP,
};

struct options {
	enum mode mode;
	const char *target; /* ID, "all", "due", or NULL */
	const char *catalogue;
	const char *check_file;
	const char *history_file;
	const char *on_phase;
	enum cat_level level;
	bool tsv;
	bool bell, flash, color, speak;
	bool no_ask; /* --no-ask: no question or first-run screen this run */
	/* Which of the above the command line set, so they beat the config file. */
	bool set_level, set_bell, set_color, set_speak, set_on_phase;
};

static const char *progname = "lumbar";

/* Room for a path: PATH_MAX on Linux, counting the NUL. */
enum { PATH_LEN = 4096 };

static void usage(FILE *fp)
{
	fprintf(fp, "Usage: lumbar [OPTIONS] [ID|all|due]\n"
	            "       lumbar checkin N\n"
	            "       lumbar safety\n"
	            "A timer that walks you through a lower-back exercise routine.\n"
	            "\n"
	            "With no ID, opens the menu. With an ID or `all`, starts it at once.\n"
	            "\n"
	            "Plain-text modes:\n"
	            "  -l, --list             list the exercises with length and frequency\n"
	            "  -s, --show ID          everything about one exercise\n"
	            "  -p, --plan [ID|all]    the timeline as a table (default: all)\n"
	            "      --format=tsv       tab-separated output (--list, --plan, --history)\n"
	            "  -c, --check FILE       validate a catalogue; silent when it is fine\n"
	            "  -H, --history          what you did today and this week, streaks, pain\n"
	            "  checkin N              record back pain this morning, 0-10\n"
	            "  safety                 when to get help: the two lists, then exit\n"
	            "\n"
	            "Options:\n"
	            "  -C, --catalogue FILE   use this catalogue instead of the usual lookup\n"
	            "  -L, --level LEVEL      easy (default), medium or hard\n"
	            "      --history-file FILE  where finished exercises are logged\n"
	            "      --no-bell          no sound at phase changes (the screen flashes)\n"
	            "  -q, --quiet            neither sound nor flash\n"
	            "      --no-color         no colours (also: NO_COLOR=1)\n"
	            "      --color            colours, even if NO_COLOR or config.yaml say none\n"
	            "      --speak            speak each phase (espeak-ng, espeak or say)\n"
	            "      --no-speak         do not speak, even if config.yaml says speak\n"
	            "      --on-phase CMD     run CMD through /bin/sh at each phase change\n"
	            "                         ('' for none, even if config.yaml sets one)\n"
	            "      --no-ask           no questions and no first-run screen this run\n"
	            "  -h, --help             show this help\n"
	            "  -V, --version          show the version and the catalogue in use\n"
	            "\n"
	            "Exit status: 0 ok, 3 a safety list applies, 64 usage, 65 bad catalogue,\n"
	            "66 unreadable file, 71 out of memory, 74 output not written.\n"
	            "General advice from a public article, not a physiotherapist's:\n"
	            "stop any exercise that increases your pain. See lumbar(1).\n");
}

/* One line on stderr with a hint, and the usage exit status. */
static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
	va_list ap;
	char raw[1024], safe[4 * sizeof(raw)];

	/* The arguments are the user's words: echoed escaped, never raw. */
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s (try 'lumbar --help')\n", progname,
	        cat_escape(safe, sizeof(safe), raw));
	return EXIT_USAGE;
}

enum {
	OPT_FORMAT = 256,
	OPT_NO_BELL,
	OPT_NO_COLOR,
	OPT_COLOR,
	OPT_HISTORY_FILE,
	OPT_SPEAK,
	OPT_NO_SPEAK,
	OPT_ON_PHASE,
	OPT_NO_ASK,
};

static const struct option long_options[] = {
	{ "list", no_argument, NULL, 'l' },
	{ "show", required_argument, NULL, 's' },
	{ "plan", optional_argument, NULL, 'p' },
	{ "check", required_argument, NULL, 'c' },
	{ "history", no_argument, NULL, 'H' },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "catalogue", required_argument, NULL, 'C' },
	{ "catalog", required_argument, NULL, 'C' },
	{ "level", required_argument, NULL, 'L' },
	{ "history-file", required_argument, NULL, OPT_HISTORY_FILE },
	{ "no-bell", no_argument, NULL, OPT_NO_BELL },
	{ "quiet", no_argument, NULL, 'q' },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "color", no_argument, NULL, OPT_COLOR },
	{ "colour", no_argument, NULL, OPT_COLOR },
	{ "speak", no_argument, NULL, OPT_SPEAK },
	{ "no-speak", no_argument, NULL, OPT_NO_SPEAK },
	{ "on-phase", required_argument, NULL, OPT_ON_PHASE },
	{ "no-ask", no_argument, NULL, OPT_NO_ASK },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* Later modes win over earlier ones only if none was set: two modes is usage. */
static int set_mode(struct options *o, enum mode m, const char *name)
{
	if (o->mode != MODE_PLAYER && o->mode != m)
		return usage_error("%s cannot be combined with another mode", name);
	o->mode = m;
	return 0;
}

static int parse_args(int argc, char **argv, struct options *o)
{
	int c, rc;
	const char *no_color = getenv("NO_COLOR");

	*o = (struct options){ .mode = MODE_PLAYER,
		               .level = CAT_LEVEL_EASY,
		               .bell = true,
		               .flash = true,
		               .color = true };
	/* NO_COLOR counts as a command-line choice: it beats the config file. */
	if (no_color && *no_color) {
		o->color = false;
		o->set_color = true;
	}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":ls:p::c:HC:L:qhV", long_options, NULL)) != -1) {
		rc = 0;
		switch (c) {
		case 'l':
			rc = set_mode(o, MODE_LIST, "--list");
			break;
		case 's':
			rc = set_mode(o, MODE_SHOW, "--show");
			o->target = optarg;
			break;
		case 'p':
			rc = set_mode(o, MODE_PLAN, "--plan");
			if (optarg)
				o->target = optarg;
			break;
		case 'c':
			rc = set_mode(o, MODE_CHECK, "--check");
			o->check_file = optarg;
			break;
		case 'H':
			rc = set_mode(o, MODE_HISTORY, "--history");
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "tsv") == 0)
				o->tsv = true;
			else if (strcmp(optarg, "text") == 0)
				o->tsv = false;
			else
				return usage_error("unknown format '%s' (use tsv or text)", optarg);
			break;
		case 'C':
			o->catalogue = optarg;
			break;
		case 'L':
			if (cat_level_parse(optarg, &o->level) != 0)
				return usage_error("unknown level '%s' (use easy, medium or hard)",
				                   optarg);
			o->set_level = true;
			break;
		case OPT_HISTORY_FILE:
			o->history_file = optarg;
			break;
		case OPT_NO_BELL:
			o->bell = false;
			o->set_bell = true;
			break;
		case 'q':
			o->bell = false;
			o->flash = false;
			o->set_bell = true;
			break;
		case OPT_NO_COLOR:
			o->color = false;
			o->set_color = true;
			break;
		case OPT_COLOR:
			o->color = true;
			o->set_color = true;
			break;
		case OPT_SPEAK:
		case OPT_NO_SPEAK:
			o->speak = c == OPT_SPEAK;
			o->set_speak = true;
			break;
		case OPT_ON_PHASE:
			if (strlen(optarg) > HOOK_MAX_COMMAND)
				return usage_error("--on-phase command is longer than %d bytes",
				                   HOOK_MAX_COMMAND);
			/* An empty command is none, and beats the config file's. */
			o->on_phase = *optarg ? optarg : NULL;
			o->set_on_phase = true;
			break;
		case OPT_NO_ASK:
			o->no_ask = true;
			break;
		case 'h':
			o->mode = MODE_HELP;
			return 0;
		case 'V':
			rc = set_mode(o, MODE_VERSION, "--version");
			break;
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		case '?':
		default:
			if (optopt)
				fprintf(stderr, "%s: unknown option '-%c' (try 'lumbar --help')\n",
				        progname, optopt);
			else
				return usage_error("unknown option '%s'", argv[optind - 1]);
			return EXIT_USAGE;
		}
		if (rc)
			return rc;
	}

	/* `checkin N`: a command word, then the score (checked in main). */
	if (optind < argc && o->mode == MODE_PLAYER && strcmp(argv[optind], "checkin") == 0) {
		o->mode = MODE_CHECKIN;
		if (++optind >= argc)
			return usage_error("checkin needs back pain this morning, 0-10");
		o->target = argv[optind++];
	}
	if (optind < argc) {
		if (o->target && o->mode != MODE_PLAYER)
			return usage_error("unexpected argument '%s'", argv[optind]);
		o->target = argv[optind++];
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if (o->target && (o->mode == MODE_LIST || o->mode == MODE_CHECK || o->mode == MODE_HISTORY))
		return usage_error("unexpected argument '%s'", o->target);
	return 0;
}

/* ---- Settings file ------------------------------------------------------------ */

/*
 * Read $XDG_CONFIG_HOME/lumbar/config.yaml and fill in what the command line
 * left unset. The file's errors are the catalogue's: FILE:LINE:COL, exit 65.
 */
static int apply_settings(struct options *o, struct settings *st)
{
	char path[PATH_LEN];
	struct cat_error err;
	enum cat_status rc;

	settings_init(st);
	if (settings_path(getenv("XDG_CONFIG_HOME"), getenv("HOME"), path, sizeof(path)) != 0)
		return 0;
	rc = settings_load_file(path, st, &err);
	if (rc != CAT_OK) {
		cat_error_print(stderr, path, &err);
		return (int)rc;
	}
	if (st->have_level && !o->set_level)
		o->level = st->level;
	if (st->bell >= 0 && !o->set_bell)
		o->bell = st->bell;
	if (st->color >= 0 && !o->set_color)
		o->color = st->color;
	if (st->speak >= 0 && !o->set_speak)
		o->speak = st->speak;
	if (st->on_phase && !o->set_on_phase)
		o->on_phase = st->on_phase;
	return 0;
}

/* ---- Catalogue --------------------------------------------------------------- */

struct loaded {
	struct catalogue *cat;
	enum cat_source source;
	char path[PATH_LEN];
};

static void lookup_catalogue(const struct options *o, struct loaded *l)
{
	struct cat_lookup_env env = {
		.option = o->catalogue,
		.lumbar_catalogue = getenv("LUMBAR_CATALOGUE"),
		.xdg_config_home = getenv("XDG_CONFIG_HOME"),
		.home = getenv("HOME"),
		.datadir = LUMBAR_DATADIR,
	};

	l->source = cat_lookup(&env, l->path, sizeof(l->path));
}

static int load_catalogue(const struct options *o, struct loaded *l)
{
	struct cat_error err;
	enum cat_status st;

	lookup_catalogue(o, l);
	if (l->source == CAT_SRC_BUILTIN)
		st = cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &l->cat, &err);
	else
		st = cat_load_file(l->path, &l->cat, &err);
	if (st != CAT_OK) {
		cat_error_print(
		    stderr, l->source == CAT_SRC_BUILTIN ? "(built-in catalogue)" : l->path, &err);
		return (int)st;
	}
	return 0;
}

/* ---- Modes ------------------------------------------------------------------- */

static int find_exercise(const struct catalogue *cat, const char *id, unsigned *out)
{
	int i = cat_find(cat, id);

	if (i < 0) {
		char safe[4 * CAT_MAX_ID + 64];

		fprintf(stderr, "%s: no exercise '%s' (see 'lumbar --list')\n", progname,
		        cat_escape(safe, sizeof(safe), id));
		return EXIT_USAGE;
	}
	*out = (unsigned)i;
	return 0;
}

static int run_plan(const struct options *o, const struct catalogue *cat)
{
	struct plan plan;
	unsigned ex;
	int rc;

	if (!o->target || strcmp(o->target, "all") == 0) {
		(void)plan_build_all(cat, o->level, &plan);
	} else {
		if ((rc = find_exercise(cat, o->target, &ex)) != 0)
			return rc;
		(void)plan_build_one(cat, ex, o->level, &plan);
	}
	cli_plan(stdout, cat, &plan, o->tsv);
	plan_free(&plan);
	return 0;
}

static int run_check(const char *file)
{
	struct catalogue *cat;
	struct cat_error err;
	enum cat_status st = cat_load_file(file, &cat, &err);

	if (st != CAT_OK) {
		cat_error_print(stderr, file, &err);
		return (int)st;
	}
	cat_free(cat);
	return 0;
}

/* Damaged history lines are named on stderr, once each, and skipped. */
static void warn_history_line(void *ctx, unsigned line, const char *why)
{
	fprintf(stderr, "%s:%u: %s\n", (const char *)ctx, line, why);
}

static int run_history(const struct options *o, const struct catalogue *cat, const char *path)
{
	struct hist h = { 0 };
	struct hist_summary sum;
	struct hist_error err;

	if (hist_load(path, &h, warn_history_line, (void *)(uintptr_t)path, &err) != 0) {
		fprintf(stderr, "%s: %s\n", progname, err.msg);
		return EXIT_NOINPUT;
	}
	(void)hist_summarize(&h, cat, time(NULL), &sum); /* out of memory exits */
	cli_history(stdout, cat, &sum, path, o->tsv);
	hist_summary_free(&sum);
	hist_free(&h);
	return 0;
}

/* `lumbar checkin N`: a morning event in events.tsv beside the history. */
static int run_checkin(const char *score, const char *history)
{
	struct ev_event e;
	struct hist_error err;
	char path[4096];

	ev_init(&e, EV_MORNING, time(NULL));
	if (hist_parse_score(score, strlen(score), &e.score) != 0 || e.score == HIST_NO_PAIN)
		return usage_error("checkin wants back pain this morning from 0 to 10, not '%s'",
		                   score);
	if (!*history) {
		fprintf(stderr, "%s: no history without HOME; use --history-file FILE\n", progname);
		return EXIT_USAGE;
	}
	if (ev_path(history, path, sizeof(path)) != 0) {
		fprintf(stderr, "%s: the history path is too long\n", progname);
		return EXIT_USAGE;
	}
	if (ev_append(path, &e, &err) != 0) {
		fprintf(stderr, "%s: %s\n", progname, err.msg);
		return EXIT_IOERR;
	}
	printf("Back pain this morning: %d/10, recorded in %s\n", e.score, path);
	return 0;
}

/* --no-ask and the settings of the safety screen and the morning check-in. */
static void safety_options(const struct options *o, const struct settings *st, struct ui_options *u)
{
	u->ask = !o->no_ask;
	u->ask_morning = st->ask_morning != 0;
	u->emergency_number = st->emergency_number;
}

static int run_player(const struct options *o, const struct settings *st,
                      const struct catalogue *cat, const char *history)
{
	struct ui_options u = {
		.cat = cat,
		.level = o->level,
		.start = UI_START_MENU,
		.bell = o->bell,
		.flash = o->flash,
		.color = o->color,
		.history_path = *history ? history : NULL,
		.on_phase = o->on_phase,
	};
	safety_options(o, st, &u);
	char msg[256];
	int rc;

	if (o->target) {
		if (strcmp(o->target, "all") == 0) {
			u.start = UI_START_ROUTINE;
		} else if (strcmp(o->target, "due") == 0) {
			u.start = UI_START_DUE;
		} else if (strcmp(o->target, "safety") == 0) {
			u.start = UI_START_SAFETY;
		} else {
			if ((rc = find_exercise(cat, o->target, &u.exercise)) != 0)
				return rc;
			u.start = UI_START_EXERCISE;
		}
	}
	/* Said now, on a plain terminal: once the screen is up it would be lost. */
	if (o->speak && !(u.speaker = hook_speaker(getenv("PATH"), msg, sizeof(msg)))) {
		fprintf(stderr, "%s: --speak: %s\n", progname, msg);
		return EXIT_UNAVAILABLE;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr,
		        "%s: the timer needs a terminal; for plain text use 'lumbar --list' or "
		        "'lumbar --plan'\n",
		        progname);
		return 1;
	}
	return ui_run(&u);
}

/* Everything printed reached standard output, or say so: exit 74 (EX_IOERR). */
static int flush_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write output: %s\n", progname, strerror(errno));
		return rc ? rc : EXIT_IOERR;
	}
	return rc;
}

/*
 * Why there is no history path: none to derive (no HOME), or one too long.
 * The player runs without a history when there is no HOME; a path too long
 * is always an error, as the user meant a file and would lose what is done.
 */
static int history_path_error(const struct options *o, int why)
{
	if (why == ENAMETOOLONG && o->history_file)
		fprintf(stderr, "%s: --history-file: the path is too long (over %d bytes)\n",
		        progname, PATH_LEN - 1);
	else if (why == ENAMETOOLONG)
		fprintf(stderr,
		        "%s: the history path under $XDG_STATE_HOME or $HOME is too long (over %d "
		        "bytes); use --history-file FILE\n",
		        progname, PATH_LEN - 1);
	else
		fprintf(stderr, "%s: no history without HOME; use --history-file FILE\n", progname);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	struct options o;
	struct loaded l = { 0 };
	struct settings st;
	char history[PATH_LEN];
	int rc;

	/* A full disk or a file-size limit must be an error we report, not death. */
	signal(SIGXFSZ, SIG_IGN);

	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc;
	/* Without HOME there is no history, but the timer still runs. */
	int no_history = hist_path(o.history_file, getenv("XDG_STATE_HOME"), getenv("HOME"),
	                           history, sizeof(history));

	switch (o.mode) {
	case MODE_HELP:
		usage(stdout);
		return flush_stdout(0);
	case MODE_CHECK:
		return run_check(o.check_file);
	case MODE_CHECKIN:
		rc = run_checkin(o.target, history);
		if (fflush(stdout) != 0 || ferror(stdout))
			return rc ? rc : 74;
		return rc;
	default:
		break;
	}
	if ((rc = apply_settings(&o, &st)) != 0)
		return rc;

	switch (o.mode) {
	case MODE_VERSION:
		/* Says which catalogue would be used, without judging it. */
		lookup_catalogue(&o, &l);
		printf("lumbar %s\ncatalogue: %s (%s)\n", LUMBAR_VERSION,
		       l.source == CAT_SRC_BUILTIN ? "built-in copy" : l.path,
		       cat_source_name(l.source));
		settings_free(&st);
		return flush_stdout(0);
	case MODE_HISTORY:
	case MODE_PLAYER:
		if (no_history == ENAMETOOLONG || (no_history && o.mode == MODE_HISTORY)) {
			settings_free(&st);
			return history_path_error(&o, no_history);
		}
		break;
	default:
		break;
	}

	if ((rc = load_catalogue(&o, &l)) != 0) {
		settings_free(&st);
		return rc;
	}

	switch (o.mode) {
	case MODE_LIST:
		cli_list(stdout, l.cat, o.level, o.tsv);
		break;
	case MODE_SHOW: {
		unsigned ex;
		if ((rc = find_exercise(l.cat, o.target, &ex)) == 0)
			cli_show(stdout, l.cat, ex, o.level);
		break;
	}
	case MODE_PLAN:
		rc = run_plan(&o, l.cat);
		break;
	case MODE_HISTORY:
		rc = run_history(&o, l.cat, history);
		break;
	default:
		rc = run_player(&o, &st, l.cat, history);
		break;
	}
	cat_free(l.cat);
	settings_free(&st);
	return flush_stdout(rc);
}
