/* return.c: the return special builtin (POSIX): leave a function or a dot script */

#include "builtin.h"

int builtin_return(struct stage *st, int argc, char **argv)
{
	int status = st->status;
	if (argc > 2) {
		builtin_usage(st, "return", "too many arguments");
		return 2;
	}
	if (argc == 2 && !builtin_status_arg(argv[1], &status)) {
		stage_error(st, "return: %s: bad number", argv[1]);
		return builtin_fatal(st, 2);
	}
	if (st->func_depth == 0 && st->dot_depth == 0) {
		/* at a stage's top level, return behaves as exit would in a subshell */
		if (!st->is_main) {
			st->flow = FLOW_EXIT;
			st->status = status;
			return status;
		}
		stage_error(st, "return: not in a function or dot script");
		return 2;
	}
	st->flow = FLOW_RETURN;
	return status;
}
