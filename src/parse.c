/* parse.c: recursive-descent parser for the POSIX shell grammar (XCU 2.9, 2.10) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"

/* ---- scratch stack ---- */

struct pstack_mark pstack_begin(struct pstack *s)
{
	struct pstack_mark m = { 0, s->len };
	m.base = (s->len + 15) & ~(size_t)15;
	if (m.base > s->cap)
		pstack_push(s, NULL, 0);
	s->len = m.base;
	return m;
}

void pstack_push(struct pstack *s, const void *rec, size_t size)
{
	if (s->len + size + 16 > s->cap) {
		size_t cap = s->cap ? s->cap : 1024;
		while (cap < s->len + size + 16)
			cap *= 2;
		s->data = xrealloc(s->data, cap);
		s->cap = cap;
	}
	if (size)
		memcpy(s->data + s->len, rec, size);
	s->len += size;
}

/* Copies the segment begun at m into the arena and pops it; NULL when empty. */
void *pstack_finish(struct parser *p, struct pstack_mark m, size_t size, size_t *n)
{
	size_t bytes = p->stk.len - m.base;
	*n = bytes / size;
	void *v = NULL;
	if (bytes) {
		v = arena_alloc(p->arena, bytes);
		memcpy(v, p->stk.data + m.base, bytes);
	}
	p->stk.len = m.prev;
	return v;
}

/* ---- helpers ---- */

static struct node *node_new(struct parser *p, enum node_kind kind, int line, int col)
{
	struct node *n = arena_alloc(p->arena, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->col = col;
	return n;
}

static bool tok_is(const struct token *t, const char *word)
{
	return t->kind == TOK_WORD && t->text && strcmp(t->text, word) == 0;
}

/* Reserved words that end a compound list. POSIX 2.4 Reserved Words */
static bool tok_is_closer(const struct token *t)
{
	static const char *const closers[] = {
		"then", "else", "elif", "fi", "do", "done", "esac", "}",
	};
	for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++)
		if (tok_is(t, closers[i]))
			return true;
	return false;
}

static void parse_unexpected(struct parser *p, const struct token *t, const char *expect)
{
	if (p->failed)
		return;
	char d[80];
	lex_describe(p, t, d, sizeof d);
	if (expect)
		parse_fail(p, t->line, t->col, "unexpected %s (expecting %s)", d, expect);
	else
		parse_fail(p, t->line, t->col, "unexpected %s", d);
}

/* Consumes the reserved word `word` or fails. */
static bool parse_expect_word(struct parser *p, const char *word)
{
	const struct token *t = lex_peek_tok(p);
	if (tok_is(t, word)) {
		lex_take_tok(p, NULL);
		return true;
	}
	char e[32];
	snprintf(e, sizeof e, "'%s'", word);
	parse_unexpected(p, t, e);
	return false;
}

static bool parse_expect(struct parser *p, enum tok_kind kind, const char *what)
{
	const struct token *t = lex_peek_tok(p);
	if (t->kind == kind) {
		lex_take_tok(p, NULL);
		return true;
	}
	parse_unexpected(p, t, what);
	return false;
}

/* linebreak: zero or more newlines. */
static bool parse_newlines(struct parser *p)
{
	const struct token *t;
	while ((t = lex_peek_tok(p))->kind == TOK_NEWLINE)
		lex_take_tok(p, NULL);
	return t->kind != TOK_ERROR;
}

static bool parse_can_start(const struct token *t)
{
	return (t->kind == TOK_WORD && !tok_is_closer(t)) || t->kind == TOK_REDIR ||
	       t->kind == TOK_LPAREN;
}

static struct node *parse_and_or(struct parser *p);
static struct node *parse_pipeline(struct parser *p);
static struct node *parse_command(struct parser *p);

/* POSIX 2.3.1: substitutes aliases for the word at the start of a command,
 * once for each position. A compound list does it before it looks for its
 * closing reserved word (so `alias thn=then` can close an if condition);
 * parse_command then finds it done. An alias whose value is empty or blank
 * followed by the end of the line leaves no command (cmd_alias_empty).
 * Returns false on a syntax error. */
static bool parse_cmd_alias(struct parser *p)
{
	const struct token *t = lex_peek_tok(p);
	if (p->cmd_alias_pos == t->start + 1)
		return true;
	size_t before = p->nalias;
	if (!lex_alias_command(p))
		return false;
	t = lex_peek_tok(p);
	p->cmd_alias_pos = t->start + 1;
	p->cmd_alias_empty = p->nalias != before &&
	                     (t->kind == TOK_NEWLINE || t->kind == TOK_EOF);
	return true;
}

