/* stage.h: the per-stage execution context: fds, buffered output, $?, arguments, locals */
#ifndef CONCH_STAGE_H
#define CONCH_STAGE_H

/*
 * DESIGN
 * Every piece of running shell code has a `struct stage`: the main thread has
 * one, every thread stage of a pipeline has its own, a forked subshell keeps
 * the one it was forked with. Nothing in a stage is shared with another
 * thread, so nothing here takes a lock; what is shared goes through state.h.
 *
 * File descriptors are virtual. Builtins never touch fds 0/1/2 of the process:
 * they read and write "stage fd N", which the fd map translates to the real
 * fd that holds it (a pipe end, a file opened by a redirection, a socket).
 * A virtual fd with no entry in the map is the process's fd of the same
 * number (what the shell inherited). Real fds opened by the shell are >= 10
 * and close-on-exec; a spawned child receives exactly the map, dup2'ed onto
 * the numbers it names.
 *
 * Output of builtins goes through one buffer per stage, flushed when the
 * builtin returns (exec.c does it), when full, or when the builtin switches to
 * another fd. A failed write is remembered (io_error) and turned into the
 * builtin's status: EPIPE stops the stage as SIGPIPE would (status 141).
 */

#include <stdarg.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "util.h"

/* --- virtual fd map ------------------------------------------------------- */

enum {
	FDMAP_CLOSED = -2,      /* entry value: the virtual fd is closed */
	FDMAP_CAPTURE = -3,     /* entry value: writes go to stage->capture
	                           (a command substitution of builtins only) */
};

struct fd_entry {
	int vfd;      /* the number the script sees */
	int rfd;      /* real fd, or FDMAP_CLOSED */
	bool owned;   /* rfd is closed when the entry is dropped */
	bool kept;    /* made by exec for an fd no scope had: outlives the
	                 scope (function, group) it was made in */
};

struct fdmap {
	struct fd_entry *e;   /* a stack: later entries shadow earlier ones */
	size_t n, cap;
};

/* Real fd for vfd, or -1 when the virtual fd is closed (errno EBADF).
 * Returns FDMAP_CAPTURE for a capture entry. Bytes the read builtin read
 * ahead of its offset are given back first (readahead.h): the caller may
 * use the fd in any way. */
int fdmap_get(const struct fdmap *m, int vfd);
/* fdmap_get for the read builtin, which reads through readahead.h: leaves
 * what is read ahead in place. *mapped tells whether vfd has an entry. */
int fdmap_peek(const struct fdmap *m, int vfd, bool *mapped);
/* Pushes vfd -> rfd (rfd may be FDMAP_CLOSED). With owned, the map closes
 * rfd when the entry is popped. */
void fdmap_push(struct fdmap *m, int vfd, int rfd, bool owned);
/* True when vfd has an entry (open or closed); *rfd gets the newest one's
 * real fd (FDMAP_CLOSED or FDMAP_CAPTURE included). */
bool fdmap_find(const struct fdmap *m, int vfd, int *rfd);
/* Makes the newest entry outlive the scopes it was pushed in, as exec's
 * do (a {name}>file redirection: the fd stays open after its command). */
void fdmap_keep_top(struct fdmap *m);
/* Mark for fdmap_pop_to: the current depth. */
size_t fdmap_mark(const struct fdmap *m);
/* Pops entries down to mark, closing owned real fds; entries exec kept
 * stay (moved down). */
void fdmap_pop_to(struct fdmap *m, size_t mark);
/* Makes the entries pushed since mark permanent, as exec's redirections
 * are: each replaces the latest older entry for its fd (closing what that
 * one owned), so `exec 3>&-` really closes, and the map does not grow when
 * a loop runs exec again and again. An entry for an fd no older entry
 * names is kept: it outlives the function or group exec ran in. */
void fdmap_settle(struct fdmap *m, size_t mark);
/* A copy for a new stage: entries are duplicated as non-owned references to
 * the same real fds (the parent outlives the child stage). */
void fdmap_copy(struct fdmap *dst, const struct fdmap *src);
/* A copy that outlives src (a thread job): every visible entry gets its own
 * dup of the real fd (close-on-exec, >= 10), owned by dst. Capture entries
 * become closed. Returns 0, or -1 with errno (dst is then empty). */
int fdmap_dup(struct fdmap *dst, const struct fdmap *src);
void fdmap_free(struct fdmap *m);
/* Drops every entry without closing anything (a forked child that already
 * rearranged its fds). */
void fdmap_forget(struct fdmap *m);
/* Calls fn for each visible vfd (the newest entry per vfd only). */
void fdmap_each(const struct fdmap *m, void (*fn)(void *ctx, int vfd, int rfd), void *ctx);

/* --- positional parameters ---------------------------------------------- */

