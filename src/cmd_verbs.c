/*
 * cmd_verbs.c - the handlers of the table of commands (verbs.h): each turns
 * what the command line said (cmd.h) into the files it reads, the plain
 * text it prints or the screen it starts.
 *
 * Everything that can fail happens here, before the first frame: a person
 * who mistyped an option gets one line on stderr and an exit status from
 * sysexits(3), never a half-drawn screen.
 */
#include <errno.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogue_load.h"
#include "cli_text.h"
#include "cmd.h"
#include "config.h"
#include "events.h"
#include "file.h"
#include "history.h"
#include "hook.h"
#include "ical.h"
#include "journal.h"
#include "merge.h"
#include "lines.h"
#include "settings.h"
#include "plan.h"
#include "outcomes.h"
#include "outcomes_report.h"
#include "owned.h"
#include "programme.h"
#include "progress.h"
#include "questionnaire.h"
#include "records.h"
#include "remind.h"
#include "status.h"
#include "steps.h"
#include "report.h"
#include "ui.h"
#include "verbs.h"
#include "words.h"
#include "yaml_err.h"

/* sysexits(3) values: cmd.h's. */
enum {
	EXIT_USAGE = CMD_EXIT_USAGE,
	EXIT_NOINPUT = CMD_EXIT_NOINPUT,
	EXIT_UNAVAILABLE = CMD_EXIT_UNAVAILABLE,
	EXIT_IOERR = CMD_EXIT_IOERR,
};

#define usage_error cmd_usage_error

static const char *progname = "lumbar";

/*
 * The wall clock, as `date`, the screens (ui_read_clocks()) and the events
 * written in another terminal read it. Not time(): glibc's reads the coarse
 * clock, which here trails the real one by up to 6.5 ms, so a line written
 * by `date` or another lumbar an instant before would be taken for one dated
 * in the future and left out of this start's record.
 */
static time_t wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return ts.tv_sec;
}

/* Room for a path: PATH_MAX on Linux, counting the NUL. */
enum { PATH_LEN = 4096 };

/*
 * `lumbar: MSG` on stderr, escaped as every file-borne text and path is
 * (cat_escape): a message names paths, and a folder's name may hold an
 * escape sequence. Returns rc.
 */
static int say_error(const char *msg, int rc)
{
	char safe[4 * 1024];

	fprintf(stderr, "%s: %s\n", progname, cat_escape(safe, sizeof(safe), msg));
	return rc;
}

/* ---- Settings file ------------------------------------------------------------ */

/*
 * Read $XDG_CONFIG_HOME/lumbar/config.yaml and fill in what the command line
 * left unset. The file's errors are the catalogue's: FILE:LINE:COL, exit 65.
 */
/* Files' mistakes kept to be said later: after the screen, or after what a verb printed. */
struct said_later {
	struct {
		char file[PATH_LEN];
		struct cat_error err;
	} e[2]; /* the settings file and the catalogue */
	unsigned n;
	int rc; /* the first one's status; 0: nothing to say */
};

static int say_later(struct said_later *later, const char *file, const struct cat_error *err,
                     int rc)
{
	if (later == NULL) {
		cat_error_print(stderr, file, err);
	} else if (later->n < sizeof(later->e) / sizeof(later->e[0])) {
		snprintf(later->e[later->n].file, sizeof(later->e[0].file), "%s", file);
		later->e[later->n++].err = *err;
		later->rc = later->rc ? later->rc : rc;
	}
	return rc;
}

/* What say_later() kept, said now. */
static void say_now(const struct said_later *later)
{
	for (unsigned i = 0; i < later->n; i++)
		cat_error_print(stderr, later->e[i].file, &later->e[i].err);
}

/* apply_settings(), with a mistake kept in `later` (or said, with NULL). */
static int apply_settings_or_later(struct options *o, struct settings *st, struct said_later *later)
{
	char path[PATH_LEN];
	struct cat_error err;
	enum cat_status rc;

	settings_init(st);
	if (settings_path(getenv("XDG_CONFIG_HOME"), getenv("HOME"), path, sizeof(path)) != 0)
		return 0;
	rc = settings_load_file(path, st, &err);
	if (rc != CAT_OK)
		return say_later(later, path, &err, (int)rc);
	if (st->have_level && !o->set_level)
		o->level = st->level;
	if (st->bell >= 0 && !o->set_bell)
		o->bell = st->bell;
	if (st->color >= 0 && !o->set_color)
		o->color = st->color;
	if (st->figure >= 0 && !o->set_figure)
		o->figure = st->figure;
	if (st->interface == SETTINGS_LINES)
		o->lines = true;
	if (st->speak >= 0 && !o->set_speak)
		o->speak = st->speak;
	if (st->on_phase && !o->set_on_phase)
		o->on_phase = st->on_phase;
	if (st->ask_pain_before >= 0)
		o->ask_pain_before = st->ask_pain_before;
	if (st->ask_morning >= 0)
		o->ask_morning = st->ask_morning;
	if (st->ask_outcomes >= 0)
		o->ask_outcomes = st->ask_outcomes;
	o->emergency_number = st->emergency_number;
	return 0;
}

static int apply_settings(struct options *o, struct settings *st)
{
	return apply_settings_or_later(o, st, NULL);
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

/* load_catalogue(), with a mistake kept in `later` (or said, with NULL). */
static int load_catalogue_or_later(const struct options *o, struct loaded *l,
                                   struct said_later *later)
{
	struct cat_error err;
	enum cat_status st;

	lookup_catalogue(o, l);
	if (l->source == CAT_SRC_BUILTIN)
		st = cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &l->cat, &err);
	else
		st = cat_load_file(l->path, &l->cat, &err);
	if (st != CAT_OK)
		return say_later(later,
		                 l->source == CAT_SRC_BUILTIN ? "(built-in catalogue)" : l->path,
		                 &err, (int)st);
	return 0;
}

static int load_catalogue(const struct options *o, struct loaded *l)
{
	return load_catalogue_or_later(o, l, NULL);
}

/* ---- Steps (issue 13) ---------------------------------------------------------- */

/* Damaged history lines are named on stderr, once each, and skipped. */

/*
 * The record of `history` and the events.tsv beside it, loaded once for the
 * command as q asks (records.h; its paths and warn function are filled in
 * here): damaged lines and lines dated in the future named on stderr
 * (cli_damage) unless `quiet`. A file that cannot be read is said (unless
 * quiet) and returns EXIT_NOINPUT with r empty; or, for the screens
 * (q.partial), is left empty and said in the record (records.h), which the
 * screens show. Running out of memory is 71, as xmalloc() exits.
 */
static int read_record(struct records *r, const char *history, struct rec_request q, bool quiet)
{
	char events[PATH_LEN] = "";
	struct hist_error err;
	struct cli_damage dh = { history, 0 }, de = { events, 0 };

	if (*history && ev_path(history, events, sizeof(events)) != 0)
		events[0] = '\0';
	q.history = history;
	q.events = events;
	q.warn = quiet ? NULL : cli_damage_line;
	q.warn_history = &dh;
	q.warn_events = &de;
	int rc = rec_load(r, &q, &err);
	if (!quiet) {
		cli_damage_end(&dh);
		cli_damage_end(&de);
		if (rc != 0)
			say_error(err.msg, 0);
	}
	if (rc != 0 && err.errnum == ENOMEM)
		return FILE_EXIT_NOMEM; /* out of memory is 71 everywhere, never 66 */
	return rc != 0 ? EXIT_NOINPUT : 0;
}

/*
 * A request with the lines after `as_of` (--today; INT32_MIN for none) left
 * out; `since` and `kinds` are as records.h says.
 */
static struct rec_request as_of_request(time_t now, int32_t as_of, int32_t since, unsigned kinds)
{
	return (struct rec_request){
		.now = now,
		.as_of = as_of != INT32_MIN,
		.today = as_of,
		.since = since,
		.kinds = kinds,
	};
}