/* compound_list: and-or lists separated by ; & or newlines. Returns the
 * single command when there is one and it is not async, else a NODE_LIST;
 * NULL when empty (an error unless allow_empty). */
static struct node *parse_clist(struct parser *p, bool allow_empty)
{
	if (!parse_newlines(p))
		return NULL;
	const struct token *t = lex_peek_tok(p);
	int line = t->line, col = t->col;
	struct pstack_mark m = pstack_begin(&p->stk);
	for (;;) {
		if (!parse_cmd_alias(p))
			return NULL;
		t = lex_peek_tok(p);
		if (!p->cmd_alias_empty && !parse_can_start(t))
			break;
		struct list_item it = { parse_and_or(p), false };
		if (!it.cmd)
			return NULL;
		t = lex_peek_tok(p);
		bool sep = t->kind == TOK_SEMI || t->kind == TOK_AMP || t->kind == TOK_NEWLINE;
		it.async = t->kind == TOK_AMP;
		pstack_push(&p->stk, &it, sizeof it);
		if (!sep)
			break;
		lex_take_tok(p, NULL);
		if (!parse_newlines(p))
			return NULL;
	}
	if (t->kind == TOK_ERROR)
		return NULL;
	size_t n;
	struct list_item *items = pstack_finish(p, m, sizeof *items, &n);
	if (n == 0) {
		if (!allow_empty)
			parse_unexpected(p, t, NULL);
		return NULL;
	}
	if (n == 1 && !items[0].async)
		return items[0].cmd;
	struct node *l = node_new(p, NODE_LIST, line, col);
	l->u.list.n = n;
	l->u.list.items = items;
	return l;
}

/* POSIX 2.9.3 Lists: and_or */
static struct node *parse_and_or(struct parser *p)
{
	struct node *left = parse_pipeline(p);
	while (left) {
		const struct token *t = lex_peek_tok(p);
		if (t->kind != TOK_AND_IF && t->kind != TOK_OR_IF)
			break;
		struct node *n = node_new(p, t->kind == TOK_AND_IF ? NODE_AND : NODE_OR,
		                          left->line, left->col);
		lex_take_tok(p, NULL);
		if (!parse_newlines(p))
			return NULL;
		n->u.andor.left = left;
		n->u.andor.right = parse_pipeline(p);
		if (!n->u.andor.right)
			return NULL;
		left = n;
	}
	return left;
}

/* bash's `a |& b`: a 2>&1 | b, the 2>&1 after a's own redirections. */
static void parse_pipe_stderr(struct parser *p, struct node *c, const struct token *t)
{
	struct redir *r = arena_alloc(p->arena, sizeof *r);
	r->op = REDIR_DUPOUT;
	r->fd = 2;
	r->line = t->line;
	r->col = t->col;
	r->target = word_empty(p, false);
	r->target->nparts = 1;
	r->target->parts = arena_alloc(p->arena, sizeof *r->target->parts);
	r->target->parts[0].kind = PART_LIT;
	r->target->parts[0].u.lit.s = "1";
	r->target->parts[0].u.lit.len = 1;
	r->target->line = t->line;
	r->target->col = t->col;
	struct redir **tail = &c->redirs;
	while (*tail)
		tail = &(*tail)->next;
	*tail = r;
}

/* POSIX 2.9.2 Pipelines; also bash's |& */
static struct node *parse_pipeline(struct parser *p)
{
	const struct token *t = lex_peek_tok(p);
	int line = t->line, col = t->col;
	bool bang = tok_is(t, "!");
	if (bang)
		lex_take_tok(p, NULL);
	struct pstack_mark m = pstack_begin(&p->stk);
	for (;;) {
		struct node *c = parse_command(p);
		if (!c)
			return NULL;
		pstack_push(&p->stk, &c, sizeof c);
		t = lex_peek_tok(p);
		if (t->kind == TOK_PIPE_AMP)
			parse_pipe_stderr(p, c, t);
		else if (t->kind != TOK_PIPE)
			break;
		lex_take_tok(p, NULL);
		if (!parse_newlines(p))
			return NULL;
	}
	size_t n;
	struct node **cmds = pstack_finish(p, m, sizeof *cmds, &n);
	if (n == 1 && !bang)
		return cmds[0];
	struct node *pl = node_new(p, NODE_PIPELINE, line, col);
	pl->u.pipeline.bang = bang;
	pl->u.pipeline.n = n;
	pl->u.pipeline.cmds = cmds;
	return pl;
}

