/* ast.c: parse unit reference counting and the S-expression dump of the tree */
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "util.h"

struct unit *unit_ref(struct unit *u)
{
	atomic_fetch_add_explicit(&u->refs, 1, memory_order_relaxed);
	return u;
}

void unit_unref(struct unit *u)
{
	if (!u || atomic_fetch_sub_explicit(&u->refs, 1, memory_order_acq_rel) != 1)
		return;
	arena_free(&u->arena);
	free(u);
}

static void dump_str(struct sbuf *out, const char *s, size_t n)
{
	sbuf_addc(out, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			sbuf_printf(out, "\\%c", c);
		else if (c == '\n')
			sbuf_adds(out, "\\n");
		else if (c == '\t')
			sbuf_adds(out, "\\t");
		else if (c < 0x20 || c == 0x7f)
			sbuf_printf(out, "\\%03o", c);
		else
			sbuf_addc(out, (char)c);
	}
	sbuf_addc(out, '"');
}

static void dump_word(const struct word *w, struct sbuf *out);
static void dump_node(const struct node *n, struct sbuf *out);

static void dump_param(const struct param_exp *pe, struct sbuf *out)
{
	static const char *const ops[] = {
		[PARAM_PLAIN] = "", [PARAM_LENGTH] = "", [PARAM_DEFAULT] = "-",
		[PARAM_ASSIGN] = "=", [PARAM_ERROR] = "?", [PARAM_ALT] = "+",
		[PARAM_RM_SSUFFIX] = "%", [PARAM_RM_LSUFFIX] = "%%",
		[PARAM_RM_SPREFIX] = "#", [PARAM_RM_LPREFIX] = "##", [PARAM_BAD] = "",
	};
	const char *kind = pe->op == PARAM_LENGTH ? "len" : pe->op == PARAM_BAD ? "badsubst" : "param";
	sbuf_printf(out, "(%s ", kind);
	dump_str(out, pe->name, strlen(pe->name));
	if (pe->op != PARAM_PLAIN && pe->op != PARAM_LENGTH && pe->op != PARAM_BAD) {
		sbuf_printf(out, " %s%s ", pe->colon ? ":" : "", ops[pe->op]);
		dump_word(pe->arg, out);
	}
	sbuf_addc(out, ')');
}

static void dump_part(const struct word_part *wp, struct sbuf *out)
{
	if (wp->quoted)
		sbuf_adds(out, "(q ");
	switch (wp->kind) {
	case PART_LIT:
		dump_str(out, wp->u.lit.s, wp->u.lit.len);
		break;
	case PART_TILDE:
		sbuf_adds(out, "(tilde ");
		dump_str(out, wp->u.tilde_user, strlen(wp->u.tilde_user));
		sbuf_addc(out, ')');
		break;
	case PART_PARAM:
		dump_param(wp->u.param, out);
		break;
	case PART_CMDSUB:
		sbuf_adds(out, "(cmdsub");
		if (wp->u.cmdsub) {
			sbuf_addc(out, ' ');
			dump_node(wp->u.cmdsub, out);
		}
		sbuf_addc(out, ')');
		break;
	case PART_ARITH:
		sbuf_adds(out, "(arith ");
		dump_word(wp->u.arith, out);
		sbuf_addc(out, ')');
		break;
	}
	if (wp->quoted)
		sbuf_addc(out, ')');
}

/* A word of one unquoted literal prints as a string; otherwise (w PARTS...). */
static void dump_word(const struct word *w, struct sbuf *out)
{
	if (w->nparts == 1 && w->parts[0].kind == PART_LIT && !w->parts[0].quoted) {
		dump_str(out, w->parts[0].u.lit.s, w->parts[0].u.lit.len);
		return;
	}
	sbuf_adds(out, "(w");
	for (size_t i = 0; i < w->nparts; i++) {
		sbuf_addc(out, ' ');
		dump_part(&w->parts[i], out);
	}
	sbuf_addc(out, ')');
}

static const char *const redir_ops[] = {
	[REDIR_IN] = "<", [REDIR_OUT] = ">", [REDIR_CLOBBER] = ">|",
	[REDIR_APPEND] = ">>", [REDIR_RDWR] = "<>", [REDIR_DUPIN] = "<&",
	[REDIR_DUPOUT] = ">&", [REDIR_HEREDOC] = "<<",
	[REDIR_OUT_ERR] = "&>", [REDIR_APPEND_ERR] = "&>>",
};

static void dump_redirs(const struct redir *r, struct sbuf *out)
{
	for (; r; r = r->next) {
		const char *suffix = r->op == REDIR_HEREDOC && !r->heredoc_expand ? "lit" : "";
		if (r->varname)
			sbuf_printf(out, " (%s%s {%s} ", redir_ops[r->op], suffix, r->varname);
		else
			sbuf_printf(out, " (%s%s %d ", redir_ops[r->op], suffix, r->fd);
		if (r->target)
			dump_word(r->target, out);
		else
			sbuf_adds(out, "nil");
		sbuf_addc(out, ')');
	}
}

