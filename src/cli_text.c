/*
 * cli_text.c - the plain-text modes. Output is for people first (aligned
 * columns) and for scripts with --format=tsv (stable, tab-separated).
 */
#include "cli_text.h"
#include "words.h"
#include "file.h"
#include "steps.h"
#include "why.h"
#include "events.h"

#include <stdlib.h>
#include <string.h>

/* Every plain output fits this many columns (issue 19: a terminal's 80). */
#define CLI_WIDTH 80
/* The id column of `lumbar progress`: a longer id has a line of its own. */
#define CLI_PROGRESS_ID 20

/* ---- Columns and paragraphs -------------------------------------------------- */

/* Columns of UTF-8 text: one per character (the catalogue's text is not CJK). */
static int cols(const char *s, size_t n)
{
	int c = 0;

	for (size_t i = 0; i < n && s[i]; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* Bytes of `s` that fit in `w` columns, never splitting a character. */
static size_t cut(const char *s, int w)
{
	size_t i = 0;
	int c = 0;

	while (s[i]) {
		size_t k = i + 1;

		while (((unsigned char)s[k] & 0xc0) == 0x80)
			k++;
		if (++c > w)
			break;
		i = k;
	}
	return i;
}

/*
 * `s` in a column `w` wide: padded with spaces after it when `pad`, and cut
 * with an ellipsis when it is wider.
 */
static void put_cell(FILE *fp, const char *s, int w, bool pad)
{
	int c = cols(s, strlen(s));

	if (c > w) {
		fprintf(fp, "%.*s\u2026", (int)cut(s, w - 1), s);
		return;
	}
	fputs(s, fp);
	while (pad && c++ < w)
		fputc(' ', fp);
}

/*
 * A paragraph in CLI_WIDTH columns: `first` before its first line, `indent`
 * spaces before the others, wrapped at spaces (a word wider than the line
 * stays whole).
 */
static void put_para(FILE *fp, const char *first, int indent, const char *text)
{
	int room = CLI_WIDTH - cols(first, strlen(first));
	const char *p = text;

	fputs(first, fp);
	while (*p) {
		size_t n = strlen(p), end;

		if (cols(p, n) <= room) {
			fprintf(fp, "%s\n", p);
			return;
		}
		end = cut(p, room);
		/* Back to the last space that fits; else the whole word. */
		while (end > 0 && p[end] != ' ')
			end--;
		if (end == 0)
			for (end = cut(p, room); p[end] && p[end] != ' '; end++)
				;
		fprintf(fp, "%.*s\n", (int)end, p);
		p += end;
		while (*p == ' ')
			p++;
		if (*p)
			fprintf(fp, "%*s", indent, "");
		room = CLI_WIDTH - indent;
	}
}

/* ---- --list ------------------------------------------------------------------ */

/* A named routine's length: the sum of its exercises'. */
static unsigned routine_seconds(const struct catalogue *cat, const struct cat_routine *r,
                                const struct plan_dose *dose)
{
	unsigned secs = 0;

	for (unsigned k = 0; k < r->n_exercises; k++)
		secs += plan_seconds_at(cat, r->exercises[k], dose);
	return secs;
}

/* The routines come first, with "routine of N exercises" where exercises say how often. */
static void list_routines(FILE *fp, const struct catalogue *cat, const struct plan_dose *dose,
                          bool tsv, int wid, int wname)
{
	char clock[16];

	for (unsigned i = 0; i < cat->n_routines; i++) {
		const struct cat_routine *r = &cat->routines[i];
		unsigned secs = routine_seconds(cat, r, dose);

		if (tsv)
			fprintf(fp, "%s\t%s\t%u\troutine of %u exercise%s\n", r->id, r->name, secs,
			        r->n_exercises, r->n_exercises == 1 ? "" : "s");
		else {
			fprintf(fp, "%-*s  ", wid, r->id);
			put_cell(fp, r->name, wname, true);
			fprintf(fp, "  %6s  routine, %u exercise%s\n",
			        plan_format_clock(secs, clock, sizeof(clock)), r->n_exercises,
			        r->n_exercises == 1 ? "" : "s");
		}
	}
}

void cli_list(FILE *fp, const struct catalogue *cat, const struct plan_dose *dose, bool tsv)
{
	int wid = 2, wname = 4, wtail = 0;
	char clock[16], freq[128];

	for (unsigned i = 0; i < cat->n_exercises; i++) {
		const struct cat_exercise *ex = &cat->exercises[i];
		int a = (int)strlen(ex->id), b = cols(ex->name, strlen(ex->name));

		words_frequency(&ex->freq, WORDS_LONG, freq, sizeof(freq));
		wid = a > wid ? a : wid;
		wname = b > wname ? b : wname;
		wtail = (int)strlen(freq) > wtail ? (int)strlen(freq) : wtail;
	}
	for (unsigned i = 0; i < cat->n_routines; i++) {
		const struct cat_routine *r = &cat->routines[i];
		int a = (int)strlen(r->id), b = cols(r->name, strlen(r->name));
		int c = snprintf(freq, sizeof(freq), "routine, %u exercises", r->n_exercises);

		wid = a > wid ? a : wid;
		wname = b > wname ? b : wname;
		wtail = c > wtail ? c : wtail;
	}
	/*
	 * The names give way (cut with an ellipsis) so that a line fits
	 * CLI_WIDTH: the ids are what a person types.
	 */
	if (wname > CLI_WIDTH - wid - 2 - 2 - 6 - 2 - wtail)
		wname = CLI_WIDTH - wid - 2 - 2 - 6 - 2 - wtail;
	if (wname < 8)
		wname = 8;
	if (tsv)
		fprintf(fp, "#id\tname\tseconds\tfrequency\n");
	list_routines(fp, cat, dose, tsv, wid, wname);
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		const struct cat_exercise *ex = &cat->exercises[i];
		unsigned secs = plan_seconds_at(cat, i, dose);
		words_frequency(&ex->freq, WORDS_LONG, freq, sizeof(freq));
		if (tsv)
			fprintf(fp, "%s\t%s\t%u\t%s\n", ex->id, ex->name, secs, freq);
		else {
			fprintf(fp, "%-*s  ", wid, ex->id);
			put_cell(fp, ex->name, wname, true);
			fprintf(fp, "  %6s  %s\n", plan_format_clock(secs, clock, sizeof(clock)),
			        freq);
		}
	}
}

/* ---- --show ------------------------------------------------------------------ */

/* "medium level" or "step 4 of 20": where an exercise's numbers come from. */
static const char *dose_words(const struct plan_dose *dose, const struct prg_dose *d, char *buf,
                              size_t len)
{
	if (dose->forced)
		snprintf(buf, len, "%s level", cat_level_name(dose->level));
	else
		words_step(d->k, d->steps, buf, len);
	return buf;
}

/*
 * The key poses as `show` prints them: three a row, two blanks apart, 78
 * columns with the indent; 24 x 8 cells are the box's 48 x 32 at one dot a
 * unit.
 */
enum { SHOW_FIG_W = 24, SHOW_FIG_H = 8, SHOW_FIG_GAP = 2, SHOW_FIG_PER_ROW = 3 };

/* The exercise's figures: one, or one per figure named by the sets that show it. */
static void show_figures(FILE *fp, const struct cat_exercise *ex, enum fig_glyphs glyphs)
{
	const struct fig_figure *figs[CAT_MAX_SETS];
	unsigned n = cat_figures(ex, figs);
	char names[CAT_MAX_SETS * 64];

	for (unsigned k = 0; k < n; k++) {
		char *text = fig_poses_text(figs[k], SHOW_FIG_W, SHOW_FIG_H, SHOW_FIG_GAP,
		                            SHOW_FIG_PER_ROW, "  ", glyphs);

		if (n == 1)
			fprintf(fp, "\nFigure (%s):\n",
			        figs[k]->n_poses == 2 ? "start, then end"
			                              : "its key poses in order");
		else
			fprintf(fp, "\nFigure, %s:\n",
			        cat_figure_sets(ex, figs[k], names, sizeof(names)));
		fputs(text, fp);
		free(text);
	}
}

void cli_show(FILE *fp, const struct catalogue *cat, unsigned exercise,
              const struct plan_dose *dose, enum fig_glyphs glyphs)
{
	const struct cat_exercise *ex = &cat->exercises[exercise];
	char buf[CAT_MAX_STRING + 64], clock[16], r1[64], r2[64], at[32], num[16];
	struct prg_dose d;

	plan_dose_of(cat, dose, exercise, &d);
	dose_words(dose, &d, at, sizeof(at));

	snprintf(buf, sizeof(buf), "%s (%s)", ex->name, ex->id);
	put_para(fp, "", 0, buf);
	put_para(fp, "", 0, ex->summary);
	show_figures(fp, ex, glyphs);
	if (ex->position) {
		fprintf(fp, "\nStarting position:\n");
		put_para(fp, "  ", 2, ex->position);
	}
	fprintf(fp, "\nSteps:\n");
	for (unsigned i = 0; i < ex->n_steps; i++) {
		snprintf(num, sizeof(num), "  %u. ", i + 1);
		put_para(fp, num, (int)strlen(num), ex->steps[i]);
	}
	if (ex->n_cautions) {
		fprintf(fp, "\nCautions:\n");
		for (unsigned i = 0; i < ex->n_cautions; i++)
			put_para(fp, "  - ", 4, ex->cautions[i]);
	}

	fprintf(fp, "\nSets (%s):\n", at);
	for (unsigned i = 0; i < ex->n_sets; i++) {
		const struct cat_set *s = &ex->sets[i];
		snprintf(num, sizeof(num), "  %u. ", i + 1);
		snprintf(buf, sizeof(buf), "%s: %s", s->name,
		         words_set_at(s, &d.set[i], r1, sizeof(r1)));
		put_para(fp, num, (int)strlen(num), buf);
		for (unsigned k = 0; k < s->n_steps; k++)
			put_para(fp, "     - ", 7, s->steps[k]);
		/* The article's ranges, so a person sees where they can progress. */
		fprintf(fp, "     range: %s\n", words_set_range(s, r2, sizeof(r2)));
		if (s->rest)
			fprintf(fp, "     rest %s between reps\n",
			        words_seconds(s->rest, r1, sizeof(r1)));
		if (s->sides != CAT_SIDES_NONE && s->switch_s)
			fprintf(fp, "     %s to switch sides\n",
			        words_seconds(s->switch_s, r1, sizeof(r1)));
		if (s->rest_after && i + 1 < ex->n_sets)
			fprintf(fp, "     rest %s before the next set\n",
			        words_seconds(s->rest_after, r1, sizeof(r1)));
	}
	fprintf(fp, "\nFrequency: %s\n",
	        words_frequency(&ex->freq, WORDS_WITH_WHEN, buf, sizeof(buf)));
	fprintf(fp, "Length: %s at %s (with %u s to get ready)\n",
	        plan_format_clock(plan_seconds_at(cat, exercise, dose), clock, sizeof(clock)), at,
	        ex->prepare);
	if (cat_video(cat, ex) != NULL)
		fprintf(fp, "Video: %s\n", cat_escape(buf, sizeof(buf), cat_video(cat, ex)));
}

void cli_show_routine(FILE *fp, const struct catalogue *cat, unsigned routine,
                      const struct plan_dose *dose)
{
	const struct cat_routine *r = &cat->routines[routine];
	char clock[16];
	int wname = 4;

	for (unsigned k = 0; k < r->n_exercises; k++) {
		int b = (int)strlen(cat->exercises[r->exercises[k]].name);
		wname = b > wname ? b : wname;
	}
	fprintf(fp, "%s (%s)\nA routine of %u exercise%s, in this order:\n", r->name, r->id,
	        r->n_exercises, r->n_exercises == 1 ? "" : "s");
	for (unsigned k = 0; k < r->n_exercises; k++) {
		const struct cat_exercise *ex = &cat->exercises[r->exercises[k]];

		fprintf(fp, "  %u. %-*s  %6s  %s\n", k + 1, wname, ex->name,
		        plan_format_clock(plan_seconds_at(cat, r->exercises[k], dose), clock,
		                          sizeof(clock)),
		        ex->id);
	}
	if (dose->forced)
		fprintf(fp, "\nLength: %s at %s level\n",
		        plan_format_clock(routine_seconds(cat, r, dose), clock, sizeof(clock)),
		        cat_level_name(dose->level));
	else
		fprintf(fp, "\nLength: %s, each exercise at its step\n",
		        plan_format_clock(routine_seconds(cat, r, dose), clock, sizeof(clock)));
	if (cat->video != NULL) {
		char safe[4 * CAT_MAX_STRING];

		fprintf(fp, "Video: %s\n", cat_escape(safe, sizeof(safe), cat->video));
	}
}

/* ---- --plan ------------------------------------------------------------------ */

/* The rep column: "i/n" for hold work, the rep count for reps work, else "-". */
static const char *rep_text(const struct catalogue *cat, const struct plan_phase *ph, char *buf,
                            size_t len)
{
	if (ph->kind != PLAN_WORK || ph->set < 0)
		return "-";
	const struct cat_set *s = &cat->exercises[ph->exercise].sets[ph->set];
	if (s->mode == CAT_MODE_HOLD)
		snprintf(buf, len, "%u/%u", ph->rep, ph->reps);
	else if (s->mode == CAT_MODE_REPS)
		snprintf(buf, len, "%u", ph->reps);
	else
		return "-";
	return buf;
}

void cli_plan(FILE *fp, const struct catalogue *cat, const struct plan *plan, bool tsv)
{
	char rep[32], c1[16], c2[16], setno[16];
	int wid = 8, wset = 3;

	if (tsv) {
		fprintf(fp, "#offset\tseconds\tkind\texercise\tset\tside\trep\n");
		for (size_t i = 0; i < plan->n; i++) {
			const struct plan_phase *ph = &plan->phases[i];
			if (ph->set < 0)
				snprintf(setno, sizeof(setno), "-");
			else
				snprintf(setno, sizeof(setno), "%d", ph->set + 1);
			fprintf(fp, "%u\t%u\t%s\t%s\t%s\t%s\t%s\n", ph->offset, ph->seconds,
			        plan_kind_name(ph->kind), cat->exercises[ph->exercise].id, setno,
			        plan_side_name(ph->side), rep_text(cat, ph, rep, sizeof(rep)));
		}
		fprintf(fp, "#total\t%u\n", plan->total);
		return;
	}

	for (size_t i = 0; i < plan->n; i++) {
		const struct plan_phase *ph = &plan->phases[i];
		const struct cat_exercise *ex = &cat->exercises[ph->exercise];
		int a = (int)strlen(ex->id);
		wid = a > wid ? a : wid;
		if (ph->set >= 0) {
			int b = (int)strlen(ex->sets[ph->set].name);
			wset = b > wset ? b : wset;
		}
	}
	/*
	 * The set's name gives way (cut with an ellipsis) so that a line fits
	 * CLI_WIDTH: start (H:MM:SS), length, phase, the id, side and rep
	 * ("10/10") take the rest.
	 */
	if (wset > CLI_WIDTH - 7 - 2 - 6 - 2 - 7 - 2 - wid - 2 - 2 - 5 - 2 - 5)
		wset = CLI_WIDTH - 7 - 2 - 6 - 2 - 7 - 2 - wid - 2 - 2 - 5 - 2 - 5;
	if (wset < 8)
		wset = 8;

	fprintf(fp, "%7s  %6s  %-7s  %-*s  %-*s  %-5s  %s\n", "start", "length", "phase", wid,
	        "exercise", wset, "set", "side", "rep");
	for (size_t i = 0; i < plan->n; i++) {
		const struct plan_phase *ph = &plan->phases[i];
		const struct cat_exercise *ex = &cat->exercises[ph->exercise];
		const char *set = ph->set >= 0 ? ex->sets[ph->set].name : "-";
		fprintf(fp, "%7s  %6s  %-7s  %-*s  ", plan_format_clock(ph->offset, c1, sizeof(c1)),
		        plan_format_clock(ph->seconds, c2, sizeof(c2)), plan_kind_name(ph->kind),
		        wid, ex->id);
		put_cell(fp, set, wset, true);
		fprintf(fp, "  %-5s  %s\n", plan_side_name(ph->side),
		        rep_text(cat, ph, rep, sizeof(rep)));
	}
	fprintf(fp, "Total %s (%u exercise%s, %s%s)\n",
	        plan_format_clock(plan->total, c1, sizeof(c1)), plan->n_exercises,
	        plan->n_exercises == 1 ? "" : "s",
	        plan->forced ? cat_level_name(plan->level) : "each at its step",
	        plan->forced ? " level" : "");
}

/* ---- --history ------------------------------------------------------------------ */

/* A day's average score, or `-` when no entry carries one. */
static void tsv_score(FILE *fp, double v, char end)
{
	if (v >= 0.0)
		fprintf(fp, "%.1f%c", v, end);
	else
		fprintf(fp, "-%c", end);
}

static void history_tsv(FILE *fp, const struct hist_summary *s)
{
	char day[16];

	fprintf(fp, "#date\tdone\tpartial\tactive_seconds\tdue_done\tdue\tpain\tstopped\t"
	            "pain_before\n");
	for (size_t i = 0; i < s->n_days; i++) {
		const struct hist_day *d = &s->days[i];
		fprintf(fp, "%s\t%u\t%u\t%llu\t%u\t%u\t", hist_format_day(d->day, day, sizeof(day)),
		        d->done, d->partial, (unsigned long long)d->active_s, d->done_units,
		        d->due_units);
		tsv_score(fp, hist_day_pain(d), '\t');
		fprintf(fp, "%u\t", d->stopped);
		tsv_score(fp, hist_day_pain_before(d), '\n');
	}
}

void cli_history(FILE *fp, const struct catalogue *cat, const struct hist_summary *s,
                 const struct prg_result *steps, const char *path, bool tsv)
{
	char day[16], count[48], safe[4 * 4096];
	int wid = 8;

	if (tsv) {
		locale_t old = file_c_numbers_begin(); /* for machines: 2.5, never 2,5 */
		history_tsv(fp, s);
		file_c_numbers_end(old);
		return;
	}
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		int a = (int)strlen(cat->exercises[i].id);
		wid = a > wid ? a : wid;
	}

	fprintf(fp, "History: %s\n", cat_escape(safe, sizeof(safe), path));
	fprintf(fp, "Today %s: %llu min active\n\n", hist_format_day(s->today, day, sizeof(day)),
	        (unsigned long long)(s->today_active_s + 30) / 60);
	fprintf(fp, "%-*s  %-14s  %-3s  %-14s  %6s  %7s  %s\n", wid, "exercise", "done", "", "also",
	        "7 days", "30 days", "step");
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		const struct hist_ex_stat *st = &s->ex[i];
		char other[32];
		/* The period the frequency does not name, for the whole picture. */
		if (cat->exercises[i].freq.per == CAT_PER_WEEK)
			snprintf(other, sizeof(other), "%u today", st->today);
		else
			snprintf(other, sizeof(other), "%u this week", st->week);
		char step[16] = "-";
		if (steps)
			words_step_short(steps[i].k, steps[i].steps, step, sizeof(step));
		fprintf(fp, "%-*s  %-14s  %-3s  %-14s  %5u%%  %6u%%  %s\n", wid,
		        cat->exercises[i].id,
		        words_count(&cat->exercises[i], st, count, sizeof(count)),
		        st->due ? "due" : "", other, st->pct7, st->pct30, step);
	}
	fprintf(fp, "\nStreak: %u day%s (best %u)\n", s->streak, s->streak == 1 ? "" : "s",
	        s->best_streak);
	if (!s->has_pain) {
		fprintf(fp, "Pain: no scores yet\n");
	} else if (!hist_pain_trend(s)) {
		fprintf(fp, "Pain: %.1f on average so far (a trend needs two weeks of scores)\n",
		        s->pain_last);
	} else {
		double d = s->pain_last - s->pain_first;
		fprintf(fp, "Pain: first week %.1f, last week %.1f (%s)\n", s->pain_first,
		        s->pain_last,
		        d <= -0.5  ? "better"
		        : d >= 0.5 ? "worse"
		                   : "about the same");
	}
}