static enum node_kind parse_compound_kind(const struct token *t, bool *ok)
{
	*ok = true;
	if (t->kind == TOK_LPAREN)
		return NODE_SUBSHELL;
	if (tok_is(t, "{"))
		return NODE_GROUP;
	if (tok_is(t, "if"))
		return NODE_IF;
	if (tok_is(t, "while"))
		return NODE_WHILE;
	if (tok_is(t, "until"))
		return NODE_UNTIL;
	if (tok_is(t, "for"))
		return NODE_FOR;
	if (tok_is(t, "case"))
		return NODE_CASE;
	*ok = false;
	return NODE_SIMPLE;
}

/* POSIX 2.7 Redirection: one operator and its word. */
static struct redir *parse_redir(struct parser *p)
{
	struct token op, w;
	lex_take_tok(p, &op);
	const struct token *t = lex_peek_tok(p);
	if (t->kind != TOK_WORD) {
		parse_unexpected(p, t, "word");
		return NULL;
	}
	lex_take_tok(p, &w);
	struct redir *r = arena_alloc(p->arena, sizeof *r);
	static const int defaults[] = {
		[REDIR_IN] = 0, [REDIR_OUT] = 1, [REDIR_CLOBBER] = 1, [REDIR_APPEND] = 1,
		[REDIR_RDWR] = 0, [REDIR_DUPIN] = 0, [REDIR_DUPOUT] = 1, [REDIR_HEREDOC] = 0,
		[REDIR_OUT_ERR] = 1, [REDIR_APPEND_ERR] = 1,
	};
	r->op = op.rop;
	r->fd = op.fd >= 0 ? op.fd : defaults[op.rop];
	r->varname = op.varname;
	r->line = op.line;
	r->col = op.col;
	if (op.rop == REDIR_HEREDOC)
		lex_heredoc_push(p, r, p->buf.data + w.start, w.end - w.start, op.strip_tabs);
	else
		r->target = w.word;
	return r;
}

/* Redirections after a compound command; appended to *tail. */
static bool parse_redirs(struct parser *p, struct redir **tail)
{
	while (*tail)
		tail = &(*tail)->next;
	while (lex_peek_tok(p)->kind == TOK_REDIR) {
		if (!(*tail = parse_redir(p)))
			return false;
		tail = &(*tail)->next;
	}
	return lex_peek_tok(p)->kind != TOK_ERROR;
}

static struct node *parse_group(struct parser *p, struct node *n, bool sub)
{
	lex_take_tok(p, NULL);
	n->u.group.body = parse_clist(p, false);
	if (!n->u.group.body)
		return NULL;
	if (sub)
		return parse_expect(p, TOK_RPAREN, "')'") ? n : NULL;
	return parse_expect_word(p, "}") ? n : NULL;
}

/* POSIX 2.9.4.4 The if Conditional Construct; elif chains iteratively. */
static struct node *parse_if(struct parser *p, struct node *n)
{
	struct node *cur = n;
	lex_take_tok(p, NULL);
	for (;;) {
		if (!(cur->u.if_.cond = parse_clist(p, false)) || !parse_expect_word(p, "then") ||
		    !(cur->u.if_.then_part = parse_clist(p, false)))
			return NULL;
		const struct token *t = lex_peek_tok(p);
		if (tok_is(t, "elif")) {
			struct node *e = node_new(p, NODE_IF, t->line, t->col);
			lex_take_tok(p, NULL);
			cur->u.if_.else_part = e;
			cur = e;
			continue;
		}
		if (tok_is(t, "else")) {
			lex_take_tok(p, NULL);
			if (!(cur->u.if_.else_part = parse_clist(p, false)))
				return NULL;
		}
		return parse_expect_word(p, "fi") ? n : NULL;
	}
}

/* POSIX 2.9.4.5 while, 2.9.4.6 until */
static struct node *parse_loop(struct parser *p, struct node *n)
{
	lex_take_tok(p, NULL);
	if (!(n->u.loop.cond = parse_clist(p, false)) || !parse_expect_word(p, "do") ||
	    !(n->u.loop.body = parse_clist(p, false)) || !parse_expect_word(p, "done"))
		return NULL;
	return n;
}

