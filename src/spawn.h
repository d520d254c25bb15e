/* spawn.h: the one module that creates processes (vfork + exec, and fork) */
#ifndef CONCH_SPAWN_H
#define CONCH_SPAWN_H

#include <stdbool.h>
#include <sys/types.h>

#include "stage.h"

/* Starts the program at path with argv/envp, its fds 0..N being the stage's
 * virtual fds; envp's `_` is replaced by `_=path` (as bash does). Returns the pid, or -1 with *err set (errno value). A file
 * that is not a valid executable (ENOEXEC) is run as a script by a new conch.
 * With bg, a non-interactive shell gives it /dev/null as stdin unless the
 * stage redirected fd 0 (POSIX 2.9.3). Thread-safe. */
pid_t spawn_program(struct stage *st, const char *path, char *const argv[],
                    char *const envp[], bool bg, int *err);

/* Replaces the process with path (exec with only the stage's fds; envp as
 * for spawn_program). Returns
 * only on failure, with *err set. Main stage or subshell only. */
void spawn_exec(struct stage *st, const char *path, char *const argv[],
                char *const envp[], int *err);

/* Forks a subshell. In the child, returns 0 with the process's fds arranged
 * from the stage's map (then emptied), other shell fds closed, signal mask
 * cleared, and st marked is_subshell; the parent gets the pid, or -1 with
 * errno. Locks are handled across fork by pthread_atfork handlers. */
pid_t spawn_fork(struct stage *st);

/* Waits for pid (EINTR-safe; main thread runs pending traps? no: the caller
 * decides). Returns the shell status: exit code, or 128+signal; *ws (when
 * not NULL) gets the wait status, 0 when there is none. */
int spawn_wait(pid_t pid, int *ws);

/* Converts a wait status into a shell status (128+signal for a signal). */
int spawn_status(int wstatus);

#endif
