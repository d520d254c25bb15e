/* expand.h: word expansion (XCU 2.6): tilde, parameters, substitutions, splitting, globbing */
#ifndef CONCH_EXPAND_H
#define CONCH_EXPAND_H

#include "ast.h"
#include "stage.h"
#include "util.h"

/*
 * All functions run in the calling stage (its fds, its locals) and return 0,
 * or -1 after printing a message (bad substitution, ${x?}, set -u, arithmetic
 * error); st->status is then set to the failure status, and for errors that
 * POSIX says end a non-interactive shell, st->flow is set to FLOW_EXIT.
 */

/* Full expansion of command words: fields after splitting and globbing are
 * appended to out. */
int expand_words(struct stage *st, struct word *const *words, size_t n, struct strvec *out);
/* One string, no field splitting or globbing ("$@" joins with spaces):
 * assignments, redirection targets, here-document bodies, case subjects.
 * Caller frees *out. */
int expand_word_str(struct stage *st, const struct word *w, char **out);
/* A pattern (case, ${x#p}): quoted characters are backslash-escaped for
 * pattern.h. Caller frees *out. */
int expand_word_pattern(struct stage *st, const struct word *w, char **out);
/* A literal word with no expansions and no quoting? Fills s and len with its text. */
bool word_is_plain(const struct word *w, const char **s, size_t *len);

/* True when expanding w could run shell code (a command substitution). */
bool word_has_cmdsub(const struct word *w);

#endif
