/*
 * hook.c - phase hooks and voice cues.
 *
 * Hooks are started with posix_spawn(), which returns once /bin/sh is
 * executing: nothing the command does afterwards (sleep, fail, fill a pipe)
 * can reach the caller, because it has no pipe to fill and nobody waits for
 * it. Each child is remembered by pid and reaped by hook_reap(), which
 * waits for those pids only, so another part of the program may still
 * have children of its own.
 *
 * No curses and no clock here.
 */
#include "hook.h"

#include "file.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* ---- Describing an event ----------------------------------------------------- */

/* A work phase is the first of its set when no earlier one of its slot shares the set. */
static bool first_work_of_set(const struct plan *p, size_t index)
{
	const struct plan_phase *ph = &p->phases[index];

	for (size_t i = index; i > 0; i--) {
		const struct plan_phase *q = &p->phases[i - 1];

		if (q->slot != ph->slot)
			break;
		if (q->kind == PLAN_WORK && q->set == ph->set)
			return false;
	}
	return true;
}

int hook_describe(const struct catalogue *cat, const struct plan *p, size_t index,
                  enum hook_what what, unsigned left, struct hook_event *out)
{
	const struct plan_phase *ph;
	const struct cat_exercise *ex;
	struct hook_event ev = { 0 };

	if (cat == NULL || p == NULL || index >= p->n)
		return -1;
	ph = &p->phases[index];
	if (ph->exercise >= cat->n_exercises)
		return -1;
	ex = &cat->exercises[ph->exercise];

	ev.event = what;
	ev.kind = ph->kind;
	ev.exercise = ex->id;
	ev.exercise_name = ex->name;
	if (ph->set >= 0 && (unsigned)ph->set < ex->n_sets) {
		ev.set = ex->sets[ph->set].name;
		ev.mode = ex->sets[ph->set].mode;
		ev.side_words = cat_side_words(&ex->sets[ph->set], (int)ph->side);
	}
	ev.side = ph->side;
	ev.rep = what == HOOK_REP ? left : ph->rep;
	ev.reps = ph->reps;
	ev.phase_seconds = ph->seconds;
	ev.seconds = what == HOOK_COUNTDOWN ? left : what == HOOK_DONE ? 0 : ph->seconds;
	if (what == HOOK_REP)
		ev.seconds = ph->reps ? ph->seconds / ph->reps : ph->seconds;
	ev.exercise_start = index == plan_slot_first(p, ph->slot);
	ev.set_start = ph->kind == PLAN_WORK && first_work_of_set(p, index);
	ev.n_sets = ex->n_sets;
	ev.routine = p->n_exercises > 1;
	*out = ev;
	return 0;
}

const char *hook_what_name(enum hook_what what)
{
	switch (what) {
	case HOOK_PHASE:
		return "phase";
	case HOOK_COUNTDOWN:
		return "countdown";
	case HOOK_DONE:
		return "done";
	case HOOK_STOPPED:
		return "stopped";
	case HOOK_REP:
		return "rep";
	}
	return "unknown";
}

/* ---- The sentence ------------------------------------------------------------ */

/* A bounded string being written; what does not fit is dropped. */
struct out {
	char *buf;
	size_t len, pos;
	bool full;
};

static void put(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->pos, o->len - o->pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->len - o->pos) {
		/* Cut at a character boundary, so a speech program reads valid UTF-8. */
		size_t end = o->len - 1, lead = end;

		while (lead > o->pos && ((unsigned char)o->buf[lead - 1] & 0xC0) == 0x80)
			lead--;
		if (lead > o->pos && ((unsigned char)o->buf[lead - 1] & 0xC0) == 0xC0) {
			unsigned char c = (unsigned char)o->buf[lead - 1];
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;

			if (end - (lead - 1) < need)
				end = lead - 1;
		}
		o->buf[end] = '\0';
		o->pos = end;
		o->full = true;
		return;
	}
	o->pos += (size_t)n;
}

/*
 * A length as it is best heard: "1 second", "45 seconds", "2 minutes",
 * "1 minute 30 seconds", "1 hour". Seconds alone up to a minute, because
 * "forty-five seconds" is quicker to grasp than "three quarters of a
 * minute".
 */
