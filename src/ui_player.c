/*
 * ui_player.c - the player (what to do now, on which side, for how long) and
 * its quit question; starting and stopping a plan.
 *
 * The player is read from two metres away: the phase as a large word in its
 * colour and the countdown in block digits come first; the steps fill what
 * room is left. Where there is room beside the digits, the exercise's figure
 * shows what to do (issue 21 §3).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_hooks.h"
#include "ui_priv.h"
#include "words.h"

/* The largest block-digit scale worth drawing; beyond it the digits dwarf
 * everything else. */
#define PLAYER_MAX_SCALE 5

/* The most rows the steps may take from the digits... */
#define PLAYER_MAX_STEPS 6

/* ...as long as the digits keep this scale (or theirs, when smaller). */
#define PLAYER_KEEP_SCALE 2

static enum ui_draw_role role_of(enum plan_kind kind)
{
	switch (kind) {
	case PLAN_PREPARE:
		return UI_ROLE_PREPARE;
	case PLAN_WORK:
		return UI_ROLE_WORK;
	case PLAN_REST:
		return UI_ROLE_REST;
	case PLAN_SWITCH:
		return UI_ROLE_SWITCH;
	}
	return UI_ROLE_NORMAL;
}

/*
 * The phase in words: GET READY, REST, SWITCH SIDES; in work, the set's
 * name ("Bird dog (round 1)"), which the player draws in capitals.
 */
static const char *phase_word(const struct plan_phase *ph, const struct cat_set *set)
{
	switch (ph->kind) {
	case PLAN_PREPARE:
		return "GET READY";
	case PLAN_REST:
		return "REST";
	case PLAN_SWITCH:
		return "SWITCH SIDES";
	case PLAN_WORK:
		break;
	}
	return set ? set->name : "WORK";
}

/* Append " · " and `part` to buf (len bytes) unless part is empty. */
static void join(char *buf, size_t len, const char *part)
{
	size_t n = strlen(buf);

	if (!*part || n >= len)
		return;
	snprintf(buf + n, len - n, "%s%s", n ? " \u00b7 " : "", part);
}

/* The side in the set's own words ("left leg and right arm"), else "left side". */
static void side_text(const struct plan_phase *ph, const struct cat_set *set, char *buf, size_t len)
{
	const char *words = cat_side_words(set, (int)ph->side);

	buf[0] = '\0';
	if (ph->side == PLAN_SIDE_NONE)
		return;
	if (words)
		snprintf(buf, len, "%s", words);
	else
		snprintf(buf, len, "%s side", plan_side_name(ph->side));
}

/*
 * A work phase in a line: its side, what to do (hold; a reps set's rep
 * `rep`, 0 to leave it out) and which rep: "left leg and right arm · hold ·
 * rep 1 of 8", "rep 3 of 10", "keep going". `what` false leaves out the
 * verb, for "next: ...".
 */
static void work_detail(const struct plan_phase *ph, const struct cat_set *set, unsigned rep,
                        bool what, char *buf, size_t len)
{
	char part[CAT_MAX_STRING + 32];

	buf[0] = '\0';
	side_text(ph, set, part, sizeof(part));
	join(buf, len, part);
	if (ph->rep) {
		if (what)
			join(buf, len, "hold");
		/* "rep 1 of 1" says nothing. */
		snprintf(part, sizeof(part), "rep %u of %u", ph->rep, ph->reps);
		if (ph->reps > 1)
			join(buf, len, part);
	} else if (ph->reps && rep) {
		snprintf(part, sizeof(part), "rep %u of %u", rep, ph->reps);
		join(buf, len, part);
	} else if (what && !ph->reps && !*buf) {
		join(buf, len, "keep going");
	}
}

/* The next work phase of the same exercise, or NULL. */
static const struct plan_phase *next_work(const struct ui *ui)
{
	const struct plan *p = &ui->app.plan;
	size_t cur = ui->app.sess.cur;

	for (size_t i = cur + 1; i < p->n && p->phases[i].slot == p->phases[cur].slot; i++)
		if (p->phases[i].kind == PLAN_WORK)
			return &p->phases[i];
	return NULL;
}

/* The set of a phase, or NULL (prepare). */
static const struct cat_set *set_of(const struct ui *ui, const struct plan_phase *ph)
{
	const struct cat_exercise *ex = &ui->opt->cat->exercises[ph->exercise];

	return ph->set >= 0 && (unsigned)ph->set < ex->n_sets ? &ex->sets[ph->set] : NULL;
}