/* ---- lumbar why ------------------------------------------------------------------ */

/* Alone: the rules and their numbers, and where those come from. */
static void why_rules(FILE *fp, const struct prg_params *p)
{
	char buf[512];

	put_para(fp, "", 0, words_progression_rule);
	fputc('\n', fp);
	snprintf(buf, sizeof(buf),
	         "Acceptable: done (%d%% of the work time or more) with pain after %d or less, "
	         "or at most the smaller of %d and pain before + %d.",
	         PRG_DONE_PERCENT, p->green_pain, p->green_cap, p->green_rise);
	put_para(fp, "- ", 2, buf);
	snprintf(buf, sizeof(buf),
	         "Hurts (steps back one at once): stopped, or pain after %d or more, or %d or "
	         "more and %d above pain before.",
	         p->red_pain, p->red_rise_pain, p->red_rise);
	put_para(fp, "- ", 2, buf);
	snprintf(buf, sizeof(buf),
	         "Step up: acceptable sessions on %u different days (%u for a weekly exercise), "
	         "none that hurt in the last %u days, no bad morning since, and %u days since "
	         "the step last changed or since the first session.",
	         p->greens, p->greens_weekly, p->red_free_days, p->wait_days);
	put_para(fp, "- ", 2, buf);
	snprintf(buf, sizeof(buf),
	         "Bad morning: a check-in of %d or more, or %d above the previous day's "
	         "average pain before.",
	         p->bad_morning_pain, p->bad_morning_rise);
	put_para(fp, "- ", 2, buf);
	fputc('\n', fp);
	put_para(fp, "", 0,
	         "Every number is lumbar's own default (config.yaml's progression: changes "
	         "them), not a clinical fact. Sources: the pain-monitoring model (Silbernagel "
	         "2007; pain up to 5 after exercise is acceptable), validated for Achilles "
	         "tendinopathy, not the back; 2 points on the 0-10 scale as the smallest change "
	         "that matters for back pain (Ostelo 2008); exercise that hurts a little is not "
	         "worse than pain-free exercise (Smith 2017). See PROGRESSION in lumbar(1).");
}

