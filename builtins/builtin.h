/* builtin.h: the builtin command interface and the sorted table of builtins */
#ifndef CONCH_BUILTIN_H
#define CONCH_BUILTIN_H

/*
 * A builtin is `int builtin_NAME(struct stage *st, int argc, char **argv)`:
 * argv[0] is the name the user typed, argv[argc] is NULL, and the strings are
 * the builtin's to modify (not to free). It returns its exit status.
 *
 * Builtins run in whatever thread runs the stage, so they:
 * - read and write only through the stage (io_write, io_read, stage_error),
 *   never fds 0/1/2, stdio's stdout/stderr or printf;
 * - reach shared state only through state.h / stage.h;
 * - report usage errors through builtin_usage / builtin_usage_error, which
 *   return 2 (1 is for ordinary failures), as dash and bash do.
 * They are called through builtin_run, which answers `NAME --help` for all
 * but the BUILTIN_LITERAL ones.
 * exec.c flushes the stage's output after each builtin and turns a write
 * error into the status (141 for EPIPE).
 */

#include <time.h>

#include "../src/stage.h"

typedef int builtin_fn(struct stage *st, int argc, char **argv);

enum {
	BUILTIN_SPECIAL = 1 << 0,  /* POSIX 2.14 special builtin: errors exit a
	                              non-interactive shell, assignments persist */
	BUILTIN_DECL    = 1 << 1,  /* export/readonly/local: NAME=value args are
	                              assignment words (no field splitting) */
	BUILTIN_LITERAL = 1 << 2,  /* echo, printf, test, [, :, true, false:
	                              POSIX has them take `--help` as an operand */
};

struct builtin {
	const char *name;
	builtin_fn *fn;
	unsigned flags;
};

/* Finds a builtin by name (binary search of the sorted table); NULL if none. */
const struct builtin *builtin_find(const char *name);
/* The table, sorted by name, and its length (for type, completion, tests). */
const struct builtin *builtin_table(size_t *n);

/* Runs builtin b with argv (argv[0] its name): `NAME --help` prints what
 * `help NAME` does, status 0, unless b is BUILTIN_LITERAL. Every caller of a
 * builtin goes through here. */
int builtin_run(struct stage *st, const struct builtin *b, int argc, char **argv);

/* The text of `help` (help-text.c, written by man/gen-help from man/conch.1):
 * one row per name of the table, sorted the same way. */
struct builtin_help {
	const char *name;
	const char *summary;   /* the first sentence, for the list */
	const char *synopsis;  /* lines ending in \n */
	const char *text;      /* synopsis and description, lines ending in \n */
};
extern const struct builtin_help builtin_help_table[];
extern const size_t builtin_help_len;
/* NULL-terminated: the .Sh sections of conch-tutorial.7 and of conch.1 */
extern const char *const builtin_help_lessons[];
extern const char *const builtin_help_sections[];
/* The help row of a builtin's name; NULL if none (help.c). */
const struct builtin_help *builtin_help_find(const char *name);
/* Writes `help NAME` on the stage's stdout; 0, or 1 after a message. */
int builtin_help_print(struct stage *st, const char *name, bool synopsis_only);

/* A usage error of builtin `name`: "conch: NAME: MESSAGE" and a last line
 * "try 'help NAME'" on the stage's stderr. Returns 2. */
