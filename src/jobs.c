/* jobs.c: the job table ($!, wait, jobs, fg, bg, kill %N) and waiting for foreground jobs */

/*
 * DESIGN
 * A list of jobs guarded by `lock` (a leaf: never held with another lock,
 * nor across a blocking wait except inside pthread_cond_timedwait, which
 * releases it). A job is one of:
 *   a background process (`cmd &`): one member, a pid;
 *   a foreground pipeline that stopped (Ctrl-Z): its members in pipeline
 *     order, processes and thread stages (whose threads are parked, see
 *     jobctl.h), handed over by pipeline.c through jobs_fg_wait;
 *   a thread job (the thread builtin): no members, a thread of its own.
 * Under job control each job but a thread job has a process group
 * (struct jobgrp); `kill %N`, fg and bg signal the group.
 *
 * Processes are reaped only by waitpid on their own pid, never waitpid(-1):
 * other threads wait for their own children at the same time. A reap that
 * finds a process already reaped by someone else (ECHILD) looks again at
 * the table, where that someone recorded it.
 *
 * Thread jobs are keyed by -num, never a real pid, so no waitpid or kill(2)
 * may ever see them (waitpid(-N) would wait for a process group). Their
 * thread sets done and status under the lock and broadcasts `thread_done`;
 * whoever unlinks a done job from the list joins the thread (outside the
 * lock: it is only returning) and frees its argument. A waiter never keeps
 * a job pointer across a wait, it looks the job up again.
 *
 * The current job (%+) is the most recently stopped one, or, when none is
 * stopped, the most recently started or continued in the background; the
 * previous job (%-) is the next one in the same order (as in bash).
 *
 * fork: pthread_atfork takes the lock before fork; the child releases it
 * and drops the thread jobs (their threads do not exist in the child).
 */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ast.h"
#include "jobctl.h"
#include "jobs.h"
#include "signals.h"
#include "spawn.h"
#include "stage.h"
#include "state.h"

enum { WAIT_SLICE_MS = 50 };

struct member {
	pid_t pid;                          /* > 0: a process */
	void *t;                            /* else a thread stage (ops) */
	const struct job_thread_ops *ops;
	int status;
	int ws;                             /* a process's wait status, when done */
	bool done, stopped;
};

struct job {
	int num;
	char *cmd;
	struct jobgrp *grp;      /* a reference; NULL without job control */
	struct member *m;
	size_t n, cap;
	bool stopped;            /* every member still alive is stopped */
	int stop_sig;
	bool shown;              /* its current state has been reported */
	bool nohup;              /* disown -h: no SIGHUP when the shell hangs up */
	unsigned long seq;       /* when it was last stopped or sent to the background */
	void *modes;             /* terminal modes when it stopped, or NULL */
	struct unit *unit;       /* a reference on the code its thread stages
	                            run (a stopped job outlives its command line) */
	/* thread jobs only */
	bool is_thread;
	bool done;
	int status;
	bool started;            /* tid is valid (pthread_create returned) */
	pthread_t tid;
	int killed;              /* signal number of a jobs_kill, or 0 */
	int (*body)(void *arg);
	void *arg;
	void (*free_arg)(void *arg);
	atomic_bool *stop;       /* the body's stop flag; valid until free_arg */
	struct job *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t thread_done;    /* initialised by init_once */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct job *jobs;              /* ordered by number */
static struct job *disowned;          /* no longer jobs, still to be reaped */
static unsigned long seq_counter;     /* under lock */

/* The statuses of reported, forgotten jobs' processes, so that `wait $!`
 * still returns a job's status after `jobs` or the prompt reported it
 * (POSIX keeps at least CHILD_MAX of them; these are the newest). Under
 * lock. */
enum { KNOWN_MAX = 1024 };
static struct known { pid_t pid; int status; } known[KNOWN_MAX];
static size_t known_next;

static void init_cond(void)
{
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&thread_done, &ca);
	pthread_condattr_destroy(&ca);
}

static void atfork_prepare(void) { pthread_mutex_lock(&lock); }
static void atfork_parent(void) { pthread_mutex_unlock(&lock); }

static void atfork_child(void)
{
	/* unlocked, not re-initialised: the forking thread holds it, and a
	 * lock checker (ThreadSanitizer) must see it released */
	pthread_mutex_unlock(&lock);
	init_cond();
	for (struct job **pp = &jobs; *pp;) {
		if ((*pp)->is_thread)
			*pp = (*pp)->next;   /* dropped, not freed */
		else
			pp = &(*pp)->next;
	}
}

static void init_once(void)
{
	init_cond();
	pthread_atfork(atfork_prepare, atfork_parent, atfork_child);
}

static struct job *job_new(struct jobgrp *g, const char *cmd)
{
	pthread_once(&once, init_once);
	struct job *j = xcalloc(1, sizeof *j);
	j->cmd = xstrdup(cmd ? cmd : "");
	j->grp = jobgrp_ref(g);
	return j;
}

static void member_add(struct job *j, struct member m)
{
	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 4;
		j->m = xrealloc(j->m, j->cap * sizeof *j->m);
	}
	j->m[j->n++] = m;
}

