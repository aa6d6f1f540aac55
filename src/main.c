/*
 * main.c - start-up: read the command line once (cmd.h), then dispatch
 * through the table of commands (verbs.h). What each command does is its
 * handler's, in cmd_verbs.c.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "verbs.h"

int main(int argc, char **argv)
{
	struct options o;
	int rc;

	/* A full disk or a file-size limit must be an error we report, not death. */
	signal(SIGXFSZ, SIG_IGN);

	if ((rc = cmd_parse(argc, argv, getenv("NO_COLOR"), &o)) != 0)
		return rc;
	if (o.help && o.verb_named)
		verb_print_help(stdout, o.verb);
	else if (o.help)
		verbs_print_usage(stdout);
	else if (o.version)
		rc = verb_run_version(&o);
	else {
		verb_notice_copies(&o);
		rc = o.verb->run(&o);
	}
	return cmd_flush_stdout(rc);
}
