/* fdpath.c: which file descriptor a path such as /dev/stdout names */

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdpath.h"
#include "readahead.h"
#include "stage.h"

/* N when s is a decimal descriptor number and nothing else, else -1. */
static int fd_number(const char *s)
{
	if (*s < '0' || *s > '9')
		return -1;
	long n = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > 65535)
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n > 65535 ? -1 : (int)n;
}

/* The descriptor an already absolute, link-free spelling names, or -1. */
static int fd_name(const char *p)
{
	static const char *const dirs[] = { "/dev/fd/", "/proc/self/fd/", "/proc/thread-self/fd/" };
	if (strcmp(p, "/dev/stdin") == 0)
		return 0;
	if (strcmp(p, "/dev/stdout") == 0)
		return 1;
	if (strcmp(p, "/dev/stderr") == 0)
		return 2;
	for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
		size_t n = strlen(dirs[i]);
		if (strncmp(p, dirs[i], n) == 0)
			return fd_number(p + n);
	}
	return -1;
}

/* realpath() of the directory part of p and p's last component, joined;
 * /proc/self and /proc/thread-self are spelt back from the pid the kernel
 * resolves them to. Returns false when the directory does not resolve. */
static bool canonical_dir(const char *p, char *out, size_t cap)
{
	const char *slash = strrchr(p, '/');
	if (!slash)
		return false;
	char dir[PATH_MAX];
	size_t dlen = (size_t)(slash - p);
	if (dlen == 0 || dlen >= sizeof dir)
		return false;
	memcpy(dir, p, dlen);
	dir[dlen] = '\0';
	char real[PATH_MAX];
	if (!realpath(dir, real))
		return false;
	char self[64];
	snprintf(self, sizeof self, "/proc/%ld/", (long)getpid());
	size_t slen = strlen(self);
	const char *rest = real;
	char tmp[PATH_MAX];
	if (strncmp(real, self, slen) == 0) {
		/* /proc/PID/fd or /proc/PID/task/TID/fd: this process's table */
		const char *r = real + slen;
		if (strncmp(r, "task/", 5) == 0) {
			r = strchr(r + 5, '/');
			if (!r)
				return false;
			r++;
		}
		snprintf(tmp, sizeof tmp, "/proc/self/%s", r);
		rest = tmp;
	}
	return (size_t)snprintf(out, cap, "%s%s", rest, slash) < cap;
}

int fdpath_fd(const char *path)
{
	char cur[PATH_MAX];
	if (strlen(path) >= sizeof cur)
		return -1;
	strcpy(cur, path);
	for (int hops = 0; hops <= 40; hops++) {
		int fd = fd_name(cur);
		if (fd >= 0)
			return fd;
		/* a descriptor's entry under /proc reads as a symbolic link, so
		 * anything else (a file, a name that does not exist) names none */
		struct stat sb;
		if (lstat(cur, &sb) != 0 || !S_ISLNK(sb.st_mode))
			return -1;
		/* reached through linked directories (d -> /proc/self/fd)? */
		char canon[PATH_MAX];
		if (canonical_dir(cur, canon, sizeof canon) && (fd = fd_name(canon)) >= 0)
			return fd;
		char target[PATH_MAX];
		ssize_t n = readlink(cur, target, sizeof target - 1);
		if (n <= 0)
			return -1;
		target[n] = '\0';
		if (target[0] == '/') {
			strcpy(cur, target);
		} else {
			char *slash = strrchr(cur, '/');
			size_t keep = slash ? (size_t)(slash - cur) + 1 : 0;
			if (keep + (size_t)n >= sizeof cur)
				return -1;
			memcpy(cur + keep, target, (size_t)n + 1);
		}
	}
	return -1;
}

/* The real descriptor behind path in m: >= 0, -1 (errno ENOENT: closed),
 * FDPATH_CAPTURE, or -2 when path names no descriptor or the stage's n is
 * the process's own (open the path as it is). */
static int behind(const struct fdmap *m, const char *path)
{
	if (m->n == 0)
		return -2;   /* nothing redirected: the stage's fds are the process's */
	int n = fdpath_fd(path);
	if (n < 0)
		return -2;
	int rfd = fdmap_get(m, n);
	if (rfd == FDMAP_CAPTURE)
		return FDPATH_CAPTURE;
	if (rfd < 0) {
		errno = ENOENT;
		return -1;
	}
	return rfd == n ? -2 : rfd;
}

int fdpath_open(const struct fdmap *m, const char *path, int flags, int mode)
{
	int rfd = behind(m, path);
	if (rfd == -2)
		return open(path, flags | O_CLOEXEC, mode);
	if (rfd < 0)
		return rfd;
	char proc[32];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", rfd);
	int fd = open(proc, flags | O_CLOEXEC, mode);
	if (fd < 0 && errno == ENOENT) {
		fd = fcntl(rfd, F_DUPFD_CLOEXEC, 0);   /* no /proc */
		if (fd >= 0)
			readahead_share(rfd, fd);
	}
	return fd;
}

int fdpath_stat(const struct fdmap *m, const char *path, struct stat *sb)
{
	int rfd = behind(m, path);
	if (rfd == -2)
		return stat(path, sb);
	if (rfd == FDPATH_CAPTURE) {
		memset(sb, 0, sizeof *sb);
		sb->st_mode = S_IFIFO | 0600;
		sb->st_uid = geteuid();
		sb->st_gid = getegid();
		sb->st_nlink = 1;
		return 0;
	}
	return rfd < 0 ? -1 : fstat(rfd, sb);
}