/* do_group */
static struct node *parse_do_group(struct parser *p)
{
	struct node *body;
	if (!parse_expect_word(p, "do") || !(body = parse_clist(p, false)) ||
	    !parse_expect_word(p, "done"))
		return NULL;
	return body;
}

/* POSIX 2.9.4.2 The for Loop */
static struct node *parse_for(struct parser *p, struct node *n)
{
	lex_take_tok(p, NULL);
	struct token t;
	lex_take_tok(p, &t);
	if (t.kind != TOK_WORD || !t.text || !is_name(t.text)) {
		if (t.kind == TOK_WORD)
			parse_fail(p, t.line, t.col, "bad for loop variable");
		else
			parse_unexpected(p, &t, "name");
		return NULL;
	}
	n->u.for_.var = t.text;
	if (!parse_newlines(p))
		return NULL;
	const struct token *k = lex_peek_tok(p);
	if (tok_is(k, "in")) {
		lex_take_tok(p, NULL);
		n->u.for_.has_in = true;
		struct pstack_mark m = pstack_begin(&p->stk);
		while ((k = lex_peek_tok(p))->kind == TOK_WORD) {
			pstack_push(&p->stk, &k->word, sizeof k->word);
			lex_take_tok(p, NULL);
		}
		n->u.for_.words = pstack_finish(p, m, sizeof(struct word *), &n->u.for_.nwords);
		if (k->kind != TOK_SEMI && k->kind != TOK_NEWLINE) {
			parse_unexpected(p, k, "'do'");
			return NULL;
		}
		lex_take_tok(p, NULL);
	} else if (k->kind == TOK_SEMI) {
		lex_take_tok(p, NULL);
	}
	if (!parse_newlines(p) || !(n->u.for_.body = parse_do_group(p)))
		return NULL;
	return n;
}

/* One case item: [(] pattern [| pattern]... ) compound_list [;; | ;&] */
static bool parse_case_item(struct parser *p, struct case_item *it)
{
	if (lex_peek_tok(p)->kind == TOK_LPAREN)
		lex_take_tok(p, NULL);
	struct pstack_mark m = pstack_begin(&p->stk);
	for (;;) {
		const struct token *t = lex_peek_tok(p);
		if (t->kind != TOK_WORD) {
			parse_unexpected(p, t, "pattern");
			return false;
		}
		pstack_push(&p->stk, &t->word, sizeof t->word);
		lex_take_tok(p, NULL);
		if (lex_peek_tok(p)->kind != TOK_PIPE)
			break;
		lex_take_tok(p, NULL);
	}
	it->pats = pstack_finish(p, m, sizeof(struct word *), &it->npats);
	if (!parse_expect(p, TOK_RPAREN, "')'"))
		return false;
	it->body = parse_clist(p, true);
	if (p->failed)
		return false;
	const struct token *t = lex_peek_tok(p);
	if (t->kind == TOK_DSEMI || t->kind == TOK_SEMI_AND) {
		it->term = t->kind == TOK_DSEMI ? CASE_BREAK : CASE_FALLTHROUGH;
		lex_take_tok(p, NULL);
	} else if (!tok_is(t, "esac")) {
		parse_unexpected(p, t, "';;'");
		return false;
	}
	return parse_newlines(p);
}

/* POSIX 2.9.4.3 Case Conditional Construct */
static struct node *parse_case(struct parser *p, struct node *n)
{
	lex_take_tok(p, NULL);
	const struct token *t = lex_peek_tok(p);
	if (t->kind != TOK_WORD) {
		parse_unexpected(p, t, "word");
		return NULL;
	}
	n->u.case_.subject = t->word;
	lex_take_tok(p, NULL);
	if (!parse_newlines(p) || !parse_expect_word(p, "in") || !parse_newlines(p))
		return NULL;
	struct pstack_mark m = pstack_begin(&p->stk);
	while (!tok_is(t = lex_peek_tok(p), "esac")) {
		struct case_item it = { 0 };
		if (t->kind == TOK_EOF) {
			parse_unexpected(p, t, "'esac'");
			return NULL;
		}
		if (!parse_case_item(p, &it))
			return NULL;
		pstack_push(&p->stk, &it, sizeof it);
	}
	lex_take_tok(p, NULL);
	n->u.case_.items = pstack_finish(p, m, sizeof(struct case_item), &n->u.case_.n);
	return n;
}