/* A piece of why_exercise()'s text, on the command's 80 columns. */
static void why_put(void *ctx, enum why_piece piece, const char *text)
{
	FILE *fp = ctx;

	if (piece == WHY_PARA)
		put_para(fp, "", 0, text);
	else
		fprintf(fp, "%s\n", text);
}

void cli_why(FILE *fp, const struct catalogue *cat, int ex, const struct prg_result *res,
             const struct hist *h, const struct prg_params *p, int32_t today)
{
	if (ex < 0)
		why_rules(fp, p);
	else
		why_exercise(cat, (unsigned)ex, res, h, p, today, why_put, fp);
}

/* ---- Damaged lines -------------------------------------------------------------- */

void cli_damage_line(void *ctx, unsigned line, const char *why)
{
	struct cli_damage *d = ctx;
	char safe[4 * 4096 + 1];

	if (++d->n <= CLI_DAMAGE_SHOWN)
		fprintf(stderr, "%s:%u: %s\n", cat_escape(safe, sizeof(safe), d->path), line, why);
}

void cli_damage_end(const struct cli_damage *d)
{
	char safe[4 * 4096 + 1];

	if (d->n > CLI_DAMAGE_SHOWN)
		fprintf(stderr, "%s: %u more damaged lines skipped, not shown\n",
		        cat_escape(safe, sizeof(safe), d->path), d->n - CLI_DAMAGE_SHOWN);
}

