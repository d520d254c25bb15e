/* spawn.c: the one module that creates processes (vfork + exec, and fork) */

/*
 * DESIGN
 * External commands start with vfork + exec (a shared address space: no
 * page-table copy; see "spawning" below). The child's fds are exactly the
 * stage's map, dup2'ed onto the numbers the script sees; every fd the shell
 * owns is close-on-exec and >= 10, so no other fd leaks into the child.
 * Subshells fork: every module lock is taken across fork by pthread_atfork,
 * and the child arranges its fds the same way before running shell code.
 */

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobctl.h"
#include "net.h"
#include "readahead.h"
#include "signals.h"
#include "spawn.h"
#include "state.h"

#define INHERIT_MAX 1024
/* The fds >= 10 conch inherited, which forked subshells keep: found at the
 * first fork (inside pthread_once), read-only after. */
static unsigned char inherited_high[INHERIT_MAX / 8];
static pthread_once_t inherited_once = PTHREAD_ONCE_INIT;

static void mark_inherited(int fd)
{
	if (fd >= 10 && fd < INHERIT_MAX)
		inherited_high[fd / 8] |= (unsigned char)(1u << (fd % 8));
}

/* Every fd conch opens for itself is close-on-exec, and a close-on-exec fd
 * cannot have come through the exec that started conch: so the open fds
 * >= 10 without FD_CLOEXEC are the inherited ones, whenever they are
 * looked for. Looking at the first fork, not at start-up, spares every
 * start the reading of /proc/self/fd. */
static bool inherited_fd(int fd)
{
	int flags = fcntl(fd, F_GETFD);
	return flags >= 0 && !(flags & FD_CLOEXEC);
}

static void find_inherited(void)
{
	/* /proc/self/fd lists the open fds in a few syscalls; without /proc,
	 * probe a modest range */
	DIR *d = opendir("/proc/self/fd");
	if (!d) {
		for (int fd = 10; fd < 64; fd++)
			if (inherited_fd(fd))
				mark_inherited(fd);
		return;
	}
	int self = dirfd(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		long fd;
		if (parse_long(e->d_name, &fd) && fd != self && fd >= 10 && inherited_fd((int)fd))
			mark_inherited((int)fd);
	}
	closedir(d);
}

static bool is_inherited(int fd)
{
	return fd >= 10 && fd < INHERIT_MAX && (inherited_high[fd / 8] >> (fd % 8)) & 1;
}

/* --- spawning: vfork + exec ------------------------------------------------
 * Everything the child needs is prepared before vfork: the fd moves, the
 * signals to reset and the argument vector for a script. The child shares
 * the shell's memory until it execs, so it only makes system calls and, on
 * failure, writes errno to a close-on-exec pipe the parent reads. All
 * signals are blocked in the parent across vfork so that no handler runs in
 * the child; it resets the caught ones before unblocking. glibc's
 * posix_spawn would do the same with a sigaction call per signal (128 for
 * each command) and a fresh stack mapping. */

struct move {
	int vfd, rfd;           /* rfd FDMAP_CLOSED: close vfd */
	bool moved;             /* rfd is a temporary dup, closed after launch */
};

struct launch {
	const char *path;
	char *const *argv;
	char *const *envp;
	char **script_argv;     /* conch PATH ARGS..., when exec says ENOEXEC */
	struct move *moves;
	size_t nmoves, cap;
	bool stdin_set;
	bool stdin_null;        /* a background command without job control */
	bool ignore_tstp;       /* started in the shell's own process group
	                           under job control: Ctrl-Z must not stop it,
	                           no one would resume it */
	struct jobgrp_child jc; /* the job's process group to join */
	sigset_t reset;         /* to SIG_DFL in the child */
	volatile int childerr;  /* the child's errno when it cannot exec */
	int errfd;              /* where the child writes it instead, when
	                           vfork does not share memory (below) */
};

/*
 * How the child of vfork tells the parent that it could not exec: vfork's
 * child runs in the parent's memory until it execs or exits, so it stores
 * errno in the launch and the parent reads it when vfork returns, without
 * a system call. ThreadSanitizer turns vfork into fork (and so does
 * valgrind), so under it the child writes errno to a close-on-exec pipe
 * that the parent reads: nothing if the exec worked.
 */
