/*
 * ui.c - the event loop: terminal set-up and teardown, signals, the clock,
 * the key table and dispatch to the screens.
 *
 * The loop blocks in pselect() on the terminal until a key, a signal, or the
 * next whole second of the current phase's deadline (session_wait_ms()); a
 * paused session blocks until a key, the menu and the history view until a
 * key or the next local midnight, when their counts change. Signals stay blocked except
 * inside pselect(), so a signal can never slip in between the check of its
 * flag and the sleep. This is the only file that reads CLOCK_MONOTONIC.
 */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_hooks.h"
#include "ui_priv.h"

/* A second bell this long after the first makes a phase change a "ding-ding". */
#define UI_SECOND_BELL_MS 180

/* ---- Key table -------------------------------------------------------------- */

#define CTX_LIST    (UI_CTX_MENU | UI_CTX_INFO)
#define CTX_ANY     (UI_CTX_MENU | UI_CTX_INFO | UI_CTX_PLAYER | UI_CTX_SUMMARY | UI_CTX_HISTORY)
#define KEY_CTRL(c) ((c)&0x1f)
#define KEY_ESC     27

static const struct ui_binding bindings[] = {
	/* The menu. */
	{ CTX_LIST, KEY_UP, "Up", UI_ACT_UP, "move up" },
	{ CTX_LIST, 'k', "k", UI_ACT_UP, NULL },
	{ CTX_LIST, KEY_DOWN, "Down", UI_ACT_DOWN, "move down" },
	{ CTX_LIST, 'j', "j", UI_ACT_DOWN, NULL },
	{ CTX_LIST, KEY_PPAGE, "PgUp", UI_ACT_PAGE_UP, "page up" },
	{ CTX_LIST, KEY_NPAGE, "PgDn", UI_ACT_PAGE_DOWN, "page down" },
	{ CTX_LIST, KEY_HOME, "Home", UI_ACT_FIRST, "first" },
	{ CTX_LIST, 'g', "g", UI_ACT_FIRST, NULL },
	{ CTX_LIST, KEY_END, "End", UI_ACT_LAST, "last" },
	{ CTX_LIST, 'G', "G", UI_ACT_LAST, NULL },
	{ UI_CTX_MENU, '\n', "Enter", UI_ACT_START, "start the highlighted entry" },
	{ UI_CTX_MENU, '\r', NULL, UI_ACT_START, NULL },
	{ UI_CTX_MENU, KEY_ENTER, NULL, UI_ACT_START, NULL },
	{ UI_CTX_MENU, 'a', "a", UI_ACT_ROUTINE, "start the full routine" },
	{ UI_CTX_MENU, 'd', "d", UI_ACT_DUE, "start what is due" },
	{ UI_CTX_MENU, 'h', "h", UI_ACT_HISTORY, "history: calendar, streaks, pain" },
	{ UI_CTX_MENU, 'i', "i", UI_ACT_INFO, "details of the highlighted exercise" },
	{ UI_CTX_MENU, 'q', "q", UI_ACT_QUIT, "quit" },
	/* The details screen. */
	{ UI_CTX_INFO, '\n', "Enter", UI_ACT_START, "start this exercise" },
	{ UI_CTX_INFO, '\r', NULL, UI_ACT_START, NULL },
	{ UI_CTX_INFO, KEY_ENTER, NULL, UI_ACT_START, NULL },
	{ UI_CTX_INFO, 'q', "q", UI_ACT_BACK, "back to the menu" },
	{ UI_CTX_INFO, KEY_ESC, "Esc", UI_ACT_BACK, NULL },
	{ UI_CTX_INFO, 'i', "i", UI_ACT_BACK, NULL },
	{ UI_CTX_INFO, KEY_LEFT, "Left", UI_ACT_BACK, NULL },
	/* The player. */
	{ UI_CTX_PLAYER, ' ', "Space", UI_ACT_PAUSE, "pause or resume" },
	{ UI_CTX_PLAYER, 'n', "n", UI_ACT_NEXT, "next phase" },
	{ UI_CTX_PLAYER, KEY_RIGHT, "Right", UI_ACT_NEXT, NULL },
	{ UI_CTX_PLAYER, 'p', "p", UI_ACT_PREV,
	  "restart the phase; within its first 2 s, the previous one" },
	{ UI_CTX_PLAYER, KEY_LEFT, "Left", UI_ACT_PREV, NULL },
	{ UI_CTX_PLAYER, 's', "s", UI_ACT_SKIP, "skip to the next exercise" },
	{ UI_CTX_PLAYER, 'q', "q", UI_ACT_QUIT, "quit (asks first)" },
	{ UI_CTX_PLAYER, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	/* The quit question. */
	{ UI_CTX_CONFIRM, 'y', "y", UI_ACT_YES, "yes, quit" },
	{ UI_CTX_CONFIRM, 'Y', NULL, UI_ACT_YES, NULL },
	{ UI_CTX_CONFIRM, 'n', "n", UI_ACT_NO, "no, carry on" },
	{ UI_CTX_CONFIRM, 'N', NULL, UI_ACT_NO, NULL },
	{ UI_CTX_CONFIRM, KEY_ESC, "Esc", UI_ACT_NO, NULL },
	{ UI_CTX_CONFIRM, 'q', "q", UI_ACT_NO, NULL },
	/* The summary, with its pain question. */
	{ UI_CTX_SUMMARY, '0', "0-9", UI_ACT_DIGIT, "type how your back is now, 0 to 10" },
	{ UI_CTX_SUMMARY, '1', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '2', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '3', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '4', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '5', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '6', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '7', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '8', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, '9', NULL, UI_ACT_DIGIT, NULL },
	{ UI_CTX_SUMMARY, KEY_BACKSPACE, "Backspace", UI_ACT_ERASE, "erase a digit" },
	{ UI_CTX_SUMMARY, 127, NULL, UI_ACT_ERASE, NULL },
	{ UI_CTX_SUMMARY, '\b', NULL, UI_ACT_ERASE, NULL },
	{ UI_CTX_SUMMARY, '\n', "Enter", UI_ACT_BACK,
	  "save the score (none if nothing typed), then done" },
	{ UI_CTX_SUMMARY, '\r', NULL, UI_ACT_BACK, NULL },
	{ UI_CTX_SUMMARY, KEY_ENTER, NULL, UI_ACT_BACK, NULL },
	{ UI_CTX_SUMMARY, 'q', "q", UI_ACT_QUIT, "done, without a score" },
	{ UI_CTX_SUMMARY, KEY_ESC, "Esc", UI_ACT_QUIT, NULL },
	/* The history view. */
	{ UI_CTX_HISTORY, 'q', "q", UI_ACT_BACK, "back to the menu" },
	{ UI_CTX_HISTORY, KEY_ESC, "Esc", UI_ACT_BACK, NULL },
	{ UI_CTX_HISTORY, 'h', "h", UI_ACT_BACK, NULL },
	{ UI_CTX_HISTORY, KEY_LEFT, "Left", UI_ACT_BACK, NULL },
	/* The resume question at start. */
	{ UI_CTX_RESUME, 'y', "y", UI_ACT_YES, "resume the routine where it stopped" },
	{ UI_CTX_RESUME, 'Y', NULL, UI_ACT_YES, NULL },
	{ UI_CTX_RESUME, 'n', "n", UI_ACT_NO, "log what was done and drop the rest" },
	{ UI_CTX_RESUME, 'N', NULL, UI_ACT_NO, NULL },
	/* Everywhere. */
	{ CTX_ANY, '?', "?", UI_ACT_HELP, "these keys" },
	{ CTX_ANY | UI_CTX_CONFIRM | UI_CTX_RESUME, KEY_CTRL('c'), "Ctrl-C", UI_ACT_INTERRUPT,
	  "quit at once" },
};

const struct ui_binding *ui_bindings(size_t *n)
{
	*n = sizeof(bindings) / sizeof(bindings[0]);
	return bindings;
}

static enum ui_action action_of(unsigned ctx, int key)
{
	for (size_t i = 0; i < sizeof(bindings) / sizeof(bindings[0]); i++)
		if ((bindings[i].ctx & ctx) && bindings[i].key == key)
			return bindings[i].action;
	return UI_ACT_NONE;
}

/* ---- Signals and teardown ------------------------------------------------- */

static volatile sig_atomic_t got_int, got_term, got_hup, got_quit, got_tstp;
static sigset_t handled;    /* the signals blocked outside pselect() */
static sigset_t sleep_mask; /* the mask while sleeping: without those */
static sigset_t orig_mask;  /* the caller's, restored at the end */
static bool catch_tstp;     /* false when SIGTSTP was ignored at start */
static bool curses_on;
static SCREEN *term_screen;

static void on_signal(int sig)
{
	switch (sig) {
	case SIGINT:
		got_int = 1;
		break;
	case SIGTERM:
		got_term = 1;
		break;
	case SIGHUP:
		got_hup = 1;
		break;
	case SIGQUIT:
		got_quit = 1;
		break;
	case SIGTSTP:
		got_tstp = 1;
		break;
	}
}

static void catch (int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

/*
 * The one way the terminal is given back. Safe to call twice: from the end
 * of ui_run() and again from atexit() on any exit() taken meanwhile.
 */
static void teardown(void)
{
	if (!curses_on)
		return;
	curses_on = false;
	endwin();
	delscreen(term_screen);
	term_screen = NULL;
}

/* Install the handlers before initscr(), so ncurses keeps its own away. */
static void signals_setup(void)
{
	static bool registered;
	struct sigaction old;

	if (!registered) {
		atexit(teardown);
		registered = true;
	}
	got_int = got_term = got_hup = got_quit = got_tstp = 0;
	sigemptyset(&handled);
	sigaddset(&handled, SIGINT);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGHUP);
	sigaddset(&handled, SIGQUIT);
	sigaddset(&handled, SIGTSTP);
	sigaddset(&handled, SIGWINCH);
	sigprocmask(SIG_BLOCK, &handled, &orig_mask);
	sleep_mask = orig_mask;
	sigdelset(&sleep_mask, SIGINT);
	sigdelset(&sleep_mask, SIGTERM);
	sigdelset(&sleep_mask, SIGHUP);
	sigdelset(&sleep_mask, SIGQUIT);
	sigdelset(&sleep_mask, SIGTSTP);
	sigdelset(&sleep_mask, SIGWINCH);

	catch (SIGINT);
	catch (SIGTERM);
	catch (SIGHUP);
	catch (SIGQUIT);
	/* A shell without job control ignores SIGTSTP for us; keep it so. */
	sigaction(SIGTSTP, NULL, &old);
	catch_tstp = old.sa_handler != SIG_IGN;
	if (catch_tstp)
		catch (SIGTSTP);
	signal(SIGPIPE, SIG_IGN);
}

/*
 * Unblock first, while the handlers are still ours, so a second Ctrl-C that
 * is pending only sets a flag instead of killing the process mid-return.
 */
static void signals_restore(void)
{
	sigprocmask(SIG_SETMASK, &orig_mask, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	if (catch_tstp)
		signal(SIGTSTP, SIG_DFL);
}

/* ---- Services for the screens --------------------------------------------- */

const char *ui_clock(unsigned seconds, char buf[16])
{
	return plan_format_clock(seconds, buf, 16);
}

void ui_status(struct ui *ui, bool alert, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status_line, sizeof(ui->status_line), fmt, ap);
	va_end(ap);
	ui->status_alert = alert;
}

int ui_play(struct ui *ui, const unsigned *exercises, unsigned n, const char *routine)
{
	return ui_play_at(ui, exercises, n, ui->opt->level, routine, 0, NULL);
}

int ui_play_at(struct ui *ui, const unsigned *exercises, unsigned n, enum cat_level level,
               const char *routine, size_t first, const struct prog_state *resumed)
{
	if (ui->playing) {
		session_free(&ui->sess);
		plan_free(&ui->plan);
		ui->playing = false;
	}
	if (plan_build(ui->opt->cat, exercises, n, level, &ui->plan) != 0) {
		ui->error = "out of memory";
		ui->status = 1;
		ui->quit = true;
		return -1;
	}
	if (session_init(&ui->sess, &ui->plan, first, ui->now) != 0) {
		plan_free(&ui->plan);
		ui->error = "out of memory";
		ui->status = 1;
		ui->quit = true;
		return -1;
	}
	ui->playing = true;
	ui->routine = routine != NULL;
	snprintf(ui->routine_name, sizeof(ui->routine_name), "%s", routine ? routine : "");
	ui->confirm = false;
	ui->held_by_modal = false;
	ui->screen = ui->sess.finished ? UI_SCREEN_SUMMARY : UI_SCREEN_PLAYER;
	ui_log_begin(ui, resumed);
	/* The first phase is announced too: nothing else will say it began. */
	if (!ui->sess.finished)
		ui_hooks_fire(ui->opt, &ui->sess, SESS_EV_PHASE, ui->now);
	return 0;
}

void ui_session_events(struct ui *ui, unsigned ev)
{
	ui_log_events(ui, ev);
	ui_hooks_fire(ui->opt, &ui->sess, ev, ui->now);
}

void ui_stop(struct ui *ui)
{
	if (ui->playing) {
		session_free(&ui->sess);
		plan_free(&ui->plan);
		ui->playing = false;
	}
	ui->confirm = false;
	ui->held_by_modal = false;
	if (ui->opt->start != UI_START_MENU) {
		ui->quit = true;
		ui->status = 0;
	} else {
		ui->screen = UI_SCREEN_MENU;
	}
}

void ui_help(struct ui *ui)
{
	if (ui->screen == UI_SCREEN_HELP)
		return;
	if (ui->screen == UI_SCREEN_PLAYER && ui->playing && !ui->sess.paused &&
	    !ui->sess.finished) {
		/* Reading the keys should not cost a hold; resume on the way back. */
		session_pause(&ui->sess, ui->now);
		ui->held_by_modal = true;
	}
	ui->help_from = ui->screen;
	ui->screen = UI_SCREEN_HELP;
}

/* ---- The loop ------------------------------------------------------------- */

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Milliseconds until the next local midnight by the wall clock: the one
 * timer of the menu and the history view, whose counts are per day.
 */
static int64_t day_change_ms(void)
{
	struct timespec ts;
	int64_t ms;

	clock_gettime(CLOCK_REALTIME, &ts);
	ms = (int64_t)hist_next_day(ts.tv_sec) * 1000 -
	     ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
	return ms > 0 ? ms : 0;
}

static unsigned context_of(const struct ui *ui)
{
	switch (ui->screen) {
	case UI_SCREEN_MENU:
		return UI_CTX_MENU;
	case UI_SCREEN_INFO:
		return UI_CTX_INFO;
	case UI_SCREEN_PLAYER:
		return ui->confirm ? UI_CTX_CONFIRM : UI_CTX_PLAYER;
	case UI_SCREEN_SUMMARY:
		return UI_CTX_SUMMARY;
	case UI_SCREEN_HELP:
		return UI_CTX_HELP;
	case UI_SCREEN_HISTORY:
		return UI_CTX_HISTORY;
	case UI_SCREEN_RESUME:
		return UI_CTX_RESUME;
	}
	return 0;
}

static void dispatch(struct ui *ui, int key)
{
	enum ui_action a;

	if (key == KEY_RESIZE)
		return; /* ncurses has already updated LINES and COLS */
	if (ui->screen == UI_SCREEN_HELP) {
		/* Any key leaves the help, back where it was opened. */
		ui->screen = ui->help_from;
		if (ui->held_by_modal && !ui->confirm) {
			session_resume(&ui->sess, ui->now);
			ui->held_by_modal = false;
		}
		return;
	}
	a = action_of(context_of(ui), key);
	ui->key = key;
	if (a == UI_ACT_INTERRUPT) {
		ui->quit = true;
		ui->status = 130;
		return;
	}
	if (a == UI_ACT_HELP) {
		ui_help(ui);
		return;
	}
	switch (ui->screen) {
	case UI_SCREEN_MENU:
		/* A day may have passed since the counts were made. */
		ui_log_check_day(ui);
		ui_menu_key(ui, a);
		break;
	case UI_SCREEN_INFO:
		ui_menu_info_key(ui, a);
		break;
	case UI_SCREEN_PLAYER:
		ui_player_key(ui, a);
		break;
	case UI_SCREEN_SUMMARY:
		ui_player_summary_key(ui, a);
		break;
	case UI_SCREEN_HISTORY:
		ui_log_check_day(ui);
		ui_history_key(ui, a);
		break;
	case UI_SCREEN_RESUME:
		ui_player_resume_key(ui, a);
		break;
	case UI_SCREEN_HELP:
		break;
	}
}

/* ---- Frames --------------------------------------------------------------- */

/*
 * ncurses 6.4 flushes its output at every cursor movement until the screen
 * has been through one endwin() and back (lib_mvcur.c flushes only while
 * the screen is in its initial state), so a frame that changes ten rows
 * would reach the terminal as ten write()s. One endwin() before the first
 * frame, with standard output pointed at /dev/null so the terminal sees
 * nothing of it, takes ncurses past that state; the first refresh() is then
 * its ordinary return from endwin(), and every frame leaves doupdate() in
 * one write. Nothing else depends on it: without it, frames are only split.
 */
static void settle_ncurses(void)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC), out = dup(STDOUT_FILENO);

	if (null >= 0 && out >= 0) {
		fflush(stdout);
		if (dup2(null, STDOUT_FILENO) >= 0) {
			endwin();
			fflush(stdout);
			dup2(out, STDOUT_FILENO);
		}
	}
	if (null >= 0)
		close(null);
	if (out >= 0)
		close(out);
}

