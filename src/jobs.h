/* jobs.h: the table of background jobs ($!, wait, jobs, kill %N) */
#ifndef CONCH_JOBS_H
#define CONCH_JOBS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#include "util.h"

/* Records a background process; returns its job number. Takes the jobs lock
 * (a leaf lock). cmd is copied. */
int jobs_add(pid_t pid, const char *cmd);
/* Waits for the job owning pid (which must be a job; a thread job's id is
 * negative and its thread is joined); returns its status,
 * or -1 when pid is not a known job (127 for wait), or -2 when a signal
 * interrupted the wait and interrupted() says so (the job stays). The job is
 * removed once reaped. */
int jobs_wait_pid(pid_t pid, bool (*interrupted)(void));
/* Waits for every job; returns 0 (or 128+sig if interrupted: -1). */
int jobs_wait_all(bool (*interrupted)(void));
/* A thread job (the thread builtin): runs body(arg) on a new thread with
 * every signal blocked; body's return value is the job's status. The job's
 * id is -N (N its job number): use it where a pid is taken below, and as $!
 * (which shows it as %N). stop is the body's stage stop flag, set by
 * jobs_kill_thread; it and arg stay valid until free_arg(arg), which runs
 * after the thread is joined (by wait or jobs_reap). Returns the job number,
 * or -1 with errno when no thread could be started (arg is then the
 * caller's). Takes the jobs lock. */
int jobs_add_thread(int (*body)(void *arg), void *arg, void (*free_arg)(void *arg),
                    atomic_bool *stop, const char *cmd);
/* Asks a running thread job (id -N) to stop: sets its stop flag and wakes
 * it from a blocking call (signals_wake), and its status becomes 128+sig. sig 0 only checks that it runs. Returns 0, or
 * ESRCH when there is no such running thread job. */
int jobs_kill_thread(pid_t id, int sig);
/* Pid of job %n (n >= 1), %% / %+ (n == 0: the newest); a thread job's id
 * (-N); 0 when none. */
pid_t jobs_pid(int n);
/* Reaps finished jobs without blocking; appends "[n] Done cmd" lines to out
 * when out is not NULL. */
void jobs_reap(struct strvec *out);
/* Lines for the jobs builtin: "[n]  Running cmd" / "[n]  Done cmd". */
void jobs_list(struct strvec *out);

#endif
