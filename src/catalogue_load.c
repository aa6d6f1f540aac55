/*
 * catalogue_load.c - find, load and validate the exercise catalogue.
 *
 * Loading happens in two passes. libcyaml first loads the file into a "raw"
 * tree whose numbers are all kept as short strings: libcyaml 1.3.1 parses
 * integers with strtoull(..., 0) and no trailing-text check, so "30s" would
 * load as 30 and "010" as 8, and a duration must never shrink silently. The
 * schema bounds every list and string, so a hostile file fails while it is
 * being loaded. A second pass parses the numbers, checks ranges and the
 * rules between keys, applies the defaults and builds the public model.
 *
 * Every error carries a line and column when the file has one. libcyaml only
 * reports positions in its log text, so the log is captured and its
 * backtrace parsed into a path (exercises[2].sets[0].mode); that path, or
 * the one the second pass knows, is then looked up in a libyaml document of
 * the same buffer to find the node's position and the exercise's id. The
 * machinery for this is shared with the settings loader (yaml_err.c); the
 * words, which name exercises and sets, are this file's.
 *
 * The model it builds, and what reads it (lookup by id, the numbers,
 * ranges, levels), is catalogue.c's, which needs no YAML library.
 *
 * No curses and no clock here.
 */
#include "catalogue_load.h"
#include "figure.h"
#include "file.h"
#include "yaml_err.h"

#include <cyaml/cyaml.h>
#include <yaml.h>

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Longest number string the raw tree keeps ("1h0m0s" fits many times). */
#define CAT_MAX_NUMBER 32

/* ---- Raw tree, as libcyaml loads it -------------------------------------- */

/* `figure:` of an exercise or a set: a view and poses, one line of text each. */
struct raw_figure {
	int view; /* enum fig_view; absent is 0, which is "side" */
	char **poses;
	unsigned n_poses;
};

struct raw_set {
	char *name;
	int mode; /* enum cat_mode */
	char *hold, *hold_max;
	char *reps, *reps_max;
	char *tempo, *tempo_max;
	char *duration, *duration_max;
	int sides; /* enum cat_sides; absent is 0, which is "none" */
	char *rest;
	char *switch_s;
	char *rest_after;
	struct raw_figure *figure;
	char **steps;
	unsigned n_steps;
	char **side_words;
	unsigned n_side_words;
};

struct raw_frequency {
	char *times, *times_max;
	int per; /* enum cat_per */
	char **when;
	unsigned n_when;
};

/* One step of `ladder:`: a set, one value, and whether it is our own number. */
struct raw_step {
	char *set;
	char *hold, *reps, *tempo, *duration;
	char *chosen; /* `default: true` */
};

struct raw_exercise {
	char *id, *name, *summary, *position;
	char **steps;
	unsigned n_steps;
	char **cautions;
	unsigned n_cautions;
	struct raw_frequency freq;
	char *prepare;
	struct raw_set *sets;
	unsigned n_sets;
	struct raw_figure *figure;
	char *video;
	struct raw_step *ladder;
	unsigned n_ladder;
};

struct raw_routine {
	char *name, *prepare, *switch_s, *video;
};

/* One entry of `routines:`, a named routine. */
struct raw_named {
	char *id, *name;
	char **exercises;
	unsigned n_exercises;
};

struct raw_catalogue {
	char *version;
	struct raw_routine *routine;
	struct raw_exercise *exercises;
	unsigned n_exercises;
	struct raw_named *routines;
	unsigned n_routines;
};

/* ---- Schema --------------------------------------------------------------- */

static const cyaml_strval_t mode_strings[] = {
	{ "hold", CAT_MODE_HOLD },
	{ "reps", CAT_MODE_REPS },
	{ "timed", CAT_MODE_TIMED },
};

static const cyaml_strval_t sides_strings[] = {
	{ "none", CAT_SIDES_NONE },
	{ "each", CAT_SIDES_EACH },
	{ "alternate", CAT_SIDES_ALTERNATE },
};

static const cyaml_strval_t view_strings[] = {
	{ "side", FIG_VIEW_SIDE },
	{ "above", FIG_VIEW_ABOVE },
};

static const cyaml_strval_t per_strings[] = {
	{ "day", CAT_PER_DAY },
	{ "week", CAT_PER_WEEK },
};

/* Numbers stay strings; see the comment at the top of the file. */
#define NUMBER(key, flags, st, member)                                                             \
	CYAML_FIELD_STRING_PTR(key, flags, st, member, 0, CAT_MAX_NUMBER)
#define TEXT(key, flags, st, member, min)                                                          \
	CYAML_FIELD_STRING_PTR(key, flags, st, member, min, CAT_MAX_STRING)

static const cyaml_schema_value_t text_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, CAT_MAX_STRING),
};

static const cyaml_schema_value_t pose_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, FIG_MAX_POSE_TEXT),
};

/* Fewer than two poses is the second pass's to say, in its own words. */
static const cyaml_schema_field_t figure_fields[] = {
	CYAML_FIELD_ENUM("view", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct raw_figure, view,
	                 view_strings, CYAML_ARRAY_LEN(view_strings)),
	CYAML_FIELD_SEQUENCE_COUNT("poses", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_figure, poses, n_poses, &pose_entry, 0,
	                           FIG_MAX_POSES),
	CYAML_FIELD_END,
};

/* A video's address: long enough for any link a physiotherapist pastes. */
#define CAT_MAX_VIDEO 300

static const cyaml_schema_field_t set_fields[] = {
	TEXT("name", CYAML_FLAG_DEFAULT, struct raw_set, name, 1),
	CYAML_FIELD_ENUM("mode", CYAML_FLAG_STRICT, struct raw_set, mode, mode_strings,
	                 CYAML_ARRAY_LEN(mode_strings)),
	NUMBER("hold", CYAML_FLAG_OPTIONAL, struct raw_set, hold),
	NUMBER("hold_max", CYAML_FLAG_OPTIONAL, struct raw_set, hold_max),
	NUMBER("reps", CYAML_FLAG_OPTIONAL, struct raw_set, reps),
	NUMBER("reps_max", CYAML_FLAG_OPTIONAL, struct raw_set, reps_max),
	NUMBER("tempo", CYAML_FLAG_OPTIONAL, struct raw_set, tempo),
	NUMBER("tempo_max", CYAML_FLAG_OPTIONAL, struct raw_set, tempo_max),
	NUMBER("duration", CYAML_FLAG_OPTIONAL, struct raw_set, duration),
	NUMBER("duration_max", CYAML_FLAG_OPTIONAL, struct raw_set, duration_max),
	CYAML_FIELD_ENUM("sides", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct raw_set, sides,
	                 sides_strings, CYAML_ARRAY_LEN(sides_strings)),
	NUMBER("rest", CYAML_FLAG_OPTIONAL, struct raw_set, rest),
	NUMBER("switch", CYAML_FLAG_OPTIONAL, struct raw_set, switch_s),
	NUMBER("rest_after", CYAML_FLAG_OPTIONAL, struct raw_set, rest_after),
	CYAML_FIELD_MAPPING_PTR("figure", CYAML_FLAG_OPTIONAL, struct raw_set, figure,
	                        figure_fields),
	CYAML_FIELD_SEQUENCE_COUNT("steps", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_set, steps, n_steps, &text_entry, 1, CAT_MAX_STEPS),
	CYAML_FIELD_SEQUENCE_COUNT("side_words", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_set, side_words, n_side_words, &text_entry, 2, 2),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t set_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct raw_set, set_fields),
};