/*
 * The set a phase is about: a work phase's own; for a rest or a change of
 * sides, the one the next work phase belongs to (what to get ready for);
 * -1 in get-ready.
 */
static int set_shown(const struct ui *ui, const struct plan_phase *ph)
{
	const struct plan_phase *nw;

	if (ph->kind == PLAN_WORK || ph->kind == PLAN_PREPARE)
		return ph->set;
	nw = next_work(ui);
	return nw ? nw->set : ph->set;
}

/*
 * The plain line under the large word. In work it says the side and the
 * rep ("left leg and right arm · hold · rep 1 of 8"), the set's name being
 * the word above; otherwise it carries the phase in text for anyone whose
 * terminal cannot show the block font: "REST · next: left side · rep 2 of 2".
 */
static void detail_line(const struct ui *ui, const struct plan_phase *ph, const char *word,
                        char *buf, size_t len)
{
	char d[CAT_MAX_STRING + 96];
	const struct plan_phase *nw;

	if (ph->kind == PLAN_WORK) {
		work_detail(ph, set_of(ui, ph), session_rep(&ui->app.sess, ui->now), true, buf,
		            len);
		return;
	}
	nw = next_work(ui);
	d[0] = '\0';
	if (nw)
		work_detail(nw, set_of(ui, nw), nw->reps && !nw->rep ? 0 : 1, false, d, sizeof(d));
	snprintf(buf, len, "%s%s%s", word, *d ? " \u00b7 next: " : "", d);
}

/*
 * The heading of the steps: "Start: " and the position in get-ready, else
 * the set's name ("Bridge · set 2 of 2"); *head is NULL when there is none.
 */
static void steps_head(const struct ui *ui, const struct plan_phase *ph, const char **prefix,
                       const char **head, char *buf, size_t len)
{
	const struct cat_exercise *ex = &ui->opt->cat->exercises[ph->exercise];
	int si = set_shown(ui, ph);

	*prefix = NULL;
	*head = NULL;
	if (ph->kind == PLAN_PREPARE) {
		if (ex->position) {
			*prefix = "Start: ";
			*head = ex->position;
		}
	} else if (si >= 0) {
		const struct cat_set *set = &ex->sets[si];

		if (ex->n_sets > 1)
			snprintf(buf, len, "%s \u00b7 set %d of %u", set->name, si + 1, ex->n_sets);
		else
			snprintf(buf, len, "%s", set->name);
		*head = buf;
	}
}

/* The rows the heading and the steps take in `w` columns. */
static int steps_rows(const struct ui *ui, const struct plan_phase *ph, int w)
{
	const struct cat_exercise *ex = &ui->opt->cat->exercises[ph->exercise];
	char buf[CAT_MAX_STRING + 64], num[16];
	const char *prefix, *head;
	char *const *steps;
	unsigned n_steps;
	int need = 0;

	steps_head(ui, ph, &prefix, &head, buf, sizeof(buf));
	if (head)
		need += ui_draw_rows(w, prefix, head);
	steps = cat_set_steps(ex, set_shown(ui, ph), &n_steps);
	for (unsigned i = 0; i < n_steps; i++) {
		snprintf(num, sizeof(num), "%u. ", i + 1);
		need += ui_draw_rows(w, num, steps[i]);
	}
	return need;
}

/* The steps area: the cue, the position or the set's steps, and what comes next. */
static void draw_steps(const struct ui *ui, const struct plan_phase *ph, int top, int bottom)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex = &cat->exercises[ph->exercise];
	size_t end = plan_slot_end(&ui->app.plan, ph->slot);
	bool last = ui->app.sess.cur + 1 == end;
	struct ui_draw_flow f = { .top = top, .bottom = bottom, .x = 2, .w = COLS - 4 };
	char buf[CAT_MAX_STRING + 64], hb[CAT_MAX_STRING + 64], num[16];
	const char *head_prefix, *head;
	char *const *steps;
	unsigned n_steps;

	if (bottom <= top)
		return;
	if (last) {
		/* What comes next outranks the steps of what is ending. */
		if (ph->slot + 1 < ui->app.plan.n_exercises) {
			const char *next =
			    cat->exercises[ui->app.plan.exercises[ph->slot + 1]].name;

			snprintf(buf, sizeof(buf), "Up next: %s", next);
		} else {
			snprintf(buf, sizeof(buf), "Up next: done, the %s is complete",
			         ui->app.routine ? "routine" : "exercise");
		}
		ui_draw_text(bottom - 1, 2, COLS - 4, buf, ui_draw_attr(UI_ROLE_TITLE));
		f.bottom = bottom - 1;
	}
	steps_head(ui, ph, &head_prefix, &head, hb, sizeof(hb));
	steps = cat_set_steps(ex, set_shown(ui, ph), &n_steps);
	/* Text the screen cuts says so, on a row of its own. */
	if (steps_rows(ui, ph, f.w) > f.bottom - f.top && f.bottom - f.top >= 2) {
		f.bottom--;
		ui_draw_more(f.bottom, f.x, ui_draw_attr(UI_ROLE_DIM));
	}
	if (head)
		ui_draw_flow_add(&f, head_prefix, head, ui_draw_attr(UI_ROLE_TITLE));
	for (unsigned i = 0; i < n_steps && f.top + f.row < f.bottom; i++) {
		snprintf(num, sizeof(num), "%u. ", i + 1);
		ui_draw_flow_add(&f, num, steps[i], A_NORMAL);
	}
}

