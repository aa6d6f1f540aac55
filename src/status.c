/*
 * status.c - the one JSON line of `lumbar status --format=json`.
 */
#include "status.h"

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
	fprintf(fp, "],\"due_count\":%u,\"due_minutes\":%u,\"today\":%u,\"streak\":%u,", in->due->n,
	        (in->due->seconds + 59) / 60, in->today, in->streak);
	fprintf(fp,
	        "\"playing\":%s,\"paused\":%s,\"paused_until\":", in->playing ? "true" : "false",
	        in->paused ? "true" : "false");
	if (in->paused)
		status_json_string(fp, hist_format_day(in->paused_until, day, sizeof(day)));
	else
		fputs("null", fp);
	fputs("}\n", fp);
}
