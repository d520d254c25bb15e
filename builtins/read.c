/* read.c: the read builtin (POSIX, with bash's options): reads a line and splits it into variables */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "../src/charset.h"
#include "../src/exec.h"
#include "../src/readahead.h"
#include "../src/signals.h"
#include "builtin.h"

/*
 * read [-rs] [-d delim] [-n nchars] [-N nchars] [-p prompt] [-t timeout]
 *      [-u fd] [name...]
 *
 * Reading never consumes input past the delimiter, because the fd may be
 * shared with the commands that run after read (`{ read a; cat; } < file`):
 * - on a regular file a redirection opened (`while read ...; done < f`),
 *   it reads through readahead.h: a block is read ahead and kept, and the
 *   offset is put back just after the delimiter before anything else can
 *   see it; most lines cost no system call;
 * - on another regular file (one conch inherited) it reads blocks (128
 *   bytes, doubling up to 4 KiB within one line) and lseeks back to just
 *   after the delimiter, as bash does: three calls a line (fstat, read,
 *   lseek), not one per byte;
 * - on a pipe it peeks with tee(2) (read_line_pipe);
 * - on anything else (tty, socket) it reads one byte at a time.
 * The options add no system call to that path when they are not given.
 *
 * Without -r, a backslash quotes the next character (which then never
 * splits) and backslash-newline is removed (the line continues). NUL bytes
 * are dropped. -d uses the first byte of its argument as the delimiter
 * ("" is NUL). -p writes the prompt to stage fd 2, only when the input is a
 * terminal (bash).
 *
 * bash's options:
 * -n N  returns after N characters, or at the delimiter if it comes first;
 *       the result is split as usual.
 * -N N  returns after exactly N characters (or at end of file, or timeout):
 *       the delimiter is an ordinary character and the result is not split:
 *       the first name gets all of it, the other names are set empty.
 *       For both, a character is one of the locale's (charset.h: UTF-8 when
 *       conch started in a UTF-8 locale), counted once it is complete; a
 *       quoting backslash, a backslash-newline and NUL bytes are not
 *       counted. N = 0 reads nothing.
 * -t T  gives up after T seconds (a decimal fraction is allowed): status
 *       128+SIGALRM (142, as bash), the names get what was read. The wait is
 *       poll(2) before each blocking read; a regular file never waits. -t 0
 *       reads nothing and assigns nothing: status 0 when input is waiting
 *       (or at end of file, or a regular file: poll says readable), else 1.
 * -u FD reads stage fd FD instead of 0.
 * -s    turns the terminal's echo off while reading (only when the input is
 *       a terminal) and restores the modes on every way out: the line, end
 *       of file, a timeout, an error, an interrupt.
 *
 * Signals, as lock.c waits: a thread stage asked to stop gives up (status
 * 1, no message). In the main stage a trapped signal runs its action at
 * once and the read goes on (bash does the same), unless the action ended
 * the shell (its status) or, as interactive Ctrl-C does, the command line
 * (130). A pipeline's last stage run on the main thread gives up on Ctrl-C
 * (130).
 *
 * Splitting is POSIX 2.6.5 with $IFS (unset: space tab newline; empty: no
 * splitting): leading IFS whitespace is skipped, each name but the last
 * takes one field, the last takes the rest of the line with trailing IFS
 * whitespace removed, and a single trailing IFS delimiter removed when the
 * rest is one field followed by it (`a:b:` with IFS=: gives x=a y=b, as in
 * dash and bash). Names with no field left are set to "". With no names the
 * whole line, unsplit and untrimmed, goes to REPLY (bash).
 *
 * Status: 0; 1 at end of file before a delimiter (the names are still
 * assigned what was read) or on a read error, or for an fd that is not
 * open; 142 on timeout; 130 when Ctrl-C ends it; 2 for usage errors
 * (including a bad number for -n, -N, -t or -u), invalid names, or a
 * readonly name (the other names are still assigned).
 */

