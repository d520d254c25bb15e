/* eval.c: the eval special builtin (POSIX): run arguments as shell code */

#include <string.h>

#include "../src/exec.h"
#include "builtin.h"

int builtin_eval(struct stage *st, int argc, char **argv)
{
	struct sbuf src = SBUF_INIT;
	for (int i = 1; i < argc; i++) {
		if (i > 1)
			sbuf_addc(&src, ' ');
		sbuf_adds(&src, argv[i]);
	}
	if (src.len == 0) {
		sbuf_free(&src);
		return 0;
	}
	st->status = 0;
	int status = exec_string(st, src.data, src.len, "eval");
	sbuf_free(&src);
	return status;
}
