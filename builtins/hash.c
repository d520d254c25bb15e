/* hash.c: the hash builtin (POSIX XSI): remember or forget command locations */

#include <stdlib.h>
#include <string.h>

#include "../src/path.h"
#include "builtin.h"

int builtin_hash(struct stage *st, int argc, char **argv)
{
	int i = 1, status = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-r") != 0) {
			builtin_usage_error(st, "hash", argv[i], 0);
			return 2;
		}
		path_forget(NULL);
	}
	if (i >= argc) {
		struct strvec lines = STRVEC_INIT;
		path_list(&lines);
		for (size_t k = 0; k < lines.n; k++) {
			char *tab = strchr(lines.v[k], '\t');
			io_printf(st, 1, "%s\n", tab ? tab + 1 : lines.v[k]);
		}
		strvec_free(&lines);
		return 0;
	}
	for (; i < argc; i++) {
		if (strchr(argv[i], '/') || builtin_find(argv[i]))
			continue;
		int err;
		path_forget(argv[i]);
		char *p = path_lookup(argv[i], &err);
		if (!p) {
			stage_error(st, "hash: %s: not found", argv[i]);
			status = 1;
		}
		free(p);
	}
	return status;
}
