/* lex.c: input buffer, token recognition, alias substitution and here-document bodies */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

void parse_fail(struct parser *p, int line, int col, const char *fmt, ...)
{
	if (p->failed)
		return;
	p->failed = true;
	p->err.line = line;
	p->err.col = col;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err.msg, sizeof p->err.msg, fmt, ap);
	va_end(ap);
}

bool parse_depth_enter(struct parser *p, int line, int col)
{
	if (++p->depth <= PARSE_MAX_DEPTH)
		return true;
	parse_fail(p, line, col, "nesting too deep");
	return false;
}

/* Appends one more line of input; false at end of input. */
static bool lex_fill(struct parser *p)
{
	if (p->eof || !p->read)
		return false;
	size_t before = p->buf.len;
	int r = p->read(p->read_ctx, &p->buf, p->cont);
	p->cont = true;
	if (r <= 0 || p->buf.len == before) {
		p->eof = true;
		return false;
	}
	return true;
}

/* The byte at pos+off, reading more input if needed; -1 at end of input. */
int lex_raw(struct parser *p, size_t off)
{
	while (p->pos + off >= p->buf.len)
		if (!lex_fill(p))
			return -1;
	return (unsigned char)p->buf.data[p->pos + off];
}

/* POSIX 2.2.1 Escape Character: backslash-newline is a line continuation. */
int lex_peek(struct parser *p)
{
	for (;;) {
		int c = lex_raw(p, 0);
		if (c != '\\' || lex_raw(p, 1) != '\n')
			return c;
		lex_advance(p, 2);
	}
}

void lex_advance(struct parser *p, size_t n)
{
	for (size_t i = 0; i < n && p->pos < p->buf.len; i++) {
		if (p->buf.data[p->pos++] == '\n') {
			p->line++;
			p->line_start = p->pos;
		}
	}
}

int lex_col(const struct parser *p)
{
	int col = (int)(p->pos - p->line_start) + 1;
	return p->line == p->first_line ? col + p->col_adjust : col;
}

/* Blanks and comments between tokens. POSIX 2.3 Token Recognition, rule 9 */
static void lex_skip_blanks(struct parser *p)
{
	for (;;) {
		int c = lex_peek(p);
		if (c == ' ' || c == '\t') {
			lex_advance(p, 1);
		} else if (c == '#') {
			while ((c = lex_raw(p, 0)) >= 0 && c != '\n')
				lex_advance(p, 1);
		} else {
			return;
		}
	}
}

static void lex_redir_op(struct parser *p, struct token *t)
{
	int c = lex_peek(p);
	lex_advance(p, 1);
	int d = lex_peek(p);
	t->kind = TOK_REDIR;
	if (c == '<') {
		t->rop = REDIR_IN;
		if (d == '<') {
			lex_advance(p, 1);
			t->rop = REDIR_HEREDOC;
			if (lex_peek(p) == '-') {
				lex_advance(p, 1);
				t->strip_tabs = true;
			}
			return;
		}
		if (d == '&')
			t->rop = REDIR_DUPIN;
		else if (d == '>')
			t->rop = REDIR_RDWR;
	} else {
		t->rop = REDIR_OUT;
		if (d == '>')
			t->rop = REDIR_APPEND;
		else if (d == '&')
			t->rop = REDIR_DUPOUT;
		else if (d == '|')
			t->rop = REDIR_CLOBBER;
	}
	if (t->rop != REDIR_IN && t->rop != REDIR_OUT)
		lex_advance(p, 1);
}

/* A word, or an IO_NUMBER with its operator (POSIX 2.10.1 rule 2), or
 * bash's {NAME} with its operator: an unquoted {NAME} right before < or >. */
static void lex_word_tok(struct parser *p, struct token *t)
{
	bool plain;
	t->word = lex_word(p, &plain);
	if (!t->word) {
		t->kind = TOK_ERROR;
		return;
	}
	t->kind = TOK_WORD;
	if (!plain)
		return;
	const struct word_part *wp = &t->word->parts[0];
	t->text = wp->u.lit.s;
	size_t n = wp->u.lit.len;
	bool digits = n > 0 && n <= 9;
	for (size_t i = 0; digits && i < n; i++)
		digits = t->text[i] >= '0' && t->text[i] <= '9';
	bool named = !digits && n > 2 && t->text[0] == '{' && t->text[n - 1] == '}' &&
	             is_name_n(t->text + 1, n - 2);
	int c = lex_peek(p);
	if ((!digits && !named) || (c != '<' && c != '>'))
		return;
	int fd = digits ? atoi(t->text) : -1;
	const char *name = named ? arena_strndup(p->arena, t->text + 1, n - 2) : NULL;
	lex_redir_op(p, t);
	t->fd = fd;
	t->varname = name;
	t->word = NULL;
	t->text = NULL;
}

