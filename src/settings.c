/*
 * settings.c - load the user's defaults from config.yaml.
 *
 * Like the catalogue, the file goes through libcyaml into a raw struct
 * first. Booleans are loaded as strings: libcyaml 1.3.1 reads any word it
 * does not know as true, so `bell: flase` would ring the bell. They are
 * parsed here, strictly, with the key named in the error.
 *
 * Errors have the catalogue's shape and words (yaml_err.c does the work);
 * the settings are one flat mapping, so a path is just a key.
 *
 * No curses and no clock here.
 */
#include "settings.h"
#include "file.h"
#include "yaml_err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest boolean word kept whole; longer ones are reported as not boolean. */
#define BOOL_MAX YERR_VALUE_MAX

/* ---- Raw settings, as libcyaml loads them -------------------------------------- */

struct raw_settings {
	int *level; /* enum cat_level; NULL when absent */
	char *bell, *speak, *color;
	char *on_phase;
	char *ask_morning;
	char *emergency_number;
	char *notify;
	char **remind_at, **remind_parts;
	unsigned n_remind_at, n_remind_parts;
};

static const cyaml_schema_value_t short_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 0, 16),
};

static const cyaml_strval_t level_strings[] = {
	{ "easy", CAT_LEVEL_EASY },
	{ "medium", CAT_LEVEL_MEDIUM },
	{ "hard", CAT_LEVEL_HARD },
};

#define BOOLEAN(key, member)                                                                       \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_OPTIONAL, struct raw_settings, member, 0, BOOL_MAX)

static const cyaml_schema_field_t top_fields[] = {
	CYAML_FIELD_ENUM_PTR("level", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT, struct raw_settings,
	                     level, level_strings, CYAML_ARRAY_LEN(level_strings)),
	BOOLEAN("bell", bell),
	BOOLEAN("speak", speak),
	CYAML_FIELD_STRING_PTR("on_phase", CYAML_FLAG_OPTIONAL, struct raw_settings, on_phase, 0,
	                       SETTINGS_MAX_COMMAND),
	BOOLEAN("color", color),
	CYAML_FIELD_STRING_PTR("notify", CYAML_FLAG_OPTIONAL, struct raw_settings, notify, 0,
	                       SETTINGS_MAX_COMMAND),
	CYAML_FIELD_SEQUENCE_COUNT("remind_at", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_settings, remind_at, n_remind_at, &short_entry, 0,
	                           REM_MAX_TIMES),
	CYAML_FIELD_SEQUENCE_COUNT("remind_parts", CYAML_FLAG_POINTER | CYAML_FLAG_OPTIONAL,
	                           struct raw_settings, remind_parts, n_remind_parts, &short_entry,
	                           1, REM_MAX_PARTS),
	BOOLEAN("ask_morning", ask_morning),
	/* Loaded longer than allowed, so the check below can say why. */
	CYAML_FIELD_STRING_PTR("emergency_number", CYAML_FLAG_OPTIONAL, struct raw_settings,
	                       emergency_number, 0, YERR_VALUE_MAX),
	CYAML_FIELD_END,
};

/* Named in the message for an unknown key, since "colour" is an easy slip. */
static const char known_keys[] =
    "level, bell, speak, on_phase, color, notify, remind_at, remind_parts, ask_morning, "
    "emergency_number";

static const cyaml_schema_value_t top_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct raw_settings, top_fields),
};

/* ---- Errors ------------------------------------------------------------------------- */

struct loader {
	struct cat_error *err;
	struct yerr_log log;
	struct yerr_doc doc;
};

static void fail(struct loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct loader *L, const char *fmt, ...)
{
	va_list ap;

	L->err->status = CAT_EINVALID;
	va_start(ap, fmt);
	vsnprintf(L->err->msg, sizeof(L->err->msg), fmt, ap);
	va_end(ap);
}

static void set_error(struct cat_error *err, enum cat_status st, const char *msg)
{
	err->status = st;
	err->line = err->col = 0;
	snprintf(err->msg, sizeof(err->msg), "%s", msg);
}

/* Put the error at the key's value (or at the key itself with `want_key`). */
static void locate(struct loader *L, const char *key, bool want_key)
{
	struct yerr_path p = { 0 };

	yerr_path_key(&p, key);
	yerr_doc_locate(&L->doc, &p, p.n, want_key, &L->err->line, &L->err->col);
}

/*
 * libcyaml points at the value before the repeated key; the repeat itself,
 * the line to delete, is more use.
 */
static void locate_second(struct loader *L, const char *key)
{
	struct yerr_path root = { 0 };
	const yaml_node_t *map = yerr_doc_find(&L->doc, &root, 0, false);
	bool seen = false;

	if (map == NULL || map->type != YAML_MAPPING_NODE)
		return;
	for (const yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		const yaml_node_t *k = yaml_document_get_node(&L->doc.doc, pair->key);

		if (k == NULL || !yerr_scalar_is(k, key))
			continue;
		if (seen) {
			L->err->line = (unsigned)k->start_mark.line + 1;
			L->err->col = (unsigned)k->start_mark.column + 1;
			return;
		}
		seen = true;
	}
}

