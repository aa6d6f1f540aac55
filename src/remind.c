/*
 * remind.c - parts of the day, the once-per-part rule, the due line, the
 * systemd units and the crontab line for `lumbar remind` and `lumbar due`.
 * No curses and no clock: `now` is an argument.
 */
#include "remind.h"
#include "file.h"
#include "plan.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static unsigned local_hour(time_t when)
{
	struct tm tm;

	if (!localtime_r(&when, &tm))
		return 0;
	return (unsigned)tm.tm_hour;
}

int rem_part_of(const struct rem_config *c, time_t when)
{
	unsigned h = local_hour(when);

	for (unsigned i = 0; i < c->n_parts; i++)
		if (h >= c->part[i].from && h < c->part[i].to)
			return (int)i;
	return -1;
}

enum rem_verdict rem_decide(const struct rem_config *c, const struct ev_log *ev, unsigned n_due,
                            bool playing, time_t now)
{
	int32_t today = hist_today(now);
	int part = rem_part_of(c, now);

	if (playing)
		return REM_PLAYING;
	if (ev_paused_until(ev, today, NULL))
		return REM_PAUSED;
	if (n_due == 0)
		return REM_NOTHING_DUE;
	if (part < 0)
		return REM_OUTSIDE;
	for (size_t i = 0; i < ev->n; i++) {
		const struct ev_event *e = &ev->e[i];
		if (e->kind == EV_REMIND && e->when <= now && hist_today(e->when) == today &&
		    rem_part_of(c, e->when) == part)
			return REM_ALREADY;
	}
	return REM_SEND;
}

const char *rem_why(const struct rem_config *c, enum rem_verdict v, time_t now, char *buf,
                    size_t len)
{
	int part = rem_part_of(c, now);

	switch (v) {
	case REM_SEND:
		snprintf(buf, len, "something is due");
		break;
	case REM_NOTHING_DUE:
		snprintf(buf, len, "nothing is due");
		break;
	case REM_OUTSIDE:
		snprintf(buf, len, "%02u:xx is in no part of the day (remind_parts)",
		         local_hour(now));
		break;
	case REM_ALREADY:
		snprintf(buf, len,
		         "a reminder was sent in this part of the day (%02u-%02u) already",
		         part < 0 ? 0 : c->part[part].from, part < 0 ? 0 : c->part[part].to);
		break;
	case REM_PAUSED:
		snprintf(buf, len, "lumbar is paused");
		break;
	case REM_PLAYING:
		snprintf(buf, len, "a routine is playing");
		break;
	}
	return buf;
}

/* ---- What is due ---------------------------------------------------------------- */

void rem_due(const struct catalogue *cat, const struct hist_summary *s,
             const struct plan_dose *dose, struct rem_due *out)
{
	out->n = hist_due(s, cat->n_exercises, out->idx);
	out->seconds = 0;
	for (unsigned i = 0; i < out->n; i++)
		out->seconds += plan_seconds_at(cat, out->idx[i], dose);
}

/* The line of ids or of names (escaped): `rem_due_line()` and `rem_due_names()`. */
static char *due_line(const struct catalogue *cat, const struct rem_due *d, bool names, char *buf,
                      size_t len)
{
	size_t used;
	char clock[32], name[4 * REM_LINE_WIDTH + 1];

	buf[0] = '\0';
	if (d->n == 0)
		return buf;
	plan_format_clock(d->seconds, clock, sizeof(clock));
	used = (size_t)snprintf(buf, len, "%u due: ", d->n);
	for (unsigned i = 0; i < d->n && used < len; i++) {
		const struct cat_exercise *ex = &cat->exercises[d->idx[i]];
		const char *id = names ? cat_escape(name, sizeof(name), ex->name) : ex->id;
		/* What must still fit after this id: ", +K more" for the rest, and the clock. */
		char more[32] = "";
		size_t after;

		if (i + 1 < d->n)
			snprintf(more, sizeof(more), ", +%u more", d->n - i - 1);
		after = strlen(more) + strlen(clock) + 3;
		if (i > 0 && used + 2 + strlen(id) + after > REM_LINE_WIDTH) {
			used += (size_t)snprintf(buf + used, len - used, ", +%u more", d->n - i);
			break;
		}
		used += (size_t)snprintf(buf + used, len - used, "%s%s", i ? ", " : "", id);
	}
	if (used < len)
		snprintf(buf + used, len - used, " (%s)", clock);
	return buf;
}

char *rem_due_line(const struct catalogue *cat, const struct rem_due *d, char *buf, size_t len)
{
	return due_line(cat, d, false, buf, len);
}

char *rem_due_names(const struct catalogue *cat, const struct rem_due *d, char *buf, size_t len)
{
	return due_line(cat, d, true, buf, len);
}

/* ---- Unit files and crontab --------------------------------------------------------- */

struct out {
	char *buf;
	size_t len, used;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->used < o->len ? o->buf + o->used : NULL,
	              o->used < o->len ? o->len - o->used : 0, fmt, ap);
	va_end(ap);
	o->used += n > 0 ? (size_t)n : 0;
}

static bool usable_exe(const char *exe)
{
	if (!exe || exe[0] != '/')
		return false;
	for (const char *p = exe; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return false;
	return true;
}

static const char unit_description[] =
    "[Unit]\nDescription=lumbar: a reminder when exercises are due\n"
    "Documentation=man:lumbar(1)\n";

size_t rem_timer_unit(const struct rem_config *c, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };

	put(&o, "%s\n[Timer]\n", unit_description);
	for (unsigned i = 0; i < c->n_at; i++)
		put(&o, "OnCalendar=*-*-* %02u:%02u:00\n", c->at[i] / 60, c->at[i] % 60);
	put(&o, "Persistent=true\n\n[Install]\nWantedBy=timers.target\n");
	return o.used;
}

