/* true.c: the true builtin (POSIX): does nothing, successfully */
#include "builtin.h"

int builtin_true(struct stage *st, int argc, char **argv)
{
	(void)st;
	(void)argc;
	(void)argv;
	return 0;
}