static void put_duration(struct out *o, unsigned s)
{
	unsigned h = s / 3600, m = s % 3600 / 60, sec = s % 60;
	const char *sep = "";

	if (h > 0) {
		put(o, "%u hour%s", h, h == 1 ? "" : "s");
		sep = " ";
	}
	if (m > 0) {
		put(o, "%s%u minute%s", sep, m, m == 1 ? "" : "s");
		sep = " ";
	}
	if (sec > 0 || s == 0)
		put(o, "%s%u second%s", sep, sec, sec == 1 ? "" : "s");
}

static bool has_text(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/*
 * The side as said at the start of a sentence: the set's own words when it
 * gives them ("Left leg and right arm"), else "Left side"; NULL for none.
 */
static const char *side_word(const struct hook_event *ev, char *buf, size_t len)
{
	if (ev->side != PLAN_SIDE_LEFT && ev->side != PLAN_SIDE_RIGHT)
		return NULL;
	if (has_text(ev->side_words)) {
		snprintf(buf, len, "%s", ev->side_words);
		buf[0] = (char)toupper((unsigned char)buf[0]);
	} else {
		snprintf(buf, len, "%s side", ev->side == PLAN_SIDE_LEFT ? "Left" : "Right");
	}
	return buf;
}

/*
 * Spoken at about 2.5 words a second, a cue must end well before its phase
 * does, or the next cue cuts it off: repeated holds under HOOK_SAY_SHORT
 * seconds drop what is already known (the length, the count), and rests
 * under HOOK_SAY_SHORT_REST seconds are just "Rest.".
 */
enum { HOOK_SAY_SHORT = 8, HOOK_SAY_SHORT_REST = 4 };

/*
 * A work phase, most useful words first: what (only when it changes), which
 * side, then what to do and for how long. The exercise is named when no
 * prepare phase did it; the set is named when the exercise has several, or
 * when the set's name is the instruction ("Bridge, 10 reps").
 */
static void say_work(struct out *o, const struct hook_event *ev)
{
	char side_buf[CAT_MAX_STRING + 16];
	const char *side = side_word(ev, side_buf, sizeof(side_buf));
	bool name_set =
	    ev->set_start && has_text(ev->set) && (ev->n_sets > 1 || ev->mode != CAT_MODE_HOLD);
	bool timed = ev->mode == CAT_MODE_TIMED && has_text(ev->set);

	/* The set's name said next makes the exercise's redundant when they match. */
	if (ev->exercise_start && has_text(ev->exercise_name) &&
	    !((name_set || timed) && strcasecmp(ev->set, ev->exercise_name) == 0))
		put(o, "%s. ", ev->exercise_name);

	switch (ev->mode) {
	case CAT_MODE_REPS:
		if (side != NULL)
			put(o, "%s. ", side);
		if (name_set)
			put(o, "%s, ", ev->set);
		put(o, "%u rep%s, ", ev->reps, ev->reps == 1 ? "" : "s");
		put_duration(o, ev->seconds);
		put(o, ".");
		break;
	case CAT_MODE_TIMED:
		if (side != NULL)
			put(o, "%s. ", side);
		if (timed)
			put(o, "%s for ", ev->set);
		else
			put(o, "Keep going for ");
		put_duration(o, ev->seconds);
		put(o, ".");
		break;
	case CAT_MODE_HOLD:
	default: {
		bool counted = ev->reps > 1 && ev->rep > 1;
		bool last = counted && ev->rep == ev->reps;

		/* A short hold repeated: its length is known by now; keep the cue short. */
		if (counted && !name_set && !ev->exercise_start &&
		    ev->phase_seconds < HOOK_SAY_SHORT) {
			if (side != NULL)
				put(o, last ? "%s, last rep." : "%s.", side);
			else if (last)
				put(o, "Last rep.");
			else
				put(o, "Rep %u.", ev->rep);
			break;
		}
		if (name_set)
			put(o, "%s. ", ev->set);
		if (side != NULL && last)
			put(o, "%s, last rep. ", side);
		else if (side != NULL && counted)
			put(o, "%s, rep %u of %u. ", side, ev->rep, ev->reps);
		else if (side != NULL)
			put(o, "%s. ", side);
		else if (last)
			put(o, "Last rep. ");
		else if (counted)
			put(o, "Rep %u of %u. ", ev->rep, ev->reps);
		put(o, "Hold for ");
		put_duration(o, ev->seconds);
		put(o, ".");
		break;
	}
	}
}

char *hook_say(const struct hook_event *ev, char *buf, size_t len)
{
	struct out o = { buf, len, 0, false };

	if (len == 0)
		return buf;
	buf[0] = '\0';
	switch (ev->event) {
	case HOOK_COUNTDOWN:
		put(&o, "%u", ev->seconds);
		break;
	case HOOK_DONE:
		put(&o, "%s", ev->routine ? "Routine complete." : "Exercise complete.");
		break;
	case HOOK_STOPPED:
		put(&o, "Stopped.");
		break;
	case HOOK_REP:
		if (ev->reps > 1 && ev->rep == ev->reps)
			put(&o, "Last rep.");
		else
			put(&o, "Rep %u.", ev->rep);
		break;
	case HOOK_PHASE:
	default:
		switch (ev->kind) {
		case PLAN_PREPARE:
			if (has_text(ev->exercise_name))
				put(&o, "Get ready for %s.", ev->exercise_name);
			else
				put(&o, "Get ready.");
			break;
		case PLAN_REST:
			/* "Rest for 2 seconds." would outlast a 2-second rest. */
			if (ev->seconds < HOOK_SAY_SHORT_REST) {
				put(&o, "Rest.");
				break;
			}
			put(&o, "Rest for ");
			put_duration(&o, ev->seconds);
			put(&o, ".");
			break;
		case PLAN_SWITCH:
			put(&o, "Switch sides.");
			break;
		case PLAN_WORK:
		default:
			say_work(&o, ev);
			break;
		}
		break;
	}
	return buf;
}

/* ---- The environment ------------------------------------------------------------ */

static const char *const env_names[] = {
	"LUMBAR_EVENT", "LUMBAR_KIND", "LUMBAR_EXERCISE", "LUMBAR_EXERCISE_NAME", "LUMBAR_SET",
	"LUMBAR_SIDE",  "LUMBAR_REP",  "LUMBAR_REPS",     "LUMBAR_SECONDS",       "LUMBAR_SAY",
};

enum { N_ENV = sizeof(env_names) / sizeof(env_names[0]) };

/* True when `entry` ("NAME=value") sets one of the variables we set. */
static bool ours(const char *entry)
{
	const char *eq = strchr(entry, '=');
	size_t n = eq != NULL ? (size_t)(eq - entry) : strlen(entry);

	for (size_t i = 0; i < N_ENV; i++)
		if (strlen(env_names[i]) == n && memcmp(env_names[i], entry, n) == 0)
			return true;
	return false;
}

/*
 * Our environment, without any LUMBAR_* variable we are about to set (an
 * inherited LUMBAR_SIDE must not shadow the real one), plus ours. One
 * allocation: the pointer array, then the strings.
 */
static char **build_env(const struct hook_event *ev)
{
	char num[3][16], say[HOOK_MAX_SAY];
	const char *values[N_ENV];
	size_t n_env = 0, bytes = 0, k = 0;
	char **envp, *s;

	snprintf(num[0], sizeof(num[0]), "%u", ev->rep);
	snprintf(num[1], sizeof(num[1]), "%u", ev->reps);
	snprintf(num[2], sizeof(num[2]), "%u", ev->seconds);
	hook_say(ev, say, sizeof(say));
	values[0] = hook_what_name(ev->event);
	values[1] = plan_kind_name(ev->kind);
	values[2] = ev->exercise;
	values[3] = ev->exercise_name;
	values[4] = ev->set;
	values[5] = plan_side_name(ev->side);
	values[6] = num[0];
	values[7] = num[1];
	values[8] = num[2];
	values[9] = say;

	for (char **e = environ; e != NULL && *e != NULL; e++)
		n_env++;
	for (size_t i = 0; i < N_ENV; i++)
		bytes += strlen(env_names[i]) + 1 + (values[i] != NULL ? strlen(values[i]) : 0) + 1;
	envp = xmalloc((n_env + N_ENV + 1) * sizeof(*envp) + bytes);
	for (char **e = environ; e != NULL && *e != NULL; e++)
		if (!ours(*e))
			envp[k++] = *e;
	s = (char *)(envp + n_env + N_ENV + 1);
	for (size_t i = 0; i < N_ENV; i++) {
		int w = sprintf(s, "%s=%s", env_names[i], values[i] != NULL ? values[i] : "");

		envp[k++] = s;
		s += w + 1;
	}
	envp[k] = NULL;
	return envp;
}

/* ---- Children ---------------------------------------------------------------------- */

static pid_t running[HOOK_MAX_RUNNING];
static unsigned n_running;

/* The utterance that may still be speaking; 0 when none is. */
static pid_t speech_pid;

/* A start was refused for the limit; whether the screen was told. */
static bool full_seen, full_told;

unsigned hook_reap(void)
{
	unsigned i = 0;

	while (i < n_running) {
		int status;
		pid_t r;

		do
			r = waitpid(running[i], &status, WNOHANG);
		while (r < 0 && errno == EINTR);
		/* ECHILD: someone else reaped it (SIGCHLD ignored); forget it too. */
		if (r == running[i] || (r < 0 && errno == ECHILD)) {
			if (running[i] == speech_pid)
				speech_pid = 0;
			running[i] = running[--n_running];
		} else {
			i++;
		}
	}
	return n_running;
}

/*
 * Start /bin/sh -c cmd. The child gets /dev/null for its three standard
 * streams, a process group of its own (so ^C at the terminal, which goes to
 * the foreground group, is not its concern, and a whole utterance can be
 * stopped at once), default signal dispositions (we may ignore SIGPIPE or
 * SIGINT; it must not inherit that) and an empty mask.
 */
static pid_t spawn(const char *cmd, const struct hook_event *ev)
{
	static char sh[] = "sh", dash_c[] = "-c";
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t all, none;
	char **envp;
	char *argv[4];
	pid_t pid = -1;
	int rc;

	if (cmd == NULL || cmd[0] == '\0') {
		errno = EINVAL;
		return -1;
	}
	if (hook_reap() >= HOOK_MAX_RUNNING) {
		full_seen = true;
		errno = EAGAIN;
		return -1;
	}
	envp = ev != NULL ? build_env(ev) : NULL;
	argv[0] = sh;
	argv[1] = dash_c;
	argv[2] = xstrdup(cmd);
	argv[3] = NULL;

	sigfillset(&all);
	sigemptyset(&none);
	rc = posix_spawn_file_actions_init(&fa);
	if (rc == 0) {
		rc = posix_spawnattr_init(&attr);
		if (rc != 0)
			posix_spawn_file_actions_destroy(&fa);
	}
	if (rc == 0) {
		if ((rc = posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0)) ==
		        0 &&
		    (rc = posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0)) ==
		        0 &&
		    (rc = posix_spawn_file_actions_adddup2(&fa, 1, 2)) == 0 &&
		    (rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP |
		                                              POSIX_SPAWN_SETSIGDEF |
		                                              POSIX_SPAWN_SETSIGMASK)) == 0 &&
		    (rc = posix_spawnattr_setpgroup(&attr, 0)) == 0 &&
		    (rc = posix_spawnattr_setsigdefault(&attr, &all)) == 0 &&
		    (rc = posix_spawnattr_setsigmask(&attr, &none)) == 0)
			rc = posix_spawn(&pid, "/bin/sh", &fa, &attr, argv,
			                 envp != NULL ? envp : environ);
		posix_spawnattr_destroy(&attr);
		posix_spawn_file_actions_destroy(&fa);
	}
	free(envp);
	free(argv[2]);
	if (rc != 0) {
		errno = rc;
		return -1;
	}
	running[n_running++] = pid;
	return pid;
}

