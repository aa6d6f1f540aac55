/*
 * launch.c - for `make bench`: start lumbar the ways the bench measures it.
 *
 *   launch PROGRAM [ARGS...]
 *	take CLOCK_MONOTONIC, put it in LUMBAR_BENCH_T0_NS, and exec the
 *	program, so that the program can tell how long it took from exec to
 *	its first frame.
 *
 *   launch --bells SECONDS PROGRAM [ARGS...]
 *	run the program in a pseudo-terminal of 80x24 for SECONDS, answer
 *	nothing, and print one line per BEL byte it writes: the milliseconds
 *	(with three decimals) since its first byte of output, which is its
 *	first frame. Then end it with SIGTERM.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int bells(double seconds, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int master = posix_openpt(O_RDWR | O_NOCTTY), status;
	double t0 = -1, end;
	char buf[4096];
	pid_t pid;

	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
		perror("launch: pseudo-terminal");
		return 71;
	}
	ioctl(master, TIOCSWINSZ, &ws);
	pid = fork();
	if (pid < 0) {
		perror("launch: fork");
		return 71;
	}
	if (pid == 0) {
		int slave;

		setsid();
		slave = open(ptsname(master), O_RDWR);
		if (slave < 0)
			_exit(127);
		ioctl(slave, TIOCSCTTY, 0);
		dup2(slave, 0);
		dup2(slave, 1);
		dup2(slave, 2);
		if (slave > 2)
			close(slave);
		close(master);
		execv(argv[0], argv);
		_exit(127);
	}
	end = now_ms() + seconds * 1e3;
	for (;;) {
		struct pollfd p = { .fd = master, .events = POLLIN };
		double left = end - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&p, 1, (int)left + 1) < 0)
			break;
		if (!(p.revents & (POLLIN | POLLHUP)))
			continue;
		n = read(master, buf, sizeof(buf));
		if (n <= 0)
			break;
		double t = now_ms();

		if (t0 < 0)
			t0 = t;
		for (ssize_t i = 0; i < n; i++)
			if (buf[i] == '\a')
				printf("%.3f\n", t - t0);
	}
	kill(pid, SIGTERM);
	/* Keep reading, so that its last frame never blocks on a full pty. */
	while (waitpid(pid, &status, WNOHANG) == 0) {
		struct pollfd p = { .fd = master, .events = POLLIN };

		if (poll(&p, 1, 50) > 0 && read(master, buf, sizeof(buf)) <= 0)
			break;
	}
	waitpid(pid, &status, 0);
	return 0;
}

int main(int argc, char **argv)
{
	struct timespec ts;
	char buf[32];

	if (argc >= 4 && strcmp(argv[1], "--bells") == 0)
		return bells(atof(argv[2]), argv + 3);
	if (argc < 2) {
		fprintf(stderr, "usage: launch PROGRAM [ARGS...]\n"
		                "       launch --bells SECONDS PROGRAM [ARGS...]\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &ts);
	snprintf(buf, sizeof(buf), "%lld", (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec);
	setenv("LUMBAR_BENCH_T0_NS", buf, 1);
	execv(argv[1], argv + 1);
	perror(argv[1]);
	return 127;
}