/* Frees a job that is out of the list, joining its thread stages (all
 * done). Outside the lock. */
static void job_free(struct job *j)
{
	for (size_t i = 0; i < j->n; i++)
		if (j->m[i].pid <= 0 && j->m[i].t)
			j->m[i].ops->release(j->m[i].t);
	free(j->m);
	free(j->modes);
	if (j->unit)
		unit_unref(j->unit);
	jobgrp_unref(j->grp);
	free(j->cmd);
	free(j);
}

/* Inserts j with number want when it is free (> 0), else the lowest free
 * number; sets j->num. */
static void insert_locked(struct job *j, int want)
{
	struct job **pp = &jobs;
	if (want > 0) {
		while (*pp && (*pp)->num < want)
			pp = &(*pp)->next;
		if (!*pp || (*pp)->num != want) {
			j->num = want;
			goto link;
		}
		pp = &jobs;
	}
	int num = 1;
	while (*pp && (*pp)->num == num) {
		num++;
		pp = &(*pp)->next;
	}
	j->num = num;
link:
	j->seq = ++seq_counter;
	j->next = *pp;
	*pp = j;
}

static struct job *find_locked(int num)
{
	for (struct job *j = jobs; j; j = j->next)
		if (j->num == num)
			return j;
	return NULL;
}

static struct job *find_pid_locked(pid_t pid)
{
	for (struct job *j = jobs; j; j = j->next) {
		if (j->is_thread) {
			if (-j->num == pid)
				return j;
			continue;
		}
		for (size_t i = 0; i < j->n; i++)
			if (j->m[i].pid == pid)
				return j;
	}
	return NULL;
}

static int job_status(const struct job *j);

static void remember_locked(const struct job *j)
{
	if (j->is_thread)
		return;
	int status = job_status(j);
	for (size_t i = 0; i < j->n; i++) {
		if (j->m[i].pid <= 0)
			continue;
		known[known_next] = (struct known){ j->m[i].pid, status };
		known_next = (known_next + 1) % KNOWN_MAX;
	}
}

/* The remembered status of pid (forgotten once taken), or -1. */
static int take_known_locked(pid_t pid)
{
	for (size_t i = 0; i < KNOWN_MAX; i++) {
		if (known[i].pid == pid && pid > 0) {
			known[i].pid = 0;
			return known[i].status;
		}
	}
	return -1;
}

static void unlink_locked(struct job *j)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			return;
		}
}

/* --- state of a job ----------------------------------------------------- */

static bool job_done(const struct job *j)
{
	if (j->is_thread)
		return j->done && j->started;
	for (size_t i = 0; i < j->n; i++)
		if (!j->m[i].done)
			return false;
	return true;
}

/* The job's status: its last member's, or under pipefail the last
 * non-zero one. */
static int job_status(const struct job *j)
{
	if (j->is_thread)
		return j->status;
	if (j->n == 0)
		return 0;
	if (state_opt(OPT_PIPEFAIL))
		for (size_t i = j->n; i-- > 0;)
			if (j->m[i].status != 0)
				return j->m[i].status;
	return j->m[j->n - 1].status;
}

/* Records a wait status for member m of j. */
static void member_record(struct job *j, struct member *m, int ws)
{
	jobgrp_note(j->grp, ws);
	if (WIFSTOPPED(ws)) {
		m->stopped = true;
		j->stop_sig = WSTOPSIG(ws);
	} else if (WIFCONTINUED(ws)) {
		m->stopped = false;
	} else {
		m->done = true;
		m->stopped = false;
		m->ws = ws;
		m->status = spawn_status(ws);
	}
}

/* Looks at every member without blocking; updates stopped. Returns true
 * when the job's state changed. The job may be in the list (lock held) or
 * the caller's alone. */
static bool job_poll(struct job *j)
{
	if (j->is_thread)
		return false;
	bool was_done = job_done(j), was_stopped = j->stopped;
	bool running = false, stopped = false;
	for (size_t i = 0; i < j->n; i++) {
		struct member *m = &j->m[i];
		if (m->done)
			continue;
		if (m->pid > 0) {
			int ws;
			pid_t r;
			while ((r = waitpid(m->pid, &ws, WNOHANG | WUNTRACED | WCONTINUED)) == m->pid)
				member_record(j, m, ws);
			if (r < 0 && errno == ECHILD && !m->done) {
				/* reaped by a waiter that no longer finds it: gone */
				m->done = true;
				m->status = 127;
			}
		} else if (m->ops->done(m->t, &m->status)) {
			m->done = true;
		}
		if (m->done)
			continue;
		/* a thread stage of a parked group counts as stopped */
		if (m->pid > 0 ? m->stopped : j->grp && jobgrp_parked(j->grp))
			stopped = true;
		else
			running = true;
	}
	j->stopped = stopped && !running;
	bool changed = job_done(j) != was_done || j->stopped != was_stopped;
	if (changed)
		j->shown = false;
	return changed;
}

/* --- descriptions --------------------------------------------------------- */