/* read_record() of as_of_request(); `steps` and `partial` are as records.h says. */
static int load_records(struct records *r, const char *history, time_t now, int32_t as_of,
                        int32_t since, unsigned kinds, bool steps, bool quiet, bool partial)
{
	struct rec_request q = as_of_request(now, as_of, since, kinds);

	q.steps = steps;
	q.partial = partial;
	return read_record(r, history, q, quiet);
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
	/*
	 * A record kept is the one the screens read (ui.h): all the history and
	 * the events they ask for; they name what is wrong themselves.
	 */
	(void)load_records(r, history, now, as_of, INT32_MIN,
	                   keep ? REC_KINDS_SCREENS : REC_KINDS_PAUSES, true,
	                   (o->verb->flags & VERB_TERMINAL) && cmd_writes(o), keep != NULL);
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

/*
 * The exercises `target` names, in order: all (the full routine; NULL too),
 * a routine's, or one exercise. Returns 0 with idx[0 .. *n), or 64 said.
 */
static int exercises_of(const struct catalogue *cat, const char *target, unsigned *idx, unsigned *n)
{
	int rc;

	*n = 0;
	if (!target || strcmp(target, "all") == 0) {
		for (; *n < cat->n_exercises; ++*n)
			idx[*n] = *n;
	} else if ((rc = cat_find_routine(cat, target)) >= 0) {
		const struct cat_routine *r = &cat->routines[rc];

		for (; *n < r->n_exercises; ++*n)
			idx[*n] = r->exercises[*n];
	} else {
		if ((rc = find_exercise(cat, target, &idx[0])) != 0)
			return rc;
		*n = 1;
	}
	return 0;
}

static int run_plan(const struct options *o, const struct catalogue *cat,
                    const struct plan_dose *dose)
{
	struct plan plan;
	unsigned idx[CAT_MAX_EXERCISES], n = 0;
	int rc;

	if ((rc = exercises_of(cat, o->n_args ? o->args[0] : NULL, idx, &n)) != 0)
		return rc;
	(void)plan_build_dose(cat, idx, n, dose, &plan);
	cli_plan(stdout, cat, &plan, o->tsv);
	plan_free(&plan);
	return 0;
}

/* q_set_load_each()'s `say` for `lumbar check`: each mistake, FILE:LINE:COL. */
static void say_questionnaire(void *ctx, const struct q_failure *f)
{
	(void)ctx;
	cat_error_print(stderr, f->file, &f->err);
}

/*
 * `lumbar check` alone: the questionnaires, the shipped ones and the
 * clinic's folder (questionnaire.h), each file's mistake FILE:LINE:COL,
 * exit 65 (66 when the first is a file that cannot be read).
 */
static int run_check_questionnaires(void)
{
	char dir[PATH_LEN];
	struct q_set *set = xmalloc(sizeof(*set));
	enum cat_status st;

	if (q_dir(getenv("XDG_CONFIG_HOME"), getenv("HOME"), dir, sizeof(dir)) != 0)
		dir[0] = '\0';
	st = q_set_load_each(dir, set, say_questionnaire, NULL);
	free(set);
	return (int)st;
}

/* What `lumbar check FILE` found: a catalogue, or a questionnaire (q_looks_like()). */
struct checked {
	struct catalogue *cat;
	bool questionnaire;
};

/* For yerr_load_file(): the file is read once, then loaded as what it is. */
static enum cat_status check_buffer(const char *buf, size_t len, void *out, struct cat_error *err)
{
	struct checked *c = out;
	enum cat_status st;

	c->questionnaire = q_looks_like(buf, len);
	if (!c->questionnaire)
		return cat_load_buffer(buf, len, &c->cat, err);
	struct questionnaire *q = xmalloc(sizeof(*q));
	st = q_load_buffer(buf, len, q, err);
	free(q);
	return st;
}

static int run_check(const char *file)
{
	struct checked c = { NULL, false };
	struct catalogue *cat;
	struct cat_error err;
	enum cat_status st;

	if (!file)
		return run_check_questionnaires();
	st = yerr_load_file(file, CAT_MAX_FILE, check_buffer, &c, &err);
	if (st != CAT_OK) {
		cat_error_print(stderr, file, &err);
		return (int)st;
	}
	if (c.questionnaire)
		return 0;
	cat = c.cat;
	/* An id that is now a verb still loads: said, and how to play it. */
	for (unsigned i = 0; i < cat->n_exercises + cat->n_routines; i++) {
		bool ex = i < cat->n_exercises;
		const char *id = ex ? cat->exercises[i].id : cat->routines[i - cat->n_exercises].id;
		char safe[4 * PATH_LEN];

		if (cat_id_later_verb(id))
			fprintf(stderr,
			        "%s: warning: %s id '%s' is also a command of lumbar; play it from "
			        "the menu or with 'lumbar play %s'\n",
			        cat_escape(safe, sizeof(safe), file), ex ? "exercise" : "routine",
			        id, id);
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
	if (load_records(&r, path, wall_now(), INT32_MIN, INT32_MIN, REC_KINDS_PAUSES, true, false,
	                 false) != 0)
		return EXIT_NOINPUT;
	record_steps(&r, cat, rules, steps);
	(void)rec_summary(&r, cat, &sum); /* out of memory exits */
	cli_history(stdout, cat, &sum, steps, path, o->tsv);
	hist_summary_free(&sum);
	rec_free(&r);
	return 0;
}

/* events.tsv beside the history, for a verb that writes an event: 0, or 64 said. */
static int events_path(const char *history, char *path, size_t len)
{
	if (!*history) {
		fprintf(stderr, "%s: no history without HOME; use --history-file FILE\n", progname);
		return EXIT_USAGE;
	}
	if (ev_path(history, path, len) != 0) {
		fprintf(stderr, "%s: the history path is too long\n", progname);
		return EXIT_USAGE;
	}
	return 0;
}

/* `lumbar checkin N`: a morning event in events.tsv beside the history. */
static int run_checkin(const char *score, const char *history)
{
	struct ev_event e;
	struct hist_error err;
	char path[PATH_LEN], safe[4 * PATH_LEN];
	int rc;

	ev_init(&e, EV_MORNING, wall_now());
	if (hist_parse_score(score, strlen(score), &e.score) != 0 || e.score == HIST_NO_PAIN)
		return usage_error("checkin wants back pain this morning from 0 to 10, not '%s'",
		                   score);
	if ((rc = events_path(history, path, sizeof(path))) != 0)
		return rc;
	if (ev_append(path, &e, &err) != 0)
		return say_error(err.msg, EXIT_IOERR);
	printf("Back pain this morning: %d/10, recorded in %s\n", e.score,
	       cat_escape(safe, sizeof(safe), path));
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

/* ---- Outcomes (issue 22): checkin --peg, lumbar activities ------------------------ */

/* A shipped questionnaire (peg, activities), from its built-in copy: 0, or 71 said. */
static int shipped_questionnaire(const char *yaml, size_t len, struct questionnaire *q)
{
	struct cat_error err;

	if (q_load_buffer(yaml, len, q, &err) == CAT_OK)
		return 0;
	cat_error_print(stderr, "(built-in questionnaire)", &err);
	return FILE_EXIT_NOMEM; /* it loads in every test: only memory can fail */
}

/* Append one event to events.tsv and say what was recorded, and where: 0, 74. */
static int record_event(const char *path, const struct ev_event *e, const char *what)
{
	struct hist_error err;
	char safe[4 * PATH_LEN];

	if (ev_append(path, e, &err) != 0)
		return say_error(err.msg, EXIT_IOERR);
	printf("%s, recorded in %s\n", what, cat_escape(safe, sizeof(safe), path));
	return 0;
}

/*
 * The outcome event of n answers to q, as the menu writes it (its id, its
 * version, the answers, written in `note`), now; and *w their score, as the
 * report scores.
 */
static void outcome_event(const struct questionnaire *q, const int *a, unsigned n,
                          struct ev_event *e, char *note, size_t note_len, struct out_week *w)
{
	ev_init(e, EV_OUTCOME, wall_now());
	snprintf(e->exercise, sizeof(e->exercise), "%s", q->id);
	snprintf(e->value, sizeof(e->value), "%u", q->version);
	out_format_answers(a, n, note, note_len);
	e->note = note;
	memset(w, 0, sizeof(*w));
	w->present = true;
	w->n_items = n;
	memcpy(w->item, a, n * sizeof(*a));
	out_score(w, q->scoring);
}

/* `lumbar checkin --peg P E G`: the PEG's three answers as one outcome event. */
static int run_checkin_peg(char **args, unsigned n, const char *history)
{
	struct questionnaire *q = xmalloc(sizeof(*q));
	struct ev_event e;
	struct out_week w;
	char path[PATH_LEN], what[160], score[32], note[EV_MAX_NOTE_BYTES + 1];
	int a[3], rc = 0;

	if (n != 3)
		rc = usage_error("checkin --peg wants three numbers from 0 to 10: pain, "
		                 "interference with enjoyment of life, with general activity");
	for (unsigned i = 0; rc == 0 && i < 3; i++)
		if ((a[i] = (int)whole_number(args[i], 0, 10)) < 0)
			rc = usage_error("checkin --peg: '%s' is not a whole number from 0 to 10",
			                 args[i]);
	if (rc == 0)
		rc = shipped_questionnaire(q_builtin_peg_yaml, q_builtin_peg_yaml_len, q);
	if (rc == 0)
		rc = events_path(history, path, sizeof(path));
	if (rc == 0) {
		outcome_event(q, a, 3, &e, note, sizeof(note), &w);
		snprintf(what, sizeof(what),
		         "PEG, %s: pain %d, enjoyment of life %d, general activity %d (mean %s)",
		         q->recall, a[0], a[1], a[2],
		         out_score_text(&w, q->scoring, score, sizeof(score)));
		rc = record_event(path, &e, what);
	}
	free(q);
	return rc;
}

/*
 * `lumbar checkin --answer ID A1 A2 ...`: a clinic's questionnaire answered
 * from the command line, `-` for an item left out, as the one outcome event
 * the menu writes. The PEG's is --peg's; "My activities" has its own
 * command. A clinic's file that does not load is said, FILE:LINE:COL; it
 * stops the answer (65) only when ID is not among those that loaded.
 */
static int run_checkin_answer(const char *id, char **args, unsigned n, const char *history)
{
	struct q_set *set;
	const struct questionnaire *q;
	struct ev_event e;
	struct out_week w;
	char dir[PATH_LEN], path[PATH_LEN], ids[Q_MAX_SET * (CAT_MAX_ID + 2)] = "";
	char what[5 * Q_MAX_TITLE + 4 * Q_MAX_RECALL + EV_MAX_NOTE_BYTES + 64];
	char title[5 * Q_MAX_TITLE], recall[5 * Q_MAX_RECALL], score[32];
	char note[EV_MAX_NOTE_BYTES + 1];
	int a[Q_MAX_ITEMS] = { 0 }, rc = 0;
	unsigned answered = 0;
	enum cat_status st;

	if (strcmp(id, Q_PEG) == 0)
		return run_checkin_peg(args, n, history);
	if (strcmp(id, Q_ACTIVITIES) == 0)
		return usage_error("checkin --answer: \"My activities\" has its own command: "
		                   "lumbar activities rate N SCORE");
	set = xmalloc(sizeof(*set));
	if (q_dir(getenv("XDG_CONFIG_HOME"), getenv("HOME"), dir, sizeof(dir)) != 0)
		dir[0] = '\0';
	st = q_set_load_each(dir, set, say_questionnaire, NULL);
	q = q_find(set, id);
	for (size_t i = 0; !q && i < set->n; i++)
		if (strcmp(set->q[i].id, Q_ACTIVITIES) != 0)
			snprintf(ids + strlen(ids), sizeof(ids) - strlen(ids), "%s%s",
			         i ? ", " : "", set->q[i].id);
	if (!q && st != CAT_OK)
		rc = (int)st; /* it may be the one that did not load: said above */
	else if (!q)
		rc =
		    usage_error("checkin --answer: no questionnaire '%s' (there are: %s)", id, ids);
	else if (n != q->n_items)
		rc = usage_error("checkin --answer: %s", out_answers_check(q, a, n));
	for (unsigned i = 0; rc == 0 && i < n; i++) {
		long v = whole_number(args[i], q->min, q->max);

		if (strcmp(args[i], "-") == 0)
			a[i] = OUT_NO_ANSWER;
		else if (v < 0)
			rc = usage_error(
			    "checkin --answer: '%s' is not a whole number from %d to %d "
			    "(or - for an item left out)",
			    args[i], q->min, q->max);
		else
			a[i] = (int)v;
		answered += rc == 0 && a[i] != OUT_NO_ANSWER;
	}
	if (rc == 0 && answered == 0)
		rc = usage_error("checkin --answer: every item is left out; answer one at least");
	if (rc == 0)
		rc = events_path(history, path, sizeof(path));
	if (rc == 0) {
		outcome_event(q, a, n, &e, note, sizeof(note), &w);
		if (w.have_score)
			out_score_text(&w, q->scoring, score, sizeof(score));
		snprintf(what, sizeof(what), "%s, %s: answers %s (%s%s %s)",
		         cat_escape(title, sizeof(title), q->title),
		         cat_escape(recall, sizeof(recall), q->recall), e.note,
		         w.have_score ? "" : "no ", q_scoring_name(q->scoring),
		         w.have_score ? score : "with an item left out");
		rc = record_event(path, &e, what);
	}
	free(set);
	return rc;
}

/*
 * An activity's rating in words: "8/10 on 2026-11-16 (first: 6 on 2026-11-02;
 * 2 points higher than the first)", the change said only when it reaches
 * the threshold (outcomes.h).
 */
static const char *rating_words(const struct out_activity *a, const struct questionnaire *q,
                                char *buf, size_t len)
{
	char d1[16], d2[16], change[80];

	if (a->latest == OUT_NO_ANSWER)
		snprintf(buf, len, "not rated yet");
	else if (a->first_day == a->latest_day)
		snprintf(buf, len, "%d/%d on %s", a->latest, q->max,
		         hist_format_day(a->latest_day, d2, sizeof(d2)));
	else
		snprintf(buf, len, "%d/%d on %s (first: %d on %s%s%s)", a->latest, q->max,
		         hist_format_day(a->latest_day, d2, sizeof(d2)), a->first,
		         hist_format_day(a->first_day, d1, sizeof(d1)),
		         *out_change_words(a->first, a->latest, q->scoring, q->min, q->max,
		                           "the first", change, sizeof(change))
		             ? "; "
		             : "",
		         change);
	return buf;
}

/* The active activity numbered by the argument `s`, or NULL with 64 said in *rc. */
static const struct out_activity *active_numbered(const struct out_activity *a, size_t n,
                                                  const char *s, int *rc)
{
	long k = whole_number(s, 1, OUT_MAX_ACTIVITIES);

	for (size_t i = 0; k > 0 && i < n; i++)
		if (a[i].number == (unsigned)k)
			return &a[i];
	*rc = usage_error("activities: no active activity numbered '%s'; 'lumbar activities' "
	                  "lists them",
	                  s);
	return NULL;
}

/* `lumbar activities [add WORDS | rate N SCORE | retire N]`, on events.tsv. */
static int run_activities(const struct options *o, const char *history,
                          const struct questionnaire *q, struct records *rec)
{
	static struct out_activity a[OUT_MAX_ACTIVITIES];
	const char *sub = o->n_args ? o->args[0] : "";
	unsigned want = !*sub                        ? 0
	                : strcmp(sub, "add") == 0    ? 2
	                : strcmp(sub, "rate") == 0   ? 3
	                : strcmp(sub, "retire") == 0 ? 2
	                                             : 9;
	time_t now = wall_now();
	int32_t today = o->today ? o->today_day : hist_today(now);
	char path[PATH_LEN], safe[4 * EV_MAX_NOTE_BYTES], what[5 * EV_MAX_NOTE_BYTES];
	char note[EV_MAX_NOTE_BYTES + 1];
	struct hist_error err;
	struct ev_event e;
	int rc = 0;

	if (want == 9 || (want && o->n_args != want) || (!want && o->n_args))
		return usage_error("activities takes nothing, add \"WORDS\", rate N SCORE or "
		                   "retire N");
	if ((rc = events_path(history, path, sizeof(path))) != 0)
		return rc;
	/* Only the outcome records are kept: years of other events cost no memory. */
	struct cli_damage de = { path, 0 };
	struct rec_request rq = {
		.events = path,
		.now = now,
		.as_of = o->today != NULL,
		.today = today,
		.since = INT32_MIN,
		.kinds = REC_KINDS_OUTCOMES,
		.warn = cli_damage_line,
		.warn_events = &de,
	};
	rc = rec_load(rec, &rq, &err);
	cli_damage_end(&de);
	if (rc != 0)
		return say_error(err.msg, err.errnum == ENOMEM ? FILE_EXIT_NOMEM : EXIT_NOINPUT);
	const struct ev_log *ev = &rec->ev;
	size_t n = out_active(ev, today, a, OUT_MAX_ACTIVITIES);

	if (!want) {
		if (n == 0)
			printf("No activities yet. Name one that your back makes hard, up to %u:\n"
			       "  lumbar activities add \"put on socks\"\n",
			       q->max_active);
		for (size_t i = 0; i < n; i++)
			printf("%u. %s: %s\n", a[i].number,
			       cat_escape(safe, sizeof(safe), a[i].words),
			       rating_words(&a[i], q, what, sizeof(what)));
		return 0;
	}
	ev_init(&e, EV_ACTIVITY, now);
	if (strcmp(sub, "add") == 0) {
		const char *words = o->args[1];
		const char *why = ev_note_check(words, strlen(words));
		unsigned number = out_next_number(ev);

		if (!*words || why)
			return usage_error("activities add: %s",
			                   *words ? why : "name the activity");
		if (n >= q->max_active)
			return usage_error("activities add: %u activities are active already, the "
			                   "most; retire one first (lumbar activities retire N)",
			                   q->max_active);
		if (number > OUT_MAX_ACTIVITIES)
			return usage_error("activities add: all %d numbers have been given",
			                   OUT_MAX_ACTIVITIES);
		snprintf(e.value, sizeof(e.value), "%u", number);
		e.note = words; /* checked above: ev_note_check() */
		snprintf(what, sizeof(what),
		         "Activity %u added: %s (rate it %d-%d: lumbar "
		         "activities rate %u N)",
		         number, cat_escape(safe, sizeof(safe), words), q->min, q->max, number);
		return record_event(path, &e, what);
	}
	const struct out_activity *act = active_numbered(a, n, o->args[1], &rc);
	if (!act)
		return rc;
	if (strcmp(sub, "retire") == 0) {
		e.kind = EV_ACTIVITY_RETIRED;
		snprintf(e.value, sizeof(e.value), "%u", act->number);
		snprintf(what, sizeof(what), "Activity %u retired: %s", act->number,
		         cat_escape(safe, sizeof(safe), act->words));
		return record_event(path, &e, what);
	}
	int answers[OUT_MAX_ANSWERS];
	long score = whole_number(o->args[2], q->min, q->max);
	if (score < 0)
		return usage_error("activities rate: '%s' is not a whole number from %d (%s) to %d "
		                   "(%s)",
		                   o->args[2], q->min, q->anchors.low, q->max, q->anchors.high);
	/* Positional by number: answer i is activity i (outcomes.h). */
	for (unsigned i = 0; i < act->number; i++)
		answers[i] = i + 1 == act->number ? (int)score : OUT_NO_ANSWER;
	e.kind = EV_OUTCOME;
	snprintf(e.exercise, sizeof(e.exercise), "%s", q->id);
	snprintf(e.value, sizeof(e.value), "%u", q->version);
	out_format_answers(answers, act->number, note, sizeof(note));
	e.note = note;
	snprintf(what, sizeof(what), "Activity %u, %s: %ld/%d", act->number,
	         cat_escape(safe, sizeof(safe), act->words), score, q->max);
	return record_event(path, &e, what);
}

/* `progress set ID N` and `progress hold ID [--days N]`: one event in events.tsv. */
static int run_progress_event(const struct options *o, const char *sub, const char *step,
                              const struct catalogue *cat, unsigned ex,
                              const struct prg_result *res, const char *history, time_t now)
{
	const struct cat_exercise *e = &cat->exercises[ex];
	bool set = strcmp(sub, "set") == 0;
	/* The step as shown, counted from 1 (issue 20 §2); events keep k from 0. */
	long v = set       ? whole_number(step, 1, res->steps + 1) - 1
	         : o->days ? whole_number(o->days, 0, 3650)
	                   : 7;
	struct ev_event ev;
	struct hist_error err;
	char path[PATH_LEN], words[256], day[16], safe[4 * PATH_LEN];
	int rc;

	if (v < 0 && set)
		return res->steps
		           ? usage_error("progress set: %s has steps 1 to %u, not '%s'", e->id,
		                         res->steps + 1, step)
		           : usage_error("progress set: %s has a fixed dose: step 1 only, not '%s'",
		                         e->id, step);
	if (v < 0)
		return usage_error("--days wants a number of days from 0 to 3650, not '%s'",
		                   o->days);
	if ((rc = events_path(history, path, sizeof(path))) != 0)
		return rc;
	ev_init(&ev, set ? EV_SET : EV_HOLD, now);
	snprintf(ev.exercise, sizeof(ev.exercise), "%s", e->id);
	/* A step is written `k/K`, as the history writes it (issue 20 §1): a changed
	 * ladder can still tell which step was meant. */
	if (set)
		snprintf(ev.value, sizeof(ev.value), "%d/%u", (int)v, res->steps);
	else
		snprintf(ev.value, sizeof(ev.value), "%d", (int)v);
	if (ev_append(path, &ev, &err) != 0)
		return say_error(err.msg, EXIT_IOERR);
	cat_escape(safe, sizeof(safe), path);
	if (set) {
		printf("%s: %s, recorded in %s\n", e->name,
		       words_step_dose(e, (unsigned)v, words, sizeof(words)), safe);
	} else if (v == 0) {
		printf("%s: hold ended, recorded in %s\n", e->name, safe);
	} else {
		printf("%s: no step up until %s, recorded in %s\n", e->name,
		       hist_format_day(hist_today(now) + (int32_t)v, day, sizeof(day)), safe);
	}
	return 0;
}

/*
 * A routine's id where `progress set|hold` wants an exercise's: exit 64,
 * naming the routine's exercises, one of which was meant.
 */
static int progress_routine_refused(const struct catalogue *cat, const char *sub, int routine)
{
	const struct cat_routine *r = &cat->routines[routine];
	char ids[CAT_MAX_EXERCISES * (CAT_MAX_ID + 2) + 1] = "";
	size_t at = 0;

	for (unsigned i = 0; i < r->n_exercises && at < sizeof(ids); i++)
		at += (size_t)snprintf(ids + at, sizeof(ids) - at, "%s%s", i ? ", " : "",
		                       cat->exercises[r->exercises[i]].id);
	return usage_error("progress %s takes an exercise, and %s is a routine of %s", sub, r->id,
	                   ids);
}

/*
 * --today DATE for the verbs that read the steps: *now becomes noon UTC of
 * that day (the same date in every time zone) and *as_of the day; without
 * it both are left. 64 for a date that is not one.
 */
static int today_arg(const struct options *o, time_t *now, int32_t *as_of)
{
	int32_t day;
	time_t when;
	char ts[40];

	if (!o->today)
		return 0;
	snprintf(ts, sizeof(ts), "%.10sT12:00:00Z", o->today);
	if (hist_parse_time(ts, strlen(ts), &day, &when))
		return usage_error("--today wants a date as YYYY-MM-DD, not '%s'", o->today);
	*now = when;
	*as_of = day; /* as on that day: what came after is left out */
	return 0;
}

/*
 * `lumbar why [ID]` (issue 20 §2): alone, the rules and their numbers; with
 * an exercise, why it is at its step and when the next may come, from the
 * record as of today (or --today).
 */
static int run_why(const struct options *o, const struct settings *st, const struct catalogue *cat,
                   const char *history)
{
	struct prg_result res[CAT_MAX_EXERCISES];
	struct plan_dose dose;
	struct steps_rules rules;
	struct records rec;
	unsigned x = 0;
	time_t now = wall_now();
	int32_t as_of = INT32_MIN;
	int rc;

	if (o->n_args > 1)
		return usage_error("unexpected argument '%s'", o->args[1]);
	if (o->n_args == 1 && (rc = find_exercise(cat, o->args[0], &x)) != 0)
		return rc;
	if ((rc = today_arg(o, &now, &as_of)) != 0)
		return rc;
	steps_rules(&rules, cat, st);
	if (o->n_args == 0) {
		cli_why(stdout, cat, -1, NULL, NULL, &rules.params, 0);
		return 0;
	}
	derive_steps(o, st, cat, &rules, history, now, as_of, res, &dose, &rec);
	cli_why(stdout, cat, (int)x, &res[x], &rec.h, &rules.params, rec.today);
	rec_free(&rec);
	return 0;
}

/*
 * `lumbar progress [ID|ROUTINE]`, `progress set ID N`, `progress hold ID
 * [--days N]`: the steps, or an event that moves one.
 */
static int run_progress(const struct options *o, const struct settings *st,
                        const struct catalogue *cat, const char *history)
{
	struct prg_result res[CAT_MAX_EXERCISES];
	struct plan_dose dose;
	struct steps_rules rules;
	unsigned only[CAT_MAX_EXERCISES], n = 0;
	const char *sub = NULL, *id = NULL, *step = NULL;
	time_t now = wall_now();
	int rc, routine = -1;

	if (o->n_args > 0 && (strcmp(o->args[0], "set") == 0 || strcmp(o->args[0], "hold") == 0)) {
		sub = o->args[0];
		if (o->n_args < 2)
			return usage_error("progress %s needs an exercise id", sub);
		id = o->args[1];
		if (strcmp(sub, "set") == 0 && o->n_args < 3)
			return usage_error("progress set needs a step number");
		if (o->n_args > (strcmp(sub, "set") == 0 ? 3u : 2u))
			return usage_error("unexpected argument '%s'", o->args[o->n_args - 1]);
		step = strcmp(sub, "set") == 0 ? o->args[2] : NULL;
	} else if (o->n_args > 1) {
		return usage_error("unexpected argument '%s'", o->args[1]);
	} else if (o->n_args == 1) {
		id = o->args[0];
	}
	if (id && (routine = cat_find_routine(cat, id)) >= 0) {
		if (sub)
			return progress_routine_refused(cat, sub, routine);
		for (n = 0; n < cat->routines[routine].n_exercises; n++)
			only[n] = cat->routines[routine].exercises[n];
	} else if (id) {
		if ((rc = find_exercise(cat, id, &only[0])) != 0)
			return rc;
		n = 1;
	}
	int32_t as_of = INT32_MIN;
	if ((rc = today_arg(o, &now, &as_of)) != 0)
		return rc;
	steps_rules(&rules, cat, st);
	derive_steps(o, st, cat, &rules, history, now, as_of, res, &dose, NULL);
	if (sub)
		return run_progress_event(o, sub, step, cat, only[0], &res[only[0]], history, now);
	cli_progress(stdout, cat, res, id ? only : NULL, n, o->tsv);
	return 0;
}

/*
 * The questionnaires the menu may offer (issue 22): the shipped ones and the
 * clinic's folder. A clinic's file that does not load is left out (with
 * q_set_load()'s rule for the others) and *note says so under the menu
 * ('lumbar check' says where).
 */
static struct q_set *player_questionnaires(const char **note)
{
	static char said[512];
	char dir[PATH_LEN], safe[4 * PATH_LEN];
	struct q_set *set = xmalloc(sizeof(*set));
	struct q_failure *fail = xmalloc(sizeof(*fail));

	if (q_dir(getenv("XDG_CONFIG_HOME"), getenv("HOME"), dir, sizeof(dir)) != 0)
		dir[0] = '\0';
	if (q_set_load(dir, set, fail) != CAT_OK) {
		snprintf(said, sizeof(said),
		         "The questionnaire %s was not read: 'lumbar check' says why.",
		         cat_escape(safe, sizeof(safe), fail->file));
		*note = said;
	}
	free(fail);
	return set;
}

/* TERM unset, empty or dumb: a terminal with no screen to draw on. */
static bool dumb_terminal(void)
{
	const char *term = getenv("TERM");

	return !term || !*term || strcmp(term, "dumb") == 0;
}

static int run_player(const struct options *o, const struct catalogue *cat, const char *history,
                      const struct plan_dose *dose, const struct steps_rules *rules,
                      const struct prg_result *steps, struct records *records)
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
		.figure = o->figure,
		.history_path = *history ? history : NULL,
		.on_phase = o->on_phase,
		.ask = !o->no_ask,
		.ask_pain_before = o->ask_pain_before,
		.ask_morning = o->ask_morning,
		.ask_outcomes = o->ask_outcomes,
		.emergency_number = o->emergency_number,
	};
	char msg[256];
	int rc;

	const char *target = o->n_args ? o->args[0] : NULL;

	/* `lumbar due` and `lumbar safety` start the screens there. */
	if (strcmp(o->verb->name, "due") == 0 || strcmp(o->verb->name, "safety") == 0)
		target = o->verb->name;
	if (target) {
		if (strcmp(target, "all") == 0) {
			u.start = UI_START_ROUTINE;
		} else if (strcmp(target, "due") == 0) {
			u.start = UI_START_DUE;
		} else if (strcmp(target, "safety") == 0) {
			u.start = UI_START_SAFETY;
		} else if ((rc = cat_find_routine(cat, target)) >= 0) {
			u.start = UI_START_NAMED;
			u.routine = (unsigned)rc;
		} else {
			if ((rc = find_exercise(cat, target, &u.exercise)) != 0)
				return rc;
			u.start = UI_START_EXERCISE;
		}
	}
	struct q_set *qs = NULL;
	if (u.ask && u.ask_outcomes)
		qs = player_questionnaires(&u.questionnaires_note);
	u.questionnaires = qs;
	/* Said now, on a plain terminal: once the screen is up it would be lost. */
	if (o->speak && !(u.speaker = hook_speaker(getenv("PATH"), msg, sizeof(msg)))) {
		fprintf(stderr, "%s: --speak: %s\n", progname, msg);
		free(qs);
		return EXIT_UNAVAILABLE;
	}
	bool lines = o->lines;

	if (!lines && isatty(STDIN_FILENO) && dumb_terminal()) {
		/* A terminal that cannot draw a screen still has lines (issue 24). */
		fprintf(stderr, "%s: TERM is %s: using the line mode (lumbar --lines)\n", progname,
		        getenv("TERM") && *getenv("TERM") ? "dumb" : "not set");
		lines = true;
	}
	if (!lines && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
		fprintf(stderr,
		        "%s: the timer needs a terminal; for plain text use 'lumbar --list' or "
		        "'lumbar --plan', or 'lumbar --lines' for the line mode\n",
		        progname);
		free(qs);
		return 1;
	}
	rc = lines ? lines_run(&u) : ui_run(&u);
	free(qs);
	return rc;
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
 * hist_path(), and EEXIST for a history that is one of lumbar's other files:
 * its events file, a progress file or lock (issue 18, item 17).
 */
static int history_path(const char *override, char *buf, size_t len)
{
	int rc = hist_path(override, getenv("XDG_STATE_HOME"), getenv("HOME"), buf, len);

	if (rc == 0 && own_history_clash(buf, getenv("XDG_STATE_HOME"), getenv("HOME")))
		return EEXIST;
	return rc;
}

/*
 * Why there is no history path: none to derive (no HOME), or one too long.
 * The player runs without a history when there is no HOME; a path too long
 * is always an error, as the user meant a file and would lose what is done.
 */
static int history_path_error(const struct options *o, int why)
{
	const char *clash =
	    why == EEXIST
	        ? own_history_clash(o->history_file, getenv("XDG_STATE_HOME"), getenv("HOME"))
	        : NULL;
	if (clash)
		return usage_error("--history-file %s is %s, not a history", o->history_file,
		                   clash);
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

/* ---- -o FILE --------------------------------------------------------------------- */

/*
 * The one output rule of `report -o` and `calendar -o`: a whole text, made
 * in memory, replaces FILE (file_replace()), or goes to standard output
 * without -o. Returns 0, or 74 said.
 */
static int put_output(const char *output, const char *history, const char *buf, size_t len)
{
	if (output && strcmp(output, "-") != 0) {
		/* Never over the history, its events, progress file or lock. */
		struct own_files own;
		char safe[4 * PATH_LEN];
		int rc;

		own_files(history, getenv("XDG_STATE_HOME"), getenv("HOME"), &own);
		if ((rc = file_replace(output, buf, len, own.list)) != 0) {
			fprintf(stderr, "%s: cannot write %s: %s\n", progname,
			        cat_escape(safe, sizeof(safe), output), file_strerror(rc));
			return EXIT_IOERR;
		}
		return 0;
	}
	fwrite(buf, 1, len, stdout);
	return flush_stdout(0);
}

/* ---- `lumbar report` ------------------------------------------------------------- */

/*
 * `lumbar report [--weeks N | --since DATE] [--format md|html|csv] [-o FILE]
 * [--today DATE] [-C FILE] [--history-file FILE]`: report.h does the work;
 * here are the options, the files and the one clock read (today).
 */
int verb_run_report(struct options *opt)
{
	struct options o = *opt;
	const char *weeks = o.weeks, *since = o.since, *output = o.output;
	enum rep_format fmt = REP_MD;
	time_t now = wall_now();
	int32_t today = o.today ? o.today_day : hist_today(now), from = 0, day,
	        as_of = o.today ? o.today_day : INT32_MIN;
	char history[PATH_LEN];
	int rc;

	if (o.vformat && rep_format_parse(o.vformat, &fmt) != 0)
		return usage_error("report: unknown format '%s' (use md, html or csv)", o.vformat);
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
	if ((rc = history_path(o.history_file, history, sizeof(history))) != 0)
		return history_path_error(&o, rc);

	struct loaded l = { 0 };
	struct records rec;
	struct report r;
	struct settings st;
	struct steps_rules rules;
	static struct prg_result steps[CAT_MAX_EXERCISES];
	char *buf = NULL;
	size_t len = 0;

	/* The settings: the progression's mode and thresholds, for its steps. */
	if ((rc = apply_settings(&o, &st)) != 0)
		return rc;
	if ((rc = load_catalogue(&o, &l)) != 0) {
		settings_free(&st);
		return rc;
	}
	/*
	 * --today: as on that day, what came after left out; else what is dated
	 * after now is named and left out (records.h). The kinds the report
	 * shows are kept, the steps derived from them, and every line is read,
	 * so that a damaged reminder is named as before.
	 */
	struct rec_request rq = as_of_request(now, as_of, INT32_MIN, REC_KINDS_REPORT);
	rq.every_line = true;
	if ((rc = read_record(&rec, history, rq, false)) == 0) {
		/* Written whole to memory first: a file is replaced only by a whole report. */
		FILE *mem = open_memstream(&buf, &len);
		int bad = !mem;

		rep_build(l.cat, &rec.h, &rec.ev, from, today, &r);
		steps_rules(&rules, l.cat, &st);
		record_steps(&rec, l.cat, &rules, steps);
		r.steps = steps; /* a step back not yet shown by a session */
		/* The Outcomes section: the shipped PEG and "My activities" (issue 22 §3). */
		struct questionnaire *qs = xmalloc(2 * sizeof(*qs));
		struct out_report outcomes;
		bool have_q = shipped_questionnaire(q_builtin_peg_yaml, q_builtin_peg_yaml_len,
		                                    &qs[0]) == 0 &&
		              shipped_questionnaire(q_builtin_activities_yaml,
		                                    q_builtin_activities_yaml_len, &qs[1]) == 0;
		out_report_build(&rec.ev, have_q ? &qs[0] : NULL, have_q ? &qs[1] : NULL, from,
		                 today, &outcomes);
		/* A clinic's own questionnaires, as the menu offers them (a broken file left out).
		 */
		const char *unread = NULL;
		struct q_set *set = player_questionnaires(&unread);
		if (unread)
			fprintf(stderr, "%s: %s\n", progname, unread);
		out_report_add_others(&outcomes, &rec.ev, set, from, today);
		r.outcomes = &outcomes;
		if (mem) {
			bad |= rep_write(mem, &r, fmt) != 0;
			bad |= fclose(mem) != 0;
		}
		out_report_free(&outcomes);
		free(set);
		free(qs);
		if (bad) {
			fprintf(stderr, "%s: out of memory\n", progname);
			rc = CAT_ENOMEM;
		} else {
			rc = put_output(output, history, buf, len);
		}
		rep_free(&r);
	}
	free(buf);
	rec_free(&rec);
	cat_free(l.cat);
	settings_free(&st);
	return rc;
}

/* ---- due, remind, pause, resume, status ------------------------------------------ */

/* Their own options, as cmd.c read them. */
struct verb_args {
	const char *verb;
	int quiet, count, install, dry_run, print_cron, verbose, help;
	const char *format, *until, *reason;
};

static void verb_args(const struct options *o, struct verb_args *va)
{
	*va = (struct verb_args){
		.verb = o->verb->name,
		.quiet = (o->given & CMD_VO_QUIET) != 0,
		.count = (o->given & CMD_VO_COUNT) != 0,
		.install = (o->given & CMD_VO_INSTALL) != 0,
		.dry_run = (o->given & CMD_VO_DRY_RUN) != 0,
		.print_cron = (o->given & CMD_VO_PRINT_CRON) != 0,
		.verbose = (o->given & CMD_VO_VERBOSE) != 0,
		.format = o->vformat,
		.until = o->until,
		.reason = o->reason,
	};
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
static int verb_read(struct verb_ctx *x, bool lengths, unsigned also);

static int verb_load(struct verb_ctx *x, bool read, bool lengths, unsigned also)
{
	int rc, why;

	x->now = wall_now();
	x->today = hist_today(x->now);
	settings_init(&x->st);
	if ((rc = apply_settings(&x->o, &x->st)) != 0)
		return rc;
	why = history_path(x->o.history_file, x->history, sizeof(x->history));
	if (why)
		return history_path_error(&x->o, why);
	if (ev_path(x->history, x->events, sizeof(x->events)) != 0)
		return history_path_error(&x->o, ENAMETOOLONG);
	return read ? verb_read(x, lengths, also) : 0;
}

/* verb_load()'s reading: the catalogue, the record once, and what is due. */
static int verb_read(struct verb_ctx *x, bool lengths, unsigned also)
{
	static struct prg_result res[CAT_MAX_EXERCISES];
	struct steps_rules rules;
	struct plan_dose dose;
	int rc;

	if ((rc = load_catalogue(&x->o, &x->l)) != 0)
		return rc;
	if ((rc = load_records(&x->rec, x->history, x->now, INT32_MIN,
	                       lengths ? INT32_MIN : hist_week_start(x->today),
	                       REC_KINDS_PAUSES | also, lengths, false, false)) != 0)
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
	int32_t until;
	char day[16];

	if (va->count)
		printf("%u\n", x->due.n);
	else if (as_line && rec_paused(&x->rec, &until))
		printf("paused until %s\n", hist_format_day(until, day, sizeof(day)));
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
	char exe[PATH_LEN], dir[PATH_LEN], path[PATH_LEN + 32], safe[4 * (PATH_LEN + 32)];
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
		cat_escape(safe, sizeof(safe), path);
		if (dry_run) {
			printf("# %s\n%s%s", safe, texts[i], i == 0 ? "\n" : "");
			continue;
		}
		if (hist_make_parent(path, &err) != 0) {
			say_error(err.msg, 0);
			return EXIT_IOERR;
		}
		int e = file_replace(path, texts[i], lens[i], NULL);
		if (e != 0) {
			fprintf(stderr, "%s: cannot write %s: %s\n", progname, safe,
			        file_strerror(e));
			return EXIT_IOERR;
		}
		printf("Wrote %s\n", safe);
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

/* `lumbar remind [--verbose]`: one notification per part of the day, when something is due. */
static int run_remind(struct verb_ctx *x, const struct verb_args *va)
{
	char title[64], body[4 * REM_LINE_WIDTH + 64], why[128];
	enum rem_verdict verdict = REM_SEND;
	struct hist_error err;
	int rc, fd;

	if (va->quiet || va->count || va->format || va->until || va->reason ||
	    (va->dry_run && !va->install) || va->install + va->print_cron + va->verbose > 1)
		return usage_error("remind takes --verbose, --install [--dry-run] or --print-cron");
	/* What the unit and the crontab line run is plain `lumbar remind` (lumbar(1)). */
	if ((va->install || va->print_cron) &&
	    (x->o.catalogue || x->o.history_file || x->o.set_level))
		return usage_error("remind %s runs plain 'lumbar remind' on the usual files: leave "
		                   "out -C, --history-file and --level",
		                   va->install ? "--install" : "--print-cron");
	if ((rc = verb_load(x, false, true, 0)) != 0)
		return rc;
	if (va->install)
		return remind_install(x, va->dry_run);
	if (va->print_cron)
		return remind_print_cron(x);
	/*
	 * The record is read once, under the lock: a second `remind` waiting
	 * for it then sees the first one's `remind` event (issue 18.18).
	 */
	if ((fd = rem_lock(x->events, &err)) < 0) {
		say_error(err.msg, 0);
		return EXIT_IOERR;
	}
	if ((rc = verb_read(x, true, REC_KIND(EV_REMIND))) != 0) {
		rem_unlock(fd);
		return rc;
	}
	snprintf(title, sizeof(title), "lumbar: %u exercise%s due", x->due.n,
	         x->due.n == 1 ? "" : "s");
	rem_due_names(x->l.cat, &x->due, body, sizeof(body));
	struct rem_turn turn = { &x->st.remind, x->events,
		                 x->due.n,      routine_playing(x->history),
		                 x->now,        x->st.notify ? x->st.notify : SETTINGS_NOTIFY,
		                 title,         body,
		                 &verdict };
	enum rem_outcome out = rem_run(&turn, &x->rec.ev, &err);
	rem_unlock(fd);
	switch (out) {
	case REM_SENT:
		if (va->verbose)
			printf("Sent: %s: %s\n", title, body);
		return 0;
	case REM_NOT_SENT:
		if (va->verbose)
			printf("Nothing sent: %s\n",
			       rem_why(&x->st.remind, verdict, x->now, why, sizeof(why)));
		return 1;
	case REM_NOTIFY_MISSING:
		if (!x->st.notify) {
			fprintf(stderr,
			        "%s: remind: notify-send is not installed: install the package "
			        "libnotify-bin, or set notify in config.yaml\n",
			        progname);
			return 3;
		}
		fprintf(stderr, "%s: remind: the notify command was not found\n", progname);
		return 3;
	case REM_NOTIFY_FAILED:
		fprintf(stderr, "%s: remind: the notify command failed\n", progname);
		return 3;
	default:
		say_error(err.msg, 0);
		return EXIT_IOERR;
	}
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
		say_error(err.msg, 0);
		return EXIT_NOINPUT;
	}
	if (!pause && !ev_paused_until(&x->ev, x->today, &now_until)) {
		printf("lumbar is not paused\n");
		return 0;
	}
	ev_init(&e, pause ? EV_PAUSE : EV_RESUME, x->now);
	if (pause) {
		hist_format_day(until, e.value, sizeof(e.value));
		e.note = va->reason ? va->reason : "";
	}
	if (ev_append(x->events, &e, &err) != 0) {
		say_error(err.msg, 0);
		return EXIT_IOERR;
	}
	if (pause)
		printf("Paused until %s: no reminders, and these days are not expected\n",
		       hist_format_day(until, day, sizeof(day)));
	else
		printf("Resumed\n");
	return 0;
}

/* `lumbar status [--format=json]`. */
static int run_status(struct verb_ctx *x, const struct verb_args *va)
{
	struct hist_day d;
	int rc;

	if ((va->format && strcmp(va->format, "json") != 0) || va->quiet || va->count ||
	    va->install || va->dry_run || va->print_cron || va->until || va->reason)
		return usage_error("status takes nothing or --format=json");
	if ((rc = verb_load(x, true, true, 0)) != 0)
		return rc;
	hist_summary_day(&x->sum, x->today, &d);
	struct status_info in = { .cat = x->l.cat,
		                  .due = &x->due,
		                  .today = d.done,
		                  .streak = x->sum.streak,
		                  .playing = routine_playing(x->history) };
	in.paused = rec_paused(&x->rec, &in.paused_until);
	if (va->format)
		status_json(stdout, &in);
	else
		status_text(stdout, &in);
	return 0;
}

/* One of due's script forms, remind, pause, resume or status: verb_load's verbs. */
static int run_loading_verb(const struct options *o,
                            int (*run)(struct verb_ctx *x, const struct verb_args *va))
{
	struct verb_ctx x;
	struct verb_args va;
	int rc;

	memset(&x, 0, sizeof(x));
	x.o = *o;
	verb_args(o, &va);
	rc = run(&x, &va);
	verb_ctx_free(&x);
	return rc;
}

static int run_pause_verb(struct verb_ctx *x, const struct verb_args *va)
{
	return run_pause(x, va, true);
}

static int run_resume_verb(struct verb_ctx *x, const struct verb_args *va)
{
	return run_pause(x, va, false);
}

int verb_run_due(struct options *o)
{
	/* A bare `lumbar due` plays what is due; its options are the script forms. */
	if (o->given == 0)
		return verb_run_play(o);
	return run_loading_verb(o, run_due);
}

int verb_run_remind(struct options *o)
{
	return run_loading_verb(o, run_remind);
}

int verb_run_pause(struct options *o)
{
	return run_loading_verb(o, run_pause_verb);
}

int verb_run_resume(struct options *o)
{
	return run_loading_verb(o, run_resume_verb);
}

int verb_run_status(struct options *o)
{
	return run_loading_verb(o, run_status);
}

/* ---- The plain modes and the player ------------------------------------------- */

/* How much the history path matters to a command. */
enum path_need {
	PATH_OPTIONAL, /* none is fine, and an unusable one counts as none */
	PATH_USABLE,   /* none is fine (no HOME: the timer still runs); too long is not */
	PATH_NEEDED,   /* there must be one */
};

/* What the plain modes and the player share, loaded by plain_load(). */
static struct plain {
	struct settings st;
	struct loaded l;
	char history[PATH_LEN];
	struct plan_dose dose;
	struct steps_rules rules;
	struct prg_result res[CAT_MAX_EXERCISES];
	struct records rec; /* kept for the player: the screens read it (ui.h) */
} plain;

static void plain_free(struct plain *p)
{
	rec_free(&p->rec);
	cat_free(p->l.cat);
	settings_free(&p->st);
}

/* Settings, the history path, the catalogue and (with `steps`) each exercise's step. */
static int plain_load(struct options *o, struct plain *p, enum path_need need, bool steps)
{
	int rc, why = history_path(o->history_file, p->history, sizeof(p->history));

	if (why == EEXIST)
		return history_path_error(o, why);
	if (why)
		p->history[0] = '\0';
	if ((rc = apply_settings(o, &p->st)) != 0)
		return rc;
	if ((why == ENAMETOOLONG && need != PATH_OPTIONAL) || (why && need == PATH_NEEDED))
		return history_path_error(o, why);
	if ((rc = load_catalogue(o, &p->l)) != 0)
		return rc;
	steps_rules(&p->rules, p->l.cat, &p->st);
	if (steps)
		derive_steps(o, &p->st, p->l.cat, &p->rules, p->history, wall_now(), INT32_MIN,
		             p->res, &p->dose, (o->verb->flags & VERB_TERMINAL) ? &p->rec : NULL);
	return 0;
}

int verb_run_play(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_USABLE, true);

	if (rc == 0)
		rc = run_player(o, plain.l.cat, plain.history, &plain.dose, &plain.rules, plain.res,
		                &plain.rec);
	plain_free(&plain);
	return rc;
}

int verb_run_list(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_OPTIONAL, true);

	if (rc == 0)
		cli_list(stdout, plain.l.cat, &plain.dose, o->tsv);
	plain_free(&plain);
	return rc;
}

/*
 * Figures in Braille where the locale's characters are UTF-8, else in
 * ASCII. The plain modes otherwise run in the C locale, so it is read and
 * put back.
 */
static enum fig_glyphs locale_glyphs(void)
{
	bool utf8;

	setlocale(LC_CTYPE, "");
	utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	setlocale(LC_CTYPE, "C");
	return utf8 ? FIG_BRAILLE : FIG_ASCII;
}

int verb_run_show(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_OPTIONAL, true);

	if (rc == 0) {
		unsigned ex;
		int r = cat_find_routine(plain.l.cat, o->args[0]);

		if (r >= 0)
			cli_show_routine(stdout, plain.l.cat, (unsigned)r, &plain.dose);
		else if ((rc = find_exercise(plain.l.cat, o->args[0], &ex)) == 0)
			cli_show(stdout, plain.l.cat, ex, &plain.dose, locale_glyphs());
	}
	plain_free(&plain);
	return rc;
}

/*
 * `lumbar programme [ROUTINE]`: the home-exercise sheet of the full routine
 * (no ROUTINE, or all), a named routine, or one exercise, each exercise at
 * its step (or --level); Markdown, or HTML with --format html; -o FILE
 * writes it as the report does.
 */
int verb_run_programme(struct options *o)
{
	enum rep_format fmt = REP_MD;
	const char *id = o->n_args > 0 ? o->args[0] : "all";
	unsigned idx[CAT_MAX_EXERCISES], n = 0;
	struct prog_sheet sheet = { 0 };
	int rc, r;

	if (o->vformat && (rep_format_parse(o->vformat, &fmt) != 0 || fmt == REP_CSV))
		return usage_error("programme: unknown format '%s' (use md or html)", o->vformat);
	if ((rc = plain_load(o, &plain, PATH_OPTIONAL, true)) != 0)
		goto out;
	sheet.cat = plain.l.cat;
	sheet.dose = &plain.dose;
	if (strcmp(id, "all") == 0) {
		for (n = 0; n < sheet.cat->n_exercises; n++)
			idx[n] = n;
		sheet.title = sheet.cat->routine_name;
	} else if ((r = cat_find_routine(sheet.cat, id)) >= 0) {
		n = sheet.cat->routines[r].n_exercises;
		memcpy(idx, sheet.cat->routines[r].exercises, n * sizeof(idx[0]));
		sheet.title = sheet.cat->routines[r].name;
	} else if ((rc = find_exercise(sheet.cat, id, &idx[0])) == 0) {
		n = 1;
		sheet.title = sheet.cat->exercises[idx[0]].name;
	} else {
		goto out;
	}
	sheet.exercises = idx;
	sheet.n = n;
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);
		bool bad = !mem;

		if (mem) {
			bad |= prog_write(mem, &sheet, fmt, locale_glyphs()) != 0;
			bad |= fclose(mem) != 0;
		}
		if (bad) {
			/* As xmalloc() does (file.h). */
			fprintf(stderr, "%s: out of memory\n", progname);
			exit(FILE_EXIT_NOMEM);
		}
		rc = put_output(o->output, plain.history, buf, len);
		free(buf);
	}
