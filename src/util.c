/* util.c: allocation that aborts on exhaustion, growable strings and string vectors */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static _Noreturn void util_die_oom(size_t n)
{
	fprintf(stderr, "conch: out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		util_die_oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		util_die_oom(SIZE_MAX);
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		util_die_oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		util_die_oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	struct sbuf b = SBUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	sbuf_vprintf(&b, fmt, ap);
	va_end(ap);
	return sbuf_detach(&b);
}

void sbuf_grow(struct sbuf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		util_die_oom(SIZE_MAX);
	size_t need = b->len + extra + 1;
	if (b->data && need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
	b->data[b->len] = '\0';
}

void sbuf_addc(struct sbuf *b, char c)
{
	if (!b->data || b->len + 1 >= b->cap)
		sbuf_grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void sbuf_adds(struct sbuf *b, const char *s)
{
	sbuf_addn(b, s, strlen(s));
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sbuf_vprintf(b, fmt, ap);
	va_end(ap);
}

void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	va_list cp;
	va_copy(cp, ap);
	sbuf_grow(b, 64);
	int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		sbuf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

char *sbuf_detach(struct sbuf *b)
{
	char *s = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return s;
}

const char *sbuf_str(const struct sbuf *b)
{
	return b->data ? b->data : "";
}

void sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void sbuf_free(struct sbuf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void strvec_push(struct strvec *sv, char *s)
{
	if (sv->n + 2 > sv->cap) {
		size_t cap = sv->cap ? sv->cap * 2 : 8;
		if (cap > SIZE_MAX / sizeof *sv->v)
			util_die_oom(SIZE_MAX);
		sv->v = xrealloc(sv->v, cap * sizeof *sv->v);
		sv->cap = cap;
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void strvec_pushdup(struct strvec *sv, const char *s)
{
	strvec_push(sv, xstrdup(s));
}

char **strvec_argv(struct strvec *sv)
{
	if (!sv->v) {
		sv->cap = 8;
		sv->v = xcalloc(sv->cap, sizeof *sv->v);
	}
	return sv->v;
}

void strvec_free(struct strvec *sv)
{
	for (size_t i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

/* POSIX 3.235 Name */
bool is_name_n(const char *s, size_t n)
{
	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

bool is_name(const char *s)
{
	return is_name_n(s, strlen(s));
}

char *xassign(const char *name, const char *value)
{
	size_t n = strlen(name), v = strlen(value);
	char *r = xmalloc(n + v + 2);
	memcpy(r, name, n);
	r[n] = '=';
	memcpy(r + n + 1, value, v + 1);
	return r;
}

size_t fmt_intmax(char *buf, intmax_t v)
{
	char tmp[24];
	size_t n = 0;
	uintmax_t u = v < 0 ? -(uintmax_t)v : (uintmax_t)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	size_t len = 0;
	if (v < 0)
		buf[len++] = '-';
	while (n)
		buf[len++] = tmp[--n];
	buf[len] = '\0';
	return len;
}

bool parse_long(const char *s, long *out)
{
	if (!(*s == '-' || *s == '+' || (*s >= '0' && *s <= '9')))
		return false;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || end == s)
		return false;
	*out = v;
	return true;
}

int fd_move_high(int fd)
{
	int nfd = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	int saved = errno;
	close(fd);
	errno = saved;
	return nfd;
}
