/*
 * cmd.c - the command line, read once (cmd.h). Two getopt_long passes:
 * the global options up to the first word; then, from that word on, the
 * verb's own options and the global ones together, the verb's first, so
 * that after the verb its own option wins where both have one spelling.
 */
#include "cmd.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "history.h"
#include "hook.h"
#include "verbs.h"

int cmd_usage_error(const char *fmt, ...)
{
	va_list ap;
	char raw[1024], safe[4 * sizeof(raw)];

	/* The arguments are the user's words: echoed escaped, never raw. */
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	fprintf(stderr, "lumbar: %s (try 'lumbar --help')\n", cat_escape(safe, sizeof(safe), raw));
	return CMD_EXIT_USAGE;
}

/* ---- The options -------------------------------------------------------------- */

enum {
	OPT_FORMAT = 256,
	OPT_NO_BELL,
	OPT_NO_COLOR,
	OPT_COLOR,
	OPT_HISTORY_FILE,
	OPT_SPEAK,
	OPT_NO_SPEAK,
	OPT_ON_PHASE,
	OPT_NO_ASK,
	OPT_NO_FIGURE,
	OPT_LINES,
	OPT_DAYS,
	OPT_TODAY,
	/* The verbs' own: OPT_VERB + the bit's position in enum cmd_vopt. */
	OPT_VERB = 512,
};

static const char global_short[] = "ls:p::c:HC:L:qhV";

static const struct option global_options[] = {
	{ "list", no_argument, NULL, 'l' },
	{ "show", required_argument, NULL, 's' },
	{ "plan", optional_argument, NULL, 'p' },
	{ "check", required_argument, NULL, 'c' },
	{ "history", no_argument, NULL, 'H' },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "catalogue", required_argument, NULL, 'C' },
	{ "catalog", required_argument, NULL, 'C' },
	{ "level", required_argument, NULL, 'L' },
	{ "history-file", required_argument, NULL, OPT_HISTORY_FILE },
	{ "no-bell", no_argument, NULL, OPT_NO_BELL },
	{ "quiet", no_argument, NULL, 'q' },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "color", no_argument, NULL, OPT_COLOR },
	{ "colour", no_argument, NULL, OPT_COLOR },
	{ "speak", no_argument, NULL, OPT_SPEAK },
	{ "no-speak", no_argument, NULL, OPT_NO_SPEAK },
	{ "on-phase", required_argument, NULL, OPT_ON_PHASE },
	{ "no-ask", no_argument, NULL, OPT_NO_ASK },
	{ "no-figure", no_argument, NULL, OPT_NO_FIGURE },
	{ "lines", no_argument, NULL, OPT_LINES },
	{ "days", required_argument, NULL, OPT_DAYS },
	{ "today", required_argument, NULL, OPT_TODAY },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
};
enum { N_GLOBAL = sizeof(global_options) / sizeof(global_options[0]) };

/* The verbs' own options, in enum cmd_vopt's order; `o` is report's -o. */
static const struct option verb_options[] = {
	{ "quiet", no_argument, NULL, OPT_VERB + 0 },
	{ "count", no_argument, NULL, OPT_VERB + 1 },
	{ "format", required_argument, NULL, OPT_VERB + 2 },
	{ "install", no_argument, NULL, OPT_VERB + 3 },
	{ "dry-run", no_argument, NULL, OPT_VERB + 4 },
	{ "print-cron", no_argument, NULL, OPT_VERB + 5 },
	{ "until", required_argument, NULL, OPT_VERB + 6 },
	{ "reason", required_argument, NULL, OPT_VERB + 7 },
	{ "weeks", required_argument, NULL, OPT_VERB + 8 },
	{ "since", required_argument, NULL, OPT_VERB + 9 },
	{ "output", required_argument, NULL, OPT_VERB + 10 },
	{ "days", required_argument, NULL, OPT_VERB + 11 },
	{ "history", no_argument, NULL, OPT_VERB + 12 },
	{ "verbose", no_argument, NULL, OPT_VERB + 13 },
	{ "peg", no_argument, NULL, OPT_VERB + 14 },
	{ "date", required_argument, NULL, OPT_VERB + 15 },
	{ "pain", required_argument, NULL, OPT_VERB + 16 },
	{ "pain-before", required_argument, NULL, OPT_VERB + 17 },
	{ "status", required_argument, NULL, OPT_VERB + 18 },
	{ "answer", required_argument, NULL, OPT_VERB + 19 },
};
enum { N_VERB_OPTS = sizeof(verb_options) / sizeof(verb_options[0]) };

/*
 * The options after verb `v`: its own, then the global ones it has no
 * spelling of. Returns how many; the table ends with a zero row.
 */
