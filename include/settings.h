/*
 * settings.h - the user's defaults, from $XDG_CONFIG_HOME/lumbar/config.yaml.
 *
 *   level: medium               # easy, medium or hard
 *   bell: true                  # true/false, yes/no, on/off (any case)
 *   speak: false
 *   on_phase: "notify-send \"$LUMBAR_SAY\""   # at most 1000 bytes
 *   color: true
 *   notify: "notify-send -a lumbar \"$LUMBAR_TITLE\" \"$LUMBAR_BODY\""
 *   remind_at: ["07:30", "18:30"]            # lumbar remind --install
 *   remind_parts: ["05-12", "12-17", "17-23"] # once-per-part reminders
 *   ask_pain_before: true       # the pain question before a session
 *   progression:                # issue 13; lumbar(1), PROGRESSION
 *     mode: suggest             # off, suggest or auto
 *     exercises: { back-extension: off }
 *     greens: 3                 # and the other numbers of struct prg_params
 *   ask_morning: true           # the morning check-in
 *   emergency_number: "112"     # 1-15 digits, + and spaces
 *   figure: true                # the player's moving figure
 *   ask_outcomes: true          # the weekly questionnaires (issue 22)
 *   interface: screen           # or lines: the line mode (issue 24)
 *
 * Every key is optional and an unknown key is an error. The file is read
 * with the catalogue's machinery and reports errors the same way
 * (`FILE:LINE:COL: message`, status 65); a missing file means "no
 * defaults". Command-line options override what the file says.
 *
 * No curses and no clock here.
 */
#ifndef LUMBAR_SETTINGS_H
#define LUMBAR_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>

#include "catalogue.h"
#include "remind.h"
#include "progression.h"

/* Largest settings file read; a real one is a few lines. */
#define SETTINGS_MAX_FILE (64u * 1024u)

/* The notify command when config.yaml sets none. */
#define SETTINGS_NOTIFY "notify-send -a lumbar \"$LUMBAR_TITLE\" \"$LUMBAR_BODY\""

/* Longest on_phase command, in bytes (the same bound as --on-phase). */
#define SETTINGS_MAX_COMMAND 1000

/* Longest emergency_number, in characters (digits, + and spaces). */
#define SETTINGS_MAX_EMERGENCY 15

/* `interface:` the full screen (the default) or the line mode (issue 24). */
enum settings_interface {
	SETTINGS_SCREEN,
	SETTINGS_LINES,
};

struct settings {
	bool have_level;
	enum cat_level level; /* meaningful when have_level */
	int bell;             /* -1 unset, 0 false, 1 true */
	int speak;            /* -1 unset, 0 false, 1 true */
	int color;            /* -1 unset, 0 false, 1 true */
	char *on_phase;       /* NULL when unset or empty; owned */
	/* The reminder's command; NULL: SETTINGS_NOTIFY; owned. */
	char *notify;
	/* remind_at and remind_parts; the defaults when unset. */
	struct rem_config remind;
	int ask_pain_before; /* -1 unset, 0 false, 1 true */
	/* `progression:` (issue 13; see lumbar(1), PROGRESSION): defaults when absent. */
	struct prg_params progression;
	unsigned n_modes; /* `progression: exercises:`, a mode per exercise id */
	struct {
		char id[CAT_MAX_ID + 1];
		enum prg_mode mode;
	} modes[CAT_MAX_EXERCISES];

	/* The morning check-in: -1 unset, 0 false, 1 true. */
	int ask_morning;
	/* NULL when unset; owned; passed settings_emergency_check(). */
	char *emergency_number;
	/* The player's figure (issue 21 §3): -1 unset, 0 false, 1 true. */
	int figure;
	/* The questionnaires' offers over the menu (issue 22): -1 unset, 0 false, 1 true. */
	int ask_outcomes;
	/* `interface:` SETTINGS_SCREEN unless the file says lines. */
	enum settings_interface interface;
};

/* Everything unset. */
void settings_init(struct settings *s);

/*
 * Where the settings file is: $XDG_CONFIG_HOME/lumbar/config.yaml, or
 * $HOME/.config/lumbar/config.yaml when XDG_CONFIG_HOME is unset, empty or
 * relative (the XDG base directory spec says to ignore a relative one).
 * Returns 0 with the path in buf, or -1 when there is no home to look in or
 * the path does not fit (then there is no settings file).
 */
int settings_path(const char *xdg_config_home, const char *home, char *buf, size_t len);

/*
 * Load the settings file. A file that does not exist (nor its directory)
 * gives every key unset and CAT_OK. Otherwise returns CAT_OK and fills *out
 * (free it with settings_free()), or the status with *err filled (message
 * and 1-based position, as the catalogue's, printable with
 * cat_error_print()) and *out untouched.
 */
enum cat_status settings_load_file(const char *path, struct settings *out, struct cat_error *err);

/* As settings_load_file(), from a buffer in memory. */
enum cat_status settings_load_buffer(const char *buf, size_t len, struct settings *out,
                                     struct cat_error *err);

/*
 * Parse a boolean as the file writes it: true/false, yes/no, on/off, in
 * any case. Returns 0 and stores 1 or 0, or -1 for anything else.
 */
int settings_parse_bool(const char *s, int *out);

/*
 * Whether `s` can be an emergency number: 1 to SETTINGS_MAX_EMERGENCY
 * characters, digits, `+` and spaces, with at least one digit. Returns NULL,
 * or why not.
 */
const char *settings_emergency_check(const char *s);

/* Free what loading allocated and reset to unset. Accepts NULL. */
void settings_free(struct settings *s);

#endif
