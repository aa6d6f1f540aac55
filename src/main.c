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
#include <limits.h>
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
#include "file.h"
#include "history.h"
#include "hook.h"
#include "settings.h"
#include "plan.h"
#include "progress.h"
#include "records.h"
#include "remind.h"
#include "status.h"
#include "steps.h"
#include "report.h"
#include "ui.h"
#include "verbs.h"
#include "words.h"

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
	MODE_PROGRESS,
	MODE_VERSION,
	MODE_HELP,
};

struct options {
	enum mode mode;
	const char *target;      /* ID, ROUTINE, "all", "due", or NULL */
	const struct verb *verb; /* with MODE_HELP: the verb asked about, or NULL */
	const char *catalogue;
	const char *check_file;
	const char *history_file;
	const char *on_phase;
	enum cat_level level;
	const char *progress_verb; /* `set` or `hold` after `progress`, or NULL */
	const char *progress_arg;  /* progress set's step */
	const char *days, *today;  /* progress hold --days N; progress --today DATE */
	bool tsv;
	bool bell, flash, color, speak;
	bool no_ask;          /* --no-ask: no question or first-run screen this run */
	bool ask_pain_before; /* config ask_pain_before, default true */
	/* From config.yaml: the morning check-in (default true) and the number to call. */
	bool ask_morning;
	const char *emergency_number; /* NULL: the safety screen's default */
	/* Which of the above the command line set, so they beat the config file. */
	bool set_level, set_bell, set_color, set_speak, set_on_phase;
};

static const char *progname = "lumbar";

/* Room for a path: PATH_MAX on Linux, counting the NUL. */
enum { PATH_LEN = 4096 };

