/* local.c: the local builtin (extension, as in dash and bash): function-local variables */

#include <string.h>

#include "builtin.h"

int builtin_local(struct stage *st, int argc, char **argv)
{
	if (st->func_depth == 0) {
		stage_error(st, "local: not in a function");
		return 2;
	}
	int status = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0) {
			/* `local -`: the function's option changes end with it */
			stage_local_options(st);
			continue;
		}
		char *eq = strchr(argv[i], '=');
		if (eq)
			*eq = '\0';
		if (!is_name(argv[i])) {
			stage_error(st, "local: %s: bad variable name", argv[i]);
			status = 2;
			if (eq)
				*eq = '=';
			continue;
		}
		if (stage_local(st, argv[i], eq ? eq + 1 : NULL, eq != NULL) != 0)
			status = 1;
		if (eq)
			*eq = '=';   /* the operand is $_ afterwards */
	}
	return status;
}