static unsigned merged_options(const struct verb *v, struct option *out)
{
	unsigned n = 0;

	for (unsigned i = 0; v != NULL && i < N_VERB_OPTS; i++)
		if (v->opts & (1u << i))
			out[n++] = verb_options[i];
	for (unsigned g = 0; g < N_GLOBAL; g++) {
		bool shadowed = false;

		for (unsigned k = 0; k < n && !shadowed; k++)
			shadowed = strcmp(out[k].name, global_options[g].name) == 0;
		if (!shadowed)
			out[n++] = global_options[g];
	}
	out[n] = (struct option){ NULL, 0, NULL, 0 };
	return n;
}

/* A verb spelled as an option (--list, --plan=ID): the same as the verb. */
static int set_verb(struct options *o, const char *name, const char *spelled, const char *arg)
{
	const struct verb *v = verb_find(name);

	if (o->verb != NULL && o->verb != v)
		return cmd_usage_error("%s cannot be combined with another mode", spelled);
	o->verb = v;
	if (arg != NULL) {
		static char *arg_slot[1];

		arg_slot[0] = (char *)(uintptr_t)arg; /* argv's own string */
		o->args = arg_slot;
		o->n_args = 1;
	}
	return 0;
}

/* One option: 0, or the exit status of a usage error. */
static int take(struct options *o, int c, const char *optarg_, char **argv)
{
	switch (c) {
	case 'l':
		return set_verb(o, "list", "--list", NULL);
	case 's':
		return set_verb(o, "show", "--show", optarg_);
	case 'p':
		return set_verb(o, "plan", "--plan", optarg_);
	case 'c':
		return set_verb(o, "check", "--check", optarg_);
	case 'H':
		return set_verb(o, "history", "--history", NULL);
	case OPT_FORMAT:
		if (strcmp(optarg_, "tsv") == 0)
			o->tsv = true;
		else if (strcmp(optarg_, "text") == 0)
			o->tsv = false;
		else
			return cmd_usage_error("unknown format '%s' (use tsv or text)", optarg_);
		o->format = optarg_;
		return 0;
	case 'C':
		o->catalogue = optarg_;
		return 0;
	case 'L':
		if (cat_level_parse(optarg_, &o->level) != 0)
			return cmd_usage_error("unknown level '%s' (use easy, medium or hard)",
			                       optarg_);
		o->set_level = true;
		return 0;
	case OPT_HISTORY_FILE:
		o->history_file = optarg_;
		return 0;
	case OPT_NO_BELL:
		o->bell = false;
		o->set_bell = true;
		return 0;
	case 'q':
		o->bell = false;
		o->flash = false;
		o->set_bell = true;
		return 0;
	case OPT_NO_COLOR:
	case OPT_COLOR:
		o->color = c == OPT_COLOR;
		o->set_color = true;
		return 0;
	case OPT_SPEAK:
	case OPT_NO_SPEAK:
		o->speak = c == OPT_SPEAK;
		o->set_speak = true;
		return 0;
	case OPT_ON_PHASE:
		if (strlen(optarg_) > HOOK_MAX_COMMAND)
			return cmd_usage_error("--on-phase command is longer than %d bytes",
			                       HOOK_MAX_COMMAND);
		/* An empty command is none, and beats the config file's. */
		o->on_phase = *optarg_ ? optarg_ : NULL;
		o->set_on_phase = true;
		return 0;
	case OPT_NO_ASK:
		o->no_ask = true;
		return 0;
	case OPT_NO_FIGURE:
		o->figure = false;
		o->set_figure = true;
		return 0;
	case OPT_LINES:
		o->lines = true;
		return 0;
	case OPT_VERB + 11:
		o->given |= CMD_VO_DAYS;
		o->days = optarg_; /* progress hold's; the global one said before the verb */
		return 0;
	case OPT_DAYS:
		o->days = optarg_;
		return 0;
	case OPT_TODAY:
		if (strlen(optarg_) != 10 ||
		    hist_parse_day(optarg_, strlen(optarg_), &o->today_day) != 0)
			return cmd_usage_error("--today wants a date as YYYY-MM-DD, not '%s'",
			                       optarg_);
		o->today = optarg_;
		return 0;
	case 'o':
		o->given |= CMD_VO_OUTPUT;
		o->output = optarg_;
		return 0;
	case 'h':
		o->help = true;
		return 0;
	case 'V':
		o->version = true;
		return 0;
	case ':':
		return cmd_usage_error("option '%s' needs a value", argv[optind - 1]);
	case '?':
		if (optopt && optopt < OPT_FORMAT)
			return cmd_usage_error("unknown option '-%c'", optopt);
		return cmd_usage_error("unknown option '%s'", argv[optind - 1]);
	default:
		break;
	}
	/* A verb's own. */
	unsigned bit = (unsigned)(c - OPT_VERB);
	const char **value[] = {
		[2] = &o->vformat,      [6] = &o->until,   [7] = &o->reason,  [8] = &o->weeks,
		[9] = &o->since,        [10] = &o->output, [15] = &o->date,   [16] = &o->pain,
		[17] = &o->pain_before, [18] = &o->status, [19] = &o->answer,
	};

	o->given |= 1u << bit;
	if (bit < sizeof(value) / sizeof(value[0]) && value[bit] != NULL)
		*value[bit] = optarg_;
	return 0;
}

