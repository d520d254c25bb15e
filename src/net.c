/* net.c: socket redirections: @host:port and @path connect, @:port and @:path listen */

/*
 * The grammar (conch(1), SOCKETS), after the '@':
 *
 *   HOST:PORT      connect over TCP (HOST a name, an IPv4 address or [IPv6])
 *   PATH           connect to a Unix stream socket (any target with a '/')
 *   :PORT          listen on loopback: 127.0.0.1 and ::1
 *   :ADDR:PORT     listen on ADDR; :*:PORT listens on every interface
 *   :PATH          listen on a Unix socket (mode 0600, removed afterwards)
 *
 * The connected socket becomes the stage's fd: no byte passes through conch.
 *
 * Listeners are kept in a list keyed by the text after "@:", so that a loop
 * (`while :; do handler <> @:8080; done`) accepts every client on the same
 * listening socket and none is refused between two iterations. A listener
 * is closed by net_sweep once the top-level command that opened it is over,
 * and no stage is accepting on it. Background jobs of the command share its
 * listeners (net_prebind before the fork). A Unix socket file they share is
 * removed by the last process holding it: each holder keeps a write end of
 * the listener's `alive` pipe, and a holder that lets go and then sees the
 * read end hang up was the last (last_holder; sockclean.c does the same
 * from a fatal-signal handler). The list, the counts of stages using each
 * listener and the prebound claims are guarded by `lock`, which is held
 * across fork (pthread_atfork) so a child never inherits it taken.
 */

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "expand.h"
#include "net.h"
#include "signals.h"
#include "sockclean.h"
#include "state.h"

#define NET_MAX_FDS 8                /* sockets one listener may bind */
#define CONNECT_TIMEOUT_DEFAULT 10.0 /* seconds, unless CONCH_CONNECT_TIMEOUT */
#define POLL_SLICE_MS 100            /* how often a wait looks for Ctrl-C */

bool net_word_is_socket(const struct word *w)
{
	if (!w || w->nparts == 0)
		return false;
	const struct word_part *p = &w->parts[0];
	return p->kind == PART_LIT && !p->quoted && p->u.lit.len > 0 && p->u.lit.s[0] == '@';
}

bool net_word_listens(const struct word *w)
{
	if (!net_word_is_socket(w))
		return false;
	const struct word_part *p = &w->parts[0];
	return p->u.lit.len > 1 && p->u.lit.s[1] == ':';
}

bool net_redirs_have_socket(const struct redir *r)
{
	for (; r; r = r->next)
		if (r->op != REDIR_HEREDOC && r->op != REDIR_DUPIN && r->op != REDIR_DUPOUT &&
		    net_word_is_socket(r->target))
			return true;
	return false;
}

#if CONCH_NET

/* --- targets ----------------------------------------------------------------- */

struct target {
	bool listen;
	bool is_unix;
	const char *path;           /* Unix: into the target text */
	char host[NI_MAXHOST];      /* TCP: "" is loopback (listen only), "*" any */
	int port;                   /* TCP: 0..65535 (0 only when listening) */
};

/* A port: digits, or a service name from /etc/services. */
static bool parse_port(const char *s, bool listen, int *port)
{
	long n;
	if (*s >= '0' && *s <= '9') {
		if (!parse_long(s, &n) || n < (listen ? 0 : 1) || n > 65535)
			return false;
		*port = (int)n;
		return true;
	}
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE };
	struct addrinfo *res = NULL;
	if (*s == '\0' || getaddrinfo(NULL, s, &hints, &res) != 0)
		return false;
	const struct sockaddr *sa = res->ai_addr;
	*port = sa->sa_family == AF_INET6 ? ntohs(((const struct sockaddr_in6 *)(const void *)sa)->sin6_port)
	                                  : ntohs(((const struct sockaddr_in *)(const void *)sa)->sin_port);
	freeaddrinfo(res);
	return true;
}

