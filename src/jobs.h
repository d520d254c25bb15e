/* jobs.h: the table of background jobs ($!, wait, jobs, kill %N) */
#ifndef CONCH_JOBS_H
#define CONCH_JOBS_H

#include <stdbool.h>
#include <sys/types.h>

#include "util.h"

/* Records a background process; returns its job number. Takes the jobs lock
 * (a leaf lock). cmd is copied. */
int jobs_add(pid_t pid, const char *cmd);
/* Waits for the job owning pid (which must be a job); returns its status,
 * or -1 when pid is not a known job (127 for wait). The job is removed. */
int jobs_wait_pid(pid_t pid);
/* Waits for every job; returns 0 (or 128+sig if interrupted: -1). */
int jobs_wait_all(bool (*interrupted)(void));
/* Pid of job %n (n >= 1), %% / %+ (n == 0: the newest); -1 when none. */
pid_t jobs_pid(int n);
/* Reaps finished jobs without blocking; appends "[n] Done cmd" lines to out
 * when out is not NULL. */
void jobs_reap(struct strvec *out);
/* Lines for the jobs builtin: "[n]  Running cmd" / "[n]  Done cmd". */
void jobs_list(struct strvec *out);

#endif