/* ---- lumbar progress ------------------------------------------------------------ */

void cli_progress(FILE *fp, const struct catalogue *cat, const struct prg_result *res,
                  const unsigned *only, unsigned n, bool tsv)
{
	char text[1024], first[CAT_MAX_ID + 8], since[16];
	int wid = 8;
	unsigned all[CAT_MAX_EXERCISES];

	if (only == NULL) {
		for (n = 0; n < cat->n_exercises; n++)
			all[n] = n;
		only = all;
	}

	if (tsv) {
		fprintf(fp, "#exercise\tstep\tsteps\tstate\tsince\n");
		for (unsigned k = 0; k < n; k++) {
			unsigned i = only[k];

			if (res[i].since == PRG_NO_DAY)
				snprintf(since, sizeof(since), "-");
			else
				hist_format_day(res[i].since, since, sizeof(since));
			fprintf(fp, "%s\t%u\t%u\t%s\t%s\n", cat->exercises[i].id, res[i].k,
			        res[i].steps, prg_state_name(res[i].state), since);
		}
		return;
	}
	/*
	 * Within 80 columns (issue 20 §2): the rule first, then each exercise's
	 * id beside its step and dose in words, wrapped under the column, and
	 * its state on the next line. An id longer than the column has a line
	 * of its own.
	 */
	put_para(fp, "", 0, words_progression_rule);
	fputc('\n', fp);
	for (unsigned k = 0; k < n; k++) {
		int a = (int)strlen(cat->exercises[only[k]].id);

		wid = a > wid ? a : wid;
	}
	if (wid > CLI_PROGRESS_ID)
		wid = CLI_PROGRESS_ID;
	for (unsigned k = 0; k < n; k++) {
		unsigned i = only[k];
		const struct cat_exercise *ex = &cat->exercises[i];

		if ((int)strlen(ex->id) > wid) {
			fprintf(fp, "%s\n", ex->id);
			snprintf(first, sizeof(first), "%*s", wid + 2, "");
		} else {
			snprintf(first, sizeof(first), "%-*s  ", wid, ex->id);
		}
		put_para(fp, first, wid + 2, words_step_dose(ex, res[i].k, text, sizeof(text)));
		/* "fixed dose" is said once: the step already says it. */
		if (res[i].steps > 0 || res[i].state != PRG_TOP) {
			snprintf(first, sizeof(first), "%*s", wid + 2, "");
			put_para(fp, first, wid + 2, res[i].words);
		}
	}
}

