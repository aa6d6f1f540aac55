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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Longest boolean word kept whole; longer ones are reported as not boolean. */
#define BOOL_MAX YERR_VALUE_MAX

/* ---- Raw settings, as libcyaml loads them -------------------------------------- */

/* `progression:` (issue 13): every value a string, parsed strictly in build(). */
struct raw_progression {
	char *mode;
	char *num[12]; /* in the order of prg_numbers[] */
};

struct raw_settings {
	int *level; /* enum cat_level; NULL when absent */
	char *bell, *speak, *color;
	char *on_phase;
	char *ask_morning;
	char *emergency_number;
	char *notify;
	char **remind_at, **remind_parts;
	unsigned n_remind_at, n_remind_parts;
	char *ask_pain_before;
	struct raw_progression *progression;
	char *figure;
	char *ask_outcomes;
	int *interface; /* enum settings_interface; NULL when absent */
};

static const cyaml_schema_value_t short_entry = {
	CYAML_VALUE_STRING(CYAML_FLAG_POINTER, char, 0, 16),
};

/* The numbers under `progression:`, their bounds and where they go. */
static const struct {
	const char *key;
	int min, max;
	size_t offset; /* in struct prg_params */
	bool is_unsigned;
} prg_numbers[12] = {
	{ "greens", 1, PRG_MAX_GREENS, offsetof(struct prg_params, greens), true },
	{ "greens_weekly", 1, PRG_MAX_GREENS, offsetof(struct prg_params, greens_weekly), true },
	{ "red_free_days", 0, 365, offsetof(struct prg_params, red_free_days), true },
	{ "wait_days", 0, 365, offsetof(struct prg_params, wait_days), true },
	{ "green_pain", 0, 10, offsetof(struct prg_params, green_pain), false },
	{ "green_cap", 0, 10, offsetof(struct prg_params, green_cap), false },
	{ "green_rise", 0, 10, offsetof(struct prg_params, green_rise), false },
	{ "red_pain", 0, 10, offsetof(struct prg_params, red_pain), false },
	{ "red_rise_pain", 0, 10, offsetof(struct prg_params, red_rise_pain), false },
	{ "red_rise", 0, 10, offsetof(struct prg_params, red_rise), false },
	{ "bad_morning_pain", 0, 10, offsetof(struct prg_params, bad_morning_pain), false },
	{ "bad_morning_rise", 0, 10, offsetof(struct prg_params, bad_morning_rise), false },
};

#define NUMBER(key, i)                                                                             \
	CYAML_FIELD_STRING_PTR(key, CYAML_FLAG_OPTIONAL, struct raw_progression, num[i], 0, 16)

static const cyaml_schema_field_t progression_fields[] = {
	CYAML_FIELD_STRING_PTR("mode", CYAML_FLAG_OPTIONAL, struct raw_progression, mode, 0, 16),
	CYAML_FIELD_IGNORE("exercises", CYAML_FLAG_OPTIONAL),
	NUMBER("greens", 0),
	NUMBER("greens_weekly", 1),
	NUMBER("red_free_days", 2),
	NUMBER("wait_days", 3),
	NUMBER("green_pain", 4),
	NUMBER("green_cap", 5),
	NUMBER("green_rise", 6),
	NUMBER("red_pain", 7),
	NUMBER("red_rise_pain", 8),
	NUMBER("red_rise", 9),
	NUMBER("bad_morning_pain", 10),
	NUMBER("bad_morning_rise", 11),
	CYAML_FIELD_END,
};

static const cyaml_strval_t level_strings[] = {
	{ "easy", CAT_LEVEL_EASY },
	{ "medium", CAT_LEVEL_MEDIUM },
	{ "hard", CAT_LEVEL_HARD },
};