/* Parses the text after '@'. Returns NULL, or why it is not an address. */
static const char *parse_target(const char *s, struct target *t)
{
	memset(t, 0, sizeof *t);
	if (*s == ':') {
		t->listen = true;
		s++;
	}
	if (strchr(s, '/')) {
		t->is_unix = true;
		t->path = s;
		if (strlen(s) >= sizeof ((struct sockaddr_un *)0)->sun_path)
			return "path too long";
		return NULL;
	}
	const char *port;
	size_t hostlen;
	if (*s == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':')
			return "bad address (expected [IPv6]:PORT)";
		hostlen = (size_t)(close - s - 1);
		s++;
		port = close + 2;
	} else {
		const char *colon = strrchr(s, ':');
		if (!colon) {
			if (!t->listen)
				return "bad address (expected HOST:PORT or a path with '/')";
			colon = s - 1;   /* @:PORT */
		}
		hostlen = colon < s ? 0 : (size_t)(colon - s);
		if (memchr(s, ':', hostlen))
			return "bad address (an IPv6 address goes in brackets: [::1]:PORT)";
		port = colon + 1;
	}
	if (hostlen >= sizeof t->host)
		return "host name too long";
	if (hostlen == 0 && !t->listen)
		return "bad address (no host)";
	memcpy(t->host, s, hostlen);
	t->host[hostlen] = '\0';
	if (!parse_port(port, t->listen, &t->port))
		return "bad port";
	return NULL;
}

/* The reason for an errno, lower-case as the rest of conch's messages. */
static const char *reason(int err)
{
	switch (err) {
	case ECONNREFUSED:  return "connection refused";
	case ETIMEDOUT:     return "timed out";
	case EADDRINUSE:    return "address in use";
	case EADDRNOTAVAIL: return "address not available";
	case EACCES:
	case EPERM:         return "permission denied";
	case ENAMETOOLONG:  return "path too long";
	case ENOENT:        return "no such file or directory";
	case ENETUNREACH:   return "network is unreachable";
	case EHOSTUNREACH:  return "no route to host";
	case ECONNRESET:    return "connection reset";
	case EAFNOSUPPORT:  return "address family not supported";
	case ENOTSOCK:      return "not a socket";
	default:            return strerror(err);
	}
}

/* --- waiting ----------------------------------------------------------------- */

static bool stopped(struct stage *st)
{
	return atomic_load(&st->stop) || (st->main_thread && signals_interrupt_pending());
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Waits until one of fds is ready for events, the deadline passes (0 is
 * none) or the stage is stopped. Returns the index of the ready fd, or -1
 * with errno ETIMEDOUT or EINTR. */
static int wait_ready(struct stage *st, const int *fds, int nfds, short events, double deadline)
{
	struct pollfd p[NET_MAX_FDS];
	for (int i = 0; i < nfds; i++)
		p[i] = (struct pollfd){ .fd = fds[i], .events = events };
	for (;;) {
		if (stopped(st)) {
			errno = EINTR;
			return -1;
		}
		int ms = POLL_SLICE_MS;
		if (deadline > 0) {
			double left = deadline - now();
			if (left <= 0) {
				errno = ETIMEDOUT;
				return -1;
			}
			if (left * 1000 < ms)
				ms = (int)(left * 1000) + 1;
		}
		int n = poll(p, (nfds_t)nfds, ms);
		if (n < 0 && errno != EINTR)
			return -1;
		for (int i = 0; n > 0 && i < nfds; i++)
			if (p[i].revents)
				return i;
	}
}

/* Reads a timeout in seconds from a variable: def when unset or empty, -1
 * (after printing) when it is not a positive number. */
static double timeout_var(struct stage *st, const char *name, double def)
{
	struct sbuf b = SBUF_INIT;
	double v = def;
	if (state_var_get(name, &b) && b.len > 0) {
		char *end;
		errno = 0;
		v = strtod(sbuf_str(&b), &end);
		if (errno || *end || !(v > 0) || v > 1e9) {
			stage_error(st, "%s: not a number of seconds: '%s'", name, sbuf_str(&b));
			v = -1;
		}
	}
	sbuf_free(&b);
	return v;
}

/* --- connecting -------------------------------------------------------------- */

static int set_blocking(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	return fl < 0 ? -1 : fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
}

/* One address: a non-blocking connect, waited for until the deadline. */
static int connect_addr(struct stage *st, const struct sockaddr *sa, socklen_t len, double timeout)
{
	int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, sa, len) != 0) {
		if (errno != EINPROGRESS && errno != EINTR)
			goto fail;
		if (wait_ready(st, &fd, 1, POLLOUT, now() + timeout) < 0)
			goto fail;
		int err = 0;
		socklen_t elen = sizeof err;
		if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &elen) != 0)
			goto fail;
		if (err) {
			errno = err;
			goto fail;
		}
	}
	if (set_blocking(fd) == 0)
		return fd;
fail:;
	int saved = errno;
	close(fd);
	errno = saved;
	return -1;
}

