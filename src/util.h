/* util.h: allocation that aborts on exhaustion, growable strings and string vectors */
#ifndef CONCH_UTIL_H
#define CONCH_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Allocators: never return NULL; print a message and abort on exhaustion. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte string, always NUL-terminated when data != NULL.
 * Zero-initialised (SBUF_INIT) is an empty buffer. */
struct sbuf {
	char *data;   /* owned; NULL until the first append */
	size_t len;   /* bytes used, not counting the NUL */
	size_t cap;   /* bytes allocated */
};
#define SBUF_INIT { NULL, 0, 0 }

void sbuf_grow(struct sbuf *b, size_t extra);
void sbuf_addc(struct sbuf *b, char c);
void sbuf_addn(struct sbuf *b, const char *s, size_t n);
void sbuf_adds(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_vprintf(struct sbuf *b, const char *fmt, va_list ap);
/* Returns the string (never NULL) and leaves b empty; caller frees. */
char *sbuf_detach(struct sbuf *b);
/* The current string, "" when empty; valid until the next append. */
const char *sbuf_str(const struct sbuf *b);
void sbuf_reset(struct sbuf *b);
void sbuf_free(struct sbuf *b);

/* A growable NULL-terminated vector of owned strings. */
struct strvec {
	char **v;     /* owned strings, v[n] == NULL when v != NULL */
	size_t n;
	size_t cap;
};
#define STRVEC_INIT { NULL, 0, 0 }

void strvec_push(struct strvec *sv, char *s);   /* takes ownership of s */
void strvec_pushdup(struct strvec *sv, const char *s);
/* The vector as argv: never NULL, NULL-terminated. */
char **strvec_argv(struct strvec *sv);
void strvec_free(struct strvec *sv);

/* Names: POSIX 3.235 Name (letters, digits, underscore; not starting with a digit). */
bool is_name(const char *s);
bool is_name_n(const char *s, size_t n);
/* "name=value", malloc'd (no printf: it is made for every assignment and
 * environment entry). */
char *xassign(const char *name, const char *value);
/* Writes v in decimal to buf (at least 21 bytes), NUL-terminated; returns
 * the length. printf's %jd, without printf (arithmetic runs it a lot). */
size_t fmt_intmax(char *buf, intmax_t v);
/* Parses a decimal integer with optional sign; false on junk or overflow. */
bool parse_long(const char *s, long *out);

/* Moves fd to a number >= 10 with close-on-exec set; closes the original.
 * Returns the new fd, or -1 with errno set (the original is then closed). */
int fd_move_high(int fd);

#endif
