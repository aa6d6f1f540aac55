/*
 * fuzz_report.c - libFuzzer target for the report's inputs: the bytes up to
 * the first NUL are a history, the rest an events file; both parsed
 * (damaged lines skipped), the report built over the 8 weeks before a fixed
 * day against the shipped catalogue, and written in each format. What comes
 * out must hold no control byte but line ends: text from the files is
 * escaped (a finding is an abort()).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct catalogue *cat = fuzz_catalogue();
	struct hist h;
	struct ev_log ev;
	struct hist_error err;
	struct report r;
	const char *text = (const char *)data;
	const char *nul = memchr(text, '\0', size);
	size_t hlen = nul ? (size_t)(nul - text) : size;
	/* A fixed today keeps runs reproducible: 2026-11-26. */
	const int32_t today = hist_day_from_civil(2026, 11, 26);
	int32_t from;

	if (!cat)
		return 0;
	if (hist_parse(text, hlen, &h, fuzz_ignore, NULL, &err) != 0)
		return 0;
	if (ev_parse(nul ? nul + 1 : "", nul ? size - hlen - 1 : 0, &ev, fuzz_ignore, NULL, &err) !=
	    0) {
		hist_free(&h);
		return 0;
	}
	if (rep_period_weeks(today, REP_DEFAULT_WEEKS, &from) != 0)
		abort();
	rep_build(cat, &h, &ev, from, today, &r);
	for (int fmt = REP_MD; fmt <= REP_CSV; fmt++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&buf, &len);
		if (!fp)
			abort();
		if (rep_write(fp, &r, (enum rep_format)fmt) != 0 || fclose(fp) != 0)
			abort();
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)buf[i];
			if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7f)
				abort();
		}
		free(buf);
	}
	rep_free(&r);
	ev_free(&ev);
	hist_free(&h);
	return 0;
}
