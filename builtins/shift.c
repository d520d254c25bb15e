/* shift.c: the shift special builtin (POSIX): drop positional parameters */

#include "builtin.h"

int builtin_shift(struct stage *st, int argc, char **argv)
{
	long n = 1;
	if (argc > 2) {
		builtin_usage(st, "shift", "too many arguments");
		return builtin_fatal(st, 2);
	}
	if (argc == 2 && (!parse_long(argv[1], &n) || n < 0)) {
		stage_error(st, "shift: %s: bad number", argv[1]);
		return builtin_fatal(st, 2);
	}
	if (n > st->args->n) {
		stage_error(st, "shift: can't shift that many");
		return builtin_fatal(st, 2);
	}
	if (n == 0)
		return 0;
	struct args *a = args_new(st->args->n - (int)n, st->args->v + n);
	args_unref(st->args);
	st->args = a;
	return 0;
}
