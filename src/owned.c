/*
 * owned.c - lumbar's own files of a history, and the histories that would
 * be one of them. See owned.h.
 */
#include "owned.h"

#include <stdio.h>
#include <string.h>

#include "events.h"
#include "file.h"
#include "progress.h"
#include "remind.h"

void own_files(const char *history, const char *xdg_state_home, const char *home,
               struct own_files *out)
{
	size_t n = 0;

	memset(out, 0, sizeof(*out));
	snprintf(out->history, sizeof(out->history), "%s", history);
	out->list[n++] = out->history;
	if (ev_path(history, out->events, sizeof(out->events)) == 0) {
		out->list[n++] = out->events;
		if (rem_lock_path(out->events, out->remind_lock, sizeof(out->remind_lock)) == 0)
			out->list[n++] = out->remind_lock;
	}
	if (prog_path_for(history, xdg_state_home, home, out->progress, sizeof(out->progress)) ==
	        0 &&
	    snprintf(out->lock, sizeof(out->lock), "%s.lock", out->progress) <
	        (int)sizeof(out->lock)) {
		out->list[n++] = out->progress;
		out->list[n++] = out->lock;
	}
	out->list[n] = NULL;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n >= t && strcmp(s + n - t, tail) == 0;
}

const char *own_history_clash(const char *history, const char *xdg_state_home, const char *home)
{
	struct own_files f;

	own_files(history, xdg_state_home, home, &f);
	if (*f.events && file_same(history, f.events))
		return "lumbar's events file";
	if (ends_with(history, ".progress") || (*f.progress && file_same(history, f.progress)))
		return "a progress file";
	if (ends_with(history, ".progress.lock") || (*f.lock && file_same(history, f.lock)))
		return "a progress file's lock";
	return NULL;
}
