/*
 * ui_hooks.h - what the player tells --on-phase commands and the speech
 * program. Private to the ui_*.c files.
 */
#ifndef LUMBAR_UI_HOOKS_H
#define LUMBAR_UI_HOOKS_H

#include "ui.h"
#include "session.h"

/*
 * Fire the hooks for the events a session call returned (SESS_EV_* bits):
 * a phase event for a new phase, a countdown event for each of the last 3
 * seconds of a work phase, a done event when the plan ran out. Then reap
 * finished children. Never waits for a hook.
 */
void ui_hooks_fire(const struct ui_options *o, const struct session *s, unsigned ev,
                   int64_t now_ms);

/*
 * The current exercise was stopped with x: stop speaking, then one
 * `stopped` event for the current phase.
 */
void ui_hooks_stopped(const struct ui_options *o, const struct session *s);

/*
 * Reap finished hooks; call each turn of the loop (SIGCHLD wakes it, so a
 * finished hook is collected even while paused). Returns, once, a note for
 * the status line when hooks stopped being started (too many still run).
 */
const char *ui_hooks_reap(void);

/* When the player ends: let running hooks finish briefly, then end them. */
void ui_hooks_end(void);

/* Stop speaking (on pause and on quit). */
void ui_hooks_hush(const struct ui_options *o);

#endif
