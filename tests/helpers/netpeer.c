/* netpeer.c: a socket peer for the tests: listens, echoes, captures and sends, always with a time limit */
/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * usage:
 *   netpeer listen [-t SECS] [-6 | -u PATH] [-n COUNT] [-e | -r TEXT] PORTFILE
 *       Listens on 127.0.0.1 port 0 (-6: ::1), or on the Unix socket PATH,
 *       and writes the port (or PATH) and a newline to PORTFILE atomically.
 *       Then serves COUNT connections (default 1), one after another: copies
 *       what it receives to stdout until EOF; -e echoes it back instead; -r
 *       copies it to stdout and, after EOF, sends TEXT. Removes PATH at the end.
 *   netpeer send [-t SECS] [-h] HOST:PORT | [V6]:PORT | PATH
 *       Connects (PATH must contain a '/'), copies stdin to the socket, shuts
 *       down its writing side at EOF and copies the reply to stdout until
 *       EOF; -h waits for the peer to close without reading the reply.
 *       Exit 1 if the connection is refused or the peer closes early.
 *   netpeer hold [-t SECS] [-u PATH] PORTFILE
 *       Listens like `listen` but never accepts: fills its backlog with its
 *       own connections, so that a connect from anyone else waits (TCP) or
 *       finds the backlog full (Unix). Writes PORTFILE, then exits after SECS.
 *   netpeer freeport       prints a TCP port of 127.0.0.1 that was just free
 *   netpeer wait [-t SECS] FILE   waits until FILE is not empty, prints it
 *   netpeer fds            prints the open file descriptors, one per line
 * Every wait (accept, connect, read, write) is limited to SECS, default 10,
 * decimals allowed: then "netpeer: timed out" and exit 3. Other errors:
 * "netpeer: WHAT: REASON" and exit 2.
 */

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* accept4, POLLRDHUP */
#endif

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#ifndef PIPE_BUF
#define PIPE_BUF 512
#endif

/* Exit statuses. Functions return one of these; the low-level I/O helpers
 * may also return -1 with errno set, for their caller to name the error. */
enum { ST_OK = 0, ST_PEER = 1, ST_ERR = 2, ST_TIMEOUT = 3 };

enum { BUF_SIZE = 64 * 1024 };
static const double DEFAULT_LIMIT = 10.0;
static const double MAX_LIMIT = 1e6;
static const long POLL_STEP_NS = 10L * 1000 * 1000; /* for `wait` and a full backlog */

static const char USAGE[] =
	"usage: netpeer listen [-t SECS] [-6 | -u PATH] [-n COUNT] [-e | -r TEXT] PORTFILE\n"
	"       netpeer send [-t SECS] [-h] HOST:PORT | [V6]:PORT | PATH\n"
	"       netpeer hold [-t SECS] [-u PATH] PORTFILE\n"
	"       netpeer freeport\n"
	"       netpeer wait [-t SECS] FILE\n"
	"       netpeer fds\n";

union sockaddr_any {
	struct sockaddr sa;
	struct sockaddr_in in;
	struct sockaddr_in6 in6;
	struct sockaddr_un un;
};

struct listen_opts {
	double limit;
	bool v6, echo;
	const char *path;  /* -u: Unix socket */
	const char *reply; /* -r */
	long count;
	const char *portfile;
};

/* What `send` has read from stdin and not yet written to the socket. */
struct relay {
	int sock;
	double limit;
	size_t off, len;
	bool in_eof, shut, sock_eof;
	char in[BUF_SIZE];
};

_Noreturn static void usage(void)
{
	fputs(USAGE, stderr);
	exit(ST_ERR);
}

_Noreturn static void usage_error(const char *msg, const char *arg)
{
	if (arg)
		fprintf(stderr, "netpeer: %s '%s'\n", msg, arg);
	else
		fprintf(stderr, "netpeer: %s\n", msg);
	usage();
}