out:
	plain_free(&plain);
	return rc;
}

int verb_run_plan(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_OPTIONAL, true);

	if (rc == 0)
		rc = run_plan(o, plain.l.cat, &plain.dose);
	plain_free(&plain);
	return rc;
}

int verb_run_history(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_NEEDED, false);

	if (rc == 0)
		rc = run_history(o, plain.l.cat, plain.history, &plain.rules);
	plain_free(&plain);
	return rc;
}

int verb_run_progress(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_OPTIONAL, false);

	if (rc == 0)
		rc = run_progress(o, &plain.st, plain.l.cat, plain.history);
	plain_free(&plain);
	return rc;
}

int verb_run_why(struct options *o)
{
	int rc = plain_load(o, &plain, PATH_OPTIONAL, false);

	if (rc == 0)
		rc = run_why(o, &plain.st, plain.l.cat, plain.history);
	plain_free(&plain);
	return rc;
}

int verb_run_check(struct options *o)
{
	return run_check(o->n_args ? o->args[0] : NULL);
}

int verb_run_checkin(struct options *o)
{
	char history[PATH_LEN] = "";

	int why = history_path(o->history_file, history, sizeof(history));

	if (why == EEXIST)
		return history_path_error(o, why);
	if (why)
		history[0] = '\0';
	if ((o->given & CMD_VO_PEG) && (o->given & CMD_VO_ANSWER))
		return usage_error("checkin: --peg or --answer, not both");
	if (o->given & CMD_VO_PEG)
		return run_checkin_peg(o->args, o->n_args, history);
	if (o->given & CMD_VO_ANSWER)
		return run_checkin_answer(o->answer, o->args, o->n_args, history);
	if (o->n_args == 0)
		return cmd_needs_error(o); /* --peg and --answer say what they need */
	if (o->n_args > 1)
		return usage_error("unexpected argument '%s'", o->args[1]);
	return run_checkin(o->args[0], history);
}