static struct node *parse_compound(struct parser *p, enum node_kind kind)
{
	const struct token *t = lex_peek_tok(p);
	struct node *n = node_new(p, kind, t->line, t->col);
	switch (kind) {
	case NODE_SUBSHELL: n = parse_group(p, n, true); break;
	case NODE_GROUP: n = parse_group(p, n, false); break;
	case NODE_IF: n = parse_if(p, n); break;
	case NODE_WHILE: case NODE_UNTIL: n = parse_loop(p, n); break;
	case NODE_FOR: n = parse_for(p, n); break;
	case NODE_CASE: n = parse_case(p, n); break;
	default: n = NULL; break;
	}
	if (n && !parse_redirs(p, &n->redirs))
		return NULL;
	return n;
}

/* POSIX 2.9.5 Function Definition Command: after "name (". */
static struct node *parse_funcdef(struct parser *p, struct node *simple)
{
	const struct word *w = simple->u.simple.words[0];
	lex_take_tok(p, NULL);
	if (!parse_expect(p, TOK_RPAREN, "')'") || !parse_newlines(p))
		return NULL;
	const struct word_part *wp = &w->parts[0];
	if (w->nparts != 1 || wp->kind != PART_LIT || wp->quoted) {
		parse_fail(p, w->line, w->col, "bad function name");
		return NULL;
	}
	/* POSIX wants a compound command; like dash, a simple one is accepted. */
	struct node *f = node_new(p, NODE_FUNCDEF, simple->line, simple->col);
	f->u.func.name = wp->u.lit.s;
	f->u.func.body = parse_command(p);
	return f->u.func.body ? f : NULL;
}

/* Is w an assignment word (NAME=...)? Returns the length of NAME. */
static size_t parse_assign_len(const struct word *w)
{
	if (w->nparts == 0 || w->parts[0].kind != PART_LIT || w->parts[0].quoted)
		return 0;
	const char *s = w->parts[0].u.lit.s;
	const char *eq = memchr(s, '=', w->parts[0].u.lit.len);
	if (!eq || !is_name_n(s, (size_t)(eq - s)))
		return 0;
	return (size_t)(eq - s);
}

/* Assignments and redirections before the command name. */
static bool parse_prefix(struct parser *p, struct node *n, struct redir ***tail)
{
	struct pstack_mark m = pstack_begin(&p->stk);
	for (;;) {
		const struct token *t = lex_peek_tok(p);
		size_t len;
		if (t->kind == TOK_REDIR) {
			if (!(**tail = parse_redir(p)))
				return false;
			*tail = &(**tail)->next;
		} else if (t->kind == TOK_WORD && (len = parse_assign_len(t->word)) > 0) {
			struct assign a;
			a.name = arena_strndup(p->arena, t->word->parts[0].u.lit.s, len);
			a.value = word_assign_value(p, t->word, len + 1);
			pstack_push(&p->stk, &a, sizeof a);
			lex_take_tok(p, NULL);
		} else {
			break;
		}
	}
	n->u.simple.assigns = pstack_finish(p, m, sizeof(struct assign), &n->u.simple.nassigns);
	return !p->failed;
}

/* POSIX 2.9.1 Simple Commands */
static struct node *parse_simple(struct parser *p)
{
	const struct token *t = lex_peek_tok(p);
	struct node *n = node_new(p, NODE_SIMPLE, t->line, t->col);
	struct redir **tail = &n->redirs;
	if (!parse_prefix(p, n, &tail))
		return NULL;
	bool first = n->u.simple.nassigns == 0 && !n->redirs;
	if (!first && !lex_alias_command(p))
		return NULL;
	struct pstack_mark m = pstack_begin(&p->stk);
	for (;;) {
		t = lex_peek_tok(p);
		if (t->kind == TOK_REDIR) {
			if (!(*tail = parse_redir(p)))
				return NULL;
			tail = &(*tail)->next;
			continue;
		}
		if (t->kind != TOK_WORD)
			break;
		if (p->stk.len > m.base && lex_alias_after_blank(p, t->start)) {
			/* POSIX 2.3.1: the word after an alias value ending in a
			 * blank is checked too. When it is substituted, the first
			 * word of its value is taken as is, and the new value's
			 * own trailing blank decides about the word after it. */
			size_t before = p->nalias;
			if (!lex_alias_try(p))
				return NULL;
			t = lex_peek_tok(p);
			if (p->nalias != before && t->kind == TOK_WORD) {
				pstack_push(&p->stk, &t->word, sizeof t->word);
				lex_take_tok(p, NULL);
			}
			continue;
		}
		pstack_push(&p->stk, &t->word, sizeof t->word);
		lex_take_tok(p, NULL);
	}
	if (t->kind == TOK_ERROR)
		return NULL;
	n->u.simple.words = pstack_finish(p, m, sizeof(struct word *), &n->u.simple.nwords);
	if (t->kind == TOK_LPAREN && first && n->u.simple.nwords == 1 && !n->redirs)
		return parse_funcdef(p, n);
	if (!n->u.simple.nassigns && !n->u.simple.nwords && !n->redirs) {
		parse_unexpected(p, t, NULL);
		return NULL;
	}
	return n;
}

