/*
 * remind.h - what is due, for scripts and prompts (`lumbar due`, `lumbar
 * status`), and desktop reminders (`lumbar remind`): the parts of the day,
 * the once-per-part rule, the systemd units and the crontab line.
 *
 * A reminder is sent at `now` when something is due, `now` falls in a part
 * of the day (default: morning 05-12, afternoon 12-17, evening 17-23, local
 * hours, each from its first hour to before its last), no `remind` event was
 * logged in that part of the same day, lumbar is not paused and no routine
 * is playing. So a machine that slept through the morning's timer sends at
 * most the current part's reminder when it wakes, never the morning's late,
 * and never two in one part.
 *
 * Time is an argument: nothing here reads the clock (localtime_r() turns
 * the instants given into local hours).
 */
#ifndef LUMBAR_REMIND_H
#define LUMBAR_REMIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalogue.h"
#include "events.h"
#include "history.h"
#include "plan.h"

enum {
	REM_MAX_PARTS = 8, /* parts of the day in remind_parts */
	REM_MAX_TIMES = 8, /* times in remind_at */
	REM_MAX_UNIT = 4096,
};

/* A part of the day: local hours from <= hour < to, 0 <= from < to <= 24. */
struct rem_part {
	unsigned from, to;
};

struct rem_config {
	struct rem_part part[REM_MAX_PARTS];
	unsigned n_parts;
	unsigned at[REM_MAX_TIMES]; /* remind_at: minutes after midnight */
	unsigned n_at;
};

/* Defaults: parts 05-12, 12-17, 17-23; remind_at 07:30 and 18:30. */
void rem_config_default(struct rem_config *c);

/* "07:30" (HH:MM, 00:00-23:59) into minutes after midnight. 0, or -1. */
int rem_parse_time(const char *s, unsigned *minutes);

/* "05-12" (HH-HH, 00-24, first below last) into a part. 0, or -1. */
int rem_parse_part(const char *s, struct rem_part *out);

/*
 * Whether the parts are usable: none overlaps another. Returns NULL, or
 * why not.
 */
const char *rem_parts_check(const struct rem_part *p, unsigned n);

/* The index of the part holding `when` (local time), or -1 for none. */
int rem_part_of(const struct rem_config *c, time_t when);

/* Why lumbar remind sends or not. */
enum rem_verdict {
	REM_SEND,
	REM_NOTHING_DUE,
	REM_OUTSIDE, /* now is in no part of the day */
	REM_ALREADY, /* a reminder was logged in this part today */
	REM_PAUSED,
	REM_PLAYING,
};

/*
 * The rule above, as a pure function of its inputs. `n_due` is how many
 * exercises hist_due() lists; `ev` holds the `remind` and `pause` events.
 */
enum rem_verdict rem_decide(const struct rem_config *c, const struct ev_log *ev, unsigned n_due,
                            bool playing, time_t now);

/*
 * Why, in words for `remind --verbose`: "nothing is due", "lumbar is
 * paused", "a routine is playing", "a reminder was sent in this part of the
 * day (05-12) already", "03:xx is in no part of the day (remind_parts)".
 * Returns buf.
 */
const char *rem_why(const struct rem_config *c, enum rem_verdict v, time_t now, char *buf,
                    size_t len);

/*
 * What is due: hist_due() and the seconds they take at `dose` (each
 * exercise's step today, or the level --level forces): the one length the
 * menu's "Due now", `due --format=line`, `status` and the reminder show.
 */
struct rem_due {
	unsigned n;
	unsigned idx[CAT_MAX_EXERCISES];
	unsigned seconds;
};
void rem_due(const struct catalogue *cat, const struct hist_summary *s,
             const struct plan_dose *dose, struct rem_due *out);

/* The widest line rem_due_line() writes (ids of up to 32 bytes allowing). */
enum { REM_LINE_WIDTH = 80 };

/*
 * `2 due: knee-to-chest, hip-flexor-release (1:54)`, without a newline, or
 * "" when nothing is due. Ids that would take the line past REM_LINE_WIDTH
 * are counted instead: `9 due: knee-to-chest, cat-cow, +7 more (22:30)`.
 * Returns buf.
 */
char *rem_due_line(const struct catalogue *cat, const struct rem_due *d, char *buf, size_t len);

