/* jobctl.h: job control: process groups, the terminal, and parking thread stages */
#ifndef CONCH_JOBCTL_H
#define CONCH_JOBCTL_H

/*
 * DESIGN
 * Under `set -m` (on by default in an interactive shell) every job gets a
 * process group of its own, described by a `struct jobgrp`. The stages of a
 * job (its threads, and the threads' own children) all point at it
 * (stage->grp), so every process any of them starts joins the job's group:
 * the first one creates it (setpgid(0, 0)), the others join it; when the
 * group has died meanwhile (its last process was reaped), the next one
 * creates a new one. A foreground job's processes take the terminal
 * (tcsetpgrp in the child, before exec), and when the last of them is
 * reaped while thread stages still run, the shell takes the terminal back,
 * so that Ctrl-C and Ctrl-Z reach the shell for them.
 *
 * Stopping: the kernel stops the processes (Ctrl-Z sends SIGTSTP to the
 * terminal's foreground group, which is the job's or the shell's). A stage
 * that reaps a process of a job reports stops and SIGINT deaths to the group
 * (jobgrp_note), which wakes the shell's main thread (the wake pipe; SIGCHLD
 * and the shell's own SIGTSTP handler write to it too). When the main thread
 * decides that a job stopped, it parks the job's thread stages: each one
 * waits at its next command boundary (jobgrp_park_point) until `fg` or `bg`
 * lets it go on, or it is asked to stop.
 *
 * Lock: each group's mutex is a leaf lock, taken under the jobs table's
 * lock (a reaped process is noted to its group). It is never held across a
 * fork, whose atfork handlers take other modules' locks. Instead a spawn
 * in flight is counted (pending): the terminal comes back to the shell only
 * when no process of the group is alive and none is being started, and
 * the spawn that creates the group makes the others wait until it has a
 * pgid. When the group dies while a joining process is being started, the
 * child and the parent both make it the leader of a new group.
 */

#include <stdbool.h>
#include <sys/types.h>

struct jobgrp;
struct stage;

/* What a child does first, before exec or before running shell code. */
struct jobgrp_child {
	bool active;     /* false: nothing to do */
	pid_t pgid;      /* group to join; 0: create one */
	bool take_tty;   /* foreground: make the group the terminal's */
	int tty;         /* the terminal's fd */
};

/* Brings job control in line with `set -m` (called before each job starts,
 * main thread only). Turning it on in a shell with a terminal puts the shell
 * in a process group of its own, in the foreground, and makes it ignore
 * SIGTTIN and SIGTTOU and catch SIGTSTP for itself. Returns whether job
 * control is on. */
bool jobctl_sync(void);
/* Whether job control is on (any thread). */
bool jobctl_on(void);
/* True when the code of st starts jobs of the shell's own: job control is
 * on, st runs on the main thread, in no job yet, and not inside a command
 * substitution. Main thread only. */
bool jobctl_starts_jobs(const struct stage *st);
/* In a forked subshell: job control is the parent's business. */
void jobctl_child_reset(void);

/* Gives the terminal to pgid (the shell's own group when pgid is 0). */
void jobctl_give_terminal(pid_t pgid);
/* Saves the terminal's modes into *buf (an opaque struct termios holder;
 * jobctl_modes_new allocates one, free() frees it); restores them. */
void *jobctl_modes_new(void);
void jobctl_modes_save(void *modes);
void jobctl_modes_restore(const void *modes);
/* The shell's own modes: saved when job control starts and after each
 * foreground job that ended normally; restored after a job stopped or was
 * killed by a signal. */
void jobctl_shell_modes_save(void);
void jobctl_shell_modes_restore(void);

/* The wake pipe: the main thread waits for it when it waits for a
 * foreground job. Any thread (and signal handlers) may wake it. */
void jobctl_wake(void);
/* Empties the pipe (before looking at what changed), then waits until it is
 * written or a signal arrives. */
void jobctl_wake_drain(void);
void jobctl_wake_wait(void);
/* The pipe's read end, to poll with other fds; -1 without job control. */
int jobctl_wake_fd(void);

struct jobgrp *jobgrp_new(bool foreground);
struct jobgrp *jobgrp_ref(struct jobgrp *g);   /* NULL-safe */
void jobgrp_unref(struct jobgrp *g);           /* NULL-safe */
pid_t jobgrp_pgid(struct jobgrp *g);           /* 0 before its first process */
void jobgrp_set_foreground(struct jobgrp *g, bool fg);
/* Live processes (spawned and not yet reaped). */
int jobgrp_live(struct jobgrp *g);
/* Sends sig to the group when a process of it is alive (NULL-safe);
 * returns whether it did. */
bool jobgrp_kill(struct jobgrp *g, int sig);
/* Whether the group is the foreground job (its programs take the terminal). */
bool jobgrp_foreground(struct jobgrp *g);

/* Around starting a process of g: begin says what the child must do (and
 * waits while another spawn creates the group); end records the child
 * (pid > 0; pid < 0 when the spawn failed). */
void jobgrp_spawn_begin(struct jobgrp *g, struct jobgrp_child *c);
void jobgrp_spawn_end(struct jobgrp *g, const struct jobgrp_child *c, pid_t pid);
/* In the child (async-signal-safe; in a vfork child too). */
void jobgrp_child_setup(const struct jobgrp_child *c);

/* A process of g was reaped (ws from waitpid), or stopped: keeps the count,
 * takes the terminal back with the last process of a foreground job, and
 * records stops and deaths by SIGINT for the waiter (and wakes it). */
void jobgrp_note(struct jobgrp *g, int ws);
/* Signal that stopped a process of the job since the last take (0: none). */
int jobgrp_take_stop(struct jobgrp *g);
/* True once a process of the job died of SIGINT (cleared by the take). */
bool jobgrp_take_interrupt(struct jobgrp *g);

/* Parking: park makes the job's thread stages wait at their next command;
 * unpark lets them go on. park_point is called by a thread stage at each
 * command; it returns at once unless the job is parked, and then when the
 * job is unparked or *stop becomes true. */
void jobgrp_park(struct jobgrp *g);
void jobgrp_unpark(struct jobgrp *g);
/* Whether the group's thread stages are asked to stay parked. */
bool jobgrp_parked(struct jobgrp *g);
void jobgrp_park_point(struct jobgrp *g, const _Atomic bool *stop);

/* Waits for a process of st's job started by a thread stage: stops are
 * noted and waited through (the process goes on when the job is resumed).
 * Returns the shell status; *ws (when not NULL) the wait status, or 0. */
int jobgrp_wait_child(struct jobgrp *g, pid_t pid, int *ws);

/* Waits for a child started by st: jobgrp_wait_child in a job, else
 * spawn_wait. *ws (when not NULL) gets the wait status, for
 * jobs_report_death. */
int jobctl_wait(const struct stage *st, pid_t pid, int *ws);
/* A foreground job that st started stopped, by sig: returns 128+sig (also
 * st's $?); in an interactive shell the rest of the command line is not
 * run (FLOW_INTERRUPT). */
int jobctl_stopped(struct stage *st, int sig);

#endif
