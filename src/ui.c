/*
 * ui.c - the event loop: terminal set-up and teardown, signals, the clock,
 * the key table and dispatch to the screens.
 *
 * The loop blocks in pselect() on the terminal until a key, a signal, or the
 * next whole second of the current phase's deadline (session_wait_ms()); a
 * menu or a paused session blocks until a key. Signals stay blocked except
 * inside pselect(), so a signal can never slip in between the check of its
 * flag and the sleep. This is the only file that reads CLOCK_MONOTONIC.
 */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "ui_clock.h"
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

static volatile sig_atomic_t got_int, got_term, got_hup, got_tstp;
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
	case SIGTSTP:
		got_tstp = 1;
		break;
	}
	/* SIGCHLD only wakes the loop, which reaps the finished hook. */
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
static void frame_close(void);

static void teardown(void)
{
	frame_close();
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
	got_int = got_term = got_hup = got_tstp = 0;
	sigemptyset(&handled);
	sigaddset(&handled, SIGINT);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGHUP);
	sigaddset(&handled, SIGTSTP);
	sigaddset(&handled, SIGWINCH);
	sigaddset(&handled, SIGCHLD);
	sigprocmask(SIG_BLOCK, &handled, &orig_mask);
	sleep_mask = orig_mask;
	sigdelset(&sleep_mask, SIGINT);
	sigdelset(&sleep_mask, SIGTERM);
	sigdelset(&sleep_mask, SIGHUP);
	sigdelset(&sleep_mask, SIGTSTP);
	sigdelset(&sleep_mask, SIGWINCH);
	sigdelset(&sleep_mask, SIGCHLD);

	catch (SIGINT);
	catch (SIGCHLD);
	catch (SIGTERM);
	catch (SIGHUP);
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
	signal(SIGCHLD, SIG_DFL);
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

/* ---- One write per frame ------------------------------------------------- */

/*
 * ncurses flushes its output at every cursor movement, so a frame that
 * changes ten separate rows reaches the terminal as ten write()s, and each
 * wakes the terminal (and tmux) again. Like kilo's abuf, a frame is instead
 * collected and written once: ncurses writes to standard output, which for
 * the length of doupdate() is pointed at an unlinked shared-memory file (a
 * file never blocks, however large the frame), then the whole frame goes to the
 * terminal in one write. The terminal is never the target of an ioctl inside
 * doupdate(), except on the first frame after endwin(), which is written
 * directly. Any failure falls back to ncurses' own writes.
 */
static int frame_fd = -1; /* the temporary file */
static int tty_fd = -1;   /* a copy of the terminal's descriptor */
static bool frame_direct; /* next frame straight to the terminal */

static void frame_setup(void)
{
	char name[64];

	/*
	 * Shared memory rather than tmpfile(): on a disk file system every
	 * frame's writes would cost more than the write()s they save.
	 */
	snprintf(name, sizeof(name), "/lumbar-frame-%ld", (long)getpid());
	frame_fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
	if (frame_fd < 0)
		return;
	shm_unlink(name);
	tty_fd = dup(STDOUT_FILENO);
	if (tty_fd < 0) {
		close(frame_fd);
		frame_fd = -1;
	}
}

/* Also from teardown(): standard output is the terminal again after it. */
static void frame_close(void)
{
	if (frame_fd >= 0) {
		dup2(tty_fd, STDOUT_FILENO);
		close(frame_fd);
		close(tty_fd);
	}
	frame_fd = tty_fd = -1;
}

bool ui_write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

/*
 * ncurses stops flushing at every cursor move once it has been through one
 * endwin() and come back (lib_mvcur.c flushes only while the screen is in its
 * initial state); from then on a frame leaves doupdate() in one write unless
 * it outgrows ncurses' buffer, a little more than one screenful of cells. This
 * takes it there before the first frame: endwin() with standard output on the
 * frame file, so the terminal sees nothing of it (its mode change fails on
 * the file and the terminal keeps the mode newterm() set), and the first
 * frame, written directly, is ncurses' ordinary return from endwin().
 */
static void frame_settle(void)
{
	if (frame_fd < 0 || dup2(frame_fd, STDOUT_FILENO) < 0)
		return;
	endwin();
	dup2(tty_fd, STDOUT_FILENO);
	frame_direct = true;
}

/*
 * Send the frame. A small one (a tick: only the time changed) goes straight
 * to the terminal: ui_clock's bytes in one write, then curses' own, if
 * `past` does not say it has none (after frame_settle() curses writes in one
 * piece); the detour through the frame file would cost more system calls
 * than it saves. A full frame is collected in the frame file, ui_clock's
 * blanking, curses' frame and ui_clock's cells in that order, and written
 * once.
 */
