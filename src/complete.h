/* complete.h: completion candidates for the line editor (names only, never shell code) */
#ifndef CONCH_COMPLETE_H
#define CONCH_COMPLETE_H

/*
 * Each returns a NULL-terminated malloc'd array of malloc'd names that start
 * with prefix, sorted and without duplicates, or NULL when there is none
 * (the caller frees both levels). They read the shell state through
 * state.h (taking its lock) and the directories of PATH, and run no shell
 * code. Any thread; used by the line editor on the main thread.
 */

/* Builtins, functions, aliases, reserved words and executables on PATH. */
char **complete_commands(const char *prefix);
/* Names of set variables. */
char **complete_variables(const char *prefix);
/* The options of builtin `name` (builtin_options); NULL when name is not a
 * builtin with options. */
char **complete_options(const char *name, const char *prefix);

#endif