static const cyaml_schema_field_t frequency_fields[] = {
	NUMBER("times", CYAML_FLAG_DEFAULT, struct raw_frequency, times),
	NUMBER("times_max", CYAML_FLAG_OPTIONAL, struct raw_frequency, times_max),
	CYAML_FIELD_ENUM("per", CYAML_FLAG_STRICT, struct raw_frequency, per, per_strings,
	                 CYAML_ARRAY_LEN(per_strings)),
	CYAML_FIELD_SEQUENCE_COUNT("when", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_frequency, when, n_when, &text_entry, 0,
	                           CAT_MAX_WHEN),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t step_fields[] = {
	NUMBER("set", CYAML_FLAG_OPTIONAL, struct raw_step, set),
	NUMBER("hold", CYAML_FLAG_OPTIONAL, struct raw_step, hold),
	NUMBER("reps", CYAML_FLAG_OPTIONAL, struct raw_step, reps),
	NUMBER("tempo", CYAML_FLAG_OPTIONAL, struct raw_step, tempo),
	NUMBER("duration", CYAML_FLAG_OPTIONAL, struct raw_step, duration),
	/* A word checked by build_step: libcyaml reads any word but "false" as true. */
	NUMBER("default", CYAML_FLAG_OPTIONAL, struct raw_step, chosen),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t step_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct raw_step, step_fields),
};

static const cyaml_schema_field_t exercise_fields[] = {
	CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_DEFAULT, struct raw_exercise, id, 1, CAT_MAX_ID),
	TEXT("name", CYAML_FLAG_DEFAULT, struct raw_exercise, name, 1),
	TEXT("summary", CYAML_FLAG_DEFAULT, struct raw_exercise, summary, 1),
	TEXT("position", CYAML_FLAG_OPTIONAL, struct raw_exercise, position, 1),
	CYAML_FIELD_SEQUENCE_COUNT("steps", CYAML_FLAG_POINTER, struct raw_exercise, steps, n_steps,
	                           &text_entry, 1, CAT_MAX_STEPS),
	CYAML_FIELD_SEQUENCE_COUNT("cautions", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_exercise, cautions, n_cautions, &text_entry, 0,
	                           CAT_MAX_CAUTIONS),
	CYAML_FIELD_MAPPING("frequency", CYAML_FLAG_DEFAULT, struct raw_exercise, freq,
	                    frequency_fields),
	NUMBER("prepare", CYAML_FLAG_OPTIONAL, struct raw_exercise, prepare),
	CYAML_FIELD_SEQUENCE_COUNT("sets", CYAML_FLAG_POINTER, struct raw_exercise, sets, n_sets,
	                           &set_entry, 1, CAT_MAX_SETS),
	CYAML_FIELD_MAPPING_PTR("figure", CYAML_FLAG_OPTIONAL, struct raw_exercise, figure,
	                        figure_fields),
	CYAML_FIELD_STRING_PTR("video", CYAML_FLAG_OPTIONAL, struct raw_exercise, video, 1,
	                       CAT_MAX_VIDEO),
	CYAML_FIELD_SEQUENCE_COUNT("ladder", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_exercise, ladder, n_ladder, &step_entry, 1,
	                           CAT_MAX_LADDER),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t exercise_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct raw_exercise, exercise_fields),
};

static const cyaml_schema_field_t routine_fields[] = {
	TEXT("name", CYAML_FLAG_OPTIONAL, struct raw_routine, name, 1),
	NUMBER("prepare", CYAML_FLAG_OPTIONAL, struct raw_routine, prepare),
	NUMBER("switch", CYAML_FLAG_OPTIONAL, struct raw_routine, switch_s),
	CYAML_FIELD_STRING_PTR("video", CYAML_FLAG_OPTIONAL, struct raw_routine, video, 1,
	                       CAT_MAX_VIDEO),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t id_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 1, CAT_MAX_ID),
};

static const cyaml_schema_field_t named_fields[] = {
	CYAML_FIELD_STRING_PTR("id", CYAML_FLAG_DEFAULT, struct raw_named, id, 1, CAT_MAX_ID),
	TEXT("name", CYAML_FLAG_DEFAULT, struct raw_named, name, 1),
	CYAML_FIELD_SEQUENCE_COUNT("exercises", CYAML_FLAG_POINTER, struct raw_named, exercises,
	                           n_exercises, &id_entry, 1, CAT_MAX_EXERCISES),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t named_entry = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct raw_named, named_fields),
};

static const cyaml_schema_field_t top_fields[] = {
	NUMBER("version", CYAML_FLAG_DEFAULT, struct raw_catalogue, version),
	CYAML_FIELD_MAPPING_PTR("routine", CYAML_FLAG_OPTIONAL, struct raw_catalogue, routine,
	                        routine_fields),
	CYAML_FIELD_SEQUENCE_COUNT("exercises", CYAML_FLAG_POINTER, struct raw_catalogue, exercises,
	                           n_exercises, &exercise_entry, 1, CAT_MAX_EXERCISES),
	CYAML_FIELD_SEQUENCE_COUNT("routines", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_catalogue, routines, n_routines, &named_entry, 0,
	                           CAT_MAX_ROUTINES),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t top_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct raw_catalogue, top_fields),
};

/* What the public model keeps besides its arrays: the raw tree it points into. */
struct cat_priv {
	struct raw_catalogue *raw;
	char default_name[sizeof("Routine")];
};

/* ---- Paths into the document --------------------------------------------- */