static const cyaml_strval_t interface_strings[] = {
	{ "screen", SETTINGS_SCREEN },
	{ "lines", SETTINGS_LINES },
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
	BOOLEAN("ask_pain_before", ask_pain_before),
	CYAML_FIELD_MAPPING_PTR("progression", CYAML_FLAG_OPTIONAL, struct raw_settings,
	                        progression, progression_fields),
	BOOLEAN("ask_morning", ask_morning),
	/* Loaded longer than allowed, so the check below can say why. */
	CYAML_FIELD_STRING_PTR("emergency_number", CYAML_FLAG_OPTIONAL, struct raw_settings,
	                       emergency_number, 0, YERR_VALUE_MAX),
	BOOLEAN("figure", figure),
	BOOLEAN("ask_outcomes", ask_outcomes),
	CYAML_FIELD_ENUM_PTR("interface", CYAML_FLAG_OPTIONAL | CYAML_FLAG_STRICT,
	                     struct raw_settings, interface, interface_strings,
	                     CYAML_ARRAY_LEN(interface_strings)),
	CYAML_FIELD_END,
};

/*
 * The keys of a mapping as the schema has them, "a, b, c": named in the
 * message for an unknown key (since "colour" is an easy slip), and never a
 * list kept by hand beside the schema.
 */
static const char *field_names(const cyaml_schema_field_t *f, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; f->key != NULL && used < len; f++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s", used ? ", " : "", f->key);
	return buf;
}

static const cyaml_schema_value_t top_schema = {
	CYAML_VALUE_MAPPING(CYAML_FLAG_POINTER, struct raw_settings, top_fields),
};

/* ---- Errors ------------------------------------------------------------------------- */

static void set_error(struct cat_error *err, enum cat_status st, const char *msg)
{
	err->status = st;
	err->line = err->col = 0;
	snprintf(err->msg, sizeof(err->msg), "%s", msg);
}

/* Put the error at the key's value (or at the key itself with `want_key`). */
static void locate(struct yerr_loader *L, const char *key, bool want_key)
{
	struct yerr_path p = { 0 };

	yerr_path_key(&p, key);
	yerr_doc_locate(&L->doc, &p, p.n, want_key, &L->err->line, &L->err->col);
}

/* Put the error at progression's `key` (or, with `id`, at exercises' `id`). */
static void locate_progression(struct yerr_loader *L, const char *key, const char *id,
                               bool want_key)
{
	struct yerr_path p = { 0 };

	yerr_path_key(&p, "progression");
	yerr_path_key(&p, key);
	if (id)
		yerr_path_key(&p, id);
	yerr_doc_locate(&L->doc, &p, p.n, want_key, &L->err->line, &L->err->col);
}

/*
 * libcyaml points at the value before the repeated key; the repeat itself,
 * the line to delete, is more use.
 */
