/*
 * yaml_err.h - what libcyaml and libyaml say went wrong in a YAML file, and
 * where.
 *
 * libcyaml 1.3.1 reports positions only in its log text. The loaders that
 * use it (the catalogue, the settings file) install yerr_log_capture() as
 * the log function, then turn the captured error into their own words with
 * yerr_parse() and a position with the backtrace, or with a path looked up
 * in a libyaml document of the same buffer (yerr_doc_find()). Before any of
 * that, yerr_prescan() reads the buffer once with libyaml's event parser and
 * reports syntax errors, nesting too deep, a second document and (for the
 * catalogue) control characters.
 *
 * Nothing here knows a schema: the words a user reads are the loader's.
 */
#ifndef LUMBAR_YAML_ERR_H
#define LUMBAR_YAML_ERR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <cyaml/cyaml.h>
#include <yaml.h>

#include "catalogue.h" /* struct cat_error, the loaders' error */

enum {
	YERR_PATH_DEPTH = 16, /* deepest path kept; deeper components are dropped */
	YERR_KEY_LEN = 48,    /* longest key kept in a path, with its NUL */
	YERR_VALUE_MAX = 500, /* longest value or key quoted from a log line */
	YERR_LOG_LEN = YERR_VALUE_MAX + 128,
};

/* ---- Paths ------------------------------------------------------------------ */

/* A path such as exercises[2].sets[0].hold_max, outermost component first. */
struct yerr_path {
	unsigned n;
	struct {
		bool is_index;
		unsigned index;
		char key[YERR_KEY_LEN];
	} c[YERR_PATH_DEPTH];
};

/* Append a key or a sequence index; ignored once the path is full. */
void yerr_path_key(struct yerr_path *p, const char *key);
void yerr_path_index(struct yerr_path *p, unsigned index);

/* ---- libcyaml's log ------------------------------------------------------------ */

/* What libcyaml logged: its first error and the backtrace that follows. */
/*
 * The libcyaml config both loaders share. Loading and freeing must use the
 * same allocator: this is the config cyaml_free() sees, and loading copies
 * it to add the log capture.
 */
extern const cyaml_config_t yerr_base_config;

struct yerr_log {
	bool have_error;
	bool in_backtrace;
	char error[YERR_LOG_LEN]; /* without the "Load: " prefix */
	struct yerr_path bt_rev;  /* innermost component first, as logged */
	unsigned bt_line, bt_col; /* innermost backtrace position; 0 when none */
};

/*
 * A cyaml_log_fn_t. `ctx` is a zeroed struct yerr_log. Keeps the first error
 * and parses the backtrace; everything else is dropped, so libcyaml never
 * prints on its own.
 */
void yerr_log_capture(cyaml_log_t level, void *ctx, const char *fmt, va_list args);

/*
 * The backtrace as a path, outermost first. libcyaml logs a sequence's count
 * of entries started so far, which inside an entry is its index plus one.
 * When the innermost sequence itself failed (too many or too few entries),
 * its count names no entry: "too many" keeps the count, which is then the
 * index of the first entry too many; "too few" drops it.
 */
struct yerr_path yerr_backtrace_path(const struct yerr_log *log);

/* The error libcyaml logged, taken apart. */
enum yerr_kind {
	YERR_OTHER,          /* not recognised; the loader keeps libcyaml's words */
	YERR_UNEXPECTED_KEY, /* text: the key */
	YERR_MISSING_KEY,    /* a: the key */
	YERR_DUPLICATE_KEY,  /* a: the key */
	YERR_TYPE,           /* a: the type expected, b: the event found */
	YERR_ENUM,           /* text: the value */
	YERR_TOO_SHORT,      /* n1: the least length */
	YERR_TOO_LONG,       /* n1: the greatest length */
	YERR_TOO_MANY,       /* n1: the most entries */
	YERR_TOO_FEW,        /* n1: entries found, n2: the least */
	YERR_NO_ANCHOR,      /* a: the alias */
};

struct yerr_msg {
	enum yerr_kind kind;
	char text[YERR_VALUE_MAX + 1];
	char a[64], b[64];
	unsigned n1, n2;
};

/* Take a captured error line apart. */
void yerr_parse(const char *error, struct yerr_msg *out);

/*
 * Plain words for a libcyaml type or event name ("SEQUENCE_START" -> "a
 * list", "STRING" -> "a single value").
 */
const char *yerr_type_words(const char *s);

/* ---- The document, to locate paths ---------------------------------------------- */

/*
 * The buffer as a libyaml document, loaded on the first lookup only: most
 * files have no error to locate.
 */
struct yerr_doc {
	const char *buf;
	size_t len;
	yaml_document_t doc;
	int state; /* 0 not tried, 1 loaded, -1 failed */
};

