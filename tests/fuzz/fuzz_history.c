/*
 * fuzz_history.c - libFuzzer target for the history reader: bytes in memory
 * -> parse (damaged lines reported and skipped) -> every figure of the
 * summary against the shipped catalogue -> free.
 */
#include <stddef.h>
#include <stdint.h>

#include "fuzz.h"
#include "history.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct catalogue *cat = fuzz_catalogue();
	struct hist h;
	struct hist_summary sum;
	struct hist_error err;

	if (!cat)
		return 0;
	if (hist_parse((const char *)data, size, &h, fuzz_ignore, NULL, &err) != 0)
		return 0;
	/* A fixed "now" keeps runs reproducible: 2026-11-26 07:00 UTC. */
	if (hist_summarize(&h, cat, (time_t)1795676400, &sum) == 0)
		hist_summary_free(&sum);
	hist_free(&h);
	return 0;
}
