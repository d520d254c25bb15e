/* readonly.c: the readonly special builtin (POSIX): make variables unchangeable */

#include "../src/state.h"
#include "builtin.h"

int builtin_readonly(struct stage *st, int argc, char **argv)
{
	return builtin_declare(st, argc, argv, VAR_READONLY, "readonly ");
}
