/* regex.c: PCRE2 patterns for the match and subst builtins: compile, match, read lines, write runs */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <langinfo.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "charset.h"
#include "regex.h"
#include "../builtins/builtin.h"

/* Limits of one pcre2_match call. The match limit counts backtracking steps
 * (JIT and interpreter alike); at 5 million a catastrophic pattern gives up
 * in about a tenth of a second. The depth and heap limits bound the
 * interpreter (used for patterns JIT cannot compile). */
enum {
	REGEX_MATCH_LIMIT = 5000000,
	REGEX_DEPTH_LIMIT = 100000,
	REGEX_HEAP_LIMIT  = 64 * 1024,          /* KiB */
	REGEX_JIT_STACK_MIN = 32 * 1024,
	REGEX_JIT_STACK_MAX = 4 * 1024 * 1024,
};

/* Reader buffer: reads of at least REGEX_READ_MIN bytes into a buffer that
 * starts at REGEX_BUF_INIT and doubles only for longer lines. */
enum {
	REGEX_BUF_INIT = 256 * 1024,
	REGEX_READ_MIN = 64 * 1024,
};

/* True when the current locale's character set is UTF-8. */
static bool regex_locale_utf8(void)
{
	charset_load();
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int regex_compile(struct regex *re, struct stage *st, const char *who,
                  const char *pattern, unsigned flags)
{
	int status = 2;
	pcre2_compile_context *cctx = NULL;
	memset(re, 0, sizeof *re);
	re->who = who;
	re->utf = regex_locale_utf8();

	uint32_t opts = 0;
	if (re->utf)
		opts |= PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C;
	if (flags & REGEX_CASELESS)
		opts |= PCRE2_CASELESS;
	if (flags & REGEX_WHOLE)
		opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;

	int err;
	PCRE2_SIZE erroff;
	re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
	                         &err, &erroff, cctx);
	if (!re->code) {
		PCRE2_UCHAR msg[256];
		if (pcre2_get_error_message(err, msg, sizeof msg) < 0)
			strcpy((char *)msg, "unknown error");
		stage_error(st, "%s: bad pattern at offset %zu: %s", who,
		            (size_t)erroff, (const char *)msg);
		goto out;
	}
	pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &re->ngroups);

	re->mctx = pcre2_match_context_create(NULL);
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	if (!re->mctx || !re->md) {
		stage_error(st, "%s: out of memory", who);
		goto out;
	}
	pcre2_set_match_limit(re->mctx, REGEX_MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, REGEX_DEPTH_LIMIT);
	pcre2_set_heap_limit(re->mctx, REGEX_HEAP_LIMIT);
	re->ov = pcre2_get_ovector_pointer(re->md);

	/* JIT is an optimisation: without it (no JIT support, no executable
	 * memory) the interpreter gives the same results. */
	if ((flags & REGEX_JIT) && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0) {
		re->jstack = pcre2_jit_stack_create(REGEX_JIT_STACK_MIN,
		                                    REGEX_JIT_STACK_MAX, NULL);
		if (re->jstack) {
			pcre2_jit_stack_assign(re->mctx, NULL, re->jstack);
			re->jit = true;
		}
	}
	status = 0;
out:
	return status;
}

void regex_free(struct regex *re)
{
	pcre2_jit_stack_free(re->jstack);
	pcre2_match_data_free(re->md);
	pcre2_match_context_free(re->mctx);
	pcre2_code_free(re->code);
	memset(re, 0, sizeof *re);
}

int regex_exec(struct regex *re, const char *s, size_t len, size_t start, uint32_t opts)
{
	int rc;
	/* pcre2_jit_match ignores PCRE2_ANCHORED; pcre2_match honours it by
	 * falling back to the interpreter. */
	if (re->jit && !(opts & PCRE2_ANCHORED))
		rc = pcre2_jit_match(re->code, (PCRE2_SPTR)s, len, start, opts,
		                     re->md, re->mctx);
	else
		rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, opts,
		                 re->md, re->mctx);
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	/* rc 0 means the ovector was too small, impossible with match data
	 * made from the pattern; count it as a match all the same. */
	return rc == 0 ? 1 : rc;
}

/* Offset of the character after the one at pos (one byte outside UTF-8
 * mode, or at an invalid byte). */
static size_t regex_next_char(const struct regex *re, const char *s, size_t len, size_t pos)
{
	pos++;
	if (re->utf)
		while (pos < len && ((unsigned char)s[pos] & 0xC0) == 0x80)
			pos++;
	return pos;
}

