/*
 * file.c - whole-file reads, write-all, atomic replace, folder sync, the
 * XDG path rule and the out-of-memory policy. See file.h.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- Memory ------------------------------------------------------------------- */

static void *enough(void *p)
{
	if (!p) {
		static const char msg[] = "lumbar: out of memory\n";
		(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
		exit(FILE_EXIT_NOMEM);
	}
	return p;
}

void *xmalloc(size_t n)
{
	return enough(malloc(n ? n : 1));
}

void *xcalloc(size_t n, size_t size)
{
	return enough(calloc(n ? n : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t n)
{
	return enough(realloc(p, n ? n : 1));
}

char *xstrdup(const char *s)
{
	return enough(strdup(s));
}

char *xstrndup(const char *s, size_t n)
{
	return enough(strndup(s, n));
}

/* ---- Errors ------------------------------------------------------------------- */

const char *file_strerror(int code)
{
	switch (code) {
	case FILE_ENOTREG:
		return "not a regular file";
	case FILE_ESYMLINK:
		return "a symbolic link, which lumbar does not follow";
	case FILE_ETOOBIG:
		return "too large";
	default:
		return strerror(code);
	}
}

/* ---- Reading ------------------------------------------------------------------ */

int file_open_read(const char *path, size_t max, enum file_open how, int *fd_out,
                   struct stat *st_out)
{
	int flags = O_RDONLY | O_NONBLOCK | O_CLOEXEC | (how == FILE_NOFOLLOW ? O_NOFOLLOW : 0);
	int fd = open(path, flags);
	if (fd < 0) {
		int e = errno;
		struct stat ls;
		if (e == ELOOP && how == FILE_NOFOLLOW && lstat(path, &ls) == 0 &&
		    S_ISLNK(ls.st_mode))
			return FILE_ESYMLINK;
		return e;
	}
	struct stat st;
	int rc = 0;
	if (fstat(fd, &st) != 0)
		rc = errno;
	else if (S_ISDIR(st.st_mode))
		rc = EISDIR;
	else if (!S_ISREG(st.st_mode))
		rc = FILE_ENOTREG;
	else if (st.st_size < 0 || (unsigned long long)st.st_size > max)
		rc = FILE_ETOOBIG;
	if (rc) {
		close(fd);
		return rc;
	}
	*fd_out = fd;
	if (st_out)
		*st_out = st;
	return 0;
}

int file_read(const char *path, size_t max, enum file_open how, char **out, size_t *out_len)
{
	struct stat st;
	int fd, rc = file_open_read(path, max, how, &fd, &st);
	if (rc)
		return rc;

	/* One read for the size fstat gave; more only if the file grew meanwhile. */
	size_t cap = (size_t)st.st_size + 1, len = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (len > max) {
				rc = FILE_ETOOBIG;
				break;
			}
			cap = cap * 2 > max + 1 ? max + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		ssize_t r = read(fd, buf + len, cap - len);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = errno;
			break;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	close(fd);
	if (rc == 0 && len > max)
		rc = FILE_ETOOBIG;
	if (rc) {
		free(buf);
		return rc;
	}
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	return 0;
}

/* ---- Writing ------------------------------------------------------------------ */

int file_write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

void file_sync_parent(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;

	if (!slash)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	free(dir);
}

int file_replace(const char *path, const void *buf, size_t len)
{
	size_t plen = strlen(path);
	char *tmp = xmalloc(plen + 8);
	int rc = 0;

	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".XXXXXX", 8);
	/* mkstemp creates the file with mode 0600, in the same folder. */
	int fd = mkstemp(tmp);
	if (fd < 0) {
		rc = errno;
		free(tmp);
		return rc;
	}
	if (file_write_all(fd, buf, len) != 0 || fsync(fd) != 0)
		rc = errno;
	if (close(fd) != 0 && rc == 0)
		rc = errno;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = errno;
	if (rc != 0)
		(void)unlink(tmp);
	else
		file_sync_parent(path);
	free(tmp);
	return rc;
}

/* ---- Paths -------------------------------------------------------------------- */

int file_xdg_path(const char *xdg, const char *home, const char *fallback, const char *name,
                  char *buf, size_t len)
{
	int n;

	if (xdg && xdg[0] == '/')
		n = snprintf(buf, len, "%s/%s", xdg, name);
	else if (home && *home)
		n = snprintf(buf, len, "%s/%s/%s", home, fallback, name);
	else {
		if (len)
			buf[0] = '\0';
		return ENOENT;
	}
	if (n < 0 || (size_t)n >= len) {
		if (len)
			buf[0] = '\0';
		return ENAMETOOLONG;
	}
	return 0;
}