/* POSIX 2.9 Shell Commands: one simple or compound command or function definition. */
static struct node *parse_command(struct parser *p)
{
	const struct token *t = lex_peek_tok(p);
	if (!parse_depth_enter(p, t->line, t->col))
		return NULL;
	struct node *n = NULL;
	if (!parse_cmd_alias(p))
		goto out;
	t = lex_peek_tok(p);
	if (p->cmd_alias_empty) {
		/* no command at all, and $? stays (dash, bash): an empty list */
		n = node_new(p, NODE_LIST, t->line, t->col);
		goto out;
	}
	bool compound;
	enum node_kind k = parse_compound_kind(t, &compound);
	if (compound)
		n = parse_compound(p, k);
	else if ((t->kind == TOK_WORD && !tok_is_closer(t) && !tok_is(t, "!")) ||
	         t->kind == TOK_REDIR)
		n = parse_simple(p);
	else
		parse_unexpected(p, t, NULL);
out:
	p->depth--;
	return n;
}

/* $(...) after "$(": the list and the closing ')'. */
struct node *parse_cmdsub(struct parser *p)
{
	struct node *n = parse_clist(p, true);
	if (p->failed || !parse_expect(p, TOK_RPAREN, "')'"))
		return NULL;
	return n;
}

/* ---- child parsers over a piece of text (`...`, here-document bodies) ---- */

struct parser *parse_child_new(struct parser *p, const char *s, size_t n, int line, int col)
{
	struct parser *c = xmalloc(sizeof *c);
	lex_parser_init(c, p->source);
	sbuf_addn(&c->buf, s, n);
	c->line = c->first_line = line;
	c->col_adjust = col - 1;
	c->arena = p->arena;
	c->alias = p->alias;
	c->alias_ctx = p->alias_ctx;
	c->depth = p->depth;
	return c;
}

void parse_child_free(struct parser *p, struct parser *c)
{
	if (c->failed && !p->failed) {
		p->failed = true;
		p->err = c->err;
	}
	lex_parser_fini(c);
	free(c);
}

struct node *parse_child_text(struct parser *p, const char *s, size_t n, int line, int col)
{
	struct parser *c = parse_child_new(p, s, n, line, col);
	struct node *body = parse_clist(c, true);
	if (!c->failed)
		parse_expect(c, TOK_EOF, NULL);
	if (!c->failed)
		lex_heredocs_finish(c);
	parse_child_free(p, c);
	return p->failed ? NULL : body;
}

/* ---- complete commands ---- */

/* POSIX 2.10.2 complete_command: pushes its list items; stops after the
 * newline that ends it. Returns false on error. */
static bool parse_complete(struct parser *p)
{
	for (;;) {
		struct list_item it = { parse_and_or(p), false };
		if (!it.cmd)
			return false;
		const struct token *t = lex_peek_tok(p);
		it.async = t->kind == TOK_AMP;
		pstack_push(&p->stk, &it, sizeof it);
		bool sep = t->kind == TOK_SEMI || t->kind == TOK_AMP;
		if (sep) {
			lex_take_tok(p, NULL);
			t = lex_peek_tok(p);
		}
		if (t->kind == TOK_NEWLINE) {
			lex_take_tok(p, NULL);
			return true;
		}
		if (t->kind == TOK_EOF)
			return lex_heredocs_finish(p);
		if (!sep) {
			parse_unexpected(p, t, NULL);
			return false;
		}
	}
}

