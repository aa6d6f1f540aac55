/*
 * fuzz.h - what the libFuzzer targets of the person's files share: the
 * shipped catalogue, loaded once, and a warning callback that drops what a
 * reader says about damaged lines. Header-only: each target is one program.
 */
#ifndef LUMBAR_FUZZ_H
#define LUMBAR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "catalogue_load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline void fuzz_ignore(void *ctx, unsigned line, const char *why)
{
	(void)ctx;
	(void)line;
	(void)why;
}

/* The built-in catalogue, loaded at the first call; NULL if it does not load. */
static inline const struct catalogue *fuzz_catalogue(void)
{
	static struct catalogue *cat;
	struct cat_error err;

	if (!cat && cat_load_buffer(cat_builtin_yaml, cat_builtin_yaml_len, &cat, &err) != CAT_OK)
		cat = NULL;
	return cat;
}

#endif
