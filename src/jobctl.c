/* jobctl.c: job control: process groups, the terminal, and parking thread stages */

/* The DESIGN comment is in jobctl.h. */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "jobctl.h"
#include "signals.h"
#include "spawn.h"
#include "stage.h"
#include "state.h"

/* Whether job control is on, and the terminal (-1: none, then jobs still
 * get process groups but no one takes the terminal). Changed by the main
 * thread (jobctl_sync) only, read by any. */
static atomic_bool on;
static atomic_int tty = -1;
static pid_t shell_pgid;               /* main thread only */
static struct termios shell_modes;     /* main thread only */
static bool shell_modes_valid;
static int wake[2] = { -1, -1 };       /* created once, by the main thread */

struct jobgrp {
	atomic_int refs;
	pthread_mutex_t lock;
	pthread_cond_t unparked;
	pthread_cond_t created;  /* a spawn that creates the group is done */
	pid_t pgid;          /* under lock; 0 before the first process */
	int live;            /* under lock */
	int pending;         /* under lock: spawns begun and not yet ended */
	bool creating;       /* under lock: one of them creates the group */
	bool foreground;     /* under lock */
	bool parked;         /* under lock; also read with park_hint */
	atomic_bool park_hint;
	atomic_int stop_sig; /* a process stopped, by this signal */
	atomic_bool interrupted;
};

static void wake_open(void)
{
	if (wake[0] >= 0)
		return;
	int p[2];
	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) != 0)
		return;
	wake[0] = fd_move_high(p[0]);
	wake[1] = fd_move_high(p[1]);
}

static void tty_open(void)
{
	int fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return;
	fd = fd_move_high(fd);
	if (fd < 0)
		return;
	/* a shell started in the background waits until it is brought to
	 * the foreground, as every job-control shell does */
	pid_t fg;
	while ((fg = tcgetpgrp(fd)) >= 0 && fg != getpgrp())
		kill(-getpgrp(), SIGTTIN);
	if (fg < 0) {
		close(fd);
		return;
	}
	atomic_store(&tty, fd);
}

static void enable(void)
{
	wake_open();
	if (state_opt(OPT_INTERACTIVE) || isatty(0) || isatty(2))
		tty_open();
	signals_job_control(true, wake[1]);
	int fd = atomic_load(&tty);
	if (fd >= 0) {
		/* a group of the shell's own (a session leader has one already) */
		if (getpgrp() != getpid() && setpgid(0, 0) != 0) {
			/* stays in its parent's group: jobs still get theirs */
		}
		shell_pgid = getpgrp();
		tcsetpgrp(fd, shell_pgid);
		shell_modes_valid = tcgetattr(fd, &shell_modes) == 0;
	}
	atomic_store(&on, true);
}

static void disable(void)
{
	atomic_store(&on, false);
	signals_job_control(false, -1);
	int fd = atomic_exchange(&tty, -1);
	if (fd >= 0)
		close(fd);
}

bool jobctl_sync(void)
{
	bool want = state_opt(OPT_MONITOR);
	if (want != atomic_load(&on)) {
		if (want)
			enable();
		else
			disable();
	}
	return want;
}

bool jobctl_on(void)
{
	return atomic_load_explicit(&on, memory_order_relaxed);
}

bool jobctl_starts_jobs(const struct stage *st)
{
	return st->main_thread && !st->grp && !st->capture && !st->confined && !st->is_subshell &&
	       jobctl_sync();
}

void jobctl_child_reset(void)
{
	/* the fds are gone with the other shell fds (spawn.c closes them) */
	atomic_store(&on, false);
	atomic_store(&tty, -1);
	wake[0] = wake[1] = -1;
	state_opt_set(OPT_MONITOR, false);
}

void jobctl_give_terminal(pid_t pgid)
{
	int fd = atomic_load(&tty);
	if (fd >= 0)
		tcsetpgrp(fd, pgid ? pgid : shell_pgid);
}

void *jobctl_modes_new(void)
{
	return xcalloc(1, sizeof(struct termios) + 1);   /* last byte: valid */
}

void jobctl_modes_save(void *modes)
{
	int fd = atomic_load(&tty);
	((char *)modes)[sizeof(struct termios)] = fd >= 0 && tcgetattr(fd, modes) == 0;
}

void jobctl_modes_restore(const void *modes)
{
	int fd = atomic_load(&tty);
	if (fd >= 0 && ((const char *)modes)[sizeof(struct termios)])
		tcsetattr(fd, TCSADRAIN, modes);
}