static bool lex_heredocs_read(struct parser *p);

static void lex_next(struct parser *p, struct token *t)
{
	memset(t, 0, sizeof *t);
	t->fd = -1;
	lex_skip_blanks(p);
	t->line = p->line;
	t->col = lex_col(p);
	t->start = p->pos;
	int c = lex_peek(p);
	int d = -1;
	if (c > 0 && c != '\n' && strchr("&|;()", c)) {
		lex_advance(p, 1);
		d = lex_peek(p);
	}
	switch (c) {
	case -1: t->kind = TOK_EOF; break;
	case '\n':
		lex_advance(p, 1);
		t->kind = TOK_NEWLINE;
		if (p->nhd && !lex_heredocs_read(p))
			t->kind = TOK_ERROR;
		break;
	case '&':
		if (d == '>') {
			/* bash's &> and &>> (even in its POSIX mode), where POSIX
			 * reads `&` then `>` */
			lex_advance(p, 1);
			t->kind = TOK_REDIR;
			t->rop = REDIR_OUT_ERR;
			if (lex_peek(p) == '>') {
				lex_advance(p, 1);
				t->rop = REDIR_APPEND_ERR;
			}
			break;
		}
		t->kind = d == '&' ? TOK_AND_IF : TOK_AMP;
		break;
	case '|':
		t->kind = d == '|' ? TOK_OR_IF : d == '&' ? TOK_PIPE_AMP : TOK_PIPE;
		break;
	case ';':
		t->kind = d == ';' ? TOK_DSEMI : d == '&' ? TOK_SEMI_AND : TOK_SEMI;
		break;
	case '(': t->kind = TOK_LPAREN; break;
	case ')': t->kind = TOK_RPAREN; break;
	case '<': case '>': lex_redir_op(p, t); break;
	default: lex_word_tok(p, t); break;
	}
	if (t->kind == TOK_AND_IF || t->kind == TOK_OR_IF || t->kind == TOK_DSEMI ||
	    t->kind == TOK_SEMI_AND || t->kind == TOK_PIPE_AMP)
		lex_advance(p, 1);
	if (p->failed)
		t->kind = TOK_ERROR;
	t->end = p->pos;
	p->last_kind = t->kind;
}

const struct token *lex_peek_tok(struct parser *p)
{
	if (!p->have_tok) {
		/* Lex into a local: a $(...) inside the word uses p->tok itself. */
		struct token t;
		lex_next(p, &t);
		p->tok = t;
		p->have_tok = true;
	}
	if (p->failed)
		p->tok.kind = TOK_ERROR;
	return &p->tok;
}

void lex_take_tok(struct parser *p, struct token *out)
{
	lex_peek_tok(p);
	if (out)
		*out = p->tok;
	p->have_tok = false;
}

void lex_describe(struct parser *p, const struct token *t, char *out, size_t n)
{
	static const char *const names[] = {
		[TOK_EOF] = "end of file", [TOK_NEWLINE] = "newline",
		[TOK_AND_IF] = "'&&'", [TOK_OR_IF] = "'||'", [TOK_DSEMI] = "';;'",
		[TOK_SEMI_AND] = "';&'", [TOK_SEMI] = "';'", [TOK_AMP] = "'&'",
		[TOK_PIPE] = "'|'", [TOK_PIPE_AMP] = "'|&'", [TOK_LPAREN] = "'('",
		[TOK_RPAREN] = "')'",
		[TOK_ERROR] = "error",
	};
	if (t->kind != TOK_WORD && t->kind != TOK_REDIR) {
		snprintf(out, n, "%s", names[t->kind]);
		return;
	}
	size_t s = t->start, e = t->end;
	if (e > p->buf.len)
		e = p->buf.len;
	if (s > e)
		s = e;
	int len = (int)(e - s > 40 ? 40 : e - s);
	const char *txt = p->buf.data ? p->buf.data + s : "";
	const char *nl = memchr(txt, '\n', (size_t)len);
	if (nl)
		len = (int)(nl - txt);
	snprintf(out, n, "'%.*s%s'", len, txt, (size_t)len < e - s ? "..." : "");
}

/* POSIX 2.4 Reserved Words: these are never alias-substituted. */
static bool lex_is_reserved(const char *s)
{
	static const char *const words[] = {
		"!", "{", "}", "case", "do", "done", "elif", "else", "esac",
		"fi", "for", "if", "in", "then", "until", "while",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i]) == 0)
			return true;
	return false;
}