/* Copy a string, cut short to fit; always terminated. */
static void copy_str(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* The path of a key of entry `i` of a top-level list ("exercises", "routines"). */
static struct yerr_path path_in(const char *list, unsigned i, const char *key)
{
	struct yerr_path p = { 0 };

	yerr_path_key(&p, list);
	yerr_path_index(&p, i);
	if (key != NULL)
		yerr_path_key(&p, key);
	return p;
}

/* The path of a set's key, or of an exercise's key when set is -1. */
static struct yerr_path path_of(unsigned ex, int set, const char *key1, const char *key2)
{
	struct yerr_path p = path_in("exercises", ex, NULL);

	if (set >= 0) {
		yerr_path_key(&p, "sets");
		yerr_path_index(&p, (unsigned)set);
	}
	if (key1 != NULL)
		yerr_path_key(&p, key1);
	if (key2 != NULL)
		yerr_path_key(&p, key2);
	return p;
}

/* ---- Loader state and error reporting ------------------------------------ */

struct loader {
	struct cat_error *err;
	struct yerr_log log; /* what libcyaml logged */
	struct yerr_doc doc; /* the same buffer, loaded only to locate errors */
};

/* Store the node's 1-based position in the error; false if there is none. */
static bool locate(struct loader *L, const struct yerr_path *p, unsigned depth, bool want_key)
{
	return yerr_doc_locate(&L->doc, p, depth, want_key, &L->err->line, &L->err->col);
}

/* A value fit to quote in a message: short, printable, one line. */
static bool quotable(const unsigned char *s, size_t n, size_t max)
{
	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] == 0x7f || s[i] == '\'')
			return false;
	return true;
}

/*
 * The words that say where in the catalogue a path points, e.g.
 * "exercise 'cat-cow', set 2", and, in `key`, the rest of the path, e.g.
 * "frequency.times" or "steps item 3". Exercises are named by their id when
 * the document gives a usable one, else by their number.
 */
static void describe(struct loader *L, const struct yerr_path *p, char *where, size_t wlen,
                     char *key, size_t klen)
{
	size_t w = 0, k = 0;

	where[0] = key[0] = '\0';
	for (unsigned i = 0; i < p->n; i++) {
		bool next_index = i + 1 < p->n && p->c[i + 1].is_index;

		bool is_routine = i == 0 && next_index && strcmp(p->c[i].key, "routines") == 0;

		if (i == 0 && next_index && (is_routine || strcmp(p->c[i].key, "exercises") == 0)) {
			unsigned ex = p->c[i + 1].index;
			const char *what = is_routine ? "routine" : "exercise";
			struct yerr_path idp = path_in(p->c[i].key, ex, "id");
			const yaml_node_t *id = NULL;
			bool id_is_the_key = i + 2 < p->n && !p->c[i + 2].is_index &&
			                     strcmp(p->c[i + 2].key, "id") == 0;

			if (!id_is_the_key)
				id = yerr_doc_find(&L->doc, &idp, idp.n, false);
			if (id != NULL && id->type == YAML_SCALAR_NODE &&
			    quotable(id->data.scalar.value, id->data.scalar.length, CAT_MAX_ID))
				w += (size_t)snprintf(where + w, wlen - w, "%s '%.*s'", what,
				                      (int)id->data.scalar.length,
				                      (const char *)id->data.scalar.value);
			else
				w += (size_t)snprintf(where + w, wlen - w, "%s %u", what, ex + 1);
			i++;
		} else if (i == 2 && next_index && strcmp(p->c[i].key, "sets") == 0 &&
		           !p->c[0].is_index && strcmp(p->c[0].key, "exercises") == 0) {
			w += (size_t)snprintf(where + w, wlen - w, ", set %u",
			                      p->c[i + 1].index + 1);
			i++;
		} else if (p->c[i].is_index) {
			k += (size_t)snprintf(key + k, klen - k, " item %u", p->c[i].index + 1);
		} else {
			k += (size_t)snprintf(key + k, klen - k, "%s%s", k > 0 ? "." : "",
			                      p->c[i].key);
		}
		if (w >= wlen)
			w = wlen - 1;
		if (k >= klen)
			k = klen - 1;
	}
}

/*
 * Fill the error's status and message; the place the path points at
 * ("exercise 'x', set 1: ") is prepended when there is one.
 */
