/*
 * programme.c - the home-exercise sheet (`lumbar programme`): for each
 * exercise its figure, steps, today's dose in words and the steps ahead,
 * how often, and the article's cautions; then when to get help.
 *
 * The figures come from figure.c (SVG in HTML, Braille or ASCII text in
 * Markdown), the words from words.c, the escaping from report.c: nothing
 * here draws, words or escapes in a way of its own. No curses, no clock.
 */
#include "programme.h"
#include "progression.h"
#include "words.h"

#include <stdlib.h>
#include <string.h>

/* Each pose's picture on paper: the box's 48 x 32 at about 30 mm wide. */
enum { SVG_W = 112, SVG_H = 80 };

/* Text figures in Markdown: two poses a row, as `show` draws them. */
enum { MD_FIG_W = 24, MD_FIG_H = 8, MD_FIG_GAP = 2, MD_FIG_PER_ROW = 3 };

static const char advice[] = "General advice from a public article, not a physiotherapist's: "
                             "stop any exercise that increases your pain.";

static const char html_style[] =
    "<style>\n"
    "@page{size:A4;margin:10mm 12mm}\n"
    "body{font:8.5pt/1.3 sans-serif;color:#000;margin:0 auto;max-width:186mm}\n"
    "h1{font-size:14pt;margin:0 0 2pt}h2{font-size:10.5pt;margin:0 0 2pt}\n"
    "p{margin:2pt 0}ol,ul{margin:2pt 0;padding-left:13pt}\n"
    ".ex{display:grid;grid-template-columns:64mm 1fr;gap:4mm;border-top:0.5pt solid #888;"
    "padding:4pt 0;break-inside:avoid;page-break-inside:avoid}\n"
    ".fig{display:flex;flex-wrap:wrap;gap:1mm 2mm;align-content:flex-start}\n"
    ".fig svg{width:30mm;height:auto}.fig p{width:100%;margin:0;font-size:7.5pt;"
    "font-style:italic}\n"
    ".dose{margin:2pt 0;padding:0;list-style:none}.note{font-style:italic}\n"
    ".help{break-inside:avoid;page-break-inside:avoid;border-top:0.5pt solid #888;"
    "padding-top:4pt;columns:2;column-gap:6mm}\n"
    "</style>\n";

/* ---- Words shared by both formats ------------------------------------------------ */

/* "hold 5 s x 2 reps (step 1 of 2)": today's dose, and where it comes from. */
static void today_words(const struct prog_sheet *s, unsigned i, const struct prg_dose *d, char *buf,
                        size_t len)
{
	char dose[512], step[32];

	words_dose(&s->cat->exercises[i], d, dose, sizeof(dose));
	if (s->dose->forced)
		snprintf(buf, len, "%s (%s level)", dose, cat_level_name(s->dose->level));
	else if (d->steps == 0)
		snprintf(buf, len, "%s", dose); /* a ladder of one step: nothing to say */
	else
		snprintf(buf, len, "%s (%s)", dose, words_step(d->k, d->steps, step, sizeof(step)));
}

/*
 * The steps ahead: the next one, and the top of the ladder when it is
 * further; false when there is none (a forced level, or the top reached).
 */
static bool ahead_words(const struct prog_sheet *s, unsigned i, const struct prg_dose *d, char *buf,
                        size_t len)
{
	const struct cat_exercise *ex = &s->cat->exercises[i];
	struct prg_dose next, top;
	char a[512], b[512], step[32], last[32];

	if (s->dose->forced || d->k >= d->steps)
		return false;
	prg_dose(ex, d->k + 1, &next);
	words_dose(ex, &next, a, sizeof(a));
	if (d->k + 1 >= d->steps) {
		snprintf(buf, len, "next, and last, %s: %s",
		         words_step(d->k + 1, d->steps, step, sizeof(step)), a);
		return true;
	}
	prg_dose(ex, d->steps, &top);
	words_dose(ex, &top, b, sizeof(b));
	snprintf(buf, len, "next %s: %s; the last, %s: %s",
	         words_step(d->k + 1, d->steps, step, sizeof(step)), a,
	         words_step(d->steps, d->steps, last, sizeof(last)), b);
	return true;
}

/* ---- Markdown --------------------------------------------------------------------------- */

