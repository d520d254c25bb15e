/* false.c: the false builtin (POSIX): does nothing, unsuccessfully */
#include "builtin.h"

int builtin_false(struct stage *st, int argc, char **argv)
{
	(void)st;
	(void)argc;
	(void)argv;
	return 1;
}
