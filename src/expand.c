/* expand.c: word expansion (XCU 2.6): tilde, parameters, substitutions, splitting, globbing */

/*
 * DESIGN
 * A word expands into one or more "pre-fields" (more than one only through
 * "$@"). Each pre-field is a string plus one flag byte per character:
 *   CH_QUOTED  the character was quoted: never a field separator, and a
 *              literal character in patterns;
 *   CH_SPLIT   the character came from an unquoted expansion: subject to
 *              field splitting (POSIX 2.6.5).
 * Unquoted literal text from the source has neither flag. Field splitting
 * then cuts pre-fields at CH_SPLIT characters found in IFS, and pathname
 * expansion turns each field into a pattern where quoted characters are
 * backslash-escaped. Quote removal is implicit: quotes never reach the
 * buffers.
 */

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "arith.h"
#include "charset.h"
#include "exec.h"
#include "expand.h"
#include "pattern.h"
#include "state.h"

enum { CH_QUOTED = 1, CH_SPLIT = 2 };

enum xmode {
	XMODE_FIELDS,    /* split and glob */
	XMODE_STRING,    /* one string, no splitting or globbing */
	XMODE_PATTERN,   /* one string, quoted pattern characters escaped */
};

/* A quoted character that means something in a pattern (also inside a
 * bracket expression: - ! ^ :) is escaped with a backslash. */
static bool needs_escape(char c)
{
	return c && strchr("\\*?[]-!^:.=", c) != NULL;
}

struct prefield {
	struct sbuf s;
	struct sbuf f;          /* one flag byte per byte of s */
	bool quoted_seen;       /* a quoted part contributed (even empty) */
};

struct xstate {
	struct stage *st;
	enum xmode mode;
	struct prefield *pf;    /* pf[n-1] is the one being built */
	size_t n, cap;
};

static void pf_new(struct xstate *x)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 2;
		x->pf = xrealloc(x->pf, x->cap * sizeof *x->pf);
	}
	x->pf[x->n++] = (struct prefield){ SBUF_INIT, SBUF_INIT, false };
}

static void xstate_free(struct xstate *x)
{
	for (size_t i = 0; i < x->n; i++) {
		sbuf_free(&x->pf[i].s);
		sbuf_free(&x->pf[i].f);
	}
	free(x->pf);
	x->pf = NULL;
	x->n = x->cap = 0;
}

static void emit(struct xstate *x, const char *s, size_t len, char flag)
{
	struct prefield *p = &x->pf[x->n - 1];
	sbuf_addn(&p->s, s, len);
	sbuf_grow(&p->f, len);
	memset(p->f.data + p->f.len, flag, len);
	p->f.len += len;
	p->f.data[p->f.len] = '\0';
	if (flag & CH_QUOTED)
		p->quoted_seen = true;
}

/* Fails the expansion: message already printed. Non-interactive shells exit
 * on expansion errors (POSIX 2.8.1). */
static int fail(struct stage *st, int status)
{
	st->status = status;
	if (!state_opt(OPT_INTERACTIVE))
		st->flow = FLOW_EXIT;
	return -1;
}

static int expand_parts_lit(struct xstate *x, const struct word *w, bool force_quoted, char lit_flag);
static bool glob_magic(const char *s, const char *f, size_t len);

static int expand_parts(struct xstate *x, const struct word *w, bool force_quoted)
{
	return expand_parts_lit(x, w, force_quoted, 0);
}

/* --- tilde ------------------------------------------------------------- */

static int expand_tilde(struct xstate *x, const char *user)
{
	if (!*user) {
		struct sbuf home = SBUF_INIT;
		if (stage_var_get(x->st, "HOME", &home))
			emit(x, home.data, home.len, CH_QUOTED);
		else
			emit(x, "~", 1, CH_QUOTED);
		sbuf_free(&home);
		return 0;
	}
	char buf[4096];
	struct passwd pw, *res = NULL;
	if (getpwnam_r(user, &pw, buf, sizeof buf, &res) == 0 && res) {
		emit(x, res->pw_dir, strlen(res->pw_dir), CH_QUOTED);
	} else {
		emit(x, "~", 1, CH_QUOTED);
		emit(x, user, strlen(user), CH_QUOTED);
	}
	return 0;
}

