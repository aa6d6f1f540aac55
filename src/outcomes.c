/*
 * outcomes.c - answers to questionnaires, the person's activities, the
 * weeks, the marks of change and the offer rule; see outcomes.h.
 */
#include "outcomes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Answers ---------------------------------------------------------------------- */

int out_parse_answers(const char *note, int *answers, unsigned max)
{
	unsigned n = 0;
	const char *p = note;

	if (*p == '\0')
		return 0;
	for (;;) {
		int a;

		if (n == max)
			return -1;
		if (*p == '-') {
			a = OUT_NO_ANSWER;
			p++;
		} else if (*p >= '0' && *p <= '9') {
			/* 0..100, no leading zero. */
			a = 0;
			if (*p == '0' && p[1] >= '0' && p[1] <= '9')
				return -1;
			for (; *p >= '0' && *p <= '9'; p++) {
				a = a * 10 + (*p - '0');
				if (a > Q_MAX_SCALE)
					return -1;
			}
		} else {
			return -1;
		}
		answers[n++] = a;
		if (*p == '\0')
			return (int)n;
		if (*p++ != ',')
			return -1;
	}
}

int out_format_answers(const int *answers, unsigned n, char *buf, size_t len)
{
	size_t used = 0;

	if (n == 0 || len == 0)
		return -1;
	buf[0] = '\0';
	for (unsigned i = 0; i < n; i++) {
		int w = answers[i] == OUT_NO_ANSWER
		            ? snprintf(buf + used, len - used, "%s-", i ? "," : "")
		            : snprintf(buf + used, len - used, "%s%d", i ? "," : "", answers[i]);
		if (w < 0 || (size_t)w >= len - used) {
			buf[0] = '\0';
			return -1;
		}
		used += (size_t)w;
	}
	return 0;
}

const char *out_answers_check(const struct questionnaire *q, const int *answers, unsigned n)
{
	static char why[96];

	if (q->max_active ? n > OUT_MAX_ANSWERS : n != q->n_items) {
		snprintf(why, sizeof(why), "%s has %u items, not %u", q->id, q->n_items, n);
		return why;
	}
	for (unsigned i = 0; i < n; i++) {
		if (answers[i] != OUT_NO_ANSWER && (answers[i] < q->min || answers[i] > q->max)) {
			snprintf(why, sizeof(why), "answers are whole numbers from %d to %d",
			         q->min, q->max);
			return why;
		}
	}
	return NULL;
}

/* ---- Activities ------------------------------------------------------------------------ */

/* The activity numbered `number` in a[0..n), or NULL. */
static struct out_activity *find_activity(struct out_activity *a, size_t n, unsigned number)
{
	for (size_t i = 0; i < n; i++)
		if (a[i].number == number)
			return &a[i];
	return NULL;
}

unsigned out_activity_number(const struct ev_event *e)
{
	unsigned n = 0;

	for (const char *p = e->value; *p >= '0' && *p <= '9' && n <= OUT_MAX_ACTIVITIES; p++)
		n = n * 10 + (unsigned)(*p - '0');
	return n;
}

static int by_number(const void *x, const void *y)
{
	const struct out_activity *a = x, *b = y;

	return a->number < b->number ? -1 : a->number > b->number;
}

