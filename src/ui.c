/*
 * ui.c - the event loop, signals and teardown: terminal set-up, the clock,
 * and each key and frame handed to the current screen (ui_screens.c).
 *
 * The loop blocks in pselect() on the terminal until a key, a signal, or the
 * next whole second of the current phase's deadline (session_wait_ms()), or
 * sooner the next frame of the player's figure while it moves
 * (ui_player_frame_ms()); a paused session blocks until a key, a screen with
 * counts per day (the menu, the history view) until a key or the next local
 * midnight. Signals stay blocked except inside pselect(), so a signal can
 * never slip in between the check of its flag and the sleep (ui_sig.c, which
 * the line mode shares, holds the signals, the clocks and the sleep).
 */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
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

/* ---- Teardown ------------------------------------------------------------ */

static bool curses_on;
static SCREEN *term_screen;

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

/* ---- The loop ------------------------------------------------------------- */

/*
 * Milliseconds until the next local midnight by the wall clock: the one
 * timer of the menu and the history view, whose counts are per day.
 */
static int64_t day_change_ms(const struct ui *ui)
{
	int64_t wall = ui->wall_ms;
	int64_t ms = (int64_t)hist_next_day((time_t)(wall / 1000)) * 1000 - wall;

	return ms > 0 ? ms : 0;
}

static void dispatch(struct ui *ui, int key)
{
	const struct ui_screen_def *sc = &ui_screens[ui->screen];
	enum ui_action a;

	if (key == KEY_RESIZE)
		return; /* ncurses has already updated LINES and COLS */
	a = ui_action_of(ui_context(ui), key);
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
	/* A day may have passed since the counts were made. */
	if (sc->daily)
		ui_log_check_day(ui);
	sc->key(ui, a);
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

/*
 * Draw the current screen whole, with the cursor left on its focus; curses
 * sends what changed.
 */
static void draw(struct ui *ui)
{
	erase();
	if (ui_draw_too_small())
		ui_draw_too_small_screen();
	else
		ui_screens[ui->screen].draw(ui);
	ui_draw_focus_place();
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
	} else if ((ev & (SESS_EV_COUNTDOWN | SESS_EV_REP)) && ui->opt->bell) {
		/*
		 * Single ticks for 3, 2, 1 and for each rep of a reps set, against
		 * the double bell of a change.
		 */
		beep();
	}
}

/*
 * Ctrl-Z: pause, give the terminal back, stop with the default action, and
 * on SIGCONT take the terminal again, still paused, for a full repaint.
 */
static void suspend(struct ui *ui)
{
	if (ui->app.playing)
		app_pause(&ui->app, ui->now);
	ui->held_by_modal = false;
	endwin();
	ui_sig_stop_here();
	clearok(curscr, TRUE);
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

		if (!ui_turn(ui, suspend))
			break;
		/*
		 * Every key ncurses already holds, before sleeping again. After a
		 * plain timeout there is none: the last turn read until ERR, and no
		 * byte or signal (SIGWINCH for KEY_RESIZE) has come since, so the
		 * tick skips getch() and its poll().
		 */
		while (woke != 0 && !ui->quit && (key = getch()) != ERR) {
			ui_read_clocks(ui);
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
		if (ui->app.playing && !ui->app.sess.finished) {
			unsigned ev = app_tick(&ui->app, ui->now, ui_wall_now(ui));

			cue(ui, ev, &second_bell);
			ui_session_events(ui, ev);
		}
		const char *hooks_note = ui_hooks_reap();
		if (hooks_note)
			ui_status(ui, true, "%s", hooks_note);
		if (ui->app.playing && ui->app.sess.finished && ui->screen == UI_SCREEN_PLAYER) {
			/* By time, or by n or s on the last phase. */
			ui_summary_open(ui);
		}
		if (ui_screens[ui->screen].daily)
			ui_log_check_day(ui); /* the day may have changed while it slept */
		draw(ui);
		app_flush(&ui->app);
		ui_log_sync(ui);

		if (ui->app.playing && !ui->app.sess.finished) {
			int64_t frame = ui_player_frame_ms(ui);

			wait = session_wait_ms(&ui->app.sess, ui->now);
			/* A moving figure between whole seconds (issue 21 §3). */
			wait = frame >= 0 && (wait < 0 || frame < wait) ? frame : wait;
		} else if (ui->hist_ok && ui_screens[ui->screen].daily)
			wait = day_change_ms(ui);
		else
			wait = -1;
		if (second_bell) {
			int64_t b = second_bell > ui->now ? second_bell - ui->now : 0;

			wait = wait < 0 || b < wait ? b : wait;
		}
		woke = ui_sleep_until(wait);
	}
}

/*
 * Why newterm() failed. ncurses takes COLUMNS and LINES over the terminal's
 * own size and gives up on a number it cannot hold (more than 32767), which
 * is no fault of TERM: name the variable then.
 */
static void say_no_terminal(void)
{
	static const char *const vars[] = { "COLUMNS", "LINES" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		char *end;
		long n;

		if (!v || !*v)
			continue;
		errno = 0;
		n = strtol(v, &end, 10);
		if (*end == '\0' && (n > SHRT_MAX || errno == ERANGE)) {
			fprintf(stderr,
			        "lumbar: %s=%.20s is too large for a terminal (at most %d); unset "
			        "it to use the terminal's own size\n",
			        vars[i], v, SHRT_MAX);
			return;
		}
	}
	fprintf(stderr, "lumbar: cannot use this terminal (TERM=%s)\n",
	        getenv("TERM") ? getenv("TERM") : "");
}

int ui_run(const struct ui_options *o)
{
	struct ui ui;
	const char *codeset, *cup;

	if (!ui_begin(&ui, o))
		return 0;
	codeset = nl_langinfo(CODESET);

	ui_sig_setup(teardown);
	/* The size comes from the terminal itself, not from stale COLUMNS or LINES. */
	use_tioctl(TRUE);
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen) {
		ui_sig_restore();
		say_no_terminal();
		ui_log_free(&ui);
		return 1;
	}
	set_term(term_screen);
	curses_on = true;
	/* A screen is drawn by moving the cursor: without cup there is no player. */
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1 || !*cup) {
		teardown();
		ui_sig_restore();
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
	/*
	 * The cursor shows, steady where the terminal lets us say so (cnorm),
	 * and every frame leaves it on what the person is at (ui_draw_focus()):
	 * screen readers (Speakup, Fenrir, Orca in a terminal), Braille displays
	 * and magnifiers follow the cursor (ncdu leaves it on its selected row
	 * for them). Where it cannot be shown it is still moved there. It costs
	 * a tick one cursor move, back from the countdown to the phase's name.
	 */
	curs_set(1);
	ui_draw_init(o->color, codeset && strcmp(codeset, "UTF-8") == 0);
	settle_ncurses();
	ui_read_clocks(&ui);
	ui_start(&ui);
	loop(&ui);
	teardown();
	return ui_end(&ui);
}