/*
 * For `make bench`: when LUMBAR_BENCH_OUT names a file, write to it the
 * microseconds from LUMBAR_BENCH_T0_NS (CLOCK_MONOTONIC, taken by
 * build/launch just before exec) to the end of the first frame. Nothing
 * happens without those variables.
 */
static void bench_first_frame(void)
{
	static bool done;
	const char *out = getenv("LUMBAR_BENCH_OUT"), *t0 = getenv("LUMBAR_BENCH_T0_NS");
	struct timespec ts;
	FILE *fp;

	if (done || !out || !t0)
		return;
	done = true;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	long long us = ((long long)ts.tv_sec * 1000000000LL + ts.tv_nsec - atoll(t0)) / 1000;
	if ((fp = fopen(out, "w"))) {
		fprintf(fp, "%lld\n", us);
		fclose(fp);
	}
}

/* Draw the current screen whole; curses sends what changed. */
static void draw(struct ui *ui)
{
	erase();
	if (ui_draw_too_small()) {
		ui_draw_too_small_screen();
	} else {
		switch (ui->screen) {
		case UI_SCREEN_MENU:
			ui_menu_draw(ui);
			break;
		case UI_SCREEN_INFO:
			ui_menu_info_draw(ui);
			break;
		case UI_SCREEN_PLAYER:
			ui_player_draw(ui);
			break;
		case UI_SCREEN_SUMMARY:
			ui_player_summary_draw(ui);
			break;
		case UI_SCREEN_HELP:
			ui_player_help_draw(ui);
			break;
		case UI_SCREEN_HISTORY:
			ui_history_draw(ui);
			break;
		case UI_SCREEN_RESUME:
			ui_player_resume_draw(ui);
			break;
		}
	}
	refresh();
	bench_first_frame();
}

