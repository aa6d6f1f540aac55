/*
 * fuzz_records.c - libFuzzer target for the record (records.h): bytes ->
 * a history file and an events file (split at the first form feed, or the
 * same bytes in both) -> the streaming reader, in 64 KiB pieces, as of now
 * and as of a day, every kind, the compact steps, and the report's kinds
 * with every line read -> steps, figures,
 * pauses and the events' rules -> free.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalogue_load.h"
#include "records.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void ignore(void *ctx, unsigned line, const char *why)
{
	(void)ctx;
	(void)line;
	(void)why;
}

static char dir[64], hpath[96], epath[96];

/* The files live in a folder of their own, removed at exit. */
static void clean(void)
{
	unlink(hpath);
	unlink(epath);
	rmdir(dir);
}

static int spit(const char *path, const uint8_t *data, size_t size)
{
	FILE *fp = fopen(path, "wb");

	if (!fp)
		return -1;
	size_t n = fwrite(data, 1, size, fp);
	return fclose(fp) == 0 && n == size ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct catalogue *cat;
	struct cat_error cerr;
	struct hist_error err;
	struct steps_rules rules;
	static struct prg_result res[CAT_MAX_EXERCISES];
	struct prg_params p;

	if (!cat && cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &cerr) != CAT_OK)
		return 0;
	if (!dir[0]) {
		snprintf(dir, sizeof(dir), "/tmp/lumbar-fuzz-records-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		snprintf(hpath, sizeof(hpath), "%s/history.tsv", dir);
		snprintf(epath, sizeof(epath), "%s/events.tsv", dir);
		atexit(clean);
	}
	const uint8_t *ff = memchr(data, '\f', size);
	size_t hlen = ff ? (size_t)(ff - data) : size;
	if (spit(hpath, data, hlen) != 0 ||
	    spit(epath, ff ? ff + 1 : data, ff ? size - hlen - 1 : size) != 0)
		return 0;

	/* A fixed "now" keeps runs reproducible: 2026-11-26 07:00 UTC. */
	const time_t now = (time_t)1795676400;
	steps_rules(&rules, cat, NULL);
	prg_params_default(&p);
	for (int pass = 0; pass < 3; pass++) {
		struct records r;
		struct hist_summary sum;
		struct rec_request q = { .history = hpath,
			                 .events = epath,
			                 .now = now,
			                 .as_of = pass == 1,
			                 .today = hist_today(now) - 3,
			                 .since = INT32_MIN,
			                 .kinds = pass == 1   ? REC_KINDS_PAUSES
			                          : pass == 2 ? REC_KINDS_REPORT
			                                      : 0,
			                 .steps = pass == 1,
			                 .every_line = pass == 2,
			                 .warn = ignore };
		if (rec_load(&r, &q, &err) != 0)
			continue;
		(void)rec_steps(&r, cat, &rules, res);
		if (rec_summary(&r, cat, &sum) == 0)
			hist_summary_free(&sum);
		(void)rec_paused(&r, NULL);
		(void)ev_banner_due(&r.h, &r.ev, &p, r.today);
		(void)ev_safety_due(&r.h, &r.ev, r.today);
		(void)ev_morning_due(&r.h, &r.ev, r.now);
		(void)rec_changed(&r, &q);
		rec_free(&r);
	}
	return 0;
}
