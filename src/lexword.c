/* lexword.c: words and their parts: quoting, parameters, substitutions, arithmetic, tildes */
#include <stdlib.h>
#include <string.h>

#include "lex.h"

/* Where a word is being read; decides what ends it and what quotes. */
enum wctx {
	WCTX_UNQUOTED,   /* a token word: ends at a metacharacter */
	WCTX_DQUOTE,     /* "...": ends at " */
	WCTX_PARAM,      /* the word of ${x-word} outside double quotes */
	WCTX_PARAM_DQ,   /* the same inside double quotes */
	WCTX_HEREDOC,    /* an unquoted here-document body: ends at end of input */
	WCTX_ARITH,      /* $((...)): ends at )) outside parentheses */
};

struct wbuild {
	struct pstack_mark m;  /* parts gathered so far */
	char q;                /* how the bytes in p->lit are quoted: 0 (not),
	                          '"', '\'' or '\\' (a backslash) */
	bool force;            /* emit the literal even when empty ("" or '') */
	bool pattern;          /* WCTX_PARAM_DQ of a pattern operator: '...' quotes */
	int adepth;            /* WCTX_ARITH: open parentheses */
};

static bool lex_parts(struct parser *p, struct wbuild *b, enum wctx ctx, int qline, int qcol);

static void wb_begin(struct parser *p, struct wbuild *b)
{
	memset(b, 0, sizeof *b);
	b->m = pstack_begin(&p->stk);
}

static void wb_flush(struct parser *p, struct wbuild *b)
{
	if (p->lit.len || b->force) {
		struct word_part wp = { .kind = PART_LIT, .quoted = b->q != 0, .quote = b->q };
		wp.u.lit.s = arena_strndup(p->arena, sbuf_str(&p->lit), p->lit.len);
		wp.u.lit.len = p->lit.len;
		pstack_push(&p->stk, &wp, sizeof wp);
	}
	sbuf_reset(&p->lit);
	b->force = false;
}

/* Adds byte c quoted as q says (see struct wbuild). */
static void wb_addc(struct parser *p, struct wbuild *b, int c, char q)
{
	if (b->q != q && (p->lit.len || b->force))
		wb_flush(p, b);
	b->q = q;
	sbuf_addc(&p->lit, (char)c);
}

static void wb_push(struct parser *p, struct wbuild *b, const struct word_part *wp)
{
	wb_flush(p, b);
	pstack_push(&p->stk, wp, sizeof *wp);
}

/* Snapshot taken at an opening quote, to notice an empty "" or ''. */
struct qmark {
	size_t stk, lit;
};

static struct qmark wb_qmark(const struct parser *p, const struct wbuild *b)
{
	(void)b;
	return (struct qmark){ p->stk.len, p->lit.len };
}

static void wb_qclose(struct parser *p, struct wbuild *b, struct qmark m, char q)
{
	if (p->stk.len == m.stk && p->lit.len == m.lit) {
		if (b->q != q && p->lit.len)
			wb_flush(p, b);
		b->q = q;
		b->force = true;
	}
}

static struct word *wb_finish(struct parser *p, struct wbuild *b, int line, int col)
{
	wb_flush(p, b);
	struct word *w = arena_alloc(p->arena, sizeof *w);
	w->parts = pstack_finish(p, b->m, sizeof(struct word_part), &w->nparts);
	w->line = line;
	w->col = col;
	return w;
}

struct word *word_empty(struct parser *p, bool quoted_lit)
{
	struct word *w = arena_alloc(p->arena, sizeof *w);
	if (quoted_lit) {
		w->nparts = 1;
		w->parts = arena_alloc(p->arena, sizeof *w->parts);
		w->parts[0].kind = PART_LIT;
		w->parts[0].quoted = true;
		w->parts[0].quote = '"';
		w->parts[0].u.lit.s = "";
	}
	return w;
}

/* POSIX 2.6.1 Tilde Expansion: splits unquoted literals at tilde-prefixes
 * (word start; in assignments also after each unquoted ':'). */