int verb_run_activities(struct options *o)
{
	char history[PATH_LEN] = "";
	struct questionnaire *q = xmalloc(sizeof(*q));
	struct records rec = { 0 };
	int why = history_path(o->history_file, history, sizeof(history));
	int rc = why ? history_path_error(o, why)
	             : shipped_questionnaire(q_builtin_activities_yaml,
	                                     q_builtin_activities_yaml_len, q);

	if (rc == 0)
		rc = run_activities(o, history, q, &rec);
	rec_free(&rec);
	free(q);
	return rc;
}

/* ---- `lumbar log` (issue 22 §4) --------------------------------------------------- */

/* --date: YYYY-MM-DD, today or yesterday; never after today. 0, or 64 said. */
static int log_day(const char *date, int32_t today, int32_t *day)
{
	if (!date || strcmp(date, "today") == 0)
		*day = today;
	else if (strcmp(date, "yesterday") == 0)
		*day = today - 1;
	else if (strlen(date) != 10 || hist_parse_day(date, 10, day) != 0)
		return usage_error("log: --date wants YYYY-MM-DD, today or yesterday, not '%s'",
		                   date);
	if (*day > today)
		return usage_error(
		    "log: %s is in the future; log a session on the day it was done, "
		    "today or before",
		    date);
	return 0;
}