static int expand_tilde(struct xstate *x, const char *user);

char *expand_assignment_tilde(struct stage *st, const char *value)
{
	/* POSIX 2.6.1: in an assignment, a tilde prefix at the start of the
	 * value and after each unquoted ':' */
	struct sbuf out = SBUF_INIT;
	bool changed = false;
	const char *p = value;
	for (;;) {
		if (*p == '~') {
			size_t n = strcspn(p + 1, "/:");
			char *user = xstrndup(p + 1, n);
			struct xstate x = { st, XMODE_STRING, NULL, 0, 0 };
			pf_new(&x);
			expand_tilde(&x, user);
			sbuf_addn(&out, x.pf[0].s.data, x.pf[0].s.len);
			xstate_free(&x);
			free(user);
			p += n + 1;
			changed = true;
		}
		const char *colon = strchr(p, ':');
		if (!colon) {
			sbuf_adds(&out, p);
			break;
		}
		sbuf_addn(&out, p, (size_t)(colon - p) + 1);
		p = colon + 1;
	}
	if (!changed) {
		sbuf_free(&out);
		return NULL;
	}
	return sbuf_detach(&out);
}

/* --- parameters ---------------------------------------------------------- */

static bool is_args_param(const char *name)
{
	return (name[0] == '@' || name[0] == '*') && name[1] == '\0';
}

static char ifs_first(struct stage *st, bool *has)
{
	struct sbuf ifs = SBUF_INIT;
	char c = ' ';
	*has = true;
	if (stage_var_get(st, "IFS", &ifs)) {
		if (ifs.len)
			c = ifs.data[0];
		else
			*has = false;
	}
	sbuf_free(&ifs);
	return c;
}

/* $@ and $* without operators (POSIX 2.5.2). */
static void expand_args(struct xstate *x, const char *name, bool quoted)
{
	struct args *a = x->st->args;
	if (x->mode != XMODE_FIELDS || (quoted && name[0] == '*')) {
		/* one string: "$*" joins with IFS[0]; in string contexts $@ too */
		bool has = true;
		char sep = name[0] == '*' ? ifs_first(x->st, &has) : ' ';
		for (int i = 0; i < a->n; i++) {
			if (i && has)
				emit(x, &sep, 1, quoted ? CH_QUOTED : CH_SPLIT);
			emit(x, a->v[i], strlen(a->v[i]), quoted ? CH_QUOTED : CH_SPLIT);
		}
		if (quoted)
			x->pf[x->n - 1].quoted_seen = true;
		return;
	}
	/* "$@" and unquoted $@ / $*: one pre-field per argument */
	for (int i = 0; i < a->n; i++) {
		if (i)
			pf_new(x);
		emit(x, a->v[i], strlen(a->v[i]), quoted ? CH_QUOTED : CH_SPLIT);
		if (quoted)
			x->pf[x->n - 1].quoted_seen = true;
	}
}

static size_t char_count(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && (unsigned char)s[i] < 0x80)
		i++;
	if (i == len || !charset_multibyte())
		return len;   /* ASCII, or one byte a character */
	mbstate_t ps;
	memset(&ps, 0, sizeof ps);
	size_t n = 0;
	while (len > 0) {
		size_t k = mbrlen(s, len, &ps);
		if (k == (size_t)-1 || k == (size_t)-2) {
			memset(&ps, 0, sizeof ps);
			k = 1;
		} else if (k == 0) {
			k = 1;
		}
		s += k;
		len -= k;
		n++;
	}
	return n;
}

