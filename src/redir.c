/* redir.c: applying redirections to a stage's virtual fd map (XCU 2.7) */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "expand.h"
#include "fdpath.h"
#include "net.h"
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

static int dup_target(struct stage *st, const struct redir *r, const char *t)
{
	if (strcmp(t, "-") == 0) {
		fdmap_push(&st->fds, r->fd, FDMAP_CLOSED, false);
		return 0;
	}
	long n;
	if (!parse_long(t, &n) || n < 0 || n > 65535) {
		stage_error(st, "%s: bad file descriptor number", t);
		return -1;
	}
	if (n == r->fd)
		return 0;   /* 3>&3 changes nothing, open or not (dash, bash) */
	int src = fdmap_get(&st->fds, (int)n);
	if (src == FDMAP_CAPTURE) {
		fdmap_push(&st->fds, r->fd, FDMAP_CAPTURE, false);
		return 0;
	}
	int fd = src < 0 ? -1 : fcntl(src, F_DUPFD_CLOEXEC, 10);
	if (fd < 0) {
		int err = src < 0 || errno == EINVAL ? EBADF : errno;
		stage_error(st, "%ld: %s", n, strerror(err));
		return -1;
	}
	fdmap_push(&st->fds, r->fd, fd, true);
	return 0;
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

int redir_apply(struct stage *st, const struct redir *r)
{
	for (; r; r = r->next) {
		int fd;
		if (r->op == REDIR_HEREDOC) {
			fd = heredoc_fd(st, r);
			if (fd < 0)
				goto fail;
			fdmap_push(&st->fds, r->fd, fd, true);
			continue;
		}
		if (r->op != REDIR_DUPIN && r->op != REDIR_DUPOUT && net_word_is_socket(r->target)) {
			fd = socket_fd(st, r);
			if (fd < 0)
				goto fail;
			fdmap_push(&st->fds, r->fd, fd, true);
			continue;
		}
		char *target = NULL;
		if (expand_word_str(st, r->target, &target) != 0)
			goto fail;
		if (r->op == REDIR_DUPIN || r->op == REDIR_DUPOUT) {
			int rc = dup_target(st, r, target);
			free(target);
			if (rc != 0)
				goto fail;
			continue;
		}
		fd = open_file(st, r, target);
		if (fd == FDPATH_CAPTURE) {   /* /dev/stdout in an in-memory $(...) */
			if (r->op == REDIR_IN || r->op == REDIR_RDWR) {
				stage_error(st, "%s: cannot read the output of a command substitution", target);
				free(target);
				goto fail;
			}
			fdmap_push(&st->fds, r->fd, FDMAP_CAPTURE, false);
			free(target);
			continue;
		}
		if (fd == -2) {
			stage_error(st, "%s: cannot overwrite existing file", target);
			free(target);
			goto fail;
		}
		if (fd >= 0)
			fd = fd_move_high(fd);
		if (fd < 0) {
			stage_error(st, "%s: %s", target, strerror(errno));
			free(target);
			goto fail;
		}
		free(target);
		fdmap_push(&st->fds, r->fd, fd, true);
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