/* Sound for what the session reports; see ui_options for the switches. */
static void cue(struct ui *ui, unsigned ev, int64_t *second_bell)
{
	if (ev & (SESS_EV_PHASE | SESS_EV_DONE)) {
		if (ui->opt->bell) {
			beep();
			*second_bell = ui->now + UI_SECOND_BELL_MS;
		} else if (ui->opt->flash) {
			flash();
		}
	} else if ((ev & SESS_EV_COUNTDOWN) && ui->opt->bell) {
		/* Single ticks for 3, 2, 1, against the double bell of a change. */
		beep();
	}
}

/*
 * Ctrl-Z: pause, give the terminal back, stop with the default action, and
 * on SIGCONT take the terminal again, still paused, for a full repaint.
 */
static void suspend(struct ui *ui)
{
	sigset_t tstp;

	if (ui->playing)
		session_pause(&ui->sess, ui->now);
	ui->held_by_modal = false;
	endwin();
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, NULL); /* stops here until SIGCONT */
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	catch (SIGTSTP);
	clearok(curscr, TRUE);
}

/*
 * Sleep until a key, a signal or `wait_ms` (-1: no limit) passes. Returns 1
 * when the terminal has input to read, 0 when the time ran out, -1 when a
 * signal (or an error) cut the sleep short.
 */
