/*
 * figure.c - poses as data and the one renderer of a figure: Braille or
 * ASCII text for terminals, inline SVG for the printed programme.
 *
 * A pose becomes a few chains of joints (the spine, each arm, each leg) and
 * a head. Text is drawn in a grid of dots: each chain is a run of Bresenham
 * lines between joints rounded to the grid, so two lines that share a joint
 * share its dot and the figure has no gaps; the head is a midpoint circle
 * and the neck's line ends on one of the circle's own dots. Braille packs
 * 2x4 dots into a cell; ASCII picks one character a cell from the slope of
 * the line drawn there.
 *
 * No curses, no clock, no locale.
 */
#include "figure.h"
#include "file.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The head's radius in box units. */
#define HEAD_R 3.0

/*
 * Rounding and a square root without libm (lumbar links none): half away
 * from zero, and Newton's steps, which a figure's few numbers need.
 */
static long round_l(double v)
{
	return v >= 0 ? (long)(v + 0.5) : -(long)(-v + 0.5);
}

static double root(double v)
{
	double r = v > 1 ? v : 1;

	if (v <= 0)
		return 0;
	for (int i = 0; i < 40; i++)
		r = (r + v / r) / 2;
	return r;
}

static const char *const joint_names[FIG_N_JOINTS] = {
	"head", "neck", "mid",    "hip",   "shoulder", "elbow", "hand",
	"knee", "foot", "elbow2", "hand2", "knee2",    "foot2",
};

const char *fig_joint_name(enum fig_joint j)
{
	return (unsigned)j < FIG_N_JOINTS ? joint_names[j] : "?";
}

/* ---- Parsing -------------------------------------------------------------- */

