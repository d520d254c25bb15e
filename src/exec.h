/* exec.h: the executor: runs nodes of the syntax tree in a stage */
#ifndef CONCH_EXEC_H
#define CONCH_EXEC_H

#include "ast.h"
#include <stdbool.h>
#include <sys/types.h>

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

struct parser;
struct sbuf;

/* Runs a parsed unit in st (st->unit is set to it while it runs). */
int exec_unit(struct stage *st, struct unit *u);
/* Reads, parses and runs complete commands from p until end of input, an
 * exit, or (non-interactive) a syntax error. */
int exec_parser_loop(struct stage *st, struct parser *p, const char *source);
/* The same, calling before(ctx) after each command is parsed and before it
 * runs (the interactive reader adds the command to the history then). */
int exec_parser_loop_hook(struct stage *st, struct parser *p, const char *source,
                          void (*before)(void *ctx), void *ctx);

/* Command substitution: runs body with its stdout captured into out.
 * Returns the body's status. (pipeline.c) */
int exec_capture(struct stage *st, const struct node *body, struct sbuf *out);

/* `exec CMD ARGS`: runs the command in place of the stage (the process, in
 * the main stage or a subshell). Sets st->flow to FLOW_EXIT. */
int exec_replace(struct stage *st, int argc, char **argv);

/* Runs and clears the EXIT trap, if any. */
void exec_run_exit_trap(struct stage *st);

/* A simple command known to be external (pipeline.c): expands it in st and
 * starts it without waiting. Returns the pid, or -1 with *status set (the
 * error was reported). st's fd map is the child's. */
pid_t exec_simple_spawn(struct stage *st, const struct node *n, bool bg, int *status);

/* Runs n as the whole of a forked child and exits with its status; a lone
 * simple command replaces the child (exec) instead of forking again. */
_Noreturn void exec_in_child(struct stage *st, const struct node *n);

/* `command NAME ARGS`: runs a builtin or external command, never a function;
 * special builtins lose their special error handling. */
int exec_command(struct stage *st, int argc, char **argv, bool default_path);

/* Runs argv (already expanded) in st as a simple command would, without
 * redirections or assignments: a special builtin, a function, a builtin or
 * an external program (waited for). For lock and thread. Returns the status;
 * st->flow tells whether it ended the stage (exit). */
int exec_argv(struct stage *st, int argc, char **argv);

/* set -v: echoes a line of input to the stage's stderr when verbose is on. */
void exec_echo_input(struct stage *st, const char *line, size_t len);

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
