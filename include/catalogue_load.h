/*
 * catalogue_load.h - find the catalogue (the lookup order), load it from
 * YAML with libcyaml, validate it, free it. What it builds is catalogue.h's
 * model.
 */
#ifndef LUMBAR_CATALOGUE_LOAD_H
#define LUMBAR_CATALOGUE_LOAD_H

#include <stddef.h>

#include "catalogue.h"

/*
 * Largest catalogue file read (the shipped one is 16 KiB). Kept small so that
 * any file is answered within half a second: libyaml reads a few MiB a second.
 */
#define CAT_MAX_FILE (512u * 1024u)

/*
 * Load and validate a catalogue from a file. `name` is the file name as the
 * user wrote it and is used in error messages. On success returns CAT_OK and
 * stores a catalogue the caller frees with cat_free(); on failure returns the
 * status, fills *err and leaves *out untouched.
 */
enum cat_status cat_load_file(const char *path, struct catalogue **out, struct cat_error *err);

/* As cat_load_file(), from a buffer in memory (the built-in copy, fuzzing). */
enum cat_status cat_load_buffer(const char *buf, size_t len, struct catalogue **out,
                                struct cat_error *err);

/* Free a catalogue. Accepts NULL. */
void cat_free(struct catalogue *cat);

/* ---- Lookup order -------------------------------------------------------- */

enum cat_source {
	CAT_SRC_OPTION,  /* --catalogue FILE */
	CAT_SRC_ENV,     /* $LUMBAR_CATALOGUE */
	CAT_SRC_CONFIG,  /* $XDG_CONFIG_HOME/lumbar/exercises.yaml */
	CAT_SRC_DATADIR, /* PREFIX/share/lumbar/exercises.yaml */
	CAT_SRC_BUILTIN, /* the copy compiled into the binary */
};

/*
 * The environment the lookup reads, passed in so tests can pin it. NULL or
 * empty strings count as unset.
 */
struct cat_lookup_env {
	const char *option;           /* --catalogue */
	const char *lumbar_catalogue; /* $LUMBAR_CATALOGUE */
	const char *xdg_config_home;  /* $XDG_CONFIG_HOME */
	const char *home;             /* $HOME */
	const char *datadir;          /* PREFIX/share/lumbar */
};

/*
 * Decide which catalogue to load. An explicit file (option or environment)
 * is used even if it does not exist, so the user sees why it cannot be read;
 * the config and installed copies are used only when they exist. Writes the
 * path to buf (empty for the built-in copy) and returns its source.
 */
enum cat_source cat_lookup(const struct cat_lookup_env *env, char *buf, size_t len);

/* A short description of a source ("--catalogue", "built-in copy", ...). */
const char *cat_source_name(enum cat_source src);

/* The built-in copy of data/exercises.yaml. */
extern const char cat_builtin_yaml[];
extern const size_t cat_builtin_yaml_len;

#endif
