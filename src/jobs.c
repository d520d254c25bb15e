/* jobs.c: the table of background jobs ($!, wait, jobs, kill %N) */

/*
 * DESIGN
 * A list of background processes guarded by `lock` (a leaf: never held with
 * another lock, nor across a blocking wait). Each job is reaped only by
 * waitpid on its own pid, never waitpid(-1): other threads wait for their
 * own children at the same time.
 */

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "jobs.h"
#include "spawn.h"

struct job {
	int num;
	pid_t pid;
	char *cmd;
	bool done;
	int status;
	struct job *next;
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct job *jobs;    /* ordered by number */

int jobs_add(pid_t pid, const char *cmd)
{
	struct job *j = xcalloc(1, sizeof *j);
	j->pid = pid;
	j->cmd = xstrdup(cmd ? cmd : "");
	pthread_mutex_lock(&lock);
	int num = 1;
	struct job **pp = &jobs;
	while (*pp && (*pp)->num == num) {
		num++;
		pp = &(*pp)->next;
	}
	j->num = num;
	j->next = *pp;
	*pp = j;
	pthread_mutex_unlock(&lock);
	return num;
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

int jobs_wait_pid(pid_t pid)
{
	pthread_mutex_lock(&lock);
	struct job *j = NULL;
	for (j = jobs; j && j->pid != pid; j = j->next)
		;
	bool known = j != NULL, done = j && j->done;
	int status = j ? j->status : 0;
	pthread_mutex_unlock(&lock);
	if (!known)
		return -1;
	if (!done)
		status = spawn_wait(pid);
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
		jobs_wait_pid(pid);
	}
}

pid_t jobs_pid(int n)
{
	pid_t pid = -1;
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next)
		if (n == 0 || j->num == n)
			pid = j->pid;   /* n == 0: keeps the last (newest number) */
	pthread_mutex_unlock(&lock);
	return pid;
}

void jobs_reap(struct strvec *out)
{
	pthread_mutex_lock(&lock);
	for (struct job **pp = &jobs; *pp;) {
		struct job *j = *pp;
		int ws;
		if (!j->done && waitpid(j->pid, &ws, WNOHANG) == j->pid) {
			j->done = true;
			j->status = spawn_status(ws);
		}
		if (j->done && out) {
			strvec_push(out, xasprintf("[%d]   Done%s%s", j->num, *j->cmd ? "   " : "", j->cmd));
			*pp = j->next;
			job_free(j);
			continue;
		}
		pp = &j->next;
	}
	pthread_mutex_unlock(&lock);
}

void jobs_list(struct strvec *out)
{
	pthread_mutex_lock(&lock);
	for (struct job *j = jobs; j; j = j->next) {
		int ws;
		if (!j->done && waitpid(j->pid, &ws, WNOHANG) == j->pid) {
			j->done = true;
			j->status = spawn_status(ws);
		}
		strvec_push(out, xasprintf("[%d]   %s   %s", j->num, j->done ? "Done" : "Running", j->cmd));
	}
	pthread_mutex_unlock(&lock);
}
