/*
 * lines.c - the line mode (issue 24): the screens as plain lines, each said
 * once when it changes, never redrawn. The screens' rules, keys and words
 * are the full screen's (ui_priv.h): the same key table, the same key
 * handlers, the same session's life (app.h); their text comes through a
 * struct ui_text that prints lines instead of drawing. What is here is only
 * what a line-oriented terminal needs:
 *
 *  - the terminal (when standard input is one) reads a key at a time, with
 *    no echo, except at a question or the menu, where it reads a line as
 *    the terminal edits it (digits, Backspace, Enter); its settings are
 *    given back on every way out;
 *  - a key followed by Enter works like the key alone (an Emacs shell sends
 *    a line at a time), and a pipe is read as it comes;
 *  - the player says one line per phase, "10 seconds left" at each 10 s mark
 *    of a phase longer than 10 s, the bell (when on) at the last three
 *    seconds, and nothing else while a phase runs;
 *  - `?` lists the keys of the moment (from the key table), without
 *    leaving the screen;
 *  - the end of input is q then y: what was done is written, exit 0.
 *
 * The loop sleeps until a key, a signal or the session's next whole second
 * (session_wait_ms()); the clocks are read by ui_sig.c, once per turn.
 */
#include "lines.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "catalogue.h"
#include "cli_text.h"
#include "events.h"
#include "ui_hooks.h"
#include "ui_priv.h"
#include "words.h"

/* The most lines a screen's text is kept in, to say only what changed. */
enum { LINES_KEPT = 64, LINE_MAX_BYTES = 1024 };

/* ---- The terminal ----------------------------------------------------------- */

static struct termios saved_tio;
static bool tty_in;    /* standard input is a terminal */
static bool echoed;    /* what is typed shows on standard output without us */
static bool tio_saved; /* saved_tio holds its settings, to give back */
static int tio_mode;   /* 0 a key at a time, 1 a line at a time; -1 given back, -2 not set */

/*
 * A key at a time without echo, or (`line`) a line as the terminal edits it,
 * echoed as the person had it: an Emacs shell, which shows what is typed
 * itself, keeps its terminal's echo off.
 */
static void tio_set(bool line)
{
	struct termios t;

	if (!tio_saved || tio_mode == (int)line)
		return;
	t = saved_tio;
	if (line) {
		t.c_lflag |= ICANON;
	} else {
		t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		t.c_cc[VMIN] = 1;
		t.c_cc[VTIME] = 0;
	}
	if (tcsetattr(STDIN_FILENO, TCSANOW, &t) == 0)
		tio_mode = line;
}

/* The one way the terminal is given back: also from atexit(). */
static void teardown(void)
{
	fflush(stdout);
	if (tio_saved && tio_mode != -1)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	tio_mode = -1;
}

/* ---- Saying --------------------------------------------------------------------- */

/*
 * The state of what has been said: the prompt left open on its line, and
 * what the person typed after it (echoed when no terminal does).
 */
static struct {
	bool prompt_open;
	char typed[EV_MAX_NOTE_BYTES + 1];
	size_t n_typed;
} said;

/* Write `s` with every byte below 0x20 but the newline and the bell, and DEL, made '?'. */
static void put(const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		putchar((c < 0x20 && c != '\n' && c != '\a') || c == 0x7f ? '?' : c);
	}
}

/* A line of its own, after a prompt left open. */
static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char buf[LINE_MAX_BYTES * 2];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (said.prompt_open)
		putchar('\n');
	said.prompt_open = false;
	put(buf);
	putchar('\n');
	fflush(stdout);
}

/* A question: left open on its line for the answer. */
static void ask(const char *text)
{
	if (said.prompt_open)
		putchar('\n');
	put(text);
	putchar(' ');
	fflush(stdout);
	said.prompt_open = true;
	said.n_typed = 0;
}

static void bell(void)
{
	putchar('\a');
	fflush(stdout);
}

/* ---- A screen's text, kept to say only what changed ------------------------- */

