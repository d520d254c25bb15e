/* fdpath.h: which file descriptor a path such as /dev/stdout names */
#ifndef CONCH_FDPATH_H
#define CONCH_FDPATH_H

/*
 * /dev/stdin, /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N and
 * /proc/thread-self/fd/N name a descriptor of the process that opens them.
 * In conch the descriptors a script sees are a stage's virtual ones
 * (stage.h), which are not the process's when the stage is a thread or a
 * command substitution run without a fork, so a redirection (or `.`) to
 * one of these paths must be resolved to the stage's descriptor instead.
 * A symbolic link to one of them is followed (40 links at most).
 */

/* The descriptor number `path` names, or -1 when it names none. Cheap for
 * paths outside /dev and /proc that are not symbolic links (one lstat). */
int fdpath_fd(const char *path);

struct fdmap;
struct stat;

/* Opens path (open(2) flags and mode) as a stage whose descriptors are m
 * sees it: a path naming descriptor n opens again, through
 * /proc/self/fd, the real descriptor behind the stage's n (so the kernel
 * does what it would for a process whose n that is: a pipe is shared, a
 * file reopened); without /proc, a duplicate. Returns a close-on-exec fd
 * (any number: the caller moves it), -1 with errno (ENOENT for a closed
 * n), or FDPATH_CAPTURE when n is the stage's capture (an in-memory $(...)
 * output), which the caller handles. */
enum { FDPATH_CAPTURE = -3 };
int fdpath_open(const struct fdmap *m, const char *path, int flags, int mode);
/* stat(2) as that stage sees path; a capture is a fifo (a subshell's
 * output would be a pipe) owned by the user, mode 0600. */
int fdpath_stat(const struct fdmap *m, const char *path, struct stat *sb);

#endif
