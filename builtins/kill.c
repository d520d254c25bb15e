/* kill.c: the kill builtin (POSIX): sends signals, lists signal names */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../src/signals.h"
#include "builtin.h"
#include "../src/jobs.h"

#ifndef NSIG            /* not POSIX; glibc and the BSDs have it */
#define NSIG 65
#endif

/*
 * kill [-s sig | -n num | -SIG | -NUM] pid...   (default TERM)
 * kill -l [status|sig...]
 * Signal names are taken with or without SIG, in any case, or as numbers;
 * 0 checks that the process exists. A negative pid names a process group
 * (write `kill -- -PGID` or `kill -TERM -PGID`).
 * `kill -l` prints every name, one a line, without SIG; `kill -l 130`
 * prints INT (an exit status above 128 is a signal number plus 128);
 * `kill -l INT` prints 2. `kill -L` prints bash's table, five a line,
 * ` 1) SIGHUP<TAB> 2) SIGINT<TAB>...` (the realtime signals, which conch
 * has no names for, are left out); with operands it is -l.
 * A pid that is not a number, or a kill(2) that fails, is reported and
 * makes the status 1; the other pids still get the signal. Usage errors: 2.
 * Job specs (%N %+ %% %- %NAME %?TEXT, jobs.h) send the signal to the whole
 * job: its process group under job control (or its processes), and its
 * thread stages, which end at their next command with status 128+sig; a
 * stopped job also gets SIGCONT after a signal that ends it, and STOP or
 * TSTP stop a job as Ctrl-Z does. A thread job (the thread builtin) is asked
 * to stop (signal 0 checks that it still runs).
 */

static bool all_digits(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static int usage(struct stage *st)
{
	return builtin_usage(st, "kill", "a PID or JOB is needed");
}

/* kill -L: the numbered table of bash's kill -L. */
static int table(struct stage *st)
{
	int column = 0;
	for (int sig = 1; sig < NSIG; sig++) {
		const char *name = signals_name(sig);
		if (!name)
			continue;
		io_printf(st, 1, "%2d) SIG%s%c", sig, name, ++column < 5 ? '\t' : '\n');
		if (column == 5)
			column = 0;
	}
	if (column != 0)
		io_write(st, 1, "\n", 1);
	return 0;
}

static int list(struct stage *st, int argc, char **argv)
{
	int status = 0;
	long n;

	if (argc == 0) {
		for (int sig = 1; sig < NSIG; sig++) {
			const char *name = signals_name(sig);
			if (!name)
				continue;
			io_puts(st, 1, name);
			io_write(st, 1, "\n", 1);
		}
		return 0;
	}
	for (int i = 0; i < argc; i++) {
		if (all_digits(argv[i])) {
			const char *name = NULL;
			if (parse_long(argv[i], &n)) {
				if (n > 128)
					n -= 128;
				name = n < NSIG ? signals_name((int)n) : NULL;
			}
			if (name == NULL) {
				stage_error(st, "kill: %s: invalid signal number", argv[i]);
				status = 1;
				continue;
			}
			io_puts(st, 1, name);
			io_write(st, 1, "\n", 1);
		} else {
			int sig = signals_number(argv[i]);
			if (sig < 0) {
				stage_error(st, "kill: %s: invalid signal name", argv[i]);
				status = 1;
				continue;
			}
			io_printf(st, 1, "%d\n", sig);
		}
	}
	return status;
}

int builtin_kill(struct stage *st, int argc, char **argv)
{
	int sig = SIGTERM, status = 0, i = 1;
	const char *spec = NULL;

	if (argc < 2)
		return usage(st);
	if (strcmp(argv[1], "-L") == 0 && argc == 2)
		return table(st);
	if (strcmp(argv[1], "-l") == 0 || strcmp(argv[1], "-L") == 0)
		return list(st, argc - 2, argv + 2);
	if (strcmp(argv[1], "-s") == 0 || strcmp(argv[1], "-n") == 0) {
		if (argc < 3)
			return usage(st);
		spec = argv[2];
		i = 3;
	} else if (strcmp(argv[1], "--") == 0) {
		i = 2;
	} else if (argv[1][0] == '-' && argv[1][1] != '\0') {
		spec = argv[1] + 1;
		i = 2;
	}
	if (spec != NULL && (sig = signals_number(spec)) < 0) {
		stage_error(st, "kill: %s: invalid signal", spec);
		return 1;
	}
	if (i < argc && spec != NULL && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		return usage(st);

	for (; i < argc; i++) {
		long pid;
		if (argv[i][0] == '%') {
			char err[256];
			int num = jobs_find(argv[i], err, sizeof err);
			int rc = num ? jobs_kill(num, sig) : 0;
			if (!num) {
				stage_error(st, "kill: %s", err);
				status = 1;
			} else if (rc != 0) {
				stage_error(st, "kill: %s: %s", argv[i], rc == ESRCH ? "no such job" : strerror(rc));
				status = 1;
			}
			continue;
		} else if (!parse_long(argv[i], &pid) || pid != (pid_t)pid) {
			stage_error(st, "kill: %s: arguments must be process or job IDs", argv[i]);
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) != 0) {
			stage_error(st, "kill: (%ld): %s", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
