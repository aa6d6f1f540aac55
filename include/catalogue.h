/*
 * catalogue.h - the exercise catalogue's model: its bounds and types, lookup
 * of an exercise by id, the one id check and the reserved words, the numbers
 * as the file writes them, ranges and levels. What loads it from YAML is
 * catalogue_load.h; this part links without any YAML library.
 *
 * The catalogue knows nothing of time or screens. It is loaded once, before
 * any screen is drawn, and is read-only afterwards.
 */
#ifndef LUMBAR_CATALOGUE_H
#define LUMBAR_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "figure.h"

/* Bounds enforced while loading (in the libcyaml schema where it can). */
enum {
	CAT_MAX_EXERCISES = 100,
	CAT_MAX_SETS = 20,
	CAT_MAX_STEPS = 30,
	CAT_MAX_CAUTIONS = 30,
	CAT_MAX_WHEN = 10,
	CAT_MAX_STRING = 500,
	CAT_MAX_ID = 32,
	CAT_MAX_SECONDS = 3600,
	CAT_MAX_REPS = 100,
	CAT_MAX_TIMES = 100,
	CAT_MAX_ROUTINES = 20,
	CAT_MAX_LADDER = 60, /* steps of an exercise's own ladder */
};

/* Defaults applied after loading when a key is absent. */
enum {
	CAT_DEFAULT_PREPARE = 5,
	CAT_DEFAULT_SWITCH = 3,
};

enum cat_mode { CAT_MODE_HOLD, CAT_MODE_REPS, CAT_MODE_TIMED };
enum cat_sides { CAT_SIDES_NONE, CAT_SIDES_EACH, CAT_SIDES_ALTERNATE };
enum cat_per { CAT_PER_DAY, CAT_PER_WEEK };
enum cat_level { CAT_LEVEL_EASY, CAT_LEVEL_MEDIUM, CAT_LEVEL_HARD };

/*
 * A number the article may give as a range ("2-3 reps"). When the file gives
 * no `_max`, hi == lo. When the key is absent (and not needed by the mode),
 * both are 0.
 */
struct cat_range {
	unsigned lo, hi;
};

struct cat_set {
	char *name;
	enum cat_mode mode;
	struct cat_range hold;     /* seconds per rep (hold mode) */
	struct cat_range reps;     /* reps per side (hold and reps mode) */
	struct cat_range tempo;    /* seconds per rep (reps mode) */
	struct cat_range duration; /* seconds per side (timed mode) */
	enum cat_sides sides;
	unsigned rest;       /* seconds between reps on the same side */
	unsigned switch_s;   /* seconds to change sides; resolved from routine */
	unsigned rest_after; /* seconds after the set when another set follows */
	char **steps;        /* the set's own steps; NULL when it gives none */
	unsigned n_steps;
	char *side_words[2];       /* what "left" and "right" mean here; NULL when not given */
	struct fig_figure *figure; /* the set's own figure; NULL: the exercise's */
};

struct cat_frequency {
	unsigned times;     /* at least this many per `per` */
	unsigned times_max; /* == times when no range is given */
	enum cat_per per;
	char **when; /* e.g. "morning", "evening"; may be empty */
	unsigned n_when;
};

/* Which value of a set a step of a ladder changes. */
enum cat_value { CAT_VALUE_HOLD, CAT_VALUE_REPS, CAT_VALUE_TEMPO, CAT_VALUE_DURATION };

/*
 * One step of an exercise's own ladder (`ladder:`, issue 20 §1): it
 * changes one value of one set. Step 0 is every set at the low end of its
 * ranges; step i is step i - 1 with ladder[i - 1] applied. Loading checks
 * that each step grows the value it changes and stays inside the set's
 * range unless it says `default: true`.
 */
struct cat_ladder_step {
	unsigned set; /* index into the exercise's sets */
	enum cat_value value;
	unsigned to; /* the value from this step on */
	bool chosen; /* `default: true`: our number, not the source's; may leave the range */
};

struct cat_exercise {
	char *id; /* [a-z0-9-], 1..32 chars, unique in the catalogue */
	char *name;
	char *summary;
	char *position; /* NULL when absent */
	char **steps;
	unsigned n_steps;
	char **cautions; /* may be empty */
	unsigned n_cautions;
	struct cat_frequency freq;
	unsigned prepare; /* resolved: the exercise's own, else the routine's */
	struct cat_set *sets;
	unsigned n_sets;
	struct fig_figure *figure;      /* NULL when the catalogue draws none */
	char *video;                    /* a web address, or NULL: the routine's */
	struct cat_ladder_step *ladder; /* its own ladder; NULL: the generic one */
	unsigned n_ladder;              /* its K; 0 with no ladder of its own */
};

/*
 * A named routine (`routines:` in the file): a few exercises played in a row,
 * such as `morning`. Its id follows the exercise id rule and is unique
 * across exercises and routines.
 */
struct cat_routine {
	char *id; /* [a-z0-9-], 1..32 chars */
	char *name;
	unsigned *exercises; /* catalogue indexes, in the routine's order, no repeats */
	unsigned n_exercises;
};

