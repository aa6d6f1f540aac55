/*
 * fuzz_catalogue.c - libFuzzer target: bytes in memory -> load -> validate
 * -> plan at every level -> free. Any crash, sanitizer report or leak is a
 * finding; a clean rejection is not.
 */
#include <stddef.h>
#include <stdint.h>

#include "catalogue_load.h"
#include "plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalogue *cat = NULL;
	struct cat_error err;

	if (cat_load_buffer((const char *)data, size, &cat, &err) != CAT_OK)
		return 0;
	for (int level = CAT_LEVEL_EASY; level <= CAT_LEVEL_HARD; level++) {
		struct plan plan;
		if (plan_build_all(cat, (enum cat_level)level, &plan) == 0)
			plan_free(&plan);
	}
	cat_free(cat);
	return 0;
}