/* Expands a word to a single string in a nested state (operator arguments). */
static int expand_sub(struct stage *st, const struct word *w, enum xmode mode, char **out)
{
	struct xstate sub = { st, mode, NULL, 0, 0 };
	pf_new(&sub);
	int rc = expand_parts(&sub, w, false);
	if (rc == 0) {
		if (mode == XMODE_PATTERN) {
			struct sbuf pat = SBUF_INIT;
			struct prefield *p = &sub.pf[0];
			for (size_t i = 0; i < p->s.len; i++) {
				char c = p->s.data[i];
				if ((p->f.data[i] & CH_QUOTED) && needs_escape(c))
					sbuf_addc(&pat, '\\');
				sbuf_addc(&pat, c);
			}
			*out = sbuf_detach(&pat);
		} else {
			*out = sbuf_detach(&sub.pf[0].s);
		}
	}
	xstate_free(&sub);
	return rc;
}

static int param_error(struct xstate *x, const struct param_exp *pe, bool isset)
{
	char *msg = NULL;
	if (pe->arg && pe->arg->nparts && expand_sub(x->st, pe->arg, XMODE_STRING, &msg) != 0)
		return -1;
	if (msg && *msg)
		stage_error(x->st, "%s: %s", pe->name, msg);
	else
		stage_error(x->st, "%s: %s", pe->name, isset ? "parameter null" : "parameter not set");
	free(msg);
	return fail(x->st, 2);
}

static int param_assign(struct xstate *x, const struct param_exp *pe, struct sbuf *val)
{
	char *v = NULL;
	if (!is_name(pe->name)) {
		stage_error(x->st, "%s: cannot assign in this way", pe->name);
		return fail(x->st, 2);
	}
	if (expand_sub(x->st, pe->arg, XMODE_STRING, &v) != 0)
		return -1;
	if (stage_var_set(x->st, pe->name, v) != 0) {
		free(v);
		return fail(x->st, 1);
	}
	sbuf_reset(val);
	sbuf_adds(val, v);
	free(v);
	return 0;
}

static int param_affix(struct xstate *x, const struct param_exp *pe, struct sbuf *val)
{
	char *pat = NULL;
	if (expand_sub(x->st, pe->arg, XMODE_PATTERN, &pat) != 0)
		return -1;
	if (val->len == 0) {
		free(pat);
		return 0;
	}
	static const enum pattern_side sides[] = {
		[PARAM_RM_SSUFFIX] = PATTERN_SHORTEST_SUFFIX,
		[PARAM_RM_LSUFFIX] = PATTERN_LONGEST_SUFFIX,
		[PARAM_RM_SPREFIX] = PATTERN_SHORTEST_PREFIX,
		[PARAM_RM_LPREFIX] = PATTERN_LONGEST_PREFIX,
	};
	enum pattern_side side = sides[pe->op];
	long k = pattern_match_affix(pat, sbuf_str(val), side);
	free(pat);
	if (k < 0)
		return 0;
	if (side == PATTERN_SHORTEST_PREFIX || side == PATTERN_LONGEST_PREFIX) {
		memmove(val->data, val->data + k, val->len - (size_t)k + 1);
		val->len -= (size_t)k;
	} else {
		val->len -= (size_t)k;
		val->data[val->len] = '\0';
	}
	return 0;
}