const char *hook_full_notice(void)
{
	static char msg[80];

	if (!full_seen || full_told)
		return NULL;
	full_told = true;
	snprintf(msg, sizeof(msg), "%d hooks are still running: no more are started",
	         HOOK_MAX_RUNNING);
	return msg;
}

/* Reap for up to `ms` milliseconds; true when none is left. */
static bool reap_for(unsigned ms)
{
	const struct timespec step = { 0, 10 * 1000000L };

	for (unsigned waited = 0; hook_reap() > 0; waited += 10) {
		if (waited >= ms)
			return false;
		nanosleep(&step, NULL);
	}
	return true;
}

static void signal_all(int sig)
{
	for (unsigned i = 0; i < n_running; i++)
		(void)kill(-running[i], sig);
}

void hook_end_all(void)
{
	if (reap_for(HOOK_GRACE_MS))
		return;
	/* Not reaped yet, so no process group id here can have been reused. */
	signal_all(SIGTERM);
	signal_all(SIGCONT); /* a stopped child cannot act on SIGTERM */
	if (reap_for(HOOK_GRACE_MS))
		return;
	signal_all(SIGKILL);
	(void)reap_for(HOOK_GRACE_MS); /* only a process stuck in the kernel stays */
	speech_pid = 0;
}

pid_t hook_run(const char *cmd, const struct hook_event *ev)
{
	return spawn(cmd, ev);
}

