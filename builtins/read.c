/* read.c: the read builtin (POSIX): reads a line and splits it into variables */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "builtin.h"

/*
 * read [-r] [-p prompt] [-d delim] [name...]
 *
 * Reading never consumes input past the delimiter, because the fd may be
 * shared with the commands that run after read (`{ read a; cat; } < file`):
 * - on a regular file it reads blocks (128 bytes, doubling up to 4 KiB
 *   within one line) and lseeks back to just after the delimiter, as bash
 *   does; `while read` over a big file costs two syscalls a line, not one
 *   per byte;
 * - on anything else (pipe, tty, socket) it reads one byte at a time.
 *
 * Without -r, a backslash quotes the next character (which then never
 * splits) and backslash-newline is removed (the line continues). NUL bytes
 * are dropped. -d uses the first byte of its argument as the delimiter
 * ("" is NUL). -p writes the prompt to stage fd 2, only when the input is a
 * terminal (bash).
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
 * assigned what was read) or on a read error; 2 for usage errors, invalid
 * names, or a readonly name (the other names are still assigned).
 */

struct line {
	struct sbuf text;     /* the bytes, backslashes removed */
	struct sbuf quoted;   /* one byte per text byte: 1 if backslash-quoted */
	bool any_quoted;
	bool pending_bs;      /* the last byte was an unquoted backslash */
};

/* Feeds one byte; returns true when c was the delimiter (line complete). */
static bool feed(struct line *l, char c, char delim, bool raw)
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
		return false;
	}
	if (c == delim)
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
	return false;
}

/* Reads exactly n bytes that are known to be waiting in fd. */
static bool take_bytes(int fd, char *buf, size_t n)
{
	while (n > 0) {
		ssize_t got = read(fd, buf, n);
		if (got < 0 && errno == EINTR)
			continue;
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
 * real pipe: three calls per line. Returns -2 when tee cannot be used (the
 * caller reads byte by byte). */
static int read_line_pipe(struct stage *st, int rfd, struct line *l, char delim, bool raw)
{
	const int *peek = stage_peek_pipe(st);
	char buf[4096];
	size_t chunk = 128;   /* most lines are short: look at a little first */
	if (!peek)
		return -2;
	for (;;) {
		ssize_t n = tee(rfd, peek[1], chunk, 0);
		if (n < 0 && errno == EINTR && !atomic_load(&st->stop))
			continue;
		if (n < 0)
			return errno == EINVAL ? -2 : -1;
		if (n == 0)
			return 1;
		if (!take_bytes(peek[0], buf, (size_t)n))
			return -1;
		size_t take = (size_t)n;
		bool done = false;
		for (size_t i = 0; i < (size_t)n; i++)
			if (feed(l, buf[i], delim, raw)) {
				take = i + 1;
				done = true;
				break;
			}
		if (!take_bytes(rfd, buf, take))
			return -1;
		if (done)
			return 0;
		if (chunk < sizeof buf)
			chunk *= 4;
	}
}

/* Reads one line from stage fd 0 into l. Returns 0 when the delimiter was
 * found, 1 at EOF, -1 on error (errno). */
static int read_line(struct stage *st, int rfd, struct line *l, char delim, bool raw)
{
	struct stat sb;
	char buf[4096];

	if (fstat(rfd, &sb) == 0 && S_ISREG(sb.st_mode)) {
		size_t chunk = 128;
		for (;;) {
			ssize_t n = io_read(st, 0, buf, chunk);
			if (n <= 0)
				return n == 0 ? 1 : -1;
			for (ssize_t i = 0; i < n; i++) {
				if (feed(l, buf[i], delim, raw)) {
					if (i + 1 < n && lseek(rfd, (off_t)(i + 1 - n), SEEK_CUR) < 0)
						return -1;
					return 0;
				}
			}
			if (chunk < sizeof buf)
				chunk *= 2;
		}
	}
	if (S_ISFIFO(sb.st_mode)) {
		int rc = read_line_pipe(st, rfd, l, delim, raw);
		if (rc != -2)
			return rc;
	}
	for (;;) {
		char c;
		ssize_t n = io_read(st, 0, &c, 1);
		if (n <= 0)
			return n == 0 ? 1 : -1;
		if (feed(l, c, delim, raw))
			return 0;
	}
}

struct splitter {
	const char *s;        /* text */
	const char *q;        /* quoted flags, or NULL when nothing was quoted */
	const char *ifs;
};

static bool is_sep(const struct splitter *sp, size_t k)
{
	unsigned char c = (unsigned char)sp->s[k];
	return (sp->q == NULL || !sp->q[k]) && c != '\0' && strchr(sp->ifs, c) != NULL;
}

static bool is_wsep(const struct splitter *sp, size_t k)
{
	char c = sp->s[k];
	return (c == ' ' || c == '\t' || c == '\n') && is_sep(sp, k);
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

/* POSIX 2.6.5 Field Splitting, as read applies it. */
static int split_assign(struct stage *st, struct line *l, char **names, int nnames)
{
	char *ifs = stage_var_dup(st, "IFS");
	struct splitter sp = { sbuf_str(&l->text), l->any_quoted ? l->quoted.data : NULL,
	                       ifs ? ifs : " \t\n" };
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
		if (assign(st, names[v], sp.s + start, flen) != 0)
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
	if (assign(st, names[nnames - 1], sp.s + pos, end - pos) != 0)
		status = 2;
	free(ifs);
	return status;
}

int builtin_read(struct stage *st, int argc, char **argv)
{
	char reply_name[] = "REPLY";
	char *reply[] = { reply_name, NULL };
	struct line l = { SBUF_INIT, SBUF_INIT, false, false };
	const char *prompt = NULL;
	bool raw = false;
	char delim = '\n';
	int status = 0, i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'r') {
				raw = true;
				continue;
			}
			if (*p != 'p' && *p != 'd') {
				stage_error(st, "read: -%c: invalid option", *p);
				goto usage;
			}
			const char *val = p[1] ? p + 1 : argv[++i];
			if (val == NULL) {
				stage_error(st, "read: -%c: option requires an argument", *p);
				goto usage;
			}
			if (*p == 'p')
				prompt = val;
			else
				delim = val[0];
			break;
		}
	}

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

	int rfd = fdmap_get(&st->fds, 0);
	if (rfd < 0) {
		stage_error(st, "read: 0: %s", strerror(errno));
		status = 1;
		goto out;
	}
	if (prompt != NULL && isatty(rfd)) {
		io_puts(st, 2, prompt);
		io_flush(st);
	}

	int r = read_line(st, rfd, &l, delim, raw);
	if (r < 0) {
		if (!(errno == EINTR && atomic_load(&st->stop)))
			stage_error(st, "read: %s", strerror(errno));
		status = 1;
	} else if (r > 0) {
		status = 1;
	}
	int s2;
	if (split)
		s2 = split_assign(st, &l, names, nnames);
	else
		s2 = assign(st, "REPLY", sbuf_str(&l.text), l.text.len);
	if (s2 != 0)
		status = s2;
out:
	sbuf_free(&l.text);
	sbuf_free(&l.quoted);
	return status;
usage:
	stage_error(st, "read: usage: read [-r] [-p prompt] [-d delim] [name...]");
	status = 2;
	goto out;
}