static int sleep_until(int64_t wait_ms)
{
	struct timespec ts, *tp = NULL;
	fd_set in;
	int n;

	if (wait_ms >= 0) {
		ts.tv_sec = (time_t)(wait_ms / 1000);
		ts.tv_nsec = (long)(wait_ms % 1000) * 1000000L;
		tp = &ts;
	}
	FD_ZERO(&in);
	FD_SET(STDIN_FILENO, &in);
	n = pselect(STDIN_FILENO + 1, &in, NULL, NULL, tp, &sleep_mask);
	return n > 0 ? 1 : n == 0 ? 0 : -1;
}

void ui_start(struct ui *ui)
{
	const struct catalogue *cat = ui->opt->cat;
	unsigned idx[CAT_MAX_EXERCISES], n;

	if (ui->resume) {
		/* The question comes first; its answer calls here again. */
		ui->screen = UI_SCREEN_RESUME;
		return;
	}
	switch (ui->opt->start) {
	case UI_START_MENU:
		ui->screen = UI_SCREEN_MENU;
		break;
	case UI_START_ROUTINE:
		for (n = 0; n < cat->n_exercises; n++)
			idx[n] = n;
		ui_play(ui, idx, n, "all");
		break;
	case UI_START_EXERCISE:
		idx[0] = ui->opt->exercise;
		ui_play(ui, idx, 1, NULL);
		break;
	case UI_START_DUE:
		n = ui_menu_due(ui, idx);
		if (n == 0) {
			/* Said after the terminal is given back, instead of an empty plan. */
			ui->farewell = UI_NOTHING_DUE;
			ui->quit = true;
			ui->status = 0;
			break;
		}
		ui_play(ui, idx, n, "due");
		break;
	}
}