static int pose_fail(struct fig_error *err, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int pose_fail(struct fig_error *err, size_t offset, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL)
		return -1;
	err->offset = offset;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static size_t skip_blanks(const char *s, size_t i)
{
	while (s[i] == ' ' || s[i] == '\t')
		i++;
	return i;
}

/*
 * A whole number at s[*i]: its value, -1 for a negative one (outside the
 * box whatever it is), -2 when there is none.
 */
static long read_number(const char *s, size_t *i)
{
	long v = 0;
	size_t start = *i;
	bool negative = s[*i] == '-';

	if (negative)
		(*i)++;
	if (s[*i] < '0' || s[*i] > '9') {
		*i = start;
		return -2;
	}
	while (s[*i] >= '0' && s[*i] <= '9') {
		if (v < 100000)
			v = v * 10 + (s[*i] - '0');
		(*i)++;
	}
	return negative ? -1 : v;
}

int fig_pose_parse(const char *text, struct fig_pose *out, struct fig_error *err)
{
	struct fig_pose p;
	size_t i = 0;

	memset(&p, 0, sizeof(p));
	for (;;) {
		size_t name_at, n;
		long v[2];
		int j;

		i = skip_blanks(text, i);
		name_at = i;
		while ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9'))
			i++;
		n = i - name_at;
		if (n == 0)
			return pose_fail(err, name_at,
			                 "expected a joint name (head, neck, hip, knee, ...)");
		for (j = 0; j < FIG_N_JOINTS; j++)
			if (strlen(joint_names[j]) == n &&
			    memcmp(joint_names[j], text + name_at, n) == 0)
				break;
		if (j == FIG_N_JOINTS)
			return pose_fail(
			    err, name_at,
			    "unknown joint '%.*s' (use head, neck, mid, hip, shoulder, "
			    "elbow, hand, knee, foot, elbow2, hand2, knee2, foot2)",
			    (int)(n > 20 ? 20 : n), text + name_at);
		if (p.mask & (1u << j))
			return pose_fail(err, name_at, "joint '%s' is given twice", joint_names[j]);
		for (int k = 0; k < 2; k++) {
			size_t at;

			i = skip_blanks(text, i);
			at = i;
			v[k] = read_number(text, &i);
			if (v[k] == -2)
				return pose_fail(err, at,
				                 "joint '%s' needs two whole numbers, x and y",
				                 joint_names[j]);
			if (v[k] < 0 || v[k] >= (k == 0 ? FIG_BOX_W : FIG_BOX_H))
				return pose_fail(err, at,
				                 "joint '%s' is outside the box (x 0..%d, y 0..%d)",
				                 joint_names[j], FIG_BOX_W - 1, FIG_BOX_H - 1);
		}
		p.mask |= 1u << j;
		p.x[j] = (double)v[0];
		p.y[j] = (double)v[1];
		i = skip_blanks(text, i);
		if (text[i] == '\0')
			break;
		if (text[i] != ',')
			return pose_fail(err, i, "expected ',' between joints");
		i++;
	}
	for (int j = FIG_HEAD; j <= FIG_HIP; j++) {
		if (j != FIG_MID && !(p.mask & (1u << j)))
			return pose_fail(err, 0, "a pose needs head, neck and hip; '%s' is missing",
			                 joint_names[j]);
	}
	*out = p;
	return 0;
}

bool fig_pose_same_joints(const struct fig_pose *a, const struct fig_pose *b,
                          enum fig_joint *missing)
{
	unsigned diff = a->mask ^ b->mask;

	if (diff == 0)
		return true;
	for (int j = 0; j < FIG_N_JOINTS; j++) {
		if (diff & (1u << j)) {
			if (missing != NULL)
				*missing = (enum fig_joint)j;
			break;
		}
	}
	return false;
}

void fig_pose_between(const struct fig_pose *a, const struct fig_pose *b, double t,
                      struct fig_pose *out)
{
	struct fig_pose p = *a;

	t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
	for (int j = 0; j < FIG_N_JOINTS; j++) {
		if ((a->mask & b->mask) & (1u << j)) {
			p.x[j] = a->x[j] + (b->x[j] - a->x[j]) * t;
			p.y[j] = a->y[j] + (b->y[j] - a->y[j]) * t;
		}
	}
	*out = p;
}

void fig_figure_at(const struct fig_figure *f, double t, struct fig_pose *out)
{
	double at;
	unsigned k;

	if (f->n_poses < 2) {
		*out = f->poses[0];
		return;
	}
	t = t < 0.0 ? 0.0 : t > 1.0 ? 1.0 : t;
	at = t * (f->n_poses - 1);
	k = (unsigned)at;
	if (k >= f->n_poses - 1)
		k = f->n_poses - 2;
	fig_pose_between(&f->poses[k], &f->poses[k + 1], at - k, out);
}

double fig_motion_t(enum fig_motion m, long long elapsed_ms, long long rep_ms)
{
	long long move, in_rep;

	if (elapsed_ms < 0)
		elapsed_ms = 0;
	switch (m) {
	case FIG_HOLD:
		return elapsed_ms >= FIG_MOVE_MS ? 1.0 : (double)elapsed_ms / FIG_MOVE_MS;
	case FIG_REPS:
		if (rep_ms <= 0)
			return 0.0;
		move = rep_ms / 2 < FIG_MOVE_MS ? rep_ms / 2 : FIG_MOVE_MS;
		if (move <= 0)
			return 0.0;
		in_rep = elapsed_ms % rep_ms;
		if (in_rep < move)
			return (double)in_rep / move;
		if (in_rep > rep_ms - move)
			return (double)(rep_ms - in_rep) / move;
		return 1.0;
	case FIG_STILL:
	default:
		return 0.0;
	}
}

/* Milliseconds from `at` to the next frame of a move that started at `from`. */
static long long next_frame(long long at, long long from)
{
	return FIG_FRAME_MS - (at - from) % FIG_FRAME_MS;
}

long long fig_motion_wait_ms(enum fig_motion m, long long elapsed_ms, long long rep_ms)
{
	long long move, in_rep;

	if (elapsed_ms < 0)
		return -elapsed_ms;
	switch (m) {
	case FIG_HOLD:
		return elapsed_ms < FIG_MOVE_MS ? next_frame(elapsed_ms, 0) : -1;
	case FIG_REPS:
		if (rep_ms <= 0)
			return -1;
		move = rep_ms / 2 < FIG_MOVE_MS ? rep_ms / 2 : FIG_MOVE_MS;
		if (move <= 0)
			return -1;
		in_rep = elapsed_ms % rep_ms;
		if (in_rep < move)
			return next_frame(in_rep, 0) < move - in_rep ? next_frame(in_rep, 0)
			                                             : move - in_rep;
		if (in_rep < rep_ms - move)
			return rep_ms - move - in_rep;
		{
			long long f = next_frame(in_rep, rep_ms - move);

			return f < rep_ms - in_rep ? f : rep_ms - in_rep;
		}
	case FIG_STILL:
	default:
		return -1;
	}
}

bool fig_figure_equal(const struct fig_figure *a, const struct fig_figure *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL || a->view != b->view || a->n_poses != b->n_poses)
		return false;
	for (unsigned k = 0; k < a->n_poses; k++) {
		const struct fig_pose *p = &a->poses[k], *q = &b->poses[k];

		if (p->mask != q->mask)
			return false;
		for (int j = 0; j < FIG_N_JOINTS; j++)
			if ((p->mask & (1u << j)) && (p->x[j] != q->x[j] || p->y[j] != q->y[j]))
				return false;
	}
	return true;
}

