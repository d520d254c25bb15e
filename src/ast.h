/* ast.h: the immutable syntax tree produced by the parser, held in refcounted units */
#ifndef CONCH_AST_H
#define CONCH_AST_H

/*
 * DESIGN
 * The parser builds one `struct unit` per complete command it reads (or per
 * buffer for parse_string). Every node, word and string of that unit lives in
 * the unit's arena and is never modified after parsing, so any number of
 * threads may walk it at once. A function definition keeps its unit alive by
 * taking a reference (unit_ref); the unit is freed when the last reference is
 * dropped (unit_unref). Nothing in the tree points outside its own unit.
 *
 * Words are parsed once into parts, so a loop body is never re-scanned:
 *   "a${x:-b c}$(cmd)"  ->  LIT "a" (quoted) | PARAM x op DEFAULT (quoted) |
 *                           CMDSUB (quoted)
 * Each part carries `quoted`: true inside double quotes, single quotes,
 * $'...', or after a backslash. Quoted text is never field-split and its
 * pattern characters are literal. A word made only of an empty quoted literal
 * ("" or '') still produces one empty field.
 */

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct node;
struct word;

enum part_kind {
	PART_LIT,     /* literal text */
	PART_TILDE,   /* ~ or ~user at the start of a word (or after : in assignments) */
	PART_PARAM,   /* $name ${...} */
	PART_CMDSUB,  /* $(...) or `...` */
	PART_ARITH,   /* $((...)) */
};

enum param_op {
	PARAM_PLAIN,         /* $x ${x} */
	PARAM_LENGTH,        /* ${#x} */
	PARAM_DEFAULT,       /* ${x-w} ${x:-w} */
	PARAM_ASSIGN,        /* ${x=w} ${x:=w} */
	PARAM_ERROR,         /* ${x?w} ${x:?w} */
	PARAM_ALT,           /* ${x+w} ${x:+w} */
	PARAM_RM_SSUFFIX,    /* ${x%w} */
	PARAM_RM_LSUFFIX,    /* ${x%%w} */
	PARAM_RM_SPREFIX,    /* ${x#w} */
	PARAM_RM_LPREFIX,    /* ${x##w} */
	PARAM_BAD,           /* a form POSIX does not define (${x/a/b}, ${x:1}): accepted
	                        by the parser as dash does, an error ("bad substitution")
	                        when expanded; name is the raw text between the braces */
};

struct param_exp {
	const char *name;    /* identifier, digits ("1", "10"), or one of @ * # ? - $ ! 0 */
	enum param_op op;
	bool colon;          /* the ':' forms: also treat empty as unset */
	struct word *arg;    /* the word after the operator; NULL for PLAIN/LENGTH/BAD.
	                        For ${x:-} it is an empty word, not NULL. */
};

struct word_part {
	enum part_kind kind;
	bool quoted;
	char quote;          /* PART_LIT: how it was quoted in the source: 0,
	                        '"', '\'' or '\\' (a backslash); for messages
	                        and job texts only */
	union {
		struct {
			const char *s;   /* not NUL-terminated necessarily: use len */
			size_t len;
		} lit;
		const char *tilde_user;      /* "" for plain ~ */
		struct param_exp *param;
		struct node *cmdsub;         /* NULL for an empty $( ) */
		struct word *arith;          /* the expression, to expand then evaluate */
	} u;
};

struct word {
	size_t nparts;
	struct word_part *parts;
	int line, col;        /* where the word starts (1-based) */
};

enum redir_op {
	REDIR_IN,            /* <    default fd 0 */
	REDIR_OUT,           /* >    default fd 1 (refused by noclobber on an existing regular file) */
	REDIR_CLOBBER,       /* >|   default fd 1 */
	REDIR_APPEND,        /* >>   default fd 1 */
	REDIR_RDWR,          /* <>   default fd 0 */
	REDIR_DUPIN,         /* <&   default fd 0; target a number or '-' */
	REDIR_DUPOUT,        /* >&   default fd 1; target a number or '-' */
	REDIR_HEREDOC,       /* << and <<-: target is the body */
	REDIR_OUT_ERR,       /* &>   fds 1 and 2 (bash), as > 1 and 2>&1 */
	REDIR_APPEND_ERR,    /* &>>  fds 1 and 2 (bash), as >> 1 and 2>&1 */
};