static struct unit *parse_unit_new(struct parser *p)
{
	struct unit *u = xcalloc(1, sizeof *u);
	atomic_init(&u->refs, 1);
	p->arena = &u->arena;
	u->source = arena_strdup(&u->arena, p->source);
	return u;
}

static struct node *parse_list_node(struct parser *p, struct pstack_mark m, int line, int col)
{
	size_t n;
	struct list_item *items = pstack_finish(p, m, sizeof *items, &n);
	if (n == 0)
		return NULL;
	struct node *l = node_new(p, NODE_LIST, line, col);
	l->u.list.n = n;
	l->u.list.items = items;
	return l;
}

static void parse_error_out(struct parser *p, struct parse_error *err)
{
	if (err)
		*err = p->err;
}

struct parser *parser_new(const char *source, parse_read_fn read, void *read_ctx)
{
	struct parser *p = xmalloc(sizeof *p);
	lex_parser_init(p, source);
	p->read = read;
	p->read_ctx = read_ctx;
	return p;
}

struct parser *parser_new_string(const char *buf, size_t len, const char *source, int first_line)
{
	struct parser *p = parser_new(source, NULL, NULL);
	sbuf_addn(&p->buf, buf, len);
	p->line = p->first_line = first_line;
	return p;
}

void parser_set_alias(struct parser *p, parse_alias_fn alias, void *alias_ctx)
{
	p->alias = alias;
	p->alias_ctx = alias_ctx;
}

int parser_line(const struct parser *p)
{
	return p->line;
}

enum parse_status parser_next(struct parser *p, struct unit **out, struct parse_error *err)
{
	lex_reset_command(p);
	p->eof = false;
	p->cont = false;
	struct unit *u = parse_unit_new(p);
	const struct token *t = lex_peek_tok(p);
	if (t->kind == TOK_EOF) {
		unit_unref(u);
		return PARSE_EOF;
	}
	if (t->kind == TOK_NEWLINE) {
		lex_take_tok(p, NULL);
	} else if (t->kind != TOK_ERROR) {
		struct pstack_mark m = pstack_begin(&p->stk);
		int line = t->line, col = t->col;
		if (parse_complete(p))
			u->root = parse_list_node(p, m, line, col);
	}
	if (p->failed)
		goto fail;
	*out = u;
	return PARSE_OK;
fail:
	parse_error_out(p, err);
	lex_discard_line(p);
	unit_unref(u);
	return PARSE_ERROR;
}

void parser_reset_eof(struct parser *p)
{
	p->eof = false;
}

void parser_free(struct parser *p)
{
	if (!p)
		return;
	lex_parser_fini(p);
	free(p);
}

enum parse_status parse_string(const char *buf, size_t len, const char *source,
                               int first_line, parse_alias_fn alias, void *alias_ctx,
                               struct unit **out, struct parse_error *err)
{
	struct parser *p = parser_new_string(buf, len, source, first_line);
	parser_set_alias(p, alias, alias_ctx);
	struct unit *u = parse_unit_new(p);
	struct pstack_mark m = pstack_begin(&p->stk);
	int line = first_line, col = 1;
	bool first = true;
	for (;;) {
		if (!parse_newlines(p))
			break;
		const struct token *t = lex_peek_tok(p);
		if (t->kind == TOK_EOF)
			break;
		if (first) {
			line = t->line;
			col = t->col;
			first = false;
		}
		if (!parse_complete(p))
			break;
	}
	enum parse_status st = PARSE_OK;
	if (!p->failed)
		u->root = parse_list_node(p, m, line, col);
	if (p->failed) {
		parse_error_out(p, err);
		unit_unref(u);
		st = PARSE_ERROR;
	} else {
		*out = u;
	}
	parser_free(p);
	return st;
}

enum parse_status parse_heredoc_text(const char *buf, size_t len, const char *source,
                                     struct unit **out, const struct word **w,
                                     struct parse_error *err)
{
	struct parser *p = parser_new(source, NULL, NULL);
	struct unit *u = parse_unit_new(p);
	struct word *wd = lex_heredoc_body(p, buf, len, 1);
	enum parse_status st = PARSE_OK;
	if (p->failed || !wd) {
		parse_error_out(p, err);
		unit_unref(u);
		st = PARSE_ERROR;
	} else {
		*out = u;
		*w = wd;
	}
	parser_free(p);
	return st;
}
