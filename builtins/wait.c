/* wait.c: the wait builtin (POSIX): wait for background jobs */

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "../src/jobs.h"
#include "../src/signals.h"
#include "../src/state.h"
#include "builtin.h"

static bool interrupted(void)
{
	return signals_pending();
}

pid_t builtin_job_pid(struct stage *st, const char *spec)
{
	long n = 0;
	if (spec[0] == '%') {
		char err[256];
		int num = jobs_find(spec, err, sizeof err);
		pid_t pid = num ? jobs_pid(num) : 0;
		if (pid == 0)
			stage_error(st, "%s", num ? "no such job" : err);
		return pid;   /* negative for a thread job */
	}
	if (!parse_long(spec, &n) || n <= 0) {
		stage_error(st, "%s: not a pid or valid job spec", spec);
		return 0;
	}
	return (pid_t)n;
}

int builtin_wait(struct stage *st, int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0) {
		i++;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		builtin_usage_error(st, "wait", argv[i], 0);
		return 2;
	}
	if (i == argc) {
		if (jobs_wait_all(interrupted) < 0)
			return 128 + signals_peek_pending();
		return 0;
	}
	int status = 0;
	for (; i < argc; i++) {
		pid_t pid = builtin_job_pid(st, argv[i]);
		if (pid == 0) {
			status = 127;
			continue;
		}
		/* without job control, a job that a signal ended is reported
		 * here ("sleep 9: Killed"), as dash does; under set -m the job
		 * reports say it */
		struct sbuf why = SBUF_INIT;
		status = jobs_wait_pid(pid, interrupted, state_opt(OPT_MONITOR) ? NULL : &why);
		if (why.len)
			stage_error(st, "%s", sbuf_str(&why));
		sbuf_free(&why);
		if (status == -2)
			return 128 + signals_peek_pending();
		if (status < 0)
			status = 127;
	}
	return status;
}
