/* path.h: finding commands in $PATH, remembered in a hash table (hash builtin) */
#ifndef CONCH_PATH_H
#define CONCH_PATH_H

#include <stdbool.h>

#include "util.h"

/* Full path of the executable `name` (which has no '/') found in $PATH, or
 * NULL. Remembered until PATH changes or path_forget. Caller frees.
 * Takes the path lock (never held with the state lock). On failure *err is
 * ENOENT, or EACCES when a non-executable match was found. */
char *path_lookup(const char *name, int *err);
/* path_lookup, but a name not in the table is only searched for, not
 * remembered, when remember is false (a command substitution run without a
 * fork: the table is the shell's, and a subshell's lookups do not fill it). */
char *path_find(const char *name, bool remember, int *err);
/* Same without the table, searching a given PATH value (command -p). */
char *path_search(const char *name, const char *path, int *err);
/* Forgets one name, or every name when name is NULL (hash -r). */
void path_forget(const char *name);
/* Remembered entries as "name\tpath" lines, sorted; for `hash`. */
void path_list(struct strvec *out);

#endif
