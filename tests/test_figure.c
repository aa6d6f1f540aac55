/*
 * test_figure.c - poses as text, and the one renderer of a figure: golden
 * pictures at two sizes, lines that join and stay in their box, a pose
 * between two, the mirror, ASCII and SVG.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "catalogue.h"
#include "catalogue_load.h"
#include "figure.h"

/* The knee-to-chest start from the side, and a person lying face up seen from above. */
static const char lying[] = "head 6 27, neck 10 28, hip 30 29, knee 40 20, foot 46 30";
static const char above[] = "head 24 4, neck 24 9, hip 24 20, hand 14 6, hand2 34 6, "
                            "knee 20 25, foot 14 30, knee2 28 25, foot2 34 30";

static struct fig_pose pose(const char *text)
{
	struct fig_pose p;
	struct fig_error err;

	if (fig_pose_parse(text, &p, &err) != 0)
		fail_msg("%s: %s", text, err.msg);
	return p;
}

/* ---- Parsing ------------------------------------------------------------------ */

static void test_parse(void **state)
{
	struct fig_pose p = pose(lying);

	(void)state;
	assert_int_equal(p.mask, (1u << FIG_HEAD) | (1u << FIG_NECK) | (1u << FIG_HIP) |
	                             (1u << FIG_KNEE) | (1u << FIG_FOOT));
	assert_true(p.x[FIG_KNEE] == 40.0 && p.y[FIG_KNEE] == 20.0);
	/* Blanks around the commas do not matter; the box's edges are inside. */
	p = pose("  head 0 0 ,neck 47 31,hip\t1 2  ");
	assert_true(p.x[FIG_NECK] == 47.0 && p.y[FIG_NECK] == 31.0);
	assert_string_equal(fig_joint_name(FIG_KNEE2), "knee2");
}

