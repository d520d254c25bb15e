/* command.c: the command builtin (POSIX): run or describe a command, bypassing functions */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/exec.h"
#include "../src/path.h"
#include "../src/state.h"
#include "builtin.h"

/* Describes name the way command -v (verbose false) or type / command -V do.
 * Returns 0 when found. Shared with type. */
int builtin_describe(struct stage *st, const char *name, bool verbose, bool use_default_path)
{
	char *alias = state_alias_get(name);
	if (alias) {
		if (verbose)
			io_printf(st, 1, "%s is an alias for %s\n", name, alias);
		else
			builtin_print_assignment(st, "alias ", name, alias);
		free(alias);
		return 0;
	}
	char *path = NULL;
	enum cmd_kind k;
	if (use_default_path && !strchr(name, '/')) {
		int err;
		k = exec_lookup(name, &path);
		if (k == CMD_EXTERNAL || k == CMD_NOTFOUND) {
			free(path);
			path = path_search(name, "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", &err);
			k = path ? CMD_EXTERNAL : CMD_NOTFOUND;
		}
	} else {
		k = exec_lookup(name, &path);
	}
	struct stat sb;
	if (k == CMD_EXTERNAL && strchr(name, '/') &&
	    (access(path, X_OK) != 0 || stat(path, &sb) != 0 || S_ISDIR(sb.st_mode)))
		k = CMD_NOTFOUND;   /* not a program: a directory or not executable (bash) */
	if (k == CMD_NOTFOUND && builtin_is_keyword(name))
		k = CMD_KEYWORD;
	int status = 0;
	switch (k) {
	case CMD_KEYWORD:
		io_printf(st, 1, verbose ? "%s is a shell keyword\n" : "%s\n", name);
		break;
	case CMD_SPECIAL:
		io_printf(st, 1, verbose ? "%s is a special shell builtin\n" : "%s\n", name);
		break;
	case CMD_BUILTIN:
		io_printf(st, 1, verbose ? "%s is a shell builtin\n" : "%s\n", name);
		break;
	case CMD_FUNCTION:
		io_printf(st, 1, verbose ? "%s is a shell function\n" : "%s\n", name);
		break;
	case CMD_EXTERNAL:
		if (verbose)
			io_printf(st, 1, "%s is %s\n", name, path);
		else
			io_printf(st, 1, "%s\n", path);
		break;
	default:
		if (verbose)
			stage_error(st, "%s: not found", name);
		status = 1;
	}
	free(path);
	return status;
}

int builtin_command(struct stage *st, int argc, char **argv)
{
	bool describe = false, verbose = false, default_path = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			switch (*p) {
			case 'v': describe = true; break;
			case 'V': describe = verbose = true; break;
			case 'p': default_path = true; break;
			default:
				builtin_usage_error(st, "command", argv[i], *p);
				return 2;
			}
		}
	}
	if (i >= argc)
		return 0;
	if (describe) {
		int status = 0;
		for (; i < argc; i++)
			if (builtin_describe(st, argv[i], verbose, default_path) != 0)
				status = 127;
		return status;
	}
	return exec_command(st, argc - i, argv + i, default_path);
}