static void locate_second(struct yerr_loader *L, const char *key)
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
	       strcmp(key, "ask_pain_before") == 0 || strcmp(key, "ask_morning") == 0 ||
	       strcmp(key, "figure") == 0 || strcmp(key, "ask_outcomes") == 0;
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
static void schema_error(struct yerr_loader *L, cyaml_err_t cerr)
{
	struct yerr_path p = yerr_backtrace_path(&L->log);
	const char *key = p.n > 0 && !p.c[0].is_index ? p.c[0].key : "";
	struct yerr_msg m;
	char names[400];

	if (!yerr_schema_error(L, cerr, &m))
		return;
	switch (m.kind) {
	case YERR_UNEXPECTED_KEY:
		/* libcyaml points at the key before; point at the key itself. */
		if (strcmp(key, "progression") == 0) {
			locate_progression(L, m.text, NULL, true);
			yerr_fail(L, "progression: unknown key '%.60s' (the keys are %s)", m.text,
			          field_names(progression_fields, names, sizeof(names)));
			break;
		}
		locate(L, m.text, true);
		yerr_fail(L, "unknown key '%.60s' (the keys are %s)", m.text,
		          field_names(top_fields, names, sizeof(names)));
		break;
	case YERR_DUPLICATE_KEY:
		locate_second(L, m.a);
		yerr_fail(L, "key '%s' appears twice", m.a);
		break;
	case YERR_TYPE:
		locate(L, key, false);
		yerr_fail_type(L, key, &m);
		break;
	case YERR_ENUM:
		locate(L, key, false);
		yerr_fail(L, "%s: '%.40s' is not %s", key, m.text,
		          strcmp(key, "interface") == 0 ? "screen or lines"
		                                        : "easy, medium or hard");
		break;
	case YERR_TOO_LONG:
		locate(L, key, false);
		if (is_boolean_key(key))
			yerr_fail(L, "%s: expected true or false", key);
		else if (strcmp(key, "emergency_number") == 0)
			yerr_fail(L, "%s: at most 15 characters", key);
		else
			yerr_fail(L, "%s is longer than %u bytes", key, m.n1);
		break;
	case YERR_NO_ANCHOR:
		yerr_fail(L, "alias '*%s' has no anchor", m.a);
		break;
	default:
		/* Anything not translated keeps libcyaml's words, lower-cased. */
		yerr_fail_logged(L, key);
		break;
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
static bool boolean(struct yerr_loader *L, const char *key, const char *s, int *out)
{
	if (s == NULL || settings_parse_bool(s, out) == 0)
		return true;
	locate(L, key, false);
	if (quotable(s, 40))
		yerr_fail(L, "%s: '%s' is not true or false", key, s);
	else
		yerr_fail(L, "%s: expected true or false", key);
	return false;
}

/* The reminder keys: notify, remind_at, remind_parts (see remind.h). */
static bool build_remind(struct yerr_loader *L, const struct raw_settings *raw, struct settings *s)
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
			yerr_fail(L, "remind_at: expected a time HH:MM (00:00 to 23:59)");
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
			yerr_fail(
			    L,
			    "remind_parts: expected hours HH-HH, the first below the last (00-24)");
			return false;
		}
		const char *why = rem_parts_check(s->remind.part, s->remind.n_parts);
		if (why) {
			locate(L, "remind_parts", false);
			yerr_fail(L, "remind_parts: %s", why);
			return false;
		}
	}
	return true;
}

/* `progression: exercises:`, a mapping of exercise id to mode, read from the document. */
static bool build_modes(struct yerr_loader *L, struct settings *s)
{
	struct yerr_path p = { 0 };
	const yaml_node_t *map;

	yerr_path_key(&p, "progression");
	yerr_path_key(&p, "exercises");
	map = yerr_doc_find(&L->doc, &p, p.n, false);
	if (map == NULL)
		return true;
	if (map->type != YAML_MAPPING_NODE) {
		locate_progression(L, "exercises", NULL, false);
		yerr_fail(L, "progression: exercises: expected a mapping of exercise id to mode");
		return false;
	}
	for (const yaml_node_pair_t *pair = map->data.mapping.pairs.start;
	     pair < map->data.mapping.pairs.top; pair++) {
		const yaml_node_t *k = yaml_document_get_node(&L->doc.doc, pair->key);
		const yaml_node_t *v = yaml_document_get_node(&L->doc.doc, pair->value);
		const yaml_node_t *at = k;
		const char *id =
		    k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : "";
		char word[16] = "";
		enum prg_mode mode;

		if (v && v->type == YAML_SCALAR_NODE && v->data.scalar.length < sizeof(word))
			memcpy(word, v->data.scalar.value, v->data.scalar.length);
		if (!cat_valid_id(id, strlen(id))) {
			yerr_fail(L, "progression: exercises: '%.40s' is not an exercise id",
			          quotable(id, 40) ? id : "?");
		} else if (s->n_modes >= CAT_MAX_EXERCISES) {
			yerr_fail(L, "progression: exercises: more than %d exercises",
			          CAT_MAX_EXERCISES);
		} else if (prg_mode_parse(word, &mode) != 0) {
			at = v;
			yerr_fail(L, "progression: exercises: %s: expected off, suggest or auto",
			          id);
		} else {
			snprintf(s->modes[s->n_modes].id, sizeof(s->modes[0].id), "%s", id);
			s->modes[s->n_modes++].mode = mode;
			continue;
		}
		if (at) {
			L->err->line = (unsigned)at->start_mark.line + 1;
			L->err->col = (unsigned)at->start_mark.column + 1;
		}
		return false;
	}
	return true;
}