/* ---- The skeleton ------------------------------------------------------------ */

/*
 * The chains drawn, in order: joints that are absent are left out, and
 * FIG_SHOULDER stands for the neck when the pose has no shoulder.
 */
static const signed char chains[][4] = {
	/* clang-format off */
	{ FIG_NECK, FIG_MID, FIG_HIP, -1 },
	{ FIG_NECK, FIG_SHOULDER, -1, -1 },
	{ FIG_SHOULDER, FIG_ELBOW, FIG_HAND, -1 },
	{ FIG_SHOULDER, FIG_ELBOW2, FIG_HAND2, -1 },
	{ FIG_HIP, FIG_KNEE, FIG_FOOT, -1 },
	{ FIG_HIP, FIG_KNEE2, FIG_FOOT2, -1 },
	/* clang-format on */
};
enum { N_CHAINS = sizeof(chains) / sizeof(chains[0]) };

/* The joints of chain c that the pose has, in order; returns how many. */
static int chain_joints(const struct fig_pose *p, int c, int out[4])
{
	int n = 0;

	for (int k = 0; k < 4 && chains[c][k] >= 0; k++) {
		int j = chains[c][k];

		if (j == FIG_SHOULDER && !(p->mask & (1u << FIG_SHOULDER)))
			j = FIG_NECK;
		if (p->mask & (1u << j))
			out[n++] = j;
	}
	return n;
}

/* Where the figure goes in a grid of dots: x' = ox + x * s, y' = oy + y * s. */
struct place {
	double s, ox, oy;
	bool mirror;
};

static struct place place_in(enum fig_view view, bool mirror, unsigned dw, unsigned dh)
{
	struct place pl = { 0, 0, 0, mirror };
	double fw = dw > 0 ? dw - 1.0 : 0.0;
	double fh = (view == FIG_VIEW_SIDE ? (double)dh - 2.0 : (double)dh - 1.0);
	double sx = fw / (FIG_BOX_W - 1), sy = fh / (FIG_BOX_H - 1);

	if (fh < 0)
		fh = sy = 0;
	pl.s = sx < sy ? sx : sy;
	pl.ox = (fw - (FIG_BOX_W - 1) * pl.s) / 2.0;
	pl.oy = fh - (FIG_BOX_H - 1) * pl.s; /* sitting on the floor */
	return pl;
}

static double box_x(const struct place *pl, double x)
{
	return pl->mirror ? (FIG_BOX_W - 1) - x : x;
}