void jobctl_shell_modes_save(void)
{
	int fd = atomic_load(&tty);
	if (fd >= 0)
		shell_modes_valid = tcgetattr(fd, &shell_modes) == 0;
}

void jobctl_shell_modes_restore(void)
{
	int fd = atomic_load(&tty);
	if (fd >= 0 && shell_modes_valid)
		tcsetattr(fd, TCSADRAIN, &shell_modes);
}

/* --- waking the main thread ------------------------------------------- */

void jobctl_wake(void)
{
	if (wake[1] >= 0) {
		ssize_t w = write(wake[1], "", 1);
		(void)w;
	}
}

void jobctl_wake_drain(void)
{
	char buf[64];
	if (wake[0] >= 0)
		while (read(wake[0], buf, sizeof buf) > 0)
			;
}

int jobctl_wake_fd(void)
{
	return jobctl_on() ? wake[0] : -1;
}

void jobctl_wake_wait(void)
{
	struct pollfd p = { wake[0], POLLIN, 0 };
	/* a signal (Ctrl-C reaching the shell) ends the poll with EINTR; the
	 * timeout is only a safety net */
	poll(&p, wake[0] >= 0 ? 1 : 0, 1000);
}

/* --- groups ------------------------------------------------------------- */

struct jobgrp *jobgrp_new(bool foreground)
{
	struct jobgrp *g = xcalloc(1, sizeof *g);
	atomic_init(&g->refs, 1);
	pthread_mutex_init(&g->lock, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&g->unparked, &ca);
	pthread_condattr_destroy(&ca);
	pthread_cond_init(&g->created, NULL);
	g->foreground = foreground;
	return g;
}

struct jobgrp *jobgrp_ref(struct jobgrp *g)
{
	if (g)
		atomic_fetch_add(&g->refs, 1);
	return g;
}

void jobgrp_unref(struct jobgrp *g)
{
	if (!g || atomic_fetch_sub(&g->refs, 1) != 1)
		return;
	pthread_mutex_destroy(&g->lock);
	pthread_cond_destroy(&g->unparked);
	pthread_cond_destroy(&g->created);
	free(g);
}

pid_t jobgrp_pgid(struct jobgrp *g)
{
	pthread_mutex_lock(&g->lock);
	pid_t p = g->pgid;
	pthread_mutex_unlock(&g->lock);
	return p;
}

int jobgrp_live(struct jobgrp *g)
{
	pthread_mutex_lock(&g->lock);
	int n = g->live;
	pthread_mutex_unlock(&g->lock);
	return n;
}

bool jobgrp_kill(struct jobgrp *g, int sig)
{
	if (!g)
		return false;
	pthread_mutex_lock(&g->lock);
	pid_t pg = g->live > 0 ? g->pgid : 0;
	pthread_mutex_unlock(&g->lock);
	return pg > 0 && kill(-pg, sig) == 0;
}

bool jobgrp_foreground(struct jobgrp *g)
{
	pthread_mutex_lock(&g->lock);
	bool fg = g->foreground;
	pthread_mutex_unlock(&g->lock);
	return fg;
}

void jobgrp_set_foreground(struct jobgrp *g, bool fg)
{
	pthread_mutex_lock(&g->lock);
	g->foreground = fg;
	pthread_mutex_unlock(&g->lock);
}

void jobgrp_spawn_begin(struct jobgrp *g, struct jobgrp_child *c)
{
	memset(c, 0, sizeof *c);
	c->tty = -1;
	if (!g)
		return;
	pthread_mutex_lock(&g->lock);
	/* the process that creates the group comes first: the others join it */
	while (g->creating)
		pthread_cond_wait(&g->created, &g->lock);
	c->active = true;
	/* a group whose processes were all reaped is gone: start a new one */
	c->pgid = g->live > 0 ? g->pgid : 0;
	g->creating = c->pgid == 0;
	g->pending++;
	c->tty = atomic_load(&tty);
	c->take_tty = g->foreground && c->tty >= 0;
	pthread_mutex_unlock(&g->lock);
}