/* `progression:`: the mode, the numbers, then the modes per exercise. */
static bool build_progression(struct yerr_loader *L, const struct raw_progression *raw,
                              struct settings *s)
{
	if (raw->mode && prg_mode_parse(raw->mode, &s->progression.mode) != 0) {
		locate_progression(L, "mode", NULL, false);
		yerr_fail(L, "progression: mode: expected off, suggest or auto");
		return false;
	}
	for (size_t i = 0; i < sizeof(prg_numbers) / sizeof(prg_numbers[0]); i++) {
		const char *v = raw->num[i], *q = v;
		long n = 0;

		if (v == NULL)
			continue;
		for (; *q >= '0' && *q <= '9' && n <= 100000; q++)
			n = n * 10 + (*q - '0');
		if (*v == '\0' || *q || n < prg_numbers[i].min || n > prg_numbers[i].max) {
			locate_progression(L, prg_numbers[i].key, NULL, false);
			yerr_fail(L, "progression: %s: expected a whole number from %d to %d",
			          prg_numbers[i].key, prg_numbers[i].min, prg_numbers[i].max);
			return false;
		}
		char *field = (char *)&s->progression + prg_numbers[i].offset;
		if (prg_numbers[i].is_unsigned)
			*(unsigned *)(void *)field = (unsigned)n;
		else
			*(int *)(void *)field = (int)n;
	}
	return build_modes(L, s);
}

static bool build(struct yerr_loader *L, const struct raw_settings *raw, struct settings *out)
{
	struct settings s;

	settings_init(&s);
	if (raw->level != NULL) {
		s.have_level = true;
		s.level = (enum cat_level) * raw->level;
	}
	if (raw->interface != NULL)
		s.interface = (enum settings_interface) * raw->interface;
	if (!boolean(L, "bell", raw->bell, &s.bell) || !boolean(L, "speak", raw->speak, &s.speak) ||
	    !boolean(L, "color", raw->color, &s.color) ||
	    !boolean(L, "ask_pain_before", raw->ask_pain_before, &s.ask_pain_before))
		return false;
	if (raw->progression && !build_progression(L, raw->progression, &s)) {
		settings_free(&s);
		return false;
	}
	if (!boolean(L, "ask_morning", raw->ask_morning, &s.ask_morning) ||
	    !boolean(L, "figure", raw->figure, &s.figure) ||
	    !boolean(L, "ask_outcomes", raw->ask_outcomes, &s.ask_outcomes))
		return false;
	if (raw->emergency_number != NULL) {
		const char *why = settings_emergency_check(raw->emergency_number);

		if (why != NULL) {
			locate(L, "emergency_number", false);
			yerr_fail(L, "emergency_number: %s", why);
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
	s->bell = s->speak = s->color = s->ask_morning = s->figure = s->ask_outcomes = -1;
	s->interface = SETTINGS_SCREEN;
	s->on_phase = NULL;
	s->emergency_number = NULL;
	rem_config_default(&s->remind);
	s->ask_pain_before = -1;
	prg_params_default(&s->progression);
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
	struct yerr_loader L;
	struct raw_settings *raw = NULL;
	struct settings s;
	cyaml_err_t cerr;

	settings_init(&s);
	if (yerr_load(&L, &local, buf, len, 0, &top_schema, (cyaml_data_t **)&raw, &cerr)) {
		/* An empty file, or one of comments only, sets nothing. */
		if (raw != NULL)
			build(&L, raw, &s);
	} else if (local.status == CAT_OK) {
		/* Syntax errors were the pre-scan's to find. */
		schema_error(&L, cerr);
	}
	cyaml_free(&yerr_base_config, &top_schema, raw, 0);
	yerr_loader_fini(&L);
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