static void frame_refresh(bool small, bool past)
{
	char buf[16384];
	off_t at = 0, len;
	ssize_t n;

	/* A cleared screen has none of the digits a tick would only touch up. */
	if (small && !frame_direct && !is_cleared(curscr)) {
		ui_clock_before_refresh(false);
		/*
		 * All of it went past curses: the rows it touched in stdscr are
		 * blank again, as curses last sent them, so doupdate() would
		 * only compare them to find nothing.
		 */
		if (!past)
			refresh();
		return;
	}
	if (frame_fd < 0 || frame_direct || lseek(frame_fd, 0, SEEK_SET) < 0 ||
	    dup2(frame_fd, STDOUT_FILENO) < 0) {
		frame_direct = false;
		ui_clock_before_refresh(true);
		refresh();
		ui_clock_after_refresh(STDOUT_FILENO);
		return;
	}
	ui_clock_before_refresh(true);
	refresh();
	ui_clock_after_refresh(STDOUT_FILENO);
	dup2(tty_fd, STDOUT_FILENO);
	/*
	 * The frame is what was written from offset 0; the file keeps its
	 * largest size, so nothing is truncated frame after frame.
	 */
	len = lseek(frame_fd, 0, SEEK_CUR);
	while (at < len) {
		size_t want = (size_t)(len - at) < sizeof(buf) ? (size_t)(len - at) : sizeof(buf);

		n = pread(frame_fd, buf, want, at);
		if (n <= 0 || !ui_write_all(STDOUT_FILENO, buf, (size_t)n))
			break;
		at += n;
	}
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
 * What the player's static parts (all but the time) are drawn from. While it
 * stays the same and no key or signal came in, a frame redraws only the rows
 * that show the time: erase() and a full redraw would make ncurses compare
 * every cell of the screen again, once a second, to find the same few changes.
 */
struct frame_key {
	enum ui_screen screen;
	int lines, cols;
	size_t phase;
	bool playing, paused, finished, confirm, held;
};

static struct frame_key frame_key_of(const struct ui *ui)
{
	struct frame_key k;

	/* Zeroed first, padding included, so memcmp() compares only the fields. */
	memset(&k, 0, sizeof(k));
	k.screen = ui->screen;
	k.lines = LINES;
	k.cols = COLS;
	k.playing = ui->playing;
	if (ui->playing) {
		k.phase = ui->sess.cur;
		k.paused = ui->sess.paused;
		k.finished = ui->sess.finished;
	}
	k.confirm = ui->confirm;
	k.held = ui->held_by_modal;
	return k;
}

/*
 * Draw a frame and send it. `all` asks for everything to be drawn again (a
 * key, a signal or a suspension came in); otherwise the player may redraw
 * only its clock rows when its frame_key has not changed.
 */
static void draw(struct ui *ui, bool all)
{
	static struct frame_key last;
	static bool have_last;
	struct frame_key key = frame_key_of(ui);

	if (!all && have_last && !ui_draw_too_small() && ui->screen == UI_SCREEN_PLAYER &&
	    memcmp(&key, &last, sizeof(key)) == 0) {
		frame_refresh(true, ui_player_draw(ui, false));
		return;
	}
	last = key;
	have_last = true;
	ui_clock_begin();
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
			ui_player_draw(ui, true);
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
	frame_refresh(false, false);
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
	ui_clock_forget();
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, NULL); /* stops here until SIGCONT */
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	catch (SIGTSTP);
	clearok(curscr, TRUE);
	frame_direct = true;
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
		bool all = woke != 0;

		if (got_int || got_term || got_hup) {
			ui->status = got_int ? 130 : got_term ? 143 : 129;
			break;
		}
		ui->now = now_ms();
		if (got_tstp) {
			got_tstp = 0;
			suspend(ui);
			ui->now = now_ms();
			all = true;
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
		const char *hooks_note = ui_hooks_reap();
		if (hooks_note)
			ui_status(ui, true, "%s", hooks_note);
		if (ui->playing && ui->sess.finished && ui->screen == UI_SCREEN_PLAYER) {
			/* By time, or by n or s on the last phase. */
			ui->confirm = false;
			ui->held_by_modal = false;
			ui->screen = UI_SCREEN_SUMMARY;
		}
		draw(ui, all || keys > 0);
		ui_log_flush(ui);

		wait = ui->playing && !ui->sess.finished ? session_wait_ms(&ui->sess, ui->now) : -1;
		if (second_bell) {
			int64_t b = second_bell > ui->now ? second_bell - ui->now : 0;

			wait = wait < 0 || b < wait ? b : wait;
		}
		woke = sleep_until(wait);
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
	const char *codeset;

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
	/* The size comes from the terminal itself, not from stale COLUMNS or LINES. */
	use_tioctl(TRUE);
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen) {
		signals_restore();
		say_no_terminal();
		return 1;
	}
	set_term(term_screen);
	curses_on = true;
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
	ui_clock_init(ui_draw_utf8());

	frame_setup();
	frame_direct = true;
	frame_settle();
	ui.now = now_ms();
	ui_start(&ui);
	loop(&ui);
	frame_close();
	teardown();
	ui_hooks_end(); /* no hook outlives lumbar; the terminal is already back */

	/*
	 * Signals are still ours here, so a second Ctrl-C cannot cut a write
	 * short. What each way out writes is journal.h's rule.
	 */
	ui_log_exit(&ui);
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