static bool lex_alias_active(const struct parser *p, const char *name, size_t at)
{
	for (size_t i = 0; i < p->nar; i++)
		if (at < p->ar[i].end && strcmp(p->ar[i].name, name) == 0)
			return true;
	return false;
}

/* Replaces buf[start, end) with v. */
static void lex_splice(struct parser *p, size_t start, size_t end, const char *v, size_t vlen)
{
	size_t tail = p->buf.len - end;
	if (vlen > end - start)
		sbuf_grow(&p->buf, vlen - (end - start));
	memmove(p->buf.data + start + vlen, p->buf.data + end, tail);
	memcpy(p->buf.data + start, v, vlen);
	p->buf.len = start + vlen + tail;
	p->buf.data[p->buf.len] = '\0';
	for (size_t i = 0; i < p->nar; i++)
		if (p->ar[i].end >= end)
			p->ar[i].end = p->ar[i].end - (end - start) + vlen;
}

static void lex_alias_record(struct parser *p, const char *name, size_t end, bool blank)
{
	if (p->nar == p->capar) {
		p->capar = p->capar ? p->capar * 2 : 8;
		p->ar = xrealloc(p->ar, p->capar * sizeof *p->ar);
	}
	p->ar[p->nar].name = xstrdup(name);
	p->ar[p->nar].end = end;
	p->ar[p->nar].blank = blank;
	p->nar++;
}

/* POSIX 2.3.1 Alias Substitution: substitutes the peeked word while it is an
 * unquoted alias name not already being substituted. */
bool lex_alias_try(struct parser *p)
{
	for (;;) {
		const struct token *t = lex_peek_tok(p);
		if (t->kind == TOK_ERROR)
			return false;
		if (!p->alias || t->kind != TOK_WORD || !t->text || lex_is_reserved(t->text) ||
		    lex_alias_active(p, t->text, t->start))
			return true;
		char *v = p->alias(p->alias_ctx, t->text);
		if (!v)
			return true;
		if (++p->nalias > 10000 || p->buf.len > ((size_t)1 << 26)) {
			free(v);
			parse_fail(p, t->line, t->col, "alias substitution too deep");
			return false;
		}
		size_t vlen = strlen(v);
		bool blank = vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t');
		struct token w = *t;
		lex_splice(p, w.start, w.end, v, vlen);
		lex_alias_record(p, w.text, w.start + vlen, blank);
		free(v);
		p->pos = w.start;
		p->line = w.line;
		p->line_start = w.start + 1 - (size_t)(w.col - (w.line == p->first_line ? p->col_adjust : 0));
		p->have_tok = false;
	}
}

bool lex_alias_after_blank(struct parser *p, size_t at)
{
	/* the value ends are kept where they are by lex_splice; the word
	 * after one is the first word at or past it */
	bool after = false;
	for (size_t i = 0; i < p->nar; i++)
		if (p->ar[i].blank && p->ar[i].end <= at) {
			p->ar[i].blank = false;
			after = true;
		}
	return after;
}

bool lex_alias_command(struct parser *p)
{
	const struct token *t = lex_peek_tok(p);
	if (t->kind == TOK_ERROR)
		return false;
	/* a blank-ended value of an earlier command applies to no word here */
	lex_alias_after_blank(p, t->start);
	return lex_alias_try(p);
}

/* POSIX 2.7.4 Here-Document: the delimiter is the word after quote removal. */
void lex_heredoc_push(struct parser *p, struct redir *r, const char *raw, size_t n,
                      bool strip_tabs)
{
	struct sbuf d = SBUF_INIT;
	bool quoted = false;
	for (size_t i = 0; i < n; i++) {
		char c = raw[i];
		if (c == '\\' && i + 1 < n) {
			quoted = true;
			if (raw[++i] != '\n')
				sbuf_addc(&d, raw[i]);
		} else if (c == '\'') {
			quoted = true;
			while (++i < n && raw[i] != '\'')
				sbuf_addc(&d, raw[i]);
		} else if (c == '"') {
			quoted = true;
			while (++i < n && raw[i] != '"') {
				char e = i + 1 < n ? raw[i + 1] : 0;
				if (raw[i] == '\\' && e == '\n')
					i++;
				else if (raw[i] == '\\' && e && strchr("$`\"\\", e))
					sbuf_addc(&d, raw[++i]);
				else
					sbuf_addc(&d, raw[i]);
			}
		} else {
			sbuf_addc(&d, c);
		}
	}
	if (p->nhd == p->caphd) {
		p->caphd = p->caphd ? p->caphd * 2 : 4;
		p->hd = xrealloc(p->hd, p->caphd * sizeof *p->hd);
	}
	r->heredoc_expand = !quoted;
	p->hd[p->nhd].r = r;
	p->hd[p->nhd].delim = sbuf_detach(&d);
	p->hd[p->nhd].strip_tabs = strip_tabs;
	p->nhd++;
}

