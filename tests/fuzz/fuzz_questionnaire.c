/*
 * fuzz_questionnaire.c - libFuzzer target: bytes in memory -> the
 * questionnaire loader (issue 22 §1). Any crash, sanitizer report, leak or
 * slow input is a finding; a clean rejection is not.
 */
#include <stddef.h>
#include <stdint.h>

#include "questionnaire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct questionnaire q;
	struct cat_error err;

	if (size > Q_MAX_FILE)
		return 0;
	(void)q_load_buffer((const char *)data, size, &q, &err);
	return 0;
}
