/* jobs.c: the jobs builtin (POSIX): list background jobs */

#include "../src/jobs.h"
#include "builtin.h"

int builtin_jobs(struct stage *st, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct strvec lines = STRVEC_INIT;
	jobs_list(&lines);
	for (size_t i = 0; i < lines.n; i++) {
		io_puts(st, 1, lines.v[i]);
		io_puts(st, 1, "\n");
	}
	strvec_free(&lines);
	return 0;
}