static int expand_param(struct xstate *x, const struct param_exp *pe, bool quoted)
{
	struct stage *st = x->st;
	char flag = quoted ? CH_QUOTED : CH_SPLIT;
	if (pe->op == PARAM_BAD) {
		stage_error(st, "${%s}: bad substitution", pe->name);
		return fail(st, 2);
	}
	if (pe->op == PARAM_PLAIN && is_args_param(pe->name)) {
		expand_args(x, pe->name, quoted);
		return 0;
	}
	struct sbuf val = SBUF_INIT;
	bool isset = stage_var_get(st, pe->name, &val);
	bool empty = val.len == 0;
	bool use_arg = !isset || (pe->colon && empty);
	int rc = 0;

	switch (pe->op) {
	case PARAM_DEFAULT:
		if (use_arg) {
			if (quoted)
				x->pf[x->n - 1].quoted_seen = true;
			rc = expand_parts_lit(x, pe->arg, quoted, CH_SPLIT);
			goto out;
		}
		break;
	case PARAM_ALT:
		if (quoted)
			x->pf[x->n - 1].quoted_seen = true;
		if (!use_arg)
			rc = expand_parts_lit(x, pe->arg, quoted, CH_SPLIT);
		goto out;
	case PARAM_ASSIGN:
		if (use_arg) {
			if ((rc = param_assign(x, pe, &val)) != 0)
				goto out;
			isset = true;   /* set -u does not apply to ${x=word} */
		}
		break;
	case PARAM_ERROR:
		if (use_arg) {
			rc = param_error(x, pe, isset);
			goto out;
		}
		break;
	default:
		break;
	}
	if (!isset && state_opt(OPT_NOUNSET) && !is_args_param(pe->name)) {
		stage_error(st, "%s: parameter not set", pe->name);
		rc = fail(st, 2);
		goto out;
	}
	switch (pe->op) {
	case PARAM_LENGTH: {
		char num[32];
		int n = snprintf(num, sizeof num, "%zu",
		                 is_args_param(pe->name) ? (size_t)st->args->n : char_count(val.data ? val.data : "", val.len));
		emit(x, num, (size_t)n, flag);
		goto out;
	}
	case PARAM_RM_SSUFFIX:
	case PARAM_RM_LSUFFIX:
	case PARAM_RM_SPREFIX:
	case PARAM_RM_LPREFIX:
		if ((rc = param_affix(x, pe, &val)) != 0)
			goto out;
		break;
	default:
		break;
	}
	if (val.len)
		emit(x, val.data, val.len, flag);
	else if (quoted)
		x->pf[x->n - 1].quoted_seen = true;
out:
	sbuf_free(&val);
	return rc;
}

/* --- command substitution and arithmetic ------------------------------- */

/* A shell variable cannot hold a NUL byte: like dash, drop them and keep
 * the rest; like bash, say so (once per substitution). */
static void drop_nul_bytes(struct stage *st, struct sbuf *out)
{
	char *p = out->len ? memchr(out->data, '\0', out->len) : NULL;
	if (!p)
		return;
	char *end = out->data + out->len, *w = p;
	for (; p < end; p++)
		if (*p)
			*w++ = *p;
	out->len = (size_t)(w - out->data);
	out->data[out->len] = '\0';
	stage_error(st, "warning: command substitution: ignored null byte in input");
}

static int expand_cmdsub(struct xstate *x, const struct node *body, bool quoted)
{
	struct sbuf out = SBUF_INIT;
	int status = exec_capture(x->st, body, &out);
	x->st->cmdsub_status = status;
	x->st->cmdsub_ran = true;
	drop_nul_bytes(x->st, &out);
	while (out.len && out.data[out.len - 1] == '\n')
		out.len--;
	if (out.len)
		emit(x, out.data, out.len, quoted ? CH_QUOTED : CH_SPLIT);
	else if (quoted)
		x->pf[x->n - 1].quoted_seen = true;
	sbuf_free(&out);
	if (x->st->flow == FLOW_EXIT && x->st->is_main)
		return -1;
	return 0;
}

static char *arith_get(void *ctx, const char *name, size_t len)
{
	char small[64];
	char *n = len < sizeof small ? small : xmalloc(len + 1);
	memcpy(n, name, len);
	n[len] = '\0';
	char *v = stage_var_dup(ctx, n);
	if (n != small)
		free(n);
	return v;
}