static void fail_msg(struct loader *L, const struct yerr_path *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void fail_msg(struct loader *L, const struct yerr_path *p, const char *fmt, ...)
{
	char where[128], key[128], text[sizeof(L->err->msg)];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (p != NULL)
		describe(L, p, where, sizeof(where), key, sizeof(key));
	else
		where[0] = '\0';
	L->err->status = CAT_EINVALID;
	if (where[0] != '\0') {
		size_t n;

		snprintf(L->err->msg, sizeof(L->err->msg), "%s: ", where);
		n = strlen(L->err->msg);
		copy_str(L->err->msg + n, sizeof(L->err->msg) - n, text);
	} else {
		copy_str(L->err->msg, sizeof(L->err->msg), text);
	}
}

/* The key part of a path, for messages that name it. */
static const char *key_words(struct loader *L, const struct yerr_path *p, char *buf, size_t len)
{
	char where[128];

	describe(L, p, where, sizeof(where), buf, len);
	return buf;
}

/* ---- Schema errors, in plain words ---------------------------------------- */

static const char *enum_choices(const char *key)
{
	const char *last = strrchr(key, '.');

	last = last != NULL ? last + 1 : key;
	if (strcmp(last, "mode") == 0)
		return "hold, reps or timed";
	if (strcmp(last, "sides") == 0)
		return "none, each or alternate";
	if (strcmp(last, "per") == 0)
		return "day or week";
	if (strcmp(last, "view") == 0)
		return "side or above";
	return "one of the allowed words";
}

/* Turn what libcyaml logged into a message and a position. */
static void schema_error(struct loader *L, cyaml_err_t cerr)
{
	struct yerr_path p = yerr_backtrace_path(&L->log);
	struct yerr_msg m;
	char key[128];

	L->err->status = CAT_EINVALID;
	if (L->log.bt_line > 0) {
		L->err->line = L->log.bt_line;
		L->err->col = L->log.bt_col;
	}
	key_words(L, &p, key, sizeof(key));

	if (!L->log.have_error) {
		fail_msg(L, &p, "%s", cyaml_strerror(cerr));
		return;
	}
	yerr_parse(L->log.error, &m);
	switch (m.kind) {
	case YERR_UNEXPECTED_KEY: {
		/* libcyaml points at the key before; point at the key itself. */
		struct yerr_path kp = p;

		yerr_path_key(&kp, m.text);
		locate(L, &kp, kp.n, true);
		fail_msg(L, &p, "unknown key '%.60s'", m.text);
		break;
	}
	case YERR_MISSING_KEY:
		/*
		 * libcyaml points at the last value and names its key in the
		 * backtrace; the start of the mapping itself reads better.
		 */
		if (p.n > 0 && !p.c[p.n - 1].is_index)
			p.n--;
		key_words(L, &p, key, sizeof(key));
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "missing required key '%s'", m.a);
		break;
	case YERR_DUPLICATE_KEY:
		fail_msg(L, &p, "key '%s' appears twice", m.a);
		break;
	case YERR_TYPE:
		locate(L, &p, p.n, false);
		if (key[0] != '\0')
			fail_msg(L, &p, "%s: expected %s, found %s", key, yerr_type_words(m.a),
			         yerr_type_words(m.b));
		else
			fail_msg(L, &p, "expected %s at the top, found %s", yerr_type_words(m.a),
			         yerr_type_words(m.b));
		break;
	case YERR_ENUM:
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "%s: '%.40s' is not %s", key, m.text, enum_choices(key));
		break;
	case YERR_TOO_SHORT:
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "%s must not be empty", key);
		break;
	case YERR_TOO_LONG:
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "%s is longer than %u bytes", key, m.n1);
		break;
	case YERR_TOO_MANY: {
		/* The path ends at the first entry too many; name the list. */
		struct yerr_path lp = p;

		locate(L, &p, p.n, false);
		if (lp.n > 0 && lp.c[lp.n - 1].is_index)
			lp.n--;
		key_words(L, &lp, key, sizeof(key));
		fail_msg(L, &lp, "%s: too many entries (at most %u)", key, m.n1);
		break;
	}
	case YERR_TOO_FEW:
		locate(L, &p, p.n, false);
		key_words(L, &p, key, sizeof(key));
		if (m.n1 == 0)
			fail_msg(L, &p, "%s is empty (at least %u needed)", key, m.n2);
		else
			fail_msg(L, &p, "%s has %u entr%s (at least %u needed)", key, m.n1,
			         m.n1 == 1 ? "y" : "ies", m.n2);
		break;
	case YERR_NO_ANCHOR:
		fail_msg(L, &p, "alias '*%s' has no anchor", m.a);
		break;
	case YERR_OTHER:
	default: {
		/* Anything not translated keeps libcyaml's words, lower-cased. */
		char text[sizeof(L->log.error)];

		snprintf(text, sizeof(text), "%s", L->log.error);
		if (text[0] >= 'A' && text[0] <= 'Z')
			text[0] = (char)(text[0] - 'A' + 'a');
		fail_msg(L, &p, "%s", text);
		break;
	}
	}
}

/* ---- Validation and the model --------------------------------------------- */

/*
 * Parse one optional number at `p` into *out (untouched when absent).
 * Durations take the h/m/s forms; counts are plain digits.
 */
static bool number(struct loader *L, const struct yerr_path *p, const char *s, bool duration,
                   unsigned lo, unsigned hi, unsigned *out)
{
	char key[128];
	unsigned v;

	if (s == NULL)
		return true;
	key_words(L, p, key, sizeof(key));
	if ((duration ? cat_parse_duration(s, &v) : cat_parse_count(s, &v)) != 0) {
		locate(L, p, p->n, false);
		if (duration)
			fail_msg(
			    L, p,
			    "%s: '%s' is not a duration (use seconds like 30, or 90s, 1m30s, 5m)",
			    key, s);
		else
			fail_msg(L, p, "%s: '%s' is not a whole number", key, s);
		return false;
	}
	if (v < lo || v > hi) {
		locate(L, p, p->n, false);
		fail_msg(L, p, "%s (%u) is out of range (%u..%u)", key, v, lo, hi);
		return false;
	}
	*out = v;
	return true;
}

/* A range: `lo_s` and its `_max`; `hi` defaults to `lo`. */
static bool range(struct loader *L, unsigned ex, int set, const char *name, const char *lo_s,
                  const char *hi_s, bool duration, unsigned min, unsigned max,
                  struct cat_range *out)
{
	char max_name[YERR_KEY_LEN];
	struct yerr_path p = path_of(ex, set, name, NULL);
	struct yerr_path pm;
	struct cat_range r = { 0, 0 };

	snprintf(max_name, sizeof(max_name), "%s_max", name);
	pm = path_of(ex, set, max_name, NULL);
	if (!number(L, &p, lo_s, duration, min, max, &r.lo))
		return false;
	r.hi = r.lo;
	if (!number(L, &pm, hi_s, duration, min, max, &r.hi))
		return false;
	if (hi_s != NULL && lo_s == NULL) {
		locate(L, &pm, pm.n, true);
		fail_msg(L, &pm, "%s is given without %s", max_name, name);
		return false;
	}
	if (r.hi < r.lo) {
		locate(L, &pm, pm.n, false);
		fail_msg(L, &pm, "%s (%u) is below %s (%u)", max_name, r.hi, name, r.lo);
		return false;
	}
	*out = r;
	return true;
}

static const char *mode_name(int mode)
{
	return mode == CAT_MODE_HOLD ? "hold" : mode == CAT_MODE_REPS ? "reps" : "timed";
}

/*
 * Each mode has the keys it needs, and the keys of the other modes are
 * rejected rather than ignored: a `tempo` left in a hold set, or a
 * `duration` in a reps set, is almost always a mistake whose effect the
 * user would not see. `rest`, `switch`, `sides` and `rest_after` apply to
 * every mode.
 */
static bool check_mode_keys(struct loader *L, unsigned ex, unsigned set, const struct raw_set *r)
{
	const struct {
		const char *key;
		const char *value;
		bool needed[3];  /* by hold, reps, timed */
		bool allowed[3]; /* by hold, reps, timed */
	} keys[] = {
		{ "hold", r->hold, { true, false, false }, { true, false, false } },
		{ "hold_max", r->hold_max, { false, false, false }, { true, false, false } },
		{ "reps", r->reps, { true, true, false }, { true, true, false } },
		{ "reps_max", r->reps_max, { false, false, false }, { true, true, false } },
		{ "tempo", r->tempo, { false, true, false }, { false, true, false } },
		{ "tempo_max", r->tempo_max, { false, false, false }, { false, true, false } },
		{ "duration", r->duration, { false, false, true }, { false, false, true } },
		{ "duration_max",
		  r->duration_max,
		  { false, false, false },
		  { false, false, true } },
	};
	int m = r->mode;

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].value != NULL && !keys[i].allowed[m]) {
			struct yerr_path p = path_of(ex, (int)set, keys[i].key, NULL);

			locate(L, &p, p.n, true);
			fail_msg(L, &p, "'%s' does not apply to %s mode", keys[i].key,
			         mode_name(m));
			return false;
		}
	}
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if (keys[i].value == NULL && keys[i].needed[m]) {
			struct yerr_path p = path_of(ex, (int)set, NULL, NULL);

			locate(L, &p, p.n, false);
			fail_msg(L, &p, "missing required key '%s' (%s mode needs it)", keys[i].key,
			         mode_name(m));
			return false;
		}
	}
	return true;
}

