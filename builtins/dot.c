/* dot.c: the . special builtin (POSIX), also named source (bash): run a file in the current environment */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/exec.h"
#include "../src/fdpath.h"
#include "../src/path.h"
#include "builtin.h"

/* `. file [arg...]` and `source file [arg...]` (the same entry of the
 * table under two names; messages use the name typed): with args, they are
 * the positional parameters while the file runs. */
int builtin_dot(struct stage *st, int argc, char **argv)
{
	int first = 1;
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		first = 2;
	if (first >= argc) {
		builtin_usage(st, argv[0], "a FILE is needed");
		return 2;
	}
	const char *name = argv[first];
	char *path = NULL;
	if (strchr(name, '/')) {
		path = xstrdup(name);
	} else {
		/* POSIX: search PATH (the file need not be executable) */
		char *p = stage_var_dup(st, "PATH");
		struct sbuf b = SBUF_INIT;
		const char *s = p ? p : "";
		for (;;) {
			const char *colon = strchr(s, ':');
			size_t len = colon ? (size_t)(colon - s) : strlen(s);
			sbuf_reset(&b);
			sbuf_addn(&b, len ? s : ".", len ? len : 1);
			sbuf_addc(&b, '/');
			sbuf_adds(&b, name);
			if (access(b.data, R_OK) == 0) {
				path = sbuf_detach(&b);
				break;
			}
			if (!colon)
				break;
			s = colon + 1;
		}
		sbuf_free(&b);
		free(p);
	}
	if (!path) {
		stage_error(st, "%s: %s: not found", argv[0], name);
		return builtin_fatal(st, 2);
	}
	struct args *saved = NULL;
	if (argc - first > 1) {
		saved = st->args;
		st->args = args_new(argc - first - 1, argv + first + 1);
	}
	/* `. /dev/stdin` reads the stage's standard input (fdpath.h) */
	int fd = fdpath_open(&st->fds, path, O_RDONLY, 0);
	if (fd == FDPATH_CAPTURE) {
		fd = -1;
		errno = EBADF;
	} else if (fd >= 0) {
		fd = fd_move_high(fd);
	}
	st->dot_depth++;
	st->status = 0;
	int status = fd < 0 ? -1 : exec_file(st, path, fd);
	st->dot_depth--;
	if (fd >= 0) {
		int e = errno;
		close(fd);
		errno = e;
	}
	if (status < 0) {
		stage_error(st, "%s: %s: %s", argv[0], name, strerror(errno));
		status = builtin_fatal(st, 2);
	}
	if (st->flow == FLOW_RETURN)
		st->flow = FLOW_NONE;
	if (saved) {
		args_unref(st->args);
		st->args = saved;
	}
	free(path);
	return status;
}
