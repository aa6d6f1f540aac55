/*
 * ui.h - the full-screen front end (ncurses). The only module, with its
 * ui_*.c siblings, that includes curses.
 *
 * Everything that can fail before the first frame (arguments, catalogue,
 * validation) has already happened in main.c when ui_run() is called.
 */
#ifndef LUMBAR_UI_H
#define LUMBAR_UI_H

#include <stdbool.h>

#include "catalogue.h"
#include "plan.h"
#include "steps.h"

struct records;
struct q_set;

/* What to show first. */
enum ui_start {
	UI_START_MENU,     /* `lumbar` */
	UI_START_ROUTINE,  /* `lumbar all` */
	UI_START_EXERCISE, /* `lumbar ID` */
	UI_START_DUE,      /* `lumbar due` */
	UI_START_NAMED,    /* `lumbar morning`: a named routine of the catalogue */
	UI_START_SAFETY,   /* `lumbar safety`: the safety screen, then exit */
};

struct ui_options {
	const struct catalogue *cat;
	enum cat_level level;
	const struct plan_dose *dose;    /* each exercise's numbers: its step, or level forced */
	const struct steps_rules *rules; /* progression's rules (config.yaml); NULL: none */
	const struct prg_result *steps;  /* each exercise's step at start; NULL: none */
	/*
	 * The record read at start (records.h), loaded with REC_KINDS_SCREENS,
	 * steps and `partial`: the screens read it, and reload it in place
	 * (rec_reload()) after lumbar writes or when a file changed. NULL: the
	 * screens load their own.
	 */
	struct records *records;
	enum ui_start start;
	unsigned exercise;        /* with UI_START_EXERCISE */
	unsigned routine;         /* with UI_START_NAMED: index into cat->routines */
	bool bell;                /* audible bell at phase changes */
	bool flash;               /* visual flash (kept with --no-bell) */
	bool color;               /* false with NO_COLOR or --no-color */
	bool figure;              /* the player's figure: false with figure: false or --no-figure */
	const char *history_path; /* where sessions are logged; NULL: none */
	const char *on_phase;     /* --on-phase command run at each phase; NULL: none */
	const char *speaker;      /* speech command (hook_speaker()); NULL: silent */
	/*
	 * false with --no-ask: no question or first-run screen of issue 12 this
	 * run (the pain before, the morning check-in, the safety screen).
	 */
	bool ask;
	bool ask_pain_before; /* config ask_pain_before (default true) */
	/* config.yaml's ask_morning: the morning check-in. */
	bool ask_morning;
	/*
	 * The questionnaires offered over the menu (issue 22, outcomes.h's
	 * out_offer()): the shipped ones and the clinic's, loaded before the
	 * screen; NULL: none. ask_outcomes is config.yaml's (default true).
	 * questionnaires_note, when not NULL, is said under the menu (a
	 * clinic's file that did not load: those before it are offered).
	 */
	const struct q_set *questionnaires;
	bool ask_outcomes;
	const char *questionnaires_note;
	/* config.yaml's emergency_number; NULL: "112". */
	const char *emergency_number;
};

/*
 * Run the interactive program until the user quits. Requires stdin and
 * stdout to be a terminal (main.c checks). Restores the terminal on every
 * way out. Returns an exit status: 0, or 130/143/129 after SIGINT, SIGTERM,
 * SIGHUP, or 1 after an error it has already reported on stderr.
 */
int ui_run(const struct ui_options *o);

#endif
