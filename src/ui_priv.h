/*
 * ui_priv.h - what the ui_*.c files share: the state every screen draws
 * from, the actions keys map to, the table of screens, and each screen's
 * functions (ncdu's shape: one file per screen, holding that screen's own
 * state; the loop in ui.c).
 *
 * The screens never read a clock: ui.c stores CLOCK_MONOTONIC in ui->now
 * and the wall clock in ui->wall_ms, once per turn of its loop (and before
 * each key), and the screens hand them down to the core.
 */
#ifndef LUMBAR_UI_PRIV_H
#define LUMBAR_UI_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>

#include "app.h"
#include "catalogue.h"
#include "events.h"
#include "history.h"
#include "journal.h"
#include "plan.h"
#include "progress.h"
#include "records.h"
#include "session.h"
#include "ui.h"

enum ui_screen {
	UI_SCREEN_MENU,
	UI_SCREEN_INFO,
	UI_SCREEN_PLAYER,
	UI_SCREEN_SUMMARY,
	UI_SCREEN_HELP,
	UI_SCREEN_HISTORY, /* `h` in the menu */
	UI_SCREEN_RESUME,  /* "Resume routine at ...? y/n" at start */
	UI_SCREEN_PAIN,    /* "How is your back right now? 0-10" before a plan */
	UI_SCREEN_STOP,    /* `x` in the player: "Stopped ...", pain now, what next */
	UI_SCREEN_SAFETY,  /* when to get help: `i`, `lumbar safety`, and at start when due */
	UI_SCREEN_MORNING, /* "Back pain this morning? 0-10" over the menu at start */
	UI_SCREEN_OUTCOME, /* a questionnaire offered over the menu at start (issue 22) */
	UI_SCREEN_COUNT
};

/* Where a key binding applies: one bit per screen, plus the quit question. */
enum {
	UI_CTX_MENU = 1u << 0,
	UI_CTX_INFO = 1u << 1,
	UI_CTX_PLAYER = 1u << 2,
	UI_CTX_CONFIRM = 1u << 3,
	UI_CTX_SUMMARY = 1u << 4,
	UI_CTX_HELP = 1u << 5,
	UI_CTX_HISTORY = 1u << 6,
	UI_CTX_RESUME = 1u << 7,
	UI_CTX_PAIN = 1u << 8,     /* the pain-before question */
	UI_CTX_STOP = 1u << 9,     /* the stop screen while it asks the pain score */
	UI_CTX_STOPPED = 1u << 10, /* the stop screen's choices, once answered */
	UI_CTX_SAFETY = 1u << 11,  /* when to get help */
	UI_CTX_MORNING = 1u << 12, /* the morning check-in */
	UI_CTX_OUTCOME = 1u << 13, /* the outcome check-in */
};

/* The menu's first entries; the exercises follow from UI_MENU_FIRST_EXERCISE. */
enum {
	UI_MENU_ROUTINE = 0,
	UI_MENU_DUE = 1,
	UI_MENU_FIRST_EXERCISE = 2,
};

/* Longest status line kept, in bytes. */
enum { UI_STATUS_MAX = 800 };

/* What `lumbar due` and the menu's due entry say instead of an empty plan. */
#define UI_NOTHING_DUE "Nothing is due: every exercise has met its frequency for now."

/* Everything a key can ask for. The key table in ui.c maps keys to these. */
enum ui_action {
	UI_ACT_NONE,
	UI_ACT_UP,
	UI_ACT_DOWN,
	UI_ACT_PAGE_UP,
	UI_ACT_PAGE_DOWN,
	UI_ACT_FIRST,
	UI_ACT_LAST,
	UI_ACT_START,
	UI_ACT_ROUTINE,
	UI_ACT_DUE,
	UI_ACT_HISTORY,
	UI_ACT_INFO,
	UI_ACT_PAUSE,
	UI_ACT_NEXT,
	UI_ACT_PREV,
	UI_ACT_SKIP,
	UI_ACT_QUIT,
	UI_ACT_YES,
	UI_ACT_NO,
	UI_ACT_BACK,
	UI_ACT_HELP,
	UI_ACT_INTERRUPT,
	UI_ACT_DIGIT,  /* a digit typed into the pain score; the key is in ui->key */
	UI_ACT_ERASE,  /* Backspace in the pain score */
	UI_ACT_STOP,   /* x in the player: stop the exercise (ui_stop.c) */
	UI_ACT_END,    /* e on the stop screen: end the session */
	UI_ACT_SAFETY, /* i on the stop screen: when to get help */
	/* The safety screen's "none of these, continue" and "one of these applies". */
	UI_ACT_CONTINUE,
	UI_ACT_APPLIES,
	UI_ACT_VIDEO,  /* o on the details screen and the player: open the video (hook_open) */
	UI_ACT_FIGURE, /* f in the player: hide or show the figure */
};

