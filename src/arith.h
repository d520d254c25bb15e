/* arith.h: POSIX arithmetic expansion evaluator (XCU 2.6.4), C operators on intmax_t */
#ifndef CONCH_ARITH_H
#define CONCH_ARITH_H

#include <stddef.h>
#include <stdint.h>

/*
 * The evaluator knows nothing about the shell: variables are read and written
 * through callbacks, so it can run in any thread and be tested alone.
 *
 * Supported: decimal, octal (0NN), hex (0xNN) and BASE#DIGITS (bases 2 to
 * 64, bash's digits 0-9a-zA-Z@_) constants; variables by name (unset or
 * empty is 0; a value that is not a constant is itself evaluated as an
 * expression, as bash does, up to a fixed depth); unary + - ~ !; ** (right-
 * associative, below the unary operators as in bash: -2**2 is 4); * / % + -
 * << >> < <= > >= == != & ^ | && || ?: and , ; assignments = *= /= %= += -=
 * <<= >>= &= ^= |=; prefix and postfix ++ --; parentheses. && || and ?:
 * short-circuit (no assignment happens in the branch not taken).
 */

struct arith_vars {
	void *ctx;
	/* Appends nothing; returns a malloc'd copy of the variable's value, or
	 * NULL when unset. `name` is not NUL-terminated: use len. */
	char *(*get)(void *ctx, const char *name, size_t len);
	/* Assigns; returns 0, or -1 with a message in errbuf (e.g. readonly). */
	int (*set)(void *ctx, const char *name, size_t len, intmax_t value,
	           char *errbuf, size_t errlen);
};

/* Evaluates expr (already expanded: no $ left to handle). An empty or blank
 * expression is 0. Returns 0 and sets *result, or -1 with a message such as
 * "division by zero", "exponent less than 0" or "syntax error: unexpected ')'"
 * in errbuf. */
int arith_eval(const char *expr, const struct arith_vars *vars,
               intmax_t *result, char *errbuf, size_t errlen);

#endif