static const char *signal_text(int sig)
{
	static const struct { int sig; const char *text; } texts[] = {
		{ SIGHUP, "Hangup" }, { SIGINT, "Interrupt" }, { SIGQUIT, "Quit" },
		{ SIGILL, "Illegal instruction" }, { SIGTRAP, "Trace/breakpoint trap" },
		{ SIGABRT, "Aborted" }, { SIGBUS, "Bus error" },
		{ SIGFPE, "Floating point exception" }, { SIGKILL, "Killed" },
		{ SIGUSR1, "User defined signal 1" }, { SIGSEGV, "Segmentation fault" },
		{ SIGUSR2, "User defined signal 2" }, { SIGPIPE, "Broken pipe" },
		{ SIGALRM, "Alarm clock" }, { SIGTERM, "Terminated" },
		{ SIGXCPU, "CPU time limit exceeded" }, { SIGXFSZ, "File size limit exceeded" },
		{ SIGVTALRM, "Virtual timer expired" }, { SIGPROF, "Profiling timer expired" },
		{ SIGSYS, "Bad system call" },
		{ SIGTSTP, "Stopped" }, { SIGSTOP, "Stopped (signal)" },
		{ SIGTTIN, "Stopped (tty input)" }, { SIGTTOU, "Stopped (tty output)" },
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		if (texts[i].sig == sig)
			return texts[i].text;
	return NULL;
}

/* "Terminated", "Segmentation fault (core dumped)", "Signal 40" */
static void death_text(struct sbuf *b, int ws)
{
	const char *t = signal_text(WTERMSIG(ws));
	if (t)
		sbuf_adds(b, t);
	else
		sbuf_printf(b, "Signal %d", WTERMSIG(ws));
#ifdef WCOREDUMP
	if (WCOREDUMP(ws))
		sbuf_adds(b, " (core dumped)");
#endif
}

/* A death that shells report: not by SIGINT (the user saw ^C) or by
 * SIGPIPE (a reader went away, the usual end of `yes | head`). */
static bool death_to_report(int ws)
{
	return WIFSIGNALED(ws) && WTERMSIG(ws) != SIGINT && WTERMSIG(ws) != SIGPIPE;
}

void jobs_report_death(struct stage *st, const char *name, int ws)
{
	if (!death_to_report(ws))
		return;
	struct sbuf b = SBUF_INIT;
	death_text(&b, ws);
	stage_error(st, "%s: %s", name, sbuf_str(&b));
	sbuf_free(&b);
}

/* A stopped job is "Stopped" in the short format and names the signal in
 * the long one ("Stopped (tty input)"), as bash does. */
static void state_text(struct sbuf *b, const struct job *j, bool long_fmt)
{
	if (!job_done(j)) {
		if (j->stopped) {
			const char *t = long_fmt ? signal_text(j->stop_sig) : NULL;
			sbuf_adds(b, t ? t : "Stopped");
		} else {
			sbuf_adds(b, "Running");
		}
		return;
	}
	const struct member *last = j->n ? &j->m[j->n - 1] : NULL;
	if (last && last->pid > 0 && WIFSIGNALED(last->ws)) {
		death_text(b, last->ws);
		return;
	}
	int status = job_status(j);
	if (status == 0)
		sbuf_adds(b, "Done");
	else
		sbuf_printf(b, "Exit %d", status);
}

/* The current (%+) and previous (%-) jobs. */
static void rank_locked(struct job **cur, struct job **prev)
{
	*cur = *prev = NULL;
	/* stopped jobs first, newest first; then the others, newest first */
	for (struct job *j = jobs; j; j = j->next) {
		bool better_than_cur = !*cur || (j->stopped && !(*cur)->stopped) ||
		                       (j->stopped == (*cur)->stopped && j->seq > (*cur)->seq);
		if (better_than_cur) {
			*prev = *cur;
			*cur = j;
			continue;
		}
		bool better_than_prev = !*prev || (j->stopped && !(*prev)->stopped) ||
		                        (j->stopped == (*prev)->stopped && j->seq > (*prev)->seq);
		if (better_than_prev)
			*prev = j;
	}
}

static char mark_locked(const struct job *j)
{
	struct job *cur, *prev;
	rank_locked(&cur, &prev);
	return j == cur ? '+' : j == prev ? '-' : ' ';
}

static pid_t job_pgid(const struct job *j)
{
	pid_t p = j->grp ? jobgrp_pgid(j->grp) : 0;
	return p > 0 ? p : j->n ? j->m[0].pid : 0;
}

/* "[1]+  Stopped                 sleep 100" */
static char *job_line(const struct job *j, char mark, bool long_fmt)
{
	struct sbuf st = SBUF_INIT, b = SBUF_INIT;
	state_text(&st, j, long_fmt);
	bool running = !job_done(j) && !j->stopped;
	if (long_fmt) {
		if (j->is_thread)
			sbuf_printf(&b, "[%d]%c  %%%d %-24s%s", j->num, mark, j->num, sbuf_str(&st), j->cmd);
		else
			sbuf_printf(&b, "[%d]%c  %ld %-24s%s", j->num, mark, (long)job_pgid(j), sbuf_str(&st), j->cmd);
	} else {
		sbuf_printf(&b, "[%d]%c  %-24s%s", j->num, mark, sbuf_str(&st), j->cmd);
	}
	if (running)
		sbuf_adds(&b, " &");
	sbuf_free(&st);
	return sbuf_detach(&b);
}

/* --- background jobs ---------------------------------------------------- */

int jobs_add(pid_t pid, struct jobgrp *g, const char *cmd)
{
	struct job *j = job_new(g, cmd);
	member_add(j, (struct member){ .pid = pid });
	j->shown = true;
	pthread_mutex_lock(&lock);
	take_known_locked(pid);   /* a reused pid: the old status is not its */
	insert_locked(j, 0);
	int num = j->num;
	pthread_mutex_unlock(&lock);
	return num;
}

static void *thread_main(void *p)
{
	struct job *j = p;   /* stays linked until this thread is joined */
	int status = j->body(j->arg);
	pthread_mutex_lock(&lock);
	j->status = j->killed ? 128 + j->killed : status;
	j->done = true;
	j->shown = false;
	pthread_cond_broadcast(&thread_done);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int jobs_add_thread(int (*body)(void *arg), void *arg, void (*free_arg)(void *arg),
                    atomic_bool *stop, struct jobgrp *g, const char *cmd)
{
	struct job *j = job_new(g, cmd);
	j->is_thread = true;
	j->shown = true;
	j->body = body;
	j->arg = arg;
	j->free_arg = free_arg;
	j->stop = stop;
	pthread_mutex_lock(&lock);
	insert_locked(j, 0);
	int num = j->num;
	pthread_mutex_unlock(&lock);

	pthread_attr_t attr;
	sigset_t all;
	pthread_t tid;
	pthread_attr_init(&attr);
	sigfillset(&all);
	sigdelset(&all, signals_wake());           /* signals: main thread only, */
	pthread_attr_setsigmask_np(&attr, &all);   /* but jobs_kill wakes it */
	int rc = pthread_create(&tid, &attr, thread_main, j);
	pthread_attr_destroy(&attr);

	pthread_mutex_lock(&lock);
	if (rc == 0) {
		j->tid = tid;
		j->started = true;
		pthread_cond_broadcast(&thread_done);
	} else {
		unlink_locked(j);
	}
	pthread_mutex_unlock(&lock);
	if (rc != 0) {
		job_free(j);
		errno = rc;
		return -1;
	}
	return num;
}

/* Frees a done thread job that was unlinked: joins it. Outside the lock. */
static void thread_job_finish(struct job *j)
{
	pthread_join(j->tid, NULL);
	if (j->free_arg)
		j->free_arg(j->arg);
	job_free(j);
}

static void finish(struct job *j)
{
	if (j->is_thread)
		thread_job_finish(j);
	else
		job_free(j);
}

static void deadline_in(struct timespec *ts, long ms)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_nsec += ms * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec += ts->tv_nsec / 1000000000L;
		ts->tv_nsec %= 1000000000L;
	}
}

