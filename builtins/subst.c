/* subst.c: the subst builtin: replace PCRE2 matches in strings or in the lines of stdin */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "../src/regex.h"

/*
 * subst [-gi] [-e PATTERN | PATTERN] REPLACEMENT [STRING...]
 *
 * Prints each string, or each line of stdin, with the first match (every
 * match with -g) replaced. In REPLACEMENT, $N and ${N} are group N, $0, $&
 * and ${0} the whole match, ${name} and $name a named group, \N (one digit)
 * group N as in sed; $$ and \$ are a dollar sign, \\ a backslash, \n a
 * newline, \t a tab; any other \c is c. A group that took no part in the
 * match is empty. Status 0 when something was replaced, 1 when nothing was,
 * 2 on error.
 */

/* One piece of the replacement: bytes of the literal buffer, or a group. */
struct subst_part {
	long group;          /* group number, -1 for literal text */
	size_t off, len;     /* literal: bytes of subst_repl.lit */
};

struct subst_repl {
	struct subst_part *v;   /* owned */
	size_t n, cap;
	struct sbuf lit;        /* the literal text, unescaped */
};

struct subst_run {
	struct stage *st;
	struct regex re;
	struct subst_repl rep;
	struct regex_out out;
	bool global;
	uintmax_t replaced;     /* subjects in which something was replaced */
};

static const char subst_nl[] = "\n";

static int subst_usage(struct stage *st)
{
	return builtin_usage(st, "subst", "a PATTERN and a REPLACEMENT are needed");
}

static void subst_push(struct subst_repl *r, long group, size_t off, size_t len)
{
	if (group < 0 && r->n > 0 && r->v[r->n - 1].group < 0 &&
	    r->v[r->n - 1].off + r->v[r->n - 1].len == off) {
		r->v[r->n - 1].len += len;    /* extend the previous literal */
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n++] = (struct subst_part){ group, off, len };
}

static void subst_lit(struct subst_repl *r, const char *s, size_t n)
{
	size_t off = r->lit.len;
	sbuf_addn(&r->lit, s, n);
	subst_push(r, -1, off, n);
}

/* Group number of a name or number written in the replacement; -1 after a
 * message when there is no such group. */
static long subst_group(struct subst_run *sr, const char *s, size_t n)
{
	char name[256];
	if (n == 0 || n >= sizeof name)
		goto bad;
	memcpy(name, s, n);
	name[n] = '\0';
	if (name[0] >= '0' && name[0] <= '9') {
		long g;
		if (!parse_long(name, &g) || g < 0 || (unsigned long)g > sr->re.ngroups)
			goto bad;
		return g;
	}
	int g = pcre2_substring_number_from_name(sr->re.code, (PCRE2_SPTR)name);
	if (g == PCRE2_ERROR_NOUNIQUESUBSTRING) {
		stage_error(sr->st, "subst: group name is not unique: %s", name);
		return -1;
	}
	if (g >= 0)
		return g;
bad:
	stage_error(sr->st, "subst: no such group in the pattern: %.*s", (int)n, s);
	return -1;
}

static bool subst_namechar(char c, bool first)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (!first && c >= '0' && c <= '9');
}

/* Parses the replacement into sr->rep. Returns 0, or 2 after a message. */
static int subst_parse(struct subst_run *sr, const char *s)
{
	struct subst_repl *r = &sr->rep;
	size_t i = 0, n = strlen(s);
	while (i < n) {
		size_t j = i;
		while (j < n && s[j] != '\\' && s[j] != '$')
			j++;
		if (j > i)
			subst_lit(r, s + i, j - i);
		i = j;
		if (i >= n)
			break;
		if (s[i] == '\\') {
			char c = i + 1 < n ? s[i + 1] : '\\';
			i += i + 1 < n ? 2 : 1;
			if (c >= '0' && c <= '9') {
				long g = subst_group(sr, &c, 1);
				if (g < 0)
					return 2;
				subst_push(r, g, 0, 0);
			} else {
				c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
				subst_lit(r, &c, 1);
			}
			continue;
		}
		/* s[i] == '$' */
		size_t start = i++;
		long g;
		if (i < n && (s[i] == '$')) {
			subst_lit(r, "$", 1);
			i++;
			continue;
		} else if (i < n && s[i] == '&') {
			g = 0;
			i++;
		} else if (i < n && s[i] >= '0' && s[i] <= '9') {
			j = i;
			while (j < n && s[j] >= '0' && s[j] <= '9')
				j++;
			if ((g = subst_group(sr, s + i, j - i)) < 0)
				return 2;
			i = j;
		} else if (i < n && s[i] == '{') {
			const char *close = strchr(s + i, '}');
			if (!close)
				goto bad;
			if ((g = subst_group(sr, s + i + 1, (size_t)(close - s) - i - 1)) < 0)
				return 2;
			i = (size_t)(close - s) + 1;
		} else if (i < n && subst_namechar(s[i], true)) {
			j = i;
			while (j < n && subst_namechar(s[j], false))
				j++;
			if ((g = subst_group(sr, s + i, j - i)) < 0)
				return 2;
			i = j;
		} else {
			goto bad;
		}
		subst_push(r, g, 0, 0);
		continue;
bad:
		stage_error(sr->st, "subst: bad replacement at offset %zu: "
		            "$ must be followed by a group (write \\$ for a dollar sign)", start);
		return 2;
	}
	return 0;
}