static void dump_words(const char *tag, struct word *const *w, size_t n, struct sbuf *out)
{
	sbuf_printf(out, "(%s", tag);
	for (size_t i = 0; i < n; i++) {
		sbuf_addc(out, ' ');
		dump_word(w[i], out);
	}
	sbuf_addc(out, ')');
}

static void dump_simple(const struct node *n, struct sbuf *out)
{
	sbuf_adds(out, "(simple");
	for (size_t i = 0; i < n->u.simple.nassigns; i++) {
		const struct assign *a = &n->u.simple.assigns[i];
		sbuf_printf(out, " (= %s ", a->name);
		dump_word(a->value, out);
		sbuf_addc(out, ')');
	}
	for (size_t i = 0; i < n->u.simple.nwords; i++) {
		sbuf_addc(out, ' ');
		dump_word(n->u.simple.words[i], out);
	}
}

static void dump_case(const struct node *n, struct sbuf *out)
{
	sbuf_adds(out, "(case ");
	dump_word(n->u.case_.subject, out);
	for (size_t i = 0; i < n->u.case_.n; i++) {
		const struct case_item *it = &n->u.case_.items[i];
		sbuf_adds(out, " (item ");
		dump_words("pats", it->pats, it->npats, out);
		sbuf_addc(out, ' ');
		dump_node(it->body, out);
		sbuf_adds(out, it->term == CASE_FALLTHROUGH ? " ;&)" : " ;;)");
	}
}

static void dump_node(const struct node *n, struct sbuf *out)
{
	if (!n) {
		sbuf_adds(out, "nil");
		return;
	}
	switch (n->kind) {
	case NODE_SIMPLE: dump_simple(n, out); break;
	case NODE_PIPELINE:
		sbuf_adds(out, n->u.pipeline.bang ? "(pipe !" : "(pipe");
		for (size_t i = 0; i < n->u.pipeline.n; i++) {
			sbuf_addc(out, ' ');
			dump_node(n->u.pipeline.cmds[i], out);
		}
		break;
	case NODE_AND: case NODE_OR:
		sbuf_adds(out, n->kind == NODE_AND ? "(and " : "(or ");
		dump_node(n->u.andor.left, out);
		sbuf_addc(out, ' ');
		dump_node(n->u.andor.right, out);
		break;
	case NODE_LIST:
		sbuf_adds(out, "(list");
		for (size_t i = 0; i < n->u.list.n; i++) {
			sbuf_adds(out, n->u.list.items[i].async ? " (bg " : " ");
			dump_node(n->u.list.items[i].cmd, out);
			if (n->u.list.items[i].async)
				sbuf_addc(out, ')');
		}
		break;
	case NODE_SUBSHELL: case NODE_GROUP:
		sbuf_adds(out, n->kind == NODE_SUBSHELL ? "(subshell " : "(group ");
		dump_node(n->u.group.body, out);
		break;
	case NODE_IF:
		sbuf_adds(out, "(if ");
		dump_node(n->u.if_.cond, out);
		sbuf_addc(out, ' ');
		dump_node(n->u.if_.then_part, out);
		if (n->u.if_.else_part) {
			sbuf_addc(out, ' ');
			dump_node(n->u.if_.else_part, out);
		}
		break;
	case NODE_WHILE: case NODE_UNTIL:
		sbuf_adds(out, n->kind == NODE_WHILE ? "(while " : "(until ");
		dump_node(n->u.loop.cond, out);
		sbuf_addc(out, ' ');
		dump_node(n->u.loop.body, out);
		break;
	case NODE_FOR:
		sbuf_printf(out, "(for %s ", n->u.for_.var);
		if (n->u.for_.has_in) {
			dump_words("in", n->u.for_.words, n->u.for_.nwords, out);
			sbuf_addc(out, ' ');
		}
		dump_node(n->u.for_.body, out);
		break;
	case NODE_CASE: dump_case(n, out); break;
	case NODE_FUNCDEF:
		sbuf_printf(out, "(func %s ", n->u.func.name);
		dump_node(n->u.func.body, out);
		break;
	}
	dump_redirs(n->redirs, out);
	sbuf_addc(out, ')');
}

void ast_dump(const struct node *n, struct sbuf *out)
{
	dump_node(n, out);
}

/* --- text: the command as a user would have typed it (jobs, fg) ----------- */

static void text_node(const struct node *n, struct sbuf *out);
static void text_word(const struct word *w, struct sbuf *out);