/* ---- Dots -------------------------------------------------------------------- */

/*
 * A grid of dots; `ink`, when not NULL, keeps for each dot the character
 * an ASCII cell shows for it and `prio` which drawing wins a cell.
 */
struct canvas {
	unsigned w, h;
	unsigned char *dots;
	char *ink;
	unsigned char *prio;
};

static void plot(struct canvas *c, long x, long y, char ink, unsigned char prio)
{
	size_t i;

	if (x < 0 || y < 0 || x >= (long)c->w || y >= (long)c->h)
		return;
	i = (size_t)y * c->w + (size_t)x;
	c->dots[i] = 1;
	if (c->ink != NULL && prio >= c->prio[i]) {
		c->ink[i] = ink;
		c->prio[i] = prio;
	}
}

/* The ASCII character of a line, from its slope as a cell shows it (2 dots wide, 4 tall). */
static char slope_ink(long dx, long dy)
{
	double cx = labs(dx) / 2.0, cy = labs(dy) / 4.0 * 2.0; /* a cell is twice as tall */

	if (cy <= cx * 0.4)
		return '-';
	if (cx <= cy * 0.4)
		return '|';
	return (dx > 0) == (dy > 0) ? '\\' : '/';
}

static void line(struct canvas *c, long x0, long y0, long x1, long y1)
{
	long dx = labs(x1 - x0), dy = -labs(y1 - y0);
	long sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1, e = dx + dy;
	char ink = slope_ink(x1 - x0, y1 - y0);

	for (;;) {
		plot(c, x0, y0, ink, 2);
		if (x0 == x1 && y0 == y1)
			break;
		long e2 = 2 * e;
		if (e2 >= dy) {
			e += dy;
			x0 += sx;
		}
		if (e2 <= dx) {
			e += dx;
			y0 += sy;
		}
	}
}

/* Enough for the circle of the largest head drawn. */
enum { MAX_CIRCLE = 1024 };

/*
 * The head: a midpoint circle of radius r around (cx, cy), and the neck's
 * line to the circle's dot nearest the neck, so the two always touch.
 */
static void head(struct canvas *c, long cx, long cy, long r, long nx, long ny)
{
	long pts[MAX_CIRCLE][2];
	int n = 0;
	long x = r, y = 0, e = 1 - r;
	long d2 = (nx - cx) * (nx - cx) + (ny - cy) * (ny - cy);
	long best = 0, best_d = -1;

	while (x >= y && n + 8 <= MAX_CIRCLE) {
		long o[8][2] = { { x, y },   { y, x },   { -y, x }, { -x, y },
			         { -x, -y }, { -y, -x }, { y, -x }, { x, -y } };
		for (int k = 0; k < 8; k++) {
			pts[n][0] = cx + o[k][0];
			pts[n][1] = cy + o[k][1];
			n++;
		}
		y++;
		if (e < 0) {
			e += 2 * y + 1;
		} else {
			x--;
			e += 2 * (y - x) + 1;
		}
	}
	/* In ASCII the circle shows only where a line shares its cell: the O is the head. */
	for (int k = 0; k < n; k++)
		plot(c, pts[k][0], pts[k][1], ' ', 0);
	if (d2 <= r * r)
		return; /* the neck is inside the head: nothing to join */
	for (int k = 0; k < n; k++) {
		long dd = (pts[k][0] - nx) * (pts[k][0] - nx) + (pts[k][1] - ny) * (pts[k][1] - ny);

		if (best_d < 0 || dd < best_d) {
			best_d = dd;
			best = k;
		}
	}
	line(c, nx, ny, pts[best][0], pts[best][1]);
}