/* What the sheet says of an exercise under its steps: a label and its words each. */
struct fact {
	const char *label;
	const char *text;
	bool link; /* a web address: a link where the format has them */
};
enum { MAX_FACTS = 4 + CAT_MAX_CAUTIONS };
/* The words the facts point into. */
struct fact_words {
	char today[2048], ahead[2048], often[256];
};

/* Exercise i's facts, in the sheet's order, for every format; returns how many. */
static unsigned facts(const struct prog_sheet *s, unsigned i, struct fact_words *w, struct fact *f)
{
	const struct cat_exercise *ex = &s->cat->exercises[i];
	struct prg_dose d;
	unsigned n = 0;

	plan_dose_of(s->cat, s->dose, i, &d);
	today_words(s, i, &d, w->today, sizeof(w->today));
	f[n++] = (struct fact){ "Today", w->today, false };
	if (ahead_words(s, i, &d, w->ahead, sizeof(w->ahead)))
		f[n++] = (struct fact){ "Ahead", w->ahead, false };
	f[n++] =
	    (struct fact){ "How often",
		           words_frequency(&ex->freq, WORDS_WITH_WHEN, w->often, sizeof(w->often)),
		           false };
	for (unsigned j = 0; j < ex->n_cautions; j++)
		f[n++] = (struct fact){ "Take care", ex->cautions[j], false };
	if (ex->video != NULL)
		f[n++] = (struct fact){ "Video", ex->video, true };
	return n;
}

static void md_exercise(FILE *fp, const struct prog_sheet *s, unsigned k, enum fig_glyphs glyphs)
{
	unsigned i = s->exercises[k];
	const struct cat_exercise *ex = &s->cat->exercises[i];
	const struct fig_figure *figs[CAT_MAX_SETS];
	unsigned n_figs = cat_figures(ex, figs);
	char names[CAT_MAX_SETS * 64];
	struct fact_words w;
	struct fact fact[MAX_FACTS];
	unsigned n;

	fprintf(fp, "\n## %u. ", k + 1);
	rep_put_text(fp, REP_MD, ex->name);
	fputs("\n\n", fp);
	rep_put_text(fp, REP_MD, ex->summary);
	fputs("\n", fp);
	for (unsigned f = 0; f < n_figs; f++) {
		char *text = fig_poses_text(figs[f], MD_FIG_W, MD_FIG_H, MD_FIG_GAP, MD_FIG_PER_ROW,
		                            "", glyphs);

		if (n_figs > 1) {
			fputs("\n*", fp);
			rep_put_text(fp, REP_MD,
			             cat_figure_sets(ex, figs[f], names, sizeof(names)));
			fputs("*\n", fp);
		}
		fprintf(fp, "\n```text\n%s```\n", text);
		free(text);
	}
	if (ex->position) {
		fputs("\n**Starting position:** ", fp);
		rep_put_text(fp, REP_MD, ex->position);
		fputs("\n", fp);
	}
	fputs("\n", fp);
	for (unsigned j = 0; j < ex->n_steps; j++) {
		fprintf(fp, "%u. ", j + 1);
		rep_put_text(fp, REP_MD, ex->steps[j]);
		fputs("\n", fp);
	}
	n = facts(s, i, &w, fact);
	for (unsigned j = 0; j < n; j++) {
		fprintf(fp, "\n- **%s:** ", fact[j].label);
		rep_put_text(fp, REP_MD, fact[j].text);
	}
	fputs("\n", fp);
}

static void write_md(FILE *fp, const struct prog_sheet *s, enum fig_glyphs glyphs)
{
	fputs("# Home exercise programme: ", fp);
	rep_put_text(fp, REP_MD, s->title);
	fprintf(fp, "\n\n%s\n", advice);
	if (s->cat->video != NULL) {
		fputs("\nVideo of the whole routine: ", fp);
		rep_put_text(fp, REP_MD, s->cat->video);
		fputs("\n", fp);
	}
	for (unsigned k = 0; k < s->n; k++)
		md_exercise(fp, s, k, glyphs);
	fprintf(fp, "\n## %s\n\n%s\n", words_safety_title, words_safety_intro);
	for (unsigned l = 0; l < WORDS_SAFETY_LISTS; l++) {
		fprintf(fp, "\n%s\n\n", words_safety[l].head);
		for (const char *const *it = words_safety[l].items; *it; it++)
			fprintf(fp, "- %s\n", *it);
	}
}

/* ---- HTML ----------------------------------------------------------------------------------- */

