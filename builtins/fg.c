/* fg.c: the fg builtin (POSIX, job control): continue a job in the foreground */

#include "../src/jobctl.h"
#include "../src/jobs.h"
#include "builtin.h"

/*
 * fg [JOB]
 * Prints the job's command, gives it the terminal, sends it SIGCONT if it
 * was stopped, lets its thread stages go on, and waits for it. The status is
 * the job's, or 128+sig when it stops again. Needs job control (set -m).
 * JOB defaults to the current job (%+); a bare number N means %N.
 */

int builtin_fg(struct stage *st, int argc, char **argv)
{
	int i = 1;
	if (i < argc && argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2] == '\0')
		i++;
	if (argc - i > 1) {
		return builtin_usage(st, "fg", "%s: one JOB at most", argv[i + 1]);
	}
	if (!st->main_thread || !jobctl_sync()) {
		stage_error(st, "fg: no job control");
		return 1;
	}
	char err[256];
	int num = builtin_job_spec(argc > i ? argv[i] : "%+", err, sizeof err);
	if (!num) {
		stage_error(st, "fg: %s", err);
		return 1;
	}
	int status = jobs_foreground(st, num);
	if (status < 0) {
		stage_error(st, "fg: %%%d: no such job", num);
		return 1;
	}
	return status;
}