static int arith_set(void *ctx, const char *name, size_t len, intmax_t value, char *errbuf, size_t errlen)
{
	struct stage *st = ctx;
	char num[32];
	char *n = xstrndup(name, len);
	fmt_intmax(num, value);
	int rc = 0;
	if (state_var_flags(n, NULL) & VAR_READONLY) {
		snprintf(errbuf, errlen, "%s: readonly variable", n);
		rc = -1;
	} else if (stage_var_set(st, n, num) != 0) {
		snprintf(errbuf, errlen, "%s: cannot assign", n);
		rc = -1;
	}
	free(n);
	return rc;
}

static int expand_arith(struct xstate *x, const struct word *expr, bool quoted)
{
	char *s = NULL;
	char lit[128];
	const struct word_part *p0 = expr->nparts == 1 ? &expr->parts[0] : NULL;
	if (p0 && p0->kind == PART_LIT && !p0->quoted && p0->u.lit.len < sizeof lit &&
	    !memchr(p0->u.lit.s, '\\', p0->u.lit.len)) {
		/* $((n + 1)): nothing to expand, no copy on the heap */
		memcpy(lit, p0->u.lit.s, p0->u.lit.len);
		lit[p0->u.lit.len] = '\0';
	} else if (expand_sub(x->st, expr, XMODE_STRING, &s) != 0) {
		return -1;
	}
	const char *text = s ? s : lit;
	struct arith_vars vars = { x->st, arith_get, arith_set };
	char err[256];
	intmax_t r;
	int rc = arith_eval(text, &vars, &r, err, sizeof err);
	if (rc != 0)
		stage_error(x->st, "arithmetic: %s: '%s'", err, text);
	free(s);
	if (rc != 0)
		return fail(x->st, 2);
	char num[32];
	size_t n = fmt_intmax(num, r);
	emit(x, num, n, quoted ? CH_QUOTED : CH_SPLIT);
	return 0;
}

/* --- parts -------------------------------------------------------------- */

/* lit_flag: the flag of unquoted literal text (CH_SPLIT inside an unquoted
 * ${x:-word}, whose word is the result of an expansion). */
