/*
 * questionnaire.c - load and check questionnaires (see questionnaire.h).
 *
 * As the settings, the file goes through libcyaml into a raw struct whose
 * numbers are strings (libcyaml reads `10x` as 10), parsed strictly here;
 * yaml_err.c turns libcyaml's log into a position, and each check below
 * locates its own error at the value it is about.
 *
 * No curses and no clock here.
 */
#include "questionnaire.h"
#include "file.h"
#include "yaml_err.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest number kept whole; longer ones are reported as not a number. */
#define NUMBER_MAX 16

/* ---- Raw questionnaire, as libcyaml loads it ------------------------------------------ */

struct raw_anchors {
	char *low, *high;
};

struct raw_item {
	char *text;
	struct raw_anchors *anchors;
};

struct raw_scale {
	char *min, *max;
	struct raw_anchors *anchors;
};

struct raw_q {
	char *id, *version, *title, *recall;
	struct raw_scale *scale;
	int *scoring;
	char *every_days, *activities;
	struct raw_item *items;
	unsigned n_items;
};

static const cyaml_schema_field_t anchor_fields[] = {
	CYAML_FIELD_STRING_PTR("low", CYAML_FLAG_POINTER, struct raw_anchors, low, 1,
	                       YERR_VALUE_MAX),
	CYAML_FIELD_STRING_PTR("high", CYAML_FLAG_POINTER, struct raw_anchors, high, 1,
	                       YERR_VALUE_MAX),
	CYAML_FIELD_END,
};

static const cyaml_schema_field_t item_fields[] = {
	CYAML_FIELD_STRING_PTR("text", CYAML_FLAG_POINTER, struct raw_item, text, 1,
	                       YERR_VALUE_MAX),
	CYAML_FIELD_MAPPING_PTR("anchors", CYAML_FLAG_OPTIONAL, struct raw_item, anchors,
	                        anchor_fields),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t item_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_DEFAULT, struct raw_item, item_fields),
};

static const cyaml_schema_field_t scale_fields[] = {
	CYAML_FIELD_STRING_PTR("min", CYAML_FLAG_POINTER, struct raw_scale, min, 0, NUMBER_MAX),
	CYAML_FIELD_STRING_PTR("max", CYAML_FLAG_POINTER, struct raw_scale, max, 0, NUMBER_MAX),
	CYAML_FIELD_MAPPING_PTR("anchors", CYAML_FLAG_DEFAULT, struct raw_scale, anchors,
	                        anchor_fields),
	CYAML_FIELD_END,
};

static const cyaml_strval_t scoring_strings[] = {
	{ "mean", Q_SCORE_MEAN },
	{ "sum", Q_SCORE_SUM },
	{ "each", Q_SCORE_EACH },
};

#define TEXT(key, member, max)                                                                     \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_POINTER, struct raw_q, member, 0, max)

static const cyaml_schema_field_t top_fields[] = {
	TEXT("id", id, YERR_VALUE_MAX),
	TEXT("version", version, NUMBER_MAX),
	TEXT("title", title, YERR_VALUE_MAX),
	TEXT("recall", recall, YERR_VALUE_MAX),
	CYAML_FIELD_MAPPING_PTR("scale", CYAML_FLAG_DEFAULT, struct raw_q, scale, scale_fields),
	CYAML_FIELD_ENUM_PTR("scoring", CYAML_FLAG_STRICT, struct raw_q, scoring, scoring_strings,
	                     CYAML_ARRAY_LEN(scoring_strings)),
	TEXT("every_days", every_days, NUMBER_MAX),
	CYAML_FIELD_STRING_PTR("activities", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, struct raw_q,
	                       activities, 0, NUMBER_MAX),
	CYAML_FIELD_SEQUENCE_COUNT("items", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL, struct raw_q,
	                           items, n_items, &item_schema, 1, Q_MAX_ITEMS),
	CYAML_FIELD_END,
};

static const cyaml_schema_value_t top_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct raw_q, top_fields),
};

/* ---- Errors --------------------------------------------------------------------------- */