/*
 * A terminal that reads as ready but yields no key this many times in a row
 * has gone away without a SIGHUP; stop rather than spin.
 */
#define UI_MAX_EMPTY_READS 100

static void loop(struct ui *ui)
{
	int64_t second_bell = 0;
	int empty_reads = 0;
	int woke = -1; /* as sleep_until(): the first turn is treated as a signal */

	while (!ui->quit) {
		int key, keys = 0;
		int64_t wait;

		if (got_int || got_term || got_hup || got_quit) {
			ui->status = got_int ? 130 : got_term ? 143 : got_hup ? 129 : 131;
			break;
		}
		ui->now = now_ms();
		if (got_tstp) {
			got_tstp = 0;
			suspend(ui);
			ui->now = now_ms();
		}
		/*
		 * Every key ncurses already holds, before sleeping again. After a
		 * plain timeout there is none: the last turn read until ERR, and no
		 * byte or signal (SIGWINCH for KEY_RESIZE) has come since, so the
		 * tick skips getch() and its poll().
		 */
		while (woke != 0 && !ui->quit && (key = getch()) != ERR) {
			ui->now = now_ms();
			dispatch(ui, key);
			keys++;
		}
		if (ui->quit)
			break;
		empty_reads = woke > 0 && keys == 0 ? empty_reads + 1 : 0;
		if (empty_reads > UI_MAX_EMPTY_READS) {
			ui->status = 129;
			break;
		}
		if (second_bell && ui->now >= second_bell) {
			second_bell = 0;
			beep();
		}
		if (ui->playing && !ui->sess.finished) {
			unsigned ev = session_tick(&ui->sess, ui->now);

			cue(ui, ev, &second_bell);
			ui_session_events(ui, ev);
		}
		ui_hooks_reap();
		if (ui->playing && ui->sess.finished && ui->screen == UI_SCREEN_PLAYER) {
			/* By time, or by n or s on the last phase. */
			ui->confirm = false;
			ui->held_by_modal = false;
			ui->screen = UI_SCREEN_SUMMARY;
		}
		if (ui->screen == UI_SCREEN_MENU || ui->screen == UI_SCREEN_HISTORY)
			ui_log_check_day(ui); /* the day may have changed while it slept */
		draw(ui);
		ui_log_flush(ui);

		if (ui->playing && !ui->sess.finished)
			wait = session_wait_ms(&ui->sess, ui->now);
		else if (ui->hist_ok &&
		         (ui->screen == UI_SCREEN_MENU || ui->screen == UI_SCREEN_HISTORY))
			wait = day_change_ms();
		else
			wait = -1;
		if (second_bell) {
			int64_t b = second_bell > ui->now ? second_bell - ui->now : 0;

			wait = wait < 0 || b < wait ? b : wait;
		}
		woke = sleep_until(wait);
	}
}