static void word_tilde_part(struct parser *p, const struct word *w, size_t i, bool assign)
{
	const struct word_part *wp = &w->parts[i];
	const char *s = wp->u.lit.s;
	size_t len = wp->u.lit.len, k = 0, j = 0;
	while (j < len) {
		bool start = (j == 0 && i == 0) || (assign && j > 0 && s[j - 1] == ':');
		if (s[j] != '~' || !start) {
			j++;
			continue;
		}
		size_t e = j + 1;
		while (e < len && s[e] != '/' && !(assign && s[e] == ':'))
			e++;
		if (e == len && i + 1 < w->nparts) {
			j++;
			continue;
		}
		struct word_part lit = { .kind = PART_LIT };
		if (j > k) {
			lit.u.lit.s = s + k;
			lit.u.lit.len = j - k;
			pstack_push(&p->stk, &lit, sizeof lit);
		}
		struct word_part t = { .kind = PART_TILDE };
		t.u.tilde_user = arena_strndup(p->arena, s + j + 1, e - j - 1);
		pstack_push(&p->stk, &t, sizeof t);
		k = j = e;
	}
	if (len > k) {
		struct word_part lit = { .kind = PART_LIT };
		lit.u.lit.s = s + k;
		lit.u.lit.len = len - k;
		pstack_push(&p->stk, &lit, sizeof lit);
	}
}

static struct word *word_tilde(struct parser *p, struct word *w, bool assign)
{
	bool any = false;
	for (size_t i = 0; i < w->nparts && !any; i++) {
		const struct word_part *wp = &w->parts[i];
		if (wp->kind == PART_LIT && !wp->quoted && memchr(wp->u.lit.s, '~', wp->u.lit.len))
			any = i == 0 || assign;
	}
	if (!any)
		return w;
	struct pstack_mark m = pstack_begin(&p->stk);
	for (size_t i = 0; i < w->nparts; i++) {
		if (w->parts[i].kind == PART_LIT && !w->parts[i].quoted)
			word_tilde_part(p, w, i, assign);
		else
			pstack_push(&p->stk, &w->parts[i], sizeof w->parts[i]);
	}
	struct word *nw = arena_alloc(p->arena, sizeof *nw);
	*nw = *w;
	nw->parts = pstack_finish(p, m, sizeof(struct word_part), &nw->nparts);
	return nw;
}

/* The value of an assignment word: w without its first `skip` bytes. */
struct word *word_assign_value(struct parser *p, const struct word *w, size_t skip)
{
	struct pstack_mark m = pstack_begin(&p->stk);
	struct word_part first = w->parts[0];
	if (first.u.lit.len > skip) {
		first.u.lit.s += skip;
		first.u.lit.len -= skip;
		pstack_push(&p->stk, &first, sizeof first);
	}
	for (size_t i = 1; i < w->nparts; i++)
		pstack_push(&p->stk, &w->parts[i], sizeof w->parts[i]);
	struct word *v = arena_alloc(p->arena, sizeof *v);
	v->parts = pstack_finish(p, m, sizeof(struct word_part), &v->nparts);
	v->line = w->line;
	v->col = w->col + (int)skip;
	return word_tilde(p, v, true);
}

/* How the bytes read in ctx are quoted (see struct wbuild): '"' or 0. */
static char ctx_quote(enum wctx ctx)
{
	return ctx == WCTX_DQUOTE || ctx == WCTX_PARAM_DQ || ctx == WCTX_HEREDOC ? '"' : 0;
}

static bool lex_is_meta(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' ||
	       c == '(' || c == ')' || c == '<' || c == '>';
}

static bool lex_squote(struct parser *p, struct wbuild *b)
{
	int line = p->line, col = lex_col(p);
	struct qmark qm = wb_qmark(p, b);
	lex_advance(p, 1);
	for (;;) {
		int c = lex_raw(p, 0);
		if (c < 0) {
			parse_fail(p, line, col, "unterminated quoted string");
			return false;
		}
		lex_advance(p, 1);
		if (c == '\'')
			break;
		wb_addc(p, b, c, '\'');
	}
	wb_qclose(p, b, qm, '\'');
	return true;
}

