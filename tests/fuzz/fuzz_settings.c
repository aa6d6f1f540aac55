/*
 * fuzz_settings.c - libFuzzer target: bytes in memory -> the settings
 * loader -> free. Any crash, sanitizer report, leak or slow input is a
 * finding; a clean rejection is not.
 */
#include <stddef.h>
#include <stdint.h>

#include "settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	struct cat_error err;

	if (size > SETTINGS_MAX_FILE)
		return 0;
	if (settings_load_buffer((const char *)data, size, &s, &err) == CAT_OK)
		settings_free(&s);
	return 0;
}