struct catalogue {
	char *routine_name; /* never NULL after loading ("Routine" by default) */
	unsigned prepare;   /* routine default, already applied to exercises */
	unsigned switch_s;  /* routine default, already applied to sets */
	char *video;        /* the routine's video, a web address, or NULL */
	struct cat_exercise *exercises;
	unsigned n_exercises;
	struct cat_routine *routines; /* may be empty */
	unsigned n_routines;
	void *priv; /* loader's own storage; do not touch (NULL when built by hand) */
};

/* What went wrong while loading. Exit codes follow sysexits(3). */
enum cat_status {
	CAT_OK = 0,
	CAT_EINVALID = 65, /* EX_DATAERR: syntax, schema or validation error */
	CAT_EIO = 66,      /* EX_NOINPUT: the file cannot be opened or read */
	CAT_ENOMEM = 71,   /* EX_OSERR: out of memory */
};

struct cat_error {
	enum cat_status status;
	unsigned line, col; /* 1-based; 0 when the error has no location */
	char msg[512];      /* one line, no trailing newline, no file name */
};

/* The figure a set shows: its own, else its exercise's; NULL when there is none. */
const struct fig_figure *cat_set_figure(const struct cat_exercise *ex, unsigned set);

/*
 * The figures an exercise shows, each once, in the order of the sets that
 * show them (two rounds of a plank show one). Returns how many (0 to
 * CAT_MAX_SETS).
 */
unsigned cat_figures(const struct cat_exercise *ex, const struct fig_figure *out[CAT_MAX_SETS]);

/* The names of the sets that show `f`, ", " between them; cut short to fit `len`. */
char *cat_figure_sets(const struct cat_exercise *ex, const struct fig_figure *f, char *buf,
                      size_t len);

/* The video of an exercise: its own, else the routine's; NULL when there is none. */
const char *cat_video(const struct catalogue *cat, const struct cat_exercise *ex);

/*
 * The steps to show while a set is played: the set's own when it gives
 * them, else the exercise's. Stores the count in *n.
 */
char *const *cat_set_steps(const struct cat_exercise *ex, int set, unsigned *n);

/*
 * The words for a side of a set: its `side_words` entry ("left leg and right
 * arm") when given, else NULL. `side` is 1 for left, 2 for right (as
 * enum plan_side); anything else gives NULL.
 */
const char *cat_side_words(const struct cat_set *set, int side);

/* Index of the exercise with this id, or -1. */
int cat_find(const struct catalogue *cat, const char *id);

/* Index of the named routine with this id, or -1. */
int cat_find_routine(const struct catalogue *cat, const char *id);

/*
 * The same lookup for many ids in a row (every line of a long history): the
 * exercises in id order, searched by halves. A catalogue larger than
 * CAT_MAX_EXERCISES (built by hand) is searched with cat_find().
 */
struct cat_index {
	const struct catalogue *cat;
	unsigned n;
	unsigned order[CAT_MAX_EXERCISES];
};
void cat_index_init(struct cat_index *ix, const struct catalogue *cat);
int cat_index_find(const struct cat_index *ix, const char *id);

/*
 * An exercise id: 1 to CAT_MAX_ID bytes of a-z, 0-9 and '-', read from the
 * first `len` bytes of `s`. The one check for ids, wherever they come from.
 */
bool cat_valid_id(const char *s, size_t len);

/*
 * Words the command line gives a meaning of its own (`lumbar all`, `lumbar
 * due`, the verbs such as `lumbar plan`), so no exercise or routine may have
 * one as its id. The list ends with NULL.
 */
extern const char *const cat_reserved_ids[];
bool cat_id_reserved(const char *id);

/*
 * Verbs added after catalogues could use their words as ids (`lumbar play`,
 * and `why`, `programme`, `log`, `activities`, `calendar`, `merge`, kept for
 * later versions): such an id still loads and plays from the menu and with
 * `lumbar play ID`; `lumbar check` warns about it. The list ends with NULL.
 */
extern const char *const cat_verb_ids[];
bool cat_id_later_verb(const char *id);

/*
 * Print the error as `FILE:LINE:COL: message` (or `FILE: message` when it has
 * no location) followed by a newline.
 */
void cat_error_print(FILE *fp, const char *file, const struct cat_error *err);

/*
 * Copy `src` to `dst` (`size` bytes, always terminated, cut short to fit)
 * with control characters (C0, DEL, C1) and bytes that are not UTF-8
 * written as \xNN, so that text from a file or the command line cannot
 * drive the terminal it is printed on. Returns dst.
 */
const char *cat_escape(char *dst, size_t size, const char *src);

/* The value of a range at a level: low end, midpoint rounded half up, high. */
unsigned cat_range_at(struct cat_range r, enum cat_level level);

/* Parse "easy", "medium", "hard". Returns 0 on success, -1 otherwise. */
int cat_level_parse(const char *s, enum cat_level *out);
const char *cat_level_name(enum cat_level level);

/*
 * Parse a duration as written in the catalogue: plain seconds ("30") or the
 * human forms ("90s", "1m30s", "5m", "1h"). Returns 0 and stores seconds on
 * success; -1 on anything else ("1.5", "3x", "-2", "", overflow).
 */
int cat_parse_duration(const char *s, unsigned *out);

/* Parse a plain decimal count ("10"). Same contract as cat_parse_duration. */
int cat_parse_count(const char *s, unsigned *out);

#endif
