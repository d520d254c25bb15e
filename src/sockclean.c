/* sockclean.c: the Unix socket files this shell made, removable from a signal handler */

/*
 * DESIGN
 * A listener's socket file is removed when the listener closes or the shell
 * exits (net.c). A shell that dies of a signal it does not trap runs no
 * exit code, so the files are also kept here, in a fixed table that a
 * signal handler can read without locks or allocation: each slot holds the
 * path, the process that owns the file and the file's device and inode.
 * A file shared with background jobs has no one owner: the slot holds the
 * pipe whose write end every holder keeps (net.c), and the holder that sees
 * the read end hang up once its own write end is closed is the last.
 * sockclean_unlink_mine() removes the files this process owns or holds last
 * whose path still names that very socket (a file someone put there since
 * is left alone). Writers (net.c, under its lock) fill a free slot and then publish
 * it with a release store; the handler reads published slots only.
 * A table of 64 slots covers every listener a shell keeps at once in
 * practice; a listener that finds no free slot is still removed at exit,
 * but not after a fatal signal.
 */

#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "signals.h"
#include "sockclean.h"

enum { SLOT_FREE, SLOT_BUSY, SLOT_LIVE };

struct slot {
	atomic_int state;
	atomic_int owner;    /* pid_t; 0 when shared */
	atomic_int alive_r, alive_w;
	dev_t dev;
	ino_t ino;
	char path[sizeof ((struct sockaddr_un *)0)->sun_path];
};

static struct slot slots[64];

int sockclean_add(const char *path, pid_t owner)
{
	struct stat sb;
	size_t len = strlen(path);
	if (len >= sizeof slots[0].path || lstat(path, &sb) != 0 || !S_ISSOCK(sb.st_mode))
		return -1;
	for (int i = 0; i < (int)(sizeof slots / sizeof slots[0]); i++) {
		int expect = SLOT_FREE;
		if (!atomic_compare_exchange_strong(&slots[i].state, &expect, SLOT_BUSY))
			continue;
		memcpy(slots[i].path, path, len + 1);
		atomic_store(&slots[i].alive_r, -1);
		atomic_store(&slots[i].alive_w, -1);
		slots[i].dev = sb.st_dev;
		slots[i].ino = sb.st_ino;
		atomic_store(&slots[i].owner, (int)owner);
		atomic_store_explicit(&slots[i].state, SLOT_LIVE, memory_order_release);
		signals_arm_cleanup(sockclean_unlink_mine);
		return i;
	}
	return -1;
}

void sockclean_share(int slot, int alive_r, int alive_w)
{
	if (slot < 0)
		return;
	atomic_store(&slots[slot].alive_r, alive_r);
	atomic_store(&slots[slot].alive_w, alive_w);
	atomic_store(&slots[slot].owner, 0);
}

/* Whether path still names the socket s recorded. */
static bool same_socket(const struct slot *s, const char *path)
{
	struct stat sb;
	return lstat(path, &sb) == 0 && S_ISSOCK(sb.st_mode) && sb.st_dev == s->dev &&
	       sb.st_ino == s->ino;
}

bool sockclean_names(int slot, const char *path)
{
	struct stat sb;
	if (slot < 0)
		return lstat(path, &sb) == 0 && S_ISSOCK(sb.st_mode);
	return same_socket(&slots[slot], path);
}

void sockclean_unlink_slot(int slot, const char *path)
{
	if (slot < 0 || same_socket(&slots[slot], path))
		unlink(path);
}

bool sockclean_writers_gone(int alive_r)
{
	struct pollfd p = { .fd = alive_r, .events = POLLIN };
	return alive_r >= 0 && poll(&p, 1, 0) == 1 && (p.revents & POLLHUP);
}

/* Whether this process holds a shared file last: its write end is closed
 * first (it is dying). */
static bool held_last(struct slot *s)
{
	int w = atomic_exchange(&s->alive_w, -1);
	if (w >= 0)
		close(w);
	return sockclean_writers_gone(atomic_load(&s->alive_r));
}

void sockclean_forget(int slot)
{
	if (slot >= 0)
		atomic_store_explicit(&slots[slot].state, SLOT_FREE, memory_order_release);
}

void sockclean_unlink_mine(void)
{
	/* async-signal-safe: getpid, close, poll, lstat and unlink only */
	int me = (int)getpid();
	for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
		struct slot *s = &slots[i];
		if (atomic_load_explicit(&s->state, memory_order_acquire) != SLOT_LIVE)
			continue;
		int owner = atomic_load(&s->owner);
		if (owner == 0 ? !held_last(s) : owner != me)
			continue;
		if (same_socket(s, s->path))
			unlink(s->path);
	}
}
