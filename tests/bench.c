/*
 * bench.c - in-process figures for `make bench`: how long loading,
 * validating and planning take. Prints "name median_us target_us" rows that
 * tests/bench.sh turns into the report table.
 *
 * Usage: bench [HISTORY_FILE]
 * With a history file, also how long reading it and computing the figures
 * take, and how long deriving every exercise's step from it takes (issue 13).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalogue_load.h"
#include "history.h"
#include "plan.h"
#include "steps.h"

enum { RUNS = 41 };

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}

/* Load, validate and plan the whole routine once; returns microseconds. */
static double load_and_plan(const char *yaml, size_t len)
{
	struct catalogue *cat;
	struct cat_error err;
	struct plan plan;
	double t0 = now_us();

	if (cat_load_buffer(yaml, len, &cat, &err) != CAT_OK) {
		fprintf(stderr, "bench: catalogue does not load: %u:%u: %s\n", err.line, err.col,
		        err.msg);
		exit(1);
	}
	if (plan_build_all(cat, CAT_LEVEL_MEDIUM, &plan) != 0) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	plan_free(&plan);
	cat_free(cat);
	return now_us() - t0;
}

/* A catalogue of 100 exercises, each with three sets and ten steps. */
static char *big_catalogue(size_t *len)
{
	size_t cap = 1 << 20, n = 0;
	char *buf = malloc(cap);

	if (!buf)
		exit(1);
	n += (size_t)snprintf(buf + n, cap - n, "version: 1\nexercises:\n");
	for (int i = 0; i < CAT_MAX_EXERCISES; i++) {
		n += (size_t)snprintf(buf + n, cap - n,
		                      "  - id: exercise-%d\n"
		                      "    name: Exercise number %d\n"
		                      "    summary: A generated exercise for the benchmark.\n"
		                      "    position: Lie on your back with your knees bent.\n"
		                      "    frequency: { times: 2, times_max: 3, per: day }\n"
		                      "    steps:\n",
		                      i, i);
		for (int s = 0; s < 10; s++)
			n += (size_t)snprintf(
			    buf + n, cap - n,
			    "      - Step %d, described in a sentence of words.\n", s + 1);
		n += (size_t)snprintf(buf + n, cap - n,
		                      "    sets:\n"
		                      "      - { name: Hold, mode: hold, hold: 5, hold_max: 10, "
		                      "reps: 2, reps_max: 3, sides: alternate, rest: 2 }\n"
		                      "      - { name: Reps, mode: reps, reps: 10, tempo: 3s, "
		                      "sides: each }\n"
		                      "      - { name: Timed, mode: timed, duration: 30, "
		                      "duration_max: 1m30s }\n");
	}
	*len = n;
	return buf;
}

/* Read a history file and compute every figure the menu shows. */
static double history_read(const char *path, const struct catalogue *cat, size_t *lines)
{
	struct hist h;
	struct hist_summary sum;
	struct hist_error err;
	double t0 = now_us();

	if (hist_load(path, &h, NULL, NULL, &err) != 0 ||
	    hist_summarize(&h, cat, time(NULL), &sum) != 0) {
		fprintf(stderr, "bench: %s: cannot read the history\n", path);
		exit(1);
	}
	*lines = h.n;
	hist_summary_free(&sum);
	hist_free(&h);
	return now_us() - t0;
}

/* Derive every exercise's step from a loaded history; returns microseconds. */
static double steps_from(const struct hist *h, const struct catalogue *cat)
{
	struct prg_result res[CAT_MAX_EXERCISES];
	struct steps_rules rules;
	struct ev_log ev = { 0 };
	double t0 = now_us();

	steps_rules(&rules, cat, NULL);
	if (steps_derive(cat, h, &ev, &rules, hist_today(time(NULL)), res) != 0) {
		fprintf(stderr, "bench: out of memory\n");
		exit(1);
	}
	return now_us() - t0;
}

int main(int argc, char **argv)
{
	double t[RUNS];
	size_t big_len;
	char *big = big_catalogue(&big_len);

	for (int i = 0; i < RUNS; i++)
		t[i] = load_and_plan(cat_builtin_yaml, cat_builtin_yaml_len);
	printf("load_plan_shipped_us %.0f 2000\n", median(t, RUNS));

	for (int i = 0; i < RUNS; i++)
		t[i] = load_and_plan(big, big_len);
	printf("load_plan_100_us %.0f 20000\n", median(t, RUNS));

	free(big);

	if (argc > 1) {
		struct catalogue *cat;
		struct cat_error err;
		size_t lines = 0;
		if (cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err) != CAT_OK)
			return 1;
		for (int i = 0; i < RUNS; i++)
			t[i] = history_read(argv[1], cat, &lines);
		printf("history_read_us %.0f 20000 %zu\n", median(t, RUNS), lines);

		struct hist h;
		struct hist_error herr;
		if (hist_load(argv[1], &h, NULL, NULL, &herr) != 0)
			return 1;
		for (int i = 0; i < RUNS; i++)
			t[i] = steps_from(&h, cat);
		printf("steps_derive_us %.0f 5000 %zu\n", median(t, RUNS), h.n);
		hist_free(&h);
		cat_free(cat);
	}
	return 0;
}