/* Reads one body up to its delimiter line (or end of input). */
static bool lex_heredoc_read_one(struct parser *p, struct heredoc_pending *h)
{
	struct sbuf body = SBUF_INIT;
	size_t dlen = strlen(h->delim);
	int line = p->line;
	while (lex_raw(p, 0) >= 0) {
		size_t k = 0;
		int c;
		while ((c = lex_raw(p, k)) >= 0 && c != '\n')
			k++;
		const char *s = p->buf.data + p->pos;
		size_t t = 0;
		if (h->strip_tabs)
			while (t < k && s[t] == '\t')
				t++;
		bool nl = c == '\n';
		if (k - t == dlen && memcmp(s + t, h->delim, dlen) == 0) {
			lex_advance(p, k + nl);
			break;
		}
		sbuf_addn(&body, s + t, k - t);
		if (nl)
			sbuf_addc(&body, '\n');
		lex_advance(p, k + nl);
	}
	struct word *w;
	if (h->r->heredoc_expand) {
		w = lex_heredoc_body(p, sbuf_str(&body), body.len, line);
	} else {
		w = word_empty(p, true);
		w->parts[0].u.lit.s = arena_strndup(p->arena, sbuf_str(&body), body.len);
		w->parts[0].u.lit.len = body.len;
		w->line = line;
		w->col = 1;
	}
	sbuf_free(&body);
	h->r->target = w;
	return w != NULL;
}

static void lex_heredocs_clear(struct parser *p)
{
	for (size_t i = 0; i < p->nhd; i++)
		free(p->hd[i].delim);
	p->nhd = 0;
}

/* Called after a newline token, and at end of input for bodies never started. */
static bool lex_heredocs_read(struct parser *p)
{
	bool ok = true;
	for (size_t i = 0; ok && i < p->nhd; i++)
		ok = lex_heredoc_read_one(p, &p->hd[i]);
	lex_heredocs_clear(p);
	return ok;
}

bool lex_heredocs_finish(struct parser *p)
{
	return p->nhd == 0 || lex_heredocs_read(p);
}

void lex_parser_init(struct parser *p, const char *source)
{
	memset(p, 0, sizeof *p);
	p->source = xstrdup(source ? source : "");
	p->line = 1;
	p->first_line = 1;
	p->last_kind = TOK_NEWLINE;
}

void lex_parser_fini(struct parser *p)
{
	lex_heredocs_clear(p);
	for (size_t i = 0; i < p->nar; i++)
		free(p->ar[i].name);
	free(p->ar);
	free(p->hd);
	free(p->source);
	free(p->stk.data);
	sbuf_free(&p->buf);
	sbuf_free(&p->lit);
}

/* Forgets the state of the previous command and drops its text. */
void lex_reset_command(struct parser *p)
{
	p->have_tok = false;
	p->failed = false;
	p->depth = 0;
	p->nalias = 0;
	p->cmd_alias_pos = 0;
	p->stk.len = 0;
	sbuf_reset(&p->lit);
	lex_heredocs_clear(p);
	size_t cut = p->line_start;
	size_t keep = 0;
	for (size_t i = 0; i < p->nar; i++) {
		if (p->ar[i].end > cut) {
			p->ar[keep] = p->ar[i];
			p->ar[keep++].end -= cut;
		} else {
			free(p->ar[i].name);
		}
	}
	p->nar = keep;
	if (cut == 0)
		return;
	memmove(p->buf.data, p->buf.data + cut, p->buf.len - cut + 1);
	p->buf.len -= cut;
	p->pos -= cut;
	p->line_start = 0;
}

/* After an error: drop the rest of the current line (unless the offending
 * token was the newline itself). */
void lex_discard_line(struct parser *p)
{
	if (p->last_kind == TOK_NEWLINE)
		return;
	while (p->pos < p->buf.len && p->buf.data[p->pos] != '\n')
		lex_advance(p, 1);
	lex_advance(p, 1);
	/* Bodies announced on the discarded line are skipped, not run. */
	if (p->nhd)
		lex_heredocs_read(p);
}