static void test_parse_errors(void **state)
{
	static const struct {
		const char *text;
		size_t offset;
		const char *msg;
	} rows[] = {
		{ "head 6 27, neck 10 28, hip 30 29, toe 40 20", 34,
		  "unknown joint 'toe' (use head, neck, mid, hip, shoulder, elbow, hand, knee, "
		  "foot, elbow2, hand2, knee2, foot2)" },
		{ "head 48 27, neck 10 28, hip 30 29", 5,
		  "joint 'head' is outside the box (x 0..47, y 0..31)" },
		{ "head 6 32, neck 10 28, hip 30 29", 7,
		  "joint 'head' is outside the box (x 0..47, y 0..31)" },
		{ "head 6 27, neck -1 28, hip 30 29", 16,
		  "joint 'neck' is outside the box (x 0..47, y 0..31)" },
		{ "head 6 27, neck 10, hip 30 29", 18,
		  "joint 'neck' needs two whole numbers, x and y" },
		{ "head 6 27, neck 10 2.5, hip 30 29", 20, "expected ',' between joints" },
		{ "head 6 27, head 10 28, hip 30 29", 11, "joint 'head' is given twice" },
		{ "head 6 27, hip 30 29", 0, "a pose needs head, neck and hip; 'neck' is missing" },
		{ "head 6 27,, neck 10 28", 10,
		  "expected a joint name (head, neck, hip, knee, ...)" },
		{ "", 0, "expected a joint name (head, neck, hip, knee, ...)" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct fig_pose p;
		struct fig_error err;

		memset(&p, 0x5a, sizeof(p));
		assert_int_equal(fig_pose_parse(rows[i].text, &p, &err), -1);
		assert_string_equal(err.msg, rows[i].msg);
		assert_int_equal(err.offset, rows[i].offset);
		assert_int_equal(p.mask, 0x5a5a5a5a); /* untouched */
	}
}

/* ---- Golden pictures ---------------------------------------------------------------- */

static void golden(const char *text, enum fig_view view, unsigned w, unsigned h,
                   enum fig_glyphs glyphs, const char *want)
{
	struct fig_pose p = pose(text);
	char *got = fig_text(&p, view, false, w, h, glyphs);

	if (strcmp(got, want) != 0)
		fail_msg("%ux%u, got:\n%s\nwant:\n%s", w, h, got, want);
	free(got);
}

static void test_golden_side(void **state)
{
	(void)state;
	golden(lying, FIG_VIEW_SIDE, 24, 8, FIG_BRAILLE,
	       "                        \n"
	       "                        \n"
	       "                        \n"
	       "                        \n"
	       "                   ⢀    \n"
	       "   ⣀⡀            ⢀⠔⠁⢣   \n"
	       "  ⡎ ⠈⣆⣀⣀⣀⣀     ⢀⠔⠁   ⠱⡀ \n"
	       "⣀⣀⣈⣒⣊⣀⣀⣀⣀⣀⣉⣉⣉⣉⣉⣁⣀⣀⣀⣀⣀⣀⣑⣀\n");
	golden(lying, FIG_VIEW_SIDE, 12, 4, FIG_BRAILLE,
	       "            \n"
	       "            \n"
	       "  ⡀     ⣀⠔⡄ \n"
	       "⣀⣈⣚⣒⣒⣒⣒⣊⣀⣀⣘⣄\n");
}

static void test_golden_above(void **state)
{
	(void)state;
	golden(above, FIG_VIEW_ABOVE, 24, 8, FIG_BRAILLE,
	       "          ⢀⠔⠒⢄          \n"
	       "       ⠤⣀⣀⠘⢄⣀⠜⢀⣀⡠⠄      \n"
	       "          ⠉⠑⡗⠉⠁         \n"
	       "            ⡇           \n"
	       "            ⡇           \n"
	       "           ⡔⠑⡄          \n"
	       "         ⡠⠊  ⠈⠢⡀        \n"
	       "       ⠔⠉      ⠈⠑⠄      \n");
	golden(above, FIG_VIEW_ABOVE, 12, 4, FIG_BRAILLE,
	       "   ⢀⣀⠠⡢⢀⣀   \n"
	       "     ⠉⡏⠁    \n"
	       "     ⢀⢇     \n"
	       "   ⢀⠔⠁ ⠑⢄   \n");
}

/* Where the locale is not UTF-8: one plain character a cell, the head an O. */
static void test_golden_ascii(void **state)
{
	(void)state;
	golden(lying, FIG_VIEW_SIDE, 24, 8, FIG_ASCII,
	       "                        \n"
	       "                        \n"
	       "                        \n"
	       "                        \n"
	       "                   \\    \n"
	       "                 ///\\   \n"
	       "   O -----     ///   \\\\ \n"
	       "__________-----/______\\_\n");
}

/* ---- Lines join and stay in the box ------------------------------------------------ */

/* Poses that reach every joint and the box's edges and corners. */
static const char *const many[] = {
	lying,
	above,
	"head 3 3, neck 8 8, mid 20 4, hip 30 10, shoulder 9 9, elbow 9 20, hand 9 31, "
	"elbow2 12 20, hand2 13 31, knee 30 31, foot 47 31, knee2 32 31, foot2 44 31",
	"head 0 0, neck 47 31, hip 0 31, hand 47 0, foot 24 16",
	"head 44 28, neck 40 28, hip 20 28, knee 10 28, foot 0 31",
};

/* How many dots of `want` can be reached from the first set dot, 8 ways. */
static size_t reach(const unsigned char *dots, unsigned w, unsigned h)
{
	unsigned char *seen = calloc((size_t)w * h, 1);
	size_t *stack = malloc(sizeof(size_t) * w * h), n = 0, count = 0, start = (size_t)-1;

	for (size_t i = 0; i < (size_t)w * h && start == (size_t)-1; i++)
		if (dots[i])
			start = i;
	if (start != (size_t)-1) {
		stack[n++] = start;
		seen[start] = 1;
	}
	while (n > 0) {
		size_t i = stack[--n];
		long x = (long)(i % w), y = (long)(i / w);

		count++;
		for (long dy = -1; dy <= 1; dy++) {
			for (long dx = -1; dx <= 1; dx++) {
				long nx = x + dx, ny = y + dy;
				size_t j;

				if (nx < 0 || ny < 0 || nx >= (long)w || ny >= (long)h)
					continue;
				j = (size_t)ny * w + (size_t)nx;
				if (dots[j] && !seen[j]) {
					seen[j] = 1;
					stack[n++] = j;
				}
			}
		}
	}
	free(seen);
	free(stack);
	return count;
}

static void test_lines_join(void **state)
{
	static const unsigned sizes[][2] = { { 24, 8 }, { 12, 4 }, { 20, 6 }, { 40, 14 },
		                             { 7, 3 },  { 60, 9 }, { 9, 20 } };
	(void)state;
	for (size_t k = 0; k < sizeof(many) / sizeof(many[0]); k++) {
		struct fig_pose p = pose(many[k]);

		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			unsigned dw = 2 * sizes[s][0], dh = 4 * sizes[s][1];
			unsigned char *dots = malloc((size_t)dw * dh);
			size_t set = 0;

			/* From above there is no floor; every dot is the figure's. */
			fig_dots(&p, FIG_VIEW_ABOVE, false, dw, dh, dots);
			for (size_t i = 0; i < (size_t)dw * dh; i++)
				set += dots[i];
			assert_true(set > 0);
			if (reach(dots, dw, dh) != set)
				fail_msg("pose %zu at %ux%u dots is in pieces", k, dw, dh);
			free(dots);
		}
	}
}