/*
 * Point the error at byte `offset` of the scalar at `p`: libyaml gives where
 * the scalar starts; on one line, a plain scalar's byte is that many columns
 * on, a quoted one's one more (when it holds no escape).
 */
static void locate_in_scalar(struct loader *L, const struct yerr_path *p, size_t offset)
{
	const yaml_node_t *n = yerr_doc_find(&L->doc, p, p->n, false);

	if (n == NULL)
		return;
	L->err->line = (unsigned)n->start_mark.line + 1;
	L->err->col = (unsigned)n->start_mark.column + 1;
	if (n->type != YAML_SCALAR_NODE || n->end_mark.line != n->start_mark.line)
		return;
	if (n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
		L->err->col += (unsigned)offset;
	else if ((n->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	          n->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE) &&
	         n->end_mark.column - n->start_mark.column == n->data.scalar.length + 2)
		L->err->col += 1 + (unsigned)offset;
}

/*
 * An exercise's figure (set -1) or a set's: at least two poses, each one
 * a valid line of joints, all naming the same joints so one can move into
 * the next. *out is set before the poses are checked, so that a failure
 * frees it with the rest of the model.
 */
static bool build_figure(struct loader *L, unsigned ex, int set, const struct raw_figure *r,
                         struct fig_figure **out)
{
	struct yerr_path p = path_of(ex, set, "figure", NULL);
	struct fig_figure *f;
	char key[128];

	*out = NULL;
	if (r == NULL)
		return true;
	if (r->n_poses < FIG_MIN_POSES) {
		struct yerr_path pp = path_of(ex, set, "figure", "poses");

		if (!locate(L, &pp, pp.n, false))
			locate(L, &p, p.n, false);
		fail_msg(L, &p, "figure needs at least %d poses (the start and the end), not %u",
		         FIG_MIN_POSES, r->n_poses);
		return false;
	}
	f = xcalloc(1, sizeof(*f));
	f->poses = xcalloc(r->n_poses, sizeof(*f->poses));
	f->n_poses = r->n_poses;
	f->view = (enum fig_view)r->view;
	*out = f;
	for (unsigned k = 0; k < r->n_poses; k++) {
		struct yerr_path pp = path_of(ex, set, "figure", "poses");
		struct fig_error fe;
		enum fig_joint j;

		yerr_path_index(&pp, k);
		key_words(L, &pp, key, sizeof(key));
		if (fig_pose_parse(r->poses[k], &f->poses[k], &fe) != 0) {
			locate_in_scalar(L, &pp, fe.offset);
			fail_msg(L, &pp, "%s: %s", key, fe.msg);
			return false;
		}
		if (!fig_pose_same_joints(&f->poses[0], &f->poses[k], &j)) {
			locate(L, &pp, pp.n, false);
			if (f->poses[0].mask & (1u << j))
				fail_msg(L, &pp,
				         "%s: no '%s', which item 1 has (every pose names the same "
				         "joints)",
				         key, fig_joint_name(j));
			else
				fail_msg(
				    L, &pp,
				    "%s: '%s' is not in item 1 (every pose names the same joints)",
				    key, fig_joint_name(j));
			return false;
		}
	}
	return true;
}

/*
 * A video's address, which `o` hands to xdg-open: a web address only, so
 * that a catalogue cannot make it open a file or run a program.
 */
static bool check_video(struct loader *L, const struct yerr_path *p, const char *v)
{
	if (v == NULL)
		return true;
	if ((strncmp(v, "https://", 8) == 0 || strncmp(v, "http://", 7) == 0) &&
	    strpbrk(v, " \"'<>\\`") == NULL)
		return true;
	locate(L, p, p->n, false);
	fail_msg(L, p, "video: '%.60s' is not a web address (https://...)", v);
	return false;
}

static bool build_set(struct loader *L, unsigned ex, unsigned si, const struct raw_set *r,
                      unsigned routine_switch, struct cat_set *out)
{
	int s = (int)si;
	struct yerr_path p;

	if (!check_mode_keys(L, ex, si, r))
		return false;
	out->name = r->name;
	out->mode = (enum cat_mode)r->mode;
	out->sides = (enum cat_sides)r->sides;
	if (!range(L, ex, s, "hold", r->hold, r->hold_max, true, 1, CAT_MAX_SECONDS, &out->hold) ||
	    !range(L, ex, s, "reps", r->reps, r->reps_max, false, 1, CAT_MAX_REPS, &out->reps) ||
	    !range(L, ex, s, "tempo", r->tempo, r->tempo_max, true, 1, CAT_MAX_SECONDS,
	           &out->tempo) ||
	    !range(L, ex, s, "duration", r->duration, r->duration_max, true, 1, CAT_MAX_SECONDS,
	           &out->duration))
		return false;
	out->steps = r->steps;
	out->n_steps = r->n_steps;
	if (r->n_side_words == 2) {
		/* Words for the sides of a set that has none would never be shown. */
		if (out->sides == CAT_SIDES_NONE) {
			p = path_of(ex, s, "side_words", NULL);
			locate(L, &p, p.n, true);
			fail_msg(L, &p, "'side_words' needs 'sides: each' or 'sides: alternate'");
			return false;
		}
		out->side_words[0] = r->side_words[0];
		out->side_words[1] = r->side_words[1];
	}
	out->rest = 0;
	out->switch_s = routine_switch;
	out->rest_after = 0;
	p = path_of(ex, s, "rest", NULL);
	if (!number(L, &p, r->rest, true, 0, CAT_MAX_SECONDS, &out->rest))
		return false;
	p = path_of(ex, s, "switch", NULL);
	if (!number(L, &p, r->switch_s, true, 0, CAT_MAX_SECONDS, &out->switch_s))
		return false;
	p = path_of(ex, s, "rest_after", NULL);
	if (!number(L, &p, r->rest_after, true, 0, CAT_MAX_SECONDS, &out->rest_after))
		return false;
	return build_figure(L, ex, s, r->figure, &out->figure);
}

/* ---- Ladders (issue 20 §1) ------------------------------------------------- */

static const char *const value_keys[] = { "hold", "reps", "tempo", "duration" };

/* The range of one value of a set, and whether its mode uses that value. */
static struct cat_range value_range(const struct cat_set *s, enum cat_value v, bool *used)
{
	switch (v) {
	case CAT_VALUE_HOLD:
		*used = s->mode == CAT_MODE_HOLD;
		return s->hold;
	case CAT_VALUE_REPS:
		*used = s->mode != CAT_MODE_TIMED;
		return s->reps;
	case CAT_VALUE_TEMPO:
		*used = s->mode == CAT_MODE_REPS;
		return s->tempo;
	default:
		*used = s->mode == CAT_MODE_TIMED;
		return s->duration;
	}
}

/* The path of a key of step `i` of exercise `ex`'s ladder (the step itself: NULL). */
static struct yerr_path step_path(unsigned ex, unsigned i, const char *key)
{
	struct yerr_path p = path_in("exercises", ex, "ladder");

	yerr_path_index(&p, i);
	if (key != NULL)
		yerr_path_key(&p, key);
	return p;
}

/*
 * One step of a ladder: which set, the one value it changes, that it grows
 * from `now` (each set's values at the step before, updated), and that it
 * stays inside the set's range unless it says `default: true`.
 */
static bool build_step(struct loader *L, const struct cat_exercise *e, unsigned ex, unsigned i,
                       const struct raw_step *r, unsigned now[][4], struct cat_ladder_step *out)
{
	const char *given[4] = { r->hold, r->reps, r->tempo, r->duration };
	struct yerr_path p = step_path(ex, i, "set");
	unsigned set = 1, n = 0, which = 0, v = 0;
	struct cat_range range;
	bool used, chosen = r->chosen != NULL && strcmp(r->chosen, "true") == 0;
	char key[128];

	if (r->chosen != NULL && !chosen && strcmp(r->chosen, "false") != 0) {
		p = step_path(ex, i, "default");
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "%s: '%s' is not true or false", key_words(L, &p, key, sizeof(key)),
		         r->chosen);
		return false;
	}

	if (!number(L, &p, r->set, false, 1, e->n_sets, &set))
		return false;
	if (r->set == NULL && e->n_sets > 1) {
		p = step_path(ex, i, NULL);
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "%s: which set does this step change? Give 'set: 1' to 'set: %u'",
		         key_words(L, &p, key, sizeof(key)), e->n_sets);
		return false;
	}
	for (unsigned w = 0; w < 4; w++)
		if (given[w] != NULL && n++ == 0)
			which = w;
	if (n != 1) {
		p = step_path(ex, i, NULL);
		locate(L, &p, p.n, false);
		fail_msg(L, &p,
		         "%s: a step changes one value of one set: give one of hold, reps, tempo "
		         "or duration, not %u",
		         key_words(L, &p, key, sizeof(key)), n);
		return false;
	}
	p = step_path(ex, i, value_keys[which]);
	if (!number(L, &p, given[which], which != CAT_VALUE_REPS, 1,
	            which == CAT_VALUE_REPS ? CAT_MAX_REPS : CAT_MAX_SECONDS, &v))
		return false;
	range = value_range(&e->sets[set - 1], (enum cat_value)which, &used);
	locate(L, &p, p.n, false);
	key_words(L, &p, key, sizeof(key));
	if (!used) {
		fail_msg(L, &p, "%s: set %u ('%s') has no %s: it is a %s set", key, set,
		         e->sets[set - 1].name, value_keys[which],
		         mode_name(e->sets[set - 1].mode));
		return false;
	}
	if (v <= now[set - 1][which]) {
		fail_msg(L, &p, "%s (%u) does not grow: set %u's %s is %u at the step before", key,
		         v, set, value_keys[which], now[set - 1][which]);
		return false;
	}
	if (!chosen && v > range.hi) {
		fail_msg(L, &p,
		         "%s (%u) is outside set %u's range (%u to %u); say 'default: true' when "
		         "the number is your own choice",
		         key, v, set, range.lo, range.hi);
		return false;
	}
	L->err->line = L->err->col = 0;
	now[set - 1][which] = v;
	*out = (struct cat_ladder_step){ set - 1, (enum cat_value)which, v, chosen };
	return true;
}

