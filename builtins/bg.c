/* bg.c: the bg builtin (POSIX, job control): continue stopped jobs in the background */

#include "../src/jobctl.h"
#include "../src/jobs.h"
#include "builtin.h"

/*
 * bg [JOB...]
 * Sends each stopped job SIGCONT and lets its thread stages go on, in the
 * background, printing "[N]+ CMD &". JOB defaults to the current job; a
 * bare number N means %N. Needs job control (set -m).
 */

int builtin_bg(struct stage *st, int argc, char **argv)
{
	int i = 1;
	if (i < argc && argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2] == '\0')
		i++;
	if (!jobctl_on()) {
		stage_error(st, "bg: no job control");
		return 1;
	}
	int status = 0;
	bool none = i >= argc;
	for (; i < argc || none; i++) {
		char err[256];
		int num = builtin_job_spec(none ? "%+" : argv[i], err, sizeof err);
		none = false;
		if (!num || jobs_background(st, num) < 0) {
			stage_error(st, "bg: %s", num ? "no such job" : err);
			status = 1;
		}
	}
	return status;
}