static bool lex_dquote(struct parser *p, struct wbuild *b)
{
	int line = p->line, col = lex_col(p);
	struct qmark qm = wb_qmark(p, b);
	lex_advance(p, 1);
	if (!lex_parts(p, b, WCTX_DQUOTE, line, col))
		return false;
	lex_advance(p, 1);
	wb_qclose(p, b, qm, '"');
	return true;
}

/* POSIX 2.2.1 Escape Character; 2.2.3 Double-Quotes for the quoted forms. */
static void lex_backslash(struct parser *p, struct wbuild *b, enum wctx ctx)
{
	lex_advance(p, 1);
	int c = lex_raw(p, 0);
	char q = ctx_quote(ctx);
	if (c < 0) {
		wb_addc(p, b, '\\', q);
		return;
	}
	const char *esc = "$`\\\"";
	if (ctx == WCTX_PARAM_DQ)
		esc = "$`\\\"}";
	else if (ctx == WCTX_HEREDOC || ctx == WCTX_ARITH)
		esc = "$`\\";
	if (ctx == WCTX_UNQUOTED || ctx == WCTX_PARAM || (c > 0 && strchr(esc, c))) {
		lex_advance(p, 1);
		wb_addc(p, b, c, q ? q : '\\');
	} else {
		wb_addc(p, b, '\\', q);
	}
}

static int lex_ansi_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* One escape of $'...' after the backslash; returns the byte or -1 to keep it verbatim. */
static int lex_ansi_escape(struct parser *p)
{
	int c = lex_raw(p, 0);
	static const char from[] = "ntr\\'\"abefv?E";
	static const char to[] = "\n\t\r\\'\"\a\b\033\f\v?\033";
	const char *f = c > 0 ? strchr(from, c) : NULL;
	if (f) {
		lex_advance(p, 1);
		return (unsigned char)to[f - from];
	}
	if (c >= '0' && c <= '7') {
		int v = 0;
		for (int i = 0; i < 3 && (c = lex_raw(p, 0)) >= '0' && c <= '7'; i++) {
			v = v * 8 + c - '0';
			lex_advance(p, 1);
		}
		return v & 0xff;
	}
	if (c == 'x' && lex_ansi_hex(lex_raw(p, 1)) >= 0) {
		lex_advance(p, 1);
		int v = 0;
		for (int i = 0; i < 2 && lex_ansi_hex(lex_raw(p, 0)) >= 0; i++) {
			v = v * 16 + lex_ansi_hex(lex_raw(p, 0));
			lex_advance(p, 1);
		}
		return v;
	}
	if (c == 'c' && lex_raw(p, 1) >= 0 && lex_raw(p, 1) != '\n') {
		int x = lex_raw(p, 1);
		lex_advance(p, 2);
		return x == '?' ? 0x7f : (x & 0x1f);
	}
	return -1;
}

/* $'...': ANSI-C quoting, decoded now into a quoted literal. */
static bool lex_ansi(struct parser *p, struct wbuild *b, int line, int col)
{
	struct qmark qm = wb_qmark(p, b);
	lex_advance(p, 1);
	for (;;) {
		int c = lex_raw(p, 0);
		if (c < 0) {
			parse_fail(p, line, col, "unterminated quoted string");
			return false;
		}
		lex_advance(p, 1);
		if (c == '\'')
			break;
		if (c == '\\') {
			c = lex_ansi_escape(p);
			if (c < 0)
				wb_addc(p, b, '\\', '"');
			else if (c == 0)
				continue;   /* a NUL cannot be in a C string: dropped */
		}
		if (c >= 0)
			wb_addc(p, b, c, '"');
	}
	wb_qclose(p, b, qm, '"');
	return true;
}

