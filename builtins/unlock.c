/* unlock.c: the unlock builtin (conch): release a named lock this stage holds */

#include <string.h>

#include "../src/locks.h"
#include "builtin.h"

/*
 * unlock NAME...   releases each NAME, which this stage must hold (taken by
 *                  `lock NAME` in this stage, not in another one). Status 1
 *                  when one was not held; the others are still released.
 */

int builtin_unlock(struct stage *st, int argc, char **argv)
{
	int i = 1, status = 0;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		return builtin_usage(st, "unlock", "a NAME is needed");
	}
	for (; i < argc; i++)
		if (locks_release(st, argv[i]) != 0) {
			stage_error(st, "unlock: %s: not held by this stage", argv[i]);
			status = 1;
		}
	return status;
}
