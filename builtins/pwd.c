/* pwd.c: the pwd builtin (POSIX): prints the working directory */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "../src/state.h"

/*
 * -L (the default) prints the logical directory kept by the shell ($PWD as
 * cd left it, validated at start-up); -P prints the physical one (getcwd),
 * without changing PWD. The last of -L and -P wins; operands are ignored,
 * as in dash.
 */
int builtin_pwd(struct stage *st, int argc, char **argv)
{
	bool physical = false;
	int status = 0;
	char *dir = NULL;

	for (int i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'L' || *p == 'P') {
				physical = *p == 'P';
			} else {
				builtin_usage_error(st, "pwd", argv[i], *p);
				status = 2;
				goto out;
			}
		}
	}
	dir = physical ? getcwd(NULL, 0) : state_cwd();
	if (dir == NULL) {
		stage_error(st, "pwd: %s", strerror(errno));
		status = 1;
		goto out;
	}
	io_puts(st, 1, dir);
	io_write(st, 1, "\n", 1);
out:
	free(dir);
	return status;
}
