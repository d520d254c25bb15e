/* prompt.h: expansion of the prompts PS1, PS2 and PS4 */
#ifndef CONCH_PROMPT_H
#define CONCH_PROMPT_H

#include <stdbool.h>

#include "stage.h"

/*
 * The value of `var` (or dflt when unset) with the backslash escapes \u \h
 * \H \w \W \$ \t \d \n \\ \[ \] replaced, then parameter expansion, command
 * substitution and arithmetic expansion applied as in the body of a
 * here-document (POSIX 2.5.3, PS1). \[ and \] become readline's
 * RL_PROMPT_START_IGNORE and RL_PROMPT_END_IGNORE (\001 \002) when
 * for_readline, and nothing otherwise. An expansion error prints its
 * message and leaves the prompt with only the escapes replaced: it never
 * ends the shell, and st->status and st->flow are as before. Runs in the
 * calling stage (any thread); caller frees the result.
 */
char *prompt_expand(struct stage *st, const char *var, const char *dflt, bool for_readline);

/* text with parameter expansion, command substitution and arithmetic
 * applied (here-document rules, no prompt escapes): $ENV. `what` names it in
 * messages. Errors as for prompt_expand. Caller frees. */
char *prompt_expand_string(struct stage *st, const char *what, const char *text);

#endif