/*
 * The same with the exercises' names (escaped) for a person, as the
 * reminder's body says it: `2 due: Knee to chest, Cat-cow (1:54)`.
 */
char *rem_due_names(const struct catalogue *cat, const struct rem_due *d, char *buf, size_t len);

/*
 * The systemd user units for `exe` (an absolute path). The timer has one
 * OnCalendar= per remind_at time and Persistent=true; the service runs
 * `exe remind` once, and exit 1 (nothing sent) is a success. Return the
 * length written (len or more: it did not fit), or 0 when exe cannot be
 * put in a unit (not absolute, or holds a control character).
 */
size_t rem_timer_unit(const struct rem_config *c, char *buf, size_t len);
size_t rem_service_unit(const char *exe, char *buf, size_t len);

/*
 * Crontab lines, one per distinct minute of the remind_at times (the
 * defaults give one: `30 7,18 * * *`), each setting DISPLAY,
 * DBUS_SESSION_BUS_ADDRESS and XDG_RUNTIME_DIR to the values given before
 * running `exe remind`. Quoted for /bin/sh, `%` escaped for cron. Returns
 * as rem_service_unit().
 */
size_t rem_cron_lines(const struct rem_config *c, const char *exe, const char *display,
                      const char *dbus, const char *runtime_dir, char *buf, size_t len);

enum {
	REM_NOTIFY_SECONDS = 10,    /* how long a notifier may take */
	REM_NOTIFY_TICKS = 20,      /* waits a second while it runs */
	REM_NOTIFY_NOT_FOUND = 127, /* rem_notify(): the shell found no such command */
};

/*
 * Run the notifier `cmd` with /bin/sh -c, LUMBAR_TITLE and LUMBAR_BODY in
 * its environment, stdin from /dev/null, in a process group of its own, and
 * wait for it at most `timeout_s` seconds (counted waits, not a clock); one
 * still running then is killed, group and all. Returns 0 when it exited 0
 * in time, REM_NOTIFY_NOT_FOUND when it exited 127 (the shell's "not
 * found": notify-send is not installed), else -1.
 */
int rem_notify(const char *cmd, const char *title, const char *body, unsigned timeout_s);

/*
 * The lock of `lumbar remind`: `remind.lock` in the folder of the events
 * file at `events_path`. Returns 0, or -1 when buf is too small (buf "").
 */
int rem_lock_path(const char *events_path, char *buf, size_t len);

/*
 * Take the lock of `lumbar remind` (rem_lock_path(), an flock), waiting
 * while another holds it, so that at most one reminder goes out per part of
 * the day however many run at once. Returns its descriptor, or -1 with *err
 * filled. rem_unlock() lets go (a descriptor of -1 is ignored).
 */
int rem_lock(const char *events_path, struct hist_error *err);
void rem_unlock(int fd);

/* One `lumbar remind`: what rem_run() needs. */
struct rem_turn {
	const struct rem_config *config;
	const char *events; /* the events file */
	unsigned n_due;
	bool playing;
	time_t now;
	const char *cmd, *title, *body; /* the notifier and its words */
	enum rem_verdict *why;          /* when not NULL: rem_decide()'s answer */
};

enum rem_outcome {
	REM_SENT,           /* exit 0 */
	REM_NOT_SENT,       /* exit 1: rem_decide() said no */
	REM_NOTIFY_FAILED,  /* exit 3: the notifier failed or took too long; nothing logged */
	REM_NOTIFY_MISSING, /* exit 3: the notifier's command is not installed; nothing logged */
	REM_LOG_FAILED,     /* sent, but the `remind` event not written; *err filled */
};

/*
 * A reminder's turn, once the caller holds rem_lock() and has read the
 * events file under it (ev, with at least the `remind` events; a second
 * `remind` waiting for the lock then reads the first one's event): decide
 * (rem_decide()), run the notifier (rem_notify(), at most
 * REM_NOTIFY_SECONDS), and log a `remind` event at `now` only if it went
 * out. The caller lets go of the lock after. `lumbar remind` reads its
 * record (history and events) once, under the lock.
 */
enum rem_outcome rem_run(const struct rem_turn *t, const struct ev_log *ev, struct hist_error *err);

#endif