int jobs_wait_pid(pid_t pid, bool (*interrupted)(void), struct sbuf *why)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	struct job *j = find_pid_locked(pid);
	if (!j) {
		int known_status = take_known_locked(pid);
		pthread_mutex_unlock(&lock);
		return known_status;
	}
	int num = j->num;
	int status = -1;
	for (;;) {
		j = find_locked(num);
		if (!j)
			break;      /* another waiter took it */
		job_poll(j);
		if (job_done(j)) {
			status = job_status(j);
			const struct member *last = j->n ? &j->m[j->n - 1] : NULL;
			if (why && last && last->pid > 0 && death_to_report(last->ws)) {
				sbuf_printf(why, "%s: ", j->cmd);
				death_text(why, last->ws);
			}
			unlink_locked(j);
			pthread_mutex_unlock(&lock);
			finish(j);
			return status;
		}
		if (j->stopped) {
			status = 128 + j->stop_sig;
			break;
		}
		/* a process to block on, or else threads to wait for in slices */
		pid_t wait_for = 0;
		for (size_t i = 0; i < j->n && !wait_for; i++)
			if (!j->m[i].done && j->m[i].pid > 0)
				wait_for = j->m[i].pid;
		if (wait_for) {
			pthread_mutex_unlock(&lock);
			int ws;
			pid_t r = waitpid(wait_for, &ws, WUNTRACED);
			int err = errno;
			pthread_mutex_lock(&lock);
			if (r == wait_for) {
				struct job *again = find_locked(num);
				for (size_t i = 0; again && i < again->n; i++)
					if (again->m[i].pid == wait_for && !again->m[i].done)
						member_record(again, &again->m[i], ws);
				continue;
			}
			if (r < 0 && err == EINTR && interrupted && interrupted()) {
				status = -2;
				break;
			}
			if (r < 0 && err == EINTR)
				continue;
			continue;   /* ECHILD: someone reaped it and recorded it */
		}
		struct timespec ts;
		deadline_in(&ts, WAIT_SLICE_MS);
		pthread_cond_timedwait(&thread_done, &lock, &ts);
		pthread_mutex_unlock(&lock);
		bool stop = interrupted && interrupted();
		pthread_mutex_lock(&lock);
		if (stop) {
			status = -2;
			break;
		}
	}
	pthread_mutex_unlock(&lock);
	return status;
}