static void test_stays_in_box(void **state)
{
	static const unsigned sizes[][2] = { { 24, 8 }, { 1, 1 }, { 3, 1 }, { 1, 5 }, { 80, 2 } };

	(void)state;
	for (size_t k = 0; k < sizeof(many) / sizeof(many[0]); k++) {
		struct fig_pose p = pose(many[k]);

		for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
			unsigned w = sizes[s][0], h = sizes[s][1], dw = 2 * w, dh = 4 * h;
			size_t n = (size_t)dw * dh;
			/* A guard on each side: nothing is written outside the grid. */
			unsigned char *buf = malloc(n + 64);

			memset(buf, 0xee, n + 64);
			fig_dots(&p, FIG_VIEW_SIDE, k % 2 == 1, dw, dh, buf + 32);
			for (size_t i = 0; i < 32; i++)
				assert_true(buf[i] == 0xee && buf[32 + n + i] == 0xee);
			for (size_t i = 0; i < n; i++)
				assert_true(buf[32 + i] <= 1);
			free(buf);

			for (int g = 0; g < 2; g++) {
				char *t =
				    fig_text(&p, FIG_VIEW_SIDE, false, w, h, (enum fig_glyphs)g);
				unsigned lines = 0, cells = 0;

				for (const unsigned char *c = (const unsigned char *)t; *c; c++) {
					if (*c == '\n') {
						assert_int_equal(cells, w);
						lines++;
						cells = 0;
					} else if ((*c & 0xc0) != 0x80) {
						cells++;
					}
				}
				assert_int_equal(lines, h);
				free(t);
			}
		}
	}
	{
		struct fig_pose p = pose(lying);
		char *t = fig_text(&p, FIG_VIEW_SIDE, false, 0, 0, FIG_BRAILLE);

		assert_string_equal(t, "");
		free(t);
	}
}

/* ---- Between two poses, and the other side ----------------------------------------- */