/* A path as a message names it: scale.anchors, items[2].text. */
static const char *path_words(const struct yerr_path *p, unsigned depth, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < depth && i < p->n && used < len; i++)
		used += (size_t)(p->c[i].is_index
		                     ? snprintf(buf + used, len - used, "[%u]", p->c[i].index)
		                     : snprintf(buf + used, len - used, "%s%s", used ? "." : "",
		                                p->c[i].key));
	return buf;
}

/* Put the error at a path's node (its key with want_key); untouched when not found. */
static void locate(struct yerr_loader *L, const struct yerr_path *p, unsigned depth, bool want_key)
{
	yerr_doc_locate(&L->doc, p, depth, want_key, &L->err->line, &L->err->col);
}

/* A path of one or two keys and an optional index between them. */
static struct yerr_path path_of(const char *a, int index, const char *b)
{
	struct yerr_path p = { 0 };

	yerr_path_key(&p, a);
	if (index >= 0)
		yerr_path_index(&p, (unsigned)index);
	if (b)
		yerr_path_key(&p, b);
	return p;
}

/* Say what libcyaml found wrong, with the path in front. */
static void schema_error(struct yerr_loader *L, cyaml_err_t cerr)
{
	struct yerr_path p = yerr_backtrace_path(&L->log);
	struct yerr_msg m;
	char where[160];

	if (!yerr_schema_error(L, cerr, &m))
		return;
	switch (m.kind) {
	case YERR_UNEXPECTED_KEY: {
		struct yerr_path kp = p;

		yerr_path_key(&kp, m.text);
		locate(L, &kp, kp.n, true);
		path_words(&p, p.n, where, sizeof(where));
		yerr_fail(L, "%s%sunknown key '%.60s'", where, *where ? ": " : "", m.text);
		break;
	}
	case YERR_MISSING_KEY:
		/* At the start of the mapping that lacks it. */
		if (p.n > 0 && !p.c[p.n - 1].is_index)
			p.n--;
		locate(L, &p, p.n, false);
		path_words(&p, p.n, where, sizeof(where));
		yerr_fail(L, "%s%smissing required key '%s'", where, *where ? ": " : "", m.a);
		break;
	case YERR_DUPLICATE_KEY:
		path_words(&p, p.n, where, sizeof(where));
		yerr_fail(L, "%s%skey '%s' appears twice", where, *where ? ": " : "", m.a);
		break;
	case YERR_TYPE:
		locate(L, &p, p.n, false);
		yerr_fail_type(L, path_words(&p, p.n, where, sizeof(where)), &m);
		break;
	case YERR_ENUM:
		locate(L, &p, p.n, false);
		yerr_fail(L, "scoring: '%.40s' is not mean, sum or each", m.text);
		break;
	case YERR_TOO_SHORT:
		locate(L, &p, p.n, false);
		path_words(&p, p.n, where, sizeof(where));
		yerr_fail(L, "%s is empty", where);
		break;
	case YERR_TOO_LONG:
		locate(L, &p, p.n, false);
		path_words(&p, p.n, where, sizeof(where));
		yerr_fail(L, "%s is longer than %u bytes", where, m.n1);
		break;
	case YERR_TOO_MANY:
		locate(L, &p, p.n, false);
		yerr_fail(L, "items: too many entries (at most %u)", m.n1);
		break;
	case YERR_TOO_FEW:
		locate(L, &p, p.n, false);
		yerr_fail(L, "items is empty (at least 1 needed)");
		break;
	case YERR_NO_ANCHOR:
		yerr_fail(L, "alias '*%s' has no anchor", m.a);
		break;
	default:
		yerr_fail_logged(L, path_words(&p, p.n, where, sizeof(where)));
		break;
	}
}

/* ---- Building ------------------------------------------------------------------------- */

/* A whole number lo..hi without sign, or -1. */
static long number(const char *s, long lo, long hi)
{
	long n = 0;
	size_t i = 0;

	for (; s[i] >= '0' && s[i] <= '9' && n <= hi; i++)
		n = n * 10 + (s[i] - '0');
	return i > 0 && s[i] == '\0' && n >= lo && n <= hi ? n : -1;
}