int jobs_wait_all(bool (*interrupted)(void))
{
	pthread_once(&once, init_once);
	for (;;) {
		pid_t id = 0;          /* a job to wait for (negative: a thread job) */
		bool again = false;    /* a job without members was dropped */
		pthread_mutex_lock(&lock);
		for (struct job *j = jobs; j && !id && !again; j = j->next) {
			job_poll(j);
			if (j->stopped && !job_done(j))
				continue;   /* would never end on its own */
			id = j->is_thread ? -j->num : j->n ? j->m[0].pid : 0;
			if (!id) {
				unlink_locked(j);
				pthread_mutex_unlock(&lock);
				finish(j);
				pthread_mutex_lock(&lock);
				again = true;
			}
		}
		pthread_mutex_unlock(&lock);
		if (again)
			continue;
		if (id == 0)
			return 0;
		if (interrupted && interrupted())
			return -1;
		if (jobs_wait_pid(id, interrupted, NULL) == -2)
			return -1;
	}
}

/* --- specs --------------------------------------------------------------- */

int jobs_find(const char *spec, char *err, size_t errlen)
{
	pthread_once(&once, init_once);
	const char *s = spec[0] == '%' ? spec + 1 : spec;
	int found = 0;
	bool ambiguous = false;
	pthread_mutex_lock(&lock);
	struct job *cur, *prev;
	rank_locked(&cur, &prev);
	long n;
	if (*s == '\0' || strcmp(s, "%") == 0 || strcmp(s, "+") == 0) {
		found = cur ? cur->num : 0;
	} else if (strcmp(s, "-") == 0) {
		found = prev ? prev->num : cur ? cur->num : 0;
	} else if (*s >= '0' && *s <= '9') {
		if (parse_long(s, &n) && n >= 1 && n <= 0x7fffffff && find_locked((int)n))
			found = (int)n;
	} else {
		bool contains = *s == '?';
		const char *text = contains ? s + 1 : s;
		for (struct job *j = jobs; j; j = j->next) {
			bool match = contains ? strstr(j->cmd, text) != NULL
			                      : strncmp(j->cmd, text, strlen(text)) == 0;
			if (!match)
				continue;
			if (found)
				ambiguous = true;
			found = j->num;
		}
	}
	pthread_mutex_unlock(&lock);
	if (ambiguous) {
		snprintf(err, errlen, "%s: ambiguous job spec", spec);
		return 0;
	}
	if (!found)
		snprintf(err, errlen, "%s: no such job", spec);
	return found;
}

pid_t jobs_pid(int n)
{
	pthread_once(&once, init_once);
	pid_t pid = 0;
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	if (j)
		pid = j->is_thread ? -j->num : j->n ? j->m[0].pid : 0;
	pthread_mutex_unlock(&lock);
	return pid;
}

static bool stops(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

/* Signals that end a process by default (those a stopped job must be
 * continued to act on). */
static bool ends(int sig)
{
	return sig != 0 && !stops(sig) && sig != SIGCONT && sig != SIGCHLD && sig != SIGURG
#ifdef SIGWINCH
	       && sig != SIGWINCH
#endif
	    ;
}

static int signal_job_locked(struct job *j, int sig)
{
	int rc = 0;
	if (j->is_thread) {
		if (j->done)
			return ESRCH;
		if (sig != 0) {
			j->killed = sig;
			atomic_store(j->stop, true);
			/* out of a blocking read or wait; linked means not joined */
			if (j->started)
				pthread_kill(j->tid, signals_wake());
			/* and the program it waits for gets the signal too */
			if (jobgrp_kill(j->grp, sig) && ends(sig))
				jobgrp_kill(j->grp, SIGCONT);
		}
		return 0;
	}
	job_poll(j);   /* a stop not yet collected must get its SIGCONT below */
	pid_t pgid = j->grp ? jobgrp_pgid(j->grp) : 0;
	bool live_procs = false;
	for (size_t i = 0; i < j->n; i++)
		if (!j->m[i].done && j->m[i].pid > 0)
			live_procs = true;
	if (live_procs || (j->grp && jobgrp_live(j->grp) > 0)) {
		if (pgid > 0) {
			if (kill(-pgid, sig) != 0)
				rc = errno;
			else if (j->stopped && ends(sig))
				kill(-pgid, SIGCONT);
		} else {
			for (size_t i = 0; i < j->n; i++)
				if (!j->m[i].done && j->m[i].pid > 0) {
					if (kill(j->m[i].pid, sig) != 0)
						rc = errno;
					else if (j->stopped && ends(sig))
						kill(j->m[i].pid, SIGCONT);
				}
		}
	}
	bool threads = false;
	for (size_t i = 0; i < j->n; i++) {
		struct member *m = &j->m[i];
		if (m->done || m->pid > 0)
			continue;
		threads = true;
		if (ends(sig))
			m->ops->stop(m->t, sig);
	}
	if (threads && j->grp) {
		if (stops(sig)) {
			jobgrp_park(j->grp);
			if (!live_procs) {
				j->stopped = true;
				j->stop_sig = sig;
				j->shown = false;
			}
		} else if (sig == SIGCONT || ends(sig)) {
			jobgrp_unpark(j->grp);
			if (sig == SIGCONT)
				j->stopped = false;
		}
	}
	if (!live_procs && !threads && !job_done(j))
		rc = ESRCH;
	if (rc == 0 && (sig == SIGCONT || (j->stopped && ends(sig)))) {
		/* resumed now, so that a wait right after blocks until it ends */
		for (size_t i = 0; i < j->n; i++)
			j->m[i].stopped = false;
		j->stopped = false;
	}
	return rc;
}

int jobs_kill(int n, int sig)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	int rc = j ? signal_job_locked(j, sig) : ESRCH;
	pthread_mutex_unlock(&lock);
	return rc;
}