enum {
	NO_DELIM = -1,        /* -N: no byte ends the input */
	READ_TIMEOUT = 128 + SIGALRM,
};

/* What the options ask for. */
struct read_opts {
	int vfd;              /* stage fd to read (-u), 0 by default */
	int delim;            /* a byte, or NO_DELIM */
	long limit;           /* -n/-N: characters to read; -1 for no limit */
	bool exact;           /* -N: no splitting */
	bool raw;             /* -r */
	bool silent;          /* -s */
	const char *prompt;   /* -p, or NULL */
	bool timed;           /* -t given */
	bool poll_only;       /* -t 0 */
	struct timespec deadline;   /* CLOCK_MONOTONIC, when timed */
};

struct line {
	struct sbuf text;     /* the bytes, backslashes removed */
	struct sbuf quoted;   /* one byte per text byte: 1 if backslash-quoted */
	bool any_quoted;
	bool pending_bs;      /* the last byte was an unquoted backslash */
	long limit;           /* characters wanted, -1 for no limit */
	long count;           /* characters complete so far */
	bool mb_pending;      /* the last bytes begin a multibyte character */
	int multibyte;        /* -1 not asked yet, else charset_multibyte() */
	mbstate_t mbs;
};

/* Counts byte c of the text toward the limit; true when it completes the
 * last character wanted. */
static bool count_char(struct line *l, char c)
{
	if ((unsigned char)c >= 0x80 || l->mb_pending) {
		if (l->multibyte < 0)
			l->multibyte = charset_multibyte();
		if (l->multibyte) {
			size_t r = mbrtowc(NULL, &c, 1, &l->mbs);
			if (r == (size_t)-2) {
				l->mb_pending = true;
				return false;
			}
			if (r == (size_t)-1)   /* an invalid sequence: one character */
				memset(&l->mbs, 0, sizeof l->mbs);
			l->mb_pending = false;
		}
	}
	return ++l->count >= l->limit;
}

/* Feeds one byte; returns true when the line is complete: c was the
 * delimiter, or it completed the last character wanted. */
static bool feed(struct line *l, char c, int delim, bool raw)
{
	if (l->pending_bs) {
		l->pending_bs = false;
		if (c == '\n')      /* continuation */
			return false;
		if (!l->any_quoted) {
			l->any_quoted = true;
			for (size_t i = 0; i < l->text.len; i++)
				sbuf_addc(&l->quoted, 0);
		}
		sbuf_addc(&l->text, c);
		sbuf_addc(&l->quoted, 1);
		return l->limit >= 0 && count_char(l, c);
	}
	if ((unsigned char)c == delim)
		return true;
	if (!raw && c == '\\') {
		l->pending_bs = true;
		return false;
	}
	if (c == '\0')
		return false;
	sbuf_addc(&l->text, c);
	if (l->any_quoted)
		sbuf_addc(&l->quoted, 0);
	return l->limit >= 0 && count_char(l, c);
}

/* Feeds the n bytes of buf; returns how many it took when they completed
 * the line, -1 when it took them all and the line goes on. The runs of
 * plain bytes are copied in one go. */
static ssize_t feed_chunk(struct line *l, const char *buf, size_t n, int delim, bool raw)
{
	size_t i = 0;
	while (i < n) {
		if (!l->pending_bs && !l->any_quoted && l->limit < 0) {
			size_t j = i;
			while (j < n && (unsigned char)buf[j] != delim && buf[j] != '\0' &&
			       (raw || buf[j] != '\\'))
				j++;
			sbuf_addn(&l->text, buf + i, j - i);
			if ((i = j) == n)
				break;
		}
		if (feed(l, buf[i++], delim, raw))
			return (ssize_t)i;
	}
	return -1;
}

/* A system call was interrupted by a signal: should the read give up? When
 * the stage is asked to stop; in the main stage, when the trap actions run
 * here end the shell or the command line; on the main thread otherwise,
 * at Ctrl-C. */