size_t out_activities(const struct ev_log *ev, int32_t today, struct out_activity *out, size_t max)
{
	struct out_activity all[OUT_MAX_ACTIVITIES];
	size_t n = 0;

	for (size_t i = 0; i < ev->n; i++) {
		const struct ev_event *e = &ev->e[i];
		unsigned k = out_activity_number(e);
		struct out_activity *a;

		if (e->day > today)
			continue;
		if (e->kind == EV_ACTIVITY && k >= 1 && k <= OUT_MAX_ACTIVITIES &&
		    !find_activity(all, n, k)) {
			a = &all[n++];
			memset(a, 0, sizeof(*a));
			a->number = k;
			snprintf(a->words, sizeof(a->words), "%s", e->note);
			a->added = e->day;
			a->first = a->latest = OUT_NO_ANSWER;
		} else if (e->kind == EV_ACTIVITY_RETIRED && (a = find_activity(all, n, k))) {
			a->retired = true;
		} else if (e->kind == EV_OUTCOME && strcmp(e->exercise, Q_ACTIVITIES) == 0) {
			int ans[OUT_MAX_ANSWERS];
			int m = out_parse_answers(e->note, ans, OUT_MAX_ANSWERS);
			for (int j = 0; j < m; j++) {
				a = find_activity(all, n, (unsigned)j + 1);
				if (!a || ans[j] == OUT_NO_ANSWER)
					continue;
				if (a->first == OUT_NO_ANSWER) {
					a->first = ans[j];
					a->first_day = e->day;
				}
				a->latest = ans[j];
				a->latest_day = e->day;
			}
		}
	}
	qsort(all, n, sizeof(all[0]), by_number);
	if (n > max)
		n = max;
	memcpy(out, all, n * sizeof(all[0]));
	return n;
}

size_t out_active(const struct ev_log *ev, int32_t today, struct out_activity *out, size_t max)
{
	struct out_activity all[OUT_MAX_ACTIVITIES];
	size_t n = out_activities(ev, today, all, OUT_MAX_ACTIVITIES), k = 0;

	for (size_t i = 0; i < n && k < max; i++)
		if (!all[i].retired)
			out[k++] = all[i];
	return k;
}

unsigned out_next_number(const struct ev_log *ev)
{
	unsigned high = ev->activity_high;

	for (size_t i = 0; i < ev->n; i++)
		if (ev->e[i].kind == EV_ACTIVITY && out_activity_number(&ev->e[i]) > high)
			high = out_activity_number(&ev->e[i]);
	return high + 1;
}

/* ---- Weeks ------------------------------------------------------------------------------ */

int32_t out_monday(int32_t day)
{
	/* 1970-01-01 was a Thursday: day 0 is 3 days after a Monday. */
	int32_t since = (int32_t)(((int64_t)day + 3) % 7);

	if (since < 0)
		since += 7;
	return day - since;
}

void out_score(struct out_week *w, enum q_scoring scoring)
{
	double sum = 0;
	unsigned answered = 0;

	for (unsigned i = 0; i < w->n_items; i++) {
		if (w->item[i] != OUT_NO_ANSWER) {
			sum += w->item[i];
			answered++;
		}
	}
	w->have_score =
	    scoring == Q_SCORE_SUM ? answered == w->n_items && answered > 0 : answered > 0;
	w->score = !w->have_score ? 0 : scoring == Q_SCORE_SUM ? sum : sum / answered;
}

size_t out_weeks(const struct ev_log *ev, const struct questionnaire *q, int32_t today,
                 struct out_week *out, size_t max)
{
	const int32_t last = out_monday(today);
	int32_t first = INT32_MAX;
	unsigned items = q->max_active ? 0 : q->n_items;

	if (max == 0)
		return 0;
	for (size_t i = 0; i < ev->n; i++) {
		const struct ev_event *e = &ev->e[i];
		if (e->kind == EV_OUTCOME && e->day <= today && e->note[0] &&
		    strcmp(e->exercise, q->id) == 0 && out_monday(e->day) < first)
			first = out_monday(e->day);
	}
	if (first == INT32_MAX)
		return 0;
	size_t weeks = (size_t)((last - first) / 7 + 1);
	if (weeks > max)
		first = last - (int32_t)(max - 1) * 7;
	size_t n = weeks > max ? max : weeks;
	for (size_t k = 0; k < n; k++) {
		memset(&out[k], 0, sizeof(out[k]));
		out[k].monday = first + (int32_t)k * 7;
		out[k].n_items = items;
	}
	/* In time order: the last answer of a week wins. */
	for (size_t i = 0; i < ev->n; i++) {
		const struct ev_event *e = &ev->e[i];
		int ans[OUT_MAX_ANSWERS];
		int m;

		if (e->kind != EV_OUTCOME || e->day > today || out_monday(e->day) < first ||
		    strcmp(e->exercise, q->id) != 0)
			continue;
		m = out_parse_answers(e->note, ans, OUT_MAX_ANSWERS);
		if (m < 1)
			continue; /* skipped */
		struct out_week *w = &out[(out_monday(e->day) - first) / 7];
		w->present = true;
		for (unsigned j = 0; j < items && j < Q_MAX_ITEMS; j++)
			w->item[j] = (int)j < m ? ans[j] : OUT_NO_ANSWER;
		out_score(w, q->scoring);
	}
	return n;
}

