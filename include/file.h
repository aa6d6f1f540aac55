/*
 * file.h - the one way lumbar reads, writes and replaces its files, finds
 * them under the XDG base directories, and runs out of memory.
 *
 * No curses, no clock. Error codes are errno values, or one of the FILE_E*
 * codes below for what errno has no word for; file_strerror() names both.
 */
#ifndef LUMBAR_FILE_H
#define LUMBAR_FILE_H

#include <locale.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Beyond errno (errno values are positive). */
enum {
	FILE_ENOTREG = -1000,  /* a FIFO, device or socket, not a regular file */
	FILE_ESYMLINK = -1001, /* a symbolic link, which lumbar does not follow */
	FILE_ETOOBIG = -1002,  /* larger than the caller's limit */
	FILE_EOWN = -1003,     /* one of lumbar's own files (file_replace's `keep`) */
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
 * Write `len` bytes to `path` by what stat() resolves it to, the one rule for
 * every output lumbar writes (`report -o`, `remind --install`, the progress
 * file):
 *  - missing, or a regular file: replaced atomically, a temporary file in the
 *    same folder, fsync, rename over `path`, then sync the folder; a file
 *    replaced keeps its permissions, a new one is mode 0600;
 *  - a symbolic link to a regular file (or to nothing): refused,
 *    FILE_ESYMLINK, as the rename would replace the link, not its target;
 *  - a FIFO, a character device or a socket (also through a link, as
 *    /dev/stdout and a shell's >(...) are): written straight into, never
 *    created, truncated or replaced; so is a link to the file that is our
 *    standard output or error (/dev/stdout under `> r.md`), through that
 *    descriptor;
 *  - a folder: EISDIR; a block device or anything else: FILE_ENOTREG;
 *  - the same file as one of `keep` (a NULL-terminated list, or NULL; see
 *    file_same()): refused, FILE_EOWN.
 * Returns 0, or an errno value or FILE_E* code with `path` as it was.
 */
int file_replace(const char *path, const void *buf, size_t len, const char *const *keep);

/*
 * Whether `a` and `b` name the same file: the same text, or the same inode
 * when both exist (links followed), else the same last name in the same
 * existing folder.
 */
bool file_same(const char *a, const char *b);

/*
 * Between these two, printf() and strtod() on this thread use `.` as the
 * decimal point whatever LC_NUMERIC says: for what is written for machines
 * (CSV, TSV, JSON, the report's SVG). The rest of the locale stays. Returns
 * the locale to give back to file_c_numbers_end(). Running out of memory
 * exits.
 */
locale_t file_c_numbers_begin(void);
void file_c_numbers_end(locale_t old);

/* fsync the folder that holds `path`, so a rename or a new file survives. */
void file_sync_parent(const char *path);

/*
 * FNV-1a, 64 bits, of the `len` bytes at `s`: a stable name, not a secret.
 * Its values are on people's disks (the progress file's name, the session
 * ids of the history's field 8): it never changes. Of "" it is the offset
 * basis 0xcbf29ce484222325.
 */
uint64_t file_hash(const char *s, size_t len);

/*
 * The path of `name` in the folder of `path` (events.tsv beside a history).
 * Returns 0, or -1 when buf is too small (buf then holds "").
 */
int file_beside(const char *path, const char *name, char *buf, size_t len);

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