struct kept {
	char line[LINES_KEPT][LINE_MAX_BYTES];
	unsigned n;
	char question[LINE_MAX_BYTES]; /* the question asked at the end; "" for none */
};

static void kept_add(struct ui_text *t, const char *prefix, const char *text,
                     enum ui_text_role role)
{
	struct kept *k = t->ctx;

	(void)role;
	if (k->n < LINES_KEPT)
		snprintf(k->line[k->n++], LINE_MAX_BYTES, "%s%s", prefix ? prefix : "", text);
}

static void kept_gap(struct ui_text *t, bool always)
{
	(void)t;
	(void)always;
}

static void kept_ask(struct ui_text *t, const char *question, const struct ui_score *sc)
{
	struct kept *k = t->ctx;

	(void)sc;
	words_pain_question(question, true, k->question, sizeof(k->question));
}

static struct ui_text kept_text(struct kept *k)
{
	memset(k, 0, sizeof(*k));
	return (struct ui_text){
		.add = kept_add, .gap = kept_gap, .ask = kept_ask, .ctx = k, .echoes = true
	};
}

/* What the screen said last, to say only its new lines. */
static struct kept last_text;

static bool was_said(const char *line)
{
	for (unsigned i = 0; i < last_text.n; i++)
		if (strcmp(last_text.line[i], line) == 0)
			return true;
	return false;
}

/* Say the lines of `k` not said before, then its question when it is a new one. */
static void say_new(const struct kept *k)
{
	for (unsigned i = 0; i < k->n; i++)
		if (!was_said(k->line[i]))
			say("%s", k->line[i]);
	if (k->question[0] && strcmp(k->question, last_text.question) != 0)
		ask(k->question);
	last_text = *k;
}

/* ---- Keys ------------------------------------------------------------------------ */

/*
 * The keys that do something in lines: a character, Space, Enter, Backspace;
 * not the arrows or Tab, nor j and k (which scroll a screen) and f (which
 * shows the figure).
 */
static bool key_in_lines(const char *name)
{
	if (strlen(name) == 1)
		return !strchr("jkf", name[0]);
	return strcmp(name, "Space") == 0 || strcmp(name, "Enter") == 0 ||
	       strcmp(name, "Backspace") == 0 || strcmp(name, "0-9") == 0 ||
	       strcmp(name, "Ctrl-C") == 0;
}

/* "Keys: Space pause or resume; n next phase; ..." for the key context `ctx`. */
static void keys_line(unsigned ctx, char *buf, size_t len)
{
	char keys[64];
	const char *help;
	size_t i = 0, used;

	used = (size_t)snprintf(buf, len, "Keys:");
	while ((help = ui_help_row(ctx, &i, key_in_lines, keys, sizeof(keys))) && used < len)
		used += (size_t)snprintf(buf + used, len - used, "%s %s %s", used > 5 ? ";" : "",
		                         keys, help);
}

/* The menu's own keys, a line being typed: what a number, an id or a letter does. */
static const char menu_keys[] =
    "Keys: a number or an id, then Enter, starts it; a number or an id and ?, such as 5?, "
    "says how to do it; a the full routine; d what is due; h your history; "
    "i when to get help; Enter alone says the menu again; q quit";

/* `?`: the keys of the moment, the screen staying as it is. */
static void say_keys(const struct ui *ui)
{
	if (ui->screen == UI_SCREEN_MENU) {
		say("%s", menu_keys);
		return;
	}
	/* One line a key, so that a screen reader says each whole. */
	unsigned ctx = ui_context(ui);
	const char *help;
	char keys[64];
	size_t i = 0;

	while ((help = ui_help_row(ctx, &i, key_in_lines, keys, sizeof(keys))))
		say("%s: %s", keys, help);
}

/* ---- The screens ---------------------------------------------------------------- */

/* What was said last, to say only what changed. */
static struct {
	int screen;     /* enum ui_screen; -1 for nothing yet */
	unsigned ctx;   /* its key context */
	bool confirm;   /* the quit question */
	bool playing;   /* a plan is playing */
	size_t phase;   /* its phase */
	bool paused;    /* its clock */
	unsigned mark;  /* the last "N seconds left" said, 0 for none */
	unsigned video; /* the presses of `o` said (ui_player_video_said()) */
	char status[UI_STATUS_MAX];
} was = { .screen = -1 };

