/*
 * file.h - the one way lumbar reads, writes and replaces its files, finds
 * them under the XDG base directories, and runs out of memory.
 *
 * No curses, no clock. Error codes are errno values, or one of the FILE_E*
 * codes below for what errno has no word for; file_strerror() names both.
 */
#ifndef LUMBAR_FILE_H
#define LUMBAR_FILE_H

#include <stddef.h>

/* Beyond errno (errno values are positive). */
enum {
	FILE_ENOTREG = -1000,  /* a FIFO, device or socket, not a regular file */
	FILE_ESYMLINK = -1001, /* a symbolic link, which lumbar does not follow */
	FILE_ETOOBIG = -1002,  /* larger than the caller's limit */
};

/* sysexits(3) EX_OSERR: what running out of memory exits with. */
enum { FILE_EXIT_NOMEM = 71 };

/*
 * Allocation that cannot fail: when memory runs out, print
 * "lumbar: out of memory" on stderr and exit 71 (EX_OSERR), as ncdu and dwm
 * do. Zero sizes are served as one byte, so a NULL is never an answer.
 */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Words for an errno value or a FILE_E* code ("not a regular file", ...). */
const char *file_strerror(int code);

/* How file_read() opens. */
enum file_open {
	FILE_NOFOLLOW, /* a symlink is refused (lumbar's own state files) */
	FILE_FOLLOW,   /* a symlink is followed (files the user points at) */
};

/*
 * Read the whole regular file at `path` into a malloc'ed, NUL-terminated
 * buffer (the NUL not counted in *len). Opened with O_NONBLOCK, so a FIFO or
 * device is refused at once without blocking; with FILE_NOFOLLOW a symlink
 * is refused too; a file larger than `max` bytes is refused before anything
 * is read, and no more than `max` bytes are ever read. Returns 0, or an
 * error code (ENOENT for a missing file) with *buf and *len untouched.
 */
int file_read(const char *path, size_t max, enum file_open how, char **buf, size_t *len);

/*
 * The opening under file_read(), for a reader that goes on by itself (the
 * history's streaming reader): the same flags and refusals, and the same
 * codes. Returns 0 with the descriptor in *fd (close it) and its fstat() in
 * *st (may be NULL), or an error code.
 */
struct stat;
int file_open_read(const char *path, size_t max, enum file_open how, int *fd, struct stat *st);

/* write() all of buf, across EINTR and short writes. 0, or -1 with errno. */
int file_write_all(int fd, const void *buf, size_t len);

/*
 * Replace `path` atomically with `len` bytes: a temporary file (mode 0600)
 * in the same folder, fsync, rename over `path`, then sync the folder.
 * Returns 0, or an errno value with `path` as it was.
 */
int file_replace(const char *path, const void *buf, size_t len);

/* fsync the folder that holds `path`, so a rename or a new file survives. */
void file_sync_parent(const char *path);

/*
 * The XDG base directory rule, written once: `$XDG_xxx_HOME/name` when the
 * variable holds an absolute path (relative values are ignored, as the spec
 * asks), else `$HOME/fallback/name`. `xdg` and `home` are the variables'
 * values (NULL when unset). Returns 0, ENOENT when neither gives a folder,
 * or ENAMETOOLONG when the result does not fit; buf is "" on failure.
 */
int file_xdg_path(const char *xdg, const char *home, const char *fallback, const char *name,
                  char *buf, size_t len);

#endif