/* Writes subject s with its match(es) replaced, then a newline. nl: s[len]
 * is its newline. Returns 0 or a negative PCRE2 code. */
static int subst_subject(struct subst_run *sr, const char *s, size_t len, bool nl)
{
	struct regex_iter it = { 0 };
	const PCRE2_SIZE *ov = sr->re.ov;
	size_t last = 0;
	bool any = false;
	int rc;
	while ((rc = regex_next(&sr->re, s, len, &it)) > 0) {
		size_t from = ov[0] > last ? ov[0] : last;
		regex_out_add(&sr->out, s + last, from - last);
		for (size_t k = 0; k < sr->rep.n; k++) {
			const struct subst_part *p = &sr->rep.v[k];
			if (p->group < 0) {
				regex_out_add(&sr->out, sr->rep.lit.data + p->off, p->len);
				continue;
			}
			size_t a = ov[2 * p->group], b = ov[2 * p->group + 1];
			if (a != PCRE2_UNSET && a < b)
				regex_out_add(&sr->out, s + a, b - a);
		}
		if (ov[1] > last)
			last = ov[1];
		any = true;
		if (!sr->global)
			break;
	}
	if (rc < 0)
		return rc;
	regex_out_add(&sr->out, s + last, len - last + nl);
	if (!nl)
		regex_out_add(&sr->out, subst_nl, 1);
	sr->replaced += any;
	return 0;
}

/* Substitutes in the lines of stdin. Returns 0 or 2. */
static int subst_lines(struct subst_run *sr)
{
	int status = 0;
	struct regex_reader r;
	regex_reader_init(&r, sr->st, 0);
	r.before_refill = regex_out_hook;
	r.ctx = &sr->out;

	const char *line;
	size_t len;
	bool nl;
	uintmax_t lineno = 0;
	int rc;
	while ((rc = regex_reader_next(&r, &line, &len, &nl)) != 0) {
		if (rc < 0) {
			if (!sr->st->io_error && !atomic_load(&sr->st->stop))
				stage_error(sr->st, "subst: read error: %s", strerror(errno));
			status = 2;
			goto out;
		}
		lineno++;
		if ((rc = subst_subject(sr, line, len, nl)) < 0) {
			status = regex_report(&sr->re, sr->st, rc, lineno);
			goto out;
		}
	}
out:
	regex_out_flush(&sr->out);
	regex_reader_free(&r);
	return status;
}

int builtin_subst(struct stage *st, int argc, char **argv)
{
	int status = 2;
	struct subst_run sr = { .st = st };
	struct regex_opts op = { .ind = 1 };
	const char *pattern = NULL;
	unsigned flags = 0;
	int c;

	while ((c = regex_opts_next(&op, st, "subst", argc, argv, "e:gi")) != -1) {
		switch (c) {
		case 'e': pattern = op.arg; break;
		case 'g': sr.global = true; break;
		case 'i': flags |= REGEX_CASELESS; break;
		default:   /* regex_opts_next said why */
			status = 2;
			goto out;
		}
	}
	if (!pattern) {
		if (op.ind >= argc) {
			status = subst_usage(st);
			goto out;
		}
		pattern = argv[op.ind++];
	}
	if (op.ind >= argc) {
		status = subst_usage(st);
		goto out;
	}
	const char *replacement = argv[op.ind++];
	/* JIT compiling costs more than matching a few short strings. */
	if (op.ind == argc || argc - op.ind > 16)
		flags |= REGEX_JIT;
	if (regex_compile(&sr.re, st, "subst", pattern, flags) != 0)
		goto out;
	if (subst_parse(&sr, replacement) != 0)
		goto out;
	sr.out = (struct regex_out){ .st = st, .vfd = 1 };

	if (op.ind < argc) {
		for (int i = op.ind; i < argc; i++) {
			int rc = subst_subject(&sr, argv[i], strlen(argv[i]), false);
			if (rc < 0) {
				regex_out_flush(&sr.out);
				status = regex_report(&sr.re, st, rc, 0);
				goto out;
			}
		}
		regex_out_flush(&sr.out);
	} else if (subst_lines(&sr) != 0) {
		goto out;
	}
	status = sr.replaced > 0 ? 0 : 1;
out:
	free(sr.rep.v);
	sbuf_free(&sr.rep.lit);
	regex_free(&sr.re);
	return status;
}
