/* ptydrive.c: runs an interactive conch on a pseudo-terminal, for the tests of Ctrl-C */

/*
 * usage: ptydrive SHELL COMMAND
 * Starts `SHELL -i` on a new pty, types COMMAND, waits 300 ms, sends Ctrl-C
 * (the terminal turns it into SIGINT for the foreground), then types
 * `echo alive-$?` and waits for "alive-" to appear. Prints
 *   latency-ms N          how long after Ctrl-C the shell answered
 *   status N              the $? it printed
 *   tasks-before N        threads of the idle shell before the command, after
 *                         a warm-up pipeline (a sanitizer may start threads
 *                         of its own on first use)
 *   tasks N               threads of the shell afterwards (/proc/PID/task)
 * Exits 1 if the shell did not answer within 5 s, after printing to stderr
 * what the terminal showed after Ctrl-C.
 */

#include <dirent.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads what the shell printed for up to `secs`, appending to buf; stops
 * early when `until` appears. */
static void drain(int fd, char *buf, size_t cap, size_t *len, double secs, const char *until)
{
	double end = now() + secs;
	while (now() < end) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 20) <= 0)
			continue;
		ssize_t n = read(fd, buf + *len, cap - *len - 1);
		if (n <= 0)
			return;
		*len += (size_t)n;
		buf[*len] = '\0';
		if (until && strstr(buf, until))
			return;
	}
}

static int count_tasks(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%ld/task", (long)pid);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

int main(int argc, char **argv)
{
	static char buf[1 << 16];
	size_t len = 0;
	int fd;
	if (argc != 3) {
		fprintf(stderr, "usage: ptydrive SHELL COMMAND\n");
		return 2;
	}
	pid_t pid = forkpty(&fd, NULL, NULL, NULL);
	if (pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("PS1", "$ ", 1);
		execl(argv[1], argv[1], "-i", (char *)NULL);
		_exit(127);
	}
	drain(fd, buf, sizeof buf, &len, 0.5, NULL);
	/* a first pipeline of thread stages, so that threads a sanitizer starts
	 * on first use are already there when the baseline is taken */
	dprintf(fd, "true | true\n");
	drain(fd, buf, sizeof buf, &len, 0.3, NULL);
	int tasks_before = count_tasks(pid);
	dprintf(fd, "%s\n", argv[2]);
	drain(fd, buf, sizeof buf, &len, 0.3, NULL);
	len = 0;
	buf[0] = '\0';
	double t0 = now();
	if (write(fd, "\003", 1) != 1 || write(fd, "echo alive-$?\n", 14) != 14)
		return 2;
	/* the terminal echoes the typed line: wait for the shell's output */
	const char *mark = NULL;
	while (now() - t0 < 5) {
		drain(fd, buf, sizeof buf, &len, 0.05, NULL);
		const char *p = buf;
		while ((p = strstr(p, "alive-")) != NULL) {
			if (p[6] >= '0' && p[6] <= '9') {
				mark = p;
				break;
			}
			p += 6;
		}
		if (mark)
			break;
	}
	double dt = now() - t0;
	int status = mark ? atoi(mark + 6) : -1;
	usleep(100 * 1000);
	int tasks = count_tasks(pid);
	dprintf(fd, "exit\n");
	drain(fd, buf, sizeof buf, &len, 0.5, NULL);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	if (!mark) {
		fprintf(stderr, "ptydrive: no answer after Ctrl-C; the terminal showed:\n%s\n", buf);
		return 1;
	}
	printf("latency-ms %d\nstatus %d\ntasks-before %d\ntasks %d\n", (int)(dt * 1000),
	       status, tasks_before, tasks);
	return 0;
}
