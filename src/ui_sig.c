/*
 * ui_sig.c - what both front ends (the full screen, ui.c, and the line
 * mode, lines.c) share below their drawing: the signals they catch, the
 * clocks they read once per turn of their loop, and the sleep until a key,
 * a signal or the next deadline. No curses here.
 *
 * Signals stay blocked except inside pselect(), so a signal can never slip
 * in between the check of its flag and the sleep. This is the only file
 * that reads CLOCK_MONOTONIC.
 */
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

#include "ui_priv.h"

volatile sig_atomic_t ui_sig_int, ui_sig_term, ui_sig_hup, ui_sig_quit, ui_sig_tstp;
static sigset_t handled;    /* the signals blocked outside pselect() */
static sigset_t sleep_mask; /* the mask while sleeping: without those */
static sigset_t orig_mask;  /* the caller's, restored at the end */
static bool catch_tstp;     /* false when SIGTSTP was ignored at start */

static void on_signal(int sig)
{
	switch (sig) {
	case SIGINT:
		ui_sig_int = 1;
		break;
	case SIGTERM:
		ui_sig_term = 1;
		break;
	case SIGHUP:
		ui_sig_hup = 1;
		break;
	case SIGQUIT:
		ui_sig_quit = 1;
		break;
	case SIGTSTP:
		ui_sig_tstp = 1;
		break;
	}
	/* SIGCHLD only wakes the loop, which reaps the finished hook. */
}

void ui_sig_catch(int sig)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

bool ui_turn(struct ui *ui, void (*suspend)(struct ui *ui))
{
	if (ui_sig_int || ui_sig_term || ui_sig_hup || ui_sig_quit) {
		ui->status = ui_sig_int ? 130 : ui_sig_term ? 143 : ui_sig_hup ? 129 : 131;
		return false;
	}
	ui_read_clocks(ui);
	if (ui_sig_tstp) {
		ui_sig_tstp = 0;
		suspend(ui);
		ui_read_clocks(ui);
	}
	return true;
}

void ui_sig_setup(void (*teardown)(void))
{
	static void (*registered[2])(void);
	struct sigaction old;

	for (size_t i = 0; i < 2; i++) {
		if (registered[i] == teardown)
			break;
		if (registered[i] == NULL) {
			atexit(teardown);
			registered[i] = teardown;
			break;
		}
	}
	ui_sig_int = ui_sig_term = ui_sig_hup = ui_sig_quit = ui_sig_tstp = 0;
	sigemptyset(&handled);
	sigaddset(&handled, SIGINT);
	sigaddset(&handled, SIGTERM);
	sigaddset(&handled, SIGHUP);
	sigaddset(&handled, SIGQUIT);
	sigaddset(&handled, SIGTSTP);
	sigaddset(&handled, SIGWINCH);
	sigaddset(&handled, SIGCHLD);
	sigprocmask(SIG_BLOCK, &handled, &orig_mask);
	sleep_mask = orig_mask;
	sigdelset(&sleep_mask, SIGINT);
	sigdelset(&sleep_mask, SIGTERM);
	sigdelset(&sleep_mask, SIGHUP);
	sigdelset(&sleep_mask, SIGQUIT);
	sigdelset(&sleep_mask, SIGTSTP);
	sigdelset(&sleep_mask, SIGWINCH);
	sigdelset(&sleep_mask, SIGCHLD);

	ui_sig_catch(SIGINT);
	ui_sig_catch(SIGCHLD);
	ui_sig_catch(SIGTERM);
	ui_sig_catch(SIGHUP);
	ui_sig_catch(SIGQUIT);
	/* A shell without job control ignores SIGTSTP for us; keep it so. */
	sigaction(SIGTSTP, NULL, &old);
	catch_tstp = old.sa_handler != SIG_IGN;
	if (catch_tstp)
		ui_sig_catch(SIGTSTP);
	signal(SIGPIPE, SIG_IGN);
}

/*
 * Unblock first, while the handlers are still ours, so a second Ctrl-C that
 * is pending only sets a flag instead of killing the process mid-return.
 */
void ui_sig_restore(void)
{
	sigprocmask(SIG_SETMASK, &orig_mask, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	if (catch_tstp)
		signal(SIGTSTP, SIG_DFL);
}

void ui_sig_stop_here(void)
{
	sigset_t tstp;

	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &tstp, NULL); /* stops here until SIGCONT */
	sigprocmask(SIG_BLOCK, &tstp, NULL);
	ui_sig_catch(SIGTSTP);
}

static int64_t clock_ms(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ui_read_clocks(struct ui *ui)
{
	ui->now = clock_ms(CLOCK_MONOTONIC);
	ui->wall_ms = clock_ms(CLOCK_REALTIME);
}

int ui_sleep_until(int64_t wait_ms)
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
