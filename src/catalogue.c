/*
 * catalogue.c - the catalogue's model and what reads it: lookup of an
 * exercise by id, the one id check, the reserved words, the numbers as the
 * file writes them, ranges and levels, and escaping text for the terminal.
 *
 * Links without libcyaml or libyaml: the loader is catalogue_load.c.
 * No curses and no clock here.
 */
#include "catalogue.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* ---- Numbers -------------------------------------------------------------- */

/* Read decimal digits into *v; the count of digits read, or -1 on overflow. */
static int read_digits(const char **s, unsigned *v)
{
	int n = 0;
	unsigned long long acc = 0;

	while (**s >= '0' && **s <= '9') {
		acc = acc * 10 + (unsigned)(**s - '0');
		if (acc > UINT_MAX)
			return -1;
		(*s)++;
		n++;
	}
	*v = (unsigned)acc;
	return n;
}

int cat_parse_count(const char *s, unsigned *out)
{
	unsigned v;
	const char *p = s;

	if (s == NULL || read_digits(&p, &v) <= 0 || *p != '\0')
		return -1;
	*out = v;
	return 0;
}

/*
 * Plain seconds, or h/m/s parts in that order, each at most once, written
 * together ("1h", "5m", "90s", "1m30s", "1h15m"). Leading zeros are decimal,
 * never octal. Parts are not limited to 60 ("1m90s" is 150 s): the sum is
 * what the user wrote, and range checks come later.
 */
int cat_parse_duration(const char *s, unsigned *out)
{
	static const struct {
		char unit;
		unsigned mul;
	} units[] = { { 'h', 3600 }, { 'm', 60 }, { 's', 1 } };
	unsigned long long total = 0;
	unsigned v, next = 0;
	const char *p = s;

	if (s == NULL)
		return -1;
	if (read_digits(&p, &v) <= 0)
		return -1;
	if (*p == '\0') {
		*out = v;
		return 0;
	}
	for (;;) {
		unsigned u = next;

		while (u < 3 && units[u].unit != *p)
			u++;
		if (u == 3)
			return -1;
		total += (unsigned long long)v * units[u].mul;
		if (total > UINT_MAX)
			return -1;
		next = u + 1;
		p++;
		if (*p == '\0')
			break;
		if (read_digits(&p, &v) <= 0)
			return -1;
	}
	*out = (unsigned)total;
	return 0;
}

/* ---- Small helpers ----------------------------------------------------------- */

char *const *cat_set_steps(const struct cat_exercise *ex, int set, unsigned *n)
{
	if (set >= 0 && (unsigned)set < ex->n_sets && ex->sets[set].n_steps > 0) {
		*n = ex->sets[set].n_steps;
		return ex->sets[set].steps;
	}
	*n = ex->n_steps;
	return ex->steps;
}

const char *cat_side_words(const struct cat_set *set, int side)
{
	if (set == NULL || side < 1 || side > 2)
		return NULL;
	return set->side_words[side - 1];
}

int cat_find(const struct catalogue *cat, const char *id)
{
	if (cat == NULL || id == NULL)
		return -1;
	for (unsigned i = 0; i < cat->n_exercises; i++)
		if (strcmp(cat->exercises[i].id, id) == 0)
			return (int)i;
	return -1;
}