/* The exercise's own ladder, when it gives one; its sets are built. */
static bool build_ladder(struct loader *L, unsigned ex, const struct raw_exercise *r,
                         struct cat_exercise *out)
{
	unsigned now[CAT_MAX_SETS][4];
	bool used;

	if (r->n_ladder == 0)
		return true;
	for (unsigned s = 0; s < out->n_sets; s++)
		for (unsigned w = 0; w < 4; w++)
			now[s][w] = value_range(&out->sets[s], (enum cat_value)w, &used).lo;
	out->ladder = xcalloc(r->n_ladder, sizeof(*out->ladder));
	out->n_ladder = r->n_ladder;
	for (unsigned i = 0; i < r->n_ladder; i++)
		if (!build_step(L, out, ex, i, &r->ladder[i], now, &out->ladder[i]))
			return false;
	return true;
}

/*
 * `what` at path `p` ("id '%s'" of an exercise or routine, or an exercise
 * named in a routine) repeats the one at `first`, which is `first_words`
 * ("exercise 2") when the document gives it no line.
 */
static void repeated(struct loader *L, const struct yerr_path *p, const struct yerr_path *first,
                     const char *what, const char *first_words)
{
	unsigned first_line = 0;

	if (locate(L, first, first->n, false))
		first_line = L->err->line;
	L->err->line = L->err->col = 0;
	locate(L, p, p->n, false);
	if (first_line > 0)
		fail_msg(L, NULL, "%s (first at line %u)", what, first_line);
	else
		fail_msg(L, NULL, "%s (first as %s)", what, first_words);
}

/*
 * The id of entry `i` of `list` ("exercises" or "routines"): the id rule,
 * not a reserved word, and unique across exercises and routines (those
 * before it: exercises are built first).
 */
