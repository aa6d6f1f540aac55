/*
 * questionnaire.h - questionnaires as data (issue 22 §1): a YAML file per
 * questionnaire, loaded with libcyaml and checked with located errors
 * (`FILE:LINE:COL: what is wrong`, status 65), as the catalogue is.
 *
 *   id: peg                        # 1-32 of a-z, 0-9 and -: the events' exercise field
 *   version: 1                     # 1-9999: the events' value field
 *   title: "Pain, enjoyment and activity (PEG)"
 *   recall: "in the past week"     # the recall period, said with the question
 *   scale:                         # whole numbers from min to max
 *     min: 0
 *     max: 10
 *     anchors: { low: "does not interfere", high: "completely interferes" }
 *   scoring: mean                  # mean or sum of the items, or each (one figure an item)
 *   every_days: 7                  # offered at most once in this many days
 *   items:                         # 1 to Q_MAX_ITEMS
 *     - text: "What number best describes your pain on average in the past week?"
 *       anchors: { low: "no pain", high: "pain as bad as you can imagine" }
 *     - text: "..."                # without anchors: the scale's
 *
 * Instead of `items:`, `activities: 3` says that the items are the person's
 * own activities, at most that many active at once (1-9), named with
 * `lumbar activities add`; its scoring must be `each`.
 *
 * lumbar ships two (data/peg.yaml, data/activities.yaml), compiled into the
 * binary; a clinic adds its own as `*.yaml` files in the `questionnaires`
 * folder of the config folder ($XDG_CONFIG_HOME/lumbar/questionnaires/).
 * Every key but `anchors` (of an item) is required, an unknown key is an
 * error, and two questionnaires may not share an id.
 *
 * Core: no curses, no clock.
 */
#ifndef LUMBAR_QUESTIONNAIRE_H
#define LUMBAR_QUESTIONNAIRE_H

#include <stdbool.h>
#include <stddef.h>

#include "catalogue.h"

enum {
	Q_MAX_ITEMS = 30,       /* items of one questionnaire */
	Q_MAX_TEXT = 300,       /* bytes of an item's text */
	Q_MAX_TITLE = 80,       /* bytes of a title */
	Q_MAX_RECALL = 80,      /* bytes of a recall period */
	Q_MAX_ANCHOR = 80,      /* bytes of an anchor */
	Q_MAX_VERSION = 9999,   /* highest version */
	Q_MAX_SCALE = 100,      /* scale bounds are from 0 to this */
	Q_MAX_EVERY = 365,      /* longest interval between offers, in days */
	Q_MAX_ACTIVE = 9,       /* most active activities a questionnaire may allow */
	Q_MAX_SET = 16,         /* questionnaires loaded at once, shipped ones included */
	Q_MAX_FILE = 64 * 1024, /* largest questionnaire file read */
};

enum q_scoring {
	Q_SCORE_MEAN, /* the mean of the answered items */
	Q_SCORE_SUM,  /* the sum of the items (all answered) */
	Q_SCORE_EACH, /* each item its own figure (the activities) */
};

/* The words at each end of a scale. */
struct q_anchors {
	char low[Q_MAX_ANCHOR + 1];
	char high[Q_MAX_ANCHOR + 1];
};

struct q_item {
	char text[Q_MAX_TEXT + 1];
	struct q_anchors anchors; /* its own, else a copy of the scale's */
};

struct questionnaire {
	char id[CAT_MAX_ID + 1];
	unsigned version;
	char title[Q_MAX_TITLE + 1];
	char recall[Q_MAX_RECALL + 1];
	int min, max;             /* the scale, min < max */
	struct q_anchors anchors; /* the scale's */
	enum q_scoring scoring;
	unsigned every_days; /* 1..Q_MAX_EVERY */
	/* `activities: N`: the items are the person's activities, N active at most (else 0). */
	unsigned max_active;
	unsigned n_items; /* 0 with max_active */
	struct q_item item[Q_MAX_ITEMS];
	unsigned id_line, id_col; /* where the id stands in its file (for a duplicate) */
};

/*
 * The questionnaires lumbar knows: the shipped ones, then the clinic's.
 * About 230 KB: allocate it (xmalloc) rather than put it on the stack.
 */
struct q_set {
	size_t n;
	struct questionnaire q[Q_MAX_SET];
};

/* The shipped ids. */
#define Q_PEG        "peg"
#define Q_ACTIVITIES "activities"

/*
 * Load and check one questionnaire from a buffer (at most Q_MAX_FILE
 * bytes). Returns CAT_OK and fills *out, or the status with *err filled
 * (message and 1-based position, printable with cat_error_print()) and
 * *out untouched.
 */
enum cat_status q_load_buffer(const char *buf, size_t len, struct questionnaire *out,
                              struct cat_error *err);

/* As q_load_buffer(), from a file (a missing file is CAT_EIO, "No such file"). */
enum cat_status q_load_file(const char *path, struct questionnaire *out, struct cat_error *err);

/*
 * Whether a file's text is meant as a questionnaire rather than a
 * catalogue: its top level is a mapping with a `scoring` or `recall` key
 * (neither is a catalogue's). For `lumbar check FILE`.
 */
bool q_looks_like(const char *buf, size_t len);

/* "mean", "sum" or "each". */
const char *q_scoring_name(enum q_scoring s);

/*
 * The clinic's folder: $XDG_CONFIG_HOME/lumbar/questionnaires, or
 * $HOME/.config/lumbar/questionnaires. Returns 0, or -1 when there is no
 * home or the path does not fit.
 */
int q_dir(const char *xdg_config_home, const char *home, char *buf, size_t len);

/* Where a set's load failed: the file (as shown to the user) and the error. */
struct q_failure {
	char file[4096];
	struct cat_error err;
};

/* Told of each file that does not load (q_set_load_each()). */
typedef void q_say_fn(void *ctx, const struct q_failure *f);

/*
 * The shipped questionnaires, then every `*.yaml` file of `dir` (NULL or a
 * missing folder: none) in name order, into *out. A file that does not load
 * (its own error, an id taken already, located at its `id`, or one file too
 * many) is told to `say` and left out; the others load all the same.
 * Returns CAT_OK, or the first failure's status.
 */
enum cat_status q_set_load_each(const char *dir, struct q_set *out, q_say_fn *say, void *ctx);

/* As q_set_load_each(), keeping the first failure in *fail (zeroed when none). */
enum cat_status q_set_load(const char *dir, struct q_set *out, struct q_failure *fail);

/* The questionnaire with that id, or NULL. */
const struct questionnaire *q_find(const struct q_set *set, const char *id);

/* The shipped files, compiled in (generated from data/peg.yaml and data/activities.yaml). */
extern const char q_builtin_peg_yaml[];
extern const size_t q_builtin_peg_yaml_len;
extern const char q_builtin_activities_yaml[];
extern const size_t q_builtin_activities_yaml_len;

#endif
