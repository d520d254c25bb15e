/* locks.h: named locks that scripts take with the lock and unlock builtins */
#ifndef CONCH_LOCKS_H
#define CONCH_LOCKS_H

/*
 * A named lock belongs to one stage (struct stage) at a time: the stage that
 * took it is the only one that may release it, and a stage that ends
 * releases whatever it still holds (stage_destroy calls locks_release_all).
 * Locks are not reentrant: taking a lock the stage already holds is refused
 * (EDEADLK), as it would wait for itself forever.
 *
 * Locks coordinate the threads of one process. A forked subshell starts with
 * an empty table: nothing is held in the child, and what it takes there is
 * its own.
 *
 * Every function takes the table lock itself (a leaf lock: see locks.c).
 */

#include <stdbool.h>

struct stage;

/* Takes lock name for st, waiting while another stage holds it. The wait
 * is cut into short slices; after each, interrupted(ctx) (may be NULL) is
 * asked whether to give up, and so is st->stop. Returns 0 when st holds the
 * lock, EDEADLK when st already held it, EINTR when the wait was given up
 * (the lock is not taken). Never call it while holding the state lock. */
int locks_acquire(struct stage *st, const char *name,
                  bool (*interrupted)(void *ctx), void *ctx);
/* Releases lock name held by st. Returns 0, or EPERM when st does not hold
 * it (unheld, or held by another stage). */
int locks_release(struct stage *st, const char *name);
/* Releases every lock st holds (a stage that ends). Cheap when st holds
 * none (st->locks_held == 0). */
void locks_release_all(struct stage *st);

#endif
