/* jobs.c: the table of background jobs ($!, wait, jobs, kill %N) */

/*
 * DESIGN
 * A list of background jobs guarded by `lock` (a leaf: never held with
 * another lock, nor across a blocking wait except inside
 * pthread_cond_timedwait, which releases it). A job is a process or a thread.
 *
 * Processes are reaped only by waitpid on their own pid, never waitpid(-1):
 * other threads wait for their own children at the same time.
 *
 * Thread jobs (the thread builtin) are keyed by pid == -num, never a real
 * pid, so no waitpid or kill(2) may ever see them (waitpid(-N) would wait for
 * a process group). Their thread sets done and status under the lock and
 * broadcasts `thread_done`; whoever unlinks a done job from the list joins
 * the thread (outside the lock: it is only returning) and frees its argument.
 * A waiter never keeps a job pointer across a wait, it looks the job up
 * again: another waiter may have taken it meanwhile.
 *
 * fork: pthread_atfork takes the lock before fork; the child releases it
 * and drops the thread jobs (their threads do not exist in the child).
 */

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "jobs.h"
#include "signals.h"
#include "spawn.h"

enum { WAIT_SLICE_MS = 50 };

struct job {
	int num;
	pid_t pid;              /* > 0 a process; -num a thread job */
	char *cmd;
	bool done;
	int status;
	/* thread jobs only */
	bool is_thread;
	bool started;           /* tid is valid (pthread_create returned) */
	pthread_t tid;
	int killed;             /* signal number of a jobs_kill_thread, or 0 */
	int (*body)(void *arg);
	void *arg;
	void (*free_arg)(void *arg);
	atomic_bool *stop;      /* the body's stop flag; valid until free_arg */
	struct job *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t thread_done;    /* initialised by init_once */
static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct job *jobs;    /* ordered by number */

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

/* Inserts j with the lowest free number; sets j->num. */
static void insert_locked(struct job *j)
{
	int num = 1;
	struct job **pp = &jobs;
	while (*pp && (*pp)->num == num) {
		num++;
		pp = &(*pp)->next;
	}
	j->num = num;
	if (j->is_thread)
		j->pid = -num;
	j->next = *pp;
	*pp = j;
}

int jobs_add(pid_t pid, const char *cmd)
{
	pthread_once(&once, init_once);
	struct job *j = xcalloc(1, sizeof *j);
	j->pid = pid;
	j->cmd = xstrdup(cmd ? cmd : "");
	pthread_mutex_lock(&lock);
	insert_locked(j);
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
	pthread_cond_broadcast(&thread_done);
	pthread_mutex_unlock(&lock);
	return NULL;
}

static struct job *take_locked(pid_t pid);

int jobs_add_thread(int (*body)(void *arg), void *arg, void (*free_arg)(void *arg),
                    atomic_bool *stop, const char *cmd)
{
	pthread_once(&once, init_once);
	struct job *j = xcalloc(1, sizeof *j);
	j->is_thread = true;
	j->cmd = xstrdup(cmd ? cmd : "");
	j->body = body;
	j->arg = arg;
	j->free_arg = free_arg;
	j->stop = stop;
	pthread_mutex_lock(&lock);
	insert_locked(j);
	int num = j->num;
	pthread_mutex_unlock(&lock);

	pthread_attr_t attr;
	sigset_t all;
	pthread_t tid;
	pthread_attr_init(&attr);
	sigfillset(&all);
	sigdelset(&all, signals_wake());           /* signals: main thread only, */
	pthread_attr_setsigmask_np(&attr, &all);   /* but jobs_kill_thread wakes it */
	int rc = pthread_create(&tid, &attr, thread_main, j);
	pthread_attr_destroy(&attr);

	pthread_mutex_lock(&lock);
	if (rc == 0) {
		j->tid = tid;
		j->started = true;
		pthread_cond_broadcast(&thread_done);
	} else {
		take_locked(j->pid);
	}
	pthread_mutex_unlock(&lock);
	if (rc != 0) {
		free(j->cmd);
		free(j);
		errno = rc;
		return -1;
	}
	return num;
}

/* Joins a done thread job that was unlinked, frees it. Outside the lock. */
static void thread_job_finish(struct job *j)
{
	pthread_join(j->tid, NULL);
	if (j->free_arg)
		j->free_arg(j->arg);
	free(j->cmd);
	free(j);
}

int jobs_kill_thread(pid_t id, int sig)
{
	pthread_once(&once, init_once);
	int rc = ESRCH;
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next)
		if (j->pid == id && j->is_thread) {
			if (!j->done) {
				rc = 0;
				if (sig != 0) {
					j->killed = sig;
					atomic_store(j->stop, true);
					/* out of a blocking read or wait; linked means
					 * not joined, so tid is still valid */
					if (j->started)
						pthread_kill(j->tid, signals_wake());
				}
			}
			break;
		}
	pthread_mutex_unlock(&lock);
	return rc;
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

/* jobs_wait_pid for a thread job (id < 0). */
static int wait_thread(pid_t id, bool (*interrupted)(void))
{
	int status = -1;
	pthread_mutex_lock(&lock);
	for (;;) {
		struct job *j;
		for (j = jobs; j && j->pid != id; j = j->next)
			;
		if (!j)
			break;     /* not a job, or another waiter took it */
		if (j->done && j->started) {
			status = j->status;
			take_locked(id);
			pthread_mutex_unlock(&lock);
			thread_job_finish(j);
			return status;
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

static struct job *take_locked(pid_t pid)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next)
		if ((*pp)->pid == pid) {
			struct job *j = *pp;
			*pp = j->next;
			return j;
		}
	return NULL;
}

static void job_free(struct job *j)
{
	free(j->cmd);
	free(j);
}

int jobs_wait_pid(pid_t pid, bool (*interrupted)(void))
{
	pthread_once(&once, init_once);
	if (pid < 0)
		return wait_thread(pid, interrupted);
	pthread_mutex_lock(&lock);
	struct job *j = NULL;
	for (j = jobs; j && j->pid != pid; j = j->next)
		;
	bool known = j != NULL, done = j && j->done;
	int status = j ? j->status : 0;
	pthread_mutex_unlock(&lock);
	if (!known)
		return -1;
	while (!done) {
		int ws;
		if (waitpid(pid, &ws, 0) == pid) {
			status = spawn_status(ws);
			break;
		}
		if (errno != EINTR) {
			status = 127;
			break;
		}
		if (interrupted && interrupted())
			return -2;
	}
	pthread_mutex_lock(&lock);
	j = take_locked(pid);
	pthread_mutex_unlock(&lock);
	if (j)
		job_free(j);
	return status;
}

int jobs_wait_all(bool (*interrupted)(void))
{
	for (;;) {
		pthread_mutex_lock(&lock);
		pid_t pid = jobs ? jobs->pid : 0;
		pthread_mutex_unlock(&lock);
		if (!pid)
			return 0;
		if (interrupted && interrupted())
			return -1;
		if (jobs_wait_pid(pid, interrupted) == -2)
			return -1;
	}
}

pid_t jobs_pid(int n)
{
	pid_t pid = 0;
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next)
		if (n == 0 || j->num == n)
			pid = j->pid;   /* n == 0: keeps the last (newest number) */
	pthread_mutex_unlock(&lock);
	return pid;
}

/* Notes a finished process job (never a thread job: waitpid of a negative
 * id would wait for a process group). */
static void poll_locked(struct job *j)
{
	int ws;
	if (!j->done && !j->is_thread && waitpid(j->pid, &ws, WNOHANG) == j->pid) {
		j->done = true;
		j->status = spawn_status(ws);
	}
}

void jobs_reap(struct strvec *out)
{
	pthread_once(&once, init_once);
	struct job *finished = NULL;   /* thread jobs to join after unlocking */
	pthread_mutex_lock(&lock);
	for (struct job **pp = &jobs; *pp;) {
		struct job *j = *pp;
		poll_locked(j);
		if (j->done && out && (!j->is_thread || j->started)) {
			strvec_push(out, xasprintf("[%d]   Done%s%s", j->num, *j->cmd ? "   " : "", j->cmd));
			*pp = j->next;
			if (j->is_thread) {
				j->next = finished;
				finished = j;
			} else {
				job_free(j);
			}
			continue;
		}
		pp = &j->next;
	}
	pthread_mutex_unlock(&lock);
	while (finished) {
		struct job *j = finished;
		finished = j->next;
		thread_job_finish(j);
	}
}

void jobs_list(struct strvec *out)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next) {
		poll_locked(j);
		strvec_push(out, xasprintf("[%d]   %s   %s", j->num, j->done ? "Done" : "Running", j->cmd));
	}
	pthread_mutex_unlock(&lock);
}