/*
 * The figure beside the countdown: at most the box at one dot a unit, at
 * least what still reads as a person; only on screens of 80 x 24 and more.
 */
enum {
	PLAYER_FIG_W = 24,
	PLAYER_FIG_H = 8,
	PLAYER_FIG_MIN_W = 16,
	PLAYER_FIG_MIN_H = 5,
	PLAYER_FIG_COLS = 80,
	PLAYER_FIG_LINES = 24,
};

/*
 * How the figure drawn last moves, for the loop's next frame
 * (ui_player_frame_ms()); `drawn` false when none was drawn.
 */
static struct {
	bool drawn;
	enum fig_motion m;
	long long rep_ms;
} fig_last;

/* What `o` said (ui_open_video()), on the paused key line until Space. */
static char player_said[CAT_MAX_STRING + 64];
/* What `o` said of the video (opening it, or why not), until the next key. */
static char video_said[sizeof(player_said) - 24];
static unsigned video_asked; /* how many times `o` was pressed */

const char *ui_player_video_said(unsigned *asked)
{
	*asked = video_asked;
	return video_said;
}

/* How the figure moves in this phase; *rep_ms is a rep's length, or 0. */
static enum fig_motion motion_of(const struct cat_exercise *ex, const struct plan_phase *ph,
                                 long long *rep_ms)
{
	*rep_ms = 0;
	if (ph->kind != PLAN_WORK || ph->set < 0)
		return FIG_STILL;
	if (ph->reps > 0)
		*rep_ms = (long long)ph->seconds * 1000 / ph->reps;
	return ex->sets[ph->set].mode == CAT_MODE_REPS ? FIG_REPS : FIG_HOLD;
}

int64_t ui_player_frame_ms(const struct ui *ui)
{
	if (ui->screen != UI_SCREEN_PLAYER || !fig_last.drawn || ui->app.sess.paused ||
	    ui_draw_too_small())
		return -1;
	return fig_motion_wait_ms(fig_last.m, session_elapsed_ms(&ui->app.sess, ui->now),
	                          fig_last.rep_ms);
}

/*
 * The set's figure (the first set's while getting ready) where this phase
 * has taken it: the start pose while getting ready, resting and switching
 * sides; in a hold or a timed set it moves into the end pose and stays; in
 * a reps set it goes and comes back once a rep. The right side is drawn
 * mirrored. The time is the session's, which stands still while paused.
 * Drawn in rows top..bottom - 1, right of the `used` columns centred on the
 * screen; not at all where it would not fit, or when `f` or the settings
 * put it away.
 */