/* --pain and --pain-before: 0 to 10, or none given. 0, or 64 said. */
static int log_score(const char *option, const char *value, int *out)
{
	*out = HIST_NO_PAIN;
	if (value && (hist_parse_score(value, strlen(value), out) != 0 || *out == HIST_NO_PAIN))
		return usage_error("log: %s wants back pain from 0 to 10, not '%s'", option, value);
	return 0;
}

/*
 * `lumbar log ID|ROUTINE [--date DATE] [--pain-before N] [--pain N]
 * [--status done|partial]`: a session done without the timer, one history
 * line an exercise as the player writes them (the step in force that day,
 * its planned work time as active seconds), with one session id and the
 * source `log`. Everything is checked before the one append: a mistake
 * writes nothing. A past day's lines are at its local noon (hist_noon()),
 * today's at now: never in the future.
 */
int verb_run_log(struct options *o)
{
	time_t now = wall_now();
	int32_t today = hist_today(now), day;
	enum hist_result status = HIST_DONE;
	unsigned idx[CAT_MAX_EXERCISES], n = 0;
	int pain, before, rc;

	if ((rc = log_day(o->date, today, &day)) != 0 ||
	    (rc = log_score("--pain", o->pain, &pain)) != 0 ||
	    (rc = log_score("--pain-before", o->pain_before, &before)) != 0)
		return rc;
	if (o->status && (hist_result_parse(o->status, &status) != 0 || status == HIST_STOPPED))
		return usage_error("log: --status wants done or partial, not '%s'", o->status);
	if ((rc = plain_load(o, &plain, PATH_NEEDED, false)) == 0 &&
	    (rc = exercises_of(plain.l.cat, o->args[0], idx, &n)) == 0) {
		const struct catalogue *cat = plain.l.cat;
		struct hist_entry e[CAT_MAX_EXERCISES];
		struct hist_error err;
		struct plan plan;
		uint64_t session = hist_session_new(now, (unsigned long)getpid());

		/* The dose of that day: the steps as they were then (lines after it left out). */
		derive_steps(o, &plain.st, cat, &plain.rules, plain.history, now,
		             day == today ? INT32_MIN : day, plain.res, &plain.dose, NULL);
		(void)plan_build_dose(cat, idx, n, &plain.dose, &plan);
		for (unsigned i = 0; i < n; i++) {
			hist_entry_init(&e[i]);
			snprintf(e[i].id, sizeof(e[i].id), "%s", cat->exercises[idx[i]].id);
			e[i].when = day == today ? now : hist_noon(day);
			e[i].day = day;
			e[i].status = status;
			e[i].active_s = plan_work_seconds(&plan, i);
			e[i].pain = pain;
			e[i].pain_before = before;
			journal_step(cat, &plan, i, &e[i].step);
			e[i].session = session;
			e[i].source = HIST_SRC_LOG;
		}
		if (hist_append(plain.history, e, n, &err) != 0)
			rc = say_error(err.msg, EXIT_IOERR);
		else
			cli_logged(stdout, cat, &plan, e, n, today, plain.history);
		plan_free(&plan);
	}
	plain_free(&plain);
	return rc == 0 ? flush_stdout(0) : rc;
}

