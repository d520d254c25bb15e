/* locks.c: named locks that scripts take with the lock and unlock builtins */

/*
 * DESIGN
 * One mutex, `table_lock`, guards `table`, a short list of the named locks
 * that are held or waited for; `released` is the condition variable that
 * waiters sleep on. An entry records its owner (a struct stage) and how many
 * stages wait for it; it is freed when nobody holds or waits for it.
 *
 * Lock order: table_lock is a leaf. Nothing else is locked while it is held
 * (no state lock, no jobs lock, no I/O), it is never taken while the state
 * lock is held, and it is held across waiting only inside
 * pthread_cond_timedwait, which releases it. ASSERT_LEAF checks in debug
 * builds that a thread never takes it twice (it would if a caller reached
 * back in here while holding it).
 *
 * Waiting is cut into slices of SLICE_MS so that a stage asked to stop
 * (Ctrl-C, its pipeline ending) or a main stage with a signal to handle
 * gives up within that time, even in a deadlock the script made.
 *
 * Only the owning stage's thread changes st->locks_held (a hint that lets
 * stage_destroy skip this module when the stage held nothing).
 *
 * fork: pthread_atfork takes table_lock before fork and releases it in the
 * parent; the child (single-threaded) re-initialises the mutex and condition
 * and empties the table: the stages that held locks are threads it does not
 * have.
 */

#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "locks.h"
#include "stage.h"

enum { SLICE_MS = 50 };

struct named_lock {
	char *name;
	struct stage *owner;      /* NULL when free */
	unsigned waiters;         /* stages sleeping in locks_acquire for it */
	struct named_lock *next;
};

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t released;           /* initialised by init_once */
static struct named_lock *table;
static pthread_once_t once = PTHREAD_ONCE_INIT;

#ifndef NDEBUG
static _Thread_local bool table_held;
#define ASSERT_LEAF() assert(!table_held)
#define ASSERT_LOCKED() assert(table_held)
#define MARK_HELD(v) (table_held = (v))
#else
#define ASSERT_LEAF() ((void)0)
#define ASSERT_LOCKED() ((void)0)
#define MARK_HELD(v) ((void)0)
#endif

static void lock_table(void)
{
	ASSERT_LEAF();
	pthread_mutex_lock(&table_lock);
	MARK_HELD(true);
}

static void unlock_table(void)
{
	ASSERT_LOCKED();
	MARK_HELD(false);
	pthread_mutex_unlock(&table_lock);
}

static void init_cond(void)
{
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&released, &ca);
	pthread_condattr_destroy(&ca);
}

static void atfork_prepare(void) { lock_table(); }
static void atfork_parent(void) { unlock_table(); }

static void atfork_child(void)
{
	/* entries are dropped, not freed: freeing is not worth the risk in a
	 * child that may only exec */
	table = NULL;
	unlock_table();   /* held by this thread since prepare */
	init_cond();
}

static void init_once(void)
{
	init_cond();
	pthread_atfork(atfork_prepare, atfork_parent, atfork_child);
}

static struct named_lock *find_locked(const char *name)
{
	ASSERT_LOCKED();
	for (struct named_lock *l = table; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			return l;
	return NULL;
}

/* Frees l when nobody holds or waits for it. */
static void drop_if_unused_locked(struct named_lock *l)
{
	ASSERT_LOCKED();
	if (l->owner || l->waiters)
		return;
	for (struct named_lock **pp = &table; *pp; pp = &(*pp)->next)
		if (*pp == l) {
			*pp = l->next;
			break;
		}
	free(l->name);
	free(l);
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

int locks_acquire(struct stage *st, const char *name,
                  bool (*interrupted)(void *ctx), void *ctx)
{
	pthread_once(&once, init_once);
	/* allocated before taking the lock: nothing slow happens under it */
	struct named_lock *fresh = xcalloc(1, sizeof *fresh);
	fresh->name = xstrdup(name);
	int rc = 0;
	lock_table();
	struct named_lock *l = find_locked(name);
	if (!l) {
		l = fresh;
		l->next = table;
		table = l;
		fresh = NULL;
	}
	if (l->owner == st) {
		rc = EDEADLK;
		goto out;
	}
	l->waiters++;
	while (l->owner) {
		struct timespec ts;
		deadline_in(&ts, SLICE_MS);
		pthread_cond_timedwait(&released, &table_lock, &ts);
		if (!l->owner)
			break;
		/* asked outside the table lock: the callback may take others */
		unlock_table();
		bool give_up = atomic_load(&st->stop) || (interrupted && interrupted(ctx));
		lock_table();
		if (give_up && l->owner) {
			rc = EINTR;
			break;
		}
	}
	l->waiters--;
	if (rc == 0) {
		l->owner = st;
		st->locks_held++;
	} else {
		drop_if_unused_locked(l);
	}
out:
	unlock_table();
	if (fresh) {
		free(fresh->name);
		free(fresh);
	}
	return rc;
}

int locks_release(struct stage *st, const char *name)
{
	pthread_once(&once, init_once);
	int rc = 0;
	lock_table();
	struct named_lock *l = find_locked(name);
	if (!l || l->owner != st) {
		rc = EPERM;
	} else {
		l->owner = NULL;
		st->locks_held--;
		if (l->waiters)
			pthread_cond_broadcast(&released);
		else
			drop_if_unused_locked(l);
	}
	unlock_table();
	return rc;
}

void locks_release_all(struct stage *st)
{
	if (st->locks_held <= 0)
		return;
	pthread_once(&once, init_once);
	bool wake = false;
	lock_table();
	for (struct named_lock *l = table, *next; l; l = next) {
		next = l->next;
		if (l->owner != st)
			continue;
		l->owner = NULL;
		if (l->waiters)
			wake = true;
		else
			drop_if_unused_locked(l);
	}
	st->locks_held = 0;
	if (wake)
		pthread_cond_broadcast(&released);
	unlock_table();
}
