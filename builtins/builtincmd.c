/* builtincmd.c: the builtin builtin (bash): runs a shell builtin, bypassing functions (builtin.c is the table) */
#include <string.h>

#include "builtin.h"

/*
 * builtin [--] [name [argument...]]
 *
 * Runs the builtin `name` with the arguments, even when a function of that
 * name exists, so that a function can wrap the builtin it replaces:
 *   cd() { builtin cd "$@" && echo "now in $PWD"; }
 * Like `command`, it takes away a special builtin's special error handling
 * (bash does the same: `builtin set -o bogus; echo $?` goes on). Assignments
 * and redirections written before `builtin` are those of a regular builtin:
 * `builtin exec 3>f` does not keep the redirection, as in bash. With no
 * name it does nothing (0); a name that is no builtin is an error (1).
 */

int builtin_builtin(struct stage *st, int argc, char **argv)
{
	int i = 1;

	if (i < argc && argv[i][0] == '-' && argv[i][1] != '\0') {
		if (strcmp(argv[i], "--") != 0) {
			builtin_usage_error(st, "builtin", argv[i], 0);
			return 2;
		}
		i++;
	}
	if (i >= argc)
		return 0;
	const struct builtin *b = builtin_find(argv[i]);
	if (b == NULL) {
		stage_error(st, "builtin: %s: not a shell builtin", argv[i]);
		return 1;
	}
	st->soft_special++;
	int status = builtin_run(st, b, argc - i, argv + i);
	st->soft_special--;
	return status;
}
