/* exec.h: the executor: runs nodes of the syntax tree in a stage */
#ifndef CONCH_EXEC_H
#define CONCH_EXEC_H

#include "ast.h"
#include "stage.h"

/* Runs n in st; returns the exit status (also left in st->status). After it
 * returns, st->flow tells whether a break/continue/return/exit is unwinding. */
int exec_node(struct stage *st, const struct node *n);

/* Parses and runs a string in st (eval, trap actions, -c). `source` names it
 * in messages. Returns the status. */
int exec_string(struct stage *st, const char *src, size_t len, const char *source);

/* Runs a file of commands in st (the . builtin and `conch file`).
 * Returns the status; -1 if it could not be opened (errno set). */
int exec_file(struct stage *st, const char *path, int fd);

/* Runs pending traps for signals that arrived (main stage only). */
void exec_run_traps(struct stage *st);

/* Exits the process: runs the EXIT trap (main stage), flushes, exits with
 * status. Only for the main stage or a forked subshell. */
_Noreturn void exec_exit(struct stage *st, int status);

/* Command lookup for type, command -v, hash and the executor. */
enum cmd_kind {
	CMD_NOTFOUND,
	CMD_SPECIAL,     /* special builtin */
	CMD_FUNCTION,
	CMD_BUILTIN,
	CMD_EXTERNAL,    /* path in *path */
	CMD_KEYWORD,     /* reserved word (type only) */
	CMD_ALIAS,       /* (type only) */
};
/* path: malloc'd full path for CMD_EXTERNAL, else NULL. */
enum cmd_kind exec_lookup(const char *name, char **path);

#endif