/*
 * One key binding. `name` is how the help screen writes the key (NULL for an
 * alias the help does not list, such as '\r' beside '\n'); `help` is given
 * on the first binding of an action in a context, and the help screen lists
 * the names of every binding of that action beside it.
 */
struct ui_binding {
	unsigned ctx;
	int key;
	const char *name;
	enum ui_action action;
	const char *help;
};

/* ---- ui_keys.c: the key table ---------------------------------------------- */

/* The key table, in the order the help screen lists it. */
const struct ui_binding *ui_bindings(size_t *n);

/* The action `key` asks for in context `ctx` (UI_CTX_* bits); UI_ACT_NONE if none. */
enum ui_action ui_action_of(unsigned ctx, int key);

/* A pain score (or a questionnaire's answer) being typed (ui_pain.c). */
struct ui_score {
	char text[4]; /* the digits typed, kept within 0..10 (or the scale's 0..max) */
};

/* The program state. One instance, owned by ui_run(). */
struct ui {
	const struct ui_options *opt;
	/*
	 * The clocks, read once per turn of the loop (ui.c) and handed down:
	 * CLOCK_MONOTONIC in ms for the session, the wall clock in ms for what
	 * is written and for the days the menu counts.
	 */
	int64_t now;
	int64_t wall_ms;
	int key; /* the key behind the action being handled */

	enum ui_screen screen;
	bool quit;         /* leave the event loop */
	int status;        /* exit status when quitting */
	const char *error; /* printed on stderr after teardown */

	/* A one-line note under the menu: warnings, or why nothing started. */
	char status_line[UI_STATUS_MAX];
	bool status_alert;             /* a warning, not just information */
	char exit_note[UI_STATUS_MAX]; /* said on stderr after the terminal is back */
	const char *farewell;          /* said on stdout instead of starting at all */

	/*
	 * The session's life (app.h): the plan being played, its session, what
	 * waits to be written, the progress file. The screens read it and turn
	 * keys into calls on it.
	 */
	struct app app;
	bool confirm;        /* "Quit? y/n" is showing */
	bool held_by_modal;  /* the help or the question paused a running session */
	bool figure_toggled; /* `f` in the player: the figure is shown when opt->figure differs */

	/*
	 * The person's record (ui_log.c, records.h): the one main loaded
	 * (opt->records), else rec_own; read again, never while drawing, after
	 * lumbar appends and when a file changed under an open screen
	 * (rec_reload()). rec->h is the history. hist_ok is false when there is
	 * no history to show: no path, or a file that cannot be read
	 * (hist_warning says why); events_ok, when the events file was read
	 * (or is not there yet).
	 */
	struct records *rec;
	struct records rec_own;
	bool events_ok;
	struct hist_summary hist_sum;
	bool hist_ok;
	const char *hist_warning;
	char hist_warn_buf[UI_STATUS_MAX];
	unsigned hist_writes; /* app.writes when the history was last read */

	/* The summary's pain question: what is typed. */
	struct ui_score pain;
};

/* ---- A screen's text, for either front end --------------------------------- */

/*
 * Where a screen says its text: the full screen's flow of paragraphs (with
 * its colours), or the line mode's plain lines (lines.c). The screens that
 * both front ends show build their text once, through one of these, so the
 * wording and the rules of what is said live in one place.
 */
