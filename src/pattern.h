/* pattern.h: shell pattern matching (XCU 2.13) and pathname expansion */
#ifndef CONCH_PATTERN_H
#define CONCH_PATTERN_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/*
 * Patterns arrive with quoting already turned into backslashes: a character
 * that was quoted in the source is preceded by '\' and matches only itself.
 * So the pattern for `"*".c` is `\*.c`. Supported: * ? [...] with ranges,
 * negation by ! (and ^), character classes [:alpha:] etc., and backslash
 * escapes. A '[' without a matching ']' matches itself.
 */

enum {
	PATTERN_PATHNAME = 1 << 0,  /* '/' only matched by a literal '/' */
	PATTERN_PERIOD   = 1 << 1,  /* leading '.' only matched by a literal '.' */
};

/* True when str matches the whole pattern. */
bool pattern_match(const char *pat, const char *str, int flags);

/* The same for the first len bytes of str (need not be NUL-terminated), so a
 * caller can match a piece of a string without copying it. */
bool pattern_match_n(const char *pat, const char *str, size_t len, int flags);

/* True when pat contains an unescaped * ? or [ (worth globbing or matching). */
bool pattern_has_magic(const char *pat);

/* Removes backslash escapes: the literal string the pattern stands for. Caller frees. */
char *pattern_unescape(const char *pat);

enum pattern_side {
	PATTERN_SHORTEST_PREFIX,  /* ${x#p} */
	PATTERN_LONGEST_PREFIX,   /* ${x##p} */
	PATTERN_SHORTEST_SUFFIX,  /* ${x%p} */
	PATTERN_LONGEST_SUFFIX,   /* ${x%%p} */
};

/* For ${x#p} and friends: returns the length of the prefix (or suffix) of str
 * that the chosen match covers, or -1 when no prefix/suffix matches. */
long pattern_match_affix(const char *pat, const char *str, enum pattern_side side);

/* POSIX 2.6.6 Pathname Expansion. Appends the sorted matches of pat
 * (collation: strcoll) to out and returns how many were appended; 0 means no
 * match (the caller keeps the word). Hidden files need a literal leading '.';
 * "." and ".." are never produced by a wildcard. Unreadable directories are
 * skipped silently. Relative patterns are resolved from the process's working
 * directory. */
size_t pattern_glob(const char *pat, struct strvec *out);

#endif