_Noreturn static void bad_option(int c, int opt)
{
	if (c == ':')
		fprintf(stderr, "netpeer: option -%c needs an argument\n", opt);
	else
		fprintf(stderr, "netpeer: unknown option -%c\n", opt);
	usage();
}

static void need_operands(int argc, int n)
{
	if (argc - optind != n)
		usage_error(n ? "wrong number of operands" : "no operands expected", NULL);
}

static double parse_limit(const char *s)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	/* the comparisons are false for NaN too */
	if (end == s || *end || errno || !(v > 0 && v <= MAX_LIMIT))
		usage_error("bad time limit", s);
	return v;
}

static long parse_count(const char *s)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end || errno || v < 1 || v > INT_MAX)
		usage_error("bad count", s);
	return v;
}

static int fail(const char *what)
{
	fprintf(stderr, "netpeer: %s: %s\n", what, strerror(errno));
	return ST_ERR;
}

/* For `send`: the peer going away early is a failure of the test's peer,
 * not of netpeer. */
static int peer_fail(const char *what)
{
	bool peer = errno == EPIPE || errno == ECONNRESET || errno == ENOTCONN;
	fail(what);
	return peer ? ST_PEER : ST_ERR;
}

static int timed_out(void)
{
	fputs("netpeer: timed out\n", stderr);
	return ST_TIMEOUT;
}