static void text_param(const struct param_exp *pe, struct sbuf *out)
{
	static const char *const ops[] = {
		[PARAM_PLAIN] = "", [PARAM_LENGTH] = "", [PARAM_DEFAULT] = "-",
		[PARAM_ASSIGN] = "=", [PARAM_ERROR] = "?", [PARAM_ALT] = "+",
		[PARAM_RM_SSUFFIX] = "%", [PARAM_RM_LSUFFIX] = "%%",
		[PARAM_RM_SPREFIX] = "#", [PARAM_RM_LPREFIX] = "##", [PARAM_BAD] = "",
	};
	if (pe->op == PARAM_PLAIN) {
		sbuf_printf(out, "${%s}", pe->name);
		return;
	}
	sbuf_adds(out, "${");
	if (pe->op == PARAM_LENGTH)
		sbuf_addc(out, '#');
	sbuf_adds(out, pe->name);
	if (pe->op != PARAM_LENGTH && pe->op != PARAM_BAD) {
		if (pe->colon)
			sbuf_addc(out, ':');
		sbuf_adds(out, ops[pe->op]);
		if (pe->arg)
			text_word(pe->arg, out);
	}
	sbuf_addc(out, '}');
}

/* The quote that part p is written in: as typed for a literal (none for
 * a backslash, which goes before each byte); double quotes for a quoted
 * expansion (and for parts made by the shell). */
static char part_quote(const struct word_part *p)
{
	if (!p->quoted)
		return 0;
	if (p->kind != PART_LIT || !p->quote)
		return '"';
	return p->quote == '\\' ? 0 : p->quote;
}

/* raw: an arithmetic expression, whose blanks and operators are its own */
static void text_word_as(const struct word *w, bool raw, struct sbuf *out)
{
	char in_q = 0;   /* the quote open: 0, '"' or '\'' */
	for (size_t i = 0; i < w->nparts; i++) {
		const struct word_part *p = &w->parts[i];
		char want = part_quote(p);
		if (want != in_q) {
			if (in_q)
				sbuf_addc(out, in_q);
			in_q = want;
			if (in_q)
				sbuf_addc(out, in_q);
		}
		switch (p->kind) {
		case PART_LIT:
			/* unquoted text from the source holds none of these;
			 * glob characters, = and ~ in it are as typed */
			for (size_t k = 0; k < p->u.lit.len; k++) {
				char c = p->u.lit.s[k];
				bool esc = p->quote == '\\' ||
				           (in_q == '"' ? strchr("\"$`\\", c) != NULL
				            : !in_q && strchr(" \t\n\"'$`\\|&;<>()", c) != NULL);
				if (esc && !(raw && !in_q))
					sbuf_addc(out, '\\');
				sbuf_addc(out, c);
			}
			break;
		case PART_TILDE:
			sbuf_addc(out, '~');
			sbuf_adds(out, p->u.tilde_user);
			break;
		case PART_PARAM: {
			const struct word_part *nx = i + 1 < w->nparts ? &w->parts[i + 1] : NULL;
			char c = nx && nx->kind == PART_LIT && nx->u.lit.len ? nx->u.lit.s[0] : 0;
			bool glued = c == '_' || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
			if (p->u.param->op == PARAM_PLAIN && !glued && strlen(p->u.param->name) == 1)
				sbuf_printf(out, "$%s", p->u.param->name);
			else if (p->u.param->op == PARAM_PLAIN && !glued && !(p->u.param->name[0] >= '0' &&
			                                                       p->u.param->name[0] <= '9'))
				sbuf_printf(out, "$%s", p->u.param->name);
			else
				text_param(p->u.param, out);
			break;
		}
		case PART_CMDSUB:
			sbuf_adds(out, "$(");
			if (p->u.cmdsub)
				text_node(p->u.cmdsub, out);
			sbuf_addc(out, ')');
			break;
		case PART_ARITH:
			sbuf_adds(out, "$((");
			text_word_as(p->u.arith, true, out);
			sbuf_adds(out, "))");
			break;
		}
	}
	if (in_q)
		sbuf_addc(out, in_q);
}

static void text_word(const struct word *w, struct sbuf *out)
{
	text_word_as(w, false, out);
}

static void text_redirs(const struct redir *r, struct sbuf *out)
{
	for (; r; r = r->next) {
		int dflt = r->op == REDIR_IN || r->op == REDIR_RDWR || r->op == REDIR_DUPIN ||
		           r->op == REDIR_HEREDOC ? 0 : 1;
		sbuf_addc(out, ' ');
		if (r->varname)
			sbuf_printf(out, "{%s}", r->varname);
		else if (r->fd != dflt)
			sbuf_printf(out, "%d", r->fd);
		sbuf_adds(out, redir_ops[r->op]);
		if (r->op == REDIR_HEREDOC)
			sbuf_adds(out, " ...");
		else if (r->target)
			text_word(r->target, out);
	}
}