static bool give_up(struct stage *st)
{
	if (atomic_load(&st->stop))
		return true;
	if (st->is_main) {
		if (signals_pending()) {
			exec_run_traps(st);
			errno = EINTR;   /* the caller reports it */
		}
		return st->flow != FLOW_NONE;
	}
	return st->main_thread && signals_interrupt_pending();
}

/* read(2), restarted after signals unless give_up(). */
static ssize_t read_fd(struct stage *st, int fd, void *buf, size_t n)
{
	for (;;) {
		ssize_t r = read(fd, buf, n);
		if (r >= 0 || errno != EINTR || give_up(st))
			return r;
	}
}

/* Milliseconds from now to the deadline, rounded up; 0 once it passed. */
static int ms_left(const struct timespec *deadline)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	long long ns = (long long)(deadline->tv_sec - now.tv_sec) * 1000000000LL +
	               (deadline->tv_nsec - now.tv_nsec);
	if (ns <= 0)
		return 0;
	long long ms = (ns + 999999) / 1000000;
	return ms > INT_MAX ? INT_MAX : (int)ms;
}

/* Waits for input on fd until the deadline: 1 when there is some (or end
 * of file), 0 when the time is up, -1 when interrupted or failed (errno). */
static int wait_input(struct stage *st, int fd, const struct timespec *deadline)
{
	for (;;) {
		struct pollfd p = { fd, POLLIN, 0 };
		int r = poll(&p, 1, ms_left(deadline));
		if (r > 0)
			return 1;
		if (r == 0)
			return 0;
		if (errno != EINTR || give_up(st))
			return -1;
	}
}

/* Reads exactly n bytes that are known to be waiting in fd. */
static bool take_bytes(struct stage *st, int fd, char *buf, size_t n)
{
	while (n > 0) {
		ssize_t got = read_fd(st, fd, buf, n);
		if (got <= 0)
			return false;
		buf += got;
		n -= (size_t)got;
	}
	return true;
}

/* On a pipe, read must not take input past its line (a later command of the
 * stage may read the rest), which costs a read(2) per byte. Instead: tee(2)
 * duplicates what is waiting into the stage's private pipe without taking
 * it, the line is found there, and exactly the line is then taken from the
 * real pipe: three calls per line. With a timeout, tee does not block
 * (SPLICE_F_NONBLOCK) and poll waits instead. Returns what read_line does,
 * or -2 when tee cannot be used (the caller reads byte by byte). */
static int read_line_pipe(struct stage *st, int rfd, struct line *l, const struct read_opts *o)
{
	const int *peek = stage_peek_pipe(st);
	char buf[4096];
	size_t chunk = 128;   /* most lines are short: look at a little first */
	unsigned flags = o->timed ? SPLICE_F_NONBLOCK : 0;
	if (!peek)
		return -2;
	for (;;) {
		ssize_t n = tee(rfd, peek[1], chunk, flags);
		if (n < 0 && errno == EINTR && !give_up(st))
			continue;
		if (n < 0 && errno == EAGAIN && o->timed) {
			int w = wait_input(st, rfd, &o->deadline);
			if (w <= 0)
				return w == 0 ? 2 : -1;
			continue;
		}
		if (n < 0)
			return errno == EINVAL ? -2 : -1;
		if (n == 0)
			return 1;
		if (!take_bytes(st, peek[0], buf, (size_t)n))
			return -1;
		ssize_t used = feed_chunk(l, buf, (size_t)n, o->delim, o->raw);
		bool done = used >= 0;
		size_t take = done ? (size_t)used : (size_t)n;
		if (!take_bytes(st, rfd, buf, take))
			return -1;
		if (done)
			return 0;
		if (chunk < sizeof buf)
			chunk *= 4;
	}
}

struct take_ctx {
	struct line *l;
	const struct read_opts *o;
};

static ssize_t take_line(void *ctx, const char *p, size_t n)
{
	struct take_ctx *c = ctx;
	return feed_chunk(c->l, p, n, c->o->delim, c->o->raw);
}

