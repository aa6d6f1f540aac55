/*
 * ui_hooks.c - turn session events into hook and speech events. The hook
 * module does the running; this file only decides what to say when.
 */
#include "ui_hooks.h"

#include "hook.h"

/* One event to both the user's command and the speech program. */
static void send(const struct ui_options *o, const struct session *s, size_t index,
                 enum hook_what what, unsigned left)
{
	struct hook_event ev;

	if (hook_describe(o->cat, s->plan, index, what, left, &ev) != 0)
		return;
	if (o->on_phase)
		hook_run(o->on_phase, &ev);
	if (o->speaker)
		hook_speak(o->speaker, &ev);
}

void ui_hooks_fire(const struct ui_options *o, const struct session *s, unsigned ev, int64_t now_ms)
{
	if ((!o->on_phase && !o->speaker) || !s->plan || s->plan->n == 0) {
		hook_reap();
		return;
	}
	/* The phase first: a countdown that comes with it belongs to it. */
	if ((ev & SESS_EV_PHASE) && !s->finished)
		send(o, s, s->cur, HOOK_PHASE, 0);
	if ((ev & SESS_EV_COUNTDOWN) && !s->finished)
		send(o, s, s->cur, HOOK_COUNTDOWN, session_left_shown(s, now_ms));
	if ((ev & SESS_EV_REP) && !s->finished && !(ev & SESS_EV_PHASE))
		send(o, s, s->cur, HOOK_REP, session_rep(s, now_ms));
	if (ev & SESS_EV_DONE)
		send(o, s, s->plan->n - 1, HOOK_DONE, 0);
	hook_reap();
}

void ui_hooks_stopped(const struct ui_options *o, const struct session *s)
{
	ui_hooks_hush(o);
	if ((o->on_phase || o->speaker) && s->plan && !s->finished)
		send(o, s, s->cur, HOOK_STOPPED, 0);
	hook_reap();
}

const char *ui_hooks_reap(void)
{
	hook_reap();
	return hook_full_notice();
}

void ui_hooks_end(void)
{
	hook_end_all();
}

void ui_hooks_hush(const struct ui_options *o)
{
	if (o->speaker)
		hook_speak_stop();
}