static void draw_figure(const struct ui *ui, const struct plan_phase *ph, int top, int bottom,
                        int used, attr_t attr)
{
	const struct cat_exercise *ex = &ui->opt->cat->exercises[ph->exercise];
	const struct fig_figure *f = cat_set_figure(ex, ph->set >= 0 ? (unsigned)ph->set : 0);
	int x0 = (COLS + used) / 2 + 2, w = COLS - 1 - x0, h = bottom - top;
	enum fig_motion m;
	long long rep_ms;
	struct fig_pose pose;
	char *text;
	const char *line;

	fig_last.drawn = false;
	if (f == NULL || ui->opt->figure == ui->figure_toggled || COLS < PLAYER_FIG_COLS ||
	    LINES < PLAYER_FIG_LINES)
		return;
	w = w > PLAYER_FIG_W ? PLAYER_FIG_W : w;
	h = h > PLAYER_FIG_H ? PLAYER_FIG_H : h;
	if (w < PLAYER_FIG_MIN_W || h < PLAYER_FIG_MIN_H)
		return;
	m = motion_of(ex, ph, &rep_ms);
	fig_last.drawn = true;
	fig_last.m = m;
	fig_last.rep_ms = rep_ms;
	fig_figure_at(f, fig_motion_t(m, session_elapsed_ms(&ui->app.sess, ui->now), rep_ms),
	              &pose);
	text = fig_text(&pose, f->view, ph->side == PLAN_SIDE_RIGHT, (unsigned)w, (unsigned)h,
	                ui_draw_utf8() ? FIG_BRAILLE : FIG_ASCII);
	line = text;
	attrset(attr);
	for (int y = top + (bottom - top - h) / 2; *line; y++) {
		size_t n = strcspn(line, "\n");

		mvaddnstr(y, x0 + (COLS - 1 - x0 - w) / 2, line, (int)n);
		line += n + (line[n] == '\n');
	}
	attrset(A_NORMAL);
	free(text);
}

/* Appends the decimal digits of `n` at `dst`; returns the end. */
static char *put_uint(char *dst, unsigned n)
{
	char tmp[16], *p = tmp + sizeof(tmp);

	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	while (p < tmp + sizeof(tmp))
		*dst++ = *p++;
	*dst = '\0';
	return dst;
}

/* Row 0: where in the routine, and how long it still takes. */
static void draw_header(const struct ui *ui, const struct plan_phase *ph, int64_t plan_left)
{
	char line[64], right[32], left[16], *p;

	/* "Exercise K of N" */
	memcpy(line, "Exercise ", 9);
	p = put_uint(line + 9, ph->slot + 1);
	memcpy(p, " of ", 4);
	put_uint(p + 4, ui->app.plan.n_exercises);
	ui_clock((unsigned)((plan_left + 999) / 1000), left);
	snprintf(right, sizeof(right), "%s left ", left);
	ui_draw_text(0, 1, COLS - 2, line, ui_draw_attr(UI_ROLE_DIM));
	ui_draw_right(0, right, ui_draw_attr(UI_ROLE_DIM));
	if (ui->app.sess.paused && COLS >= 40)
		ui_draw_center(0, " PAUSED ", ui_draw_attr(UI_ROLE_ALERT));
}

/* The largest scale of block digits `big` that fits in `rows` rows (0: none). */
static int digit_scale(const char *big, int rows, int *h_out)
{
	for (int sc = PLAYER_MAX_SCALE; sc >= 1; sc--) {
		int w, h;

		if (ui_draw_big_size(big, sc, &w, &h) && h <= rows && w <= COLS - 2) {
			*h_out = h;
			return sc;
		}
	}
	return 0;
}

/* A set's name in capitals, for a line of plain text. */
static void capitals(const char *s, char *buf, size_t len)
{
	size_t i = 0;

	for (; s[i] && i + 1 < len; i++)
		buf[i] = (char)toupper((unsigned char)s[i]);
	buf[i] = '\0';
}