/* getopt_long over argv[1..argc) with `shorts` and `opts` (a '+' in shorts stops at a word). */
static int pass(struct options *o, int argc, char **argv, const char *shorts,
                const struct option *opts)
{
	int c, rc;

	opterr = 0;
	optind = 0; /* glibc: start afresh on a new vector */
	while ((c = getopt_long(argc, argv, shorts, opts, NULL)) != -1)
		if ((rc = take(o, c, optarg, argv)) != 0)
			return rc;
	return 0;
}

int cmd_parse(int argc, char **argv, const char *no_color, struct options *o)
{
	struct option merged[N_GLOBAL + N_VERB_OPTS + 1];
	char shorts[sizeof(global_short) + 8];
	const struct verb *named = NULL;
	int rc, first;

	*o = (struct options){ .level = CAT_LEVEL_EASY,
		               .bell = true,
		               .flash = true,
		               .color = true,
		               .figure = true,
		               .ask_pain_before = true,
		               .ask_morning = true,
		               .ask_outcomes = true };
	/* NO_COLOR counts as a command-line choice: it beats the config file. */
	if (no_color && *no_color) {
		o->color = false;
		o->set_color = true;
	}

	/* Up to the first word: the global options only ('+': stop there). */
	snprintf(shorts, sizeof(shorts), "+:%s", global_short);
	merged_options(NULL, merged);
	if ((rc = pass(o, argc, argv, shorts, merged)) != 0)
		return rc;
	first = optind;
	/* After `--`, words only: no verb, no option. */
	bool ended = first > 1 && strcmp(argv[first - 1], "--") == 0;

	if (first < argc && !ended)
		named = verb_find(argv[first]);
	if (named != NULL && o->verb != NULL && o->verb != named)
		return cmd_usage_error("%s cannot be combined with another mode", argv[first]);

	/* From that word on: the verb's own options first, then the global ones. */
	const struct verb *v = named ? named : o->verb;
	bool spelled = o->verb != NULL && named == NULL; /* --plan ID: the ID is its argument */
	char **saved_args = o->args;
	unsigned saved_n = o->n_args;

	o->verb = v; /* `list --plan` is two modes */
	o->verb_named = v != NULL;

	snprintf(shorts, sizeof(shorts), ":%s%s", global_short,
	         v && (v->opts & CMD_VO_OUTPUT) ? "o:" : "");
	merged_options(v, merged);
	for (unsigned i = 0; merged[i].name; i++)
		if (merged[i].val == OPT_VERB + 10)
			merged[i].val = 'o'; /* --output and -o are one */
	optind = 1;
	if (first < argc && !ended &&
	    (rc = pass(o, argc - first + 1, argv + first - 1, shorts, merged)) != 0)
		return rc;
	/* What is left, in order: [verb] args. */
	char **rest = argv + first - 1 + optind;
	unsigned n = first < argc ? (unsigned)(argc - first + 1 - optind) : 0;

	if (named != NULL) {
		rest++;
		n--;
	}
	o->verb = v ? v : verb_default();
	if (spelled && saved_n > 0 && n > 0)
		return cmd_usage_error("unexpected argument '%s'", rest[0]);
	if (saved_n > 0) {
		o->args = saved_args;
		o->n_args = saved_n;
	} else {
		o->args = rest;
		o->n_args = n;
	}
	if (o->help)
		return 0;
	if (o->n_args < o->verb->min_args)
		return cmd_needs_error(o);
	if (o->n_args > o->verb->max_args)
		return cmd_usage_error("unexpected argument '%s'", o->args[o->verb->max_args]);
	if (o->days && !(strcmp(o->verb->name, "progress") == 0 && o->n_args > 0 &&
	                 strcmp(o->args[0], "hold") == 0))
		return cmd_usage_error("--days goes with 'progress hold'");
	if (o->today && cmd_writes(o))
		return cmd_usage_error("--today is for commands that only read, and %s%s%s "
		                       "writes",
		                       o->verb_named ? o->verb->name : "the timer",
		                       o->n_args && o->verb->writes ? " " : "",
		                       o->n_args && o->verb->writes ? o->args[0] : "");
	if (o->today && !(o->verb->flags & VERB_AS_OF))
		return cmd_usage_error("--today: %s does not answer as on another day",
		                       o->verb->name);
	return 0;
}

int cmd_needs_error(const struct options *o)
{
	return cmd_usage_error("%s needs %s", o->verb->name, o->verb->needs);
}

bool cmd_writes(const struct options *o)
{
	if (o->verb == NULL)
		return false;
	if (o->verb->writes != NULL)
		return o->verb->writes(o);
	return (o->verb->flags & VERB_WRITES) != 0;
}