static bool check_id(struct loader *L, const struct catalogue *cat, const char *list, unsigned i,
                     const char *id)
{
	struct yerr_path p = path_in(list, i, "id"), first;
	bool in_routines = strcmp(list, "routines") == 0;
	unsigned n_ex = in_routines ? cat->n_exercises : i;
	char what[CAT_MAX_ID + 32], words[64];

	if (!cat_valid_id(id, strlen(id))) {
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "id '%.32s' may only use a-z, 0-9 and '-'", id);
		return false;
	}
	if (cat_id_reserved(id)) {
		locate(L, &p, p.n, false);
		fail_msg(L, &p,
		         "id '%s' is a word lumbar's command line keeps for itself; choose "
		         "another",
		         id);
		return false;
	}
	snprintf(what, sizeof(what), "duplicate id '%s'", id);
	for (unsigned j = 0; j < n_ex; j++) {
		if (strcmp(cat->exercises[j].id, id) == 0) {
			first = path_in("exercises", j, "id");
			snprintf(words, sizeof(words), "exercise %u", j + 1);
			repeated(L, &p, &first, what, words);
			return false;
		}
	}
	for (unsigned j = 0; in_routines && j < i; j++) {
		if (strcmp(cat->routines[j].id, id) == 0) {
			first = path_in("routines", j, "id");
			snprintf(words, sizeof(words), "routine %u", j + 1);
			repeated(L, &p, &first, what, words);
			return false;
		}
	}
	return true;
}

static bool build_exercise(struct loader *L, const struct catalogue *cat, unsigned ex,
                           const struct raw_exercise *r, struct cat_exercise *out)
{
	struct yerr_path p;

	if (!check_id(L, cat, "exercises", ex, r->id))
		return false;
	out->id = r->id;
	out->name = r->name;
	out->summary = r->summary;
	out->position = r->position;
	out->steps = r->steps;
	out->n_steps = r->n_steps;
	out->cautions = r->cautions;
	out->n_cautions = r->n_cautions;

	p = path_of(ex, -1, "frequency", "times");
	if (!number(L, &p, r->freq.times, false, 1, CAT_MAX_TIMES, &out->freq.times))
		return false;
	out->freq.times_max = out->freq.times;
	p = path_of(ex, -1, "frequency", "times_max");
	if (!number(L, &p, r->freq.times_max, false, 1, CAT_MAX_TIMES, &out->freq.times_max))
		return false;
	if (out->freq.times_max < out->freq.times) {
		locate(L, &p, p.n, false);
		fail_msg(L, &p, "frequency.times_max (%u) is below frequency.times (%u)",
		         out->freq.times_max, out->freq.times);
		return false;
	}
	out->video = r->video;
	p = path_of(ex, -1, "video", NULL);
	if (!check_video(L, &p, r->video) || !build_figure(L, ex, -1, r->figure, &out->figure))
		return false;
	out->freq.per = (enum cat_per)r->freq.per;
	out->freq.when = r->freq.when;
	out->freq.n_when = r->freq.n_when;

	out->prepare = cat->prepare;
	p = path_of(ex, -1, "prepare", NULL);
	if (!number(L, &p, r->prepare, true, 0, CAT_MAX_SECONDS, &out->prepare))
		return false;

	out->sets = xcalloc(r->n_sets, sizeof(*out->sets));
	out->n_sets = r->n_sets;
	for (unsigned s = 0; s < r->n_sets; s++)
		if (!build_set(L, ex, s, &r->sets[s], cat->switch_s, &out->sets[s]))
			return false;
	return build_ladder(L, ex, r, out);
}

/*
 * A named routine: its id, then each exercise it names, which must be in the
 * catalogue and appear once.
 */
static bool build_routine(struct loader *L, const struct catalogue *cat, unsigned ri,
                          const struct raw_named *r, struct cat_routine *out)
{
	if (!check_id(L, cat, "routines", ri, r->id))
		return false;
	out->id = r->id;
	out->name = r->name;
	out->exercises = xcalloc(r->n_exercises, sizeof(*out->exercises));
	out->n_exercises = r->n_exercises;
	for (unsigned k = 0; k < r->n_exercises; k++) {
		struct yerr_path p = path_in("routines", ri, "exercises");
		int ex = cat_find(cat, r->exercises[k]);

		yerr_path_index(&p, k);
		if (ex < 0) {
			locate(L, &p, p.n, false);
			fail_msg(L, &p, "no exercise '%.32s' in this catalogue", r->exercises[k]);
			return false;
		}
		for (unsigned j = 0; j < k; j++) {
			if (out->exercises[j] == (unsigned)ex) {
				locate(L, &p, p.n, false);
				fail_msg(L, &p, "exercise '%s' is named twice (items %u and %u)",
				         r->exercises[k], j + 1, k + 1);
				return false;
			}
		}
		out->exercises[k] = (unsigned)ex;
	}
	return true;
}

static void free_figure(struct fig_figure *f)
{
	if (f != NULL)
		free(f->poses);
	free(f);
}

static void free_model(struct catalogue *cat)
{
	if (cat == NULL)
		return;
	if (cat->exercises != NULL) {
		for (unsigned i = 0; i < cat->n_exercises; i++) {
			struct cat_exercise *ex = &cat->exercises[i];

			for (unsigned s = 0; ex->sets != NULL && s < ex->n_sets; s++)
				free_figure(ex->sets[s].figure);
			free_figure(ex->figure);
			free(ex->sets);
			free(ex->ladder);
		}
	}
	free(cat->exercises);
	if (cat->routines != NULL)
		for (unsigned i = 0; i < cat->n_routines; i++)
			free(cat->routines[i].exercises);
	free(cat->routines);
	free(cat->priv);
	free(cat);
}

/* Build the model from the raw tree; NULL with *L->err filled on failure. */
static struct catalogue *build(struct loader *L, struct raw_catalogue *raw)
{
	struct catalogue *cat = xcalloc(1, sizeof(*cat));
	struct cat_priv *priv = xcalloc(1, sizeof(*priv));
	struct yerr_path p = { 0 };
	unsigned version = 0;

	cat->exercises = xcalloc(raw->n_exercises, sizeof(*cat->exercises));
	cat->priv = priv;
	priv->raw = raw;
	memcpy(priv->default_name, "Routine", sizeof(priv->default_name));

	yerr_path_key(&p, "version");
	if (cat_parse_count(raw->version, &version) != 0 || version != 1) {
		locate(L, &p, p.n, false);
		fail_msg(L, NULL, "version: '%s' is not supported (only version 1 is)",
		         raw->version);
		goto fail;
	}