static bool is_boolean_key(const char *key)
{
	return strcmp(key, "bell") == 0 || strcmp(key, "speak") == 0 || strcmp(key, "color") == 0 ||
	       strcmp(key, "ask_morning") == 0;
}

/* A value fit to quote in a message: short, printable, one line. */
static bool quotable(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n == 0 || n > max)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f || s[i] == '\'')
			return false;
	return true;
}

/* Say what libcyaml found wrong, in the catalogue's words. */
static void schema_error(struct loader *L, cyaml_err_t cerr)
{
	struct yerr_path p = yerr_backtrace_path(&L->log);
	const char *key = p.n > 0 && !p.c[0].is_index ? p.c[0].key : "";
	struct yerr_msg m;

	L->err->status = CAT_EINVALID;
	if (L->log.bt_line > 0) {
		L->err->line = L->log.bt_line;
		L->err->col = L->log.bt_col;
	}
	if (!L->log.have_error) {
		fail(L, "%s", cyaml_strerror(cerr));
		return;
	}
	yerr_parse(L->log.error, &m);
	switch (m.kind) {
	case YERR_UNEXPECTED_KEY:
		/* libcyaml points at the key before; point at the key itself. */
		locate(L, m.text, true);
		fail(L, "unknown key '%.60s' (the keys are %s)", m.text, known_keys);
		break;
	case YERR_DUPLICATE_KEY:
		locate_second(L, m.a);
		fail(L, "key '%s' appears twice", m.a);
		break;
	case YERR_TYPE:
		locate(L, key, false);
		if (key[0] != '\0')
			fail(L, "%s: expected %s, found %s", key, yerr_type_words(m.a),
			     yerr_type_words(m.b));
		else
			fail(L, "expected %s at the top, found %s", yerr_type_words(m.a),
			     yerr_type_words(m.b));
		break;
	case YERR_ENUM:
		locate(L, key, false);
		fail(L, "%s: '%.40s' is not easy, medium or hard", key, m.text);
		break;
	case YERR_TOO_LONG:
		locate(L, key, false);
		if (is_boolean_key(key))
			fail(L, "%s: expected true or false", key);
		else if (strcmp(key, "emergency_number") == 0)
			fail(L, "%s: at most 15 characters", key);
		else
			fail(L, "%s is longer than %u bytes", key, m.n1);
		break;
	case YERR_NO_ANCHOR:
		fail(L, "alias '*%s' has no anchor", m.a);
		break;
	default: {
		/* Anything not translated keeps libcyaml's words, lower-cased. */
		char text[sizeof(L->log.error)];

		snprintf(text, sizeof(text), "%s", L->log.error);
		if (text[0] >= 'A' && text[0] <= 'Z')
			text[0] = (char)(text[0] - 'A' + 'a');
		if (key[0] != '\0')
			fail(L, "%s: %s", key, text);
		else
			fail(L, "%s", text);
		break;
	}
	}
}

/* ---- Building the settings ------------------------------------------------------------- */

int settings_parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };

	for (size_t i = 0; s != NULL && i < 3; i++) {
		if (strcasecmp(s, yes[i]) == 0) {
			*out = 1;
			return 0;
		}
		if (strcasecmp(s, no[i]) == 0) {
			*out = 0;
			return 0;
		}
	}
	return -1;
}

/* One optional boolean into *out (untouched when absent). */
static bool boolean(struct loader *L, const char *key, const char *s, int *out)
{
	if (s == NULL || settings_parse_bool(s, out) == 0)
		return true;
	locate(L, key, false);
	if (quotable(s, 40))
		fail(L, "%s: '%s' is not true or false", key, s);
	else
		fail(L, "%s: expected true or false", key);
	return false;
}

/* The reminder keys: notify, remind_at, remind_parts (see remind.h). */
static bool build_remind(struct loader *L, const struct raw_settings *raw, struct settings *s)
{
	struct yerr_path p = { 0 };
	unsigned i;

	if (raw->notify != NULL && raw->notify[0] != '\0')
		s->notify = xstrdup(raw->notify);
	if (raw->remind_at != NULL) {
		s->remind.n_at = raw->n_remind_at;
		for (i = 0; i < raw->n_remind_at; i++)
			if (rem_parse_time(raw->remind_at[i], &s->remind.at[i]) != 0)
				break;
		if (i < raw->n_remind_at) {
			yerr_path_key(&p, "remind_at");
			yerr_path_index(&p, i);
			yerr_doc_locate(&L->doc, &p, p.n, false, &L->err->line, &L->err->col);
			fail(L, "remind_at: expected a time HH:MM (00:00 to 23:59)");
			return false;
		}
	}
	if (raw->remind_parts != NULL) {
		s->remind.n_parts = raw->n_remind_parts;
		for (i = 0; i < raw->n_remind_parts; i++)
			if (rem_parse_part(raw->remind_parts[i], &s->remind.part[i]) != 0)
				break;
		if (i < raw->n_remind_parts) {
			yerr_path_key(&p, "remind_parts");
			yerr_path_index(&p, i);
			yerr_doc_locate(&L->doc, &p, p.n, false, &L->err->line, &L->err->col);
			fail(
			    L,
			    "remind_parts: expected hours HH-HH, the first below the last (00-24)");
			return false;
		}
		const char *why = rem_parts_check(s->remind.part, s->remind.n_parts);
		if (why) {
			locate(L, "remind_parts", false);
			fail(L, "remind_parts: %s", why);
			return false;
		}
	}
	return true;
}

