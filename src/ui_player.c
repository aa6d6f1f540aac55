/*
 * ui_player.c - the player (what to do now, on which side, for how long) and
 * its quit question; starting and stopping a plan.
 *
 * The player is read from two metres away: the phase as a large word in its
 * colour and the countdown in block digits come first; the steps fill what
 * room is left.
 */
#include <stdio.h>
#include <string.h>

#include <curses.h>

#include "ui_draw.h"
#include "ui_hooks.h"
#include "ui_priv.h"

/* The largest block-digit scale worth drawing; beyond it the digits dwarf
 * everything else. */
#define PLAYER_MAX_SCALE 5

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

/* The phase in words: GET READY, HOLD, REST, SWITCH SIDES, "Bridges x10". */
static const char *phase_word(const struct plan_phase *ph, const struct cat_set *set, char *buf,
                              size_t len)
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
	if (!set || set->mode == CAT_MODE_HOLD)
		return "HOLD";
	if (set->mode == CAT_MODE_REPS && ph->reps)
		snprintf(buf, len, "%s x%u", set->name, ph->reps);
	else
		snprintf(buf, len, "%s", set->name);
	return buf;
}

/* "left side · rep 1 of 2" for a work phase; "" when it has neither. */
static void work_detail(const struct plan_phase *ph, char *buf, size_t len)
{
	int n = 0;

	buf[0] = '\0';
	if (ph->side != PLAN_SIDE_NONE)
		n = snprintf(buf, len, "%s side", plan_side_name(ph->side));
	if (ph->kind == PLAN_WORK && ph->rep && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, "%srep %u of %u", n ? " \u00b7 " : "", ph->rep,
		         ph->reps);
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

/*
 * The plain line under the large word, which also carries the phase in text
 * for anyone whose terminal cannot show the block font:
 * "HOLD · left side · rep 1 of 2", "REST · next: left side · rep 2 of 2".
 */
static void detail_line(const struct ui *ui, const struct plan_phase *ph, const char *word,
                        char *buf, size_t len)
{
	char d[96];
	const struct plan_phase *nw;

	if (ph->kind == PLAN_WORK) {
		work_detail(ph, d, sizeof(d));
		snprintf(buf, len, "%s%s%s", word, *d ? " \u00b7 " : "", d);
		return;
	}
	nw = next_work(ui);
	d[0] = '\0';
	if (nw)
		work_detail(nw, d, sizeof(d));
	snprintf(buf, len, "%s%s%s", word, *d ? " \u00b7 next: " : "", d);
}

/* The steps area: the cue, the position or steps, and what comes next. */
static void draw_steps(const struct ui *ui, const struct plan_phase *ph, int top, int bottom)
{
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex = &cat->exercises[ph->exercise];
	size_t end = plan_slot_end(&ui->app.plan, ph->slot);
	bool last = ui->app.sess.cur + 1 == end;
	struct ui_draw_flow f = { .top = top, .bottom = bottom, .x = 2, .w = COLS - 4 };
	char buf[CAT_MAX_STRING + 64], num[16];

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
	if (ph->kind == PLAN_PREPARE) {
		if (ex->position)
			ui_draw_flow_add(&f, "Start: ", ex->position, ui_draw_attr(UI_ROLE_TITLE));
	} else if (ph->set >= 0) {
		const struct cat_set *set = &ex->sets[ph->set];

		if (ex->n_sets > 1)
			snprintf(buf, sizeof(buf), "%s (set %d of %u)", set->name, ph->set + 1,
			         ex->n_sets);
		else
			snprintf(buf, sizeof(buf), "%s", set->name);
		ui_draw_flow_add(&f, NULL, buf, ui_draw_attr(UI_ROLE_TITLE));
	}
	for (unsigned i = 0; i < ex->n_steps && f.top + f.row < f.bottom; i++) {
		snprintf(num, sizeof(num), "%u. ", i + 1);
		ui_draw_flow_add(&f, num, ex->steps[i], A_NORMAL);
	}
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

void ui_player_draw(struct ui *ui)
{
	const struct session *s = &ui->app.sess;
	const struct plan_phase *ph = session_phase(s);
	const struct catalogue *cat = ui->opt->cat;
	const struct cat_exercise *ex;
	const struct cat_set *set;
	attr_t role, digits_attr;
	char word_buf[CAT_MAX_STRING + 16], line[CAT_MAX_STRING + 128], left[16], big[16];
	const char *word;
	unsigned shown;
	int y, footer, gaps, steps_min, word_rows, budget, scale = 0, dw = 0, dh = 1, ww, wh;
	bool big_word;

	if (!ph)
		return;
	ex = &cat->exercises[ph->exercise];
	set = ph->set >= 0 ? &ex->sets[ph->set] : NULL;
	role = ui_draw_attr(role_of(ph->kind));
	word = phase_word(ph, set, word_buf, sizeof(word_buf));
	shown = session_left_shown(s, ui->now);

	draw_header(ui, ph, session_plan_left_ms(s, ui->now));
	ui_draw_center(1, ex->name, ui_draw_attr(UI_ROLE_TITLE));

	/* Room: footer, gaps and steps shrink before the countdown does. */
	footer = LINES >= 8 ? 1 : 0;
	gaps = LINES >= 20 ? 4 : LINES >= 14 ? 2 : 0;
	steps_min = LINES < 14 ? 0 : ph->kind == PLAN_PREPARE ? 5 : 3;
	/* Without UTF-8 only the digits are drawn in `#`; the word stays on its plain line. */
	big_word =
	    LINES >= 14 && ui_draw_utf8() && ui_draw_big_size(word, 1, &ww, &wh) && ww <= COLS - 2;
	word_rows = big_word ? wh : 0;
	budget = LINES - footer - 4 - word_rows - gaps - steps_min;
	/* Size the digits for the widest value of the phase, so they hold still. */
	ui_clock(ph->seconds, big);
	if (ph->seconds < 60)
		put_uint(big, ph->seconds);
	for (int sc = PLAYER_MAX_SCALE; sc >= 1; sc--) {
		int w, h;

		if (ui_draw_big_size(big, sc, &w, &h) && h <= budget && w <= COLS - 2) {
			scale = sc;
			dh = h;
			break;
		}
	}

	y = 2 + (gaps >= 4 ? 1 : 0);
	if (big_word) {
		ui_draw_big(y, (COLS - ww) / 2, word, 1, role);
		y += word_rows;
	}
	detail_line(ui, ph, word, line, sizeof(line));
	ui_draw_center(y, line, role);
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
		ui_draw_big_size(big, scale, &dw, &dh);
		ui_draw_big(y, (COLS - dw) / 2, big, scale, digits_attr);
		y += dh;
		y += gaps >= 2 ? 1 : 0;
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
		if (s->paused && !ui->confirm)
			ui_draw_text(LINES - 1, 0, COLS,
			             "PAUSED  Space resume  x stop  q quit  ? keys",
			             ui_draw_attr(UI_ROLE_ALERT));
		else
			ui_draw_text(LINES - 1, 0, COLS,
			             "Space pause  n next  p back  s skip  x stop  q quit  ? keys",
			             ui_draw_attr(UI_ROLE_DIM));
	}
	if (ui->confirm)
		ui_draw_question("Quit? y/n");
}

void ui_player_key(struct ui *ui, enum ui_action action)
{
	struct app *a = &ui->app;
	time_t wall = ui_wall_now(ui);

	switch (action) {
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