/* One line of printable text that fits: NULL, or why not. */
static const char *text_check(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0)
		return "is empty";
	if (n > max)
		return "is too long";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return "has a control character";
	return NULL;
}

/* Copy a checked text into dst, or say what is wrong at `p`. */
static bool text(struct yerr_loader *L, const struct yerr_path *p, const char *s, char *dst,
                 size_t size)
{
	char where[160];
	const char *why = text_check(s, size - 1);

	if (why) {
		locate(L, p, p->n, false);
		yerr_fail(L, "%s %s (at most %zu bytes on one line)",
		          path_words(p, p->n, where, sizeof(where)), why, size - 1);
		return false;
	}
	memcpy(dst, s, strlen(s) + 1);
	return true;
}

static bool anchors(struct yerr_loader *L, const struct yerr_path *at,
                    const struct raw_anchors *raw, struct q_anchors *out)
{
	struct yerr_path p = *at;
	struct yerr_path p2 = *at;

	yerr_path_key(&p, "low");
	yerr_path_key(&p2, "high");
	return text(L, &p, raw->low, out->low, sizeof(out->low)) &&
	       text(L, &p2, raw->high, out->high, sizeof(out->high));
}

/* A whole number at a top key or scale's, with its bounds said when it is wrong. */
static bool whole(struct yerr_loader *L, const struct yerr_path *p, const char *s, long lo, long hi,
                  long *out)
{
	char where[160];

	*out = number(s, lo, hi);
	if (*out >= 0)
		return true;
	locate(L, p, p->n, false);
	yerr_fail(L, "%s: expected a whole number from %ld to %ld",
	          path_words(p, p->n, where, sizeof(where)), lo, hi);
	return false;
}

static bool build(struct yerr_loader *L, const struct raw_q *raw, struct questionnaire *q)
{
	struct yerr_path p;
	long v;

	memset(q, 0, sizeof(*q));
	p = path_of("id", -1, NULL);
	if (!cat_valid_id(raw->id, strlen(raw->id))) {
		locate(L, &p, p.n, false);
		yerr_fail(L, "id: expected 1-32 of a-z, 0-9 and -");
		return false;
	}
	memcpy(q->id, raw->id, strlen(raw->id) + 1);
	yerr_doc_locate(&L->doc, &p, p.n, false, &q->id_line, &q->id_col);
	p = path_of("version", -1, NULL);
	if (!whole(L, &p, raw->version, 1, Q_MAX_VERSION, &v))
		return false;
	q->version = (unsigned)v;
	p = path_of("title", -1, NULL);
	if (!text(L, &p, raw->title, q->title, sizeof(q->title)))
		return false;
	p = path_of("recall", -1, NULL);
	if (!text(L, &p, raw->recall, q->recall, sizeof(q->recall)))
		return false;

	p = path_of("scale", -1, "min");
	if (!whole(L, &p, raw->scale->min, 0, Q_MAX_SCALE, &v))
		return false;
	q->min = (int)v;
	p = path_of("scale", -1, "max");
	if (!whole(L, &p, raw->scale->max, 0, Q_MAX_SCALE, &v))
		return false;
	q->max = (int)v;
	if (q->max <= q->min) {
		locate(L, &p, p.n, false);
		yerr_fail(L, "scale: max (%d) must be above min (%d)", q->max, q->min);
		return false;
	}
	p = path_of("scale", -1, "anchors");
	if (!anchors(L, &p, raw->scale->anchors, &q->anchors))
		return false;
	q->scoring = (enum q_scoring) * raw->scoring;
	p = path_of("every_days", -1, NULL);
	if (!whole(L, &p, raw->every_days, 1, Q_MAX_EVERY, &v))
		return false;
	q->every_days = (unsigned)v;

	if (raw->activities && raw->items) {
		p = path_of("activities", -1, NULL);
		locate(L, &p, p.n, true);
		yerr_fail(L, "activities and items: a questionnaire has one or the other");
		return false;
	}
	if (raw->activities) {
		p = path_of("activities", -1, NULL);
		if (!whole(L, &p, raw->activities, 1, Q_MAX_ACTIVE, &v))
			return false;
		if (q->scoring != Q_SCORE_EACH) {
			p = path_of("scoring", -1, NULL);
			locate(L, &p, p.n, false);
			yerr_fail(L, "scoring: activities are scored each");
			return false;
		}
		q->max_active = (unsigned)v;
		return true;
	}
	if (!raw->items) {
		struct yerr_path root = { 0 };
		locate(L, &root, 0, false);
		yerr_fail(L, "missing required key 'items' (or 'activities')");
		return false;
	}
	if (q->scoring == Q_SCORE_EACH) {
		p = path_of("scoring", -1, NULL);
		locate(L, &p, p.n, false);
		yerr_fail(L, "scoring: each is for activities; items score mean or sum");
		return false;
	}
	for (unsigned i = 0; i < raw->n_items; i++) {
		struct q_item *it = &q->item[i];

		p = path_of("items", (int)i, "text");
		if (!text(L, &p, raw->items[i].text, it->text, sizeof(it->text)))
			return false;
		it->anchors = q->anchors;
		p = path_of("items", (int)i, "anchors");
		if (raw->items[i].anchors && !anchors(L, &p, raw->items[i].anchors, &it->anchors))
			return false;
	}
	q->n_items = raw->n_items;
	return true;
}