const char *out_score_text(const struct out_week *w, enum q_scoring scoring, char *buf, size_t len)
{
	if (!w->present || !w->have_score)
		snprintf(buf, len, "-");
	else
		snprintf(buf, len, scoring == Q_SCORE_SUM ? "%.0f" : "%.1f", w->score);
	return buf;
}

/* ---- Marks of change ------------------------------------------------------------------- */

enum out_change out_change(double first, double latest, enum q_scoring scoring, int min, int max)
{
	double diff = latest - first, need;
	double size = diff < 0 ? -diff : diff;

	if (scoring == Q_SCORE_SUM) {
		if (first <= 0)
			return OUT_CHANGE_NONE;
		need = first * OUT_PERCENT / 100.0;
	} else {
		/* OUT_POINTS of a 0-10 scale: the same share of another range. */
		need = (double)OUT_POINTS * (max - min) / 10.0;
	}
	/* Figures are means of whole numbers: compare with a little slack. */
	if (size + 1e-9 < need)
		return OUT_CHANGE_NONE;
	return diff < 0 ? OUT_CHANGE_LOWER : OUT_CHANGE_HIGHER;
}

const char *out_change_words(double first, double latest, enum q_scoring scoring, int min, int max,
                             const char *than, char *buf, size_t len)
{
	enum out_change c = out_change(first, latest, scoring, min, max);
	const char *way = c == OUT_CHANGE_LOWER ? "lower" : "higher";
	double diff = latest > first ? latest - first : first - latest;

	if (c == OUT_CHANGE_NONE) {
		snprintf(buf, len, "%s", "");
	} else if (scoring == Q_SCORE_SUM) {
		snprintf(buf, len, "%.0f%% %s than %s", diff * 100.0 / first, way, than);
	} else if (diff == (double)(long)diff) {
		snprintf(buf, len, "%.0f point%s %s than %s", diff, diff == 1 ? "" : "s", way,
		         than);
	} else {
		snprintf(buf, len, "%.1f points %s than %s", diff, way, than);
	}
	return buf;
}

/* ---- The offer rule ----------------------------------------------------------------------- */

const struct questionnaire *out_offer(const struct q_set *set, const struct ev_log *ev,
                                      int32_t today, bool ask, enum out_place place)
{
	if (!ask || place != OUT_AT_MENU || !set)
		return NULL;
	for (size_t i = 0; i < ev->n; i++)
		if (ev->e[i].kind == EV_OUTCOME && ev->e[i].day == today)
			return NULL; /* answered or skipped today: one a day at most */
	for (size_t k = 0; k < set->n; k++) {
		const struct questionnaire *q = &set->q[k];
		int32_t last = INT32_MIN;

		for (size_t i = 0; i < ev->n; i++)
			if (ev->e[i].kind == EV_OUTCOME && ev->e[i].day <= today &&
			    strcmp(ev->e[i].exercise, q->id) == 0)
				last = ev->e[i].day;
		if (last != INT32_MIN && today - last < (int32_t)q->every_days)
			continue;
		if (q->max_active) {
			/* None active: offered to name one, while a number is left to give. */
			struct out_activity one[1];
			if (out_active(ev, today, one, 1) == 0 &&
			    out_next_number(ev) > OUT_MAX_ACTIVITIES)
				continue;
		}
		return q;
	}
	return NULL;
}
