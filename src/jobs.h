/* jobs.h: the job table ($!, wait, jobs, fg, bg, kill %N) and waiting for foreground jobs */
#ifndef CONCH_JOBS_H
#define CONCH_JOBS_H

#include <stdatomic.h>
#include <stdbool.h>
#include <sys/types.h>

#include "util.h"

struct jobgrp;
struct stage;

/* A thread stage of a job, owned by pipeline.c and handed to the job. */
struct job_thread_ops {
	bool (*done)(void *t, int *status);   /* finished? (does not block) */
	void (*stop)(void *t, int sig);       /* asks it to end with 128+sig */
	void (*release)(void *t);             /* joins and frees it (when done) */
};

/* --- background jobs ---------------------------------------------------- */

/* Records a background process (a job of one process, in g's process group
 * when g is not NULL: a reference is taken); returns its job number. Takes
 * the jobs lock (a leaf lock). cmd is copied. */
int jobs_add(pid_t pid, struct jobgrp *g, const char *cmd);
/* Waits for the job owning pid (a process of a job, or a thread job's id
 * -N); returns its status (128+sig at once when the job is stopped), -1
 * when pid is not a known job (127 for wait), or -2 when a signal
 * interrupted the wait and interrupted() says so (the job stays). The job is
 * removed once it has ended. When it ended by a signal other than SIGINT
 * or SIGPIPE and why is not NULL, "TEXT: Killed" is appended to why. */
int jobs_wait_pid(pid_t pid, bool (*interrupted)(void), struct sbuf *why);
/* When ws is a death by a signal other than SIGINT or SIGPIPE, prints
 * "NAME: Segmentation fault (core dumped)" as an error of st, as dash does
 * after a foreground command. */
void jobs_report_death(struct stage *st, const char *name, int ws);
/* Waits for every running job; returns 0 (or -1 if interrupted). */
int jobs_wait_all(bool (*interrupted)(void));
/* A thread job (the thread builtin): runs body(arg) on a new thread with
 * every signal blocked; body's return value is the job's status. The job's
 * id is -N (N its job number): use it where a pid is taken below, and as $!
 * (which shows it as %N). stop is the body's stage stop flag, set by
 * jobs_kill; it and arg stay valid until free_arg(arg), which runs after
 * the thread is joined (by wait or jobs_reap). Returns the job number, or -1
 * with errno when no thread could be started (arg is then the caller's).
 * g (may be NULL) is the process group of the programs the thread runs: the
 * job takes a reference, and kill and fg act on the group too.
 * Takes the jobs lock. */
int jobs_add_thread(int (*body)(void *arg), void *arg, void (*free_arg)(void *arg),
                    atomic_bool *stop, struct jobgrp *g, const char *cmd);

/* --- job specs and the builtins ---------------------------------------- */

/* The job a spec names: %N, %+, %%, %, %-, %NAME (the command starts with
 * NAME), %?TEXT (the command contains TEXT). Returns the job number, or 0
 * with a message in err ("%x: no such job", "...: ambiguous job spec"). */
int jobs_find(const char *spec, char *err, size_t errlen);
/* Pid for $!-like uses of job n: its first process, a thread job's -N,
 * 0 when there is no such job. */
pid_t jobs_pid(int n);
/* Sends sig to job n: to its process group (or processes), and asks its
 * thread stages (or the thread job) to end with 128+sig; a stopped job
 * also gets SIGCONT after a signal that ends it (TERM, HUP, INT...).
 * SIGSTOP/SIGTSTP stop it as Ctrl-Z would. Returns 0 or an errno value. */
int jobs_kill(int n, int sig);
/* Lines for the jobs builtin, one job each, in bash's format:
 * "[1]+  Stopped                 sleep 100"; long adds the process group
 * id, pids_only prints only it. nums (n of them; all jobs when n is 0)
 * selects. Reports the changes it shows (they are not reported again). */
void jobs_list(struct strvec *out, const int *nums, size_t n, bool long_fmt, bool pids_only);
/* Reaps what ended or stopped without blocking; appends the lines of jobs
 * whose state changed since they were last shown (not yet shown, unless
 * out is NULL) and forgets the jobs that ended. */
void jobs_reap(struct strvec *out);
/* Removes job n from the table (disown); with nohup it stays but gets no
 * SIGHUP when the shell hangs up. Returns 0, or -1 when there is none. */
int jobs_disown(int n, bool nohup);
/* Job numbers of the table (for disown -a, -r): running_only skips
 * stopped ones. */
void jobs_numbers(struct strvec *out, bool running_only);
/* True when some job is stopped. */
bool jobs_any_stopped(void);
/* The shell hangs up (or exits, stopped_only): SIGHUP, and SIGCONT to a
 * stopped job, to every job not marked nohup. */
void jobs_hangup(bool stopped_only);

/* Continues job n: in the background (bg: prints "[n]+ cmd &"), or in the
 * foreground (fg: prints its command, gives it the terminal and waits for
 * it on the main thread; returns its status, 128+sig if it stops again).
 * Returns -1 when there is no such job. */
int jobs_background(struct stage *st, int n);
int jobs_foreground(struct stage *st, int n);

/* --- foreground jobs (main thread, job control on) --------------------- */

struct job;
/* A foreground job being started, in process group g, running code of
 * unit (references are taken on both; unit may be NULL). cmd is copied. */
struct unit;
struct job *jobs_fg_new(struct jobgrp *g, struct unit *unit, const char *cmd);
/* Members, in pipeline order: a process, a thread stage, or a stage that
 * never started (its status). */
void jobs_fg_add_proc(struct job *j, pid_t pid);
void jobs_fg_add_thread(struct job *j, void *t, const struct job_thread_ops *ops);
void jobs_fg_add_status(struct job *j, int status);
/* Waits for it. statuses[i] receives member i's status. When the job
 * ends, it is freed and 0 is returned; when it stops, it enters the table
 * (its line is printed on st's fd 2) and the stopping signal is returned,
 * statuses being 128+sig for the members that did not end. Ctrl-C reaching
 * the job (a process of it killed by SIGINT, or SIGINT to the shell) asks
 * its thread stages to end and is passed on to the shell (signals). */
int jobs_fg_wait(struct stage *st, struct job *j, int *statuses);

#endif
