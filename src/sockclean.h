/* sockclean.h: the Unix socket files this shell made, removable from a signal handler */
#ifndef CONCH_SOCKCLEAN_H
#define CONCH_SOCKCLEAN_H

#include <sys/types.h>

/* Records path (a socket file just bound) as owner's to remove; returns a
 * slot number, or -1 when it is not a socket or the table is full. Arms the
 * fatal-signal cleanup (signals_arm_cleanup). Thread-safe. */
int sockclean_add(const char *path, pid_t owner);
/* A forked job took the file over. slot -1 is ignored. */
void sockclean_set_owner(int slot, pid_t owner);
/* The file was removed (or handed on) the ordinary way. slot -1 is ignored. */
void sockclean_forget(int slot);
/* Removes the recorded files this process owns, if each path still names
 * the socket recorded. Async-signal-safe: for the fatal-signal handler. */
void sockclean_unlink_mine(void);

#endif