/* Length of a parameter name at raw offset off: identifier, digits, or one special. */
static size_t lex_name_len(struct parser *p, size_t off)
{
	int c = lex_raw(p, off);
	size_t n = 0;
	if (c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
		while ((c = lex_raw(p, off + n)) == '_' || (c >= 'a' && c <= 'z') ||
		       (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			n++;
	} else if (c >= '0' && c <= '9') {
		while ((c = lex_raw(p, off + n)) >= '0' && c <= '9')
			n++;
	} else if (c > 0 && strchr("@*#?-$!", c)) {
		n = 1;
	}
	return n;
}

static const char *lex_take_name(struct parser *p, size_t n)
{
	const char *s = arena_strndup(p->arena, p->buf.data + p->pos, n);
	lex_advance(p, n);
	return s;
}

/* The operator after the name in ${name...}. POSIX 2.6.2 Parameter Expansion */
static void lex_param_op(struct parser *p, struct param_exp *pe)
{
	int c = lex_peek(p);
	if (c == '}')
		return;
	if (c == ':' && lex_raw(p, 1) > 0 && strchr("-=?+", lex_raw(p, 1))) {
		pe->colon = true;
		lex_advance(p, 1);
		c = lex_peek(p);
	}
	switch (c) {
	case '-': pe->op = PARAM_DEFAULT; break;
	case '=': pe->op = PARAM_ASSIGN; break;
	case '?': pe->op = PARAM_ERROR; break;
	case '+': pe->op = PARAM_ALT; break;
	case '%': case '#':
		lex_advance(p, 1);
		if (lex_peek(p) == c) {
			pe->op = c == '%' ? PARAM_RM_LSUFFIX : PARAM_RM_LPREFIX;
			break;
		}
		pe->op = c == '%' ? PARAM_RM_SSUFFIX : PARAM_RM_SPREFIX;
		return;
	default:
		pe->op = PARAM_BAD;
		return;
	}
	lex_advance(p, 1);
}

static bool lex_param_brace(struct parser *p, struct wbuild *b, bool q, int line, int col)
{
	lex_advance(p, 1);   /* { */
	struct param_exp *pe = arena_alloc(p->arena, sizeof *pe);
	size_t start = p->pos;
	size_t n;
	if (lex_peek(p) == '#' && lex_raw(p, 1) != '}' && (n = lex_name_len(p, 1)) > 0 &&
	    lex_raw(p, 1 + n) == '}') {
		lex_advance(p, 1);
		pe->op = PARAM_LENGTH;
		pe->name = lex_take_name(p, n);
	} else if ((n = lex_name_len(p, 0)) > 0) {
		pe->name = lex_take_name(p, n);
		lex_param_op(p, pe);
	} else {
		pe->op = PARAM_BAD;
	}
	if (pe->op != PARAM_PLAIN && pe->op != PARAM_LENGTH) {
		struct wbuild nb;
		wb_begin(p, &nb);
		bool pat = pe->op >= PARAM_RM_SSUFFIX && pe->op <= PARAM_RM_LPREFIX;
		nb.pattern = pat;
		int aline = p->line, acol = lex_col(p);
		/* a pattern keeps its own quoting even inside "...": in
		 * "${x#\~/}" the backslash quotes the ~, and in "${x#*}" the *
		 * is a pattern character (as in dash and bash) */
		if (!lex_parts(p, &nb, q && !pat ? WCTX_PARAM_DQ : WCTX_PARAM, line, col))
			return false;
		pe->arg = wb_finish(p, &nb, aline, acol);
		if (!q)
			pe->arg = word_tilde(p, pe->arg, false);
	}
	if (lex_peek(p) != '}') {
		parse_fail(p, line, col, "missing '}'");
		return false;
	}
	if (pe->op == PARAM_BAD) {
		pe->name = arena_strndup(p->arena, p->buf.data + start, p->pos - start);
		pe->arg = NULL;
	}
	lex_advance(p, 1);
	struct word_part wp = { .kind = PART_PARAM, .quoted = q };
	wp.u.param = pe;
	wb_push(p, b, &wp);
	return true;
}

/* After "$((": is this arithmetic, or a command substitution of a subshell?
 * Arithmetic when the first ')' outside parentheses is followed by ')'. */
static bool lex_arith_ahead(struct parser *p)
{
	int depth = 0;
	for (size_t k = 1;; k++) {   /* offset 0 is the second ( */
		int c = lex_raw(p, k);
		if (c < 0)
			return true;
		if (c == '\\') {
			k++;
		} else if (c == '(') {
			depth++;
		} else if (c == ')') {
			if (depth-- == 0)
				return lex_raw(p, k + 1) == ')';
		}
	}
}

static bool lex_arith(struct parser *p, struct wbuild *b, bool q, int line, int col)
{
	lex_advance(p, 1);   /* the second ( */
	struct wbuild nb;
	wb_begin(p, &nb);
	int aline = p->line, acol = lex_col(p);
	if (!lex_parts(p, &nb, WCTX_ARITH, line, col))
		return false;
	lex_advance(p, 1);
	if (lex_peek(p) != ')') {
		parse_fail(p, line, col, "missing '))'");
		return false;
	}
	lex_advance(p, 1);
	struct word_part wp = { .kind = PART_ARITH, .quoted = q };
	wp.u.arith = wb_finish(p, &nb, aline, acol);
	wb_push(p, b, &wp);
	return true;
}

static bool lex_cmdsub(struct parser *p, struct wbuild *b, bool q)
{
	struct word_part wp = { .kind = PART_CMDSUB, .quoted = q };
	wb_flush(p, b);
	wp.u.cmdsub = parse_cmdsub(p);
	if (p->failed)
		return false;
	pstack_push(&p->stk, &wp, sizeof wp);
	return true;
}

/* `...`: POSIX 2.6.3 Command Substitution, backslash removed before $ ` \
 * (and " inside double quotes), then the text is parsed on its own. */
static bool lex_backquote(struct parser *p, struct wbuild *b, bool q, bool dq)
{
	int line = p->line, col = lex_col(p);
	struct sbuf text = SBUF_INIT;
	bool ok = false;
	lex_advance(p, 1);
	int tline = p->line, tcol = lex_col(p);
	for (;;) {
		int c = lex_raw(p, 0);
		if (c < 0) {
			parse_fail(p, line, col, "unterminated command substitution");
			goto out;
		}
		lex_advance(p, 1);
		if (c == '`')
			break;
		if (c == '\\') {
			int d = lex_raw(p, 0);
			if (d == '$' || d == '`' || d == '\\' || (dq && d == '"')) {
				c = d;
				lex_advance(p, 1);
			}
		}
		sbuf_addc(&text, (char)c);
	}
	if (!parse_depth_enter(p, line, col))
		goto out;
	wb_flush(p, b);
	struct word_part wp = { .kind = PART_CMDSUB, .quoted = q };
	wp.u.cmdsub = parse_child_text(p, sbuf_str(&text), text.len, tline, tcol);
	p->depth--;
	if (p->failed)
		goto out;
	pstack_push(&p->stk, &wp, sizeof wp);
	ok = true;
out:
	sbuf_free(&text);
	return ok;
}

/* $...: POSIX 2.6.2, 2.6.3, 2.6.4. */
static bool lex_dollar(struct parser *p, struct wbuild *b, enum wctx ctx)
{
	int line = p->line, col = lex_col(p);
	char q = ctx_quote(ctx);
	lex_advance(p, 1);
	int c = lex_peek(p);
	size_t n;
	if (c == '\'' && (ctx == WCTX_UNQUOTED || ctx == WCTX_PARAM))
		return lex_ansi(p, b, line, col);
	if (c != '{' && c != '(') {
		n = lex_name_len(p, 0);
		if (n == 0 && c == '0')
			n = 1;
		if (n == 0) {
			wb_addc(p, b, '$', q);
			return true;
		}
		if (c >= '0' && c <= '9')
			n = 1;
		struct param_exp *pe = arena_alloc(p->arena, sizeof *pe);
		pe->name = lex_take_name(p, n);
		struct word_part wp = { .kind = PART_PARAM, .quoted = q };
		wp.u.param = pe;
		wb_push(p, b, &wp);
		return true;
	}
	if (!parse_depth_enter(p, line, col))
		return false;
	bool ok;
	wb_flush(p, b);
	if (c == '{') {
		ok = lex_param_brace(p, b, q, line, col);
	} else {
		lex_advance(p, 1);
		if (lex_peek(p) == '(' && lex_arith_ahead(p))
			ok = lex_arith(p, b, q, line, col);
		else
			ok = lex_cmdsub(p, b, q);
	}
	p->depth--;
	return ok;
}

/* Does c end the text of this context? (not consumed) */
static bool lex_ends(const struct wbuild *b, enum wctx ctx, int c)
{
	switch (ctx) {
	case WCTX_UNQUOTED: return c < 0 || lex_is_meta(c);
	case WCTX_DQUOTE: return c == '"';
	case WCTX_PARAM: case WCTX_PARAM_DQ: return c == '}';
	case WCTX_HEREDOC: return c < 0;
	case WCTX_ARITH: return c == ')' && b->adepth == 0;
	}
	return true;
}

static bool lex_unterminated(struct parser *p, enum wctx ctx, int line, int col)
{
	if (ctx == WCTX_DQUOTE)
		parse_fail(p, line, col, "unterminated quoted string");
	else if (ctx == WCTX_ARITH)
		parse_fail(p, line, col, "missing '))'");
	else
		parse_fail(p, line, col, "missing '}'");
	return false;
}

/* Reads parts into b until the end of ctx (the terminator is not consumed).
 * qline/qcol: the opening quote or $, for messages. */
static bool lex_parts(struct parser *p, struct wbuild *b, enum wctx ctx, int qline, int qcol)
{
	char q = ctx_quote(ctx);
	for (;;) {
		int c = lex_peek(p);
		if (lex_ends(b, ctx, c))
			return true;
		if (c < 0)
			return lex_unterminated(p, ctx, qline, qcol);
		bool ok = true;
		switch (c) {
		case '\\':
			lex_backslash(p, b, ctx);
			break;
		case '\'':
			if (ctx == WCTX_UNQUOTED || ctx == WCTX_PARAM ||
			    (ctx == WCTX_PARAM_DQ && b->pattern))
				ok = lex_squote(p, b);
			else
				goto literal;
			break;
		case '"':
			if (ctx == WCTX_HEREDOC)
				goto literal;
			ok = lex_dquote(p, b);
			break;
		case '$':
			ok = lex_dollar(p, b, ctx);
			break;
		case '`':
			ok = lex_backquote(p, b, q, ctx == WCTX_DQUOTE || ctx == WCTX_PARAM_DQ);
			break;
		default:
		literal:
			if (ctx == WCTX_ARITH && c == '(')
				b->adepth++;
			else if (ctx == WCTX_ARITH && c == ')')
				b->adepth--;
			wb_addc(p, b, c, q);
			lex_advance(p, 1);
			break;
		}
		if (!ok)
			return false;
	}
}

/* A token word at p->pos; *plain is set when it is one unquoted literal. */
struct word *lex_word(struct parser *p, bool *plain)
{
	int line = p->line, col = lex_col(p);
	struct wbuild b;
	wb_begin(p, &b);
	if (!lex_parts(p, &b, WCTX_UNQUOTED, line, col))
		return NULL;
	struct word *w = word_tilde(p, wb_finish(p, &b, line, col), false);
	*plain = w->nparts == 1 && w->parts[0].kind == PART_LIT && !w->parts[0].quoted;
	return w;
}

/* An unquoted here-document body: like "..." but " is not special; every
 * part is quoted. Parsed by a child parser over the body text. */
struct word *lex_heredoc_body(struct parser *p, const char *s, size_t n, int line)
{
	struct parser *c = parse_child_new(p, s, n, line, 1);
	struct wbuild b;
	wb_begin(c, &b);
	struct word *w = NULL;
	if (lex_parts(c, &b, WCTX_HEREDOC, line, 1)) {
		w = wb_finish(c, &b, line, 1);
		if (w->nparts == 0)
			w = word_empty(c, true);
	}
	parse_child_free(p, c);
	return p->failed ? NULL : w;
}
