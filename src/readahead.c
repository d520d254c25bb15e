/* readahead.c: read-ahead buffers on the regular files the shell opened, so `while read` costs no system call a line */
#include "readahead.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

enum {
	RA_MAX = 1024,      /* fds 10..RA_MAX-1 can be buffered */
	RA_FIRST = 512,     /* the first read after a sync: a line or a few */
	RA_SIZE = 16384,    /* doubling up to this while nothing syncs */
};

enum kind { UNKNOWN, BUFFERED, UNBUFFERED };

struct slot {
	enum kind kind;     /* UNKNOWN until read looks at the fd */
	char *buf;          /* RA_SIZE bytes once BUFFERED */
	size_t pos, len;    /* buf[pos..len) is read ahead of the reader */
	size_t chunk;       /* what the next read(2) asks for */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct slot slots[RA_MAX];          /* guarded by lock */
static atomic_bool pending[RA_MAX];        /* slots[fd] has bytes read ahead */
static atomic_int npending;                /* how many are true */
static atomic_bool known[RA_MAX];          /* slots[fd].kind is not UNKNOWN */
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* a fork while another thread holds the lock would leave it held */
static void atfork_prepare(void) { pthread_mutex_lock(&lock); }
static void atfork_release(void) { pthread_mutex_unlock(&lock); }
static void init(void) { pthread_atfork(atfork_prepare, atfork_release, atfork_release); }

static void take_lock(void)
{
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
}

static bool in_range(int fd)
{
	return fd >= 10 && fd < RA_MAX;
}

/* Under the lock: records whether slots[fd] holds bytes read ahead. */
static void set_pending(int fd)
{
	bool now = slots[fd].pos < slots[fd].len;
	if (atomic_load_explicit(&pending[fd], memory_order_relaxed) == now)
		return;
	atomic_store_explicit(&pending[fd], now, memory_order_release);
	atomic_fetch_add(&npending, now ? 1 : -1);
}

/* Under the lock: gives back what is read ahead. */
static void sync_locked(int fd)
{
	struct slot *s = &slots[fd];
	if (s->pos < s->len) {
		int err = errno;
		lseek(fd, -(off_t)(s->len - s->pos), SEEK_CUR);
		errno = err;
	}
	s->pos = s->len = 0;
	s->chunk = RA_FIRST;
	set_pending(fd);
}

/* Under the lock: slots[fd] as it was before anything was known of fd. */
static void forget_locked(int fd)
{
	sync_locked(fd);
	free(slots[fd].buf);
	slots[fd] = (struct slot){ UNKNOWN, NULL, 0, 0, RA_FIRST };
	atomic_store_explicit(&known[fd], false, memory_order_relaxed);
}

int readahead_scan(int rfd, readahead_take take, void *ctx)
{
	if (!in_range(rfd))
		return -2;
	take_lock();
	struct slot *s = &slots[rfd];
	if (s->kind == UNKNOWN) {
		struct stat sb;
		s->kind = fstat(rfd, &sb) == 0 && S_ISREG(sb.st_mode) ? BUFFERED : UNBUFFERED;
		if (s->kind == BUFFERED) {
			s->buf = xmalloc(RA_SIZE);
			s->chunk = RA_FIRST;
		}
		atomic_store_explicit(&known[rfd], true, memory_order_release);
	}
	int rc = -2, err = 0;
	while (s->kind == BUFFERED) {
		if (s->pos == s->len) {
			ssize_t n;
			do   /* a regular file: no wait a signal should end */
				n = read(rfd, s->buf, s->chunk);
			while (n < 0 && errno == EINTR);
			if (n <= 0) {
				s->pos = s->len = 0;
				rc = n == 0 ? 1 : -1;
				err = errno;
				break;
			}
			s->pos = 0;
			s->len = (size_t)n;
			if (s->chunk < RA_SIZE)
				s->chunk *= 2;
		}
		ssize_t used = take(ctx, s->buf + s->pos, s->len - s->pos);
		if (used >= 0) {
			s->pos += (size_t)used;
			rc = 0;
			break;
		}
		s->pos = s->len;
	}
	set_pending(rfd);
	pthread_mutex_unlock(&lock);
	if (rc == -1)
		errno = err;
	return rc;
}

void readahead_sync(int rfd)
{
	if (!in_range(rfd) || !atomic_load_explicit(&pending[rfd], memory_order_acquire))
		return;
	take_lock();
	sync_locked(rfd);
	pthread_mutex_unlock(&lock);
}

void readahead_sync_all(void)
{
	if (atomic_load(&npending) == 0)
		return;
	take_lock();
	for (int fd = 10; fd < RA_MAX; fd++)
		if (atomic_load_explicit(&pending[fd], memory_order_relaxed))
			sync_locked(fd);
	pthread_mutex_unlock(&lock);
}

void readahead_share(int rfd, int copy)
{
	take_lock();
	int fds[2] = { rfd, copy };
	for (int i = 0; i < 2; i++) {
		if (!in_range(fds[i]))
			continue;
		forget_locked(fds[i]);
		slots[fds[i]].kind = UNBUFFERED;
		atomic_store_explicit(&known[fds[i]], true, memory_order_release);
	}
	pthread_mutex_unlock(&lock);
}

void readahead_close(int rfd)
{
	/* every owned fd the fd map closes comes here (pipe ends too): most
	 * were never looked at, and need no lock; the thread closing an fd
	 * is the one that owns it */
	if (!in_range(rfd) || !atomic_load_explicit(&known[rfd], memory_order_acquire))
		return;
	take_lock();
	forget_locked(rfd);
	pthread_mutex_unlock(&lock);
}
