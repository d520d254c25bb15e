/* redir.c: applying redirections to a stage's virtual fd map (XCU 2.7) */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "expand.h"
#include "fdpath.h"
#include "net.h"
#include "readahead.h"
#include "redir.h"
#include "state.h"

/* Pipe capacity we rely on without a reader: Linux's default is 64 KiB, but
 * stay below it so a write never blocks. */
#define HEREDOC_PIPE_MAX 32768

/* Opens the target of r as the stage sees it: /dev/stdout and the like
 * name the stage's descriptors (fdpath.h). Returns an fd, -1 with errno,
 * -2 for noclobber's refusal, or FDPATH_CAPTURE. */
static int open_file(struct stage *st, const struct redir *r, const char *path)
{
	int flags = 0;
	switch (r->op) {
	case REDIR_IN:
		flags = O_RDONLY;
		break;
	case REDIR_OUT:
	case REDIR_OUT_ERR:
		if (state_opt(OPT_NOCLOBBER)) {
			int fd = fdpath_open(&st->fds, path, O_WRONLY | O_CREAT | O_EXCL, 0666);
			if (fd >= 0 || fd == FDPATH_CAPTURE || errno != EEXIST)
				return fd;
			struct stat sb;
			if (fdpath_stat(&st->fds, path, &sb) == 0 && S_ISREG(sb.st_mode)) {
				errno = EEXIST;
				return -2;
			}
			flags = O_WRONLY;
			break;
		}
		/* fall through */
	case REDIR_CLOBBER:
		flags = O_WRONLY | O_CREAT | O_TRUNC;
		break;
	case REDIR_APPEND:
	case REDIR_APPEND_ERR:
		flags = O_WRONLY | O_CREAT | O_APPEND;
		break;
	case REDIR_RDWR:
		flags = O_RDWR | O_CREAT;
		break;
	default:
		break;
	}
	return fdpath_open(&st->fds, path, flags, 0666);
}

static int heredoc_fd(struct stage *st, const struct redir *r)
{
	char *body = NULL;
	if (expand_word_str(st, r->target, &body) != 0)
		return -1;
	size_t len = strlen(body);
	int fd = -1;
	if (len <= HEREDOC_PIPE_MAX) {
		int p[2];
		if (pipe2(p, O_CLOEXEC) != 0)
			goto out;
		ssize_t w = len ? write(p[1], body, len) : 0;
		close(p[1]);
		if (w != (ssize_t)len) {
			close(p[0]);
			goto out;
		}
		fd = p[0];
	} else {
		char tmpl[] = "/tmp/conch-heredoc-XXXXXX";
		fd = mkostemp(tmpl, O_CLOEXEC);
		if (fd < 0)
			goto out;
		unlink(tmpl);
		size_t off = 0;
		while (off < len) {
			ssize_t w = write(fd, body + off, len - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0) {
				close(fd);
				fd = -1;
				goto out;
			}
			off += (size_t)w;
		}
		lseek(fd, 0, SEEK_SET);
	}
	fd = fd_move_high(fd);
out:
	if (fd < 0)
		stage_error(st, "here-document: %s", strerror(errno));
	free(body);
	return fd;
}

/* open_target's answer for 3>&3: nothing to change */
enum { TARGET_SAME = -4 };

/* The real fd a >&N or <&N redirection of descriptor self duplicates N to
 * (close-on-exec, >= 10), FDMAP_CAPTURE when N is a capture, FDMAP_CLOSED
 * for '-', TARGET_SAME when N is self; -1 after a message. */
static int dup_target(struct stage *st, const char *t, int self)
{
	if (strcmp(t, "-") == 0)
		return FDMAP_CLOSED;
	long n;
	if (!parse_long(t, &n) || n < 0 || n > 65535) {
		stage_error(st, "%s: bad file descriptor number", t);
		return -1;
	}
	if (n == self)
		return TARGET_SAME;   /* 3>&3 changes nothing, open or not (dash, bash) */
	int src = fdmap_get(&st->fds, (int)n);
	if (src == FDMAP_CAPTURE)
		return FDMAP_CAPTURE;
	int fd = src < 0 ? -1 : fcntl(src, F_DUPFD_CLOEXEC, 10);
	if (fd < 0) {
		int err = src < 0 || errno == EINVAL ? EBADF : errno;
		stage_error(st, "%ld: %s", n, strerror(err));
		return -1;
	}
	readahead_share(src, fd);
	return fd;
}

/* A socket target: the claim a prebound job left for this redirection, or
 * the word expanded here. */
static int socket_fd(struct stage *st, const struct redir *r)
{
	char *target = NULL;
	int claimed = net_claim(r, &target);
	if (claimed < 0)
		return -1;   /* the parent said why */
	if (claimed == 0 && expand_word_str(st, r->target, &target) != 0)
		return -1;
	int fd = net_open(st, target);
	free(target);
	return fd;
}

