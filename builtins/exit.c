/* exit.c: the exit special builtin (POSIX): end the shell, or this stage or subshell */

#include "builtin.h"

int builtin_exit(struct stage *st, int argc, char **argv)
{
	/* POSIX: in a trap action, exit with no operand uses the status
	 * from before the trap */
	int status = st->in_trap ? st->trap_status : st->status;
	if (argc > 2) {
		builtin_usage(st, "exit", "too many arguments");
		return 2;
	}
	if (argc == 2 && !builtin_status_arg(argv[1], &status)) {
		stage_error(st, "exit: %s: bad number", argv[1]);
		status = 2;
	}
	st->flow = FLOW_EXIT;
	st->status = status;
	return status;
}