enum ui_text_role {
	UI_TEXT_NORMAL,
	UI_TEXT_TITLE, /* a heading, or what the person must answer */
	UI_TEXT_DIM,   /* an aside */
	UI_TEXT_ALERT, /* a warning */
	UI_TEXT_HEAD,  /* the screen's headline */
};
struct ui_score;
struct ui_text {
	/* A paragraph, after `prefix` (NULL: none), such as " - " for a list's item. */
	void (*add)(struct ui_text *t, const char *prefix, const char *text,
	            enum ui_text_role role);
	/* A blank row; `always` false: only where the screen has room to spare. */
	void (*gap)(struct ui_text *t, bool always);
	/* A pain question (words_q_*) and what is typed after it. */
	void (*ask)(struct ui_text *t, const char *question, const struct ui_score *sc);
	/* The full screen: the terminal's cursor `back` columns before the end of the last text. */
	void (*cursor)(struct ui_text *t, int back);
	void *ctx;
	/* What is typed shows as it is typed (the line mode): the text never repeats it. */
	bool echoes;
};

/* ---- ui_sig.c: signals, clocks and the sleep, for both front ends ------------ */

/* Set by the handlers: a signal came (each cleared by ui_sig_setup()). */
extern volatile sig_atomic_t ui_sig_int, ui_sig_term, ui_sig_hup, ui_sig_quit, ui_sig_tstp;

/*
 * Catch SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP (unless ignored), SIGCHLD
 * and SIGWINCH, blocked except while sleeping; ignore SIGPIPE. `teardown`
 * is registered with atexit() once: the terminal is given back on any exit().
 */
void ui_sig_setup(void (*teardown)(void));
/* Give the caller's signal mask and default actions back. */
void ui_sig_restore(void);
/* Catch `sig` with the flag-setting handler. */
void ui_sig_catch(int sig);
/*
 * The start of a turn of either loop: false, with ui->status set (130, 143,
 * 129, 131), when a signal ends the program; else the clocks read, after
 * `suspend` when Ctrl-Z came.
 */
bool ui_turn(struct ui *ui, void (*suspend)(struct ui *ui));
/* Ctrl-Z: stop with the default action here; on SIGCONT catch SIGTSTP again. */
void ui_sig_stop_here(void);
/* Read both clocks into ui->now (CLOCK_MONOTONIC) and ui->wall_ms. */
void ui_read_clocks(struct ui *ui);
/*
 * Sleep until standard input can be read, a signal, or `wait_ms` (-1: no
 * limit) passes. Returns 1 for input, 0 when the time ran out, -1 when a
 * signal (or an error) cut the sleep short.
 */
int ui_sleep_until(int64_t wait_ms);

/* ---- ui_screens.c: the table of screens ------------------------------------ */

struct ui_screen_def {
	const char *name;
	unsigned ctx; /* the UI_CTX_* bit its keys are bound in */
	/* Where the context depends on the state (the player's quit question); may be NULL. */
	unsigned (*context)(const struct ui *ui);
	const char *help_title; /* the help screen's title when opened here */
	bool daily;             /* shows counts per day: drawn again at local midnight */
	void (*draw)(struct ui *ui);
	void (*key)(struct ui *ui, enum ui_action action);
};

/* Indexed by enum ui_screen. */
extern const struct ui_screen_def ui_screens[UI_SCREEN_COUNT];

/* The key context of the current screen. */
unsigned ui_context(const struct ui *ui);

/*
 * Show what the program was started for (ui_options.start): the menu or a
 * plan, or first the resume question when there is a routine to resume.
 */
void ui_start(struct ui *ui);

/*
 * The start of a run, for either front end: `ui` set up for `o`, the files
 * read, the progress file looked at. False (having said so on stdout) when
 * `lumbar due` finds nothing due: nothing more to do, exit 0.
 */
bool ui_begin(struct ui *ui, const struct ui_options *o);

/*
 * The end of a run, once the terminal is given back: the hooks ended, what
 * a signal leaves written (ui_log_exit()), the signals restored, what is
 * left to say said on stderr or stdout. Returns the exit status.
 */
int ui_end(struct ui *ui);