#if defined(__SANITIZE_THREAD__)
#define CHILD_ERROR_PIPE 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define CHILD_ERROR_PIPE 1
#endif
#endif
#ifndef CHILD_ERROR_PIPE
#define CHILD_ERROR_PIPE 0
#endif

static void add_move(void *ctx, int vfd, int rfd)
{
	struct launch *l = ctx;
	if (vfd == 0)
		l->stdin_set = true;
	if (rfd != FDMAP_CLOSED && rfd < 0)
		return;   /* captured output: not an fd */
	if (l->nmoves == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->moves = xrealloc(l->moves, l->cap * sizeof *l->moves);
	}
	l->moves[l->nmoves++] = (struct move){ vfd, rfd, false };
}

/* envp with `_=path` instead of any `_` it has: a program the shell runs
 * gets the path it was run as in $_, as bash gives it. The vector is the
 * caller's to free, and so is *owned (the new entry); the other strings
 * are envp's. */
static char **env_with_path(char *const envp[], const char *path, char **owned)
{
	size_t n = 0;
	while (envp && envp[n])
		n++;
	char **v = xcalloc(n + 2, sizeof *v);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!(envp[i][0] == '_' && envp[i][1] == '='))
			v[k++] = envp[i];
	size_t len = strlen(path);
	*owned = xmalloc(len + 3);   /* no printf: this runs for every command */
	memcpy(*owned, "_=", 2);
	memcpy(*owned + 2, path, len + 1);
	v[k] = *owned;
	return v;
}

/* POSIX 2.9.1.1: a file that cannot be executed as a program is a shell
 * script; run it with a new conch. */
static char **script_argv(const char *path, char *const argv[])
{
	size_t n = 0;
	while (argv[n])
		n++;
	char **av = xcalloc(n + 3, sizeof *av);
	av[0] = (char *)"conch";
	av[1] = (char *)path;
	for (size_t i = 1; i < n; i++)
		av[i + 1] = argv[i];
	return av;
}

/* The child of vfork: system calls only. */
static _Noreturn void launch_child(struct launch *l)
{
	struct sigaction dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	jobgrp_child_setup(&l->jc);   /* while SIGTTOU is still ignored */
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&l->reset, sig) == 1)
			sigaction(sig, &dfl, NULL);
	if (l->ignore_tstp) {
		dfl.sa_handler = SIG_IGN;
		sigaction(SIGTSTP, &dfl, NULL);
	}
	for (size_t i = 0; i < l->nmoves; i++) {
		const struct move *m = &l->moves[i];
		int rc;
		if (m->rfd == FDMAP_CLOSED)
			rc = close(m->vfd) == 0 || errno == EBADF ? 0 : -1;
		else if (m->rfd == m->vfd)
			rc = fcntl(m->vfd, F_SETFD, 0);
		else
			rc = dup2(m->rfd, m->vfd);
		if (rc < 0)
			goto fail;
	}
	if (l->stdin_null) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd < 0)
			goto fail;
		if (fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
	}
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	execve(l->path, l->argv, l->envp);
	if (errno == ENOEXEC)
		execve("/proc/self/exe", l->script_argv, l->envp);
fail:;
	int e = errno;
	l->childerr = e ? e : EINVAL;
	if (CHILD_ERROR_PIPE) {
		ssize_t w = write(l->errfd, &e, sizeof e);
		(void)w;
	}
	_exit(127);
}

/* vfork in a function of its own, whose locals do not change after it. */
static pid_t launch(struct launch *l)
{
	pid_t pid = vfork();
	if (pid == 0)
		launch_child(l);
	return pid;
}

