/* continue.c: the continue special builtin (POSIX): next iteration of an enclosing loop */

#include "builtin.h"

int builtin_continue(struct stage *st, int argc, char **argv)
{
	long n = 1;
	if (argc > 2) {
		builtin_usage(st, "continue", "too many arguments");
		return 2;
	}
	if (argc == 2 && (!parse_long(argv[1], &n) || n < 1)) {
		stage_error(st, "continue: %s: bad loop count", argv[1]);
		return builtin_fatal(st, 2);
	}
	if (st->loop_depth == 0)
		return 0;
	st->flow = FLOW_CONTINUE;
	st->flow_n = n > st->loop_depth ? st->loop_depth : (int)n;
	return 0;
}
