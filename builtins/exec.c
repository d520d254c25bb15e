/* exec.c: the exec special builtin (POSIX): replace the stage, or keep redirections */

#include "../src/exec.h"
#include "builtin.h"

int builtin_exec(struct stage *st, int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] == '-' && argv[1][2] == '\0')
		first = 2;
	if (first >= argc)
		return 0;   /* redirections only: exec.c keeps them for the stage */
	return exec_replace(st, argc - first, argv + first);
}