static void test_between(void **state)
{
	struct fig_pose a = pose("head 6 27, neck 10 28, hip 30 29, knee 40 20, foot 46 30");
	struct fig_pose b = pose("head 6 27, neck 10 28, hip 30 29, knee 24 14, foot 34 20");
	struct fig_pose c = pose("head 6 27, neck 10 28, hip 30 29");
	struct fig_pose m;
	enum fig_joint missing = FIG_HEAD;

	(void)state;
	fig_pose_between(&a, &b, 0.5, &m);
	assert_true(m.x[FIG_KNEE] == 32.0 && m.y[FIG_KNEE] == 17.0);
	assert_true(m.x[FIG_FOOT] == 40.0 && m.y[FIG_FOOT] == 25.0);
	fig_pose_between(&a, &b, -3, &m);
	assert_true(m.x[FIG_KNEE] == 40.0);
	fig_pose_between(&a, &b, 7, &m);
	assert_true(m.x[FIG_KNEE] == 24.0 && m.y[FIG_FOOT] == 20.0);
	assert_true(fig_pose_same_joints(&a, &b, &missing));
	assert_false(fig_pose_same_joints(&a, &c, &missing));
	assert_int_equal(missing, FIG_KNEE);

	/* The mirror is the same picture, right to left. */
	{
		unsigned dw = 48, dh = 32;
		unsigned char *l = malloc(dw * dh), *r = malloc(dw * dh);

		fig_dots(&a, FIG_VIEW_SIDE, false, dw, dh, l);
		fig_dots(&a, FIG_VIEW_SIDE, true, dw, dh, r);
		for (unsigned y = 0; y < dh; y++)
			for (unsigned x = 0; x < dw; x++)
				assert_int_equal(l[y * dw + x], r[y * dw + (dw - 1 - x)]);
		free(l);
		free(r);
	}
}

static void test_figure_equal(void **state)
{
	struct fig_pose p[2] = { pose(lying), pose(above) }, q[2] = { pose(lying), pose(above) };
	struct fig_figure a = { FIG_VIEW_SIDE, p, 2 }, b = { FIG_VIEW_SIDE, q, 2 };

	(void)state;
	assert_true(fig_figure_equal(&a, &b));
	q[1].x[FIG_HAND] = 15;
	assert_false(fig_figure_equal(&a, &b));
	q[1].x[FIG_HAND] = 14;
	b.view = FIG_VIEW_ABOVE;
	assert_false(fig_figure_equal(&a, &b));
	assert_false(fig_figure_equal(&a, NULL));
}