/* ---- Public ------------------------------------------------------------------------------ */

bool q_looks_like(const char *buf, size_t len)
{
	struct yerr_doc doc;
	struct yerr_path root = { 0 };
	const yaml_node_t *map;
	bool found = false;
	unsigned line, col;
	char msg[8];

	/* A broken or too deep file is not loaded whole here (yerr_prescan()): the catalogue's
	 * loader says what is wrong with it. */
	if (yerr_prescan(buf, len, 0, &line, &col, msg, sizeof(msg)))
		return false;
	yerr_doc_init(&doc, buf, len);
	map = yerr_doc_find(&doc, &root, 0, false);
	for (const yaml_node_pair_t *pair =
	         map && map->type == YAML_MAPPING_NODE ? map->data.mapping.pairs.start : NULL;
	     pair && pair < map->data.mapping.pairs.top && !found; pair++) {
		const yaml_node_t *k = yaml_document_get_node(&doc.doc, pair->key);
		found = k && (yerr_scalar_is(k, "scoring") || yerr_scalar_is(k, "recall"));
	}
	yerr_doc_fini(&doc);
	return found;
}

const char *q_scoring_name(enum q_scoring s)
{
	return s == Q_SCORE_SUM ? "sum" : s == Q_SCORE_EACH ? "each" : "mean";
}

enum cat_status q_load_buffer(const char *buf, size_t len, struct questionnaire *out,
                              struct cat_error *err)
{
	struct cat_error local;
	struct yerr_loader L = { 0 }; /* yerr_loader_fini() of it is nothing */
	struct raw_q *raw = NULL;
	struct questionnaire *q = xmalloc(sizeof(*q));
	cyaml_err_t cerr;

	if (len > Q_MAX_FILE) {
		/* What a file of it would say (yerr_load_file()), for `lumbar check`'s buffer. */
		memset(&local, 0, sizeof(local));
		local.status = CAT_EINVALID;
		snprintf(local.msg, sizeof(local.msg), "the file is too large (over %d KiB)",
		         Q_MAX_FILE / 1024);
	} else if (yerr_load(&L, &local, buf, len, YERR_SCAN_TEXT, &top_schema,
	                     (cyaml_data_t **)&raw, &cerr)) {
		if (raw)
			build(&L, raw, q);
		else
			yerr_fail(&L, "the file is empty (a questionnaire needs id, version, "
			              "title, ...)");
	} else if (local.status == CAT_OK) {
		schema_error(&L, cerr);
	}
	cyaml_free(&yerr_base_config, &top_schema, raw, 0);
	yerr_loader_fini(&L);
	if (local.status == CAT_OK)
		*out = *q;
	else if (err)
		*err = local;
	free(q);
	return local.status;
}