static void draw(const struct fig_pose *p, enum fig_view view, bool mirror, struct canvas *c)
{
	struct place pl = place_in(view, mirror, c->w, c->h);
	long gx[FIG_N_JOINTS], gy[FIG_N_JOINTS];

	for (int j = 0; j < FIG_N_JOINTS; j++) {
		gx[j] = round_l(pl.ox + box_x(&pl, p->x[j]) * pl.s);
		gy[j] = round_l(pl.oy + p->y[j] * pl.s);
	}
	if (view == FIG_VIEW_SIDE && c->h > 0)
		for (unsigned x = 0; x < c->w; x++)
			plot(c, (long)x, (long)c->h - 1, '_', 1);
	for (int k = 0; k < N_CHAINS; k++) {
		int js[4], n = chain_joints(p, k, js);

		for (int i = 0; i + 1 < n; i++)
			line(c, gx[js[i]], gy[js[i]], gx[js[i + 1]], gy[js[i + 1]]);
	}
	{
		long r = round_l(HEAD_R * pl.s);

		head(c, gx[FIG_HEAD], gy[FIG_HEAD], r < 1 ? 1 : r, gx[FIG_NECK], gy[FIG_NECK]);
	}
	/* The head's cell shows O in ASCII, over any line; no dot is set for it. */
	if (c->ink != NULL && gx[FIG_HEAD] >= 0 && gy[FIG_HEAD] >= 0 && gx[FIG_HEAD] < (long)c->w &&
	    gy[FIG_HEAD] < (long)c->h) {
		size_t i = (size_t)gy[FIG_HEAD] * c->w + (size_t)gx[FIG_HEAD];

		c->ink[i] = 'O';
		c->prio[i] = 4;
	}
}

void fig_dots(const struct fig_pose *p, enum fig_view view, bool mirror, unsigned dw, unsigned dh,
              unsigned char *dots)
{
	struct canvas c = { dw, dh, dots, NULL, NULL };

	memset(dots, 0, (size_t)dw * dh);
	if (dw > 0 && dh > 0)
		draw(p, view, mirror, &c);
}

/* ---- Text ----------------------------------------------------------------------- */

/* The bit of each dot of a Braille cell, by row and column (Unicode's order). */
static const unsigned char braille_bit[4][2] = {
	{ 0x01, 0x08 }, { 0x02, 0x10 }, { 0x04, 0x20 }, { 0x40, 0x80 }
};

char *fig_text(const struct fig_pose *p, enum fig_view view, bool mirror, unsigned w, unsigned h,
               enum fig_glyphs glyphs)
{
	unsigned dw = 2 * w, dh = 4 * h;
	size_t cells = (size_t)dw * dh;
	struct canvas c = { dw, dh, xcalloc(cells ? cells : 1, 1), xcalloc(cells ? cells : 1, 1),
		            xcalloc(cells ? cells : 1, 1) };
	char *out = xmalloc((size_t)h * (3 * (size_t)w + 1) + 1), *o = out;

	if (cells > 0)
		draw(p, view, mirror, &c);
	for (unsigned row = 0; row < h; row++) {
		for (unsigned col = 0; col < w; col++) {
			unsigned bits = 0;
			char ink = ' ';
			unsigned char prio = 0;

			for (unsigned r = 0; r < 4; r++) {
				for (unsigned k = 0; k < 2; k++) {
					size_t i = (size_t)(4 * row + r) * dw + 2 * col + k;

					if (c.dots[i])
						bits |= braille_bit[r][k];
					if (c.prio[i] > prio) {
						prio = c.prio[i];
						ink = c.ink[i];
					}
				}
			}
			if (glyphs == FIG_ASCII) {
				*o++ = ink;
			} else if (bits == 0) {
				*o++ = ' ';
			} else {
				unsigned cp = 0x2800 + bits;

				*o++ = (char)(0xe0 | (cp >> 12));
				*o++ = (char)(0x80 | ((cp >> 6) & 0x3f));
				*o++ = (char)(0x80 | (cp & 0x3f));
			}
		}
		*o++ = '\n';
	}
	*o = '\0';
	free(c.dots);
	free(c.ink);
	free(c.prio);
	return out;
}