/* Reads one line from rfd into l; mapped: rfd is a stage's redirection
 * (readahead.h may buffer it). Returns 0 when the line is complete
 * (delimiter, or -n/-N count), 1 at EOF, 2 on timeout, -1 on error or
 * interrupt (errno). */
static int read_line(struct stage *st, int rfd, bool mapped, struct line *l,
                     const struct read_opts *o)
{
	struct stat sb;
	char buf[4096];

	if (mapped) {
		struct take_ctx c = { l, o };
		int rc = readahead_scan(rfd, take_line, &c);
		if (rc != -2)
			return rc;
	}
	if (fstat(rfd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		size_t chunk = 128;
		for (;;) {
			ssize_t n = read_fd(st, rfd, buf, chunk);
			if (n <= 0)
				return n == 0 ? 1 : -1;
			ssize_t used = feed_chunk(l, buf, (size_t)n, o->delim, o->raw);
			if (used >= 0) {
				if (used < n && lseek(rfd, (off_t)(used - n), SEEK_CUR) < 0)
					return -1;
				return 0;
			}
			if (chunk < sizeof buf)
				chunk *= 2;
		}
	}
	if (S_ISFIFO(sb.st_mode)) {
		int rc = read_line_pipe(st, rfd, l, o);
		if (rc != -2)
			return rc;
	}
	for (;;) {
		char c;
		if (o->timed) {
			int w = wait_input(st, rfd, &o->deadline);
			if (w <= 0)
				return w == 0 ? 2 : -1;
		}
		ssize_t n = read_fd(st, rfd, &c, 1);
		if (n <= 0)
			return n == 0 ? 1 : -1;
		if (feed(l, c, o->delim, o->raw))
			return 0;
	}
}

struct splitter {
	char *s;              /* text (a field is NUL-terminated in place) */
	const char *q;        /* quoted flags, or NULL when nothing was quoted */
	unsigned char cls[256];   /* per byte: 0, IFS_WHITE or IFS_OTHER */
};

enum { IFS_WHITE = 1, IFS_OTHER = 2 };

static void splitter_ifs(struct splitter *sp, const char *ifs)
{
	memset(sp->cls, 0, sizeof sp->cls);
	for (const unsigned char *p = (const unsigned char *)ifs; *p; p++)
		sp->cls[*p] = *p == ' ' || *p == '\t' || *p == '\n' ? IFS_WHITE : IFS_OTHER;
}

static bool is_sep(const struct splitter *sp, size_t k)
{
	return sp->cls[(unsigned char)sp->s[k]] && (sp->q == NULL || !sp->q[k]);
}

static bool is_wsep(const struct splitter *sp, size_t k)
{
	return sp->cls[(unsigned char)sp->s[k]] == IFS_WHITE && (sp->q == NULL || !sp->q[k]);
}

/* Skips one delimiter starting at pos: IFS white space, at most one other
 * IFS character, IFS white space. */
static size_t skip_delim(const struct splitter *sp, size_t pos, size_t end)
{
	while (pos < end && is_wsep(sp, pos))
		pos++;
	if (pos < end && is_sep(sp, pos))
		pos++;
	while (pos < end && is_wsep(sp, pos))
		pos++;
	return pos;
}

static int assign(struct stage *st, const char *name, const char *s, size_t n)
{
	char *v = xstrndup(s, n);
	int r = stage_var_set(st, name, v);
	free(v);
	return r == 0 ? 0 : 2;
}

/* Assigns the field [start, start + n) of the text, NUL-terminated in place
 * for the time of the assignment (no copy: this runs for every field). */
static int assign_field(struct stage *st, const char *name, struct splitter *sp,
                        size_t start, size_t n)
{
	char saved = sp->s[start + n];
	sp->s[start + n] = '\0';
	int r = stage_var_set(st, name, sp->s + start);
	sp->s[start + n] = saved;
	return r == 0 ? 0 : 2;
}

/* POSIX 2.6.5 Field Splitting, as read applies it. */
static int split_assign(struct stage *st, struct line *l, char **names, int nnames)
{
	struct sbuf ifs = SBUF_INIT;
	bool ifs_set = stage_var_get(st, "IFS", &ifs);
	struct splitter sp;
	sbuf_grow(&l->text, 0);   /* a buffer even for an empty line */
	sp.s = l->text.data;
	sp.q = l->any_quoted ? l->quoted.data : NULL;
	splitter_ifs(&sp, ifs_set ? sbuf_str(&ifs) : " \t\n");
	sbuf_free(&ifs);
	size_t len = l->text.len, pos = 0;
	int status = 0;

	while (pos < len && is_wsep(&sp, pos))
		pos++;
	for (int v = 0; v < nnames - 1; v++) {
		size_t start = pos;
		while (pos < len && !is_sep(&sp, pos))
			pos++;
		size_t flen = pos - start;
		pos = skip_delim(&sp, pos, len);
		if (assign_field(st, names[v], &sp, start, flen) != 0)
			status = 2;
	}

	size_t end = len;
	while (end > pos && is_wsep(&sp, end - 1))
		end--;
	size_t k = pos;
	while (k < end && !is_sep(&sp, k))
		k++;
	if (k < end && skip_delim(&sp, k, end) == end)
		end = k;
	if (assign_field(st, names[nnames - 1], &sp, pos, end - pos) != 0)
		status = 2;
	return status;
}

/* -N: the first name gets the text as it is, the others are emptied. */
static int exact_assign(struct stage *st, struct line *l, char **names, int nnames)
{
	int status = assign(st, names[0], sbuf_str(&l->text), l->text.len);
	for (int v = 1; v < nnames; v++)
		if (assign(st, names[v], "", 0) != 0)
			status = 2;
	return status;
}

/* A count for -n / -N: decimal, 0 or more. */
static bool parse_count(const char *s, long *out)
{
	return s[0] >= '0' && s[0] <= '9' && parse_long(s, out) && *out >= 0;
}

/* A timeout for -t: DIGITS[.DIGITS] or .DIGITS, made a deadline from now.
 * Absurdly long ones are cut to about three years. */
static bool parse_timeout(const char *s, struct read_opts *o)
{
	long long sec = 0, ns = 0, scale = 100000000;
	bool digits = false;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++, digits = true)
		if (sec < 100000000)
			sec = sec * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, digits = true, scale /= 10)
			ns += (*p - '0') * scale;
	if (!digits || *p != '\0')
		return false;
	o->timed = true;
	o->poll_only = sec == 0 && ns == 0;
	clock_gettime(CLOCK_MONOTONIC, &o->deadline);
	o->deadline.tv_sec += (time_t)sec;
	o->deadline.tv_nsec += (long)ns;
	if (o->deadline.tv_nsec >= 1000000000L) {
		o->deadline.tv_sec++;
		o->deadline.tv_nsec -= 1000000000L;
	}
	return true;
}

