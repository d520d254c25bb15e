/* spawn.c: the one module that creates processes (posix_spawn and fork) */

/*
 * DESIGN
 * External commands start with posix_spawn (glibc uses clone+exec with a
 * shared address space: no page-table copy). The child's fds are exactly the
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
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "net.h"
#include "signals.h"
#include "spawn.h"
#include "state.h"

#define INHERIT_MAX 1024
/* Written once by spawn_init before any thread exists; read-only after. */
static unsigned char inherited_high[INHERIT_MAX / 8];

static void mark_inherited(int fd)
{
	if (fd >= 10 && fd < INHERIT_MAX)
		inherited_high[fd / 8] |= (unsigned char)(1u << (fd % 8));
}

void spawn_init(void)
{
	/* /proc/self/fd lists the open fds in a few syscalls; without /proc,
	 * probe a modest range */
	DIR *d = opendir("/proc/self/fd");
	if (!d) {
		for (int fd = 10; fd < 64; fd++)
			if (fcntl(fd, F_GETFD) >= 0)
				mark_inherited(fd);
		return;
	}
	int self = dirfd(d);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		long fd;
		if (parse_long(e->d_name, &fd) && fd != self)
			mark_inherited((int)fd);
	}
	closedir(d);
}

static bool is_inherited(int fd)
{
	return fd >= 10 && fd < INHERIT_MAX && (inherited_high[fd / 8] >> (fd % 8)) & 1;
}

struct actions {
	posix_spawn_file_actions_t fa;
	int err;
	bool stdin_set;
};

static void add_action(void *ctx, int vfd, int rfd)
{
	struct actions *a = ctx;
	if (vfd == 0)
		a->stdin_set = true;
	if (rfd == FDMAP_CLOSED) {
		if (fcntl(vfd, F_GETFD) >= 0)
			posix_spawn_file_actions_addclose(&a->fa, vfd);
	} else if (rfd >= 0) {
		posix_spawn_file_actions_adddup2(&a->fa, rfd, vfd);
	}
}

static int spawn_as_script(struct stage *st, const char *path, char *const argv[],
                           char *const envp[], posix_spawn_file_actions_t *fa,
                           posix_spawnattr_t *attr, pid_t *pid)
{
	/* POSIX 2.9.1.1: a file that cannot be executed as a program is a
	 * shell script; run it with a new conch. */
	(void)st;
	size_t n = 0;
	while (argv[n])
		n++;
	char **av = xcalloc(n + 3, sizeof *av);
	av[0] = (char *)"conch";
	av[1] = (char *)path;
	for (size_t i = 1; i < n; i++)
		av[i + 1] = argv[i];
	int rc = posix_spawn(pid, "/proc/self/exe", fa, attr, av, envp);
	free(av);
	return rc;
}

pid_t spawn_program(struct stage *st, const char *path, char *const argv[],
                    char *const envp[], bool bg, int *err)
{
	struct actions a;
	posix_spawnattr_t attr;
	sigset_t def, none;
	pid_t pid = -1;

	a.err = 0;
	a.stdin_set = false;
	posix_spawn_file_actions_init(&a.fa);
	fdmap_each(&st->fds, add_action, &a);
	if (bg && !a.stdin_set && !state_opt(OPT_INTERACTIVE))
		posix_spawn_file_actions_addopen(&a.fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawnattr_init(&attr);
	signals_child_defaults(&def);
	sigemptyset(&none);
	posix_spawnattr_setsigdefault(&attr, &def);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
	int rc = posix_spawn(&pid, path, &a.fa, &attr, argv, envp);
	if (rc == ENOEXEC)
		rc = spawn_as_script(st, path, argv, envp, &a.fa, &attr, &pid);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&a.fa);
	if (rc != 0) {
		*err = rc;
		return -1;
	}
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
	arrange_child_fds(st);
	signals_child_defaults(&def);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&def, sig) == 1)
			signal(sig, SIG_DFL);
	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
	net_release_all();
	execve(path, argv, envp);
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
		execve("/proc/self/exe", av, envp);
		free(av);
	}
	signal(SIGPIPE, SIG_IGN);
}

pid_t spawn_fork(struct stage *st)
{
	io_flush(st);
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	arrange_child_fds(st);
	st->peek[0] = st->peek[1] = -1;   /* closed with the other shell fds */
	state_trap_reset_subshell();
	signals_reset_in_child();
	st->is_subshell = true;
	st->capture = NULL;
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

int spawn_wait(pid_t pid)
{
	int ws;
	for (;;) {
		if (waitpid(pid, &ws, 0) == pid)
			return spawn_status(ws);
		if (errno != EINTR)
			return 127;
	}
}