/* The figure in the player: where along its poses, phase by phase. */
static void test_motion(void **state)
{
	static const struct {
		enum fig_motion m;
		long long elapsed, rep;
		double want;
	} rows[] = {
		/* Getting ready, resting, switching: the start pose, however long. */
		{ FIG_STILL, 0, 0, 0.0 },
		{ FIG_STILL, 12345, 5000, 0.0 },
		/* A hold moves into the end pose over its first second and stays. */
		{ FIG_HOLD, 0, 0, 0.0 },
		{ FIG_HOLD, 250, 0, 0.25 },
		{ FIG_HOLD, 1000, 0, 1.0 },
		{ FIG_HOLD, 29000, 0, 1.0 },
		{ FIG_HOLD, -5, 0, 0.0 },
		/* Reps of 5 s: out over 1 s, held, back over the last 1 s. */
		{ FIG_REPS, 0, 5000, 0.0 },
		{ FIG_REPS, 500, 5000, 0.5 },
		{ FIG_REPS, 1000, 5000, 1.0 },
		{ FIG_REPS, 3000, 5000, 1.0 },
		{ FIG_REPS, 4500, 5000, 0.5 },
		{ FIG_REPS, 5000, 5000, 0.0 },
		{ FIG_REPS, 11000, 5000, 1.0 },
		/* Reps of 1 s: out over half a second, back over the other half. */
		{ FIG_REPS, 250, 1000, 0.5 },
		{ FIG_REPS, 500, 1000, 1.0 },
		{ FIG_REPS, 750, 1000, 0.5 },
		{ FIG_REPS, 100, 0, 0.0 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		double got = fig_motion_t(rows[i].m, rows[i].elapsed, rows[i].rep);

		if (got != rows[i].want)
			fail_msg("row %zu: %g, not %g", i, got, rows[i].want);
	}
}

/*
 * When the player draws the figure again: every fifth of a second while it
 * moves, at the next move while it waits, never once it holds still.
 */
static void test_motion_wait(void **state)
{
	static const struct {
		enum fig_motion m;
		long long elapsed, rep, want;
	} rows[] = {
		/* Getting ready, resting, switching: never between whole seconds. */
		{ FIG_STILL, 0, 0, -1 },
		{ FIG_STILL, 4321, 5000, -1 },
		/* A hold: five frames over its first second, then none. */
		{ FIG_HOLD, 0, 0, 200 },
		{ FIG_HOLD, 130, 0, 70 },
		{ FIG_HOLD, 800, 0, 200 },
		{ FIG_HOLD, 999, 0, 1 },
		{ FIG_HOLD, 1000, 0, -1 },
		{ FIG_HOLD, 25000, 0, -1 },
		/* Reps of 5 s: frames out, a wait to the way back, frames back. */
		{ FIG_REPS, 0, 5000, 200 },
		{ FIG_REPS, 950, 5000, 50 },
		{ FIG_REPS, 1000, 5000, 3000 },
		{ FIG_REPS, 2500, 5000, 1500 },
		{ FIG_REPS, 4000, 5000, 200 },
		{ FIG_REPS, 4960, 5000, 40 },
		{ FIG_REPS, 5150, 5000, 50 },
		{ FIG_REPS, 6050, 5000, 2950 },
		/* Reps of 3.333 s (10 s for 3): the way back starts between frames. */
		{ FIG_REPS, 2300, 3333, 33 },
		{ FIG_REPS, 2333, 3333, 200 },
		{ FIG_REPS, 3300, 3333, 33 },
		/* Reps of 1 s: always moving, a frame each fifth of a second. */
		{ FIG_REPS, 420, 1000, 80 },
		{ FIG_REPS, 500, 1000, 200 },
		{ FIG_REPS, 100, 0, -1 },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		long long got = fig_motion_wait_ms(rows[i].m, rows[i].elapsed, rows[i].rep);

		if (got != rows[i].want)
			fail_msg("row %zu: %lld, not %lld", i, got, rows[i].want);
	}
}

/* Along a figure's poses: 0 the first, 1 the last, each pose in turn between. */
static void test_figure_at(void **state)
{
	struct fig_pose p[3] = { pose("head 0 0, neck 0 4, hip 0 10"),
		                 pose("head 10 0, neck 10 4, hip 10 10"),
		                 pose("head 20 0, neck 20 4, hip 20 10") };
	struct fig_figure two = { FIG_VIEW_SIDE, p, 2 }, three = { FIG_VIEW_SIDE, p, 3 };
	struct fig_pose out;

	(void)state;
	fig_figure_at(&two, 0.0, &out);
	assert_true(out.x[FIG_HEAD] == 0.0);
	fig_figure_at(&two, 0.5, &out);
	assert_true(out.x[FIG_HEAD] == 5.0);
	fig_figure_at(&two, 1.0, &out);
	assert_true(out.x[FIG_HEAD] == 10.0);
	fig_figure_at(&three, 0.5, &out);
	assert_true(out.x[FIG_HEAD] == 10.0);
	fig_figure_at(&three, 0.75, &out);
	assert_true(out.x[FIG_HEAD] == 15.0);
	fig_figure_at(&three, 1.0, &out);
	assert_true(out.x[FIG_HEAD] == 20.0);
	fig_figure_at(&three, 3.0, &out);
	assert_true(out.x[FIG_HEAD] == 20.0);
}

/* ---- SVG ---------------------------------------------------------------------------- */

static void test_svg(void **state)
{
	struct fig_pose p = pose(lying);
	char *svg = fig_svg(&p, FIG_VIEW_SIDE, 100, 60);

	(void)state;
	assert_string_equal(
	    svg, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" width=\"100\" "
	         "height=\"60\" viewBox=\"-2 -2 51 36\" role=\"img\"><g fill=\"none\" "
	         "stroke=\"currentColor\" stroke-width=\"1.6\" stroke-linecap=\"round\" "
	         "stroke-linejoin=\"round\"><polyline class=\"floor\" stroke-width=\"0.8\" "
	         "points=\"-1,32 48,32\"/><polyline points=\"10.0,28.0 30.0,29.0\"/><polyline "
	         "points=\"30.0,29.0 40.0,20.0 46.0,30.0\"/><polyline points=\"10.0,28.0 "
	         "8.9,27.7\"/><circle cx=\"6.0\" cy=\"27.0\" r=\"3.0\"/></g></svg>");
	free(svg);
	/* From above there is no floor. */
	p = pose(above);
	svg = fig_svg(&p, FIG_VIEW_ABOVE, 100, 60);
	assert_null(strstr(svg, "floor"));
	assert_non_null(strstr(svg, "<circle cx=\"24.0\" cy=\"4.0\""));
	free(svg);
}

/* ---- In the catalogue ------------------------------------------------------------------ */

/* A catalogue of one exercise whose figure lines are `figure` (indented by 4), and a set's. */
static enum cat_status load(const char *figure, const char *set_figure, struct catalogue **cat,
                            struct cat_error *err)
{
	char buf[4096];

	snprintf(buf, sizeof(buf),
	         "version: 1\n"
	         "exercises:\n"
	         "  - id: a\n"
	         "    name: A\n"
	         "    summary: S\n"
	         "    steps: [one]\n"
	         "    frequency: { times: 1, per: day }\n"
	         "%s"
	         "    sets:\n"
	         "      - name: S\n"
	         "        mode: hold\n"
	         "        hold: 5\n"
	         "        reps: 1\n"
	         "%s",
	         figure, set_figure);
	return cat_load_buffer(buf, strlen(buf), cat, err);
}

#define KNEE_DOWN "head 6 27, neck 10 28, hip 30 29, knee 40 20, foot 46 30"
#define KNEE_UP   "head 6 27, neck 10 28, hip 30 29, knee 24 14, foot 34 20"

static void test_catalogue_figures(void **state)
{
	struct catalogue *cat = NULL;
	struct cat_error err;

	(void)state;
	/* No figure at all is still a good catalogue. */
	assert_int_equal(load("", "", &cat, &err), CAT_OK);
	assert_null(cat->exercises[0].figure);
	assert_null(cat_set_figure(&cat->exercises[0], 0));
	cat_free(cat);

	assert_int_equal(load("    figure:\n      poses:\n        - " KNEE_DOWN
	                      "\n        - " KNEE_UP "\n",
	                      "        figure:\n          view: above\n          poses: ['" KNEE_UP
	                      "', \"" KNEE_DOWN "\"]\n",
	                      &cat, &err),
	                 CAT_OK);
	assert_int_equal(cat->exercises[0].figure->view, FIG_VIEW_SIDE);
	assert_int_equal(cat->exercises[0].figure->n_poses, 2);
	assert_true(cat->exercises[0].figure->poses[1].x[FIG_KNEE] == 24.0);
	/* The set's own figure wins over the exercise's. */
	assert_int_equal(cat_set_figure(&cat->exercises[0], 0)->view, FIG_VIEW_ABOVE);
	assert_true(cat_set_figure(&cat->exercises[0], 0)->poses[0].x[FIG_KNEE] == 24.0);
	cat_free(cat);
}

/* `lumbar check` names the line and column of each mistake in a figure. */
static void test_catalogue_figure_errors(void **state)
{
	static const struct {
		const char *figure, *set_figure;
		unsigned line, col;
		const char *msg;
	} rows[] = {
		{ "    figure:\n      poses:\n        - " KNEE_DOWN
		  "\n        - head 6 27, neck 10 "
		  "28, hip 30 29, knee 24 14, toe 34 20\n",
		  "", 11, 57,
		  "exercise 'a': figure.poses item 2: unknown joint 'toe' (use head, neck, mid, "
		  "hip, "
		  "shoulder, elbow, hand, knee, foot, elbow2, hand2, knee2, foot2)" },
		{ "    figure:\n      poses:\n        - head 6 27, neck 10 28, hip 30 29, knee 48 "
		  "20, foot 46 30\n        - " KNEE_UP "\n",
		  "", 10, 50,
		  "exercise 'a': figure.poses item 1: joint 'knee' is outside the box (x 0..47, y "
		  "0..31)" },
		/* Quoted, the column counts the quote. */
		{ "    figure: { poses: ['" KNEE_DOWN
		  "', 'head 6 40, neck 10 28, hip 30 29, knee 24 "
		  "14, foot 34 20'] }\n",
		  "", 8, 91,
		  "exercise 'a': figure.poses item 2: joint 'head' is outside the box (x 0..47, y "
		  "0..31)" },
		{ "    figure:\n      poses:\n        - " KNEE_DOWN "\n", "", 10, 9,
		  "exercise 'a': figure needs at least 2 poses (the start and the end), not 1" },
		{ "    figure:\n      view: side\n", "", 9, 7,
		  "exercise 'a': figure needs at least 2 poses (the start and the end), not 0" },
		{ "", "        figure:\n          view: front\n          poses: [x, y]\n", 14, 17,
		  "exercise 'a', set 1: figure.view: 'front' is not side or above" },
		{ "",
		  "        figure:\n          poses:\n            - " KNEE_DOWN "\n            - "
		  "head 6 27, neck 10 28, hip 30 29, knee 24 14\n",
		  16, 15,
		  "exercise 'a', set 1: figure.poses item 2: no 'foot', which item 1 has (every "
		  "pose "
		  "names the same joints)" },
		{ "    video: ftp://example.org/v\n", "", 8, 12,
		  "exercise 'a': video: 'ftp://example.org/v' is not a web address (https://...)" },
	};
	(void)state;
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct catalogue *cat = NULL;
		struct cat_error err;

		assert_int_equal(load(rows[i].figure, rows[i].set_figure, &cat, &err),
		                 CAT_EINVALID);
		assert_null(cat);
		assert_string_equal(err.msg, rows[i].msg);
		if (err.line != rows[i].line || err.col != rows[i].col)
			fail_msg("row %zu: at %u:%u, not %u:%u", i, err.line, err.col, rows[i].line,
			         rows[i].col);
	}
}