	cat->routine_name = priv->default_name;
	cat->prepare = CAT_DEFAULT_PREPARE;
	cat->switch_s = CAT_DEFAULT_SWITCH;
	if (raw->routine != NULL) {
		if (raw->routine->name != NULL)
			cat->routine_name = raw->routine->name;
		p.n = 0;
		yerr_path_key(&p, "routine");
		yerr_path_key(&p, "prepare");
		if (!number(L, &p, raw->routine->prepare, true, 0, CAT_MAX_SECONDS, &cat->prepare))
			goto fail;
		p.n = 1;
		yerr_path_key(&p, "switch");
		if (!number(L, &p, raw->routine->switch_s, true, 0, CAT_MAX_SECONDS,
		            &cat->switch_s))
			goto fail;
		p.n = 1;
		yerr_path_key(&p, "video");
		if (!check_video(L, &p, raw->routine->video))
			goto fail;
		cat->video = raw->routine->video;
	}

	/* Count only the exercises built so far, so a failure frees just those. */
	for (unsigned i = 0; i < raw->n_exercises; i++) {
		cat->n_exercises = i + 1;
		if (!build_exercise(L, cat, i, &raw->exercises[i], &cat->exercises[i]))
			goto fail;
	}
	if (raw->n_routines > 0)
		cat->routines = xcalloc(raw->n_routines, sizeof(*cat->routines));
	for (unsigned i = 0; i < raw->n_routines; i++) {
		cat->n_routines = i + 1;
		if (!build_routine(L, cat, i, &raw->routines[i], &cat->routines[i]))
			goto fail;
	}
	return cat;
fail:
	free_model(cat);
	return NULL;
}

/* ---- Loading ---------------------------------------------------------------- */

static void set_error(struct cat_error *err, enum cat_status st, const char *msg)
{
	err->status = st;
	err->line = err->col = 0;
	snprintf(err->msg, sizeof(err->msg), "%s", msg);
}

enum cat_status cat_load_buffer(const char *buf, size_t len, struct catalogue **out,
                                struct cat_error *err)
{
	struct cat_error local;
	struct loader L = { 0 };
	cyaml_config_t config = yerr_base_config;
	struct raw_catalogue *raw = NULL;
	struct catalogue *cat = NULL;
	cyaml_err_t cerr;

	L.err = &local;
	memset(&local, 0, sizeof(local));
	config.log_fn = yerr_log_capture;
	config.log_ctx = &L.log;

	if (buf == NULL) {
		buf = "";
		len = 0;
	}
	yerr_doc_init(&L.doc, buf, len);
	if (yerr_prescan(buf, len, YERR_SCAN_TEXT, &local.line, &local.col, local.msg,
	                 sizeof(local.msg))) {
		/* Nothing loads the whole of a file that is broken or too deep. */
		local.status = CAT_EINVALID;
		cerr = CYAML_OK;
	} else {
		cerr = cyaml_load_data((const uint8_t *)buf, len, &config, &top_schema,
		                       (cyaml_data_t **)&raw, NULL);
	}
	if (local.status != CAT_OK) {
		/* Already said. */
	} else if (cerr == CYAML_ERR_OOM) {
		set_error(&local, CAT_ENOMEM, "out of memory");
	} else if (cerr != CYAML_OK) {
		/* Syntax errors were the pre-scan's to find. */
		schema_error(&L, cerr);
	} else if (raw == NULL) {
		set_error(&local, CAT_EINVALID, "the catalogue is empty");
	} else {
		cat = build(&L, raw);
		if (cat == NULL)
			cyaml_free(&yerr_base_config, &top_schema, raw, 0);
	}
	yerr_doc_fini(&L.doc);
	if (cat == NULL) {
		if (local.status == CAT_OK)
			set_error(&local, CAT_EINVALID, "cannot load the catalogue");
		if (err != NULL)
			*err = local;
		return local.status;
	}
	*out = cat;
	return CAT_OK;
}

/* cat_load_buffer() for yerr_load_file(). */
static enum cat_status load_into(const char *buf, size_t len, void *out, struct cat_error *err)
{
	return cat_load_buffer(buf, len, out, err);
}

enum cat_status cat_load_file(const char *path, struct catalogue **out, struct cat_error *err)
{
	return yerr_load_file(path, CAT_MAX_FILE, load_into, out, err);
}

void cat_free(struct catalogue *cat)
{
	struct cat_priv *priv;

	if (cat == NULL)
		return;
	priv = cat->priv;
	if (priv != NULL)
		cyaml_free(&yerr_base_config, &top_schema, priv->raw, 0);
	free_model(cat);
}

/* ---- Lookup order -------------------------------------------------------------- */

static bool is_set(const char *s)
{
	return s != NULL && s[0] != '\0';
}

/* A readable regular file; directories and missing files do not count. */
static bool usable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

/* Write a path; false when it does not fit, so it cannot be used. */
static bool put(char *buf, size_t len, const char *a, const char *b)
{
	int n;

	if (len == 0)
		return false;
	n = snprintf(buf, len, "%s%s", a, b);
	return n >= 0 && (size_t)n < len;
}

/*
 * A relative $XDG_CONFIG_HOME is ignored, as the XDG base directory spec
 * asks, and $HOME/.config is used instead. An explicit file that does not fit
 * in `buf` is still returned, cut short, so that loading it fails visibly.
 */
enum cat_source cat_lookup(const struct cat_lookup_env *env, char *buf, size_t len)
{
	if (is_set(env->option)) {
		put(buf, len, env->option, "");
		return CAT_SRC_OPTION;
	}
	if (is_set(env->lumbar_catalogue)) {
		put(buf, len, env->lumbar_catalogue, "");
		return CAT_SRC_ENV;
	}
	if (file_xdg_path(env->xdg_config_home, env->home, ".config", "lumbar/exercises.yaml", buf,
	                  len) == 0 &&
	    usable(buf))
		return CAT_SRC_CONFIG;
	if (is_set(env->datadir)) {
		if (put(buf, len, env->datadir, "/exercises.yaml") && usable(buf))
			return CAT_SRC_DATADIR;
	}
	if (len > 0)
		buf[0] = '\0';
	return CAT_SRC_BUILTIN;
}

const char *cat_source_name(enum cat_source src)
{
	switch (src) {
	case CAT_SRC_OPTION:
		return "--catalogue";
	case CAT_SRC_ENV:
		return "$LUMBAR_CATALOGUE";
	case CAT_SRC_CONFIG:
		return "user config";
	case CAT_SRC_DATADIR:
		return "installed copy";
	case CAT_SRC_BUILTIN:
		return "built-in copy";
	}
	return "unknown";
}