static void say_menu(struct ui *ui)
{
	char name[CAT_MAX_STRING + 64], freq[48], today[64], len[16], line[LINE_MAX_BYTES];
	int first = ui_menu_first(), end = ui_menu_end(ui);

	say("%s", ui->opt->cat->routine_name);
	for (int e = first; e < end; e++) {
		int ex = ui_menu_exercise(e);
		bool due = ui_menu_row(ui, e, name, sizeof(name), freq, sizeof(freq), today,
		                       sizeof(today));
		size_t n = (size_t)snprintf(line, sizeof(line), "%d. %s", e - first + 1, name);

		/* Each entry with the id that starts it too. */
		n += (size_t)snprintf(line + n, sizeof(line) - n, " (%s)",
		                      ex >= 0                ? ui->opt->cat->exercises[ex].id
		                      : e == UI_MENU_ROUTINE ? "all"
		                      : e == UI_MENU_DUE     ? "due"
		                                         : ui->opt->cat->routines[e - first].id);
		n += (size_t)snprintf(line + n, sizeof(line) - n, ", %s",
		                      ui_clock(ui_menu_seconds(e), len));
		if (freq[0] && n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, ", %s", freq);
		if (today[0] && n < sizeof(line))
			n += (size_t)snprintf(line + n, sizeof(line) - n, ", %s", today);
		if (due && n < sizeof(line))
			snprintf(line + n, sizeof(line) - n, ", due");
		say("%s", line);
	}
	ask("Number or id, then Enter (? for the keys):");
}

/*
 * The text of a screen both front ends show, into `k`: each screen gives its
 * text as a function of struct ui_text beside its curses file, as the
 * summary does; a question in it is t->ask(), which the line mode asks on a
 * line (the outcome check-in's, with its own scale's words, is
 * ui_outcome_question()).
 */
static void text_of(const struct ui *ui, struct kept *k)
{
	struct ui_text t = kept_text(k);
	char buf[LINE_MAX_BYTES];

	switch (ui->screen) {
	case UI_SCREEN_SAFETY:
		kept_add(&t, NULL, ui_safety_title(), UI_TEXT_TITLE);
		ui_safety_text(ui, &t);
		if (!ui_safety_applies()) {
			keys_line(ui_context(ui), buf, sizeof(buf));
			kept_add(&t, NULL, buf, UI_TEXT_DIM);
		} else {
			kept_add(&t, NULL, "Any key: exit", UI_TEXT_DIM);
		}
		break;
	case UI_SCREEN_STOP:
		kept_add(&t, NULL, ui_stop_title(ui, buf, sizeof(buf)), UI_TEXT_ALERT);
		ui_stop_text(ui, &t);
		break;
	case UI_SCREEN_SUMMARY:
		ui_summary_text(ui, &t);
		if (!k->question[0] && !ui_summary_typing())
			kept_add(&t, NULL, ui_summary_keys(ui, buf, sizeof(buf)), UI_TEXT_DIM);
		break;
	case UI_SCREEN_PAIN:
		kept_add(&t, NULL, ui_pain_title(ui, buf, sizeof(buf)), UI_TEXT_TITLE);
		t.ask(&t, words_q_before, ui_pain_typed());
		break;
	case UI_SCREEN_MORNING:
		t.ask(&t, words_q_morning, ui_morning_typed());
		break;
	case UI_SCREEN_OUTCOME:
		ui_outcome_text(ui, &t);
		ui_outcome_question(UI_OUTCOME_LINE, k->question, sizeof(k->question));
		break;
	case UI_SCREEN_RESUME:
		if (ui->app.resume) {
			ui_resume_question(ui, ui->app.resume, buf, sizeof(buf));
			kept_add(&t, NULL, buf, UI_TEXT_TITLE);
		}
		break;
	default:
		break;
	}
}

