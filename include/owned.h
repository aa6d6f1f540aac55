/*
 * owned.h - lumbar's own files of a history: the history itself, its events
 * file (events.h: `events.tsv` in its folder), the reminders' lock beside it
 * (remind.h), its progress file and that file's lock (progress.h: in the
 * state folder). A report is never written
 * over one of them (file_replace()'s `keep`), and a history may not be one
 * of the others (issue 18, items 2 and 17).
 *
 * No curses and no clock.
 */
#ifndef LUMBAR_OWNED_H
#define LUMBAR_OWNED_H

#include <limits.h>

enum { OWN_PATH = PATH_MAX + 64 };

struct own_files {
	char history[OWN_PATH], events[OWN_PATH], remind_lock[OWN_PATH];
	char progress[OWN_PATH], lock[OWN_PATH];
	const char *list[6]; /* the paths that could be made, then NULL */
};

/*
 * The files lumbar owns for the history at `history`, with the state folder
 * that xdg_state_home and home give (hist_path()). A path that cannot be
 * made (no HOME for the progress file) is left out of `list`.
 */
void own_files(const char *history, const char *xdg_state_home, const char *home,
               struct own_files *out);

/*
 * Why `history` cannot be a history, or NULL when it can: it is its own
 * events file ("lumbar's events file": named events.tsv, or the same file
 * as the events.tsv beside it), or a progress file or lock ("a progress
 * file", "a progress file's lock": its name ends in `.progress` or
 * `.progress.lock`, or it is the same file as its own progress file or lock).
 */
const char *own_history_clash(const char *history, const char *xdg_state_home, const char *home);

#endif