/* Parses the options into o; returns the index of the first name, or after
 * a message -2 (a usage error or a bad option argument). */
static int parse_options(struct stage *st, int argc, char **argv, struct read_opts *o)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0)
			return i + 1;
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'r' || *p == 's') {
				*(*p == 'r' ? &o->raw : &o->silent) = true;
				continue;
			}
			if (!strchr("dnNptu", *p)) {
				builtin_usage_error(st, "read", argv[i], *p);
				return -2;
			}
			const char *val = p[1] ? p + 1 : argv[++i];
			long n;
			if (val == NULL) {
				builtin_usage(st, "read", "-%c: option requires an argument", *p);
				return -2;
			}
			switch (*p) {
			case 'p':
				o->prompt = val;
				break;
			case 'd':
				o->delim = (unsigned char)val[0];
				break;
			case 'n':
			case 'N':
				if (!parse_count(val, &o->limit)) {
					builtin_usage(st, "read", "%s: invalid number", val);
					return -2;
				}
				o->exact = *p == 'N';
				break;
			case 't':
				if (!parse_timeout(val, o)) {
					builtin_usage(st, "read", "%s: invalid timeout specification", val);
					return -2;
				}
				break;
			case 'u':
				if (!parse_count(val, &n) || n > INT_MAX) {
					builtin_usage(st, "read", "%s: invalid file descriptor specification", val);
					return -2;
				}
				o->vfd = (int)n;
				break;
			}
			break;
		}
	}
	return i;
}

