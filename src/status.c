/*
 * status.c - `lumbar status`: a few lines of text, or the one JSON line of
 * `--format=json`.
 */
#include "status.h"

#include <string.h>

void status_json_string(FILE *fp, const char *s)
{
	fputc('"', fp);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\u%04x", *p);
		else
			fputc(*p, fp);
	}
	fputc('"', fp);
}

void status_json(FILE *fp, const struct status_info *in)
{
	char day[16];

	fputs("{\"due\":[", fp);
	for (unsigned i = 0; i < in->due->n; i++) {
		if (i)
			fputc(',', fp);
		status_json_string(fp, in->cat->exercises[in->due->idx[i]].id);
	}
	fprintf(
	    fp,
	    "],\"due_count\":%u,\"due_minutes\":%u,\"today\":%u,\"done_today\":%u,\"streak\":%u,",
	    in->due->n, (in->due->seconds + 59) / 60, in->today, in->today, in->streak);
	fprintf(fp,
	        "\"playing\":%s,\"paused\":%s,\"paused_until\":", in->playing ? "true" : "false",
	        in->paused ? "true" : "false");
	if (in->paused)
		status_json_string(fp, hist_format_day(in->paused_until, day, sizeof(day)));
	else
		fputs("null", fp);
	fputs("}\n", fp);
}

void status_text(FILE *fp, const struct status_info *in)
{
	char day[16], name[512], more[32];

	if (in->paused)
		fprintf(fp, "Paused until %s: nothing is due\n",
		        hist_format_day(in->paused_until, day, sizeof(day)));
	else if (in->due->n == 0)
		fputs("Nothing due\n", fp);
	else {
		int used = fprintf(fp, "Due: %u exercise%s, %u min:", in->due->n,
		                   in->due->n == 1 ? "" : "s", (in->due->seconds + 59) / 60);
		/* Names while they fit STATUS_WIDTH, then how many more. */
		for (unsigned i = 0; i < in->due->n; i++) {
			size_t w = strlen(cat_escape(name, sizeof(name),
			                             in->cat->exercises[in->due->idx[i]].name));
			snprintf(more, sizeof(more), ", +%u more", in->due->n - i - 1);
			if (i > 0 &&
			    (size_t)used + 2 + w + (i + 1 < in->due->n ? strlen(more) : 0) >
			        STATUS_WIDTH) {
				fprintf(fp, ", +%u more", in->due->n - i);
				break;
			}
			used += fprintf(fp, "%s %s", i ? "," : "", name);
		}
		fputc('\n', fp);
	}
	fprintf(fp, "Done today: %u, streak: %u day%s\n", in->today, in->streak,
	        in->streak == 1 ? "" : "s");
	if (in->playing)
		fputs("A routine is playing\n", fp);
}