static void usage(FILE *fp)
{
	fprintf(fp, "Usage: lumbar [OPTIONS] [ID|ROUTINE|all|due]\n"
	            "       lumbar COMMAND [ARGS] [OPTIONS]\n"
	            "A timer that walks you through a lower-back exercise routine.\n"
	            "\n"
	            "With no ID, opens the menu. With an exercise, a routine such as\n"
	            "`morning`, or `all`, starts it at once.\n"
	            "\n");
	verbs_print_list(fp);
	fprintf(fp, "'lumbar help COMMAND' or 'lumbar COMMAND --help' says more about one.\n"
	            "Scripts may spell the plain modes as options too: -l, --list;\n"
	            "-s, --show ID; -p, --plan[=ID]; -c, --check FILE; -H, --history.\n"
	            "\n"
	            "Options:\n"
	            "      --format=tsv       tab-separated output (list, plan, history)\n"
	            "  -C, --catalogue FILE   use this catalogue instead of the usual lookup\n"
	            "  -L, --level LEVEL      easy, medium or hard for every exercise, this run\n"
	            "                         (default: each exercise at its own step)\n"
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
	OPT_DAYS,
	OPT_TODAY,
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
	{ "days", required_argument, NULL, OPT_DAYS },
	{ "today", required_argument, NULL, OPT_TODAY },
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

/* ---- Verbs: the table is verbs.c's, the handlers fill in the options ---------- */

/* -1 when args[0] is no verb; else 0 or the exit status of a usage error. */
static int parse_verb(struct options *o, int argc, char **args)
{
	const struct verb *v = verb_find(args[0]);
	unsigned n = (unsigned)argc - 1;

	if (v == NULL || v->run == NULL) /* run_remind_verbs() has these */
		return -1;
	if (n < v->min_args)
		return usage_error("%s needs %s", v->name, v->needs);
	if (n > v->max_args)
		return usage_error("unexpected argument '%s'", args[1 + v->max_args]);
	return v->run(o, args + 1, n);
}

int verb_run_list(struct options *o, char **args, unsigned n)
{
	(void)args, (void)n;
	return set_mode(o, MODE_LIST, "list");
}

int verb_run_show(struct options *o, char **args, unsigned n)
{
	(void)n;
	o->target = args[0];
	return set_mode(o, MODE_SHOW, "show");
}

int verb_run_plan(struct options *o, char **args, unsigned n)
{
	o->target = n ? args[0] : o->target;
	return set_mode(o, MODE_PLAN, "plan");
}

int verb_run_check(struct options *o, char **args, unsigned n)
{
	(void)n;
	o->check_file = args[0];
	return set_mode(o, MODE_CHECK, "check");
}

int verb_run_history(struct options *o, char **args, unsigned n)
{
	(void)args, (void)n;
	return set_mode(o, MODE_HISTORY, "history");
}

int verb_run_checkin(struct options *o, char **args, unsigned n)
{
	(void)n;
	o->target = args[0];
	return set_mode(o, MODE_CHECKIN, "checkin");
}

int verb_run_due(struct options *o, char **args, unsigned n)
{
	(void)args, (void)n;
	o->target = "due";
	return set_mode(o, MODE_PLAYER, "due");
}

int verb_run_safety(struct options *o, char **args, unsigned n)
{
	(void)args, (void)n;
	o->target = "safety";
	return set_mode(o, MODE_PLAYER, "safety");
}

int verb_run_help(struct options *o, char **args, unsigned n)
{
	o->mode = MODE_HELP;
	if (n && (o->verb = verb_find(args[0])) == NULL)
		return usage_error("no command '%s'", args[0]);
	return 0;
}

/*
 * `progress [ID]`, `progress set ID N`, `progress hold ID [--days N]`; and
 * --days and --today only with them.
 */
static int parse_progress(int argc, char **argv, struct options *o)
{
	if (optind < argc && o->mode == MODE_PLAYER && strcmp(argv[optind], "progress") == 0) {
		o->mode = MODE_PROGRESS;
		optind++;
		if (optind < argc &&
		    (strcmp(argv[optind], "set") == 0 || strcmp(argv[optind], "hold") == 0)) {
			o->progress_verb = argv[optind++];
			if (optind >= argc)
				return usage_error("progress %s needs an exercise id",
				                   o->progress_verb);
			o->target = argv[optind++];
			if (strcmp(o->progress_verb, "set") == 0) {
				if (optind >= argc)
					return usage_error("progress set needs a step number");
				o->progress_arg = argv[optind++];
			}
		} else if (optind < argc) {
			o->target = argv[optind++];
		}
	}
	if (o->days && (!o->progress_verb || strcmp(o->progress_verb, "hold") != 0))
		return usage_error("--days goes with 'progress hold'");
	if (o->today && o->mode != MODE_PROGRESS)
		return usage_error("--today goes with 'progress'");
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
		               .color = true,
		               .ask_pain_before = true,
		               .ask_morning = true };
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
		case OPT_DAYS:
			o->days = optarg;
			break;
		case OPT_TODAY:
			o->today = optarg;
			break;
		case 'h':
			o->mode = MODE_HELP;
			o->verb = verb_in_args(argc, argv);
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

	/* `lumbar VERB ARGS`: verbs.c's table, whose handlers are below. */
	if (optind < argc && (rc = parse_verb(o, argc - optind, argv + optind)) >= 0) {
		if (rc)
			return rc;
		optind = argc;
	}
	if ((rc = parse_progress(argc, argv, o)) != 0)
		return rc;
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
	if (st->ask_pain_before >= 0)
		o->ask_pain_before = st->ask_pain_before;
	if (st->ask_morning >= 0)
		o->ask_morning = st->ask_morning;
	o->emergency_number = st->emergency_number;
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

/* ---- Steps (issue 13) ---------------------------------------------------------- */

/* Damaged history lines are named on stderr, once each, and skipped. */

/*
 * The record of `history` and the events.tsv beside it, loaded once for the
 * command (records.h): damaged lines and lines dated in the future named on
 * stderr (cli_damage) unless `quiet`, lines after `as_of` (--today; INT32_MIN
 * for none) left out. `since`, `kinds` and `steps` are as records.h says.
 * A file that cannot be read is said (unless quiet) and returns
 * EXIT_NOINPUT with r empty. Running out of memory is 71, as xmalloc()
 * exits.
 */
static int load_records(struct records *r, const char *history, time_t now, int32_t as_of,
                        int32_t since, unsigned kinds, bool steps, bool quiet)
{
	char events[PATH_LEN] = "";
	struct hist_error err;
	struct cli_damage dh = { history, 0 }, de = { events, 0 };

	if (*history && ev_path(history, events, sizeof(events)) != 0)
		events[0] = '\0';
	struct rec_request q = {
		.history = history,
		.events = events,
		.now = now,
		.as_of = as_of != INT32_MIN,
		.today = as_of,
		.since = since,
		.kinds = kinds,
		.steps = steps,
		.warn = quiet ? NULL : cli_damage_line,
		.warn_history = &dh,
		.warn_events = &de,
	};
	int rc = rec_load(r, &q, &err);
	if (!quiet) {
		cli_damage_end(&dh);
		cli_damage_end(&de);
		if (rc != 0)
			fprintf(stderr, "%s: %s\n", progname, err.msg);
	}
	if (rc != 0 && err.errnum == ENOMEM)
		return FILE_EXIT_NOMEM; /* out of memory is 71 everywhere, never 66 */
	return rc != 0 ? EXIT_NOINPUT : 0;
}

/* Each exercise's step from the record, or out of memory: exit 71 (file.h). */
static void record_steps(const struct records *r, const struct catalogue *cat,
                         const struct steps_rules *rules, struct prg_result *res)
{
	if (rec_steps(r, cat, rules, res) != 0) {
		fprintf(stderr, "%s: out of memory\n", progname);
		exit(71);
	}
}

/* The dose in use: --level, or `level:` in config.yaml, forces one level; else the steps. */
static void dose_in_use(const struct options *o, const struct settings *st,
                        const struct catalogue *cat, const struct prg_result *res,
                        struct plan_dose *dose)
{
	if (o->set_level || st->have_level)
		plan_dose_level(dose, o->level);
	else
		steps_dose(cat, res, dose);
}

/*
 * Each exercise's step, derived from the record (steps.h), into res (may be
 * NULL) and the dose source the plain modes and the player use, as of
 * `as_of` (INT32_MIN: now). A history that cannot be read is said on stderr
 * and counts as empty.
 */
static void derive_steps(const struct options *o, const struct settings *st,
                         const struct catalogue *cat, const struct steps_rules *rules,
                         const char *history, time_t now, int32_t as_of, struct prg_result *res,
                         struct plan_dose *dose, struct records *keep)
{
	struct records own, *r = keep ? keep : &own;
	struct prg_result local[CAT_MAX_EXERCISES];

	if (!res)
		res = local;
	/* The screens read the files again and name what is wrong themselves. */
	(void)load_records(r, history, now, as_of, INT32_MIN, REC_KINDS_PAUSES, true,
	                   o->mode == MODE_PLAYER);
	record_steps(r, cat, rules, res);
	if (!keep)
		rec_free(&own);
	dose_in_use(o, st, cat, res, dose);
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

static int run_plan(const struct options *o, const struct catalogue *cat,
                    const struct plan_dose *dose)
{
	struct plan plan;
	unsigned idx[CAT_MAX_EXERCISES], n = 0;
	int rc;

	if (!o->target || strcmp(o->target, "all") == 0) {
		for (n = 0; n < cat->n_exercises; n++)
			idx[n] = n;
	} else if ((rc = cat_find_routine(cat, o->target)) >= 0) {
		const struct cat_routine *r = &cat->routines[rc];

		for (n = 0; n < r->n_exercises; n++)
			idx[n] = r->exercises[n];
	} else {
		if ((rc = find_exercise(cat, o->target, &idx[0])) != 0)
			return rc;
		n = 1;
	}
	(void)plan_build_dose(cat, idx, n, dose, &plan);
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

/* Damaged history and events lines are named on stderr (cli_damage) and skipped. */
static int run_history(const struct options *o, const struct catalogue *cat, const char *path,
                       const struct steps_rules *rules)
{
	static struct prg_result steps[CAT_MAX_EXERCISES];
	struct records r;
	struct hist_summary sum;

	/* Each file read once: the figures, the steps and the pauses all come from the record. */
	if (load_records(&r, path, time(NULL), INT32_MIN, INT32_MIN, REC_KINDS_PAUSES, true,
	                 false) != 0)
		return EXIT_NOINPUT;
	record_steps(&r, cat, rules, steps);
	(void)rec_summary(&r, cat, &sum); /* out of memory exits */
	cli_history(stdout, cat, &sum, steps, path, o->tsv);
	hist_summary_free(&sum);
	rec_free(&r);
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

/* A whole number from min to max, or -1. */
static long whole_number(const char *s, long min, long max)
{
	char *end;
	long v;

	if (!s || *s < '0' || *s > '9' || strlen(s) > 6)
		return -1;
	v = strtol(s, &end, 10);
	return *end || v < min || v > max ? -1 : v;
}

/* `progress set ID N` and `progress hold ID [--days N]`: one event in events.tsv. */
static int run_progress_event(const struct options *o, const struct catalogue *cat, unsigned ex,
                              const struct prg_result *res, const char *history, time_t now)
{
	const struct cat_exercise *e = &cat->exercises[ex];
	bool set = strcmp(o->progress_verb, "set") == 0;
	long v = set       ? whole_number(o->progress_arg, 0, res->steps)
	         : o->days ? whole_number(o->days, 0, 3650)
	                   : 7;
	struct ev_event ev;
	struct hist_error err;
	struct prg_dose d;
	char path[PATH_LEN], words[256], day[16];

	if (v < 0 && set)
		return usage_error("progress set: %s has steps 0 to %u, not '%s'", e->id,
		                   res->steps, o->progress_arg);
	if (v < 0)
		return usage_error("--days wants a number of days from 0 to 3650, not '%s'",
		                   o->days);
	if (!*history) {
		fprintf(stderr, "%s: no history without HOME; use --history-file FILE\n", progname);
		return EXIT_USAGE;
	}
	if (ev_path(history, path, sizeof(path)) != 0) {
		fprintf(stderr, "%s: the history path is too long\n", progname);
		return EXIT_USAGE;
	}
	ev_init(&ev, set ? EV_SET : EV_HOLD, now);
	snprintf(ev.exercise, sizeof(ev.exercise), "%s", e->id);
	snprintf(ev.value, sizeof(ev.value), "%d", (int)v);
	if (ev_append(path, &ev, &err) != 0) {
		fprintf(stderr, "%s: %s\n", progname, err.msg);
		return EXIT_IOERR;
	}
	if (set) {
		prg_dose(e, (unsigned)v, &d);
		printf("%s: step %ld/%u (%s), recorded in %s\n", e->name, v, res->steps,
		       words_dose(e, &d, words, sizeof(words)), path);
	} else if (v == 0) {
		printf("%s: hold ended, recorded in %s\n", e->name, path);
	} else {
		printf("%s: no step up until %s, recorded in %s\n", e->name,
		       hist_format_day(hist_today(now) + (int32_t)v, day, sizeof(day)), path);
	}
	return 0;
}

/* `lumbar progress ...`: the steps, or an event that moves one. */
static int run_progress(const struct options *o, const struct settings *st,
                        const struct catalogue *cat, const char *history)
{
	struct prg_result res[CAT_MAX_EXERCISES];
	struct plan_dose dose;
	struct steps_rules rules;
	unsigned ex = 0;
	time_t now = time(NULL);
	int rc;

	if (o->target && (rc = find_exercise(cat, o->target, &ex)) != 0)
		return rc;
	int32_t as_of = INT32_MIN;
	if (o->today) {
		int32_t day;
		time_t when;
		char ts[40];

		/* Noon of that day, so the date is the same in every time zone. */
		snprintf(ts, sizeof(ts), "%.10sT12:00:00Z", o->today);
		if (strlen(o->today) != 10 || hist_parse_time(ts, strlen(ts), &day, &when))
			return usage_error("--today wants a date as YYYY-MM-DD, not '%s'",
			                   o->today);
		now = when;
		as_of = day; /* as on that day: what came after is left out */
	}
	steps_rules(&rules, cat, st);
	derive_steps(o, st, cat, &rules, history, now, as_of, res, &dose, NULL);
	if (o->progress_verb)
		return run_progress_event(o, cat, ex, &res[ex], history, now);
	cli_progress(stdout, cat, res, o->target ? (int)ex : -1, o->tsv);
	return 0;
}

static int run_player(const struct options *o, const struct catalogue *cat, const char *history,
                      const struct plan_dose *dose, const struct steps_rules *rules,
                      const struct prg_result *steps, const struct records *records)
{
	struct ui_options u = {
		.cat = cat,
		.level = o->level,
		.dose = dose,
		.rules = rules,
		.steps = steps,
		.records = records,
		.start = UI_START_MENU,
		.bell = o->bell,
		.flash = o->flash,
		.color = o->color,
		.history_path = *history ? history : NULL,
		.on_phase = o->on_phase,
		.ask = !o->no_ask,
		.ask_pain_before = o->ask_pain_before,
		.ask_morning = o->ask_morning,
		.emergency_number = o->emergency_number,
	};
	char msg[256];
	int rc;

	if (o->target) {
		if (strcmp(o->target, "all") == 0) {
			u.start = UI_START_ROUTINE;
		} else if (strcmp(o->target, "due") == 0) {
			u.start = UI_START_DUE;
		} else if (strcmp(o->target, "safety") == 0) {
			u.start = UI_START_SAFETY;
		} else if ((rc = cat_find_routine(cat, o->target)) >= 0) {
			u.start = UI_START_NAMED;
			u.routine = (unsigned)rc;
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

/* ---- `lumbar report` ------------------------------------------------------------- */

/*
 * `lumbar report [--weeks N | --since DATE] [--format md|html|csv] [-o FILE]
 * [--today DATE] [-C FILE] [--history-file FILE]`: report.h does the work;
 * here are the options, the files and the one clock read (today).
 */
static int run_report(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "weeks", required_argument, NULL, 'w' },
		{ "since", required_argument, NULL, 'S' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "today", required_argument, NULL, 'T' },
		{ "catalogue", required_argument, NULL, 'C' },
		{ "catalog", required_argument, NULL, 'C' },
		{ "history-file", required_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct options o = { .mode = MODE_HISTORY };
	const char *weeks = NULL, *since = NULL, *output = NULL;
	enum rep_format fmt = REP_MD;
	time_t now = time(NULL);
	int32_t today = hist_today(now), from = 0, day, as_of = INT32_MIN;
	char history[PATH_LEN];
	int c, rc;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:C:h", opts, NULL)) != -1) {
		switch (c) {
		case 'w':
			weeks = optarg;
			break;
		case 'S':
			since = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'C':
			o.catalogue = optarg;
			break;
		case 'F':
			o.history_file = optarg;
			break;
		case 'f':
			if (rep_format_parse(optarg, &fmt) != 0)
				return usage_error(
				    "report: unknown format '%s' (use md, html or csv)", optarg);
			break;
		case 'T':
			if (hist_parse_day(optarg, strlen(optarg), &today) != 0)
				return usage_error(
				    "report: --today wants a date YYYY-MM-DD, not '%s'", optarg);
			as_of = today;
			break;
		case 'h':
			printf(
			    "Usage: lumbar report [--weeks N | --since DATE] [--format "
			    "md|html|csv]\n"
			    "                     [-o FILE] [--today DATE]\n"
			    "Adherence, dose, pain and events for a physiotherapist: the last %d\n"
			    "weeks, as Markdown on standard output by default. See lumbar(1).\n",
			    REP_DEFAULT_WEEKS);
			return flush_stdout(0);
		case ':':
			return usage_error("option '%s' needs a value", argv[optind - 1]);
		default:
			return usage_error("report: unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("report: unexpected argument '%s'", argv[optind]);
	if (weeks && since)
		return usage_error("report: --weeks and --since cannot be combined");
	if (since) {
		if (hist_parse_day(since, strlen(since), &day) != 0 ||
		    rep_period_since(today, day, &from) != 0)
			return usage_error(
			    "report: --since wants a date YYYY-MM-DD, not after today "
			    "and at most %d weeks back, not '%s'",
			    REP_MAX_WEEKS, since);
	} else {
		char *end;
		unsigned long n = weeks ? strtoul(weeks, &end, 10) : REP_DEFAULT_WEEKS;
		if ((weeks && (*weeks < '0' || *weeks > '9' || *end || n > REP_MAX_WEEKS)) ||
		    rep_period_weeks(today, (unsigned)n, &from) != 0)
			return usage_error("report: --weeks wants a whole number from 1 to %d, not "
			                   "'%s'",
			                   REP_MAX_WEEKS, weeks);
	}
	if ((rc = hist_path(o.history_file, getenv("XDG_STATE_HOME"), getenv("HOME"), history,
	                    sizeof(history))) != 0)
		return history_path_error(&o, rc);

	struct loaded l = { 0 };
	struct records rec;
	struct report r;
	char *buf = NULL;
	size_t len = 0;

	if ((rc = load_catalogue(&o, &l)) != 0)
		return rc;
	/* --today: as on that day, what came after left out; else what is dated
	 * after now is named and left out (records.h). */
	if ((rc = load_records(&rec, history, now, as_of, INT32_MIN, 0, false, false)) == 0) {
		/* Written whole to memory first: a file is replaced only by a whole report. */
		FILE *mem = open_memstream(&buf, &len);
		int bad = !mem;

		rep_build(l.cat, &rec.h, &rec.ev, from, today, &r);
		if (mem) {
			bad |= rep_write(mem, &r, fmt) != 0;
			bad |= fclose(mem) != 0;
		}
		if (bad) {
			fprintf(stderr, "%s: out of memory\n", progname);
			rc = CAT_ENOMEM;
		} else if (output && (rc = file_replace(output, buf, len)) != 0) {
			char safe[4 * PATH_LEN];
			fprintf(stderr, "%s: cannot write %s: %s\n", progname,
			        cat_escape(safe, sizeof(safe), output), strerror(rc));
			rc = EXIT_IOERR;
		} else if (!output) {
			fwrite(buf, 1, len, stdout);
			rc = flush_stdout(0);
		}
		rep_free(&r);
	}
	free(buf);
	rec_free(&rec);
	cat_free(l.cat);
	return rc;
}

/* ---- due, remind, pause, resume, status ------------------------------------------ */

/*
 * These verbs have flags of their own (`due --quiet` is not the player's
 * --quiet), so they are found and parsed here, before parse_args(): the
 * global options before the verb go to parse_args(), the rest to the verb.
 * A bare `lumbar due` stays the player on what is due.
 */
enum {
	VOPT_QUIET = 300,
	VOPT_COUNT,
	VOPT_FORMAT,
	VOPT_INSTALL,
	VOPT_DRY_RUN,
	VOPT_PRINT_CRON,
	VOPT_UNTIL,
	VOPT_REASON,
	VOPT_HISTORY_FILE,
	VOPT_CATALOGUE,
	VOPT_LEVEL,
	VOPT_HELP,
};

static const struct option verb_options[] = {
	{ "quiet", no_argument, NULL, VOPT_QUIET },
	{ "count", no_argument, NULL, VOPT_COUNT },
	{ "format", required_argument, NULL, VOPT_FORMAT },
	{ "install", no_argument, NULL, VOPT_INSTALL },
	{ "dry-run", no_argument, NULL, VOPT_DRY_RUN },
	{ "print-cron", no_argument, NULL, VOPT_PRINT_CRON },
	{ "until", required_argument, NULL, VOPT_UNTIL },
	{ "reason", required_argument, NULL, VOPT_REASON },
	{ "history-file", required_argument, NULL, VOPT_HISTORY_FILE },
	{ "catalogue", required_argument, NULL, VOPT_CATALOGUE },
	{ "catalog", required_argument, NULL, VOPT_CATALOGUE },
	{ "level", required_argument, NULL, VOPT_LEVEL },
	{ "help", no_argument, NULL, VOPT_HELP },
	{ NULL, 0, NULL, 0 },
};

struct verb_args {
	const char *verb;
	int quiet, count, install, dry_run, print_cron, help;
	const char *format, *until, *reason;
};

/* The global options that take their value as the next argument. */
static bool takes_value(const char *arg)
{
	static const char *const with[] = { "-C",         "--catalogue", "--catalog",
		                            "-L",         "--level",     "--history-file",
		                            "--on-phase", "-s",          "--show",
		                            "-c",         "--check",     "--format" };

	for (size_t i = 0; i < sizeof(with) / sizeof(with[0]); i++)
		if (strcmp(arg, with[i]) == 0)
			return true;
	return false;
}

/*
 * Whether `due ...` asks for the script forms (--quiet, --count, --format,
 * --help); otherwise (`lumbar due`, `lumbar due -L medium`) it is the
 * player on what is due.
 */
static bool due_for_scripts(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--quiet") == 0 || strcmp(argv[i], "--count") == 0 ||
		    strncmp(argv[i], "--format", 8) == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	return false;
}

/* Where one of these verbs is in argv, or 0. */
static int find_script_verb(int argc, char **argv)
{
	static const char *const names[] = { "due", "remind", "pause", "resume", "status" };

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return 0;
		if (argv[i][0] == '-') {
			i += takes_value(argv[i]);
			continue;
		}
		for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (strcmp(argv[i], names[k]) == 0)
				return k > 0 || due_for_scripts(argc - i, argv + i) ? i : 0;
		return 0;
	}
	return 0;
}

static int parse_script_verb(int argc, char **argv, struct options *o, struct verb_args *va)
{
	int c;

	memset(va, 0, sizeof(*va));
	va->verb = argv[0];
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":C:L:", verb_options, NULL)) != -1) {
		switch (c) {
		case VOPT_QUIET:
			va->quiet = 1;
			break;
		case VOPT_COUNT:
			va->count = 1;
			break;
		case VOPT_FORMAT:
			va->format = optarg;
			break;
		case VOPT_INSTALL:
			va->install = 1;
			break;
		case VOPT_DRY_RUN:
			va->dry_run = 1;
			break;
		case VOPT_PRINT_CRON:
			va->print_cron = 1;
			break;
		case VOPT_UNTIL:
			va->until = optarg;
			break;
		case VOPT_REASON:
			va->reason = optarg;
			break;
		case VOPT_HISTORY_FILE:
			o->history_file = optarg;
			break;
		case 'C':
		case VOPT_CATALOGUE:
			o->catalogue = optarg;
			break;
		case VOPT_HELP:
			va->help = 1;
			break;
		case 'L':
		case VOPT_LEVEL:
			if (cat_level_parse(optarg, &o->level) != 0)
				return usage_error("unknown level '%s' (use easy, medium or hard)",
				                   optarg);
			o->set_level = true;
			break;
		case ':':
			return usage_error("%s: option '%s' needs a value", va->verb,
			                   argv[optind - 1]);
		default:
			return usage_error("%s: unknown option '%s'", va->verb, argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error("%s: unexpected argument '%s'", va->verb, argv[optind]);
	return 0;
}

/* What the verbs read: catalogue, settings, history, events, summary. */
struct verb_ctx {
	struct options o;
	struct settings st;
	struct loaded l;
	char history[PATH_LEN], events[PATH_LEN];
	struct records rec;
	struct ev_log ev; /* pause and resume read the events alone */
	struct hist_summary sum;
	struct rem_due due;
	int32_t today;
	time_t now;
};

static void verb_ctx_free(struct verb_ctx *x)
{
	hist_summary_free(&x->sum);
	ev_free(&x->ev);
	rec_free(&x->rec);
	cat_free(x->l.cat);
	settings_free(&x->st);
}

/*
 * Settings, paths and (with `read`) the catalogue and the record: what is
 * due, and with `lengths` how long it takes at today's steps (the whole
 * history and the progression's events); without, only this week's
 * history and the pauses are kept (`due --quiet`, `--count`: fast, and
 * memory does not grow with the files). `also`: more event kinds to keep.
 */
static int verb_load(struct verb_ctx *x, bool read, bool lengths, unsigned also)
{
	static struct prg_result res[CAT_MAX_EXERCISES];
	struct steps_rules rules;
	struct plan_dose dose;
	int rc, why;

	x->now = time(NULL);
	x->today = hist_today(x->now);
	settings_init(&x->st);
	if ((rc = apply_settings(&x->o, &x->st)) != 0)
		return rc;
	why = hist_path(x->o.history_file, getenv("XDG_STATE_HOME"), getenv("HOME"), x->history,
	                sizeof(x->history));
	if (why)
		return history_path_error(&x->o, why);
	if (ev_path(x->history, x->events, sizeof(x->events)) != 0)
		return history_path_error(&x->o, ENAMETOOLONG);
	if (!read)
		return 0;
	if ((rc = load_catalogue(&x->o, &x->l)) != 0)
		return rc;
	if ((rc = load_records(&x->rec, x->history, x->now, INT32_MIN,
	                       lengths ? INT32_MIN : hist_week_start(x->today),
	                       REC_KINDS_PAUSES | also, lengths, false)) != 0)
		return rc;
	(void)rec_summary(&x->rec, x->l.cat, &x->sum); /* out of memory exits */
	if (lengths) {
		steps_rules(&rules, x->l.cat, &x->st);
		record_steps(&x->rec, x->l.cat, &rules, res);
		dose_in_use(&x->o, &x->st, x->l.cat, res, &dose);
	} else {
		plan_dose_level(&dose, x->o.level); /* the count only: no length is shown */
	}
	rem_due(x->l.cat, &x->sum, &dose, &x->due);
	return 0;
}

/* `lumbar due --quiet | --count | --format=line`. */
static int run_due(struct verb_ctx *x, const struct verb_args *va)
{
	char line[CAT_MAX_EXERCISES * (CAT_MAX_ID + 2) + 64];
	bool as_line = va->format && strcmp(va->format, "line") == 0;
	int rc;

	if (va->format && !as_line)
		return usage_error("due: unknown format '%s' (use line)", va->format);
	if (va->quiet + va->count + (va->format != NULL) != 1)
		return usage_error("due takes one of --quiet, --count, --format=line");
	if ((rc = verb_load(x, true, as_line, 0)) != 0)
		return rc;
	if (va->count)
		printf("%u\n", x->due.n);
	else if (as_line && x->due.n)
		printf("%s\n", rem_due_line(x->l.cat, &x->due, line, sizeof(line)));
	if (va->quiet)
		return x->due.n ? 0 : 1;
	return 0;
}

/* Whether a lumbar holds the progress lock of this history: a routine is playing. */
static bool routine_playing(const char *history)
{
	char path[PATH_LEN];
	struct hist_error err;
	int fd;

	if (prog_path_for(history, getenv("XDG_STATE_HOME"), getenv("HOME"), path, sizeof(path)))
		return false;
	fd = prog_lock(path, false, &err);
	if (fd == PROG_LOCK_BUSY)
		return true;
	prog_unlock(fd);
	return false;
}

/* This binary's absolute path, for the units and the crontab line. */
static int own_path(char *buf, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", buf, len - 1);

	if (n <= 0 || (size_t)n >= len - 1) {
		fprintf(stderr, "%s: cannot find this program's path in /proc/self/exe\n",
		        progname);
		return EXIT_UNAVAILABLE;
	}
	buf[n] = '\0';
	return 0;
}

/* `lumbar remind --install [--dry-run]`: the systemd user timer and service. */
static int remind_install(struct verb_ctx *x, bool dry_run)
{
	char exe[PATH_LEN], dir[PATH_LEN], path[PATH_LEN + 32];
	char timer[REM_MAX_UNIT], service[REM_MAX_UNIT];
	const char *names[2] = { "lumbar-remind.timer", "lumbar-remind.service" };
	const char *texts[2] = { timer, service };
	struct hist_error err;
	size_t lens[2];
	int rc;

	if ((rc = own_path(exe, sizeof(exe))) != 0)
		return rc;
	lens[0] = rem_timer_unit(&x->st.remind, timer, sizeof(timer));
	lens[1] = rem_service_unit(exe, service, sizeof(service));
	if (lens[1] == 0 || lens[1] >= sizeof(service) || lens[0] >= sizeof(timer)) {
		fprintf(stderr, "%s: this program's path cannot go in a unit file\n", progname);
		return EXIT_UNAVAILABLE;
	}
	if (file_xdg_path(getenv("XDG_CONFIG_HOME"), getenv("HOME"), ".config", "systemd/user", dir,
	                  sizeof(dir)) != 0) {
		fprintf(stderr, "%s: no HOME or XDG_CONFIG_HOME to install into\n", progname);
		return EXIT_USAGE;
	}
	for (int i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		if (dry_run) {
			printf("# %s\n%s%s", path, texts[i], i == 0 ? "\n" : "");
			continue;
		}
		if (hist_make_parent(path, &err) != 0) {
			fprintf(stderr, "%s: %s\n", progname, err.msg);
			return EXIT_IOERR;
		}
		int e = file_replace(path, texts[i], lens[i]);
		if (e != 0) {
			fprintf(stderr, "%s: cannot write %s: %s\n", progname, path,
			        file_strerror(e));
			return EXIT_IOERR;
		}
		printf("Wrote %s\n", path);
	}
	if (!dry_run)
		printf("To turn the reminders on, run:\n"
		       "  systemctl --user daemon-reload && systemctl --user enable --now "
		       "lumbar-remind.timer\n");
	return 0;
}

/* `lumbar remind --print-cron`: what cron needs to reach the desktop. */
static int remind_print_cron(struct verb_ctx *x)
{
	char exe[PATH_LEN], runtime[PATH_LEN], dbus[PATH_LEN + 32], lines[REM_MAX_UNIT];
	const char *display = getenv("DISPLAY");
	const char *rt = getenv("XDG_RUNTIME_DIR");
	const char *bus = getenv("DBUS_SESSION_BUS_ADDRESS");
	size_t n;
	int rc;

	if ((rc = own_path(exe, sizeof(exe))) != 0)
		return rc;
	if (rt && *rt)
		snprintf(runtime, sizeof(runtime), "%s", rt);
	else
		snprintf(runtime, sizeof(runtime), "/run/user/%u", (unsigned)getuid());
	if (bus && *bus)
		snprintf(dbus, sizeof(dbus), "%s", bus);
	else
		snprintf(dbus, sizeof(dbus), "unix:path=%s/bus", runtime);
	n = rem_cron_lines(&x->st.remind, exe, display && *display ? display : ":0", dbus, runtime,
	                   lines, sizeof(lines));
	if (n == 0 || n >= sizeof(lines)) {
		fprintf(stderr, "%s: this program's path cannot go in a crontab\n", progname);
		return EXIT_UNAVAILABLE;
	}
	fputs(lines, stdout);
	return 0;
}

/* `lumbar remind`: one notification per part of the day, when something is due. */
static int run_remind(struct verb_ctx *x, const struct verb_args *va)
{
	char title[64], body[CAT_MAX_EXERCISES * (CAT_MAX_ID + 2) + 64];
	struct hist_error err;
	struct ev_event e;
	int rc;

	if (va->quiet || va->count || va->format || va->until || va->reason ||
	    (va->dry_run && !va->install) || va->install + va->print_cron > 1)
		return usage_error("remind takes --install [--dry-run] or --print-cron");
	if ((rc = verb_load(x, !va->install && !va->print_cron, true, REC_KIND(EV_REMIND))) != 0)
		return rc;
	if (va->install)
		return remind_install(x, va->dry_run);
	if (va->print_cron)
		return remind_print_cron(x);
	if (rem_decide(&x->st.remind, &x->rec.ev, x->due.n, routine_playing(x->history), x->now) !=
	    REM_SEND)
		return 1;
	snprintf(title, sizeof(title), "lumbar: %u exercise%s due", x->due.n,
	         x->due.n == 1 ? "" : "s");
	rem_due_line(x->l.cat, &x->due, body, sizeof(body));
	if (rem_notify(x->st.notify ? x->st.notify : SETTINGS_NOTIFY, title, body) != 0) {
		fprintf(stderr, "%s: remind: the notify command failed\n", progname);
		return 3;
	}
	ev_init(&e, EV_REMIND, x->now);
	if (ev_append(x->events, &e, &err) != 0) {
		fprintf(stderr, "%s: %s\n", progname, err.msg);
		return EXIT_IOERR;
	}
	return 0;
}

/* `lumbar pause --until DATE [--reason R]` and `lumbar resume`. */
static int run_pause(struct verb_ctx *x, const struct verb_args *va, bool pause)
{
	char day[16];
	struct hist_error err;
	struct ev_event e;
	int32_t until = 0, now_until;
	int rc;

	if (va->quiet || va->count || va->format || va->install || va->dry_run || va->print_cron ||
	    (!pause && (va->until || va->reason)))
		return usage_error(pause ? "pause takes --until DATE [--reason REASON]"
		                         : "resume takes no options");
	if (pause && !va->until)
		return usage_error("pause needs --until DATE (YYYY-MM-DD), the last paused day");
	if (pause && hist_parse_day(va->until, strlen(va->until), &until) != 0)
		return usage_error("pause: '%s' is not a date YYYY-MM-DD", va->until);
	if (pause && va->reason && ev_reason_check(va->reason))
		return usage_error("pause: unknown reason '%s' (%s)", va->reason,
		                   ev_reason_check(va->reason));
	if ((rc = verb_load(x, false, false, 0)) != 0)
		return rc;
	if (pause && until < x->today)
		return usage_error("pause: %s has passed; give today or a later day", va->until);
	struct cli_damage de = { x->events, 0 };
	int bad = ev_load(x->events, &x->ev, cli_damage_line, &de, &err) != 0;
	cli_damage_end(&de);
	if (bad) {
		fprintf(stderr, "%s: %s\n", progname, err.msg);
		return EXIT_NOINPUT;
	}
	if (!pause && !ev_paused_until(&x->ev, x->today, &now_until)) {
		printf("lumbar is not paused\n");
		return 0;
	}
	ev_init(&e, pause ? EV_PAUSE : EV_RESUME, x->now);
	if (pause) {
		hist_format_day(until, e.value, sizeof(e.value));
		snprintf(e.note, sizeof(e.note), "%s", va->reason ? va->reason : "");
	}
	if (ev_append(x->events, &e, &err) != 0) {
		fprintf(stderr, "%s: %s\n", progname, err.msg);
		return EXIT_IOERR;
	}
	if (pause)
		printf("Paused until %s: no reminders, and these days are not expected\n",
		       hist_format_day(until, day, sizeof(day)));
	else
		printf("Resumed\n");
	return 0;
}

/* `lumbar status --format=json`. */
static int run_status(struct verb_ctx *x, const struct verb_args *va)
{
	struct hist_day d;
	int rc;

	if (!va->format || strcmp(va->format, "json") != 0 || va->quiet || va->count ||
	    va->install || va->dry_run || va->print_cron || va->until || va->reason)
		return usage_error("status takes --format=json");
	if ((rc = verb_load(x, true, true, 0)) != 0)
		return rc;
	hist_summary_day(&x->sum, x->today, &d);
	struct status_info in = { .cat = x->l.cat,
		                  .due = &x->due,
		                  .today = d.done,
		                  .streak = x->sum.streak,
		                  .playing = routine_playing(x->history) };
	in.paused = rec_paused(&x->rec, &in.paused_until);
	status_json(stdout, &in);
	return 0;
}

/* Run one of these verbs when argv holds one: sets *rc and returns true. */
static bool run_remind_verbs(int argc, char **argv, int *rc)
{
	struct verb_ctx x;
	struct verb_args va;
	int v = find_script_verb(argc, argv);

	if (v == 0)
		return false;
	memset(&x, 0, sizeof(x));
	if ((*rc = parse_args(v, argv, &x.o)) != 0)
		return true;
	if (x.o.mode != MODE_PLAYER || x.o.target) {
		*rc = usage_error("%s cannot be combined with another mode", argv[v]);
		return true;
	}
	if ((*rc = parse_script_verb(argc - v, argv + v, &x.o, &va)) != 0)
		return true;
	if (va.help) {
		verb_print_help(stdout, verb_find(va.verb));
		*rc = flush_stdout(0);
		return true;
	}
	if (strcmp(va.verb, "due") == 0)
		*rc = run_due(&x, &va);
	else if (strcmp(va.verb, "remind") == 0)
		*rc = run_remind(&x, &va);
	else if (strcmp(va.verb, "status") == 0)
		*rc = run_status(&x, &va);
	else
		*rc = run_pause(&x, &va, strcmp(va.verb, "pause") == 0);
	verb_ctx_free(&x);
	*rc = flush_stdout(*rc);
	return true;
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

	if (argc > 1 && strcmp(argv[1], "report") == 0)
		return run_report(argc - 1, argv + 1);
	if (run_remind_verbs(argc, argv, &rc))
		return rc;
	if ((rc = parse_args(argc, argv, &o)) != 0)
		return rc;
	/* Without HOME there is no history, but the timer still runs. */
	int no_history = hist_path(o.history_file, getenv("XDG_STATE_HOME"), getenv("HOME"),
	                           history, sizeof(history));

	switch (o.mode) {
	case MODE_HELP:
		if (o.verb)
			verb_print_help(stdout, o.verb);
		else
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

	struct plan_dose dose;
	struct steps_rules rules;
	static struct prg_result res[CAT_MAX_EXERCISES];
	static struct records rec; /* the player's: the menu reads it (records.h) */
	steps_rules(&rules, l.cat, &st);
	if (o.mode == MODE_LIST || o.mode == MODE_SHOW || o.mode == MODE_PLAN ||
	    o.mode == MODE_PLAYER)
		derive_steps(&o, &st, l.cat, &rules, history, time(NULL), INT32_MIN, res, &dose,
		             o.mode == MODE_PLAYER ? &rec : NULL);

	switch (o.mode) {
	case MODE_LIST:
		cli_list(stdout, l.cat, &dose, o.tsv);
		break;
	case MODE_SHOW: {
		unsigned ex;
		int r = cat_find_routine(l.cat, o.target);
		if (r >= 0)
			cli_show_routine(stdout, l.cat, (unsigned)r, &dose);
		else if ((rc = find_exercise(l.cat, o.target, &ex)) == 0)
			cli_show(stdout, l.cat, ex, &dose);
		break;
	}
	case MODE_PLAN:
		rc = run_plan(&o, l.cat, &dose);
		break;
	case MODE_HISTORY:
		rc = run_history(&o, l.cat, history, &rules);
		break;
	case MODE_PROGRESS:
		rc = run_progress(&o, &st, l.cat, history);
		break;
	default:
		rc = run_player(&o, l.cat, history, &dose, &rules, res, &rec);
		rec_free(&rec);
		break;
	}
	cat_free(l.cat);
	settings_free(&st);
	return flush_stdout(rc);
}