/* Whether the screen reads a line as the terminal edits it: a question, the menu, a note. */
static bool reads_lines(const struct ui *ui)
{
	struct kept k;

	switch (ui->screen) {
	case UI_SCREEN_MENU:
	case UI_SCREEN_PAIN:
	case UI_SCREEN_MORNING:
	case UI_SCREEN_OUTCOME:
		return true;
	case UI_SCREEN_STOP:
		return !ui_stop_answered();
	case UI_SCREEN_SUMMARY:
		text_of(ui, &k);
		return k.question[0] || ui_summary_typing();
	default:
		return false;
	}
}

/* The player: a line when a phase begins, the 10 s marks, pause and resume. */
static void say_player(struct ui *ui, bool fresh)
{
	const struct session *s = &ui->app.sess;
	const struct plan_phase *ph = session_phase(s);
	char line[LINE_MAX_BYTES], secs[48];
	unsigned left;

	if (!ph || s->finished)
		return;
	left = session_left_shown(s, ui->now);
	if (fresh || s->cur != was.phase) {
		say("%s", words_phase(ui->opt->cat, ph, line, sizeof(line)));
		was.phase = s->cur;
		was.mark = ph->seconds;
		was.paused = s->paused;
	}
	if (ui->confirm != was.confirm) {
		was.confirm = ui->confirm;
		was.paused = s->paused; /* the question says the clock waits */
		if (ui->confirm)
			say("%s", words_quit_question);
	}
	/* `o`: what the opener did, with the pause it brought or alone (pressed while paused). */
	unsigned asked;
	const char *video = ui_player_video_said(&asked);
	bool video_new = asked != was.video && video[0];

	was.video = asked;
	if (s->paused != was.paused) {
		was.paused = s->paused;
		if (s->paused && video_new)
			say("Paused. %s", video);
		else if (s->paused)
			say("Paused");
		else
			say("Resumed, %s left", words_seconds_long(left, secs, sizeof(secs)));
		was.mark = left;
	} else if (video_new) {
		say("%s", video);
	}
	/*
	 * "20 seconds left", "10 seconds left": at each 10 s mark of a long
	 * phase; a turn that came late for a mark says the time there is.
	 */
	if (!s->paused && ph->seconds > 10 && left < was.mark && left <= (was.mark - 1) / 10 * 10 &&
	    left > 0) {
		was.mark = left;
		say("%s left", words_seconds_long(left, secs, sizeof(secs)));
	}
}

/* Say what changed since the last turn: a screen, a phase, a question, a note. */
static void say_changes(struct ui *ui)
{
	bool fresh = (int)ui->screen != was.screen;
	struct kept k;

	if (fresh) {
		memset(&last_text, 0, sizeof(last_text));
		was.confirm = false;
	}
	if (strcmp(ui->status_line, was.status) != 0) {
		snprintf(was.status, sizeof(was.status), "%s", ui->status_line);
		if (ui->status_line[0] && ui->screen != UI_SCREEN_MENU)
			say("%s", ui->status_line);
	}
	was.screen = (int)ui->screen;
	if (ui->app.playing != was.playing) {
		was.playing = ui->app.playing;
		fresh = true;
	}
	switch (ui->screen) {
	case UI_SCREEN_MENU:
		if (fresh) {
			if (ui->status_line[0])
				say("%s", ui->status_line);
			say_menu(ui);
		}
		break;
	case UI_SCREEN_PLAYER:
		say_player(ui, fresh);
		break;
	default:
		text_of(ui, &k);
		say_new(&k);
		break;
	}
	tio_set(reads_lines(ui));
}

/* ---- Input ----------------------------------------------------------------------- */

static struct {
	char menu[128]; /* the line being typed at the menu */
	size_t n_menu;
	bool after_key; /* the last byte read with this one was a key: an Enter is part of it */
	bool eof;
} in;