void jobgrp_spawn_end(struct jobgrp *g, const struct jobgrp_child *c, pid_t pid)
{
	if (!g)
		return;
	pid_t pgid = 0;
	if (pid > 0) {
		/* the parent's setpgid too, for a forked child that has not run
		 * yet (a vfork child has, and then this fails harmlessly); both
		 * make the same choice as jobgrp_child_setup */
		if (c->pgid == 0 || setpgid(pid, c->pgid) != 0)
			setpgid(pid, pid);
		pgid = getpgid(pid);
		if (pgid <= 0)
			pgid = c->pgid ? c->pgid : pid;
	}
	pthread_mutex_lock(&g->lock);
	g->pending--;
	if (c->pgid == 0) {   /* this spawn created the group */
		g->creating = false;
		pthread_cond_broadcast(&g->created);
	}
	if (pid > 0) {
		if (g->live == 0)
			g->pgid = pgid;
		g->live++;
	} else if (g->live == 0 && g->pending == 0 && g->foreground) {
		jobctl_give_terminal(0);   /* a child that could not exec may have taken it */
	}
	pthread_mutex_unlock(&g->lock);
}

void jobgrp_child_setup(const struct jobgrp_child *c)
{
	if (!c->active)
		return;
	/* the group died while this process was being started (its last
	 * process was reaped): this one starts a new group */
	if (c->pgid == 0 || setpgid(0, c->pgid) != 0)
		setpgid(0, 0);
	if (c->take_tty)
		tcsetpgrp(c->tty, getpgrp());   /* SIGTTOU is still ignored */
}

void jobgrp_note(struct jobgrp *g, int ws)
{
	if (!g)
		return;
	if (WIFSTOPPED(ws)) {
		atomic_store(&g->stop_sig, WSTOPSIG(ws));
		jobctl_wake();
		return;
	}
	if (WIFCONTINUED(ws))
		return;
	pthread_mutex_lock(&g->lock);
	/* a process being started takes the terminal itself */
	if (--g->live == 0 && g->pending == 0 && g->foreground)
		jobctl_give_terminal(0);   /* thread stages may go on: Ctrl-C is the shell's again */
	pthread_mutex_unlock(&g->lock);
	if (WIFSIGNALED(ws) && WTERMSIG(ws) == SIGINT)
		atomic_store(&g->interrupted, true);
	jobctl_wake();
}

int jobgrp_take_stop(struct jobgrp *g)
{
	return atomic_exchange(&g->stop_sig, 0);
}

bool jobgrp_take_interrupt(struct jobgrp *g)
{
	return atomic_exchange(&g->interrupted, false);
}

void jobgrp_park(struct jobgrp *g)
{
	pthread_mutex_lock(&g->lock);
	g->parked = true;
	atomic_store(&g->park_hint, true);
	pthread_mutex_unlock(&g->lock);
}

bool jobgrp_parked(struct jobgrp *g)
{
	return atomic_load(&g->park_hint);
}

void jobgrp_unpark(struct jobgrp *g)
{
	pthread_mutex_lock(&g->lock);
	g->parked = false;
	atomic_store(&g->park_hint, false);
	pthread_cond_broadcast(&g->unparked);
	pthread_mutex_unlock(&g->lock);
}

void jobgrp_park_point(struct jobgrp *g, const _Atomic bool *stop)
{
	if (!atomic_load_explicit(&g->park_hint, memory_order_relaxed))
		return;
	pthread_mutex_lock(&g->lock);
	while (g->parked && !atomic_load(stop)) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += 50 * 1000 * 1000;   /* a stop request is seen within 50 ms */
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&g->unparked, &g->lock, &ts);
	}
	pthread_mutex_unlock(&g->lock);
}

int jobgrp_wait_child(struct jobgrp *g, pid_t pid, int *wsp)
{
	int ws;
	if (wsp)
		*wsp = 0;
	for (;;) {
		if (waitpid(pid, &ws, WUNTRACED) == pid) {
			jobgrp_note(g, ws);
			if (WIFSTOPPED(ws))
				continue;   /* goes on when the job is resumed */
			if (wsp)
				*wsp = ws;
			return spawn_status(ws);
		}
		if (errno != EINTR)
			return 127;
	}
}

int jobctl_wait(const struct stage *st, pid_t pid, int *ws)
{
	return st->grp ? jobgrp_wait_child(st->grp, pid, ws) : spawn_wait(pid, ws);
}

int jobctl_stopped(struct stage *st, int sig)
{
	/* the shell's own code cannot be suspended midway: at the prompt, the
	 * rest of the command line is dropped, as after Ctrl-C */
	if (state_opt(OPT_INTERACTIVE)) {
		st->flow = FLOW_INTERRUPT;
		st->job_stopped = true;
	}
	return st->status = 128 + sig;
}
