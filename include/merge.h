/*
 * merge.h - two machines: the conflict copies a file-syncing tool leaves
 * beside the history and events.tsv (`history.sync-conflict-….tsv` from
 * Syncthing, `history (1).tsv` or `history (… conflicted copy …).tsv` from
 * others), and `lumbar merge`, which appends to the real file the lines a
 * copy holds and it lacks.
 *
 * A line is the same line when its bytes are (a CRLF's carriage return
 * aside); comments and blank lines are not lines. The lines added go in
 * their time order (the instant of their timestamp; ties in the order of
 * the copies and their lines) after the lines already there, in one write
 * under the lock every append takes (hist_append_locked()), which reads the
 * real file as it is once the lock is held: the real file is never
 * rewritten, reordered or cut, and a merge run twice adds nothing. A line
 * the reader would name as damaged is named (FILE:LINE: why) and left out;
 * a line of a kind a newer lumbar writes is kept. Deleting a copy stays the
 * person's choice: a copy whose every line is in the real file is merely no
 * longer named.
 *
 * No curses, no clock.
 */
#ifndef LUMBAR_MERGE_H
#define LUMBAR_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "history.h"

/* Which real file a copy's lines belong to. */
enum merge_kind { MERGE_HISTORY, MERGE_EVENTS };

/*
 * Whether the file name `name` is a conflict copy of the file name `base`
 * ("history.tsv"): the stem, then `.sync-conflict-…` or ` (…)`, then the
 * same extension.
 */
bool merge_is_copy(const char *base, const char *name);

/*
 * Which kind of lines buf holds: that of the first line one of the two
 * readers takes, or -1 when neither takes any line.
 */
int merge_kind_of(const char *buf, size_t len);

/* One copy: its bytes, and where its damaged lines are named (warn may be NULL). */
struct merge_src {
	const char *buf;
	size_t len;
	hist_warn_fn *warn;
	void *ctx;
};

/*
 * The lines of the copies that `real` lacks, each once, in time order, as
 * whole `\n`-ended lines into a malloc'd, NUL-terminated *out of *out_len
 * bytes (free it; NULL when none). Returns how many lines.
 */
size_t merge_missing(enum merge_kind kind, const char *real, size_t real_len,
                     const struct merge_src *src, size_t n_src, char **out, size_t *out_len);

/*
 * Append to the real file at `path` what merge_missing() finds, in one write
 * under its lock (a new file gets its `#` header). Returns the number of
 * lines added (0: nothing was missing, nothing written), or -1 with *err
 * filled and the file as it was.
 */
long merge_into(const char *path, enum merge_kind kind, const struct merge_src *src, size_t n_src,
                struct hist_error *err);

/*
 * The conflict copies of `path` in its folder, as paths, sorted: a malloc'd
 * array into *out (merge_names_free()). Returns how many (0 when the folder
 * cannot be read).
 */
size_t merge_copies(const char *path, char ***out);
void merge_names_free(char **names, size_t n);

/*
 * What lumbar says once per command when copies beside the history at
 * `history` (or its events file) hold lines the real files lack: one
 * sentence into buf, without "lumbar: ", or "" when there is nothing to
 * say. Returns how many copies it names. Reads nothing but the folder when
 * there is no copy.
 */
unsigned merge_notice(const char *history, char *buf, size_t len);

#endif