pid_t spawn_program(struct stage *st, const char *path, char *const argv[],
                    char *const envp[], bool bg, int *err)
{
	struct launch l;
	char *underscore;
	char **env = env_with_path(envp, path, &underscore);
	readahead_sync_all();   /* the child sees the offsets of its fds */
	memset(&l, 0, sizeof l);
	l.path = path;
	l.argv = argv;
	l.envp = env;
	l.script_argv = script_argv(path, argv);
	fdmap_each(&st->fds, add_move, &l);
	l.stdin_null = bg && !l.stdin_set && !jobctl_on();
	signals_child_resets(&l.reset);
	pid_t pid = -1;
	int errpipe[2] = { -1, -1 };
	/* above every fd the child's moves write to */
	int top = 10;
	for (size_t i = 0; i < l.nmoves; i++)
		if (l.moves[i].vfd >= top)
			top = l.moves[i].vfd + 1;
	l.errfd = -1;
	if (CHILD_ERROR_PIPE) {
		if (pipe2(errpipe, O_CLOEXEC) != 0) {
			*err = errno;
			goto out;
		}
		l.errfd = fcntl(errpipe[1], F_DUPFD_CLOEXEC, top);
		close(errpipe[1]);
		if (l.errfd < 0) {
			*err = errno;
			goto out;
		}
	}
	/* a source that is also a target (the real fd 11 of a pipe, while the
	 * script closed or redirected its fd 11) would be gone before its own
	 * dup2: move it above every target first (closed after the launch) */
	for (size_t i = 0; i < l.nmoves; i++) {
		struct move *m = &l.moves[i];
		bool clash = false;
		for (size_t j = 0; j < l.nmoves && !clash && m->rfd >= 0 && m->rfd != m->vfd; j++)
			clash = l.moves[j].vfd == m->rfd;
		if (!clash)
			continue;
		int fd = fcntl(m->rfd, F_DUPFD_CLOEXEC, top);
		if (fd < 0) {
			*err = errno;
			goto out;
		}
		m->rfd = fd;
		m->moved = true;
	}

	sigset_t all, saved;
	sigfillset(&all);
	l.ignore_tstp = !st->grp && jobctl_on();
	jobgrp_spawn_begin(st->grp, &l.jc);
	pthread_sigmask(SIG_SETMASK, &all, &saved);
	pid = launch(&l);
	int saved_errno = errno;
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	if (l.errfd >= 0)
		close(l.errfd);

	if (pid < 0) {
		*err = saved_errno;
		jobgrp_spawn_end(st->grp, &l.jc, -1);
		goto out;
	}
	int childerr = l.childerr;
	if (CHILD_ERROR_PIPE) {
		ssize_t n;
		while ((n = read(errpipe[0], &childerr, sizeof childerr)) < 0 && errno == EINTR)
			;
		if (n != (ssize_t)sizeof childerr)
			childerr = 0;
	}
	if (childerr) {
		/* exec failed: the child has exited; reap it */
		*err = childerr;
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		pid = -1;
	}
	jobgrp_spawn_end(st->grp, &l.jc, pid);
out:
	if (errpipe[0] >= 0)
		close(errpipe[0]);
	for (size_t i = 0; i < l.nmoves; i++)
		if (l.moves[i].moved)
			close(l.moves[i].rfd);
	free(l.script_argv);
	free(l.moves);
	free(env);
	free(underscore);
	return pid;
}

/* --- fork ------------------------------------------------------------------ */

struct fdplan {
	int vfd[64], rfd[64];
	size_t n;
	bool overflow;
	int keep[64];          /* shell fds the child keeps: listening sockets */
	size_t nkeep;
};

static void plan_add(void *ctx, int vfd, int rfd)
{
	struct fdplan *p = ctx;
	if (p->n == 64) {
		p->overflow = true;
		return;
	}
	p->vfd[p->n] = vfd;
	p->rfd[p->n] = rfd;
	p->n++;
}

static bool wanted(const struct fdplan *p, int fd)
{
	if (is_inherited(fd))
		return true;
	for (size_t i = 0; i < p->nkeep; i++)
		if (p->keep[i] == fd)
			return true;
	for (size_t i = 0; i < p->n; i++)
		if (p->vfd[i] == fd && p->rfd[i] != FDMAP_CLOSED)
			return true;
	return false;
}