/* Prepare a lookup in `buf`, which must outlive the struct's use. */
void yerr_doc_init(struct yerr_doc *d, const char *buf, size_t len);

/* Free the document, if it was loaded. */
void yerr_doc_fini(struct yerr_doc *d);

/*
 * Follow the first `depth` components of a path through the document. With
 * `want_key`, the last component names a key and its key node is returned
 * rather than its value. NULL when the path leads nowhere.
 */
yaml_node_t *yerr_doc_find(struct yerr_doc *d, const struct yerr_path *p, unsigned depth,
                           bool want_key);

/*
 * As yerr_doc_find(), storing the node's 1-based line and column. Returns
 * false, with *line and *col untouched, when the path leads nowhere.
 */
bool yerr_doc_locate(struct yerr_doc *d, const struct yerr_path *p, unsigned depth, bool want_key,
                     unsigned *line, unsigned *col);

/* True when the node is a scalar equal to `s`. */
bool yerr_scalar_is(const yaml_node_t *node, const char *s);

/* ---- A cheap look before loading ----------------------------------------------------- */

/*
 * Deepest nesting of lists and mappings a file may have. The catalogue needs
 * five levels; libyaml's scanner does work proportional to the depth for
 * every token, so a file of nested brackets costs time with the square of
 * its depth unless it is turned away early.
 */
enum { YERR_MAX_DEPTH = 10 };

/* yerr_prescan() flags: every value and key must be printable on one line. */
enum { YERR_SCAN_TEXT = 1 };

/*
 * Run libyaml's event parser over the buffer once, stopping at the first
 * problem: a syntax error, nesting deeper than YERR_MAX_DEPTH, a second
 * document, and with YERR_SCAN_TEXT a control character (C0, DEL, C1,
 * including NUL, tab and newline) in any scalar. Stores the 1-based position
 * and a message and returns true when there is a problem. Costs time linear
 * in the length, so it runs before anything loads the whole document.
 */
bool yerr_prescan(const char *buf, size_t len, unsigned flags, unsigned *line, unsigned *col,
                  char *msg, size_t msglen);

/* ---- A loader's frame ------------------------------------------------------------- */

/*
 * What the settings and questionnaire loaders share: the error being built,
 * libcyaml's log and the document to locate paths in.
 */
struct yerr_loader {
	struct cat_error *err;
	struct yerr_log log;
	struct yerr_doc doc;
};

/* The error is CAT_EINVALID with this message; its position is left as it is. */
void yerr_fail(struct yerr_loader *L, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Load buf (NULL: empty) into *raw with `schema`: yerr_prescan() with
 * `scan_flags` first, then libcyaml with its log captured in L->log. L->err
 * (zeroed here) and L->doc are set up; call yerr_loader_fini() after.
 * Returns true with *raw (NULL for an empty document, or one of comments
 * only), or false: L->err then says a pre-scan problem or out of memory,
 * or, left CAT_OK, libcyaml refused the document and the caller words
 * L->log (yerr_schema_error() starts it).
 */
bool yerr_load(struct yerr_loader *L, struct cat_error *err, const char *buf, size_t len,
               unsigned scan_flags, const cyaml_schema_value_t *schema, cyaml_data_t **raw,
               cyaml_err_t *cerr);

void yerr_loader_fini(struct yerr_loader *L);

/*
 * The start of every loader's schema error: CAT_EINVALID at the backtrace's
 * innermost position, and the logged error taken apart into *m. Returns
 * false when libcyaml logged nothing (the error is then cyaml_strerror()'s).
 */
bool yerr_schema_error(struct yerr_loader *L, cyaml_err_t cerr, struct yerr_msg *m);

/* A YERR_TYPE error: "WHERE: expected a list, found a single value" (at the top without WHERE). */
void yerr_fail_type(struct yerr_loader *L, const char *where, const struct yerr_msg *m);

/* An error yerr_parse() did not recognise: libcyaml's words, lower-cased, after `where: `. */
void yerr_fail_logged(struct yerr_loader *L, const char *where);

/* ---- Reading ---------------------------------------------------------------------- */

/*
 * Read a YAML file whole (file_read(), a symbolic link followed) and load
 * it with `load`. A file that cannot be read is CAT_EIO with the system's
 * words, one over `max` bytes CAT_EINVALID ("the file is too large (over
 * N KiB)"), both in *err (may be NULL) with *out untouched.
 */
enum cat_status yerr_load_file(const char *path, size_t max,
                               enum cat_status (*load)(const char *buf, size_t len, void *out,
                                                       struct cat_error *err),
                               void *out, struct cat_error *err);

#endif