/* Replace the status line under the menu; `alert` for a warning. */
void ui_status(struct ui *ui, bool alert, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Add a note to the status line, after any already there (" · " between). */
void ui_status_add(struct ui *ui, bool alert, const char *msg);

/* Format a length of seconds as M:SS (H:MM:SS from an hour) into buf[16]. */
const char *ui_clock(unsigned seconds, char buf[16]);

/* ---- ui_menu.c: the menu ------------------------------------------------------ */

/* Before the first frame: the lengths of the routine and of each exercise. */
void ui_menu_init(struct ui *ui);
void ui_menu_draw(struct ui *ui);
void ui_menu_key(struct ui *ui, enum ui_action action);

/* Start playing a menu entry (UI_MENU_*); for `due` with nothing due, say so instead. */
void ui_menu_start(struct ui *ui, int entry);

/* Play the catalogue's named routine `r` (`lumbar morning`, the Routines block). */
void ui_menu_start_named(struct ui *ui, unsigned r);

/*
 * A menu entry's words: its name, its frequency (or count of exercises) and
 * today's count ("1/2 today", the minutes done today); returns whether the
 * exercise is due. The entries run from ui_menu_first() (the first named
 * routine, else the full routine) to ui_menu_end() - 1.
 */
bool ui_menu_row(const struct ui *ui, int entry, char *name, size_t nlen, char *freq, size_t flen,
                 char *today, size_t tlen);
int ui_menu_first(void);
int ui_menu_end(const struct ui *ui);

/* The length of a menu entry at the chosen level, in seconds. */
unsigned ui_menu_seconds(int entry);

/* The catalogue index of a menu entry, or -1 for the routine and due entries. */
int ui_menu_exercise(int entry);
/* The named routine (catalogue index) a menu entry is, or -1. */
int ui_menu_named(int entry);

/*
 * Where the numbers come from: "medium level" when forced, else "step 3/19"
 * for an exercise (catalogue index) or "each at its step" for -1.
 */
const char *ui_dose_words(const struct ui *ui, int exercise, char *buf, size_t len);

/* How many exercises the `due` entry plays now. */
unsigned ui_menu_due_count(void);

/*
 * The history column beside an exercise (e.g. "1/2 today"); empty without a
 * history. Returns a string owned by the menu, valid until the next call.
 */
const char *ui_menu_today(const struct ui *ui, unsigned exercise);

/*
 * The exercises the `due` routine plays: those whose frequency is not yet
 * met today (or this week), in catalogue order; every exercise without a
 * history. Writes them to out (room for CAT_MAX_EXERCISES) and returns n.
 */
unsigned ui_menu_due(const struct ui *ui, unsigned *out);

/* Work out the `due` entry again (its count and length) from the summary. */
void ui_menu_update_due(struct ui *ui);

/*
 * The paused days (lumbar pause) from the record's events, for
 * hist_summarize_paused(); the menu then says "Paused until ..." while
 * today is one. Owned by the menu.
 */
const struct hist_pause *ui_menu_pauses(const struct ui *ui, time_t now, size_t *n);

/* ---- ui_info.c: the details screen ------------------------------------------ */

/* Show the details of a menu entry. */
void ui_info_open(struct ui *ui, int entry);
void ui_info_draw(struct ui *ui);
void ui_info_key(struct ui *ui, enum ui_action action);
/* The details' title: the exercise's name, the routine's, or "Due now". */
const char *ui_info_title(const struct ui *ui, int entry);
/*
 * The details of a menu entry as text, for both front ends: an exercise's
 * summary, length and frequency, starting position, steps, cautions, sets
 * and progression, or the routine or what is due, one exercise a line.
 * `figures` (the full screen's; NULL in the line mode) draws the poses
 * after the length.
 */
void ui_info_text(const struct ui *ui, int entry, struct ui_text *t,
                  void (*figures)(struct ui_text *, const struct cat_exercise *));

/* ---- ui_history.c: the history view --------------------------------------- */

void ui_history_draw(struct ui *ui);
void ui_history_key(struct ui *ui, enum ui_action action);

/* ---- ui_log.c: the history as the screens read it; glue to app.c --------- */

/*
 * Before the first frame: find the progress file, read the history and
 * summarise it, check that it can be written, and look for a routine to
 * resume (app_find_resume(): ui->app.resume). Problems become the
 * status line; nothing here stops the program.
 */
void ui_log_init(struct ui *ui);

/* ui->wall_ms in seconds, for the core's `now` (the date of a step, a note). */
time_t ui_wall_now(const struct ui *ui);

/* Free what ui_log_init() and the reloads allocated. */
void ui_log_free(struct ui *ui);

/*
 * Read the record again when a file changed (another lumbar wrote, or an
 * editor), and summarise again when the date has changed since the last
 * summary. stat() only when nothing changed.
 */
void ui_log_check_day(struct ui *ui);

/* After lumbar appended to a file: read the record again (rec_reload()). */
void ui_log_reload(struct ui *ui);

/*
 * After the calls into the session's life (app.h): its notes go to the status
 * line, and the history is read again when it was written to.
 */
void ui_log_sync(struct ui *ui);

/*
 * The end of a plan (the pain question answered or skipped): app_finish()
 * with `pain`, then ui_log_sync().
 */
void ui_log_finish(struct ui *ui, int pain);

/* The plan is left on purpose with q then y: app_leave(), then ui_log_sync(). */
void ui_log_quit(struct ui *ui);

/*
 * The loop has ended (ui->status says how: 130 Ctrl-C, 129 SIGHUP, 131
 * SIGQUIT, 143 SIGTERM, 128 + the signal's number): app_signal().
 */
void ui_log_exit(struct ui *ui);

/* The answer to the resume question: continue the routine, or log and drop it. */
void ui_log_resume_yes(struct ui *ui);
void ui_log_resume_no(struct ui *ui);

/* ---- ui_player.c: the player and the quit question; plans --------------- */

void ui_player_draw(struct ui *ui);

/*
 * `o` on the details screen and in the player: hand `url` (NULL: none) to
 * xdg-open (hook_open()) and put in `said` what happened, for the key line.
 */
void ui_open_video(const char *url, char *said, size_t len);
void ui_player_key(struct ui *ui, enum ui_action action);
/*
 * What `o` said of the video after the last key ("Opening ..."), or "";
 * `asked` counts the presses of `o`, so that a second one is said again.
 */
const char *ui_player_video_said(unsigned *asked);

/*
 * Milliseconds until the player's figure, as last drawn, must be drawn
 * again between whole seconds (fig_motion_wait_ms()); -1 when it is not
 * moving: another screen, paused, hidden, no room, or holding still.
 */
int64_t ui_player_frame_ms(const struct ui *ui);

/*
 * A plan has just been started on ui->app (app_play(), app_resume_yes()):
 * ask the pain-before question when its session has not begun, else show
 * the player. On a failed start (`rc` -1) sets ui->error and ui->quit.
 */
void ui_play_shown(struct ui *ui, int rc);

/* Show the player of a plan whose session has begun, and announce its first phase. */
void ui_play_go(struct ui *ui);

/* Start playing `n` exercises (catalogue indexes); `routine` as app_play() has it. */
int ui_play(struct ui *ui, const unsigned *exercises, unsigned n, const char *routine);

/*
 * What a session call returned (SESS_EV_* bits) goes to the history log and
 * to the phase hooks. Every session call that can change the phase passes
 * its events here.
 */
void ui_session_events(struct ui *ui, unsigned ev);

/* Stop playing and free the plan and session; then the menu, or exit when
 * the program was started straight into the player. */
void ui_stop(struct ui *ui);

/* ---- ui_pain.c: typing a score 0-10; the pain-before question ------------- */

/* Forget what was typed. */
void ui_score_clear(struct ui_score *sc);

/*
 * A digit (ui->key) or Backspace for a score being typed; digits are kept
 * only while the number stays within 0..10. Returns true when `action` was
 * one of those.
 */
bool ui_score_key(struct ui_score *sc, const struct ui *ui, enum ui_action action);

/* As ui_score_key(), with digits kept while the number stays within 0..max (max <= 100). */
bool ui_score_key_upto(struct ui_score *sc, const struct ui *ui, enum ui_action action, int max);

/* The score typed, or HIST_NO_PAIN when nothing is. */
int ui_score_value(const struct ui_score *sc);

/*
 * ui_entry.c: words being typed (the summary's note, an activity's name),
 * whole UTF-8 characters within ev_note_check()'s limits.
 */
struct ui_entry {
	char text[EV_MAX_NOTE_BYTES + 1];
	size_t len;
	char part[4]; /* the character being typed: keys come a byte at a time */
	size_t have, want;
};
void ui_entry_clear(struct ui_entry *e);
/*
 * Backspace (UI_ACT_ERASE) erases a character, a byte from 0x20 up (ui->key,
 * DEL aside) is typed. Returns whether the key was one of those; Enter and
 * Esc are the caller's.
 */
bool ui_entry_key(struct ui_entry *e, const struct ui *ui, enum ui_action action);
/* Whether the words can take no more: EV_MAX_NOTE characters. */
bool ui_entry_full(const struct ui_entry *e);
/* The words without the spaces that end them (cut here) and begin them. */
const char *ui_entry_words(struct ui_entry *e);

struct ui_draw_flow;
/* The question and what is typed after it, the frame's focus after that, as a flow paragraph. */
void ui_score_flow(struct ui_draw_flow *f, const char *question, const struct ui_score *sc);
/* A screen's text (struct ui_text) said into the full screen's flow `f`. */
struct ui_text ui_flow_text(struct ui_draw_flow *f);
/* The rows ui_score_flow() takes in the flow `f`, so that what comes above leaves them room. */
int ui_score_rows(const struct ui_draw_flow *f, const char *question, const struct ui_score *sc);

/*
 * Ask the pain-before question over a plan just built (its session waits
 * at the first phase): called by ui_play_shown().
 */
void ui_pain_open(struct ui *ui);
void ui_pain_draw(struct ui *ui);
/* What the question is about: the routine and its length, or the exercise. */
const char *ui_pain_title(const struct ui *ui, char *buf, size_t len);
/* The score typed so far. */
const struct ui_score *ui_pain_typed(void);
void ui_pain_key(struct ui *ui, enum ui_action action);

/* ---- ui_stop.c: the stop screen (`x`) --------------------------------------- */

/* Stop the exercise in progress: freeze the clock, log it, fire the hooks. */
void ui_stop_open(struct ui *ui);
void ui_stop_draw(struct ui *ui);
/* "Stopped Bridge.", then what comes under it: the question, or the score and the choices. */
const char *ui_stop_title(const struct ui *ui, char *buf, size_t len);
void ui_stop_text(const struct ui *ui, struct ui_text *t);
/* The keys of the moment, and whether the score was given. */
const char *ui_stop_keys(const struct ui *ui);
bool ui_stop_answered(void);
void ui_stop_key(struct ui *ui, enum ui_action action);
unsigned ui_stop_context(const struct ui *ui);

/* ---- ui_summary.c: the end of a plan and the pain question ------------------ */

void ui_summary_draw(struct ui *ui);
void ui_summary_key(struct ui *ui, enum ui_action action);
/*
 * Show the summary. When nothing waits for its pain question (only stops
 * are pending), what is pending is written now and the steps worked out,
 * so that the summary states a step back (issue 19).
 */
void ui_summary_open(struct ui *ui);

/* The summary's text, and its keys ("Enter or q: back to the menu") into buf. */
void ui_summary_text(const struct ui *ui, struct ui_text *t);
const char *ui_summary_keys(const struct ui *ui, char *buf, size_t len);
/* Whether a note is being typed (`w`): every key goes into it. */
bool ui_summary_typing(void);

/* ---- ui_summary.c: typing a score ------------------------------------------ */

/* ---- ui_help.c: the keys of the screen `?` was pressed on ------------------- */

/* Open the help screen for the current screen (pausing a running session). */
void ui_help(struct ui *ui);
void ui_help_draw(struct ui *ui);
/*
 * The help's rows for the key context `ctx`, one action each: from binding
 * *i on, the next action's keys ("Space", "n Right") into `keys`, returning
 * what it does (NULL at the end); *i moves past it. `shown` (NULL: all)
 * keeps only the keys a front end has.
 */
const char *ui_help_row(unsigned ctx, size_t *i, bool (*shown)(const char *name), char *keys,
                        size_t len);
void ui_help_key(struct ui *ui, enum ui_action action);

/* ---- ui_resume.c: the resume question at start ------------------------------ */

/* Over the menu (or a blank screen from the command line). */
void ui_resume_draw(struct ui *ui);
/* "Resume Morning, left today at 07:42, at Cat-cow, Slow reps, left? y/n" */
void ui_resume_question(const struct ui *ui, const struct prog_state *st, char *buf, size_t len);
void ui_resume_key(struct ui *ui, enum ui_action action);

/* ---- ui_safety.c: when to get help, and the events file ---------------------- */

/*
 * The events of the record (ui->rec->ev), or NULL when the events file
 * could not be read or there is no history. The menu's banner and the
 * screens below use it.
 */
const struct ev_log *ui_events(const struct ui *ui);

/*
 * Append one event of `kind` at `now` (score: a morning's, or HIST_NO_PAIN)
 * and read the record again. A failure goes to the status line; returns 0 or -1.
 */
int ui_events_add(struct ui *ui, enum ev_kind kind, int score, time_t now);

/* Append the event `e` as it is and read the record again; as ui_events_add(). */
int ui_events_append(struct ui *ui, const struct ev_event *e);

/*
 * At start (ui_start()), before anything else: show the safety screen when
 * it is due at `now` (never with --no-ask) or asked for (`lumbar safety`).
 * Returns true when it is showing; its `c` calls ui_start() again.
 */
bool ui_safety_at_start(struct ui *ui, time_t now);

/* The screen's title and text: the two lists, or, once one applies, what to do. */
const char *ui_safety_title(void);
void ui_safety_text(const struct ui *ui, struct ui_text *t);
/* Whether `h` said one of the lists applies: any key then ends lumbar (status 3). */
bool ui_safety_applies(void);

/* Open the safety screen from the current screen; `c` comes back to it. */
void ui_safety_open(struct ui *ui);
void ui_safety_draw(struct ui *ui);
void ui_safety_key(struct ui *ui, enum ui_action action);

/* ---- ui_morning.c: the morning check-in over the menu ------------------------- */

/*
 * At start, when the menu opens: ask "Back pain this morning? 0-10" when it
 * is due at `now` and allowed (ask, ask_morning). Returns true when asking.
 */
bool ui_morning_at_start(struct ui *ui, time_t now);
void ui_morning_draw(struct ui *ui);
/* The score typed so far. */
const struct ui_score *ui_morning_typed(void);
void ui_morning_key(struct ui *ui, enum ui_action action);

/* ---- ui_outcome.c: the outcome check-in over the menu (issue 22) --------------- */

/*
 * When the menu opens at start (after the morning check-in, if it asked):
 * offer the questionnaire outcomes.h's out_offer() names for today, when
 * allowed (ask, ask_outcomes). Returns true when offering.
 */
bool ui_outcome_at_start(struct ui *ui, time_t now);
void ui_outcome_draw(struct ui *ui);
void ui_outcome_key(struct ui *ui, enum ui_action action);
/* Whether an activity's words are being typed ("My activities" with none active). */
bool ui_outcome_naming(void);
/* The line the line mode says once: the questionnaire, its items and scale, its keys. */
void ui_outcome_text(const struct ui *ui, struct ui_text *t);
/*
 * The question being asked, in the form given: the full screen's box from
 * all of it down to the smallest (with what is typed after it), or the line
 * mode's one line ("1 of 3: ...? 0 no pain, 10 pain as bad as you can
 * imagine:", what is typed left to the terminal). Returns buf.
 */
enum ui_outcome_form {
	UI_OUTCOME_FULL,
	UI_OUTCOME_NO_TITLE,
	UI_OUTCOME_NO_ANCHORS,
	UI_OUTCOME_SMALLEST,
	UI_OUTCOME_LINE,
};
const char *ui_outcome_question(enum ui_outcome_form form, char *buf, size_t len);

#endif