static void close_unwanted(const struct fdplan *p)
{
	/* every shell-private fd (>= 10) that the subshell does not see */
	int max = (int)sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > 65536)
		max = 65536;
	int lo = 10;
	for (;;) {
		int hi = lo;
		while (hi < max && !wanted(p, hi))
			hi++;
		if (hi > lo) {
#ifdef SYS_close_range
			if (syscall(SYS_close_range, (unsigned)lo, (unsigned)(hi - 1), 0u) != 0)
#endif
				for (int fd = lo; fd < hi; fd++)
					close(fd);
		}
		if (hi >= max)
			break;
		lo = hi + 1;
	}
}

/* Child side: make the process's fds what the stage's map says. */
static void arrange_child_fds(struct stage *st)
{
	pthread_once(&inherited_once, find_inherited);   /* exec without a fork */
	struct fdplan p = { .n = 0, .overflow = false };
	fdmap_each(&st->fds, plan_add, &p);
	p.nkeep = net_listener_fds(p.keep, sizeof p.keep / sizeof p.keep[0]);
	/* move every source out of the way first: sources are >= 10, but a
	 * target >= 10 may be another entry's source */
	int top = 10;
	for (size_t i = 0; i < p.n; i++) {
		if (p.vfd[i] >= top)
			top = p.vfd[i] + 1;
		if (p.rfd[i] >= top)
			top = p.rfd[i] + 1;
	}
	for (size_t i = 0; i < p.n; i++)
		if (p.rfd[i] >= 0)
			p.rfd[i] = fcntl(p.rfd[i], F_DUPFD_CLOEXEC, top);
	for (size_t i = 0; i < p.n; i++) {
		if (p.rfd[i] >= 0) {
			dup2(p.rfd[i], p.vfd[i]);
			close(p.rfd[i]);
		} else if (p.rfd[i] == FDMAP_CLOSED) {
			close(p.vfd[i]);
		}
	}
	fdmap_forget(&st->fds);
	close_unwanted(&p);
}

void spawn_exec(struct stage *st, const char *path, char *const argv[],
                char *const envp[], int *err)
{
	sigset_t def, none;
	io_flush(st);
	readahead_sync_all();
	arrange_child_fds(st);
	signals_child_defaults(&def);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&def, sig) == 1)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
	net_release_all();
	char *underscore;
	char **env = env_with_path(envp, path, &underscore);
	execve(path, argv, env);
	*err = errno;
	if (errno == ENOEXEC) {
		size_t n = 0;
		while (argv[n])
			n++;
		char **av = xcalloc(n + 2, sizeof *av);
		av[0] = (char *)"conch";
		av[1] = (char *)path;
		for (size_t i = 1; i < n; i++)
			av[i + 1] = argv[i];
		execve("/proc/self/exe", av, env);
		free(av);
	}
	free(env);
	free(underscore);
	signal(SIGPIPE, SIG_IGN);
}

pid_t spawn_fork(struct stage *st)
{
	pthread_once(&inherited_once, find_inherited);
	io_flush(st);
	readahead_sync_all();
	struct jobgrp_child jc;
	jobgrp_spawn_begin(st->grp, &jc);
	pid_t pid = fork();
	if (pid != 0) {
		jobgrp_spawn_end(st->grp, &jc, pid);
		return pid;
	}
	jobgrp_child_setup(&jc);
	st->grp = NULL;   /* its lock is the parent's: the subshell's children
	                     are in its group anyway */
	jobctl_child_reset();
	arrange_child_fds(st);
	st->peek[0] = st->peek[1] = -1;   /* closed with the other shell fds */
	state_trap_reset_subshell();
	signals_reset_in_child();
	st->is_subshell = true;
	st->capture = NULL;
	stage_unconfine(st);   /* a process of its own: nothing left to confine */
	return 0;
}

int spawn_status(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	if (WIFSTOPPED(ws))
		return 128 + WSTOPSIG(ws);
	return 1;
}

int spawn_wait(pid_t pid, int *wsp)
{
	int ws;
	if (wsp)
		*wsp = 0;
	for (;;) {
		if (waitpid(pid, &ws, 0) == pid) {
			if (wsp)
				*wsp = ws;
			return spawn_status(ws);
		}
		if (errno != EINTR)
			return 127;
	}
}