static void text_list_body(const struct node *n, struct sbuf *out)
{
	/* a body followed by "; " unless it ends with & */
	text_node(n, out);
	if (!(n && n->kind == NODE_LIST && n->u.list.items[n->u.list.n - 1].async))
		sbuf_addc(out, ';');
	sbuf_addc(out, ' ');
}

static void text_node(const struct node *n, struct sbuf *out)
{
	if (!n)
		return;
	switch (n->kind) {
	case NODE_SIMPLE:
		for (size_t i = 0; i < n->u.simple.nassigns; i++) {
			if (i)
				sbuf_addc(out, ' ');
			sbuf_printf(out, "%s=", n->u.simple.assigns[i].name);
			text_word(n->u.simple.assigns[i].value, out);
		}
		for (size_t i = 0; i < n->u.simple.nwords; i++) {
			if (i || n->u.simple.nassigns)
				sbuf_addc(out, ' ');
			text_word(n->u.simple.words[i], out);
		}
		break;
	case NODE_PIPELINE:
		if (n->u.pipeline.bang)
			sbuf_adds(out, "! ");
		for (size_t i = 0; i < n->u.pipeline.n; i++) {
			if (i)
				sbuf_adds(out, " | ");
			text_node(n->u.pipeline.cmds[i], out);
		}
		break;
	case NODE_AND:
	case NODE_OR:
		text_node(n->u.andor.left, out);
		sbuf_adds(out, n->kind == NODE_AND ? " && " : " || ");
		text_node(n->u.andor.right, out);
		break;
	case NODE_LIST:
		for (size_t i = 0; i < n->u.list.n; i++) {
			if (i)
				sbuf_adds(out, n->u.list.items[i - 1].async ? " " : "; ");
			text_node(n->u.list.items[i].cmd, out);
			if (n->u.list.items[i].async)
				sbuf_adds(out, " &");
		}
		break;
	case NODE_SUBSHELL:
		sbuf_adds(out, "( ");
		text_node(n->u.group.body, out);
		sbuf_adds(out, " )");
		break;
	case NODE_GROUP:
		sbuf_adds(out, "{ ");
		text_list_body(n->u.group.body, out);
		sbuf_addc(out, '}');
		break;
	case NODE_IF:
		sbuf_adds(out, "if ");
		for (const struct node *c = n;; c = c->u.if_.else_part) {
			text_list_body(c->u.if_.cond, out);
			sbuf_adds(out, "then ");
			text_list_body(c->u.if_.then_part, out);
			const struct node *e = c->u.if_.else_part;
			if (e && e->kind == NODE_IF && !e->redirs) {
				sbuf_adds(out, "elif ");
				continue;
			}
			if (e) {
				sbuf_adds(out, "else ");
				text_list_body(e, out);
			}
			break;
		}
		sbuf_adds(out, "fi");
		break;
	case NODE_WHILE:
	case NODE_UNTIL:
		sbuf_adds(out, n->kind == NODE_WHILE ? "while " : "until ");
		text_list_body(n->u.loop.cond, out);
		sbuf_adds(out, "do ");
		text_list_body(n->u.loop.body, out);
		sbuf_adds(out, "done");
		break;
	case NODE_FOR:
		sbuf_printf(out, "for %s", n->u.for_.var);
		if (n->u.for_.has_in) {
			sbuf_adds(out, " in");
			for (size_t i = 0; i < n->u.for_.nwords; i++) {
				sbuf_addc(out, ' ');
				text_word(n->u.for_.words[i], out);
			}
		}
		sbuf_adds(out, "; do ");
		text_list_body(n->u.for_.body, out);
		sbuf_adds(out, "done");
		break;
	case NODE_CASE:
		sbuf_adds(out, "case ");
		text_word(n->u.case_.subject, out);
		sbuf_adds(out, " in ");
		for (size_t i = 0; i < n->u.case_.n; i++) {
			const struct case_item *it = &n->u.case_.items[i];
			for (size_t k = 0; k < it->npats; k++) {
				if (k)
					sbuf_adds(out, " | ");
				text_word(it->pats[k], out);
			}
			sbuf_adds(out, ") ");
			if (it->body) {
				text_node(it->body, out);
				sbuf_addc(out, ' ');
			}
			sbuf_adds(out, it->term == CASE_FALLTHROUGH ? ";& " : ";; ");
		}
		sbuf_adds(out, "esac");
		break;
	case NODE_FUNCDEF:
		sbuf_printf(out, "%s() ", n->u.func.name);
		text_node(n->u.func.body, out);
		return;   /* the body printed its own redirections */
	}
	text_redirs(n->redirs, out);
}

void ast_text(const struct node *n, struct sbuf *out)
{
	text_node(n, out);
}