/* Moves the reported, finished job *pp to the list *finished, keeping its
 * status for wait. */
static void forget_locked(struct job **pp, struct job **finished)
{
	struct job *j = *pp;
	remember_locked(j);
	*pp = j->next;
	j->next = *finished;
	*finished = j;
}

/* Frees a list of unlinked jobs (outside the lock: threads are joined). */
static void finish_all(struct job *finished)
{
	while (finished) {
		struct job *j = finished;
		finished = j->next;
		finish(j);
	}
}

void jobs_list(struct strvec *out, const int *nums, size_t n, bool long_fmt, bool pids_only)
{
	pthread_once(&once, init_once);
	struct job *finished = NULL;
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next)
		job_poll(j);
	for (struct job **pp = &jobs; *pp;) {
		struct job *j = *pp;
		bool wanted = n == 0;
		for (size_t i = 0; i < n && !wanted; i++)
			wanted = nums[i] == j->num;
		if (!wanted) {
			pp = &j->next;
			continue;
		}
		if (pids_only) {
			if (j->is_thread)
				strvec_push(out, xasprintf("%%%d", j->num));
			else
				strvec_push(out, xasprintf("%ld", (long)job_pgid(j)));
		} else {
			strvec_push(out, job_line(j, mark_locked(j), long_fmt));
		}
		j->shown = true;
		if (job_done(j) && !pids_only) {
			/* POSIX: a finished job is forgotten once reported */
			forget_locked(pp, &finished);
			continue;
		}
		pp = &j->next;
	}
	pthread_mutex_unlock(&lock);
	finish_all(finished);
}

void jobs_reap(struct strvec *out)
{
	pthread_once(&once, init_once);
	struct job *finished = NULL;
	pthread_mutex_lock(&lock);
	for (struct job **pp = &disowned; *pp;) {
		struct job *j = *pp;
		job_poll(j);
		if (job_done(j)) {
			*pp = j->next;
			j->next = finished;
			finished = j;
		} else {
			pp = &j->next;
		}
	}
	for (struct job *j = jobs; j; j = j->next)
		job_poll(j);
	for (struct job **pp = &jobs; *pp;) {
		struct job *j = *pp;
		if (!out) {
			pp = &j->next;
			continue;
		}
		if (!j->shown) {
			strvec_push(out, job_line(j, mark_locked(j), false));
			j->shown = true;
		}
		if (job_done(j)) {
			forget_locked(pp, &finished);
			continue;
		}
		pp = &j->next;
	}
	pthread_mutex_unlock(&lock);
	finish_all(finished);
}

int jobs_disown(int n, bool nohup)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	if (!j) {
		pthread_mutex_unlock(&lock);
		return -1;
	}
	bool threads = j->is_thread && !j->done;
	for (size_t i = 0; i < j->n; i++)
		if (j->m[i].pid <= 0 && !j->m[i].done)
			threads = true;
	if (nohup || threads) {
		/* threads are the shell's: such a job cannot leave it; it only
		 * stops getting SIGHUP */
		j->nohup = true;
		pthread_mutex_unlock(&lock);
		return nohup ? 0 : -2;
	}
	/* the processes go on, no longer jobs; they are still reaped */
	unlink_locked(j);
	j->next = disowned;
	disowned = j;
	pthread_mutex_unlock(&lock);
	return 0;
}

void jobs_numbers(struct strvec *out, bool running_only)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next) {
		job_poll(j);
		if (!running_only || (!j->stopped && !job_done(j)))
			strvec_push(out, xasprintf("%%%d", j->num));
	}
	pthread_mutex_unlock(&lock);
}

bool jobs_any_stopped(void)
{
	pthread_once(&once, init_once);
	bool any = false;
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next) {
		job_poll(j);
		if (j->stopped && !job_done(j))
			any = true;
	}
	pthread_mutex_unlock(&lock);
	return any;
}

void jobs_hangup(bool stopped_only)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next)
		if (!j->nohup && !job_done(j) && (!stopped_only || j->stopped))
			signal_job_locked(j, SIGHUP);
	pthread_mutex_unlock(&lock);
}

/* --- foreground ------------------------------------------------------------ */

struct job *jobs_fg_new(struct jobgrp *g, struct unit *unit, const char *cmd)
{
	struct job *j = job_new(g, cmd);
	j->unit = unit ? unit_ref(unit) : NULL;
	return j;
}