int cat_find_routine(const struct catalogue *cat, const char *id)
{
	if (cat == NULL || id == NULL)
		return -1;
	for (unsigned i = 0; i < cat->n_routines; i++)
		if (strcmp(cat->routines[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* An insertion sort: a catalogue holds at most CAT_MAX_EXERCISES ids. */
void cat_index_init(struct cat_index *ix, const struct catalogue *cat)
{
	ix->cat = cat;
	ix->n = cat != NULL && cat->n_exercises <= CAT_MAX_EXERCISES ? cat->n_exercises : 0;
	for (unsigned i = 0; i < ix->n; i++) {
		unsigned j = i;

		while (j > 0 &&
		       strcmp(cat->exercises[ix->order[j - 1]].id, cat->exercises[i].id) > 0) {
			ix->order[j] = ix->order[j - 1];
			j--;
		}
		ix->order[j] = i;
	}
}

int cat_index_find(const struct cat_index *ix, const char *id)
{
	size_t lo = 0, hi = ix->n;

	if (ix->cat == NULL || id == NULL)
		return -1;
	if (ix->cat->n_exercises > CAT_MAX_EXERCISES)
		return cat_find(ix->cat, id);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ix->cat->exercises[ix->order[mid]].id, id);

		if (c == 0)
			return (int)ix->order[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

bool cat_valid_id(const char *s, size_t len)
{
	if (s == NULL || len == 0 || len > CAT_MAX_ID)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

const char *const cat_reserved_ids[] = {
	"all",    "due",  "progress", "report", "remind", "checkin", "safety", "pause", "resume",
	"status", "list", "show",     "plan",   "check",  "history", "help",   NULL,
};

const char *const cat_verb_ids[] = {
	"play", "why", "programme", "log", "activities", "calendar", "merge", NULL,
};

bool cat_id_later_verb(const char *id)
{
	for (size_t i = 0; id != NULL && cat_verb_ids[i] != NULL; i++)
		if (strcmp(id, cat_verb_ids[i]) == 0)
			return true;
	return false;
}

bool cat_id_reserved(const char *id)
{
	for (size_t i = 0; id != NULL && cat_reserved_ids[i] != NULL; i++)
		if (strcmp(id, cat_reserved_ids[i]) == 0)
			return true;
	return false;
}

/* Length of the UTF-8 sequence at s, or 0 when it is not one or is C1. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n = s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;

	if (n == 0 || s[0] > 0xf4 || (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f))
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

const char *cat_escape(char *dst, size_t size, const char *src)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t o = 0;

	if (size == 0)
		return dst;
	while (s != NULL && *s != '\0') {
		size_t n = *s >= 0x80 ? utf8_len(s) : (*s < 0x20 || *s == 0x7f) ? 0 : 1;

		if (n == 0) {
			if (o + 4 >= size)
				break;
			snprintf(dst + o, size - o, "\\x%02x", *s);
			o += 4;
			s++;
			continue;
		}
		if (o + n >= size)
			break;
		memcpy(dst + o, s, n);
		o += n;
		s += n;
	}
	dst[o] = '\0';
	return dst;
}

void cat_error_print(FILE *fp, const char *file, const struct cat_error *err)
{
	char name[4 * 1024], msg[4 * sizeof(err->msg)];

	cat_escape(name, sizeof(name), file != NULL ? file : "catalogue");
	cat_escape(msg, sizeof(msg), err->msg);
	if (err->line > 0)
		fprintf(fp, "%s:%u:%u: %s\n", name, err->line, err->col, msg);
	else
		fprintf(fp, "%s: %s\n", name, msg);
}

unsigned cat_range_at(struct cat_range r, enum cat_level level)
{
	switch (level) {
	case CAT_LEVEL_MEDIUM:
		/* Half up, without overflow: lo + ceil((hi - lo) / 2). */
		return r.hi >= r.lo ? r.lo + (r.hi - r.lo + 1) / 2 : r.lo;
	case CAT_LEVEL_HARD:
		return r.hi;
	case CAT_LEVEL_EASY:
	default:
		return r.lo;
	}
}

static const char *const level_names[] = { "easy", "medium", "hard" };

int cat_level_parse(const char *s, enum cat_level *out)
{
	for (unsigned i = 0; s != NULL && i < 3; i++) {
		if (strcmp(s, level_names[i]) == 0) {
			*out = (enum cat_level)i;
			return 0;
		}
	}
	return -1;
}

const char *cat_level_name(enum cat_level level)
{
	return (unsigned)level < 3 ? level_names[level] : "unknown";
}

const struct fig_figure *cat_set_figure(const struct cat_exercise *ex, unsigned set)
{
	if (set < ex->n_sets && ex->sets[set].figure != NULL)
		return ex->sets[set].figure;
	return ex->figure;
}

const char *cat_video(const struct catalogue *cat, const struct cat_exercise *ex)
{
	return ex->video != NULL ? ex->video : cat->video;
}

unsigned cat_figures(const struct cat_exercise *ex, const struct fig_figure *out[CAT_MAX_SETS])
{
	unsigned n = 0;

	for (unsigned s = 0; s < ex->n_sets && s < CAT_MAX_SETS; s++) {
		const struct fig_figure *f = cat_set_figure(ex, s);
		unsigned k = 0;

		while (k < n && !fig_figure_equal(out[k], f))
			k++;
		if (f != NULL && k == n)
			out[n++] = f;
	}
	return n;
}

char *cat_figure_sets(const struct cat_exercise *ex, const struct fig_figure *f, char *buf,
                      size_t len)
{
	size_t used = 0;

	if (len == 0)
		return buf;
	buf[0] = '\0';
	for (unsigned s = 0; s < ex->n_sets && used < len; s++) {
		if (!fig_figure_equal(cat_set_figure(ex, s), f))
			continue;
		int n =
		    snprintf(buf + used, len - used, "%s%s", used ? ", " : "", ex->sets[s].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}