/* The menu entry a typed line names: a number, an id, or -1000 for none. */
static int menu_entry(const struct ui *ui, const char *line)
{
	const struct catalogue *cat = ui->opt->cat;
	int first = ui_menu_first(), end = ui_menu_end(ui), i;
	char *rest;

	if (line[0] >= '0' && line[0] <= '9') {
		long n = strtol(line, &rest, 10);

		return *rest == '\0' && n >= 1 && n <= end - first ? first + (int)n - 1 : -1000;
	}
	if (strcmp(line, "all") == 0)
		return UI_MENU_ROUTINE;
	if (strcmp(line, "due") == 0)
		return UI_MENU_DUE;
	if ((i = cat_find_routine(cat, line)) >= 0)
		return first + i;
	if ((i = cat_find(cat, line)) >= 0)
		return UI_MENU_FIRST_EXERCISE + i;
	return -1000;
}

/* A paragraph of the details, said as it comes: one line, its prefix without the screen's indent.
 */
static void said_add(struct ui_text *t, const char *prefix, const char *text,
                     enum ui_text_role role)
{
	(void)t;
	(void)role;
	if (prefix) {
		while (*prefix == ' ')
			prefix++;
		say("%s%s", prefix, text);
	} else {
		say("%s", text);
	}
}

/* A blank row of the screen: nothing, in lines. */
static void said_gap(struct ui_text *t, bool always)
{
	(void)t;
	(void)always;
}

/* "5?" or "knee-to-chest?": the details of that entry (the full screen's Tab), said once. */
static bool say_details(struct ui *ui, char *line)
{
	size_t n = strlen(line);
	struct ui_text t = { .add = said_add, .gap = said_gap, .echoes = true };
	int entry;

	if (n < 2 || line[n - 1] != '?')
		return false;
	line[n - 1] = '\0';
	while (n > 1 && line[n - 2] == ' ')
		line[--n - 1] = '\0';
	if ((entry = menu_entry(ui, line)) == -1000)
		return false;
	say("%s", ui_info_title(ui, entry));
	ui_info_text(ui, entry, &t, NULL);
	return true;
}

/*
 * `h`: the history, as `lumbar history` says it (the full screen's history
 * view has no line of its own), each byte through put().
 */
static void say_history(const struct ui *ui)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	if (!ui->hist_ok) {
		say("%s", ui->hist_warning ? ui->hist_warning : "No history to say.");
		return;
	}
	if (!(fp = open_memstream(&text, &len))) {
		say("Cannot say the history: %s", strerror(errno));
		return;
	}
	cli_history(fp, ui->opt->cat, &ui->hist_sum, ui->opt->steps, ui->opt->history_path, false);
	if (fclose(fp) == 0) {
		if (said.prompt_open)
			putchar('\n');
		said.prompt_open = false;
		put(text);
		fflush(stdout);
	}
	free(text);
}

/* A line typed at the menu. */
static void menu_line(struct ui *ui, char *line)
{
	size_t n = strlen(line);
	int entry;

	while (n && (line[n - 1] == ' ' || line[n - 1] == '\r'))
		line[--n] = '\0';
	while (*line == ' ')
		line++;
	if (said.prompt_open && !echoed) {
		/* Said after the question when no terminal echoes it. */
		put(line);
		putchar('\n');
	}
	said.prompt_open = false; /* the Enter ended its line */
	/* A note is said once, as the menu's status line is read once. */
	ui->status_line[0] = '\0';
	was.status[0] = '\0';
	if (!*line) {
		say_menu(ui);
		return;
	}
	if (strcmp(line, "?") == 0) {
		say_keys(ui);
	} else if (strcmp(line, "q") == 0) {
		ui_menu_key(ui, UI_ACT_QUIT);
		return;
	} else if (strcmp(line, "a") == 0) {
		ui_menu_start(ui, UI_MENU_ROUTINE);
	} else if (strcmp(line, "d") == 0) {
		ui_menu_start(ui, UI_MENU_DUE);
	} else if (strcmp(line, "i") == 0) {
		ui_safety_open(ui);
	} else if (strcmp(line, "h") == 0) {
		say_history(ui);
	} else if ((entry = menu_entry(ui, line)) != -1000) {
		ui_menu_start(ui, entry);
	} else if (say_details(ui, line)) {
		/* Said; the menu's question follows. */
	} else {
		say("No entry '%.60s': type a number from 1 to %d, or an id.", line,
		    ui_menu_end(ui) - ui_menu_first());
	}
	if (ui->screen == UI_SCREEN_MENU) {
		/* Nothing started (nothing due, or a mistake): say why, and ask again. */
		if (ui->status_line[0]) {
			say("%s", ui->status_line);
			snprintf(was.status, sizeof(was.status), "%s", ui->status_line);
		}
		ask("Number or id, then Enter (? for the keys):");
	}
}

