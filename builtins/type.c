/* type.c: the type builtin (POSIX XSI): say how each name would be run */

#include "builtin.h"

int builtin_type(struct stage *st, int argc, char **argv)
{
	int status = 0;
	int i = 1;
	if (i < argc && argv[i][0] == '-' && argv[i][1] == '-' && argv[i][2] == '\0')
		i++;
	for (; i < argc; i++)
		if (builtin_describe(st, argv[i], true, false) != 0)
			status = 1;
	return status;
}
