/* regex.h: PCRE2 patterns for the match and subst builtins: compile, match, read lines, write runs */
#ifndef CONCH_REGEX_H
#define CONCH_REGEX_H

/*
 * DESIGN
 * Everything here belongs to one invocation of one builtin, so to one thread:
 * a `struct regex` holds the compiled pattern, its match data, a match
 * context with the limits and a JIT stack. Nothing is static and mutable;
 * builtins running concurrently in several stages each have their own.
 *
 * Patterns are compiled once per invocation, and JIT-compiled (REGEX_JIT)
 * when there are many subjects: for a few short strings the JIT compile
 * costs more than the interpreter's matching.
 * In a UTF-8 locale (nl_langinfo(CODESET), after the shell's setlocale) the
 * pattern is compiled with PCRE2_UTF | PCRE2_MATCH_INVALID_UTF: subjects may
 * hold invalid UTF-8, which no pattern item matches (an invalid byte acts as
 * a barrier), and the subject is never rejected. Otherwise bytes are
 * characters. Callouts are never enabled (no callout function is set, so
 * `(?C)` items do nothing). A match limit bounds the work of one match, so
 * a catastrophic pattern fails with "match limit exceeded" in well under a
 * second instead of hanging.
 *
 * Subjects are (pointer, length): NUL bytes are ordinary characters.
 *
 * The line reader reads big blocks from a stage fd and hands out lines that
 * point into its buffer, without allocating per line; the buffer grows only
 * for a line longer than itself. The output run coalesces writes of adjacent
 * bytes of that buffer into one io_write.
 */

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "stage.h"

enum {
	REGEX_CASELESS = 1 << 0,   /* -i */
	REGEX_WHOLE    = 1 << 1,   /* -x: the match must span the whole subject */
	REGEX_JIT      = 1 << 2,   /* JIT-compile: worth it for many subjects,
	                              not for testing one string */
};

struct regex {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;   /* NULL when the pattern is not JIT-compiled */
	PCRE2_SIZE *ov;            /* the ovector of md */
	uint32_t ngroups;          /* capture groups, not counting group 0 */
	bool jit;                  /* use pcre2_jit_match */
	bool utf;                  /* UTF-8 mode */
	const char *who;           /* builtin name for messages */
};

/* Compiles pattern for builtin `who` (flags: REGEX_*). Returns 0, or 2 after
 * "conch: WHO: bad pattern at offset N: WHAT" on the stage's stderr.
 * regex_free releases it in both cases. */
int regex_compile(struct regex *re, struct stage *st, const char *who,
                  const char *pattern, unsigned flags);
void regex_free(struct regex *re);

/* Matches s[0..len) from offset start with PCRE2 options opts. Returns > 0
 * on a match (offsets in re->ov), 0 when there is none, or a negative PCRE2
 * error code (report it with regex_report). */
int regex_exec(struct regex *re, const char *s, size_t len, size_t start, uint32_t opts);

/* State of regex_next over one subject; zero it before the first call. */
struct regex_iter {
	size_t pos;        /* where the next search starts */
	bool after_empty;  /* the previous match was empty and ended at pos */
	bool done;
};

/* Finds the next match in s[0..len), Perl's way: after an empty match the
 * next one may not be empty at the same place, so the search moves on by one
 * character. Returns 1 (offsets in re->ov), 0 when there is none, < 0 on a
 * PCRE2 error. */
int regex_next(struct regex *re, const char *s, size_t len, struct regex_iter *it);

/* Reports a negative PCRE2 code of regex_exec: "conch: WHO: [line N: ]WHAT".
 * lineno 0 omits the line. Returns 2, the status to return. */
int regex_report(struct regex *re, struct stage *st, int rc, uintmax_t lineno);

/* --- reading lines from a stage fd ------------------------------------- */

struct regex_reader {
	struct stage *st;
	int vfd;
	char *buf;         /* owned */
	size_t cap;
	size_t pos;        /* start of the next line */
	size_t scan;       /* where the search for '\n' resumes (>= pos) */
	size_t end;        /* end of the data read */
	bool eof;
	/* Called before the buffer's contents move or are overwritten, so that
	 * pointers into it (a pending output run) can be used up. May be NULL. */
	void (*before_refill)(void *ctx);
	void *ctx;
};

void regex_reader_init(struct regex_reader *r, struct stage *st, int vfd);
void regex_reader_free(struct regex_reader *r);
/* Next line, without its '\n': *line points into the reader's buffer and
 * stays valid until the next call; line[len] is the '\n' when *nl. A last
 * line without newline comes with *nl false. Returns 1 for a line, 0 at end
 * of input, -1 on a read error (errno set), or when the stage was asked to
 * stop or its output failed (errno EINTR / the write's errno). */
int regex_reader_next(struct regex_reader *r, const char **line, size_t *len, bool *nl);

/* --- coalesced output -------------------------------------------------- */

/* A pending write of n bytes at p; adding bytes that follow it in memory
 * extends it, anything else writes it out first. p must stay valid until
 * the next regex_out_flush (the reader's before_refill hook does that). */
struct regex_out {
	struct stage *st;
	int vfd;
	const char *p;
	size_t n;
};

void regex_out_add(struct regex_out *o, const char *p, size_t n);
void regex_out_flush(struct regex_out *o);
/* A before_refill hook for a reader; ctx is a struct regex_out. Writes
 * the run and the stage's buffered output, so that what was selected so
 * far is out before the builtin waits for more input (tail -f | match). */
void regex_out_hook(void *ctx);
/* Writes the decimal number and c (':') after flushing the run. */
void regex_out_number(struct regex_out *o, uintmax_t n, char c);

/* --- option parsing (getopt without global state) ------------------------ */

struct regex_opts {
	int ind;           /* next argv index; start at 1 */
	const char *next;  /* rest of a cluster of letters, NULL between words */
	const char *arg;   /* the argument of an option that takes one */
};

/* Like getopt(3) with spec "cim:" (a ':' after a letter that takes an
 * argument), stopping at "--", "-" or the first word that is not an option.
 * Returns the letter, -1 at the end, or '?' after a usage error (see
 * builtin_usage_error: "conch: WHO: -X: invalid option" / "conch: WHO: -X:
 * needs an argument", then "try 'help WHO'") on the stage's stderr. */
int regex_opts_next(struct regex_opts *o, struct stage *st, const char *who,
                    int argc, char **argv, const char *spec);

#endif
