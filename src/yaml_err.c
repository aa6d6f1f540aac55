/*
 * yaml_err.c - capture libcyaml's log, take its error apart, locate paths
 * and syntax errors with libyaml, read files whole.
 *
 * Shared by the catalogue and the settings loaders so that both report
 * errors the same way: `FILE:LINE:COL: message`.
 */
#include "yaml_err.h"

#include "file.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libcyaml's allocations follow lumbar's policy: out of memory exits 71. */
static void *yerr_mem(void *ctx, void *ptr, size_t size)
{
	(void)ctx;
	if (size == 0) {
		free(ptr);
		return NULL;
	}
	return xrealloc(ptr, size);
}

const cyaml_config_t yerr_base_config = {
	.log_fn = NULL,
	.log_ctx = NULL,
	.mem_fn = yerr_mem,
	.mem_ctx = NULL,
	.log_level = CYAML_LOG_ERROR,
	.flags = CYAML_CFG_DEFAULT,
};

/* Copy a string, cut short to fit; always terminated. */
static void copy_str(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- Paths ------------------------------------------------------------------ */

void yerr_path_key(struct yerr_path *p, const char *key)
{
	if (p->n >= YERR_PATH_DEPTH)
		return;
	p->c[p->n].is_index = false;
	p->c[p->n].index = 0;
	copy_str(p->c[p->n].key, sizeof(p->c[p->n].key), key);
	p->n++;
}

void yerr_path_index(struct yerr_path *p, unsigned index)
{
	if (p->n >= YERR_PATH_DEPTH)
		return;
	p->c[p->n].is_index = true;
	p->c[p->n].index = index;
	p->c[p->n].key[0] = '\0';
	p->n++;
}

/* ---- libcyaml's log ------------------------------------------------------------ */

/* libcyaml hands over its own format strings; they are not ours to check. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/*
 * The backtrace lines read "  in mapping field 'sets' (line: L, column: C)",
 * "  in sequence entry 'N' (...)" and "  in mapping (...)".
 */
void yerr_log_capture(cyaml_log_t level, void *ctx, const char *fmt, va_list args)
{
	struct yerr_log *log = ctx;
	char line[sizeof(log->error)];
	size_t n;
	unsigned ln, col, idx;
	char field[YERR_KEY_LEN];
	const char *pos;

	if (level < CYAML_LOG_ERROR)
		return;
	vsnprintf(line, sizeof(line), fmt, args);
	n = strlen(line);
	while (n > 0 && line[n - 1] == '\n')
		line[--n] = '\0';

	if (strcmp(line, "Load: Backtrace:") == 0) {
		log->in_backtrace = true;
		return;
	}
	if (!log->in_backtrace) {
		if (!log->have_error) {
			const char *s = strncmp(line, "Load: ", 6) == 0 ? line + 6 : line;

			snprintf(log->error, sizeof(log->error), "%s", s);
			log->have_error = true;
		}
		return;
	}

	pos = strstr(line, "(line: ");
	if (pos == NULL || sscanf(pos, "(line: %u, column: %u)", &ln, &col) != 2)
		return;
	if (log->bt_line == 0) {
		log->bt_line = ln;
		log->bt_col = col;
	}
	/* The width below is YERR_KEY_LEN - 1. */
	if (sscanf(line, " in mapping field '%47[^']'", field) == 1)
		yerr_path_key(&log->bt_rev, field);
	else if (sscanf(line, " in sequence entry '%u'", &idx) == 1)
		yerr_path_index(&log->bt_rev, idx);
}

#pragma GCC diagnostic pop

struct yerr_path yerr_backtrace_path(const struct yerr_log *log)
{
	const char *m = log->error;
	int list_error = strncmp(m, "Excessive entries", 17) == 0      ? 1
	                 : strncmp(m, "Insufficient entries", 20) == 0 ? -1
	                                                               : 0;
	struct yerr_path p = { 0 };

	for (unsigned i = log->bt_rev.n; i > 0; i--) {
		p.c[p.n] = log->bt_rev.c[i - 1];
		if (p.c[p.n].is_index && !(i == 1 && list_error != 0)) {
			if (p.c[p.n].index == 0)
				break;
			p.c[p.n].index--;
		}
		if (i == 1 && p.c[p.n].is_index && list_error < 0)
			break;
		p.n++;
	}
	return p;
}

/*
 * The order matters only where two patterns could both match; the widths
 * are YERR_VALUE_MAX and sizeof(a) - 1.
 */
void yerr_parse(const char *m, struct yerr_msg *out)
{
	memset(out, 0, sizeof(*out));
	if (sscanf(m, "Unexpected key: %500[^\n]", out->text) == 1)
		out->kind = YERR_UNEXPECTED_KEY;
	else if (sscanf(m, "Missing required mapping field: %63s", out->a) == 1)
		out->kind = YERR_MISSING_KEY;
	else if (sscanf(m, "Mapping field already seen: %63s", out->a) == 1)
		out->kind = YERR_DUPLICATE_KEY;
	else if (sscanf(m, "Expecting %63s got event: %63s", out->a, out->b) == 2)
		out->kind = YERR_TYPE;
	else if (sscanf(m, "Invalid ENUM value: %500[^\n]", out->text) == 1)
		out->kind = YERR_ENUM;
	else if (sscanf(m, "STRING length < %u", &out->n1) == 1)
		out->kind = YERR_TOO_SHORT;
	else if (sscanf(m, "STRING length > %u", &out->n1) == 1)
		out->kind = YERR_TOO_LONG;
	else if (sscanf(m, "Excessive entries (%u max)", &out->n1) == 1)
		out->kind = YERR_TOO_MANY;
	else if (sscanf(m, "Insufficient entries (%u of %u min)", &out->n1, &out->n2) == 2)
		out->kind = YERR_TOO_FEW;
	else if (sscanf(m, "No anchor found for alias: '%63[^']'", out->a) == 1)
		out->kind = YERR_NO_ANCHOR;
	else
		out->kind = YERR_OTHER;
	/* A pattern that failed half-way may have written into the buffers. */
	if (out->kind != YERR_UNEXPECTED_KEY && out->kind != YERR_ENUM)
		out->text[0] = '\0';
}

const char *yerr_type_words(const char *s)
{
	if (strncmp(s, "STRING", 6) == 0 || strncmp(s, "ENUM", 4) == 0 ||
	    strncmp(s, "SCALAR", 6) == 0)
		return "a single value";
	if (strncmp(s, "SEQUENCE", 8) == 0)
		return "a list";
	if (strncmp(s, "MAPPING", 7) == 0)
		return "a mapping of keys";
	if (strncmp(s, "ALIAS", 5) == 0)
		return "an alias";
	return "something else";
}

/* ---- The document, to locate paths ---------------------------------------------- */

void yerr_doc_init(struct yerr_doc *d, const char *buf, size_t len)
{
	memset(d, 0, sizeof(*d));
	d->buf = buf;
	d->len = len;
}

void yerr_doc_fini(struct yerr_doc *d)
{
	if (d->state == 1)
		yaml_document_delete(&d->doc);
	d->state = 0;
}

static yaml_node_t *doc_root(struct yerr_doc *d)
{
	if (d->state == 0) {
		yaml_parser_t parser;

		d->state = -1;
		if (!yaml_parser_initialize(&parser))
			return NULL;
		yaml_parser_set_input_string(&parser, (const unsigned char *)d->buf, d->len);
		if (yaml_parser_load(&parser, &d->doc))
			d->state = 1;
		yaml_parser_delete(&parser);
	}
	if (d->state != 1)
		return NULL;
	return yaml_document_get_root_node(&d->doc);
}

bool yerr_scalar_is(const yaml_node_t *node, const char *s)
{
	size_t n = strlen(s);

	return node->type == YAML_SCALAR_NODE && node->data.scalar.length == n &&
	       memcmp(node->data.scalar.value, s, n) == 0;
}

yaml_node_t *yerr_doc_find(struct yerr_doc *d, const struct yerr_path *p, unsigned depth,
                           bool want_key)
{
	yaml_node_t *node = doc_root(d);

	for (unsigned i = 0; node != NULL && i < depth && i < p->n; i++) {
		if (p->c[i].is_index) {
			yaml_node_item_t *items = node->data.sequence.items.start;
			size_t count;

			if (node->type != YAML_SEQUENCE_NODE)
				return NULL;
			count = (size_t)(node->data.sequence.items.top - items);
			if (p->c[i].index >= count)
				return NULL;
			node = yaml_document_get_node(&d->doc, items[p->c[i].index]);
		} else {
			yaml_node_t *found = NULL;

			if (node->type != YAML_MAPPING_NODE)
				return NULL;
			for (yaml_node_pair_t *pair = node->data.mapping.pairs.start;
			     pair < node->data.mapping.pairs.top; pair++) {
				yaml_node_t *key = yaml_document_get_node(&d->doc, pair->key);

				if (key != NULL && yerr_scalar_is(key, p->c[i].key)) {
					bool last = i + 1 == depth || i + 1 == p->n;

					found = want_key && last
					            ? key
					            : yaml_document_get_node(&d->doc, pair->value);
					break;
				}
			}
			node = found;
		}
	}
	return node;
}

/* Where the top node starts, read from the first events alone. */
static bool root_start(const struct yerr_doc *d, unsigned *line, unsigned *col)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool found = false;

	if (!yaml_parser_initialize(&parser))
		return false;
	yaml_parser_set_input_string(&parser, (const unsigned char *)d->buf, d->len);
	while (!found && yaml_parser_parse(&parser, &ev)) {
		yaml_event_type_t t = ev.type;

		if (t == YAML_SCALAR_EVENT || t == YAML_SEQUENCE_START_EVENT ||
		    t == YAML_MAPPING_START_EVENT || t == YAML_ALIAS_EVENT) {
			*line = (unsigned)ev.start_mark.line + 1;
			*col = (unsigned)ev.start_mark.column + 1;
			found = true;
		}
		yaml_event_delete(&ev);
		if (t == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&parser);
	return found;
}

bool yerr_doc_locate(struct yerr_doc *d, const struct yerr_path *p, unsigned depth, bool want_key,
                     unsigned *line, unsigned *col)
{
	const yaml_node_t *node;

	if ((depth == 0 || p->n == 0) && d->state != 1)
		return root_start(d, line, col);
	node = yerr_doc_find(d, p, depth, want_key);

	if (node == NULL)
		return false;
	*line = (unsigned)node->start_mark.line + 1;
	*col = (unsigned)node->start_mark.column + 1;
	return true;
}

/* ---- A cheap look before loading ----------------------------------------------------- */

/*
 * The offset of the first control character in a scalar, or -1: C0 (NUL,
 * tab and newline included), DEL, and C1 as UTF-8 (U+0080..U+009F). libyaml
 * has checked the encoding already.
 */
static long first_control(const unsigned char *s, size_t n, unsigned *code)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] == 0x7f) {
			*code = s[i];
			return (long)i;
		}
		if (s[i] == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f) {
			*code = s[i + 1];
			return (long)i;
		}
	}
	return -1;
}