void jobs_fg_add_proc(struct job *j, pid_t pid)
{
	member_add(j, (struct member){ .pid = pid });
}

void jobs_fg_add_thread(struct job *j, void *t, const struct job_thread_ops *ops)
{
	member_add(j, (struct member){ .t = t, .ops = ops });
}

void jobs_fg_add_status(struct job *j, int status)
{
	member_add(j, (struct member){ .status = status, .done = true });
}

static void print_err(struct stage *st, const char *line)
{
	io_puts(st, 2, line);
	io_puts(st, 2, "\n");
	io_flush(st);
}

/* Stops what remains of j after Ctrl-C: its thread stages end. */
static void interrupt_threads(struct job *j)
{
	for (size_t i = 0; i < j->n; i++)
		if (!j->m[i].done && j->m[i].pid <= 0)
			j->m[i].ops->stop(j->m[i].t, SIGINT);
	if (j->grp)
		jobgrp_unpark(j->grp);
}

int jobs_fg_wait(struct stage *st, struct job *j, int *statuses)
{
	pthread_once(&once, init_once);
	int stop_sig = 0;
	bool interrupting = false;
	bool has_threads = false;
	for (size_t i = 0; i < j->n; i++)
		if (j->m[i].pid <= 0 && !j->m[i].done)
			has_threads = true;
	signals_take_tstp();   /* a Ctrl-Z typed before the job started */
	for (;;) {
		jobctl_wake_drain();
		job_poll(j);
		if (job_done(j))
			break;
		bool running_procs = false;
		for (size_t i = 0; i < j->n; i++)
			if (!j->m[i].done && j->m[i].pid > 0 && !j->m[i].stopped)
				running_procs = true;
		int s = j->grp ? jobgrp_take_stop(j->grp) : 0;
		if (s)
			stop_sig = s;
		for (size_t i = 0; i < j->n; i++)
			if (!j->m[i].done && j->m[i].pid > 0 && j->m[i].stopped)
				stop_sig = stop_sig ? stop_sig : j->stop_sig;
		if (signals_take_tstp() && has_threads && !interrupting) {
			/* Ctrl-Z reached the shell: the terminal was the shell's,
			 * the job's processes (if any) did not get it */
			stop_sig = SIGTSTP;
			jobgrp_kill(j->grp, SIGTSTP);
		}
		if (stop_sig && !running_procs && !interrupting)
			goto stopped;
		if (!interrupting) {
			bool by_child = j->grp && jobgrp_take_interrupt(j->grp);
			if (by_child || signals_interrupt_pending()) {
				interrupting = true;
				stop_sig = 0;
				if (!by_child) {
					jobgrp_kill(j->grp, SIGINT);
				} else {
					signals_note(SIGINT);   /* the command line ends too */
				}
				interrupt_threads(j);
			}
		}
		jobctl_wake_wait();
	}
	/* ended */
	for (size_t i = 0; i < j->n; i++)
		statuses[i] = j->m[i].status;
	if (!interrupting) {
		/* a process that Ctrl-C ended between two looks: the shell
		 * acts on it as on its own SIGINT, and the command line ends */
		for (size_t i = 0; i < j->n && !interrupting; i++)
			if (j->m[i].pid > 0 && WIFSIGNALED(j->m[i].ws) &&
			    WTERMSIG(j->m[i].ws) == SIGINT)
				interrupting = true;
		if (interrupting)
			signals_note(SIGINT);
	}
	jobctl_give_terminal(0);
	bool by_signal = false;
	for (size_t i = 0; i < j->n; i++)
		if (j->m[i].pid > 0 && WIFSIGNALED(j->m[i].ws))
			by_signal = true;
	if (by_signal)
		jobctl_shell_modes_restore();
	else
		jobctl_shell_modes_save();
	const struct member *last = j->n ? &j->m[j->n - 1] : NULL;
	if (interrupting && state_opt(OPT_INTERACTIVE))
		print_err(st, "");   /* the next prompt on a line of its own, after ^C */
	if (last && last->pid > 0 && death_to_report(last->ws)) {
		if (state_opt(OPT_INTERACTIVE)) {
			struct sbuf b = SBUF_INIT;
			death_text(&b, last->ws);
			print_err(st, sbuf_str(&b));
			sbuf_free(&b);
		} else {
			jobs_report_death(st, j->cmd, last->ws);   /* set -m in a script */
		}
	}
	job_free(j);
	return 0;
stopped:
	if (j->grp)
		jobgrp_park(j->grp);
	j->stopped = true;
	j->stop_sig = stop_sig;
	for (size_t i = 0; i < j->n; i++)
		statuses[i] = j->m[i].done ? j->m[i].status : 128 + stop_sig;
	jobctl_give_terminal(0);
	if (!j->modes)
		j->modes = jobctl_modes_new();
	jobctl_modes_save(j->modes);
	jobctl_shell_modes_restore();
	if (j->grp)
		jobgrp_set_foreground(j->grp, false);
	pthread_mutex_lock(&lock);
	insert_locked(j, j->num);
	char *line = job_line(j, mark_locked(j), false);
	j->shown = true;
	pthread_mutex_unlock(&lock);
	if (state_opt(OPT_INTERACTIVE))
		io_puts(st, 2, "\n");
	print_err(st, line);
	free(line);
	return stop_sig;
}