/*
 * `lumbar safety`: the lists need neither the settings nor the catalogue,
 * so a broken one is said after them (exit 0). Without a terminal they are
 * printed; with one, the screen shows them (the built-in catalogue standing
 * in for a broken one, which the safety screen does not show).
 */
int verb_run_safety(struct options *o)
{
	struct said_later later = { .rc = 0 };
	struct cat_error builtin_err;
	int rc = 0;

	(void)apply_settings_or_later(o, &plain.st, &later);
	if (load_catalogue_or_later(o, &plain.l, &later) != 0 &&
	    cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &plain.l.cat, &builtin_err) !=
	        CAT_OK)
		plain.l.cat = NULL;
	/* The line mode asks its question through a pipe too (issue 24). */
	if ((!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) && !o->lines) {
		cli_safety(stdout);
		fflush(stdout);
	} else if (plain.l.cat != NULL) {
		if (hist_path(o->history_file, getenv("XDG_STATE_HOME"), getenv("HOME"),
		              plain.history, sizeof(plain.history)) != 0)
			plain.history[0] = '\0';
		steps_rules(&plain.rules, plain.l.cat, &plain.st);
		derive_steps(o, &plain.st, plain.l.cat, &plain.rules, plain.history, wall_now(),
		             INT32_MIN, plain.res, &plain.dose, &plain.rec);
		rc = run_player(o, plain.l.cat, plain.history, &plain.dose, &plain.rules, plain.res,
		                &plain.rec);
	} else {
		rc = later.rc; /* not even the built-in catalogue: out of memory */
	}
	say_now(&later);
	plain_free(&plain);
	return rc;
}

