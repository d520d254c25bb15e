/* rlmod.h: the interface between conch and its line-editor module (conch-readline.so) */
#ifndef CONCH_RLMOD_H
#define CONCH_RLMOD_H

/*
 * The line editor is a shared object linked against GNU readline, loaded
 * with dlopen when a session turns interactive (as zsh loads zle), so that
 * scripts start without loading libreadline and libtinfo while the code that
 * talks to readline is compiled against readline's own headers. This header
 * is all the two sides share: the module includes no other conch header and
 * calls conch only through struct rl_host; conch calls the module only
 * through the struct rl_ops its one entry point returns. Everything here runs
 * on the main thread. Strings returned by either side are malloc'd and
 * freed by the receiver with free().
 */

#include <stdbool.h>
#include <stddef.h>

#define RL_MODULE_NAME "conch-readline.so"
#define RL_MODULE_ENTRY "conch_rl_init"
#define RL_MODULE_VERSION 2

/* Completion candidates: a NULL-terminated array of strings, or NULL. */
struct rl_host {
	int version;                       /* RL_MODULE_VERSION */
	/* True (and the signal consumed) when Ctrl-C arrived while the editor
	 * waited for a key: the line is then abandoned. */
	bool (*take_interrupt)(void);
	/* Names for command position: builtins, functions, aliases, reserved
	 * words and executables on PATH that start with prefix. */
	char **(*complete_commands)(const char *prefix);
	/* Names of shell variables that start with prefix. */
	char **(*complete_variables)(const char *prefix);
	/* Options of conch's builtin `name` that start with prefix; NULL when
	 * name is not a builtin. */
	char **(*complete_options)(const char *name, const char *prefix);
	/* A descriptor that turns readable when a job changes state and the
	 * change is to be reported at once (set -b); -1 otherwise. */
	int (*notify_fd)(void);
	/* The report lines for jobs that changed ("[1]+  Done ...\n"...), or
	 * NULL when there is nothing new; empties notify_fd. */
	char *(*notify)(void);
};

struct rl_ops {
	/* Reads a line with editing, showing prompt (which may hold \001 \002
	 * around invisible text); NULL at end of input. */
	char *(*readline)(const char *prompt);
	/* Replaces the editor's history by entries[0..n), oldest first. */
	void (*history_reset)(char *const *entries, size_t n);
	/* Appends one entry to the editor's history. */
	void (*history_add)(const char *entry);
	/* Switches the key bindings to vi's (true) or emacs's (false). */
	void (*editing_mode)(bool vi);
};

/* The module's entry point, RL_MODULE_ENTRY: NULL when host->version is not
 * the module's. The host struct must outlive the module. */
typedef const struct rl_ops *rl_module_init_fn(const struct rl_host *host);

#endif