int builtin_read(struct stage *st, int argc, char **argv)
{
	char reply_name[] = "REPLY";
	char *reply[] = { reply_name, NULL };
	struct read_opts o = { .vfd = 0, .delim = '\n', .limit = -1 };
	struct line l = { SBUF_INIT, SBUF_INIT, false, false, -1, 0, false, -1, { 0 } };
	struct termios saved_modes;
	bool restore_modes = false;
	int status = 0, rfd = -1;

	int i = parse_options(st, argc, argv, &o);
	if (i < 0) {
		status = 2;
		goto out;
	}
	if (o.exact)
		o.delim = NO_DELIM;
	l.limit = o.limit;

	char **names = argv + i;
	int nnames = argc - i;
	bool split = nnames > 0;
	if (!split) {
		names = reply;
		nnames = 1;
	}
	for (int k = 0; k < nnames; k++) {
		if (!is_name(names[k])) {
			stage_error(st, "read: '%s': not a valid identifier", names[k]);
			status = 2;
			goto out;
		}
	}

	bool mapped;
	rfd = fdmap_peek(&st->fds, o.vfd, &mapped);
	if (rfd == FDMAP_CAPTURE)
		errno = EBADF;
	if (rfd < 0 || (o.vfd != 0 && fcntl(rfd, F_GETFL) < 0)) {
		if (o.vfd != 0)
			stage_error(st, "read: %d: invalid file descriptor: %s", o.vfd, strerror(errno));
		else
			stage_error(st, "read: 0: %s", strerror(errno));
		status = 1;
		goto out;
	}
	if (o.poll_only) {
		struct pollfd p = { rfd, POLLIN, 0 };
		status = poll(&p, 1, 0) > 0 && !(p.revents & POLLNVAL) ? 0 : 1;
		goto out;
	}
	if ((o.prompt != NULL || o.silent) && isatty(rfd)) {
		if (o.prompt != NULL) {
			io_puts(st, 2, o.prompt);
			io_flush(st);
		}
		if (o.silent && tcgetattr(rfd, &saved_modes) == 0) {
			struct termios quiet = saved_modes;
			quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHOK | ECHONL);
			restore_modes = tcsetattr(rfd, TCSADRAIN, &quiet) == 0;
		}
	}

	int r = o.limit == 0 ? 0 : read_line(st, rfd, mapped, &l, &o);
	if (r < 0) {
		if (errno != EINTR) {
			stage_error(st, "read: %s", strerror(errno));
			status = 1;
		} else if (st->flow == FLOW_EXIT) {
			status = st->status;   /* a trap action's exit */
		} else {
			status = atomic_load(&st->stop) ? 1 : 128 + SIGINT;
			if (st->flow == FLOW_NONE && !atomic_load(&st->stop))
				st->flow = FLOW_INTERRUPT;   /* Ctrl-C in a pipeline's last stage */
		}
	} else if (r == 2) {
		status = READ_TIMEOUT;
	} else if (r == 1) {
		status = 1;
	}
	int s2;
	if (o.exact)
		s2 = exact_assign(st, &l, names, nnames);
	else if (split)
		s2 = split_assign(st, &l, names, nnames);
	else
		s2 = assign(st, "REPLY", sbuf_str(&l.text), l.text.len);
	if (s2 != 0)
		status = s2;
out:
	if (restore_modes)
		tcsetattr(rfd, TCSADRAIN, &saved_modes);
	sbuf_free(&l.text);
	sbuf_free(&l.quoted);
	return status;
}
