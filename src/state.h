/* state.h: the shell state shared by every thread stage, behind one lock */
#ifndef CONCH_STATE_H
#define CONCH_STATE_H

/*
 * Everything here is shared by the main thread and all thread stages:
 * variables and their attributes, functions, aliases, options, traps, the
 * working directory and the umask. The lock is private to state.c; every
 * function below takes it itself and returns copies, never pointers into the
 * tables, because another stage may unset or redefine a name a moment later.
 *
 * Per-stage things (positional parameters, locals, $?) live in struct stage
 * (stage.h), which consults this module for everything it does not hold.
 */

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "ast.h"
#include "util.h"

/* Variable attributes */
enum {
	VAR_EXPORT   = 1 << 0,
	VAR_READONLY = 1 << 1,
};

/* Shell options (set -o NAME / set -X). The bit order is the `set -o` order. */
enum shopt {
	OPT_ALLEXPORT,   /* -a */
	OPT_ERREXIT,     /* -e */
	OPT_FORKSTAGES,  /* every pipeline stage in a forked subshell */
	OPT_FORKSUBST,   /* every command substitution in a forked subshell */
	OPT_HASHALL,     /* -h */
	OPT_HISTAPPEND,  /* write each history entry to $HISTFILE at once */
	OPT_HISTNODUPS,  /* an entry equal to the previous one is not kept */
	OPT_HISTNOSPACE, /* a line starting with a blank is not kept */
	OPT_IGNOREEOF,
	OPT_INTERACTIVE, /* -i (not settable by set) */
	OPT_MONITOR,     /* -m */
	OPT_NOCLOBBER,   /* -C */
	OPT_NOEXEC,      /* -n */
	OPT_NOGLOB,      /* -f */
	OPT_NOLOG,
	OPT_NONET,       /* refuse @socket redirections */
	OPT_NOTIFY,      /* -b */
	OPT_NOUNSET,     /* -u */
	OPT_PIPEFAIL,
	OPT_STDIN,       /* -s (not settable by set) */
	OPT_VERBOSE,     /* -v */
	OPT_VI,
	OPT_XTRACE,      /* -x */
	OPT_COUNT
};

/* One-time set-up from the process environment; main thread, before any
 * other thread exists. Imports environ as exported variables, sets PPID,
 * IFS, PS1/PS2/PS4 defaults, PWD (validated), OPTIND. */
void state_init(char **environ_);

/* --- variables (all take the state lock) ------------------------------ */

/* Appends the value of name to out; returns false (and appends nothing)
 * when the variable is unset. */
bool state_var_get(const char *name, struct sbuf *out);
/* malloc'd copy of the value, or NULL when unset. */
char *state_var_dup(const char *name);
/* Attributes of name (0 when unset and without attributes); *isset tells
 * whether it has a value. */
unsigned state_var_flags(const char *name, bool *isset);
/* Sets the value (NULL value: keep the current value, only add flags).
 * `flags` are added to the variable's attributes. Returns 0, or -1 when the
 * variable is readonly (nothing changed). Honours allexport. */
int state_var_set(const char *name, const char *value, unsigned flags);
/* Unsets the variable; returns 0, or -1 when it is readonly. */
int state_var_unset(const char *name);
/* Removes the export attribute (for `export -n`); 0 or -1 if unset. */
int state_var_unexport(const char *name);
/* Appends "name=value" for every exported variable that has a value to env,
 * skipping names for which skip(name) is true (overridden by the stage).
 * Caller owns the strings pushed. */
void state_env_collect(struct strvec *env, bool (*skip)(void *ctx, const char *name), void *ctx);
/* The environment of exported variables, shared while no exported variable
 * changes: state_env_get takes a reference, state_env_release drops it
 * (NULL is fine); state_env_vector is its NULL-terminated "name=value"
 * array, read-only, valid until the release. */
struct state_env;
struct state_env *state_env_get(void);
char *const *state_env_vector(const struct state_env *e);
void state_env_release(struct state_env *e);
/* Lists variables sorted by name, as `name=value` pairs with flags, for
 * set/export -p/readonly -p. Only those with (flags & mask) == mask. */
struct var_entry {
	char *name;
	char *value;       /* NULL when declared but unset (export x) */
	unsigned flags;
};
size_t state_var_list(unsigned mask, struct var_entry **out);
void state_var_list_free(struct var_entry *list, size_t n);