/* ---- lumbar log ----------------------------------------------------------------- */

void cli_logged(FILE *fp, const struct catalogue *cat, const struct plan *plan,
                const struct hist_entry *e, unsigned n, int32_t today, const char *path)
{
	char date[16], safe[4 * 4096], work[32], step[48], said[128];

	if (n == 0)
		return;
	hist_format_day(e[0].day, date, sizeof(date));
	fprintf(fp, "Logged for %s%s: %s, recorded in %s\n", date,
	        e[0].day == today       ? " (today)"
	        : e[0].day == today - 1 ? " (yesterday)"
	                                : "",
	        hist_result_name(e[0].status), cat_escape(safe, sizeof(safe), path));
	for (unsigned i = 0; i < n; i++) {
		const struct cat_exercise *ex = &cat->exercises[plan->exercises[i]];

		if (e[i].step.kind == HIST_STEP_INDEX && e[i].step.n == 0)
			snprintf(step, sizeof(step), "a fixed dose");
		else if (e[i].step.kind == HIST_STEP_INDEX)
			words_step(e[i].step.k, e[i].step.n, step, sizeof(step));
		else if (e[i].step.kind == HIST_STEP_LEVEL)
			snprintf(step, sizeof(step), "the %s level",
			         cat_level_name(e[i].step.level));
		else
			step[0] = '\0';
		fprintf(fp, "  %s: %s of work%s%s\n", ex->name,
		        words_seconds(e[i].active_s, work, sizeof(work)), *step ? " at " : "",
		        step);
	}
	if (e[0].pain_before != HIST_NO_PAIN || e[0].pain != HIST_NO_PAIN) {
		fprintf(fp, "Pain:");
		if (e[0].pain_before != HIST_NO_PAIN)
			fprintf(fp, " %d/10 before%s", e[0].pain_before,
			        e[0].pain != HIST_NO_PAIN ? "," : "");
		if (e[0].pain != HIST_NO_PAIN)
			fprintf(fp, " %d/10 after", e[0].pain);
		fprintf(fp, "\n");
	}
	fprintf(fp, "%s\n", words_log_rule);
	if (e[0].pain < EV_SAFETY_STOP_PAIN)
		return;
	fprintf(fp, "\n%s\n\n", words_log_safety(e[0].day == today, said, sizeof(said)));
	cli_safety(fp);
}

void cli_safety(FILE *fp)
{
	fprintf(fp, "%s\n\n%s\n", words_safety_title, words_safety_intro);
	for (int i = 0; i < WORDS_SAFETY_LISTS; i++) {
		fprintf(fp, "\n%s\n", words_safety[i].head);
		for (size_t k = 0; words_safety[i].items[k] != NULL; k++)
			fprintf(fp, " - %s\n", words_safety[i].items[k]);
	}
}
