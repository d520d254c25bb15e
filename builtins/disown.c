/* disown.c: the disown builtin (bash): forget jobs, or keep them from SIGHUP */

#include <string.h>

#include "../src/jobs.h"
#include "builtin.h"

/*
 * disown [-h] [-a | -r] [JOB...]
 * Removes each job from the job table: the shell no longer lists it, waits
 * for it or sends it SIGHUP when it hangs up (its processes are still
 * reaped). -h keeps the job in the table and only spares it the SIGHUP.
 * -a: every job; -r: every running job. Without operands: the current job.
 * A job with thread stages is part of the shell and cannot leave it: it
 * is only marked as -h would (status 1, with a message).
 */

int builtin_disown(struct stage *st, int argc, char **argv)
{
	bool nohup = false, all = false, running = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'h') {
				nohup = true;
			} else if (*o == 'a') {
				all = true;
			} else if (*o == 'r') {
				running = true;
			} else {
				builtin_usage_error(st, "disown", argv[i], *o);
				return 2;
			}
		}
	}
	struct strvec specs = STRVEC_INIT;
	if (all || running)
		jobs_numbers(&specs, running && !all);
	else if (i >= argc)
		strvec_pushdup(&specs, "%+");
	for (; i < argc; i++)
		strvec_pushdup(&specs, argv[i]);
	int status = 0;
	for (size_t k = 0; k < specs.n; k++) {
		char err[256];
		int num = builtin_job_spec(specs.v[k], err, sizeof err);
		int rc = num ? jobs_disown(num, nohup) : -1;
		if (!num) {
			stage_error(st, "disown: %s", err);
			status = 1;
		} else if (rc == -2) {
			stage_error(st, "disown: %%%d: a job with thread stages stays a job of the shell", num);
			status = 1;
		} else if (rc < 0) {
			stage_error(st, "disown: %%%d: no such job", num);
			status = 1;
		}
	}
	strvec_free(&specs);
	return status;
}
