/* lex.h: parser internals shared by lex.c, lexword.c and parse.c (not used by other modules) */
#ifndef CONCH_LEX_H
#define CONCH_LEX_H

/*
 * DESIGN
 * The source of the command being parsed sits in one growable buffer
 * (struct parser.buf); more lines are appended on demand through the read
 * callback, so lookahead is a plain offset and nothing points into the buffer
 * except offsets (it may move when it grows). Alias substitution splices the
 * alias value into the buffer in place of the word and lexes it again; a list
 * of (alias, end offset) ranges stops an alias from expanding inside its own
 * text. Words are built straight into the unit's arena: literal bytes gather
 * in `lit`, finished parts and other arrays gather on the scratch stack `stk`
 * and are copied to the arena when complete, so lexing allocates nothing per
 * character. $(...) is parsed by calling back into the grammar with the same
 * lexer; `...` and unquoted here-document bodies are parsed by a child parser
 * over their (unescaped) text, sharing the arena.
 * Errors: the first error is recorded in `err` and `failed` is set; every
 * function then returns false/NULL up to the public entry point.
 */

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "parse.h"
#include "util.h"

enum tok_kind {
	TOK_EOF,
	TOK_NEWLINE,
	TOK_WORD,
	TOK_REDIR,       /* any redirection operator, with its IO_NUMBER if any */
	TOK_AND_IF,      /* && */
	TOK_OR_IF,       /* || */
	TOK_DSEMI,       /* ;; */
	TOK_SEMI_AND,    /* ;& */
	TOK_SEMI,        /* ; */
	TOK_AMP,         /* & */
	TOK_PIPE,        /* | */
	TOK_PIPE_AMP,    /* |& (bash): the same as 2>&1 | */
	TOK_LPAREN,      /* ( */
	TOK_RPAREN,      /* ) */
	TOK_ERROR,       /* the lexer failed; p->err is set */
};

struct token {
	enum tok_kind kind;
	int line, col;
	size_t start, end;      /* source offsets in p->buf */
	struct word *word;      /* TOK_WORD */
	const char *text;       /* TOK_WORD without quoting or expansions: its text; else NULL */
	int fd;                 /* TOK_REDIR: the IO_NUMBER, or -1 */
	const char *varname;    /* TOK_REDIR: the NAME of {NAME}>..., or NULL */
	enum redir_op rop;      /* TOK_REDIR */
	bool strip_tabs;        /* TOK_REDIR: <<- */
};

/* Scratch stack of fixed-size records (parts, word pointers, list items). */
struct pstack {
	unsigned char *data;
	size_t len, cap;
};

struct pstack_mark {
	size_t base;            /* aligned start of the segment */
	size_t prev;            /* stack length before the mark */
};

struct heredoc_pending {
	struct redir *r;
	char *delim;            /* malloc'd, quote-removed */
	bool strip_tabs;
};

struct alias_range {
	char *name;             /* malloc'd */
	size_t end;             /* offset just past the substituted text */
	bool blank;             /* the value ends in a blank and the word after
	                           it has not been checked yet */
};

struct parser {
	/* input */
	char *source;           /* malloc'd copy */
	parse_read_fn read;     /* NULL: the buffer is all there is */
	void *read_ctx;
	parse_alias_fn alias;
	void *alias_ctx;
	struct sbuf buf;        /* source text of the command being parsed */
	size_t pos;             /* next byte to lex */
	int line;               /* line of buf[pos] */
	size_t line_start;      /* offset of the start of that line */
	int first_line;         /* child parsers: columns on this line are shifted */
	int col_adjust;         /*   by col_adjust (the text started mid-line) */
	bool eof;
	bool cont;              /* the next read continues a command (PS2) */

	/* output */
	struct arena *arena;    /* the unit being built */
	struct parse_error err;
	bool failed;
	int depth;

	/* one token of lookahead */
	bool have_tok;
	struct token tok;
	enum tok_kind last_kind; /* kind of the last token lexed */

	/* scratch */
	struct sbuf lit;
	struct pstack stk;
	struct heredoc_pending *hd;
	size_t nhd, caphd;
	struct alias_range *ar;
	size_t nar, capar;
	size_t nalias;          /* substitutions in this command (loop guard) */
	size_t cmd_alias_pos;   /* buffer offset + 1 of the command word whose
	                           aliases were substituted (0: none yet) */
	bool cmd_alias_empty;   /* ... and they left only the end of the line */
};

/* lex.c */
void parse_fail(struct parser *p, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
bool parse_depth_enter(struct parser *p, int line, int col);
int lex_raw(struct parser *p, size_t off);
int lex_peek(struct parser *p);
void lex_advance(struct parser *p, size_t n);
int lex_col(const struct parser *p);
const struct token *lex_peek_tok(struct parser *p);
void lex_take_tok(struct parser *p, struct token *out);
void lex_describe(struct parser *p, const struct token *t, char *out, size_t n);
bool lex_alias_try(struct parser *p);
/* lex_alias_try for the word at the start of a command. */
bool lex_alias_command(struct parser *p);
/* POSIX 2.3.1: whether the word at offset `at` follows the end of an alias
 * value that ended in a blank (and so is checked for aliases too). */
bool lex_alias_after_blank(struct parser *p, size_t at);
void lex_heredoc_push(struct parser *p, struct redir *r, const char *raw, size_t n,
                      bool strip_tabs);
bool lex_heredocs_finish(struct parser *p);
void lex_discard_line(struct parser *p);
void lex_parser_init(struct parser *p, const char *source);
void lex_parser_fini(struct parser *p);
void lex_reset_command(struct parser *p);

/* lexword.c */
struct word *lex_word(struct parser *p, bool *plain);
struct word *lex_heredoc_body(struct parser *p, const char *s, size_t n, int line);
struct word *word_assign_value(struct parser *p, const struct word *w, size_t skip);
struct word *word_empty(struct parser *p, bool quoted_lit);

/* parse.c: the grammar entries used for $(...), `...` and here-document bodies */
struct parser *parse_child_new(struct parser *p, const char *s, size_t n, int line, int col);
void parse_child_free(struct parser *p, struct parser *child);
struct node *parse_cmdsub(struct parser *p);
struct node *parse_child_text(struct parser *p, const char *s, size_t n, int line, int col);

/* scratch stack */
struct pstack_mark pstack_begin(struct pstack *s);
void pstack_push(struct pstack *s, const void *rec, size_t size);
void *pstack_finish(struct parser *p, struct pstack_mark m, size_t size, size_t *n);

#endif