/* ---- `lumbar calendar` ------------------------------------------------------------ */

/*
 * `lumbar calendar [-o FILE] [--history]`: ical.h makes the file from the
 * reminder times, the catalogue and today's steps (the history read once
 * serves --history too); -o goes through report's output rule.
 */
int verb_run_calendar(struct options *o)
{
	bool sessions = (o->given & CMD_VO_HISTORY) != 0;
	time_t now = wall_now();
	char *buf = NULL;
	size_t len = 0;
	int rc = plain_load(o, &plain, sessions ? PATH_NEEDED : PATH_OPTIONAL, false);

	if (rc == 0) {
		derive_steps(o, &plain.st, plain.l.cat, &plain.rules, plain.history, now, INT32_MIN,
		             plain.res, &plain.dose, &plain.rec);
		struct ical_input in = { .cat = plain.l.cat,
			                 .dose = &plain.dose,
			                 .at = plain.st.remind.at,
			                 .n_at = plain.st.remind.n_at,
			                 .today = hist_today(now),
			                 .now = now,
			                 .history = sessions ? &plain.rec.h : NULL };
		FILE *mem = open_memstream(&buf, &len);

		if (!mem || (ical_write(mem, &in) != 0) | (fclose(mem) != 0)) {
			/* As xmalloc() does (file.h). */
			fprintf(stderr, "%s: out of memory\n", progname);
			exit(FILE_EXIT_NOMEM);
		}
		rc = put_output(o->output, plain.history, buf, len);
	}
	free(buf);
	plain_free(&plain);
	return rc;
}