/* The file, here-document, socket or duplicate that r opens: a real fd
 * (owned by the caller), FDMAP_CAPTURE, FDMAP_CLOSED or TARGET_SAME; -1
 * after a message. */
static int open_target(struct stage *st, const struct redir *r)
{
	if (r->op == REDIR_HEREDOC)
		return heredoc_fd(st, r);
	if (r->op != REDIR_DUPIN && r->op != REDIR_DUPOUT && net_word_is_socket(r->target))
		return socket_fd(st, r);
	char *target = NULL;
	if (expand_word_str(st, r->target, &target) != 0)
		return -1;
	int fd;
	if (r->op == REDIR_DUPIN || r->op == REDIR_DUPOUT) {
		fd = dup_target(st, target, r->varname ? -1 : r->fd);
		goto out;
	}
	fd = open_file(st, r, target);
	if (fd == FDPATH_CAPTURE) {   /* /dev/stdout in an in-memory $(...) */
		if (r->op == REDIR_IN || r->op == REDIR_RDWR) {
			stage_error(st, "%s: cannot read the output of a command substitution", target);
			fd = -1;
		} else {
			fd = FDMAP_CAPTURE;
		}
		goto out;
	}
	if (fd == -2) {
		stage_error(st, "%s: cannot overwrite existing file", target);
		fd = -1;
		goto out;
	}
	if (fd >= 0)
		fd = fd_move_high(fd);
	if (fd < 0)
		stage_error(st, "%s: %s", target, strerror(errno));
out:
	free(target);
	return fd;
}

/* An fd the shell was started with: open and not close-on-exec (every fd
 * conch opens for itself is close-on-exec), so the script may use it. */
static bool fd_is_inherited(int fd)
{
	int flags = fcntl(fd, F_GETFD);
	return flags >= 0 && !(flags & FD_CLOEXEC);
}

/* bash's {name}: the lowest descriptor >= 10 that the script cannot see
 * open (no open entry in the stage's map, not an fd conch inherited). */
static int free_vfd(struct stage *st)
{
	for (int n = 10; n <= 65535; n++) {
		int rfd;
		if (fdmap_find(&st->fds, n, &rfd) ? rfd == FDMAP_CLOSED
		                                  : !fd_is_inherited(n))
			return n;
	}
	stage_error(st, "no free file descriptor");
	return -1;
}

/* {name}>&- and {name}<&-: the descriptor whose number $name holds. */
static int named_fd(struct stage *st, const char *name)
{
	char *v = stage_var_dup(st, name);
	long n;
	bool ok = v && parse_long(v, &n) && n >= 0 && n <= 65535;
	if (!ok)
		stage_error(st, "{%s}: ambiguous redirect: $%s is %s%s%s", name, name,
		            v ? "not a descriptor number: '" : "unset", v ? v : "", v ? "'" : "");
	free(v);
	return ok ? (int)n : -1;
}

/* Puts fd (open_target's result) in place as vfd; &> and &>> also as
 * fd 2. Takes fd in all cases. */
static int place(struct stage *st, const struct redir *r, int vfd, int fd)
{
	fdmap_push(&st->fds, vfd, fd, true);
	if (r->op != REDIR_OUT_ERR && r->op != REDIR_APPEND_ERR)
		return 0;
	int err = fd == FDMAP_CAPTURE ? FDMAP_CAPTURE : fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (err == -1) {
		stage_error(st, "2: %s", strerror(errno));
		return -1;
	}
	readahead_share(fd, err);
	fdmap_push(&st->fds, 2, err, true);
	return 0;
}

/* {name}>...: a new descriptor, kept open after the command (as in bash:
 * the script closes it with {name}>&- or exec {name}>&-), its number
 * assigned to name. */
static int place_named(struct stage *st, const struct redir *r, int fd)
{
	if (fd == FDMAP_CLOSED) {
		int vfd = named_fd(st, r->varname);
		if (vfd < 0)
			return -1;
		fdmap_push(&st->fds, vfd, FDMAP_CLOSED, false);
		return 0;
	}
	int vfd = free_vfd(st);
	char num[16];
	snprintf(num, sizeof num, "%d", vfd);
	if (vfd < 0 || stage_var_set(st, r->varname, num) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (place(st, r, vfd, fd) != 0)
		return -1;
	fdmap_keep_top(&st->fds);
	return 0;
}

int redir_apply_list(struct stage *st, const struct redir *r)
{
	for (; r; r = r->next) {
		int fd = open_target(st, r);
		if (fd == -1)
			goto fail;
		if (fd == TARGET_SAME)
			continue;
		if (r->varname ? place_named(st, r, fd) != 0 : place(st, r, r->fd, fd) != 0)
			goto fail;
	}
	return 0;
fail:
	if (st->flow != FLOW_EXIT)
		st->status = 1;
	return -1;
}

bool redir_has_cmdsub(const struct redir *r)
{
	for (; r; r = r->next)
		if (word_has_cmdsub(r->target))
			return true;
	return false;
}
