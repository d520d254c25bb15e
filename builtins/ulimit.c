/* ulimit.c: the ulimit builtin (POSIX, with dash's resource letters): shows or sets resource limits */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <sys/resource.h>

#include "builtin.h"

/*
 * As in dash: one resource per command (the last letter given wins), -f by
 * default; -H and -S select the hard or soft limit (showing: soft unless -H;
 * setting: both unless one is named). Units: -f and -c in 512-byte blocks,
 * -d -s -m -l -v in KiB, -t in seconds, the others as counts. A value is
 * decimal or `unlimited`. -u (bash) and -p (dash) are both the process
 * count. -a lists every limit in dash's format. Limits are per process, so
 * every stage and every child shares them.
 */

struct limit {
	char opt;
	int resource;
	rlim_t factor;
	const char *name;     /* for -a */
};

static const struct limit limits[] = {
	{ 't', RLIMIT_CPU,     1,    "time(seconds)" },
	{ 'f', RLIMIT_FSIZE,   512,  "file(blocks)" },
	{ 'd', RLIMIT_DATA,    1024, "data(kbytes)" },
	{ 's', RLIMIT_STACK,   1024, "stack(kbytes)" },
	{ 'c', RLIMIT_CORE,    512,  "coredump(blocks)" },
#ifdef RLIMIT_RSS
	{ 'm', RLIMIT_RSS,     1024, "memory(kbytes)" },
#endif
#ifdef RLIMIT_MEMLOCK
	{ 'l', RLIMIT_MEMLOCK, 1024, "locked memory(kbytes)" },
#endif
#ifdef RLIMIT_NPROC
	{ 'p', RLIMIT_NPROC,   1,    "process" },
	{ 'u', RLIMIT_NPROC,   1,    NULL },          /* not listed twice */
#endif
	{ 'n', RLIMIT_NOFILE,  1,    "nofiles" },
	{ 'v', RLIMIT_AS,      1024, "vmemory(kbytes)" },
#ifdef RLIMIT_LOCKS
	{ 'w', RLIMIT_LOCKS,   1,    "locks" },
#endif
#ifdef RLIMIT_RTPRIO
	{ 'r', RLIMIT_RTPRIO,  1,    "rtprio" },
#endif
};

#define NLIMITS (sizeof limits / sizeof limits[0])

enum { HOW_SOFT = 1, HOW_HARD = 2 };

static const struct limit *find_limit(char c)
{
	for (size_t i = 0; i < NLIMITS; i++)
		if (limits[i].opt == c)
			return &limits[i];
	return NULL;
}

static void print_value(struct stage *st, const struct limit *l, int how)
{
	struct rlimit rl;

	if (getrlimit(l->resource, &rl) != 0) {
		io_puts(st, 1, "error\n");
		return;
	}
	rlim_t v = how & HOW_SOFT ? rl.rlim_cur : rl.rlim_max;
	if (v == RLIM_INFINITY)
		io_puts(st, 1, "unlimited\n");
	else
		io_printf(st, 1, "%ju\n", (uintmax_t)(v / l->factor));
}

static bool parse_value(const char *s, rlim_t factor, rlim_t *out)
{
	uintmax_t v = 0;

	if (strcmp(s, "unlimited") == 0) {
		*out = RLIM_INFINITY;
		return true;
	}
	if (*s == '\0')
		return false;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return false;
		if (v > (UINTMAX_MAX - 9) / 10)
			return false;
		v = v * 10 + (uintmax_t)(*s - '0');
	}
	if (v > (uintmax_t)(RLIM_INFINITY - 1) / factor)
		return false;
	*out = (rlim_t)v * factor;
	return true;
}

int builtin_ulimit(struct stage *st, int argc, char **argv)
{
	const struct limit *l = find_limit('f');
	bool all = false;
	int how = 0, i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'H')
				how |= HOW_HARD;
			else if (*p == 'S')
				how |= HOW_SOFT;
			else if (*p == 'a')
				all = true;
			else if ((l = find_limit(*p)) == NULL) {
				builtin_usage_error(st, "ulimit", argv[i], *p);
				return 2;
			}
		}
	}

	if (all) {
		for (size_t k = 0; k < NLIMITS; k++) {
			if (limits[k].name == NULL)
				continue;
			io_printf(st, 1, "%-20s ", limits[k].name);
			print_value(st, &limits[k], how ? how : HOW_SOFT);
		}
		return 0;
	}
	if (i == argc) {
		print_value(st, l, how ? how : HOW_SOFT);
		return 0;
	}
	if (argc - i > 1) {
		builtin_usage(st, "ulimit", "too many arguments");
		return 2;
	}

	rlim_t v;
	struct rlimit rl;
	if (!parse_value(argv[i], l->factor, &v)) {
		stage_error(st, "ulimit: %s: invalid number", argv[i]);
		return 2;
	}
	if (how == 0)
		how = HOW_SOFT | HOW_HARD;
	if (getrlimit(l->resource, &rl) != 0)
		goto fail;
	if (how & HOW_HARD)
		rl.rlim_max = v;
	if (how & HOW_SOFT)
		rl.rlim_cur = v;
	if (setrlimit(l->resource, &rl) != 0)
		goto fail;
	return 0;
fail:
	stage_error(st, "ulimit: %s", strerror(errno));
	return 1;
}
