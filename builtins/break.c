/* break.c: the break special builtin (POSIX): leave enclosing loops */

#include "builtin.h"

int builtin_break(struct stage *st, int argc, char **argv)
{
	long n = 1;
	if (argc > 2) {
		builtin_usage(st, "break", "too many arguments");
		return 2;
	}
	if (argc == 2 && (!parse_long(argv[1], &n) || n < 1)) {
		stage_error(st, "break: %s: bad loop count", argv[1]);
		return builtin_fatal(st, 2);
	}
	if (st->loop_depth == 0)
		return 0;   /* POSIX leaves it unspecified; dash and bash ignore it */
	st->flow = FLOW_BREAK;
	st->flow_n = n > st->loop_depth ? st->loop_depth : (int)n;
	return 0;
}