size_t rem_service_unit(const char *exe, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };

	if (!usable_exe(exe))
		return 0;
	put(&o, "%s\n[Service]\nType=oneshot\n", unit_description);
	/* Quoted as systemd reads ExecStart=: \ and " escaped, % and $ doubled. */
	put(&o, "ExecStart=\"");
	for (const char *p = exe; *p; p++) {
		if (*p == '\\' || *p == '"')
			put(&o, "\\%c", *p);
		else if (*p == '%' || *p == '$')
			put(&o, "%c%c", *p, *p);
		else
			put(&o, "%c", *p);
	}
	put(&o, "\" remind\n");
	/* Exit 1 is "nothing sent", not a failure. */
	put(&o, "SuccessExitStatus=1\n");
	return o.used;
}

/* A word for /bin/sh in a crontab: single-quoted, with cron's % escaped. */
static void put_shell_word(struct out *o, const char *s)
{
	put(o, "'");
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			put(o, "'\\''");
		else if (*p == '%')
			put(o, "\\%%");
		else
			put(o, "%c", *p);
	}
	put(o, "'");
}

size_t rem_cron_lines(const struct rem_config *c, const char *exe, const char *display,
                      const char *dbus, const char *runtime_dir, char *buf, size_t len)
{
	struct out o = { buf, len, 0 };
	bool done[REM_MAX_TIMES] = { false };

	if (!usable_exe(exe))
		return 0;
	for (unsigned i = 0; i < c->n_at; i++) {
		if (done[i])
			continue;
		unsigned minute = c->at[i] % 60;
		put(&o, "%u ", minute);
		for (unsigned j = i, first = 1; j < c->n_at; j++) {
			if (done[j] || c->at[j] % 60 != minute)
				continue;
			done[j] = true;
			put(&o, "%s%u", first ? "" : ",", c->at[j] / 60);
			first = 0;
		}
		put(&o, " * * * DISPLAY=");
		put_shell_word(&o, display);
		put(&o, " DBUS_SESSION_BUS_ADDRESS=");
		put_shell_word(&o, dbus);
		put(&o, " XDG_RUNTIME_DIR=");
		put_shell_word(&o, runtime_dir);
		put(&o, " ");
		put_shell_word(&o, exe);
		put(&o, " remind\n");
	}
	return o.used;
}

/* ---- The notifier ----------------------------------------------------------------- */

int rem_notify(const char *cmd, const char *title, const char *body, unsigned timeout_s)
{
	const struct timespec tick = { 0, 1000000000L / REM_NOTIFY_TICKS };
	int status;
	pid_t pid, r = 0;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		/* Its own process group, so that all of it can be ended in time. */
		(void)setpgid(0, 0);
		if (setenv("LUMBAR_TITLE", title, 1) != 0 || setenv("LUMBAR_BODY", body, 1) != 0)
			_exit(127);
		if (!freopen("/dev/null", "r", stdin))
			_exit(127);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	(void)setpgid(pid, pid);
	/* Counted waits, not a clock: at most timeout_s seconds, then it is ended. */
	for (unsigned long n = 0; n < (unsigned long)timeout_s * REM_NOTIFY_TICKS; n++) {
		r = waitpid(pid, &status, WNOHANG);
		if (r != 0 && !(r < 0 && errno == EINTR))
			break;
		nanosleep(&tick, NULL);
	}
	if (r == 0) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
	}
	if (r <= 0)
		while ((r = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
			;
	if (r < 0)
		return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return REM_NOTIFY_NOT_FOUND;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

/* ---- A reminder's turn, under the lock ------------------------------------------------ */

int rem_lock_path(const char *events_path, char *buf, size_t len)
{
	return file_beside(events_path, "remind.lock", buf, len);
}

int rem_lock(const char *events_path, struct hist_error *err)
{
	char lock[PATH_MAX + 16];
	int fd;

	if (rem_lock_path(events_path, lock, sizeof(lock)) != 0) {
		hist_set_error(err, ENAMETOOLONG, "cannot lock the reminders beside %s",
		               events_path);
		return -1;
	}
	if (hist_make_parent(lock, err) != 0)
		return -1;
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		hist_set_error(err, errno, "cannot lock %s", lock);
		return -1;
	}
	while (flock(fd, LOCK_EX) != 0) {
		if (errno != EINTR) {
			hist_set_error(err, errno, "cannot lock %s", lock);
			close(fd);
			return -1;
		}
	}
	return fd;
}

void rem_unlock(int fd)
{
	if (fd >= 0)
		close(fd); /* and with it the lock */
}

enum rem_outcome rem_run(const struct rem_turn *t, const struct ev_log *ev, struct hist_error *err)
{
	enum rem_outcome out = REM_SENT;
	enum rem_verdict why;
	int sent;

	if ((why = rem_decide(t->config, ev, t->n_due, t->playing, t->now)) != REM_SEND)
		out = REM_NOT_SENT;
	else if ((sent = rem_notify(t->cmd, t->title, t->body, REM_NOTIFY_SECONDS)) != 0)
		out = sent == REM_NOTIFY_NOT_FOUND ? REM_NOTIFY_MISSING : REM_NOTIFY_FAILED;
	else {
		struct ev_event e;
		ev_init(&e, EV_REMIND, t->now);
		if (ev_append(t->events, &e, err) != 0)
			out = REM_LOG_FAILED;
	}
	if (t->why)
		*t->why = why;
	return out;
}
