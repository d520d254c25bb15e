/* halfclose.c: the halfclose builtin: ends the writing direction of a socket (shutdown SHUT_WR) */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "builtin.h"

/*
 * halfclose [FD...] (default 1) tells the peer of each socket that nothing
 * more will be written (it reads end-of-file) while the connection stays
 * open for reading its reply, as a client of a server that reads to the end
 * of its input needs:
 *
 *     { printf 'data' >&3; halfclose 3; cat <&3; } 3<> @host:port
 *
 * The stage's buffered output is written first. A shutdown acts on the
 * connection, so every fd sharing it sees the half-close.
 */
int builtin_halfclose(struct stage *st, int argc, char **argv)
{
	int status = 0;
	int first = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
	char one[] = "1";
	char *stdout_only[] = { one };
	char **ops = argv + first;
	int nops = argc - first;
	if (nops == 0) {
		ops = stdout_only;
		nops = 1;
	}
	if (io_flush(st) != 0)
		return 1;
	for (int i = 0; i < nops; i++) {
		const char *arg = ops[i];
		long n;
		if (!parse_long(arg, &n) || n < 0 || n > 65535) {
			stage_error(st, "halfclose: %s: bad file descriptor number", arg);
			return 2;
		}
		int fd = fdmap_get(&st->fds, (int)n);
		if (fd == FDMAP_CAPTURE) {
			/* a command substitution's output is no socket */
			stage_error(st, "halfclose: %ld: not a socket", n);
			status = 1;
			continue;
		}
		if (fd < 0) {
			/* the same words as every other closed-fd message */
			stage_error(st, "halfclose: %ld: %s", n, strerror(EBADF));
			status = 1;
			continue;
		}
		if (shutdown(fd, SHUT_WR) != 0) {
			stage_error(st, "halfclose: %ld: %s", n,
			            errno == ENOTSOCK ? "not a socket" : strerror(errno));
			status = 1;
		}
	}
	return status;
}