static const char *control_name(unsigned code)
{
	switch (code) {
	case 0:
		return " (NUL)";
	case '\t':
		return " (tab)";
	case '\n':
		return " (newline)";
	case '\r':
		return " (carriage return)";
	case 0x1b:
		return " (escape)";
	default:
		return "";
	}
}

bool yerr_prescan(const char *buf, size_t len, unsigned flags, unsigned *line, unsigned *col,
                  char *msg, size_t msglen)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	unsigned depth = 0, documents = 0;
	bool found = false;

	if (!yaml_parser_initialize(&parser))
		return false;
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	while (!found) {
		const yaml_mark_t *at = &ev.start_mark;
		unsigned code = 0;

		if (!yaml_parser_parse(&parser, &ev)) {
			*line = (unsigned)parser.problem_mark.line + 1;
			*col = (unsigned)parser.problem_mark.column + 1;
			snprintf(msg, msglen, "syntax error: %s",
			         parser.problem != NULL ? parser.problem : "unreadable YAML");
			found = true;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			yaml_parser_delete(&parser);
			return false;
		case YAML_DOCUMENT_START_EVENT:
			if (++documents > 1) {
				snprintf(msg, msglen,
				         "a second YAML document; the file must hold one (remove "
				         "this '---' and what follows)");
				found = true;
			}
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > YERR_MAX_DEPTH) {
				snprintf(msg, msglen,
				         "nested deeper than %u levels of lists and mappings",
				         (unsigned)YERR_MAX_DEPTH);
				found = true;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_SCALAR_EVENT:
			if ((flags & YERR_SCAN_TEXT) &&
			    first_control(ev.data.scalar.value, ev.data.scalar.length, &code) >=
			        0) {
				snprintf(
				    msg, msglen,
				    "control character U+%04X%s in a value; text must be printable "
				    "and on one line",
				    code, control_name(code));
				found = true;
			}
			break;
		default:
			break;
		}
		if (found) {
			*line = (unsigned)at->line + 1;
			*col = (unsigned)at->column + 1;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return true;
}

/* ---- A loader's frame ------------------------------------------------------------- */

void yerr_fail(struct yerr_loader *L, const char *fmt, ...)
{
	va_list ap;

	L->err->status = CAT_EINVALID;
	va_start(ap, fmt);
	vsnprintf(L->err->msg, sizeof(L->err->msg), fmt, ap);
	va_end(ap);
}

bool yerr_load(struct yerr_loader *L, struct cat_error *err, const char *buf, size_t len,
               unsigned scan_flags, const cyaml_schema_value_t *schema, cyaml_data_t **raw,
               cyaml_err_t *cerr)
{
	cyaml_config_t config = yerr_base_config;

	memset(L, 0, sizeof(*L));
	memset(err, 0, sizeof(*err));
	L->err = err;
	config.log_fn = yerr_log_capture;
	config.log_ctx = &L->log;
	*raw = NULL;
	*cerr = CYAML_OK;
	if (buf == NULL) {
		buf = "";
		len = 0;
	}
	yerr_doc_init(&L->doc, buf, len);
	/* Nothing loads the whole of a file that is broken or too deep. */
	if (yerr_prescan(buf, len, scan_flags, &err->line, &err->col, err->msg, sizeof(err->msg))) {
		err->status = CAT_EINVALID;
		return false;
	}
	*cerr = cyaml_load_data((const uint8_t *)buf, len, &config, schema, raw, NULL);
	if (*cerr == CYAML_ERR_OOM) {
		err->status = CAT_ENOMEM;
		snprintf(err->msg, sizeof(err->msg), "out of memory");
	}
	return *cerr == CYAML_OK;
}

void yerr_loader_fini(struct yerr_loader *L)
{
	yerr_doc_fini(&L->doc);
}

bool yerr_schema_error(struct yerr_loader *L, cyaml_err_t cerr, struct yerr_msg *m)
{
	L->err->status = CAT_EINVALID;
	if (L->log.bt_line > 0) {
		L->err->line = L->log.bt_line;
		L->err->col = L->log.bt_col;
	}
	if (!L->log.have_error) {
		yerr_fail(L, "%s", cyaml_strerror(cerr));
		return false;
	}
	yerr_parse(L->log.error, m);
	return true;
}

void yerr_fail_type(struct yerr_loader *L, const char *where, const struct yerr_msg *m)
{
	if (where && *where)
		yerr_fail(L, "%s: expected %s, found %s", where, yerr_type_words(m->a),
		          yerr_type_words(m->b));
	else
		yerr_fail(L, "expected %s at the top, found %s", yerr_type_words(m->a),
		          yerr_type_words(m->b));
}

void yerr_fail_logged(struct yerr_loader *L, const char *where)
{
	char text[sizeof(L->log.error)];

	copy_str(text, sizeof(text), L->log.error);
	if (text[0] >= 'A' && text[0] <= 'Z')
		text[0] = (char)(text[0] - 'A' + 'a');
	if (where && *where)
		yerr_fail(L, "%s: %s", where, text);
	else
		yerr_fail(L, "%s", text);
}

/* ---- Reading ---------------------------------------------------------------------- */

enum cat_status yerr_load_file(const char *path, size_t max,
                               enum cat_status (*load)(const char *buf, size_t len, void *out,
                                                       struct cat_error *err),
                               void *out, struct cat_error *err)
{
	struct cat_error local;
	char *buf = NULL;
	size_t len = 0;
	int e = file_read(path, max, FILE_FOLLOW, &buf, &len);

	if (e == 0) {
		enum cat_status st = load(buf, len, out, err);
		free(buf);
		return st;
	}
	memset(&local, 0, sizeof(local));
	local.status = e == FILE_ETOOBIG ? CAT_EINVALID : CAT_EIO;
	if (e == FILE_ETOOBIG)
		snprintf(local.msg, sizeof(local.msg), "the file is too large (over %zu KiB)",
		         max / 1024);
	else
		snprintf(local.msg, sizeof(local.msg), "%s", file_strerror(e));
	if (err)
		*err = local;
	return local.status;
}
