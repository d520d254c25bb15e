/* times.c: the times builtin (POSIX special): prints accumulated CPU times */
#include <sys/resource.h>

#include "builtin.h"

/*
 * Two lines, as dash prints them: the shell's user and system time (every
 * thread stage included, since they are the shell), then its children's:
 *   0m0.004000s 0m0.001000s
 *   0m0.120000s 0m0.030000s
 */

static void put_time(struct stage *st, const struct timeval *tv, char sep)
{
	/* by hand, not %f: the locale's decimal point must not leak in */
	io_printf(st, 1, "%ldm%ld.%06lds%c", (long)(tv->tv_sec / 60),
	          (long)(tv->tv_sec % 60), (long)tv->tv_usec, sep);
}

int builtin_times(struct stage *st, int argc, char **argv)
{
	struct rusage self, children;

	(void)argc;
	(void)argv;
	if (getrusage(RUSAGE_SELF, &self) != 0 || getrusage(RUSAGE_CHILDREN, &children) != 0) {
		stage_error(st, "times: cannot get resource usage");
		return 1;
	}
	put_time(st, &self.ru_utime, ' ');
	put_time(st, &self.ru_stime, '\n');
	put_time(st, &children.ru_utime, ' ');
	put_time(st, &children.ru_stime, '\n');
	return 0;
}