/* Immutable once shared; replaced, not edited (set --, shift make a new one). */
struct args {
	atomic_int refs;
	int n;          /* $# */
	char **v;       /* v[0..n-1] are $1..$n; NULL-terminated */
};
struct args *args_new(int n, char *const *v);   /* copies the strings */
struct args *args_ref(struct args *a);
void args_unref(struct args *a);

/* --- local variables ----------------------------------------------------- */

struct local_var {
	char *name;
	char *value;       /* NULL: unset in this scope (local x with no value in dash is unset) */
	unsigned flags;    /* VAR_EXPORT, VAR_READONLY */
	struct local_var *next;
};

/* One frame of locals: a function call that used `local`, or the temporary
 * assignments of `x=1 cmd` for a builtin or function. */
struct scope {
	struct local_var *vars;
	struct scope *up;       /* enclosing frame, NULL at the outermost */
	bool temp;              /* prefix assignments (exported to children) */
	bool restore_opts;      /* `local -` was used: restore saved_opts */
	unsigned saved_opts;
};

/* --- control flow ------------------------------------------------------- */

enum flow {
	FLOW_NONE,
	FLOW_BREAK,        /* flow_n levels */
	FLOW_CONTINUE,     /* flow_n levels */
	FLOW_RETURN,
	FLOW_EXIT,         /* exit the stage (the shell, in the main stage) */
	FLOW_INTERRUPT,    /* Ctrl-C in an interactive shell: back to the prompt */
};

/* --- the stage ------------------------------------------------------------ */

struct stage {
	struct fdmap fds;
	struct sbuf out;        /* pending builtin output */
	int out_fd;             /* vfd that `out` is for, -1 when empty */
	int io_error;           /* first errno of a failed write since io_reset */

	int status;             /* $? */
	struct args *args;      /* positional parameters; never NULL */
	struct scope *scope;    /* innermost local frame, NULL when none */

	int loop_depth;         /* enclosing loops, for break/continue */
	long optpos_ind;        /* getopts: inside the cluster before OPTIND */
	long optpos_off;        /* ... this many characters in, 0: none */
	int func_depth;         /* enclosing function calls, for return */
	int dot_depth;          /* enclosing . scripts, for return */
	int nest;               /* function calls, pipelines, substitutions and
	                           evals this code runs inside, counted across
	                           child stages (bounded: see STAGE_MAX_NEST) */
	enum flow flow;
	int flow_n;

	int soft_special;       /* > 0 under `command`: special builtin errors
	                           do not end the shell */
	int in_trap;            /* > 0 while a trap action runs */
	int trap_status;        /* $? when the trap action started (exit's default) */
	int errexit_off;        /* > 0 inside if/while conditions, && || left sides, ! */
	bool is_main;           /* the shell's own stage (exit ends the process) */
	bool is_subshell;       /* running in a forked child: exit is _exit */
	bool exec_tail;         /* the next simple command is the last thing a
	                           forked child runs: exec it in place (no fork) */
	atomic_bool stop;       /* asked to stop (signal, EPIPE downstream) */
	int locks_held;         /* named locks this stage holds (locks.c);
	                           changed only by the stage's own thread */
	bool job_stopped;       /* FLOW_INTERRUPT comes from a foreground job
	                           that stopped ($? is 128+sig, not 130) */
	bool hangup;            /* the shell got SIGHUP: it exits at once */
	bool main_thread;       /* runs on the shell's main thread (the main
	                           stage, or a pipeline's last stage run there) */

	int cmdsub_status;      /* status of the last command substitution */
	bool cmdsub_ran;        /* a command substitution ran in this command */
	struct sbuf *capture;   /* FDMAP_CAPTURE target: $(...) run in this thread */
	struct confine *confined; /* non-NULL: this stage runs inside a $(...)
	                           without a fork, and no assignment reaches the
	                           shared variables: see stage_confine */

	struct jobgrp *grp;     /* the job this stage belongs to under job
	                           control (its process group), or NULL; a
	                           reference, shared by the job's stages */
	struct unit *unit;      /* the unit being run (function definitions
	                           take a reference on it); borrowed */
	int peek[2];            /* a private pipe for peeking at a pipe with
	                           tee(2) (read builtin); -1 until first used */
	int lineno;             /* $LINENO of the command being run */
	const char *source;     /* file name for messages */
	char *lastarg;          /* $_ (NULL: empty): the last word of the
	                           previous simple command; per stage, as each
	                           subshell of bash has its own (no lock) */
};

/* Makes st a subshell as far as variables go (a command substitution run
 * in the shell's process, pipeline.c): from now on an assignment or unset
 * that is not to one of st's locals changes a layer of variables of the
 * substitution's own, which shadows the shared variables (and an enclosing
 * substitution's layer) for st and the stages it starts, keeps the export
 * flag for the commands they run, and is dropped with the last of them.
 * The stages of a pipeline inside share the layer, as thread stages share
 * the shell's variables; a substitution inside gets a new layer on top. */
