/*
 * ui.c - placeholder: the full-screen player lands with issue 4.
 */
#include <stdio.h>

#include "ui.h"

int ui_run(const struct ui_options *o)
{
	(void)o;
	fprintf(stderr, "lumbar: the full-screen timer is not built yet; use --list, --show or --plan\n");
	return 1;
}