struct redir {
	int fd;               /* the fd the redirection applies to */
	const char *varname;  /* {name}>...: the fd is a free one >= 10 whose
	                         number goes into the variable name (with >&- or
	                         <&-: the fd $name is closed); NULL otherwise */
	enum redir_op op;
	struct word *target;  /* file name, fd number, or here-document body.
	                         An unquoted heredoc body has every part quoted
	                         (no splitting) but still holds PARAM/CMDSUB/ARITH. */
	bool heredoc_expand;  /* heredoc only: delimiter was unquoted */
	int line, col;
	struct redir *next;   /* NULL-terminated list in source order */
};

enum node_kind {
	NODE_SIMPLE,
	NODE_PIPELINE,
	NODE_AND,            /* a && b */
	NODE_OR,             /* a || b */
	NODE_LIST,           /* a ; b & c */
	NODE_SUBSHELL,       /* ( list ) */
	NODE_GROUP,          /* { list; } */
	NODE_IF,
	NODE_WHILE,
	NODE_UNTIL,
	NODE_FOR,
	NODE_CASE,
	NODE_FUNCDEF,
};

struct assign {
	const char *name;
	struct word *value;   /* never NULL; empty word for x= */
};

struct list_item {
	struct node *cmd;
	bool async;           /* terminated by & */
};

enum case_term {
	CASE_BREAK,          /* ;; (or the last item without terminator) */
	CASE_FALLTHROUGH,    /* ;& */
};

struct case_item {
	size_t npats;
	struct word **pats;
	struct node *body;    /* NULL for an empty body */
	enum case_term term;
};

struct node {
	enum node_kind kind;
	int line, col;        /* 1-based position of the first token */
	struct redir *redirs; /* SIMPLE and compound commands; NULL if none */
	union {
		struct {
			size_t nassigns;
			struct assign *assigns;
			size_t nwords;
			struct word **words;   /* words[0] is the command name */
		} simple;
		struct {
			bool bang;
			size_t n;              /* >= 1 */
			struct node **cmds;
		} pipeline;
		struct {
			struct node *left, *right;
		} andor;
		struct {
			size_t n;              /* >= 1 */
			struct list_item *items;
		} list;
		struct {
			struct node *body;     /* SUBSHELL, GROUP */
		} group;
		struct {
			struct node *cond, *then_part;
			struct node *else_part;  /* NULL if none; elif is a nested NODE_IF */
		} if_;
		struct {
			struct node *cond, *body;  /* WHILE, UNTIL */
		} loop;
		struct {
			const char *var;
			bool has_in;           /* false: iterate over "$@" */
			size_t nwords;
			struct word **words;
			struct node *body;
		} for_;
		struct {
			struct word *subject;
			size_t n;
			struct case_item *items;
		} case_;
		struct {
			const char *name;
			struct node *body;     /* a compound command (with its redirs); like
			                          dash, also a simple command: f() echo hi */
		} func;
	} u;
};

/* A parse unit: owns every allocation of one parsed piece of source. */
struct unit {
	atomic_int refs;
	struct arena arena;
	struct node *root;      /* NULL for an empty command (blank line, comment) */
	const char *source;     /* file name for messages ("-c", "stdin", path) */
};

/* Takes a reference; returns u for convenience. Thread-safe. */
struct unit *unit_ref(struct unit *u);
/* Drops a reference and frees the unit with the last one. Thread-safe. */
void unit_unref(struct unit *u);

/* Debug: prints the tree as an S-expression into out (used by tests and -n dumps). */
struct sbuf;
void ast_dump(const struct node *n, struct sbuf *out);
/* The command as shell text, on one line, as `jobs` shows it: words are
 * requoted, here-document bodies shown as `<< ...`. */
void ast_text(const struct node *n, struct sbuf *out);

#endif
