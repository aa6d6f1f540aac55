/*
 * floor.c - the cost floor for `make bench`: a program that only sleeps to a
 * deadline once a second and writes one short line, as a countdown must at
 * the least. lumbar's figures are compared with this one's, measured in the
 * same run on the same machine.
 */
#include <stdio.h>
#include <time.h>

int main(void)
{
	struct timespec next;

	clock_gettime(CLOCK_MONOTONIC, &next);
	for (long left = 3600; left >= 0; left--) {
		printf("\r%ld:%02ld ", left / 60, left % 60);
		fflush(stdout);
		next.tv_sec++;
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) != 0)
			;
	}
	return 0;
}
