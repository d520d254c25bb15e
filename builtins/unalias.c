/* unalias.c: the unalias builtin (POSIX): removes aliases */
#include <string.h>

#include "builtin.h"
#include "../src/state.h"

/*
 * unalias name... removes each alias; an unknown name is reported and makes
 * the status 1, the others are still removed. unalias -a removes all.
 */
int builtin_unalias(struct stage *st, int argc, char **argv)
{
	int status = 0, i = 1;
	bool all = false;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-a") != 0) {
			builtin_usage_error(st, "unalias", argv[i], 0);
			return 2;
		}
		all = true;
	}
	if (all) {
		state_alias_clear();
		return 0;
	}
	if (i == argc) {
		return builtin_usage(st, "unalias", "-a or a NAME is needed");
	}
	for (; i < argc; i++) {
		if (state_alias_unset(argv[i]) != 0) {
			stage_error(st, "unalias: %s: not found", argv[i]);
			status = 1;
		}
	}
	return status;
}