struct confine;
/* In a forked child (a real subshell, spawn_fork): writes st's layers into
 * the child's own shared variables and stops confining st. */
void stage_unconfine(struct stage *st);
void stage_confine(struct stage *st);

/* Deeper nesting of shell code (recursion through functions, pipelines,
 * command substitutions, eval) is an error, not a stack overflow. */
#define STAGE_MAX_NEST 1000

/* Enters one level of nesting; false (after printing an error and setting
 * status 2 and FLOW_EXIT) when STAGE_MAX_NEST is reached. */
bool stage_nest_enter(struct stage *st, const char *what);
void stage_nest_leave(struct stage *st);

/* The main thread's stage; args from the command line. */
void stage_init_main(struct stage *st, int argc, char *const *argv);
/* A stage for a thread of a pipeline run from parent: copies the fd map
 * (non-owning), shares args (ref), snapshots the visible locals, $?, and
 * borrows parent's unit (the parent outlives the child stage). */
void stage_init_child(struct stage *st, const struct stage *parent);
/* Flushes and frees everything the stage owns (closing owned fds) and
 * releases the named locks it still holds. */
void stage_destroy(struct stage *st);

/* --- variables as the stage sees them (locals first, then state.h) ------ */

/* Appends the value; false when unset. Handles special parameters too:
 * ? $ ! # @ * - 0 1..N (for @ and * the values joined by a space), and _
 * (stage_set_lastarg). */
bool stage_var_get(struct stage *st, const char *name, struct sbuf *out);
char *stage_var_dup(struct stage *st, const char *name);
/* Assigns to the innermost local of that name, else the shared variable.
 * Returns 0, or -1 after printing "NAME: readonly variable". */
int stage_var_set(struct stage *st, const char *name, const char *value);
int stage_var_unset(struct stage *st, const char *name);
/* export / readonly NAME: gives the innermost local of that name the
 * attribute (VAR_EXPORT or VAR_READONLY), else the shared variable.
 * Returns what state_var_set returns. */
int stage_var_flag(struct stage *st, const char *name, unsigned flag);
/* Declares a local in the innermost function frame (local builtin). */
int stage_local(struct stage *st, const char *name, const char *value, bool has_value);
/* `local -`: saves the shell options; the innermost function frame restores
 * them when it is popped. */
void stage_local_options(struct stage *st);
/* Pushes / pops a frame (function call, temporary assignments). */
void stage_scope_push(struct stage *st, bool temp);
void stage_scope_pop(struct stage *st);
/* $_ after a simple command: its last word after expansion, "" when it
 * had none (assignments only). Takes the word out of argv (no copy: this
 * runs after every command). */
void stage_take_lastarg(struct stage *st, struct strvec *argv);
/* $_ set to a copy of s (start-up). */
void stage_set_lastarg(struct stage *st, const char *s);
/* The environment for a child: exported shared variables, overridden by
 * exported locals and temporary assignments. When the stage overrides
 * nothing it is the shell's shared one (state_env_get), else one built for
 * it. Free with child_env_free. */
struct child_env {
	struct state_env *shared;
	struct strvec own;
};
#define CHILD_ENV_INIT { NULL, STRVEC_INIT }
void stage_env(struct stage *st, struct child_env *env);
/* The NULL-terminated "name=value" array, valid until child_env_free. */
char *const *child_env_vector(struct child_env *env);
void child_env_free(struct child_env *env);

/* The stage's private peek pipe, created on first use (close-on-exec, fds
 * >= 10, closed by stage_destroy); NULL when no pipe can be made. */
const int *stage_peek_pipe(struct stage *st);

/* --- I/O for builtins ----------------------------------------------------- */

/* Buffered write to stage fd vfd. Never fails immediately: errors are kept
 * in st->io_error and reported by io_flush. */
void io_write(struct stage *st, int vfd, const char *buf, size_t n);
void io_puts(struct stage *st, int vfd, const char *s);
void io_printf(struct stage *st, int vfd, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Writes the buffer out; returns 0 or the errno of the first failure since
 * the last io_reset. */
int io_flush(struct stage *st);
void io_reset(struct stage *st);
/* Reads up to n bytes from stage fd vfd (restarting on EINTR unless the stage
 * is asked to stop). Returns bytes read, 0 at EOF, -1 with errno. */
ssize_t io_read(struct stage *st, int vfd, void *buf, size_t n);

/* "conch: " + message + "\n" on the stage's fd 2, flushed at once. */
void stage_error(struct stage *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void stage_verror(struct stage *st, const char *fmt, va_list ap);

#endif