/* Takes job n out of the table for fg (NULL when none). */
static struct job *take(int n)
{
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	if (j)
		unlink_locked(j);
	pthread_mutex_unlock(&lock);
	return j;
}

static bool one_slice(void)
{
	return true;
}

/* fg of a thread job: the programs it runs get the terminal. Ctrl-C stops
 * the thread, as it would end a subshell; Ctrl-Z gives the terminal back to
 * the shell and leaves the job running in the background (a thread of the
 * shell cannot be stopped). */
static int foreground_thread(struct stage *st, int n)
{
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	struct jobgrp *g = j ? jobgrp_ref(j->grp) : NULL;
	pthread_mutex_unlock(&lock);
	if (g) {
		jobgrp_set_foreground(g, true);
		pid_t pg = jobgrp_pgid(g);
		if (pg > 0 && jobgrp_live(g) > 0) {
			jobctl_give_terminal(pg);
			kill(-pg, SIGCONT);   /* a program stopped reading the terminal */
		}
	}
	signals_take_tstp();   /* a Ctrl-Z typed before fg */
	bool asked = false;
	int status;
	while ((status = jobs_wait_pid(-n, one_slice, NULL)) == -2) {
		bool by_child = g && jobgrp_take_interrupt(g);
		if (!asked && (by_child || signals_interrupt_pending())) {
			if (by_child)
				signals_note(SIGINT);   /* the command line ends too */
			jobs_kill(n, SIGINT);
			asked = true;
		}
		bool stopped = (g && jobgrp_take_stop(g)) || signals_take_tstp();
		if (stopped && !asked) {
			jobgrp_kill(g, SIGCONT);
			break;
		}
	}
	if (g) {
		jobgrp_set_foreground(g, false);
		jobctl_give_terminal(0);
		jobgrp_unref(g);
	}
	if (status != -2)
		return status < 0 ? 127 : status;
	pthread_mutex_lock(&lock);
	j = find_locked(n);
	char *line = j ? xasprintf("[%d]%c %s &", j->num, mark_locked(j), j->cmd) : NULL;
	pthread_mutex_unlock(&lock);
	if (line) {
		io_puts(st, 2, "\n");
		print_err(st, line);
		free(line);
	}
	return 128 + SIGTSTP;
}

int jobs_foreground(struct stage *st, int n)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	bool thread_job = j && j->is_thread;
	char *cmd = j ? xstrdup(j->cmd) : NULL;
	pthread_mutex_unlock(&lock);
	if (!cmd)
		return -1;
	io_puts(st, 1, cmd);
	io_puts(st, 1, "\n");
	io_flush(st);
	free(cmd);
	if (thread_job)
		return foreground_thread(st, n);
	j = take(n);
	if (!j)
		return -1;
	bool was_stopped = j->stopped;
	if (j->grp) {
		jobgrp_set_foreground(j->grp, true);
		pid_t pg = jobgrp_pgid(j->grp);
		if (pg > 0 && jobgrp_live(j->grp) > 0) {
			jobctl_give_terminal(pg);
			if (j->modes)
				jobctl_modes_restore(j->modes);
			if (was_stopped)
				kill(-pg, SIGCONT);
		}
		jobgrp_unpark(j->grp);
	} else if (was_stopped) {
		for (size_t i = 0; i < j->n; i++)
			if (!j->m[i].done && j->m[i].pid > 0)
				kill(j->m[i].pid, SIGCONT);
	}
	for (size_t i = 0; i < j->n; i++)
		j->m[i].stopped = false;
	j->stopped = false;
	int *statuses = xcalloc(j->n ? j->n : 1, sizeof *statuses);
	size_t count = j->n;
	bool pipefail = state_opt(OPT_PIPEFAIL);
	int sig = jobs_fg_wait(st, j, statuses);
	int status = count ? statuses[count - 1] : 0;
	if (pipefail)
		for (size_t i = count; i-- > 0;)
			if (statuses[i] != 0) {
				status = statuses[i];
				break;
			}
	free(statuses);
	return sig ? 128 + sig : status;
}

int jobs_background(struct stage *st, int n)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	struct job *j = find_locked(n);
	if (!j) {
		pthread_mutex_unlock(&lock);
		return -1;
	}
	job_poll(j);
	if (!j->stopped || j->is_thread) {
		pthread_mutex_unlock(&lock);
		stage_error(st, "bg: job %d already in background", n);
		return 0;
	}
	if (j->grp)
		jobgrp_set_foreground(j->grp, false);
	signal_job_locked(j, SIGCONT);
	for (size_t i = 0; i < j->n; i++)
		j->m[i].stopped = false;
	j->stopped = false;
	j->seq = ++seq_counter;
	j->shown = true;
	char *line = xasprintf("[%d]%c %s &", j->num, mark_locked(j), j->cmd);
	pthread_mutex_unlock(&lock);
	io_puts(st, 1, line);
	io_puts(st, 1, "\n");
	free(line);
	return 0;
}
