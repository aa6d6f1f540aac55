/*
 * fuzz_events.c - libFuzzer target for the events file: bytes in memory ->
 * parse (damaged lines reported and skipped) -> every question asked of the
 * events (pauses, mornings, the safety screen, the banner, the reminder's
 * rule, each exercise's step) against the shipped catalogue -> free.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "fuzz.h"
#include "events.h"
#include "remind.h"
#include "steps.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct hist none;
	const struct catalogue *cat = fuzz_catalogue();
	struct ev_log ev;
	struct hist_error err;
	struct hist_pause *p;
	struct prg_params params;
	struct rem_config rc;
	/* A fixed "now" keeps runs reproducible: 2026-11-26 07:00 UTC. */
	const time_t now = (time_t)1795676400;
	const int32_t today = hist_today(now);
	int32_t until;

	if (!cat)
		return 0;
	if (ev_parse((const char *)data, size, &ev, fuzz_ignore, NULL, &err) != 0)
		return 0;
	prg_params_default(&params);
	rem_config_default(&rc);
	(void)ev_pauses(&ev, &p);
	free(p);
	(void)ev_paused_until(&ev, today, &until);
	(void)ev_bad_mornings(&none, &ev, &params, today - 400, today);
	(void)ev_banner_due(&none, &ev, &params, today);
	(void)ev_safety_due(&none, &ev, today);
	(void)ev_morning_due(&none, &ev, now);
	(void)rem_decide(&rc, &ev, 2, false, now);

	static struct steps_rules rules;
	static struct prg_result res[CAT_MAX_EXERCISES];
	steps_rules(&rules, cat, NULL);
	(void)steps_derive(cat, &none, &ev, &rules, today, res);
	ev_free(&ev);
	return 0;
}