/* Tries every address the host resolves to, in order. */
static int connect_tcp(struct stage *st, const struct target *t, double timeout, const char **why)
{
	char port[8];
	snprintf(port, sizeof port, "%d", t->port);
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_NUMERICSERV };
	struct addrinfo *res = NULL;
	int rc = getaddrinfo(t->host, port, &hints, &res);
	if (rc != 0) {
		*why = rc == EAI_SYSTEM ? reason(errno) : "unknown host";
		return -1;
	}
	int fd = -1, err = ECONNREFUSED;
	for (struct addrinfo *ai = res; ai && fd < 0; ai = ai->ai_next) {
		fd = connect_addr(st, ai->ai_addr, ai->ai_addrlen, timeout);
		if (fd < 0) {
			err = errno;
			if (err == EINTR)
				break;
		}
	}
	freeaddrinfo(res);
	if (fd < 0) {
		*why = reason(err);
		errno = err;
	}
	return fd;
}

static bool unix_addr(const char *path, struct sockaddr_un *sun)
{
	memset(sun, 0, sizeof *sun);
	sun->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof sun->sun_path)
		return false;
	strcpy(sun->sun_path, path);
	return true;
}

/* One non-blocking connect to a Unix socket: the connected fd (blocking),
 * or -1 with errno; EAGAIN means the listener's backlog is full. */
static int try_unix(const struct sockaddr_un *sun)
{
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (const struct sockaddr *)sun, sizeof *sun) == 0 && set_blocking(fd) == 0)
		return fd;
	int err = errno;
	close(fd);
	errno = err;
	return -1;
}

/* A blocking connect to a Unix socket whose backlog is full waits for ever,
 * deaf to Ctrl-C: retry a non-blocking one until the deadline instead. */