void ui_player_draw(struct ui *ui)
{
	const struct session *s = &ui->app.sess;
	const struct plan_phase *ph = session_phase(s);
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex;
	const struct cat_set *set;
	attr_t role, digits_attr;
	char line[CAT_MAX_STRING + 128], caps[CAT_MAX_STRING + 1], left[16], big[16];
	const char *word;
	unsigned shown;
	int y, footer, gaps, steps_min, word_rows, budget, scale = 0, dw = 0, dh = 1, ww, wh;
	int line_x;     /* where the plain line under the word starts */
	int widest = 0; /* the digits' width at the phase's widest value: the figure holds still */
	bool big_word, work;

	fig_last.drawn = false;
	if (!ph)
		return;
	ex = &cat->exercises[ph->exercise];
	set = set_of(ui, ph);
	role = ui_draw_attr(role_of(ph->kind));
	word = phase_word(ph, set);
	work = ph->kind == PLAN_WORK;
	shown = session_left_shown(s, ui->now);

	draw_header(ui, ph, session_plan_left_ms(s, ui->now));
	ui_draw_center(1, ex->name, ui_draw_attr(UI_ROLE_TITLE));

	/* Room: footer, gaps and steps shrink before the countdown does. */
	footer = LINES >= 8 ? 1 : 0;
	gaps = LINES >= 20 ? 4 : LINES >= 14 ? 2 : 0;
	steps_min = LINES < 14 ? 0 : ph->kind == PLAN_PREPARE ? 5 : 3;
	/*
	 * Without UTF-8 only the digits are drawn in `#`; the word stays on a
	 * plain line: in work, the set's name in bold capitals, also where the
	 * name does not fit the block font.
	 */
	big_word =
	    LINES >= 14 && ui_draw_utf8() && ui_draw_big_size(word, 1, &ww, &wh) && ww <= COLS - 2;
	word_rows = big_word ? wh : work ? 1 : 0;
	budget = LINES - footer - 4 - word_rows - gaps - steps_min;
	/* Size the digits for the widest value of the phase, so they hold still. */
	ui_clock(ph->seconds, big);
	if (ph->seconds < 60)
		put_uint(big, ph->seconds);
	scale = digit_scale(big, budget, &dh);
	/*
	 * Steps that need more rows get them (up to PLAYER_MAX_STEPS) when the
	 * digits stay at least PLAYER_KEEP_SCALE, or as large as they were.
	 */
	if (steps_min > 0) {
		int want = steps_rows(ui, ph, COLS - 4) +
		           (ui->app.sess.cur + 1 == plan_slot_end(&ui->app.plan, ph->slot));
		int more = (want > PLAYER_MAX_STEPS ? PLAYER_MAX_STEPS : want) - steps_min;
		int h2, sc2 = more > 0 ? digit_scale(big, budget - more, &h2) : 0;

		if (more > 0 && sc2 >= (scale < PLAYER_KEEP_SCALE ? scale : PLAYER_KEEP_SCALE)) {
			scale = sc2;
			dh = h2;
		}
	}

	if (scale) {
		int wh_widest;

		ui_draw_big_size(big, scale, &widest, &wh_widest);
	}

	/*
	 * The terminal's cursor goes to the phase's name on the first row that
	 * says it in text, for a screen reader: the set's name in capitals, else
	 * the plain line (whose first word is the phase outside work), else the
	 * large word. It stays there, away from the countdown.
	 */
	y = 2 + (gaps >= 4 ? 1 : 0);
	if (big_word) {
		ui_draw_big(y, (COLS - ww) / 2, word, 1, role);
		ui_draw_focus(y, (COLS - ww) / 2);
		y += word_rows;
	} else if (work) {
		capitals(word, caps, sizeof(caps));
		ui_draw_focus(y, ui_draw_center(y, caps, role | A_BOLD));
		y++;
	}
	detail_line(ui, ph, word, line, sizeof(line));
	line_x = ui_draw_center(y, line, role);
	if (line[0] && (big_word || !work))
		ui_draw_focus(y, line_x);
	y++;
	y += gaps >= 2 ? 1 : 0;

	/* The countdown: seconds alone under a minute, else M:SS. */
	ui_clock(shown, left);
	if (shown < 60)
		put_uint(big, shown);
	else
		strcpy(big, left);
	digits_attr = s->paused ? ui_draw_attr(UI_ROLE_DIM) : role;
	if (scale) {
		int digits_y = y;

		ui_draw_big_size(big, scale, &dw, &dh);
		ui_draw_big(y, (COLS - dw) / 2, big, scale, digits_attr);
		y += dh;
		y += gaps >= 2 ? 1 : 0;
		draw_figure(ui, ph, digits_y, y, widest, role);
	}

	/* The bar, with the time left in plain M:SS beside it. */
	{
		int bw = COLS - 10 < 60 ? COLS - 10 : 60;
		int x = (COLS - bw - 7) / 2;
		unsigned done = ph->seconds - (shown < ph->seconds ? shown : ph->seconds);

		if (bw >= 4) {
			ui_draw_bar(y, x, bw, done, ph->seconds, role);
			ui_draw_text(y, x + bw + 1, 7, left, A_BOLD);
		} else {
			ui_draw_center(y, left, A_BOLD);
		}
		y++;
	}
	y += gaps >= 4 ? 1 : 0;

	draw_steps(ui, ph, y, LINES - footer);

	if (footer) {
		if (s->paused && !ui->confirm && player_said[0])
			ui_draw_text(LINES - 1, 0, COLS, player_said, ui_draw_attr(UI_ROLE_ALERT));
		else if (s->paused && !ui->confirm)
			ui_draw_text(LINES - 1, 0, COLS,
			             "PAUSED  Space resume  x it hurts  q quit  ? keys",
			             ui_draw_attr(UI_ROLE_ALERT));
		else
			ui_draw_text(
			    LINES - 1, 0, COLS,
			    "Space pause  n next  p back  s skip  x it hurts  q quit  ? keys",
			    ui_draw_attr(UI_ROLE_DIM));
	}
	if (ui->confirm)
		ui_draw_question(words_quit_question);
}