int regex_next(struct regex *re, const char *s, size_t len, struct regex_iter *it)
{
	int rc;
	if (it->done)
		return 0;
	if (it->after_empty) {
		/* Perl: a non-empty match at the same place, else move on. */
		rc = regex_exec(re, s, len, it->pos, PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED);
		if (rc > 0)
			goto found;
		if (rc < 0)
			return rc;
		if (it->pos >= len) {
			it->done = true;
			return 0;
		}
		it->pos = regex_next_char(re, s, len, it->pos);
	}
	rc = regex_exec(re, s, len, it->pos, 0);
	if (rc <= 0) {
		it->done = true;
		return rc;
	}
found:
	/* \K can end a match before where the search started; never go back. */
	it->after_empty = re->ov[1] <= it->pos || re->ov[0] == re->ov[1];
	if (re->ov[1] > it->pos)
		it->pos = re->ov[1];
	return 1;
}

int regex_report(struct regex *re, struct stage *st, int rc, uintmax_t lineno)
{
	PCRE2_UCHAR msg[256];
	if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
		strcpy((char *)msg, "unknown error");
	if (lineno)
		stage_error(st, "%s: line %ju: %s", re->who, lineno, (const char *)msg);
	else
		stage_error(st, "%s: %s", re->who, (const char *)msg);
	return 2;
}

/* --- reading lines ------------------------------------------------------- */

void regex_reader_init(struct regex_reader *r, struct stage *st, int vfd)
{
	memset(r, 0, sizeof *r);
	r->st = st;
	r->vfd = vfd;
}

void regex_reader_free(struct regex_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

int regex_reader_next(struct regex_reader *r, const char **line, size_t *len, bool *nl)
{
	for (;;) {
		char *p = r->scan < r->end ? memchr(r->buf + r->scan, '\n', r->end - r->scan) : NULL;
		if (p) {
			*line = r->buf + r->pos;
			*len = (size_t)(p - *line);
			*nl = true;
			r->pos = r->scan = (size_t)(p - r->buf) + 1;
			return 1;
		}
		r->scan = r->end;
		if (r->eof) {
			if (r->pos == r->end)
				return 0;
			*line = r->buf + r->pos;
			*len = r->end - r->pos;
			*nl = false;
			r->pos = r->scan = r->end;
			return 1;
		}
		if (atomic_load(&r->st->stop)) {
			errno = EINTR;
			return -1;
		}
		if (r->st->io_error) {
			errno = r->st->io_error;
			return -1;
		}
		if (r->before_refill)
			r->before_refill(r->ctx);
		if (r->pos > 0) {
			/* Keep only the partial line. */
			memmove(r->buf, r->buf + r->pos, r->end - r->pos);
			r->end -= r->pos;
			r->scan -= r->pos;
			r->pos = 0;
		}
		if (r->cap - r->end < REGEX_READ_MIN) {
			size_t cap = r->cap ? r->cap * 2 : REGEX_BUF_INIT;
			r->buf = xrealloc(r->buf, cap);
			r->cap = cap;
		}
		ssize_t n = io_read(r->st, r->vfd, r->buf + r->end, r->cap - r->end);
		if (n < 0)
			return -1;
		if (n == 0)
			r->eof = true;
		r->end += (size_t)n;
	}
}

/* --- coalesced output ------------------------------------------------------ */

void regex_out_flush(struct regex_out *o)
{
	if (o->n)
		io_write(o->st, o->vfd, o->p, o->n);
	o->n = 0;
}

void regex_out_add(struct regex_out *o, const char *p, size_t n)
{
	if (n == 0)
		return;
	if (o->n && o->p + o->n == p) {
		o->n += n;
		return;
	}
	regex_out_flush(o);
	o->p = p;
	o->n = n;
}

void regex_out_hook(void *ctx)
{
	struct regex_out *o = ctx;
	regex_out_flush(o);
	io_flush(o->st);
}

void regex_out_number(struct regex_out *o, uintmax_t n, char c)
{
	char buf[24];
	size_t i = sizeof buf;
	buf[--i] = c;
	do
		buf[--i] = (char)('0' + n % 10);
	while ((n /= 10) != 0);
	regex_out_flush(o);
	io_write(o->st, o->vfd, buf + i, sizeof buf - i);
}

/* --- option parsing -------------------------------------------------------- */

int regex_opts_next(struct regex_opts *o, struct stage *st, const char *who,
                    int argc, char **argv, const char *spec)
{
	o->arg = NULL;
	if (!o->next || !*o->next) {
		o->next = NULL;
		if (o->ind >= argc)
			return -1;
		const char *w = argv[o->ind];
		if (w[0] != '-' || w[1] == '\0')
			return -1;
		o->ind++;
		if (strcmp(w, "--") == 0)
			return -1;
		o->next = w + 1;
	}
	char c = *o->next++;
	const char *s = c == ':' ? NULL : strchr(spec, c);
	if (!s) {
		builtin_usage_error(st, who, argv[o->ind - 1], c);
		return '?';
	}
	if (s[1] == ':') {
		if (*o->next) {
			o->arg = o->next;
		} else if (o->ind < argc) {
			o->arg = argv[o->ind++];
		} else {
			builtin_usage(st, who, "-%c: needs an argument", c);
			return '?';
		}
		o->next = NULL;
	}
	return (unsigned char)c;
}