/* q_load_buffer() for yerr_load_file(). */
static enum cat_status load_into(const char *buf, size_t len, void *out, struct cat_error *err)
{
	return q_load_buffer(buf, len, out, err);
}

enum cat_status q_load_file(const char *path, struct questionnaire *out, struct cat_error *err)
{
	return yerr_load_file(path, Q_MAX_FILE, load_into, out, err);
}

int q_dir(const char *xdg_config_home, const char *home, char *buf, size_t len)
{
	return file_xdg_path(xdg_config_home, home, ".config", "lumbar/questionnaires", buf, len)
	           ? -1
	           : 0;
}

const struct questionnaire *q_find(const struct q_set *set, const char *id)
{
	for (size_t i = 0; i < set->n; i++)
		if (strcmp(set->q[i].id, id) == 0)
			return &set->q[i];
	return NULL;
}

/* Names ending in .yaml, for scandir(). */
static int yaml_name(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 5 && strcmp(d->d_name + n - 5, ".yaml") == 0;
}

/*
 * Keep the questionnaire just loaded into out->q[out->n] (status st, error
 * *err, from `name`), or say why not through `say`: its own error, or an id
 * taken already. CAT_OK, or the status.
 */
static enum cat_status keep(struct q_set *out, const char *name, enum cat_status st,
                            struct cat_error *err, q_say_fn *say, void *ctx)
{
	const struct questionnaire *q = &out->q[out->n], *dup;
	struct q_failure *f;

	if (st == CAT_OK && (dup = q_find(out, q->id)) != NULL && dup != q) {
		st = err->status = CAT_EINVALID;
		err->line = q->id_line;
		err->col = q->id_col;
		snprintf(err->msg, sizeof(err->msg), "id: '%s' is already a questionnaire's id%s",
		         dup->id, dup < out->q + 2 ? " (a shipped one)" : "");
	}
	if (st == CAT_OK) {
		out->n++;
		return CAT_OK;
	}
	f = xmalloc(sizeof(*f));
	snprintf(f->file, sizeof(f->file), "%s", name);
	f->err = *err;
	say(ctx, f);
	free(f);
	return st;
}

enum cat_status q_set_load_each(const char *dir, struct q_set *out, q_say_fn *say, void *ctx)
{
	struct dirent **names = NULL;
	struct cat_error err;
	enum cat_status st, first;
	int n;

	memset(out, 0, sizeof(*out));
	st = q_load_buffer(q_builtin_peg_yaml, q_builtin_peg_yaml_len, &out->q[0], &err);
	first = keep(out, "peg.yaml (built in)", st, &err, say, ctx);
	st = q_load_buffer(q_builtin_activities_yaml, q_builtin_activities_yaml_len,
	                   &out->q[out->n], &err);
	st = keep(out, "activities.yaml (built in)", st, &err, say, ctx);
	first = first != CAT_OK ? first : st;
	if (!dir || !*dir || (n = scandir(dir, &names, yaml_name, alphasort)) < 0)
		return first; /* no folder: the shipped ones only */
	for (int i = 0; i < n; i++) {
		char path[sizeof(((struct q_failure *)0)->file)];

		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		if (out->n == Q_MAX_SET) {
			memset(&err, 0, sizeof(err));
			snprintf(err.msg, sizeof(err.msg), "more than %d questionnaires",
			         Q_MAX_SET);
			st = keep(out, path, CAT_EINVALID, &err, say, ctx);
		} else {
			st = q_load_file(path, &out->q[out->n], &err);
			st = keep(out, path, st, &err, say, ctx);
		}
		first = first != CAT_OK ? first : st;
		free(names[i]);
	}
	free(names);
	return first;
}

/* q_set_load()'s `say`: keep the first failure. */
static void keep_first(void *ctx, const struct q_failure *f)
{
	struct q_failure *first = ctx;

	if (first->err.status == CAT_OK)
		*first = *f;
}

enum cat_status q_set_load(const char *dir, struct q_set *out, struct q_failure *fail)
{
	memset(fail, 0, sizeof(*fail));
	return q_set_load_each(dir, out, keep_first, fail);
}