static bool build(struct loader *L, const struct raw_settings *raw, struct settings *out)
{
	struct settings s;

	settings_init(&s);
	if (raw->level != NULL) {
		s.have_level = true;
		s.level = (enum cat_level) * raw->level;
	}
	if (!boolean(L, "bell", raw->bell, &s.bell) || !boolean(L, "speak", raw->speak, &s.speak) ||
	    !boolean(L, "color", raw->color, &s.color))
		return false;
	if (!boolean(L, "ask_morning", raw->ask_morning, &s.ask_morning))
		return false;
	if (raw->emergency_number != NULL) {
		const char *why = settings_emergency_check(raw->emergency_number);

		if (why != NULL) {
			locate(L, "emergency_number", false);
			fail(L, "emergency_number: %s", why);
			return false;
		}
	}
	if (raw->on_phase != NULL && raw->on_phase[0] != '\0') {
		s.on_phase = xstrdup(raw->on_phase);
	}
	if (raw->emergency_number != NULL)
		s.emergency_number = xstrdup(raw->emergency_number);
	if (!build_remind(L, raw, &s)) {
		settings_free(&s);
		return false;
	}
	*out = s;
	return true;
}

/* ---- Public ---------------------------------------------------------------------------------- */

void settings_init(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->level = CAT_LEVEL_EASY;
	s->bell = s->speak = s->color = s->ask_morning = -1;
	s->on_phase = NULL;
	s->emergency_number = NULL;
	rem_config_default(&s->remind);
}

void settings_free(struct settings *s)
{
	if (s == NULL)
		return;
	free(s->on_phase);
	free(s->emergency_number);
	free(s->notify);
	settings_init(s);
}

const char *settings_emergency_check(const char *s)
{
	size_t n = strlen(s), digits = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] != '+' && s[i] != ' ')
			return "want digits, + and spaces only, such as 112 or \"+44 999\"";
	}
	if (n > SETTINGS_MAX_EMERGENCY)
		return "at most 15 characters";
	return digits ? NULL : "want at least one digit, such as 112";
}

int settings_path(const char *xdg_config_home, const char *home, char *buf, size_t len)
{
	return file_xdg_path(xdg_config_home, home, ".config", "lumbar/config.yaml", buf, len) ? -1
	                                                                                       : 0;
}

enum cat_status settings_load_buffer(const char *buf, size_t len, struct settings *out,
                                     struct cat_error *err)
{
	struct cat_error local;
	struct loader L = { 0 };
	cyaml_config_t config = yerr_base_config;
	struct raw_settings *raw = NULL;
	struct settings s;
	cyaml_err_t cerr;

	memset(&local, 0, sizeof(local));
	L.err = &local;
	config.log_fn = yerr_log_capture;
	config.log_ctx = &L.log;
	if (buf == NULL) {
		buf = "";
		len = 0;
	}
	yerr_doc_init(&L.doc, buf, len);
	settings_init(&s);

	if (yerr_prescan(buf, len, 0, &local.line, &local.col, local.msg, sizeof(local.msg))) {
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
	} else if (raw != NULL) {
		/* An empty file, or one of comments only, sets nothing. */
		build(&L, raw, &s);
	}
	cyaml_free(&yerr_base_config, &top_schema, raw, 0);
	yerr_doc_fini(&L.doc);
	if (local.status != CAT_OK) {
		if (err != NULL)
			*err = local;
		return local.status;
	}
	*out = s;
	return CAT_OK;
}

enum cat_status settings_load_file(const char *path, struct settings *out, struct cat_error *err)
{
	struct cat_error local;
	char *buf = NULL;
	size_t len = 0;

	/* A symlink is followed: config files often live in a dotfiles folder. */
	int e = file_read(path, SETTINGS_MAX_FILE, FILE_FOLLOW, &buf, &len);
	if (e == 0) {
		enum cat_status st = settings_load_buffer(buf, len, out, err);
		free(buf);
		return st;
	}
	/* No file, or no lumbar directory: nothing was set. */
	if (e == ENOENT || e == ENOTDIR) {
		settings_init(out);
		return CAT_OK;
	}
	if (e == FILE_ETOOBIG)
		set_error(&local, CAT_EINVALID, "the file is too large (over 64 KiB)");
	else
		set_error(&local, CAT_EIO, file_strerror(e));
	if (err != NULL)
		*err = local;
	return local.status;
}
