/* jobs.c: the jobs builtin (POSIX): list jobs and their states */

#include <stdlib.h>
#include <string.h>

#include "../src/jobs.h"
#include "builtin.h"

/*
 * jobs [-l | -p] [JOB...]
 * One line per job, in bash's format: "[1]+  Stopped                 sleep 100"
 * (+ marks the current job, - the previous one; a running job's command
 * ends with &). -l adds the process group id, -p prints only it (%N for a
 * thread job). A finished job is listed once, then forgotten (POSIX).
 */

int builtin_jobs(struct stage *st, int argc, char **argv)
{
	bool long_fmt = false, pids = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'l') {
				long_fmt = true;
			} else if (*o == 'p') {
				pids = true;
			} else {
				builtin_usage_error(st, "jobs", argv[i], *o);
				return 2;
			}
		}
	}
	int status = 0;
	int *nums = xcalloc((size_t)(argc - i) + 1, sizeof *nums);
	size_t n = 0;
	for (; i < argc; i++) {
		char err[256];
		int num = jobs_find(argv[i], err, sizeof err);
		if (!num) {
			stage_error(st, "jobs: %s", err);
			status = 1;
			continue;
		}
		nums[n++] = num;
	}
	struct strvec lines = STRVEC_INIT;
	if (n > 0 || status == 0)
		jobs_list(&lines, nums, n, long_fmt, pids);
	free(nums);
	for (size_t k = 0; k < lines.n; k++) {
		io_puts(st, 1, lines.v[k]);
		io_puts(st, 1, "\n");
	}
	strvec_free(&lines);
	return status;
}
