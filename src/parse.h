/* parse.h: the lexer and recursive-descent parser as a library (no globals, no exit) */
#ifndef CONCH_PARSE_H
#define CONCH_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "ast.h"
#include "util.h"

/*
 * A parser reads source a line at a time through a callback, so the same code
 * serves files, -c strings, readline and eval. parser_next() returns one
 * complete command at a time (POSIX 2.10.2 complete_command: everything up to
 * an unescaped newline that ends a command, with the here-documents it
 * announced), so a script runs command by command as sh does: an alias
 * defined on one line applies to the next, and a syntax error on line 9 does
 * not stop lines 1-8 from running.
 */

/* Appends the next line of input (with its trailing '\n' if it has one) to
 * `line`. `continuation` is true when the parser needs more input to finish a
 * command (an interactive reader shows PS2). Returns 1 when something was
 * appended, 0 at end of input, -1 on a read error. */
typedef int (*parse_read_fn)(void *ctx, struct sbuf *line, bool continuation);

/* Returns the alias value for name as a malloc'd copy, or NULL. May be NULL
 * itself (no aliases). Called from the parsing thread only. */
typedef char *(*parse_alias_fn)(void *ctx, const char *name);

struct parse_error {
	int line, col;        /* 1-based position of the offending token */
	char msg[256];        /* e.g. "unexpected 'fi' (expecting 'then')" */
};

enum parse_status {
	PARSE_OK,     /* *out is a unit (its root may be NULL for a blank line) */
	PARSE_EOF,    /* no more input; *out untouched */
	PARSE_ERROR,  /* *err filled; the rest of the current line was discarded */
};

struct parser;

/* source: the name used in messages and unit->source ("-c", a path). The
 * parser copies it. read/alias ctx pointers are borrowed. */
struct parser *parser_new(const char *source, parse_read_fn read, void *read_ctx);
/* A parser of the string buf (copied), whose first line is first_line:
 * eval and trap actions read it one complete command at a time, so an
 * alias defined on one line applies to the next. */
struct parser *parser_new_string(const char *buf, size_t len, const char *source, int first_line);
void parser_set_alias(struct parser *p, parse_alias_fn alias, void *alias_ctx);
/* Line number of the next line to read (for $LINENO and messages). */
int parser_line(const struct parser *p);
/* Parses the next complete command. The caller owns the unit (one reference).
 * Its root is a NODE_LIST of the command's and-or lists, or NULL for a blank
 * line. Input is read only up to the newline that ends the command (and the
 * here-document bodies it announced). A parser is used by one thread at a
 * time; separate parsers may run in parallel (no globals, no locks). */
enum parse_status parser_next(struct parser *p, struct unit **out, struct parse_error *err);
/* Reads on after an end of input (an interactive shell that did not exit
 * at Ctrl-D). */
void parser_reset_eof(struct parser *p);
void parser_free(struct parser *p);

/* Parses a whole buffer (every complete command) into one unit whose root is
 * a NODE_LIST (or NULL when empty). Used by eval, trap actions, fuzzing.
 * first_line numbers the buffer's first line. The caller owns the unit.
 * Thread-safe: no shared state. */
enum parse_status parse_string(const char *buf, size_t len, const char *source,
                               int first_line, parse_alias_fn alias, void *alias_ctx,
                               struct unit **out, struct parse_error *err);

/* Parses buf as the body of a here-document with an unquoted delimiter
 * (parameter expansion, command substitution, arithmetic; a backslash
 * quotes only $ ` \ and newline): the prompts PS1, PS2 and PS4. *w lives
 * in *out, which the caller owns. Thread-safe. */
enum parse_status parse_heredoc_text(const char *buf, size_t len, const char *source,
                                     struct unit **out, const struct word **w,
                                     struct parse_error *err);

/* Maximum nesting depth of compound commands, substitutions and brace
 * expansions; deeper input is a syntax error ("nesting too deep"). */
#define PARSE_MAX_DEPTH 1000

#endif
