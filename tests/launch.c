/*
 * launch.c - for `make bench`: take CLOCK_MONOTONIC, put it in
 * LUMBAR_BENCH_T0_NS, and exec the program, so that the program can tell how
 * long it took from exec to its first frame.
 *
 * Usage: launch PROGRAM [ARGS...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec ts;
	char buf[32];

	if (argc < 2) {
		fprintf(stderr, "usage: launch PROGRAM [ARGS...]\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(buf, sizeof(buf), "%lld", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
	setenv("LUMBAR_BENCH_T0_NS", buf, 1);
	execv(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