void hook_speak_stop(void)
{
	hook_reap();
	/*
	 * The pid is not reaped yet, so its process group cannot have been
	 * reused: the signal reaches the utterance or nothing.
	 */
	if (speech_pid > 0)
		(void)kill(-speech_pid, SIGTERM);
	speech_pid = 0;
}

pid_t hook_speak(const char *cmd, const struct hook_event *ev)
{
	pid_t pid;

	if (ev->event == HOOK_COUNTDOWN && ev->phase_seconds < HOOK_SPEAK_MIN_COUNTDOWN)
		return 0;
	if (ev->event == HOOK_REP && ev->seconds < HOOK_SPEAK_MIN_TEMPO)
		return 0;
	hook_speak_stop();
	pid = spawn(cmd, ev);
	if (pid > 0)
		speech_pid = pid;
	return pid;
}

/* ---- Finding a speech program -------------------------------------------------------- */

/* An executable regular file `dir/name`; an empty dir is the current one. */
static bool executable(const char *dir, size_t dlen, const char *name)
{
	char path[4096];
	struct stat st;
	int n;

	if (dlen == 0)
		n = snprintf(path, sizeof(path), "./%s", name);
	else
		n = snprintf(path, sizeof(path), "%.*s/%s", (int)dlen, dir, name);
	if (n < 0 || (size_t)n >= sizeof(path))
		return false;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

static bool in_path(const char *path, const char *name)
{
	const char *p = path;

	for (;;) {
		const char *colon = strchr(p, ':');
		size_t dlen = colon != NULL ? (size_t)(colon - p) : strlen(p);

		if (executable(p, dlen, name))
			return true;
		if (colon == NULL)
			return false;
		p = colon + 1;
	}
}

/*
 * `--` keeps a sentence that starts with a dash (a set named so) from being
 * read as an option; macOS say has no need of it and may not accept it.
 */
const char *hook_speaker(const char *path, char *msg, size_t msglen)
{
	static const struct {
		const char *name, *cmd;
	} speakers[] = {
		{ "espeak-ng", "espeak-ng -- \"$LUMBAR_SAY\"" },
		{ "espeak", "espeak -- \"$LUMBAR_SAY\"" },
		{ "say", "say \"$LUMBAR_SAY\"" },
	};

	if (path == NULL || path[0] == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (size_t i = 0; i < sizeof(speakers) / sizeof(speakers[0]); i++)
		if (in_path(path, speakers[i].name))
			return speakers[i].cmd;
	if (msg != NULL && msglen > 0)
		snprintf(msg, msglen, "no speech program found (install espeak-ng)");
	return NULL;
}

/* ---- Opening a link ------------------------------------------------------------------- */

/*
 * xdg-open is started in the background of a shell that ends at once, so
 * the browser it hands the link to is nobody's hook: hook_end_all() never
 * ends it, and it outlives lumbar as a person expects.
 */
pid_t hook_open(const char *path, const char *url, char *msg, size_t msglen)
{
	char cmd[1024];
	int n;

	if (path == NULL || path[0] == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	if (!in_path(path, "xdg-open")) {
		snprintf(msg, msglen, "No program opens links here: install xdg-utils (xdg-open).");
		return 0;
	}
	if (url == NULL || url[0] == '\0' || strpbrk(url, "'\n") != NULL) {
		errno = EINVAL;
		return -1;
	}
	n = snprintf(cmd, sizeof(cmd), "xdg-open '%s' &", url);
	if (n < 0 || (size_t)n >= sizeof(cmd)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return spawn(cmd, NULL);
}