/* One key to the screen, as the full screen's loop hands it over. */
static void dispatch(struct ui *ui, int key)
{
	enum ui_action a = ui_action_of(ui_context(ui), key);

	ui->key = key;
	if (a == UI_ACT_INTERRUPT) {
		ui->quit = true;
		ui->status = 130;
		return;
	}
	ui_screens[ui->screen].key(ui, a);
}

/* One byte of input. */
static void byte_in(struct ui *ui, unsigned char c)
{
	bool enter = c == '\n' || c == '\r';

	if (enter && in.after_key) {
		/* "x" then Enter is x, also when x led to the menu (q at a question). */
		in.after_key = false;
		return;
	}
	if (ui->screen == UI_SCREEN_MENU) {
		if (enter) {
			in.menu[in.n_menu] = '\0';
			in.n_menu = 0;
			menu_line(ui, in.menu);
		} else if ((c == 127 || c == '\b') && in.n_menu) {
			in.n_menu--;
		} else if (c >= 0x20 && in.n_menu + 1 < sizeof(in.menu)) {
			in.menu[in.n_menu++] = (char)c;
		}
		return;
	}
	if (said.prompt_open) {
		/* The answer to a question: said after it when no terminal echoes it. */
		if (enter) {
			if (!echoed) {
				said.typed[said.n_typed] = '\0';
				put(said.typed);
				putchar('\n');
			}
			said.prompt_open = false;
		} else if (c >= 0x20 && c != 0x7f && said.n_typed + 1 < sizeof(said.typed)) {
			said.typed[said.n_typed++] = (char)c;
		}
	}
	/* Words being typed (a note, an activity's name) take every key. */
	bool words =
	    ui_summary_typing() || (ui->screen == UI_SCREEN_OUTCOME && ui_outcome_naming());

	if (c == '?' && !words) {
		say_keys(ui);
		last_text.question[0] = '\0'; /* and the question again */
		in.after_key = true;
		return;
	}
	bool note = ui->screen == UI_SCREEN_SUMMARY && ui_summary_typing();

	if (note && enter && !echoed) {
		/* The note, said under its prompt when no terminal echoes it. */
		said.typed[said.n_typed] = '\0';
		say("%s", said.typed);
	} else if (note && c >= 0x20 && c != 0x7f && said.n_typed + 1 < sizeof(said.typed)) {
		said.typed[said.n_typed++] = (char)c;
	}
	/* Esc leaves words being typed: an Enter with it is part of it. */
	in.after_key =
	    !enter && ((!(c >= '0' && c <= '9') && c != 127 && c != '\b' && !words) || c == 27);
	enum ui_screen before = ui->screen;

	dispatch(ui, enter ? '\n' : c);
	if (said.prompt_open && !echoed && !enter && c >= 0x20 && ui->screen != before) {
		/* A key that left the question (q): said after it, as an answer is. */
		said.typed[said.n_typed] = '\0';
		put(said.typed);
	}
	if (!note && ui->screen == UI_SCREEN_SUMMARY && ui_summary_typing())
		said.n_typed = 0; /* w: a note begins */
}

/*
 * The end of input: q then y on the screen it found, whatever comes of it
 * (the summary without a score, the stop screen ended), until nothing is
 * playing. What was done is written; exit 0.
 */
