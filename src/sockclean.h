/* sockclean.h: the Unix socket files this shell made, removable from a signal handler */
#ifndef CONCH_SOCKCLEAN_H
#define CONCH_SOCKCLEAN_H

#include <stdbool.h>
#include <sys/types.h>

/* Records path (a socket file just bound) as owner's to remove; returns a
 * slot number, or -1 when it is not a socket or the table is full. Arms the
 * fatal-signal cleanup (signals_arm_cleanup). Thread-safe. */
int sockclean_add(const char *path, pid_t owner);
/* The file is shared with background jobs from now on: the last process
 * holding a write end of the pipe alive_r/alive_w removes it. slot -1 is
 * ignored. */
void sockclean_share(int slot, int alive_r, int alive_w);
/* Whether no process holds a write end of the pipe whose read end is
 * alive_r any more (it hangs up). Async-signal-safe. */
bool sockclean_writers_gone(int alive_r);
/* Whether path still names the socket slot recorded (any socket when slot
 * is -1). */
bool sockclean_names(int slot, const char *path);
/* Removes path if it still names the socket slot recorded (any file at
 * path when slot is -1). */
void sockclean_unlink_slot(int slot, const char *path);
/* The file was removed (or handed on) the ordinary way. slot -1 is ignored. */
void sockclean_forget(int slot);
/* Removes the recorded files this process owns, or holds last, if each path
 * still names the socket recorded. Async-signal-safe: for the fatal-signal
 * handler. */
void sockclean_unlink_mine(void);

#endif