static bool again(int e)
{
	return e == EINTR || e == EAGAIN || e == EWOULDBLOCK;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void nap(void)
{
	struct timespec ts = { 0, POLL_STEP_NS };
	nanosleep(&ts, NULL);
}

/* Waits until one of fds is ready, for at most `limit` seconds from now.
 * Returns ST_OK, ST_TIMEOUT (reported) or -1. A closed fd is an error
 * (EBADF), not a readiness. */
static int wait_fds(struct pollfd *fds, nfds_t n, double limit)
{
	double end = now() + limit;
	for (;;) {
		double left = end - now();
		int ms = left <= 0 ? 0 : left >= INT_MAX / 1000 ? INT_MAX : (int)(left * 1000) + 1;
		int r = poll(fds, n, ms);
		if (r > 0) {
			for (nfds_t i = 0; i < n; i++)
				if (fds[i].revents & POLLNVAL) {
					errno = EBADF;
					return -1;
				}
			return ST_OK;
		}
		if (r < 0 && errno != EINTR)
			return -1;
		if (r == 0 && ms == 0)
			return timed_out();
	}
}

static int wait_fd(int fd, short events, double limit)
{
	struct pollfd p = { .fd = fd, .events = events };
	return wait_fds(&p, 1, limit);
}

/* Reads what there is, up to cap bytes, once fd is readable; *got is 0 at
 * EOF. Returns ST_OK, ST_TIMEOUT or -1. */
static int read_some(int fd, char *buf, size_t cap, double limit, size_t *got)
{
	for (;;) {
		int rc = wait_fd(fd, POLLIN, limit);
		if (rc != ST_OK)
			return rc;
		ssize_t n = read(fd, buf, cap);
		if (n >= 0) {
			*got = (size_t)n;
			return ST_OK;
		}
		if (!again(errno))
			return -1;
	}
}

/* Writes all of buf, waiting until fd is writable before each write. Our
 * sockets are non-blocking; a blocking fd (stdout) gets at most PIPE_BUF
 * bytes at a time, which a writable pipe takes without blocking. Returns
 * ST_OK, ST_TIMEOUT or -1. */
static int write_all(int fd, const char *buf, size_t len, double limit)
{
	int flags = fcntl(fd, F_GETFL);
	if (flags < 0)
		return -1;
	size_t chunk = (flags & O_NONBLOCK) ? len : PIPE_BUF;
	while (len > 0) {
		int rc = wait_fd(fd, POLLOUT, limit);
		if (rc != ST_OK)
			return rc;
		ssize_t n = write(fd, buf, len < chunk ? len : chunk);
		if (n < 0) {
			if (again(errno))
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return ST_OK;
}

/* Copies fd to stdout until EOF; `what` names read errors. */
static int copy_to_stdout(int fd, const char *what, double limit)
{
	char buf[BUF_SIZE];
	for (;;) {
		size_t got;
		int rc = read_some(fd, buf, sizeof buf, limit, &got);
		if (rc != ST_OK)
			return rc < 0 ? fail(what) : rc;
		if (got == 0)
			return ST_OK;
		rc = write_all(STDOUT_FILENO, buf, got, limit);
		if (rc != ST_OK)
			return rc < 0 ? fail("write to stdout") : rc;
	}
}

static int echo(int fd, double limit)
{
	char buf[BUF_SIZE];
	for (;;) {
		size_t got;
		int rc = read_some(fd, buf, sizeof buf, limit, &got);
		if (rc != ST_OK)
			return rc < 0 ? fail("read from socket") : rc;
		if (got == 0)
			return ST_OK;
		rc = write_all(fd, buf, got, limit);
		if (rc != ST_OK)
			return rc < 0 ? fail("write to socket") : rc;
	}
}

/* Fills a Unix socket address; -1 with ENAMETOOLONG if path does not fit. */
static int unix_addr(const char *path, union sockaddr_any *a, socklen_t *len)
{
	size_t n = strlen(path);
	if (n >= sizeof a->un.sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memset(a, 0, sizeof *a);
	a->un.sun_family = AF_UNIX;
	memcpy(a->un.sun_path, path, n + 1);
	*len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n + 1);
	return 0;
}

/* Parses HOST:PORT (an IPv4 literal) or [V6]:PORT. */
static bool inet_addr_parse(const char *t, union sockaddr_any *a, socklen_t *len)
{
	char host[INET6_ADDRSTRLEN];
	const char *h = t, *port;
	size_t hlen;
	bool v6 = t[0] == '[';
	if (v6) {
		const char *close = strchr(t, ']');
		if (!close || close[1] != ':')
			return false;
		h = t + 1;
		hlen = (size_t)(close - h);
		port = close + 2;
	} else {
		const char *colon = strrchr(t, ':');
		if (!colon)
			return false;
		hlen = (size_t)(colon - t);
		port = colon + 1;
	}
	if (hlen >= sizeof host)
		return false;
	memcpy(host, h, hlen);
	host[hlen] = '\0';

	char *end;
	errno = 0;
	long p = strtol(port, &end, 10);
	if (*port < '0' || *port > '9' || *end || errno || p < 1 || p > 65535)
		return false;

	memset(a, 0, sizeof *a);
	if (v6) {
		a->in6.sin6_family = AF_INET6;
		a->in6.sin6_port = htons((in_port_t)p);
		*len = sizeof a->in6;
		return inet_pton(AF_INET6, host, &a->in6.sin6_addr) == 1;
	}
	a->in.sin_family = AF_INET;
	a->in.sin_port = htons((in_port_t)p);
	*len = sizeof a->in;
	return inet_pton(AF_INET, host, &a->in.sin_addr) == 1;
}

/* --- listen --- */

static void parse_listen(int argc, char **argv, struct listen_opts *o)
{
	*o = (struct listen_opts){ .limit = DEFAULT_LIMIT, .count = 1 };
	int c;
	while ((c = getopt(argc, argv, "+:t:6u:n:r:e")) != -1) {
		switch (c) {
		case 't': o->limit = parse_limit(optarg); break;
		case '6': o->v6 = true; break;
		case 'u': o->path = optarg; break;
		case 'n': o->count = parse_count(optarg); break;
		case 'r': o->reply = optarg; break;
		case 'e': o->echo = true; break;
		default: bad_option(c, optopt);
		}
	}
	if (o->v6 && o->path)
		usage_error("-6 and -u exclude each other", NULL);
	if (o->echo && o->reply)
		usage_error("-e and -r exclude each other", NULL);
	need_operands(argc, 1);
	o->portfile = argv[optind];
}

/* Creates, binds and listens; *bound tells whether a Unix path was made. */
static int open_listener(const struct listen_opts *o, int *lfd, bool *bound)
{
	union sockaddr_any a;
	socklen_t len;
	memset(&a, 0, sizeof a);
	if (o->path) {
		if (unix_addr(o->path, &a, &len) < 0)
			return fail(o->path);
	} else if (o->v6) {
		a.in6.sin6_family = AF_INET6;
		a.in6.sin6_addr = in6addr_loopback;
		len = sizeof a.in6;
	} else {
		a.in.sin_family = AF_INET;
		a.in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		len = sizeof a.in;
	}

	*lfd = socket(a.sa.sa_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (*lfd < 0)
		return fail("socket");
	int one = 1;
	if (!o->path && setsockopt(*lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0)
		return fail("setsockopt");
	if (bind(*lfd, &a.sa, len) < 0)
		return fail("bind");
	*bound = o->path != NULL;
	if (listen(*lfd, SOMAXCONN) < 0)
		return fail("listen");
	return ST_OK;
}

/* Writes `line` and a newline to path.tmp, then renames it to path. */
static int write_file_atomic(const char *path, const char *line)
{
	int rc = ST_OK, fd = -1;
	bool made = false;
	size_t plen = strlen(path);
	char *tmp = malloc(plen + sizeof ".tmp");
	if (!tmp)
		return fail("malloc");
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".tmp", sizeof ".tmp");

	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		rc = fail(tmp);
		goto out;
	}
	made = true;
	if (dprintf(fd, "%s\n", line) < 0) {
		rc = fail(tmp);
		goto out;
	}
	int closed = close(fd);
	fd = -1;
	if (closed < 0) {
		rc = fail(tmp);
		goto out;
	}
	if (rename(tmp, path) < 0) {
		rc = fail(path);
		goto out;
	}
	made = false;
out:
	if (fd >= 0)
		close(fd);
	if (made)
		unlink(tmp);
	free(tmp);
	return rc;
}

static int announce(const struct listen_opts *o, int lfd)
{
	if (o->path)
		return write_file_atomic(o->portfile, o->path);
	union sockaddr_any a;
	socklen_t len = sizeof a;
	if (getsockname(lfd, &a.sa, &len) < 0)
		return fail("getsockname");
	in_port_t port = a.sa.sa_family == AF_INET6 ? a.in6.sin6_port : a.in.sin_port;
	char text[16];
	snprintf(text, sizeof text, "%u", (unsigned)ntohs(port));
	return write_file_atomic(o->portfile, text);
}

static int accept_one(int lfd, double limit, int *cfd)
{
	for (;;) {
		int rc = wait_fd(lfd, POLLIN, limit);
		if (rc != ST_OK)
			return rc < 0 ? fail("accept") : rc;
		*cfd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
		if (*cfd >= 0)
			return ST_OK;
		if (!again(errno) && errno != ECONNABORTED)
			return fail("accept");
	}
}

static int serve_one(int lfd, const struct listen_opts *o)
{
	int fd = -1;
	int rc = accept_one(lfd, o->limit, &fd);
	if (rc != ST_OK)
		goto out;
	if (o->echo) {
		rc = echo(fd, o->limit);
		goto out;
	}
	rc = copy_to_stdout(fd, "read from socket", o->limit);
	if (rc != ST_OK || !o->reply)
		goto out;
	rc = write_all(fd, o->reply, strlen(o->reply), o->limit);
	if (rc < 0)
		rc = fail("write to socket");
out:
	if (fd >= 0)
		close(fd);
	return rc;
}

static int cmd_listen(int argc, char **argv)
{
	struct listen_opts o;
	parse_listen(argc, argv, &o);

	int lfd = -1;
	bool bound = false;
	int rc = open_listener(&o, &lfd, &bound);
	if (rc != ST_OK)
		goto out;
	rc = announce(&o, lfd);
	for (long i = 0; rc == ST_OK && i < o.count; i++)
		rc = serve_one(lfd, &o);
out:
	if (lfd >= 0)
		close(lfd);
	if (bound)
		unlink(o.path);
	return rc;
}

/* --- send --- */

static int connect_failed(void)
{
	if (errno == ECONNREFUSED) {
		fail("connect");
		return ST_PEER;
	}
	return fail("connect");
}

static int finish_connect(int fd, double limit)
{
	int rc = wait_fd(fd, POLLOUT, limit);
	if (rc != ST_OK)
		return rc < 0 ? fail("connect") : rc;
	int err = 0;
	socklen_t len = sizeof err;
	if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		return fail("getsockopt");
	if (err) {
		errno = err;
		return connect_failed();
	}
	return ST_OK;
}

static int connect_to(const union sockaddr_any *a, socklen_t len, double limit, int *sfd)
{
	*sfd = socket(a->sa.sa_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (*sfd < 0)
		return fail("socket");
	double end = now() + limit;
	while (connect(*sfd, &a->sa, len) < 0) {
		if (errno == EINPROGRESS || errno == EINTR)
			return finish_connect(*sfd, end - now());
		if (errno != EAGAIN)
			return connect_failed();
		/* the backlog of a Unix listener is full: try again shortly */
		if (now() >= end)
			return timed_out();
		nap();
	}
	return ST_OK;
}

static int pump_stdin(struct relay *r)
{
	ssize_t n = read(STDIN_FILENO, r->in, sizeof r->in);
	if (n < 0)
		return again(errno) ? ST_OK : fail("read stdin");
	r->off = 0;
	r->len = (size_t)n;
	r->in_eof = n == 0;
	return ST_OK;
}

static int pump_to_sock(struct relay *r)
{
	ssize_t n = write(r->sock, r->in + r->off, r->len - r->off);
	if (n < 0)
		return again(errno) ? ST_OK : peer_fail("write to socket");
	r->off += (size_t)n;
	return ST_OK;
}

static int pump_from_sock(struct relay *r)
{
	char buf[BUF_SIZE];
	ssize_t n = read(r->sock, buf, sizeof buf);
	if (n < 0)
		return again(errno) ? ST_OK : peer_fail("read from socket");
	if (n == 0) {
		r->sock_eof = true;
		return ST_OK;
	}
	int rc = write_all(STDOUT_FILENO, buf, (size_t)n, r->limit);
	return rc < 0 ? fail("write to stdout") : rc;
}

/* One round of `send`: waits for stdin or the socket and moves data. Both
 * directions at once, so that an echoing peer never waits for us. */
static int relay_step(struct relay *r)
{
	bool pending = r->off < r->len;
	struct pollfd p[2] = {
		{ .fd = r->in_eof || pending ? -1 : STDIN_FILENO, .events = POLLIN },
		{ .fd = r->sock, .events = (short)((pending ? POLLOUT : 0) | (r->sock_eof ? 0 : POLLIN)) },
	};
	if (!p[1].events)
		p[1].fd = -1; /* else a hung-up socket would wake us again and again */
	int rc = wait_fds(p, 2, r->limit);
	if (rc != ST_OK)
		return rc < 0 ? fail("poll") : rc;
	if (p[0].revents)
		rc = pump_stdin(r);
	if (rc == ST_OK && p[1].revents && (p[1].events & POLLOUT))
		rc = pump_to_sock(r);
	if (rc == ST_OK && p[1].revents && (p[1].events & POLLIN))
		rc = pump_from_sock(r);
	return rc;
}

static int relay(int sock, double limit)
{
	struct relay *r = malloc(sizeof *r);
	if (!r)
		return fail("malloc");
	*r = (struct relay){ .sock = sock, .limit = limit };
	int rc = ST_OK;
	while (rc == ST_OK && !(r->shut && r->sock_eof)) {
		if (r->in_eof && !r->shut) {
			if (shutdown(sock, SHUT_WR) < 0)
				rc = peer_fail("shutdown");
			r->shut = true;
		} else {
			rc = relay_step(r);
		}
	}
	free(r);
	return rc;
}

/* -h: sends stdin, shuts down, and waits for the peer to close without
 * reading what it sent. */
static int send_hold(int sock, double limit)
{
	char buf[BUF_SIZE];
	for (;;) {
		size_t got;
		int rc = read_some(STDIN_FILENO, buf, sizeof buf, limit, &got);
		if (rc != ST_OK)
			return rc < 0 ? fail("read stdin") : rc;
		if (got == 0)
			break;
		rc = write_all(sock, buf, got, limit);
		if (rc != ST_OK)
			return rc < 0 ? peer_fail("write to socket") : rc;
	}
	if (shutdown(sock, SHUT_WR) < 0)
		return peer_fail("shutdown");
	int rc = wait_fd(sock, POLLRDHUP, limit);
	if (rc != ST_OK)
		return rc < 0 ? fail("poll") : rc;
	int err = 0;
	socklen_t len = sizeof err;
	if (getsockopt(sock, SOL_SOCKET, SO_ERROR, &err, &len) < 0)
		return fail("getsockopt");
	if (err) {
		errno = err;
		return peer_fail("connection");
	}
	return ST_OK;
}

static int cmd_send(int argc, char **argv)
{
	double limit = DEFAULT_LIMIT;
	bool hold = false;
	int c;
	while ((c = getopt(argc, argv, "+:t:h")) != -1) {
		switch (c) {
		case 't': limit = parse_limit(optarg); break;
		case 'h': hold = true; break;
		default: bad_option(c, optopt);
		}
	}
	need_operands(argc, 1);
	const char *target = argv[optind];

	union sockaddr_any a;
	socklen_t len;
	if (strchr(target, '/')) {
		if (unix_addr(target, &a, &len) < 0)
			return fail(target);
	} else if (!inet_addr_parse(target, &a, &len)) {
		usage_error("bad target", target);
	}

	int sock = -1;
	int rc = connect_to(&a, len, limit, &sock);
	if (rc != ST_OK)
		goto out;
	rc = hold ? send_hold(sock, limit) : relay(sock, limit);
out:
	if (sock >= 0)
		close(sock);
	return rc;
}

/* --- hold --- */

enum { HOLD_FILL = 4 }; /* connections that fill a backlog of 0 with room to spare */

/* A listener with a backlog of 0 that never accepts, filled by HOLD_FILL
 * connections of its own: a TCP connect from anyone else sees its SYN
 * dropped and waits, a Unix connect finds the backlog full. */
static int cmd_hold(int argc, char **argv)
{
	struct listen_opts o = { .limit = DEFAULT_LIMIT, .count = 1 };
	int c;
	while ((c = getopt(argc, argv, "+:t:u:")) != -1) {
		switch (c) {
		case 't': o.limit = parse_limit(optarg); break;
		case 'u': o.path = optarg; break;
		default: bad_option(c, optopt);
		}
	}
	need_operands(argc, 1);
	o.portfile = argv[optind];

	int lfd = -1, fill[HOLD_FILL], nfill = 0;
	bool bound = false;
	int rc = open_listener(&o, &lfd, &bound);
	if (rc != ST_OK)
		goto out;
	if (listen(lfd, 0) < 0) {
		rc = fail("listen");
		goto out;
	}
	union sockaddr_any a;
	socklen_t len = sizeof a;
	if (getsockname(lfd, &a.sa, &len) < 0) {
		rc = fail("getsockname");
		goto out;
	}
	for (; nfill < HOLD_FILL; nfill++) {
		fill[nfill] = socket(a.sa.sa_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
		if (fill[nfill] < 0) {
			rc = fail("socket");
			goto out;
		}
		/* EINPROGRESS: the SYN waits in the full queue; EAGAIN: the
		 * Unix backlog is full already. Either is what we want. */
		if (connect(fill[nfill], &a.sa, len) < 0 && errno != EINPROGRESS && !again(errno)) {
			rc = fail("connect");
			nfill++;
			goto out;
		}
	}
	/* let the handshakes of the first connections complete */
	for (int i = 0; i < 20; i++)
		nap();
	rc = announce(&o, lfd);
	if (rc != ST_OK)
		goto out;
	struct timespec ts = { (time_t)o.limit, (long)((o.limit - (double)(time_t)o.limit) * 1e9) };
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
out:
	for (int i = 0; i < nfill; i++)
		if (fill[i] >= 0)
			close(fill[i]);
	if (lfd >= 0)
		close(lfd);
	if (bound)
		unlink(o.path);
	return rc;
}

/* --- freeport, wait, fds --- */

static int cmd_freeport(int argc, char **argv)
{
	(void)argv;
	need_operands(argc, 0);
	int rc = ST_OK;
	union sockaddr_any a;
	memset(&a, 0, sizeof a);
	a.in.sin_family = AF_INET;
	a.in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	socklen_t len = sizeof a.in;

	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		rc = fail("socket");
		goto out;
	}
	if (bind(fd, &a.sa, len) < 0) {
		rc = fail("bind");
		goto out;
	}
	len = sizeof a;
	if (getsockname(fd, &a.sa, &len) < 0) {
		rc = fail("getsockname");
		goto out;
	}
	printf("%u\n", (unsigned)ntohs(a.in.sin_port));
	if (fflush(stdout) == EOF)
		rc = fail("write to stdout");
out:
	if (fd >= 0)
		close(fd);
	return rc;
}

static int wait_nonempty(const char *path, double limit)
{
	double end = now() + limit;
	for (;;) {
		struct stat st;
		if (stat(path, &st) == 0) {
			if (st.st_size > 0)
				return ST_OK;
		} else if (errno != ENOENT) {
			return fail(path);
		}
		if (now() >= end)
			return timed_out();
		nap();
	}
}

static int cmd_wait(int argc, char **argv)
{
	double limit = DEFAULT_LIMIT;
	int c;
	while ((c = getopt(argc, argv, "+:t:")) != -1) {
		if (c != 't')
			bad_option(c, optopt);
		limit = parse_limit(optarg);
	}
	need_operands(argc, 1);
	const char *path = argv[optind];

	int rc = wait_nonempty(path, limit);
	if (rc != ST_OK)
		return rc;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(path);
	rc = copy_to_stdout(fd, path, limit);
	close(fd);
	return rc;
}

static int cmd_fds(int argc, char **argv)
{
	(void)argv;
	need_operands(argc, 0);
	DIR *d = opendir("/proc/self/fd");
	if (!d)
		return fail("/proc/self/fd");
	int rc = ST_OK, skip = dirfd(d);
	for (;;) {
		errno = 0;
		struct dirent *e = readdir(d);
		if (!e) {
			if (errno)
				rc = fail("/proc/self/fd");
			break;
		}
		if (e->d_name[0] == '.')
			continue;
		/* procfs lists them in increasing order */
		if (atoi(e->d_name) != skip)
			printf("%s\n", e->d_name);
	}
	closedir(d);
	if (fflush(stdout) == EOF && rc == ST_OK)
		rc = fail("write to stdout");
	return rc;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} cmds[] = {
		{ "listen", cmd_listen },
		{ "send", cmd_send },
		{ "hold", cmd_hold },
		{ "freeport", cmd_freeport },
		{ "wait", cmd_wait },
		{ "fds", cmd_fds },
	};

	struct sigaction sa = { .sa_handler = SIG_IGN };
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGPIPE, &sa, NULL) < 0)
		return fail("sigaction");
	if (argc < 2)
		usage();
	opterr = 0;
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].run(argc - 1, argv + 1);
	usage_error("unknown subcommand", argv[1]);
}