/* Dynamic variables: RANDOM and SECONDS are made at start-up; each read of
 * one (through any call above) refreshes its value, and assigning seeds
 * RANDOM or restarts SECONDS from the value. Unsetting one ends its special
 * meaning. UID and EUID are readonly; HOSTNAME and OSTYPE plain. */
/* True while RANDOM is still the dynamic variable. */
bool state_var_random(void);

/* RANDOM's generator, bash 5.2's: the same seed gives the same numbers as
 * in bash. A value of its own, used without a lock by its owner (a command
 * substitution's layer of variables, stage.c); the shell's own one is
 * behind the state lock. */
struct state_rand {
	uint32_t seed;
	int last;      /* the previous number: never given twice in a row */
};
int state_rand_next(struct state_rand *r);        /* 0..32767 */
void state_rand_seed(struct state_rand *r, uintmax_t seed);
void state_rand_seed_random(struct state_rand *r); /* from the clock and pid */

/* --- options (lock-free reads) ---------------------------------------- */
bool state_opt(enum shopt o);
void state_opt_set(enum shopt o, bool on);
const char *state_opt_name(enum shopt o);    /* long name, e.g. "errexit" */
char state_opt_letter(enum shopt o);         /* 'e', or 0 when it has none */
/* All options as one word (bit o = option o), for `local -`. */
unsigned state_opt_word(void);
void state_opt_set_word(unsigned w);
/* Looks up by long name; returns OPT_COUNT when unknown. */
enum shopt state_opt_by_name(const char *name);
/* The value of $-, e.g. "ehu"; caller frees. */
char *state_opt_flags(void);

/* --- functions --------------------------------------------------------- */
struct func {
	struct unit *unit;         /* referenced: keeps body alive */
	const struct node *body;   /* the function's compound command */
};
/* Defines or replaces name; takes its own reference on unit. */
void state_func_set(const char *name, struct unit *unit, const struct node *body);
/* Fills *f with a new reference (release with state_func_release) and
 * returns true, or returns false when there is no such function. */
bool state_func_get(const char *name, struct func *f);
void state_func_release(struct func *f);
int state_func_unset(const char *name);   /* 0, or -1 when not defined */
/* Sorted names of all functions; caller frees with strvec_free. */
void state_func_names(struct strvec *out);

/* --- aliases ----------------------------------------------------------- */
char *state_alias_get(const char *name);          /* malloc'd or NULL */
void state_alias_set(const char *name, const char *value);
int state_alias_unset(const char *name);          /* 0, or -1 when none */
void state_alias_clear(void);
size_t state_alias_list(struct var_entry **out);  /* sorted; free with state_var_list_free */

/* --- traps ------------------------------------------------------------- */
/* Signal numbers 1..NSIG-1, and 0 for EXIT. */
#define TRAP_EXIT 0
/* malloc'd action, or NULL when the trap is the default. "" means ignore. */
char *state_trap_get(int sig);
/* action NULL resets to default. Installs/uninstalls the signal handler
 * (signals.c). Returns 0, or -1 if the signal cannot be trapped. */
int state_trap_set(int sig, const char *action);

/* True when any trap (EXIT or a signal) has an action. */
bool state_trap_any(void);
/* A forked subshell: caught traps go back to default (POSIX 2.12); ignored
 * ones stay ignored. Child only (single-threaded). */
void state_trap_reset_subshell(void);

/* --- working directory and umask ---------------------------------------- */
/* The logical working directory ($PWD); malloc'd. */
char *state_cwd(void);
/* cd semantics: chdir to path, which the caller already resolved (CDPATH,
 * -L/-P). logical is the new $PWD (NULL: use getcwd). Sets OLDPWD and PWD.
 * Returns 0 or an errno value. */
int state_chdir(const char *path, const char *logical);
mode_t state_umask_get(void);
void state_umask_set(mode_t m);

/* --- process-wide facts -------------------------------------------------- */
pid_t state_shell_pid(void);                  /* $$ */
/* Changes whenever PATH is assigned or unset (the command table forgets). */
unsigned state_path_generation(void);
pid_t state_last_bg(void);                    /* $! (0 when none; -N: thread job %N) */
void state_set_last_bg(pid_t pid);
const char *state_arg0(void);                 /* $0; set once at start-up */
void state_set_arg0(const char *arg0);

/* --- fork safety --------------------------------------------------------- */
/* pthread_atfork handlers: take every lock of this module before fork and
 * release (parent) or re-initialise (child) them afterwards. Registered by
 * state_init. */

#endif