int builtin_usage(struct stage *st, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* The usage error for an unknown option: arg is the argument as given, c the
 * letter in it that is unknown (0: arg as a whole, such as --foo). "conch: cd:
 * -x: invalid option", or "conch: cd: -Lx: invalid option -x" (+ for
 * set's +x). Returns 2. */
int builtin_usage_error(struct stage *st, const char *name, const char *arg, int c);

/* Helpers shared by several builtins (builtin.c). */
/* Parses an exit-status-like number 0..255 for exit/return; false if invalid. */
bool builtin_status_arg(const char *s, int *out);
/* Called once at start-up, before any thread: asserts (debug builds) that
 * the table is sorted, and notes the time (builtin_start_time). */
void builtin_check_table(void);
/* When the shell started (printf's %(...)T with -2, as bash). */
time_t builtin_start_time(void);
/* The options builtin `name` accepts, separated by spaces ("-L -P"), for
 * completion; NULL when it takes none (options.c). */
const char *builtin_options(const char *name);
/* False when the table of options.c is unsorted or names a non-builtin. */
bool builtin_options_check(void);

/* A special builtin's error (POSIX 2.8.1): ends a non-interactive shell
 * unless the builtin runs through `command`. Returns status. */
int builtin_fatal(struct stage *st, int status);
/* Prints PREFIX NAME='value' (re-readable quoting) on the stage's stdout;
 * value NULL prints the name alone. */
void builtin_print_assignment(struct stage *st, const char *prefix, const char *name, const char *value);
/* export and readonly: NAME[=value]... gaining the attribute flag. */
int builtin_declare(struct stage *st, int argc, char **argv, unsigned flag, const char *prefix);
/* command -v / -V and type: describes name; 0 when found. */
int builtin_describe(struct stage *st, const char *name, bool verbose, bool use_default_path);
/* True for reserved words (type). */
bool builtin_is_keyword(const char *name);
/* Signal name without SIG ("INT", "EXIT" for 0) or NULL; number of a name
 * or number (with or without SIG, any case), -1 when unknown. */
const char *builtin_signal_name(int sig);
int builtin_signal_number(const char *s);
/* Pid for a job spec (%n, %%, %+) or a pid; a thread job's id (-N, see
 * jobs.h); 0 after an error message. */
pid_t builtin_job_pid(struct stage *st, const char *spec);
/* The job number of a spec for fg, bg and disown, where a bare N means %N;
 * 0 with a message in err. */
int builtin_job_spec(const char *spec, char *err, size_t errlen);
/* A time zone as localtime.c reads it: tz is the TZ value a command would
 * get (NULL: unset). Never NULL; free with builtin_tz_free. Thread-safe:
 * nothing is shared, the process's environment is only read. */
struct builtin_tz;
struct builtin_tz *builtin_tz_load(const char *tz);
void builtin_tz_free(struct builtin_tz *z);
/* localtime_r of t in zone z (tm_zone points into z); false when t cannot
 * be represented. */
bool builtin_tz_localtime(const struct builtin_tz *z, time_t t, struct tm *tm);

builtin_fn builtin_alias;
builtin_fn builtin_bg;
builtin_fn builtin_break;
builtin_fn builtin_builtin;
builtin_fn builtin_cd;
builtin_fn builtin_colon;
builtin_fn builtin_command;
builtin_fn builtin_continue;
builtin_fn builtin_disown;
builtin_fn builtin_dot;
builtin_fn builtin_echo;
builtin_fn builtin_eval;
builtin_fn builtin_exec;
builtin_fn builtin_exit;
builtin_fn builtin_export;
builtin_fn builtin_false;
builtin_fn builtin_fg;
builtin_fn builtin_fc;
builtin_fn builtin_getopts;
builtin_fn builtin_halfclose;
builtin_fn builtin_hash;
builtin_fn builtin_help;
builtin_fn builtin_history;
builtin_fn builtin_jobs;
builtin_fn builtin_kill;
builtin_fn builtin_local;
builtin_fn builtin_lock;
builtin_fn builtin_match;
builtin_fn builtin_printf;
builtin_fn builtin_pwd;
builtin_fn builtin_read;
builtin_fn builtin_readonly;
builtin_fn builtin_return;
builtin_fn builtin_set;
builtin_fn builtin_shift;
builtin_fn builtin_subst;
builtin_fn builtin_test;
builtin_fn builtin_thread;
builtin_fn builtin_times;
builtin_fn builtin_trap;
builtin_fn builtin_true;
builtin_fn builtin_type;
builtin_fn builtin_ulimit;
builtin_fn builtin_umask;
builtin_fn builtin_unalias;
builtin_fn builtin_unlock;
builtin_fn builtin_unset;
builtin_fn builtin_wait;

#endif
