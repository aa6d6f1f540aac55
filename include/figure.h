/*
 * figure.h - a stick figure for an exercise: poses as data, and the one
 * renderer that turns a pose into Braille text, plain ASCII or inline SVG.
 *
 * A pose is a handful of named joints in a fixed box FIG_BOX_W x FIG_BOX_H
 * (x to the right, y down; the floor lies just under the box), written on
 * one line of text: `head 6 27, neck 10 28, hip 30 29, knee 40 20, foot 46
 * 30`. A figure is two or more poses (the start, then the end) and a view:
 * from the side, or from above. Every picture of a figure, on a screen, in
 * `show` or on the printed programme, comes from this module.
 *
 * No curses, no clock, no locale: the caller says which glyphs to use.
 */
#ifndef LUMBAR_FIGURE_H
#define LUMBAR_FIGURE_H

#include <stdbool.h>
#include <stddef.h>

/* The box every pose is drawn in; coordinates are 0..W-1 and 0..H-1. */
enum { FIG_BOX_W = 48, FIG_BOX_H = 32 };

/* Bounds the catalogue enforces on a figure. */
enum { FIG_MIN_POSES = 2, FIG_MAX_POSES = 6, FIG_MAX_POSE_TEXT = 200 };

/*
 * The joints, by name. "2" is the other arm or leg where the two differ
 * (the far one from the side, the right one from above); `mid` bends the
 * spine between neck and hip (the cat and the cow); a pose without
 * `shoulder` hangs its arms from the neck.
 */
enum fig_joint {
	FIG_HEAD,
	FIG_NECK,
	FIG_MID,
	FIG_HIP,
	FIG_SHOULDER,
	FIG_ELBOW,
	FIG_HAND,
	FIG_KNEE,
	FIG_FOOT,
	FIG_ELBOW2,
	FIG_HAND2,
	FIG_KNEE2,
	FIG_FOOT2,
	FIG_N_JOINTS
};

enum fig_view { FIG_VIEW_SIDE, FIG_VIEW_ABOVE };

/* Braille dots (U+2800, 2x4 a cell), or plain ASCII where UTF-8 is not the locale's. */
enum fig_glyphs { FIG_BRAILLE, FIG_ASCII };

struct fig_pose {
	unsigned mask;          /* bit j set: joint j is given */
	double x[FIG_N_JOINTS]; /* box units; between two poses, fractions */
	double y[FIG_N_JOINTS];
};

struct fig_figure {
	enum fig_view view;
	struct fig_pose *poses; /* n_poses >= FIG_MIN_POSES once loaded */
	unsigned n_poses;
};

/* Why a pose's text was refused, and where: a byte offset into the text. */
struct fig_error {
	size_t offset;
	char msg[160];
};

/* The joint's name as the catalogue writes it ("knee2"). */
const char *fig_joint_name(enum fig_joint j);

/*
 * Parse one pose line. Each entry is `NAME X Y`, entries are separated by
 * commas; X and Y are whole numbers inside the box; no joint twice; head,
 * neck and hip are needed. Returns 0 and fills *out; -1 with *err filled
 * (out untouched).
 */
int fig_pose_parse(const char *text, struct fig_pose *out, struct fig_error *err);

/*
 * Whether two poses name the same joints, so one can move into the other.
 * On false, *missing is a joint one has and the other lacks.
 */
bool fig_pose_same_joints(const struct fig_pose *a, const struct fig_pose *b,
                          enum fig_joint *missing);

/* The pose a fraction t (0..1, clamped) of the way from a to b. */
void fig_pose_between(const struct fig_pose *a, const struct fig_pose *b, double t,
                      struct fig_pose *out);

/*
 * The pose of a figure a fraction t (0..1, clamped) along its poses: 0 is
 * the first, 1 the last, and a figure of more than two poses passes through
 * each in turn at equal steps.
 */
void fig_figure_at(const struct fig_figure *f, double t, struct fig_pose *out);

/*
 * How a figure moves during a phase of the player, as a fraction for
 * fig_figure_at(): FIG_STILL keeps the start pose (getting ready, resting,
 * switching sides); FIG_HOLD moves into the end pose over the phase's first
 * FIG_MOVE_MS and stays there; FIG_REPS goes out and comes back once a rep
 * of `rep_ms`: out over its first min(FIG_MOVE_MS, rep_ms / 2), back over
 * its last as long, so that a rep has at most two moving seconds.
 * `elapsed_ms` is the time spent in the phase, which stands still while
 * paused, so the figure does too.
 */
enum fig_motion { FIG_STILL, FIG_HOLD, FIG_REPS };
enum { FIG_MOVE_MS = 1000 };
double fig_motion_t(enum fig_motion m, long long elapsed_ms, long long rep_ms);

/*
 * When the figure must next be drawn, as milliseconds of phase time after
 * `elapsed_ms`: while it moves, the next frame of FIG_FRAME_MS counted from
 * the move's start (5 a second: within issue 21's 10, and few enough that
 * the bridge's reps wake at most 5 times a second); while it waits for a
 * rep's next move, that move's start; -1 when it holds still for good
 * (FIG_STILL, or a hold past its first second). The caller sleeps to its
 * own whole seconds as well.
 */
enum { FIG_FRAME_MS = 200 };
long long fig_motion_wait_ms(enum fig_motion m, long long elapsed_ms, long long rep_ms);

/* Whether two figures draw the same (two rounds of one set, say). */
bool fig_figure_equal(const struct fig_figure *a, const struct fig_figure *b);

/*
 * The dots of a pose in a grid of dw x dh dots (dots[y * dw + x], 1 where
 * set, 0 elsewhere); the whole grid is written. From the side the floor is
 * the last row and the figure sits on it; `mirror` flips left and right
 * (the other side). The figure keeps its shape (square dots) and is centred
 * across. Nothing is ever set outside the grid.
 */
void fig_dots(const struct fig_pose *p, enum fig_view view, bool mirror, unsigned dw, unsigned dh,
              unsigned char *dots);

/*
 * The pose as text in w x h cells: h lines, each of w cells and a newline
 * (a blank cell is a space). Braille: each cell is a U+2800 character of
 * its 2x4 dots. ASCII: one character a cell (- | / \ for the lines, O for
 * the head, _ for the floor). Returns memory to free; w and h of 0 give "".
 */
char *fig_text(const struct fig_pose *p, enum fig_view view, bool mirror, unsigned w, unsigned h,
               enum fig_glyphs glyphs);

/*
 * A figure's poses side by side as text, `per_row` a row, `gap` blanks
 * apart, each w x h cells, every line starting with `indent`. Trailing
 * blanks are cut and the lines above a row's figures that are blank in
 * every pose of it (a person lying down) are left out. Returns memory to
 * free.
 */
char *fig_poses_text(const struct fig_figure *f, unsigned w, unsigned h, unsigned gap,
                     unsigned per_row, const char *indent, enum fig_glyphs glyphs);

/*
 * The pose as an inline SVG element of width x height CSS pixels: one
 * polyline per limb and the floor, one circle for the head, drawn in
 * currentColor. Returns memory to free.
 */
char *fig_svg(const struct fig_pose *p, enum fig_view view, unsigned width, unsigned height);

#endif