static int expand_parts_lit(struct xstate *x, const struct word *w, bool force_quoted, char lit_flag)
{
	for (size_t i = 0; i < w->nparts; i++) {
		const struct word_part *p = &w->parts[i];
		bool q = p->quoted || force_quoted;
		int rc = 0;
		switch (p->kind) {
		case PART_LIT:
			if (p->u.lit.len)
				emit(x, p->u.lit.s, p->u.lit.len, q ? CH_QUOTED : lit_flag);
			else if (q)
				x->pf[x->n - 1].quoted_seen = true;
			break;
		case PART_TILDE:
			rc = expand_tilde(x, p->u.tilde_user);
			break;
		case PART_PARAM:
			rc = expand_param(x, p->u.param, q);
			break;
		case PART_CMDSUB:
			rc = expand_cmdsub(x, p->u.cmdsub, q);
			break;
		case PART_ARITH:
			rc = expand_arith(x, p->u.arith, q);
			break;
		}
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* --- field splitting and pathname expansion ----------------------------- */

struct ifs {
	char set[256];          /* 1: IFS whitespace, 2: other IFS character */
};

static void ifs_load(struct stage *st, struct ifs *ifs)
{
	struct sbuf v = SBUF_INIT;
	memset(ifs->set, 0, sizeof ifs->set);
	if (!stage_var_get(st, "IFS", &v))
		sbuf_adds(&v, " \t\n");
	for (size_t i = 0; i < v.len; i++) {
		unsigned char c = (unsigned char)v.data[i];
		ifs->set[c] = (c == ' ' || c == '\t' || c == '\n') ? 1 : 2;
	}
	sbuf_free(&v);
}

struct field {
	struct sbuf s, f;
};

static void glob_field(struct stage *st, const char *s, const char *f, size_t len, struct strvec *out);

/* POSIX 2.6.5 Field Splitting */
static void split_prefield(struct stage *st, const struct ifs *ifs, struct prefield *p, struct strvec *out)
{
	const char *s = sbuf_str(&p->s);
	const char *f = p->f.data ? p->f.data : "";
	size_t n = p->s.len, i = 0, start;
	struct sbuf fs = SBUF_INIT, ff = SBUF_INIT;
	bool have = false;
	size_t before = out->n;
#define IS_IFS(k) ((f[k] & CH_SPLIT) && ifs->set[(unsigned char)s[k]])
#define IS_WS(k) ((f[k] & CH_SPLIT) && ifs->set[(unsigned char)s[k]] == 1)
	while (i < n && IS_WS(i))
		i++;
	start = i;
	(void)start;
	while (i < n) {
		if (IS_IFS(i)) {
			bool nonws = !IS_WS(i);
			i++;
			while (i < n && IS_WS(i))
				i++;
			if (!nonws && i < n && IS_IFS(i) && !IS_WS(i)) {
				i++;
				while (i < n && IS_WS(i))
					i++;
			}
			glob_field(st, sbuf_str(&fs), sbuf_str(&ff), fs.len, out);
			sbuf_reset(&fs);
			sbuf_reset(&ff);
			have = false;
			continue;
		}
		sbuf_addc(&fs, s[i]);
		sbuf_addc(&ff, f[i]);
		have = true;
		i++;
	}
	if (have)
		glob_field(st, sbuf_str(&fs), sbuf_str(&ff), fs.len, out);
	else if (out->n == before && p->quoted_seen)
		strvec_pushdup(out, "");
#undef IS_IFS
#undef IS_WS
	sbuf_free(&fs);
	sbuf_free(&ff);
}

/* Worth a pathname expansion: an unquoted * or ?, or an unquoted [ with a
 * ] after it (a lone [, as in the command `[`, matches only itself).
 * f: per-character flags, or NULL when nothing is quoted. */
static bool glob_magic(const char *s, const char *f, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (f && (f[i] & CH_QUOTED))
			continue;
		if (s[i] == '*' || s[i] == '?')
			return true;
		if (s[i] == '[' && memchr(s + i + 1, ']', len - i - 1))
			return true;
	}
	return false;
}

/* POSIX 2.6.6 Pathname Expansion */
static void glob_field(struct stage *st, const char *s, const char *f, size_t len, struct strvec *out)
{
	(void)st;
	if (!state_opt(OPT_NOGLOB) && glob_magic(s, f, len)) {
		struct sbuf pat = SBUF_INIT;
		for (size_t i = 0; i < len; i++) {
			if ((f[i] & CH_QUOTED) && needs_escape(s[i]))
				sbuf_addc(&pat, '\\');
			sbuf_addc(&pat, s[i]);
		}
		size_t got = pattern_glob(sbuf_str(&pat), out);
		sbuf_free(&pat);
		if (got)
			return;
	}
	strvec_push(out, xstrndup(s, len));
}

/* --- entry points --------------------------------------------------------- */

bool word_is_plain(const struct word *w, const char **s, size_t *len)
{
	if (w->nparts == 1 && w->parts[0].kind == PART_LIT && !w->parts[0].quoted) {
		*s = w->parts[0].u.lit.s;
		*len = w->parts[0].u.lit.len;
		return true;
	}
	if (w->nparts == 0) {
		*s = "";
		*len = 0;
		return true;
	}
	return false;
}


/* The word is exactly one $name / ${name} (quoted or not) of an ordinary
 * variable: returns the part, else NULL. */
static const struct word_part *lone_param(const struct word *w)
{
	if (w->nparts != 1 || w->parts[0].kind != PART_PARAM)
		return NULL;
	const struct param_exp *pe = w->parts[0].u.param;
	if (pe->op != PARAM_PLAIN || !is_name(pe->name))
		return NULL;
	return &w->parts[0];
}

/* Fast path for "$x" and $x: one variable lookup, no per-character flags.
 * Returns 1 when done, 0 when the general path must be taken, -1 on error. */
static int expand_lone_param(struct stage *st, const struct word_part *p, struct strvec *out)
{
	struct sbuf v = SBUF_INIT;
	if (!stage_var_get(st, p->u.param->name, &v)) {
		sbuf_free(&v);
		if (state_opt(OPT_NOUNSET))
			return 0;   /* the general path reports it */
		if (p->quoted)
			strvec_pushdup(out, "");
		return 1;
	}
	if (!p->quoted) {
		/* unquoted: only when splitting and globbing cannot change it */
		const char *ifs_chars = " \t\n";
		struct sbuf ifs = SBUF_INIT;
		if (stage_var_get(st, "IFS", &ifs))
			ifs_chars = sbuf_str(&ifs);
		bool simple = v.len > 0 && strcspn(sbuf_str(&v), ifs_chars) == v.len &&
		              (state_opt(OPT_NOGLOB) || !glob_magic(v.data, NULL, v.len));
		sbuf_free(&ifs);
		if (!simple) {
			bool empty = v.len == 0;
			sbuf_free(&v);
			return empty ? 1 : 0;
		}
	}
	strvec_push(out, sbuf_detach(&v));
	return 1;
}

int expand_words(struct stage *st, struct word *const *words, size_t n, struct strvec *out)
{
	struct ifs ifs;
	bool ifs_loaded = false;
	for (size_t i = 0; i < n; i++) {
		const struct word *w = words[i];
		const char *s;
		size_t len;
		if (w->nparts && word_is_plain(w, &s, &len) && !glob_magic(s, NULL, len)) {
			strvec_push(out, xstrndup(s, len));
			continue;
		}
		const struct word_part *lp = lone_param(w);
		if (lp) {
			int rc = expand_lone_param(st, lp, out);
			if (rc < 0)
				return -1;
			if (rc > 0)
				continue;
		}
		struct xstate x = { st, XMODE_FIELDS, NULL, 0, 0 };
		pf_new(&x);
		if (expand_parts(&x, w, false) != 0) {
			xstate_free(&x);
			return -1;
		}
		for (size_t k = 0; k < x.n; k++) {
			struct prefield *p = &x.pf[k];
			bool splittable = false;
			for (size_t j = 0; j < p->f.len; j++)
				if (p->f.data[j] & CH_SPLIT) {
					splittable = true;
					break;
				}
			if (splittable && !ifs_loaded) {
				ifs_load(st, &ifs);
				ifs_loaded = true;
			}
			if (splittable) {
				split_prefield(st, &ifs, p, out);
			} else if (p->s.len) {
				glob_field(st, p->s.data, p->f.data, p->s.len, out);
			} else if (p->quoted_seen) {
				strvec_pushdup(out, "");
			}
		}
		xstate_free(&x);
	}
	return 0;
}

int expand_word_str(struct stage *st, const struct word *w, char **out)
{
	const char *s;
	size_t len;
	if (word_is_plain(w, &s, &len)) {
		*out = xstrndup(s, len);
		return 0;
	}
	const struct word_part *lp = lone_param(w);
	if (lp && !state_opt(OPT_NOUNSET)) {
		struct sbuf v = SBUF_INIT;
		stage_var_get(st, lp->u.param->name, &v);
		*out = sbuf_detach(&v);
		return 0;
	}
	return expand_sub(st, w, XMODE_STRING, out);
}

int expand_word_pattern(struct stage *st, const struct word *w, char **out)
{
	return expand_sub(st, w, XMODE_PATTERN, out);
}

bool word_has_cmdsub(const struct word *w)
{
	if (!w)
		return false;
	for (size_t i = 0; i < w->nparts; i++) {
		const struct word_part *p = &w->parts[i];
		if (p->kind == PART_CMDSUB)
			return true;
		if (p->kind == PART_ARITH && word_has_cmdsub(p->u.arith))
			return true;
		if (p->kind == PART_PARAM && word_has_cmdsub(p->u.param->arg))
			return true;
	}
	return false;
}

