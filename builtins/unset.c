/* unset.c: the unset special builtin (POSIX): remove variables or functions */

#include <string.h>

#include "../src/state.h"
#include "builtin.h"

int builtin_unset(struct stage *st, int argc, char **argv)
{
	bool funcs = false, vars = false;
	int i = 1, status = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'f')
				funcs = true;
			else if (*p == 'v')
				vars = true;
			else {
				builtin_usage_error(st, "unset", argv[i], *p);
				return builtin_fatal(st, 2);
			}
		}
	}
	for (; i < argc; i++) {
		if (funcs && !vars) {
			state_func_unset(argv[i]);
			continue;
		}
		if (!is_name(argv[i])) {
			stage_error(st, "unset: %s: bad variable name", argv[i]);
			status = builtin_fatal(st, 2);
			continue;
		}
		if (stage_var_unset(st, argv[i]) != 0)
			status = builtin_fatal(st, 1);
	}
	return status;
}