/* ---- `lumbar merge` --------------------------------------------------------------- */

/* The last name of a path. */
static const char *last_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* Whether two paths are one existing file. */
static bool same_file(const char *a, const char *b)
{
	struct stat x, y;

	return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

/*
 * `lumbar merge FILE...`: each FILE goes to the history or to events.tsv,
 * by its name (a conflict copy of either) or else by its lines; merge.h
 * appends what the real file lacks, one write each. Every FILE is read
 * before anything is written: one that cannot be read writes nothing.
 */
int verb_run_merge(struct options *o)
{
	char real[2][PATH_LEN], safe[4 * PATH_LEN];
	unsigned n = o->n_args;
	struct merge_src *src = xcalloc(n, sizeof(*src));
	struct cli_damage *dmg = xcalloc(n, sizeof(*dmg));
	int *kind = xcalloc(n, sizeof(*kind));
	int rc = 0, why;

	why = hist_path(o->history_file, getenv("XDG_STATE_HOME"), getenv("HOME"), real[0],
	                sizeof(real[0]));
	if (why)
		rc = history_path_error(o, why);
	else if (ev_path(real[0], real[1], sizeof(real[1])) != 0)
		rc = history_path_error(o, ENAMETOOLONG);
	for (unsigned i = 0; rc == 0 && i < n; i++) {
		const char *f = o->args[i], *name = last_name(f);
		char *buf;
		size_t len;
		int e = file_read(f, HIST_MAX_FILE, FILE_FOLLOW, &buf, &len);

		cat_escape(safe, sizeof(safe), f);
		if (e != 0) {
			fprintf(stderr, "%s: cannot read %s: %s\n", progname, safe,
			        file_strerror(e));
			rc = EXIT_NOINPUT;
			break;
		}
		src[i] = (struct merge_src){ buf, len, cli_damage_line, &dmg[i] };
		dmg[i] = (struct cli_damage){ f, 0 };
		if (same_file(f, real[0]) || same_file(f, real[1])) {
			rc = usage_error("merge: %s is your own file; give the copy", f);
			break;
		}
		if (merge_is_copy(last_name(real[0]), name))
			kind[i] = MERGE_HISTORY;
		else if (merge_is_copy(last_name(real[1]), name))
			kind[i] = MERGE_EVENTS;
		else
			kind[i] = merge_kind_of(buf, len);
		if (kind[i] < 0) {
			fprintf(stderr, "%s: %s holds no history or events lines\n", progname,
			        safe);
			rc = CMD_EXIT_DATAERR;
		}
	}
	for (int k = MERGE_HISTORY; rc == 0 && k <= MERGE_EVENTS; k++) {
		struct merge_src *mine = xcalloc(n, sizeof(*mine));
		struct hist_error err;
		unsigned m = 0;
		long added;

		for (unsigned i = 0; i < n; i++)
			if (kind[i] == k)
				mine[m++] = src[i];
		if (m && (added = merge_into(real[k], (enum merge_kind)k, mine, m, &err)) < 0) {
			say_error(err.msg, 0);
			rc = EXIT_IOERR;
		} else if (m) {
			printf("%ld line%s added to %s%s\n", added, added == 1 ? "" : "s",
			       cat_escape(safe, sizeof(safe), real[k]),
			       added ? "" : ": it holds every line of the copies");
		}
		free(mine);
	}
	for (unsigned i = 0; i < n; i++) {
		if (dmg[i].path)
			cli_damage_end(&dmg[i]);
		free((char *)(uintptr_t)src[i].buf);
	}
	free(src);
	free(dmg);
	free(kind);
	return rc;
}

void verb_notice_copies(const struct options *o)
{
	char history[PATH_LEN], msg[4096];

	/* Not for merge itself, nor for the screens: the menu's status line says it. */
	if (!(o->verb->flags & VERB_RECORDS) || o->verb->run == verb_run_merge ||
	    ((o->verb->flags & VERB_TERMINAL) && cmd_writes(o)))
		return;
	if (hist_path(o->history_file, getenv("XDG_STATE_HOME"), getenv("HOME"), history,
	              sizeof(history)) != 0)
		return;
	if (merge_notice(history, msg, sizeof(msg)))
		say_error(msg, 0);
}

int verb_run_help(struct options *o)
{
	const struct verb *v = o->n_args ? verb_find(o->args[0]) : NULL;

	if (o->n_args && v == NULL)
		return usage_error("no command '%s'", o->args[0]);
	if (v)
		verb_print_help(stdout, v);
	else
		verbs_print_usage(stdout);
	return 0;
}

int verb_run_reserved(struct options *o)
{
	fprintf(stderr,
	        "%s: '%s' is not available in this version of lumbar (see 'lumbar --help'); "
	        "to play an exercise of that id: lumbar play %s\n",
	        progname, o->verb->name, o->verb->name);
	return EXIT_UNAVAILABLE;
}

int verb_run_version(struct options *o)
{
	struct settings st;
	struct loaded l = { 0 };
	int rc;

	if ((rc = apply_settings(o, &st)) != 0)
		return rc;
	/* Says which catalogue would be used, without judging it. */
	lookup_catalogue(o, &l);
	/* The built-in copy has no path: its name alone, not "built-in copy (built-in copy)". */
	if (l.source == CAT_SRC_BUILTIN)
		printf("lumbar %s\ncatalogue: %s\n", LUMBAR_VERSION, cat_source_name(l.source));
	else
		printf("lumbar %s\ncatalogue: %s (%s)\n", LUMBAR_VERSION, l.path,
		       cat_source_name(l.source));
	settings_free(&st);
	return 0;
}

int cmd_flush_stdout(int rc)
{
	return flush_stdout(rc);
}