static void end_of_input(struct ui *ui)
{
	for (int turn = 0; turn < 8 && !ui->quit; turn++) {
		switch (ui->screen) {
		case UI_SCREEN_PLAYER:
			dispatch(ui, 'q');
			if (ui->confirm)
				dispatch(ui, 'y');
			break;
		case UI_SCREEN_STOP:
			dispatch(ui, ui_stop_answered() ? 'e' : '\n');
			break;
		case UI_SCREEN_SUMMARY:
		case UI_SCREEN_PAIN:
			dispatch(ui, 'q');
			break;
		case UI_SCREEN_SAFETY:
			/* One of the lists applies: any key leaves with its status (3). */
			if (ui_safety_applies()) {
				dispatch(ui, 'q');
				break;
			}
			/* fall through */
		default:
			/* Nothing playing (the menu, a question at start): nothing to write. */
			ui->quit = true;
			ui->status = 0;
			break;
		}
		/* The menu is not said again on the way out. */
		if (!ui->quit && ui->screen != UI_SCREEN_MENU)
			say_changes(ui);
	}
	ui->quit = true;
}

/* Read what standard input holds, a byte at a time to the screens. */
static void read_input(struct ui *ui)
{
	unsigned char buf[256];
	ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		in.eof = true;
		end_of_input(ui);
		return;
	}
	/*
	 * An Enter swallowed after a key is one that came with it ("x\n", as an
	 * Emacs shell sends a line at a time); one pressed later is a key.
	 */
	in.after_key = false;
	for (ssize_t i = 0; i < n && !ui->quit; i++) {
		ui_read_clocks(ui);
		byte_in(ui, buf[i]);
		if (!ui->quit)
			say_changes(ui);
	}
}

/* ---- The loop -------------------------------------------------------------------- */

/* Ctrl-Z: pause, give the terminal back, and take it again on SIGCONT. */
static void suspend(struct ui *ui)
{
	int mode = tio_mode;

	if (ui->app.playing)
		app_pause(&ui->app, ui->now);
	ui->held_by_modal = false;
	teardown();
	ui_sig_stop_here();
	if (mode >= 0)
		tio_set(mode == 1);
}

static void loop(struct ui *ui)
{
	int woke = 0; /* input is read once pselect() says it is there */

	say_changes(ui);
	while (!ui->quit) {
		int64_t wait = -1;

		if (!ui_turn(ui, suspend))
			break;
		if (woke > 0 && !in.eof)
			read_input(ui);
		if (ui->quit)
			break;
		if (ui->app.playing && !ui->app.sess.finished) {
			unsigned ev = app_tick(&ui->app, ui->now, ui_wall_now(ui));

			if ((ev & SESS_EV_COUNTDOWN) && ui->opt->bell)
				bell();
			ui_session_events(ui, ev);
		}
		const char *hooks_note = ui_hooks_reap();
		if (hooks_note)
			ui_status(ui, true, "%s", hooks_note);
		if (ui->app.playing && ui->app.sess.finished && ui->screen == UI_SCREEN_PLAYER)
			ui_summary_open(ui);
		say_changes(ui);
		app_flush(&ui->app);
		ui_log_sync(ui);
		if (ui->app.playing && !ui->app.sess.finished)
			wait = session_wait_ms(&ui->app.sess, ui->now);
		woke = ui_sleep_until(wait);
	}
	if (said.prompt_open) {
		/* The question's line ends, so that the shell's prompt starts its own. */
		putchar('\n');
		fflush(stdout);
		said.prompt_open = false;
	}
}

int lines_run(const struct ui_options *o)
{
	struct ui ui;

	if (!ui_begin(&ui, o))
		return 0;
	ui_sig_setup(teardown);
	tty_in = isatty(STDIN_FILENO);
	if (tty_in && tcgetattr(STDIN_FILENO, &saved_tio) == 0)
		tio_saved = true;
	/*
	 * What is typed shows: the terminal echoes it, or an Emacs shell shows
	 * it itself; else it is written after its question.
	 */
	echoed = tty_in && isatty(STDOUT_FILENO) &&
	         ((saved_tio.c_lflag & ECHO) || getenv("INSIDE_EMACS"));
	tio_mode = -2; /* not set yet: the first screen sets it */
	ui_start(&ui);
	loop(&ui);
	teardown();
	return ui_end(&ui);
}