void ui_player_key(struct ui *ui, enum ui_action action)
{
	struct app *a = &ui->app;
	time_t wall = ui_wall_now(ui);

	player_said[0] = '\0';
	video_said[0] = '\0';
	switch (action) {
	case UI_ACT_FIGURE:
		ui->figure_toggled = !ui->figure_toggled;
		break;
	case UI_ACT_VIDEO: {
		const struct plan_phase *ph = session_phase(&a->sess);

		if (ph == NULL)
			break;
		/* Paused first: the video takes the eyes off the clock. */
		if (!a->sess.paused) {
			app_pause(a, ui->now);
			ui_hooks_hush(ui->opt);
		}
		ui_open_video(cat_video(ui->opt->cat, &ui->opt->cat->exercises[ph->exercise]),
		              video_said, sizeof(video_said));
		video_asked++;
		snprintf(player_said, sizeof(player_said), "PAUSED  %s  Space resume", video_said);
		break;
	}
	case UI_ACT_PAUSE:
		app_toggle_pause(a, ui->now);
		/* A sentence must not go on about a clock that has stopped. */
		if (a->sess.paused)
			ui_hooks_hush(ui->opt);
		break;
	case UI_ACT_NEXT:
		ui_session_events(ui, app_next(a, ui->now, wall));
		break;
	case UI_ACT_PREV:
		ui_session_events(ui, app_prev(a, ui->now, wall));
		break;
	case UI_ACT_SKIP:
		ui_session_events(ui, app_skip(a, ui->now, wall));
		break;
	case UI_ACT_STOP:
		ui_stop_open(ui);
		break;
	case UI_ACT_QUIT:
		/* The clock waits for the answer. */
		if (!a->sess.paused) {
			app_pause(a, ui->now);
			ui->held_by_modal = true;
		}
		ui->confirm = true;
		break;
	case UI_ACT_YES:
		/* A routine asks the end's question about what was done (issue 19). */
		if (a->routine && app_quit(a, wall)) {
			ui_summary_open(ui);
			break;
		}
		ui_log_quit(ui);
		ui_stop(ui);
		break;
	case UI_ACT_NO:
		ui->confirm = false;
		if (ui->held_by_modal) {
			app_unpause(a, ui->now);
			ui->held_by_modal = false;
		}
		break;
	default:
		break;
	}
}

/* ---- Starting and stopping ---------------------------------------------------- */

int ui_play(struct ui *ui, const unsigned *exercises, unsigned n, const char *routine)
{
	int rc = app_play(&ui->app, exercises, n, routine, 0, NULL,
	                  ui->opt->ask && ui->opt->ask_pain_before, ui->now);

	ui_play_shown(ui, rc);
	return rc;
}

void ui_play_shown(struct ui *ui, int rc)
{
	ui_log_sync(ui);
	if (rc != 0) {
		ui->error = "out of memory";
		ui->status = 1;
		ui->quit = true;
		return;
	}
	ui->confirm = false;
	ui->held_by_modal = false;
	ui_score_clear(&ui->pain);
	if (!app_begun(&ui->app))
		ui_pain_open(ui); /* which calls ui_play_go() once answered */
	else
		ui_play_go(ui);
}

void ui_play_go(struct ui *ui)
{
	if (ui->app.sess.finished) {
		ui_summary_open(ui);
		return;
	}
	ui->screen = UI_SCREEN_PLAYER;
	/* The first phase is announced too: nothing else will say it began. */
	ui_hooks_fire(ui->opt, &ui->app.sess, SESS_EV_PHASE, ui->now);
}

void ui_session_events(struct ui *ui, unsigned ev)
{
	ui_hooks_fire(ui->opt, &ui->app.sess, ev, ui->now);
}

void ui_stop(struct ui *ui)
{
	app_drop(&ui->app);
	ui->confirm = false;
	ui->held_by_modal = false;
	if (ui->opt->start != UI_START_MENU) {
		ui->quit = true;
		ui->status = 0;
	} else {
		ui->screen = UI_SCREEN_MENU;
	}
}