/* ---- Poses side by side ---------------------------------------------------------- */

struct sbuf {
	char *s;
	size_t n, cap;
};

static void sb_put(struct sbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = '\0';
}

char *fig_poses_text(const struct fig_figure *f, unsigned w, unsigned h, unsigned gap,
                     unsigned per_row, const char *indent, enum fig_glyphs glyphs)
{
	struct sbuf b = { 0 };

	sb_put(&b, "", 0);
	per_row = per_row > 0 ? per_row : 1;
	for (unsigned first = 0; first < f->n_poses; first += per_row) {
		unsigned n = f->n_poses - first < per_row ? f->n_poses - first : per_row;
		char **text = xcalloc(n, sizeof(*text));
		const char **at = xcalloc(n, sizeof(*at));
		bool blank = true;

		for (unsigned k = 0; k < n; k++)
			at[k] = text[k] =
			    fig_text(&f->poses[first + k], f->view, false, w, h, glyphs);
		for (unsigned row = 0; row < h; row++) {
			size_t start = b.n, len;

			sb_put(&b, indent, strlen(indent));
			for (unsigned k = 0; k < n; k++) {
				size_t cell = strcspn(at[k], "\n");

				sb_put(&b, at[k], cell);
				at[k] += cell + (at[k][cell] == '\n');
				for (unsigned g = 0; k + 1 < n && g < gap; g++)
					sb_put(&b, " ", 1);
			}
			while (b.n > start && b.s[b.n - 1] == ' ')
				b.n--;
			len = b.n - start;
			if (blank && len == 0) {
				b.s[b.n] = '\0';
				continue;
			}
			blank = false;
			sb_put(&b, "\n", 1);
		}
		for (unsigned k = 0; k < n; k++)
			free(text[k]);
		free(text);
		free(at);
	}
	return b.s;
}

/* ---- SVG ------------------------------------------------------------------------- */

static void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = (b->n + (size_t)n + 1) * 2;
		b->s = xrealloc(b->s, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, b->cap - b->n, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

char *fig_svg(const struct fig_pose *p, enum fig_view view, unsigned width, unsigned height)
{
	struct sbuf b = { 0 };
	double nx = p->x[FIG_NECK], ny = p->y[FIG_NECK];
	double hx = p->x[FIG_HEAD], hy = p->y[FIG_HEAD];
	double d = root((nx - hx) * (nx - hx) + (ny - hy) * (ny - hy));

	sb_printf(&b,
	          "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"figure\" width=\"%u\" "
	          "height=\"%u\" viewBox=\"-2 -2 %d %d\" role=\"img\">"
	          "<g fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.6\" "
	          "stroke-linecap=\"round\" stroke-linejoin=\"round\">",
	          width, height, FIG_BOX_W + 3, FIG_BOX_H + 4);
	if (view == FIG_VIEW_SIDE)
		sb_printf(&b,
		          "<polyline class=\"floor\" stroke-width=\"0.8\" points=\"-1,%d %d,%d\"/>",
		          FIG_BOX_H, FIG_BOX_W, FIG_BOX_H);
	for (int k = 0; k < N_CHAINS; k++) {
		int js[4], n = chain_joints(p, k, js);

		if (n < 2 || (n == 2 && js[0] == js[1]))
			continue;
		sb_printf(&b, "<polyline points=\"");
		for (int i = 0; i < n; i++)
			sb_printf(&b, "%s%.1f,%.1f", i ? " " : "", p->x[js[i]], p->y[js[i]]);
		sb_printf(&b, "\"/>");
	}
	if (d > HEAD_R)
		sb_printf(&b, "<polyline points=\"%.1f,%.1f %.1f,%.1f\"/>", nx, ny,
		          hx + (nx - hx) * HEAD_R / d, hy + (ny - hy) * HEAD_R / d);
	sb_printf(&b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/></g></svg>", hx, hy, HEAD_R);
	return b.s;
}