int ui_run(const struct ui_options *o)
{
	struct ui ui;
	const char *codeset, *cup;

	memset(&ui, 0, sizeof(ui));
	ui.opt = o;
	setlocale(LC_ALL, "");
	codeset = nl_langinfo(CODESET);

	/* Files first: the first frame already shows today's counts. */
	ui_menu_init(&ui);
	ui_log_init(&ui);
	if (o->start == UI_START_DUE && !ui.resume && ui.due_n == 0) {
		printf("%s\n", UI_NOTHING_DUE);
		ui_log_free(&ui);
		return 0;
	}

	signals_setup();
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen) {
		signals_restore();
		fprintf(stderr, "lumbar: cannot use this terminal (TERM=%s)\n",
		        getenv("TERM") ? getenv("TERM") : "");
		ui_log_free(&ui);
		return 1;
	}
	set_term(term_screen);
	curses_on = true;
	/* A screen is drawn by moving the cursor: without cup there is no player. */
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1 || !*cup) {
		teardown();
		signals_restore();
		fprintf(stderr,
		        "lumbar: this terminal (TERM=%s) cannot move the cursor; "
		        "use another terminal, or the plain modes (--list, --plan)\n",
		        getenv("TERM") ? getenv("TERM") : "");
		ui_log_free(&ui);
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	/*
	 * No typeahead checks while drawing: each one flushes and polls, which
	 * turns a frame into a dozen writes and wake-ups for tmux or the
	 * terminal. A frame is small; it is always finished.
	 */
	typeahead(-1);
	/*
	 * No scrolling or character insert/delete either: nothing here scrolls
	 * or slides sideways, and weighing those moves costs doupdate() more
	 * than the few bytes they could save.
	 */
	idlok(stdscr, FALSE);
	idcok(stdscr, FALSE);
	curs_set(0);
	/*
	 * The cursor is hidden, so where it rests does not matter: without
	 * leaveok every frame would end with one more cursor move, whose cost
	 * doupdate() weighs against every other way of getting there.
	 */
	leaveok(stdscr, TRUE);
	ui_draw_init(o->color, codeset && strcmp(codeset, "UTF-8") == 0);
	settle_ncurses();
	ui.now = now_ms();
	ui_start(&ui);
	loop(&ui);
	teardown();

	/*
	 * Signals are still ours here, so a second Ctrl-C cannot cut a write
	 * short. Ctrl-C is a deliberate quit: what was done is logged. SIGHUP,
	 * SIGQUIT and SIGTERM mid-routine write nothing and keep the progress file for
	 * the next start to offer; at the summary the routine is over, so its
	 * entries go to the history without a score.
	 */
	if (ui.playing && ui.status == 130)
		ui_log_quit(&ui);
	else if (ui.playing && (ui.status == 129 || ui.status == 131 || ui.status == 143) &&
	         ui.sess.finished && !ui.pain_done)
		ui_log_finish(&ui, HIST_NO_PAIN);
	if (ui.playing) {
		session_free(&ui.sess);
		plan_free(&ui.plan);
	}
	signals_restore();
	if (ui.error)
		fprintf(stderr, "lumbar: %s\n", ui.error);
	if (ui.farewell)
		printf("%s\n", ui.farewell);
	/* Warnings the screens showed are lost with them when started straight into a plan. */
	if (ui.opt->start != UI_START_MENU && ui.status_alert && ui.status_line[0])
		fprintf(stderr, "lumbar: %s\n", ui.status_line);
	else if (ui.exit_note[0])
		fprintf(stderr, "lumbar: %s\n", ui.exit_note);
	ui_log_free(&ui);
	return ui.status;
}