/* A web address as a link that prints as its own text. */
static void html_link(FILE *fp, const char *url)
{
	fputs("<a href=\"", fp);
	rep_put_text(fp, REP_HTML, url);
	fputs("\">", fp);
	rep_put_text(fp, REP_HTML, url);
	fputs("</a>", fp);
}

static void html_figures(FILE *fp, const struct cat_exercise *ex)
{
	const struct fig_figure *figs[CAT_MAX_SETS];
	unsigned n_figs = cat_figures(ex, figs);
	char names[CAT_MAX_SETS * 64];

	fputs("<div class=\"fig\">", fp);
	for (unsigned f = 0; f < n_figs; f++) {
		if (n_figs > 1) {
			fputs("<p>", fp);
			rep_put_text(fp, REP_HTML,
			             cat_figure_sets(ex, figs[f], names, sizeof(names)));
			fputs("</p>", fp);
		}
		for (unsigned p = 0; p < figs[f]->n_poses; p++) {
			char *svg = fig_svg(&figs[f]->poses[p], figs[f]->view, SVG_W, SVG_H);

			fputs(svg, fp);
			free(svg);
		}
	}
	fputs("</div>\n", fp);
}

static void html_exercise(FILE *fp, const struct prog_sheet *s, unsigned k)
{
	unsigned i = s->exercises[k];
	const struct cat_exercise *ex = &s->cat->exercises[i];
	struct fact_words w;
	struct fact fact[MAX_FACTS];
	unsigned n;

	fputs("<section class=\"ex\">\n", fp);
	html_figures(fp, ex);
	fprintf(fp, "<div>\n<h2>%u. ", k + 1);
	rep_put_text(fp, REP_HTML, ex->name);
	fputs("</h2>\n<p>", fp);
	rep_put_text(fp, REP_HTML, ex->summary);
	if (ex->position) {
		fputs(" <b>Start:</b> ", fp);
		rep_put_text(fp, REP_HTML, ex->position);
	}
	fputs("</p>\n<ol>", fp);
	for (unsigned j = 0; j < ex->n_steps; j++) {
		fputs("<li>", fp);
		rep_put_text(fp, REP_HTML, ex->steps[j]);
		fputs("</li>", fp);
	}
	fputs("</ol>\n<ul class=\"dose\">", fp);
	n = facts(s, i, &w, fact);
	for (unsigned j = 0; j < n; j++) {
		fprintf(fp, "<li><b>%s:</b> ", fact[j].label);
		if (fact[j].link)
			html_link(fp, fact[j].text);
		else
			rep_put_text(fp, REP_HTML, fact[j].text);
		fputs("</li>", fp);
	}
	fputs("</ul>\n</div>\n</section>\n", fp);
}

static void write_html(FILE *fp, const struct prog_sheet *s)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
	      "Home exercise programme: ",
	      fp);
	rep_put_text(fp, REP_HTML, s->title);
	fprintf(fp, "</title>\n%s</head>\n<body>\n<h1>Home exercise programme: ", html_style);
	rep_put_text(fp, REP_HTML, s->title);
	fprintf(fp, "</h1>\n<p class=\"note\">%s", advice);
	if (s->cat->video != NULL) {
		fputs(" Video of the whole routine: ", fp);
		html_link(fp, s->cat->video);
	}
	fputs("</p>\n", fp);
	for (unsigned k = 0; k < s->n; k++)
		html_exercise(fp, s, k);
	fprintf(fp, "<div class=\"help\">\n<h2>%s</h2>\n<p>%s</p>\n", words_safety_title,
	        words_safety_intro);
	for (unsigned l = 0; l < WORDS_SAFETY_LISTS; l++) {
		fprintf(fp, "<p><b>%s</b></p>\n<ul>", words_safety[l].head);
		for (const char *const *it = words_safety[l].items; *it; it++)
			fprintf(fp, "<li>%s</li>", *it);
		fputs("</ul>\n", fp);
	}
	fputs("</div>\n</body>\n</html>\n", fp);
}

int prog_write(FILE *fp, const struct prog_sheet *s, enum rep_format fmt, enum fig_glyphs glyphs)
{
	if (fmt == REP_HTML)
		write_html(fp, s);
	else if (fmt == REP_MD)
		write_md(fp, s, glyphs);
	else
		return -1;
	return ferror(fp) ? -1 : 0;
}