static int connect_unix(struct stage *st, const char *path, double timeout, const char **why)
{
	struct sockaddr_un sun;
	if (!unix_addr(path, &sun)) {
		*why = "path too long";
		return -1;
	}
	double deadline = now() + timeout;
	int fd;
	while ((fd = try_unix(&sun)) < 0 && errno == EAGAIN) {
		if (stopped(st)) {
			errno = EINTR;
			break;
		}
		if (now() >= deadline) {
			errno = ETIMEDOUT;
			break;
		}
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	if (fd < 0)
		*why = reason(errno);
	return fd;
}

/* --- listeners --------------------------------------------------------------- */

struct listener {
	struct listener *next;
	char *key;              /* the target after "@:" */
	int fd[NET_MAX_FDS];
	int nfd;
	int port;               /* TCP: the port bound */
	char *path;             /* Unix: the socket file */
	pid_t owner;            /* the process that removes path, unless shared */
	int alive[2];           /* shared with jobs: every holder has the write end */
	int clean_slot;         /* its sockclean.h slot, -1 for none */
	int users;              /* stages accepting on it now */
	bool doomed;            /* to close when the last user is done */
	bool for_job;           /* named by the job net_prebind prepares */
	bool any_port;          /* asked for port 0 */
};

struct claim {
	const struct redir *r;
	char *target;           /* NULL: binding failed in the parent */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct listener *listeners;
static struct claim *claims;
static size_t nclaims;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void atfork_prepare(void) { pthread_mutex_lock(&lock); }
static void atfork_parent(void) { pthread_mutex_unlock(&lock); }
static void atfork_child(void) { pthread_mutex_unlock(&lock); }
static void init(void) { pthread_atfork(atfork_prepare, atfork_parent, atfork_child); }

/* Whether this process is the one to remove l's socket file: its owner, or,
 * once background jobs share the listener, the last process to let go of
 * it (its write end of l->alive closes here; the read end reports a hang-up
 * when no other process holds one). */
static bool last_holder(struct listener *l)
{
	if (l->alive[0] < 0)
		return l->owner == getpid();
	if (l->alive[1] >= 0) {
		close(l->alive[1]);
		l->alive[1] = -1;
	}
	return sockclean_writers_gone(l->alive[0]);
}

static void listener_free(struct listener *l, bool remove_file)
{
	for (int i = 0; i < l->nfd; i++)
		close(l->fd[i]);
	if (remove_file && l->path && last_holder(l))
		sockclean_unlink_slot(l->clean_slot, l->path);
	for (int i = 0; i < 2; i++)
		if (l->alive[i] >= 0)
			close(l->alive[i]);
	sockclean_forget(l->clean_slot);
	free(l->path);
	free(l->key);
	free(l);
}

/* Binds one socket; the port is taken from sa. */
static int bind_one(const struct sockaddr *sa, socklen_t len)
{
	/* high, as every fd the shell keeps: a forked child closes 3..9 */
	int fd = fd_move_high(socket(sa->sa_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
	if (fd < 0)
		return -1;
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (sa->sa_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
	if (bind(fd, sa, len) != 0 || listen(fd, SOMAXCONN) != 0) {
		int err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	return fd;
}

static void set_port(struct sockaddr_storage *ss, int port)
{
	if (ss->ss_family == AF_INET6)
		((struct sockaddr_in6 *)ss)->sin6_port = htons((uint16_t)port);
	else
		((struct sockaddr_in *)ss)->sin_port = htons((uint16_t)port);
}

static int bound_port(int fd)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		return -1;
	return ss.ss_family == AF_INET6 ? ntohs(((struct sockaddr_in6 *)&ss)->sin6_port)
	                                : ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

struct candidate {
	struct sockaddr_storage ss;
	socklen_t len;
	bool optional;          /* ::1 on a machine without IPv6 */
};

/* Binds every candidate address on one port: the first decides it when the
 * port is 0 (and the rest follow; a clash there retries). */
static int bind_candidates(struct listener *l, struct candidate *c, int n, int port)
{
	for (int attempt = 0; attempt < 8; attempt++) {
		int p = port, err = 0;
		l->nfd = 0;
		for (int i = 0; i < n && l->nfd < NET_MAX_FDS; i++) {
			set_port(&c[i].ss, p);
			int fd = bind_one((struct sockaddr *)&c[i].ss, c[i].len);
			if (fd < 0) {
				if (c[i].optional && (errno == EADDRNOTAVAIL || errno == EAFNOSUPPORT))
					continue;
				err = errno;
				break;
			}
			l->fd[l->nfd++] = fd;
			if (p == 0)
				p = bound_port(fd);
		}
		if (!err && l->nfd > 0) {
			l->port = p;
			return 0;
		}
		for (int i = 0; i < l->nfd; i++)
			close(l->fd[i]);
		l->nfd = 0;
		if (!(err == EADDRINUSE && port == 0 && p != 0))
			return errno = err ? err : EADDRNOTAVAIL, -1;
	}
	return errno = EADDRINUSE, -1;
}

static void candidate_literal(struct candidate *c, int family, const char *addr, bool optional)
{
	memset(c, 0, sizeof *c);
	c->optional = optional;
	if (family == AF_INET6) {
		struct sockaddr_in6 *s = (struct sockaddr_in6 *)&c->ss;
		s->sin6_family = AF_INET6;
		inet_pton(AF_INET6, addr, &s->sin6_addr);
		c->len = sizeof *s;
	} else {
		struct sockaddr_in *s = (struct sockaddr_in *)&c->ss;
		s->sin_family = AF_INET;
		inet_pton(AF_INET, addr, &s->sin_addr);
		c->len = sizeof *s;
	}
}

static int listen_tcp(const struct target *t, struct listener *l, const char **why)
{
	struct candidate c[NET_MAX_FDS];
	int n = 0;
	if (t->host[0] == '\0') {
		candidate_literal(&c[n++], AF_INET, "127.0.0.1", false);
		candidate_literal(&c[n++], AF_INET6, "::1", true);
	} else if (strcmp(t->host, "*") == 0) {
		candidate_literal(&c[n++], AF_INET, "0.0.0.0", false);
		candidate_literal(&c[n++], AF_INET6, "::", true);
	} else {
		struct addrinfo hints = { .ai_socktype = SOCK_STREAM, .ai_flags = AI_PASSIVE };
		struct addrinfo *res = NULL;
		int rc = getaddrinfo(t->host, NULL, &hints, &res);
		if (rc != 0) {
			*why = rc == EAI_SYSTEM ? reason(errno) : "unknown host";
			return -1;
		}
		for (struct addrinfo *ai = res; ai && n < NET_MAX_FDS; ai = ai->ai_next) {
			if (ai->ai_addrlen > sizeof c[n].ss)
				continue;
			memset(&c[n], 0, sizeof c[n]);
			memcpy(&c[n].ss, ai->ai_addr, ai->ai_addrlen);
			c[n].len = ai->ai_addrlen;
			n++;
		}
		freeaddrinfo(res);
	}
	if (bind_candidates(l, c, n, t->port) != 0) {
		*why = reason(errno);
		return -1;
	}
	return 0;
}

/* A Unix listener. An existing socket file nobody listens on is stale and
 * replaced; any other existing file is left alone. */
static int listen_unix(const char *path, struct listener *l, const char **why)
{
	struct sockaddr_un sun;
	struct stat sb;
	if (!unix_addr(path, &sun)) {
		*why = "path too long";
		return -1;
	}
	if (lstat(path, &sb) == 0) {
		if (!S_ISSOCK(sb.st_mode)) {
			*why = "file exists and is not a socket";
			return -1;
		}
		/* a full backlog (EAGAIN) is a listener too */
		int probe = try_unix(&sun);
		if (probe >= 0 || errno != ECONNREFUSED) {
			if (probe >= 0)
				close(probe);
			*why = "address in use";
			return -1;
		}
		unlink(path);
	}
	int fd = fd_move_high(socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
	if (fd < 0)
		goto fail;
	/* Linux gives the file the socket inode's mode (less the umask): 0600
	 * from the start, with no moment when others could connect */
	if (fchmod(fd, 0600) != 0 || bind(fd, (struct sockaddr *)&sun, sizeof sun) != 0)
		goto fail;
	l->path = xstrdup(path);
	l->owner = getpid();
	/* removed even if the shell dies of a signal */
	l->clean_slot = sockclean_add(path, l->owner);
	if (listen(fd, SOMAXCONN) != 0)
		goto fail;
	l->fd[0] = fd;
	l->nfd = 1;
	return 0;
fail:
	*why = reason(errno);
	if (fd >= 0)
		close(fd);
	if (l->path) {
		unlink(l->path);
		sockclean_forget(l->clean_slot);
		l->clean_slot = -1;
		free(l->path);
		l->path = NULL;
	}
	return -1;
}

/* The length of a TCP key's host part: "*" in "*:9000", "" in "9000". */
static size_t host_len(const char *key)
{
	const char *colon = strrchr(key, ':');
	return colon ? (size_t)(colon - key) : 0;
}

/* The listener for key: named by the same text, or, for a TCP address with
 * an explicit port, bound on port 0 with the same host part and given that
 * port by the kernel ("@:0" first, "@:$CONCH_PORT" after). */
static struct listener *find_listener(const char *key, const struct target *t)
{
	for (struct listener *l = listeners; l; l = l->next) {
		if (strcmp(l->key, key) == 0)
			return l;
		size_t n = host_len(key);
		if (!t->is_unix && l->any_port && t->port != 0 && l->port == t->port &&
		    host_len(l->key) == n && strncmp(l->key, key, n) == 0)
			return l;
	}
	return NULL;
}

static void unlink_listener(struct listener *l);

/* A listener shared with background jobs is held by this process again: it
 * let go of its write end of l->alive when it started the last job, and
 * reopens one through /proc. False when that fails or the path no longer
 * names the socket (the jobs ended and the last one removed the file).
 * Not closed: a last job that saw the hang-up just before the reopen may
 * remove the file just after the check, a window of a few system calls.
 * Lock held. */
static bool hold(struct listener *l)
{
	if (l->alive[0] < 0 || l->alive[1] >= 0)
		return true;
	char proc[40];
	snprintf(proc, sizeof proc, "/proc/self/fd/%d", l->alive[0]);
	int w = open(proc, O_WRONLY | O_NONBLOCK | O_CLOEXEC);
	if (w < 0 || (l->alive[1] = fd_move_high(w)) < 0)
		return false;
	sockclean_share(l->clean_slot, l->alive[0], l->alive[1]);
	return sockclean_names(l->clean_slot, l->path);
}

/* Lets go of a shared listener's write end while no stage of this process
 * accepts on it: the jobs hold it now, and the last of them to end removes
 * the file. Lock held. */
static void let_go(struct listener *l)
{
	if (l->alive[1] < 0 || l->users > 0)
		return;
	close(l->alive[1]);
	l->alive[1] = -1;
	sockclean_share(l->clean_slot, l->alive[0], -1);
}

/* The listener for key, created when missing; lock held. */
static struct listener *get_listener(const char *key, const struct target *t, bool *created,
                                     const char **why)
{
	struct listener *l = find_listener(key, t);
	*created = false;
	if (l && !hold(l)) {
		/* the jobs that shared it are gone, and so is its file */
		unlink_listener(l);
		listener_free(l, false);
		l = NULL;
	}
	if (l)
		return l;
	l = xcalloc(1, sizeof *l);
	l->clean_slot = -1;
	l->alive[0] = l->alive[1] = -1;
	int rc = t->is_unix ? listen_unix(t->path, l, why) : listen_tcp(t, l, why);
	if (rc != 0) {
		free(l);
		return NULL;
	}
	l->key = xstrdup(key);
	l->any_port = !t->is_unix && t->port == 0;
	l->next = listeners;
	listeners = l;
	*created = true;
	return l;
}

static void publish_port(const struct listener *l)
{
	if (l->path)
		return;
	char buf[8];
	snprintf(buf, sizeof buf, "%d", l->port);
	state_var_set("CONCH_PORT", buf, 0);
}

static void unlink_listener(struct listener *l)
{
	for (struct listener **p = &listeners; *p; p = &(*p)->next)
		if (*p == l) {
			*p = l->next;
			return;
		}
}

/* Accepts one connection on a listener some stage holds (users > 0). */
static int accept_one(struct stage *st, struct listener *l, double timeout, const char **why)
{
	double deadline = timeout > 0 ? now() + timeout : 0;
	for (;;) {
		int i = wait_ready(st, l->fd, l->nfd, POLLIN, deadline);
		if (i < 0) {
			*why = errno == ETIMEDOUT ? "no connection before CONCH_ACCEPT_TIMEOUT" : reason(errno);
			return -1;
		}
		int fd = accept4(l->fd[i], NULL, NULL, SOCK_CLOEXEC);
		if (fd >= 0)
			return fd;
		/* another stage took it, or the client gave up: wait again */
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ECONNABORTED && errno != EINTR) {
			*why = reason(errno);
			return -1;
		}
	}
}

static int open_listen(struct stage *st, const char *key, const struct target *t, const char **why)
{
	double timeout = timeout_var(st, "CONCH_ACCEPT_TIMEOUT", 0);
	if (timeout < 0)
		return errno = EINVAL, -2;
	pthread_mutex_lock(&lock);
	bool created;
	struct listener *l = get_listener(key, t, &created, why);
	if (l)
		l->users++;
	pthread_mutex_unlock(&lock);
	if (!l)
		return -1;
	publish_port(l);
	int fd = accept_one(st, l, timeout, why);
	int err = errno;
	pthread_mutex_lock(&lock);
	if (--l->users == 0 && l->doomed) {
		unlink_listener(l);
		listener_free(l, true);
	}
	pthread_mutex_unlock(&lock);
	errno = err;
	return fd;
}

int net_open(struct stage *st, const char *target)
{
	const char *why = NULL;
	struct target t;
	int fd = -1;
	pthread_once(&once, init);
	if (state_opt(OPT_NONET)) {
		why = "socket redirections are off (set -o nonet)";
		goto out;
	}
	why = parse_target(target + 1, &t);
	if (why)
		goto out;
	if (t.listen) {
		fd = open_listen(st, target + 2, &t, &why);
		if (fd == -2)
			return -1;   /* the timeout variable's message is printed */
	} else {
		double timeout = timeout_var(st, "CONCH_CONNECT_TIMEOUT", CONNECT_TIMEOUT_DEFAULT);
		if (timeout < 0)
			return -1;
		fd = t.is_unix ? connect_unix(st, t.path, timeout, &why) : connect_tcp(st, &t, timeout, &why);
	}
	if (fd >= 0) {
		fd = fd_move_high(fd);
		if (fd < 0)
			why = reason(errno);
	}
out:
	if (fd < 0) {
		if (errno == EINTR && stopped(st))
			return -1;   /* Ctrl-C or a stopped stage: nothing to say */
		stage_error(st, "%s: %s", target, why);
	}
	return fd;
}

/* --- prebinding for & ---------------------------------------------------------- */

/* A Unix listener about to go to a background job: from now on its file is
 * removed by the last process holding it (last_holder), the jobs and the
 * shell alike. Lock held. */
static int share_file(struct listener *l)
{
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0)
		return -1;
	l->alive[0] = fd_move_high(p[0]);
	l->alive[1] = fd_move_high(p[1]);
	if (l->alive[0] < 0 || l->alive[1] < 0) {
		int err = errno;
		for (int i = 0; i < 2; i++)
			if (l->alive[i] >= 0)
				close(l->alive[i]);
		l->alive[0] = l->alive[1] = -1;
		return errno = err, -1;
	}
	sockclean_share(l->clean_slot, l->alive[0], l->alive[1]);
	return 0;
}

/* A port-0 listener a background job took: it keeps the port the kernel
 * gave it under that port's number, so that "@:$CONCH_PORT" later in the
 * command shares it and another "@:0" binds a port of its own. Lock held. */
static void pin_port(struct listener *l)
{
	size_t n = host_len(l->key);
	char *key = xmalloc(n + 8);
	memcpy(key, l->key, n);
	snprintf(key + n, 8, "%s%d", n ? ":" : "", l->port);
	free(l->key);
	l->key = key;
	l->any_port = false;
}

/* Binds an expanded "@:..." target for the job about to be forked. Returns
 * NULL, or why it cannot be bound. */
static const char *bind_for_job(const char *target)
{
	struct target t;
	const char *why = parse_target(target + 1, &t);
	if (why)
		return why;
	bool created;
	pthread_mutex_lock(&lock);
	struct listener *l = get_listener(target + 2, &t, &created, &why);
	if (l && l->path && l->alive[0] < 0 && share_file(l) != 0) {
		why = reason(errno);
		l = NULL;
	}
	if (l)
		l->for_job = true;
	pthread_mutex_unlock(&lock);
	if (l)
		publish_port(l);
	return why;
}

static bool listen_redir(const struct redir *r)
{
	return r->op != REDIR_HEREDOC && r->op != REDIR_DUPIN && r->op != REDIR_DUPOUT &&
	       net_word_listens(r->target);
}

/* The job's own redirections: expanded here, once; the child takes the
 * expanded target (net_claim) instead of expanding the word again. */
static void prebind_redirs(struct stage *st, const struct redir *r)
{
	for (; r; r = r->next) {
		if (!listen_redir(r))
			continue;
		char *target = NULL;
		if (expand_word_str(st, r->target, &target) != 0) {
			target = NULL;
		} else if (!state_opt(OPT_NONET) && target[0] == '@' && target[1] == ':') {
			const char *why = bind_for_job(target);
			if (why) {
				stage_error(st, "%s: %s", target, why);
				free(target);
				target = NULL;
			}
		}
		/* else: not a listener after all ("@$x"); the child opens it */
		pthread_mutex_lock(&lock);
		claims = xrealloc(claims, (nclaims + 1) * sizeof *claims);
		claims[nclaims++] = (struct claim){ r, target };
		pthread_mutex_unlock(&lock);
	}
}

/* The value of a word made of literal text and plain variables that are
 * set ("@:$port"), without running anything or printing anything; false
 * for any other word. */
static bool word_value(const struct word *w, struct sbuf *out)
{
	for (size_t i = 0; i < w->nparts; i++) {
		const struct word_part *p = &w->parts[i];
		if (p->kind == PART_LIT)
			sbuf_addn(out, p->u.lit.s, p->u.lit.len);
		else if (p->kind != PART_PARAM || p->u.param->op != PARAM_PLAIN ||
		         !is_name(p->u.param->name) || !state_var_get(p->u.param->name, out))
			return false;
	}
	return true;
}

/* Listeners deeper in the job (`{ while :; do h <> @:$port; done; } &`):
 * bound now under the address their words have now, which the child finds
 * when it gets there. Should the job change a variable first, the child
 * binds the other address itself, and the one bound here only waits unused
 * until the job ends. Words that would run something are left to the
 * child. */
static void prebind_deeper(struct stage *st, const struct node *n, int depth)
{
	if (!n || depth > 64)
		return;
	for (const struct redir *r = n->redirs; r; r = r->next) {
		struct sbuf b = SBUF_INIT;
		if (listen_redir(r) && !state_opt(OPT_NONET) && word_value(r->target, &b))
			(void)bind_for_job(b.data);   /* on failure the child says why */
		sbuf_free(&b);
	}
	switch (n->kind) {
	case NODE_PIPELINE:
		for (size_t i = 0; i < n->u.pipeline.n; i++)
			prebind_deeper(st, n->u.pipeline.cmds[i], depth + 1);
		break;
	case NODE_AND:
	case NODE_OR:
		prebind_deeper(st, n->u.andor.left, depth + 1);
		prebind_deeper(st, n->u.andor.right, depth + 1);
		break;
	case NODE_LIST:
		for (size_t i = 0; i < n->u.list.n; i++)
			prebind_deeper(st, n->u.list.items[i].cmd, depth + 1);
		break;
	case NODE_SUBSHELL:
	case NODE_GROUP:
		prebind_deeper(st, n->u.group.body, depth + 1);
		break;
	case NODE_IF:
		prebind_deeper(st, n->u.if_.cond, depth + 1);
		prebind_deeper(st, n->u.if_.then_part, depth + 1);
		prebind_deeper(st, n->u.if_.else_part, depth + 1);
		break;
	case NODE_WHILE:
	case NODE_UNTIL:
		prebind_deeper(st, n->u.loop.cond, depth + 1);
		prebind_deeper(st, n->u.loop.body, depth + 1);
		break;
	case NODE_FOR:
		prebind_deeper(st, n->u.for_.body, depth + 1);
		break;
	case NODE_CASE:
		for (size_t i = 0; i < n->u.case_.n; i++)
			prebind_deeper(st, n->u.case_.items[i].body, depth + 1);
		break;
	case NODE_SIMPLE:
	case NODE_FUNCDEF:   /* defining a function runs nothing */
		break;
	}
}

void net_prebind(struct stage *st, const struct node *job)
{
	pthread_once(&once, init);
	if (job->kind == NODE_PIPELINE) {
		for (size_t i = 0; i < job->u.pipeline.n; i++)
			prebind_redirs(st, job->u.pipeline.cmds[i]->redirs);
	} else {
		prebind_redirs(st, job->redirs);
	}
	prebind_deeper(st, job, 0);
}

static void drop_claims(void)
{
	for (size_t i = 0; i < nclaims; i++)
		free(claims[i].target);
	free(claims);
	claims = NULL;
	nclaims = 0;
}

void net_prebind_parent(void)
{
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
	/* every listener stays here until the sweep: another job of the same
	 * command, or a later command of it, may accept on it too */
	for (struct listener *l = listeners; l; l = l->next) {
		if (l->for_job && l->any_port)
			pin_port(l);
		let_go(l);
		l->for_job = false;
	}
	drop_claims();
	pthread_mutex_unlock(&lock);
}

void net_prebind_child(void)
{
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
	for (struct listener **p = &listeners; *p;) {
		struct listener *l = *p;
		if (l->for_job) {
			/* a socket file is the last holder's to remove */
			l->for_job = false;
			p = &l->next;
		} else {
			/* the shell's own, from earlier in the command line: a
			 * background job must not keep its port bound */
			*p = l->next;
			listener_free(l, false);
		}
	}
	pthread_mutex_unlock(&lock);
}

int net_claim(const struct redir *r, char **target)
{
	int rc = 0;
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nclaims; i++)
		if (claims[i].r == r) {
			*target = claims[i].target;
			rc = *target ? 1 : -1;
			claims[i] = claims[--nclaims];
			if (nclaims == 0)
				drop_claims();
			break;
		}
	pthread_mutex_unlock(&lock);
	return rc;
}

size_t net_listener_fds(int *out, size_t max)
{
	size_t n = 0;
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
	for (struct listener *l = listeners; l; l = l->next) {
		for (int i = 0; i < l->nfd && n < max; i++)
			out[n++] = l->fd[i];
		for (int i = 0; i < 2 && n < max; i++)
			if (l->alive[i] >= 0)
				out[n++] = l->alive[i];
	}
	pthread_mutex_unlock(&lock);
	return n;
}

/* --- closing ------------------------------------------------------------------ */

void net_sweep(void)
{
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
	for (struct listener **p = &listeners; *p;) {
		struct listener *l = *p;
		if (l->users == 0) {
			*p = l->next;
			listener_free(l, true);
		} else {
			l->doomed = true;
			p = &l->next;
		}
	}
	pthread_mutex_unlock(&lock);
}

void net_release_all(void)
{
	pthread_once(&once, init);
	pthread_mutex_lock(&lock);
	/* Only the files: the sockets close with the process (or at exec, being
	 * close-on-exec), and a stage may still be polling them. */
	for (struct listener *l = listeners; l; l = l->next)
		if (l->path && last_holder(l)) {
			sockclean_unlink_slot(l->clean_slot, l->path);
			l->owner = 0;
			if (l->alive[0] >= 0) {
				close(l->alive[0]);
				l->alive[0] = -1;
			}
			sockclean_forget(l->clean_slot);
			l->clean_slot = -1;
		}
	pthread_mutex_unlock(&lock);
}

#else /* !CONCH_NET */

int net_open(struct stage *st, const char *target)
{
	stage_error(st, "%s: socket redirections are not compiled in (configure --disable-net-redirections)",
	            target);
	return -1;
}

void net_prebind(struct stage *st, const struct node *job)
{
	(void)st;
	(void)job;
}

void net_prebind_parent(void) {}
void net_prebind_child(void) {}

int net_claim(const struct redir *r, char **target)
{
	(void)r;
	(void)target;
	return 0;
}

size_t net_listener_fds(int *out, size_t max)
{
	(void)out;
	(void)max;
	return 0;
}

void net_sweep(void) {}
void net_release_all(void) {}

#endif