/* The shipped catalogue draws every exercise, and every figure draws whole. */
static void test_shipped_figures(void **state)
{
	struct catalogue *cat = NULL;
	struct cat_error err;

	(void)state;
	assert_int_equal(cat_load_file("data/exercises.yaml", &cat, &err), CAT_OK);
	for (unsigned i = 0; i < cat->n_exercises; i++) {
		const struct cat_exercise *ex = &cat->exercises[i];

		for (unsigned s = 0; s < ex->n_sets; s++) {
			const struct fig_figure *f = cat_set_figure(ex, s);

			if (f == NULL)
				fail_msg("%s, set %u has no figure", ex->id, s + 1);
			for (unsigned k = 0; k < f->n_poses; k++) {
				unsigned char dots[40 * 24];
				size_t set = 0;

				fig_dots(&f->poses[k], FIG_VIEW_ABOVE, false, 40, 24, dots);
				for (size_t d = 0; d < sizeof(dots); d++)
					set += dots[d];
				if (reach(dots, 40, 24) != set)
					fail_msg("%s, set %u, pose %u is in pieces", ex->id, s + 1,
					         k + 1);
			}
		}
	}
	assert_non_null(cat->video);
	cat_free(cat);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_golden_side),
		cmocka_unit_test(test_golden_above),
		cmocka_unit_test(test_golden_ascii),
		cmocka_unit_test(test_lines_join),
		cmocka_unit_test(test_stays_in_box),
		cmocka_unit_test(test_between),
		cmocka_unit_test(test_figure_equal),
		cmocka_unit_test(test_svg),
		cmocka_unit_test(test_motion),
		cmocka_unit_test(test_motion_wait),
		cmocka_unit_test(test_figure_at),
		cmocka_unit_test(test_catalogue_figures),
		cmocka_unit_test(test_catalogue_figure_errors),
		cmocka_unit_test(test_shipped_figures),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
