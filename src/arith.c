/* arith.c: POSIX arithmetic expansion evaluator (XCU 2.6.4), C operators on intmax_t */
#define _POSIX_C_SOURCE 200809L

/*
 * DESIGN
 *
 * One pass: a precedence-climbing parser that evaluates as it parses. The
 * only state is a `struct ar` on the caller's stack, so the evaluator is
 * reentrant and thread-safe; it allocates nothing itself (values returned by
 * the `get` callback are freed at once).
 *
 * Side effects and errors in branches not taken (the right of && and || after
 * a decided left side, the unused arm of ?:) are suppressed by `noeval`: the
 * text is still parsed, but variables are not read, assignments not made and
 * a division by zero is not an error.
 *
 * An operand that is a variable name is kept as an unread lvalue (struct val
 * with a name) until it is needed, so `i = 1` never reads i and `i += 1`
 * reads it once.
 *
 * Arithmetic is done in uintmax_t and converted back, so overflow wraps as on
 * a two's complement machine with no undefined behaviour. INTMAX_MIN / -1 is
 * INTMAX_MIN and INTMAX_MIN % -1 is 0. Shift counts are taken modulo the
 * width (as x86 does, and as dash and bash behave there).
 *
 * Recursion (parentheses, unary operators, right operands, variables whose
 * value is an expression) is bounded by ARITH_MAX_DEPTH frames, shared by
 * nested evaluations of variable values, so no input overflows the stack:
 * about 500 nested parentheses, under 200 KiB of stack at -O2 (a paren level
 * costs one parse_expr and one parse_unary frame, ~300 bytes).
 */

#include "arith.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARITH_MAX_DEPTH 1024

enum tok {
	T_END, T_NUM, T_NAME, T_LPAREN, T_RPAREN,
	T_PLUS, T_MINUS, T_NOT, T_BNOT, T_INC, T_DEC,
	T_POW, T_MUL, T_DIV, T_MOD, T_SHL, T_SHR,
	T_LT, T_LE, T_GT, T_GE, T_EQ, T_NE,
	T_BAND, T_BXOR, T_BOR, T_LAND, T_LOR,
	T_QUEST, T_COLON, T_COMMA,
	T_ASSIGN,      /* = */
	T_ASSIGN_OP,   /* op= : tok.op holds the binary operator */
	T_BAD,         /* a character that starts no token */
};

/* Binding strength of binary operators; higher binds tighter. */
enum prec {
	P_NONE = 0, P_COMMA, P_ASSIGN, P_COND, P_LOR, P_LAND, P_BOR, P_BXOR,
	P_BAND, P_EQ, P_REL, P_SHIFT, P_ADD, P_MUL,
	P_POW,   /* right-associative; unary operators bind tighter, as in bash */
};

struct ar {
	const char *p;              /* next unread character */
	/* the current (peeked) token, valid when have_tok */
	bool have_tok;
	enum tok tok;
	enum tok op;                /* for T_ASSIGN_OP: the operator */
	const char *tstart, *tend;  /* token text */
	intmax_t num;               /* for T_NUM */
	unsigned noeval;            /* > 0: parse only, no side effects */
	unsigned depth;             /* recursion frames in use, across nested evaluations */
	const struct arith_vars *vars;
	char *err;
	size_t errlen;
};

/* An operand: a value, or a variable not read yet (name != NULL). */
struct val {
	intmax_t v;
	const char *name;
	size_t len;
};

static int parse_expr(struct ar *a, enum prec minprec, struct val *out);
static int eval_string(const char *s, const struct arith_vars *vars, unsigned depth,
                       intmax_t *result, char *err, size_t errlen);

/* Puts msg in the caller's buffer; returns -1 for `return fail(...)`. */
static int fail(struct ar *a, const char *msg)
{
	if (a->err && a->errlen > 0)
		snprintf(a->err, a->errlen, "%s", msg);
	return -1;
}

/* Same, with a quoted piece of the expression after msg. */
static int fail_text(struct ar *a, const char *msg, const char *text, int len)
{
	if (a->err && a->errlen > 0)
		snprintf(a->err, a->errlen, "%s '%.*s'", msg, len, text);
	return -1;
}

static intmax_t from_u(uintmax_t u)
{
	/* Converts modulo 2^N without implementation-defined behaviour; the
	 * compiler turns this into nothing. */
	if (u <= (uintmax_t)INTMAX_MAX)
		return (intmax_t)u;
	return -(intmax_t)(UINTMAX_MAX - u) - 1;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_namec(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || is_digit(c);
}

static int hexval(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Value of c as a digit of BASE#DIGITS (bash's digits: 0-9, a-z, A-Z, @, _;
 * for bases up to 36 the letters are caseless), or -1. */
static int base_digit(char c, unsigned base)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + (base <= 36 ? 10 : 36);
	if (c == '@')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

/* Scans the rest of a BASE#DIGITS constant (an extension of bash, ksh and
 * mksh): base is the decimal number before the '#' at q, of len digits.
 * Returns the end, or NULL with *err. */
static const char *scan_based(const char *q, uintmax_t base, size_t len, intmax_t *out,
                              const char **err)
{
	if (len > 2 || base < 2 || base > 64) {
		*err = "invalid arithmetic base";
		return NULL;
	}
	const char *d = ++q;
	uintmax_t v = 0;
	int dv;
	for (; (dv = base_digit(*q, (unsigned)base)) >= 0; q++) {
		if ((unsigned)dv >= base) {
			*err = "value too great for base";
			return NULL;
		}
		v = v * base + (uintmax_t)dv;
	}
	if (q == d) {
		*err = "invalid integer constant";
		return NULL;
	}
	if (*q == '.' || *q == '#') {
		*err = "invalid number";
		return NULL;
	}
	*out = from_u(v);
	return q;
}

/* Scans a constant at s: decimal, 0octal, 0xhex or BASE#DIGITS (base 2 to
 * 64), wrapping on overflow. Returns the end of the constant, or NULL with
 * *err when it is not a valid one (bad digit or base, "0x" or "16#" with no
 * digits, letters glued to it). */
static const char *scan_number(const char *s, intmax_t *out, const char **err)
{
	uintmax_t v = 0;
	const char *q = s;
	if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X')) {
		q += 2;
		const char *d = q;
		int h;
		while ((h = hexval(*q)) >= 0) {
			v = v * 16 + (uintmax_t)h;
			q++;
		}
		if (q == d)
			goto bad;
	} else if (q[0] == '0') {
		q++;
		while (*q >= '0' && *q <= '7') {
			v = v * 8 + (uintmax_t)(*q - '0');
			q++;
		}
	} else {
		while (is_digit(*q)) {
			v = v * 10 + (uintmax_t)(*q - '0');
			q++;
		}
		if (*q == '#')
			return scan_based(q, v, (size_t)(q - s), out, err);
	}
	if (is_namec(*q) || *q == '.' || *q == '#')
		goto bad;   /* 09, 0x1g, 1.5, 0#1 */
	*out = from_u(v);
	return q;
bad:
	*err = "invalid number";
	return NULL;
}

/* The end of the text to quote in a message about a bad constant at s. */
static const char *number_text_end(const char *s)
{
	while (is_namec(*s) || *s == '.' || *s == '@' || *s == '#')
		s++;
	return s;
}

/* Reads the next token into a (if not already there). */
static int peek(struct ar *a)
{
	if (a->have_tok)
		return 0;
	const char *s = a->p;
	while (is_blank(*s))
		s++;
	a->tstart = s;
	a->have_tok = true;
	char c = *s;
	char c1 = c ? s[1] : '\0';
	enum tok t;
	int n = 1;
	if (c == '\0') {
		t = T_END;
		n = 0;
	} else if (is_digit(c)) {
		const char *msg;
		const char *e = scan_number(s, &a->num, &msg);
		if (!e) {
			e = number_text_end(s);
			a->tend = e;
			return fail_text(a, msg, s, (int)(e - s));
		}
		t = T_NUM;
		n = (int)(e - s);
	} else if (is_namec(c)) {
		const char *e = s + 1;
		while (is_namec(*e))
			e++;
		t = T_NAME;
		n = (int)(e - s);
	} else {
		switch (c) {
		case '(': t = T_LPAREN; break;
		case ')': t = T_RPAREN; break;
		case '~': t = T_BNOT; break;
		case '?': t = T_QUEST; break;
		case ':': t = T_COLON; break;
		case ',': t = T_COMMA; break;
		case '+':
			t = c1 == '+' ? T_INC : T_PLUS;
			break;
		case '-':
			t = c1 == '-' ? T_DEC : T_MINUS;
			break;
		case '*':
			if (c1 == '*') {
				t = T_POW;   /* `**=` is not an operator (nor in bash) */
				n = 2;
			} else {
				t = T_MUL;
			}
			break;
		case '/': t = T_DIV; break;
		case '%': t = T_MOD; break;
		case '^': t = T_BXOR; break;
		case '!':
			if (c1 == '=') {
				t = T_NE;
				n = 2;
			} else {
				t = T_NOT;
			}
			break;
		case '=':
			if (c1 == '=') {
				t = T_EQ;
				n = 2;
			} else {
				t = T_ASSIGN;
			}
			break;
		case '<':
			if (c1 == '<') {
				t = T_SHL;
				n = 2;
			} else if (c1 == '=') {
				t = T_LE;
				n = 2;
			} else {
				t = T_LT;
			}
			break;
		case '>':
			if (c1 == '>') {
				t = T_SHR;
				n = 2;
			} else if (c1 == '=') {
				t = T_GE;
				n = 2;
			} else {
				t = T_GT;
			}
			break;
		case '&':
			if (c1 == '&') {
				t = T_LAND;
				n = 2;
			} else {
				t = T_BAND;
			}
			break;
		case '|':
			if (c1 == '|') {
				t = T_LOR;
				n = 2;
			} else {
				t = T_BOR;
			}
			break;
		default:
			t = T_BAD;
			break;
		}
		if (t == T_INC || t == T_DEC) {
			n = 2;
		} else if (s[n] == '=' && (t == T_PLUS || t == T_MINUS || t == T_MUL ||
		                           t == T_DIV || t == T_MOD || t == T_BXOR ||
		                           t == T_SHL || t == T_SHR || t == T_BAND ||
		                           t == T_BOR)) {
			a->op = t;
			t = T_ASSIGN_OP;
			n++;
		}
	}
	a->tok = t;
	a->tend = s + n;
	return 0;
}

static void advance(struct ar *a)
{
	a->p = a->tend;
	a->have_tok = false;
}

/* Splits a peeked ++ or -- into a single + or -, for `1--2` and `++3`. */
static void split_incdec(struct ar *a)
{
	a->tok = a->tok == T_INC ? T_PLUS : T_MINUS;
	a->tend = a->tstart + 1;
}

static int unexpected(struct ar *a)
{
	if (a->tok == T_END)
		return fail(a, "syntax error: unexpected end of expression");
	int n = (int)(a->tend - a->tstart);
	if (n <= 0 || a->tok == T_BAD) {
		/* one whole (possibly multibyte) character is clearer than one byte */
		n = 1;
		while ((a->tstart[n] & 0xC0) == 0x80 && n < 4)
			n++;
	}
	return fail_text(a, "syntax error: unexpected", a->tstart, n);
}

/* Reads a variable: unset or empty is 0; a constant (blanks allowed around
 * it, optional sign) is its value; anything else is evaluated. */
static int get_var(struct ar *a, const char *name, size_t len, intmax_t *out)
{
	*out = 0;
	if (a->noeval || !a->vars || !a->vars->get)
		return 0;
	char *s = a->vars->get(a->vars->ctx, name, len);
	if (!s)
		return 0;
	const char *q = s;
	while (is_blank(*q))
		q++;
	if (*q == '\0') {
		free(s);
		return 0;
	}
	bool neg = false;
	const char *num = q;
	if (*num == '-' || *num == '+') {
		neg = *num == '-';
		num++;
	}
	intmax_t v;
	const char *msg;
	const char *e = is_digit(*num) ? scan_number(num, &v, &msg) : NULL;
	if (e) {
		while (is_blank(*e))
			e++;
	}
	int rc = 0;
	if (e && *e == '\0') {
		*out = neg ? from_u(-(uintmax_t)v) : v;
	} else if (a->depth + 1 >= ARITH_MAX_DEPTH) {
		rc = fail(a, "expression recursion level exceeded");
	} else {
		rc = eval_string(s, a->vars, a->depth + 1, out, a->err, a->errlen);
	}
	free(s);
	return rc;
}

static int rvalue(struct ar *a, struct val *v)
{
	if (v->name) {
		int rc = get_var(a, v->name, v->len, &v->v);
		v->name = NULL;
		return rc;
	}
	return 0;
}

static int set_var(struct ar *a, const struct val *lv, intmax_t value)
{
	if (a->noeval)
		return 0;
	if (!a->vars || !a->vars->set)
		return fail(a, "assignment not supported here");
	return a->vars->set(a->vars->ctx, lv->name, lv->len, value, a->err, a->errlen);
}

/* Applies binary operator t; fails only on division by zero and on a
 * negative exponent. */
static int binop(struct ar *a, enum tok t, intmax_t x, intmax_t y, intmax_t *out)
{
	uintmax_t ux = (uintmax_t)x, uy = (uintmax_t)y;
	unsigned sh = (unsigned)(uy & (sizeof(uintmax_t) * 8 - 1));
	switch (t) {
	case T_MUL: *out = from_u(ux * uy); break;
	case T_POW: {
		if (y < 0) {
			if (a->noeval) {
				*out = 0;
				break;
			}
			return fail(a, "exponent less than 0");
		}
		uintmax_t r = 1;   /* by squaring, wrapping as repeated * would */
		for (; uy; uy >>= 1, ux *= ux)
			if (uy & 1)
				r *= ux;
		*out = from_u(r);
		break;
	}
	case T_DIV:
	case T_MOD:
		if (y == 0) {
			if (a->noeval) {
				*out = 0;
				break;
			}
			return fail(a, "division by zero");
		}
		if (y == -1)  /* x / -1 is -x (wrapping); x % -1 is 0 */
			*out = t == T_DIV ? from_u(-ux) : 0;
		else
			*out = t == T_DIV ? x / y : x % y;
		break;
	case T_PLUS: *out = from_u(ux + uy); break;
	case T_MINUS: *out = from_u(ux - uy); break;
	case T_SHL: *out = from_u(ux << sh); break;
	case T_SHR:
		/* arithmetic shift, spelled out: >> of a negative value is
		 * implementation-defined */
		*out = x < 0 ? from_u(~(~ux >> sh)) : (intmax_t)(ux >> sh);
		break;
	case T_LT: *out = x < y; break;
	case T_LE: *out = x <= y; break;
	case T_GT: *out = x > y; break;
	case T_GE: *out = x >= y; break;
	case T_EQ: *out = x == y; break;
	case T_NE: *out = x != y; break;
	case T_BAND: *out = from_u(ux & uy); break;
	case T_BXOR: *out = from_u(ux ^ uy); break;
	case T_BOR: *out = from_u(ux | uy); break;
	default: *out = 0; break;
	}
	return 0;
}

static enum prec binprec(enum tok t)
{
	switch (t) {
	case T_POW: return P_POW;
	case T_MUL: case T_DIV: case T_MOD: return P_MUL;
	case T_PLUS: case T_MINUS: case T_INC: case T_DEC: return P_ADD;
	case T_SHL: case T_SHR: return P_SHIFT;
	case T_LT: case T_LE: case T_GT: case T_GE: return P_REL;
	case T_EQ: case T_NE: return P_EQ;
	case T_BAND: return P_BAND;
	case T_BXOR: return P_BXOR;
	case T_BOR: return P_BOR;
	case T_LAND: return P_LAND;
	case T_LOR: return P_LOR;
	case T_QUEST: return P_COND;
	case T_ASSIGN: case T_ASSIGN_OP: return P_ASSIGN;
	case T_COMMA: return P_COMMA;
	default: return P_NONE;
	}
}

static int enter(struct ar *a)
{
	if (++a->depth >= ARITH_MAX_DEPTH)
		return fail(a, "expression recursion level exceeded");
	return 0;
}

/* unary: ( expr ) | number | name [++|--] | (+ - ! ~ ++ --) unary */
static int parse_unary(struct ar *a, struct val *out)
{
	int rc = enter(a);
	if (rc)
		goto done;
	if ((rc = peek(a)))
		goto done;
	out->name = NULL;
	enum tok t = a->tok;
	switch (t) {
	case T_NUM:
		out->v = a->num;
		advance(a);
		break;
	case T_NAME: {
		out->name = a->tstart;
		out->len = (size_t)(a->tend - a->tstart);
		advance(a);
		if ((rc = peek(a)))
			goto done;
		if (a->tok == T_INC || a->tok == T_DEC) {
			/* postfix */
			bool inc = a->tok == T_INC;
			advance(a);
			struct val lv = *out;
			if ((rc = rvalue(a, out)))
				goto done;
			rc = set_var(a, &lv, from_u((uintmax_t)out->v + (inc ? 1u : (uintmax_t)-1)));
		}
		break;
	}
	case T_LPAREN: {
		advance(a);
		if ((rc = parse_expr(a, P_COMMA, out)) || (rc = rvalue(a, out)))
			goto done;
		if ((rc = peek(a)))
			goto done;
		if (a->tok != T_RPAREN) {
			rc = a->tok == T_END ? fail(a, "syntax error: missing ')'")
			                     : unexpected(a);
			goto done;
		}
		advance(a);
		break;
	}
	case T_INC:
	case T_DEC: {
		/* prefix ++name / --name; before anything else it is two signs */
		const char *q = a->tend;
		while (is_blank(*q))
			q++;
		if (is_namec(*q) && !is_digit(*q)) {
			bool inc = t == T_INC;
			advance(a);
			if ((rc = peek(a)))
				goto done;
			struct val lv = { 0, a->tstart, (size_t)(a->tend - a->tstart) };
			advance(a);
			struct val v = lv;
			if ((rc = rvalue(a, &v)))
				goto done;
			out->v = from_u((uintmax_t)v.v + (inc ? 1u : (uintmax_t)-1));
			rc = set_var(a, &lv, out->v);
			break;
		}
		split_incdec(a);
		t = a->tok;
	}
		/* fall through */
	case T_PLUS:
	case T_MINUS:
	case T_NOT:
	case T_BNOT:
		advance(a);
		if ((rc = parse_unary(a, out)) || (rc = rvalue(a, out)))
			goto done;
		if (t == T_MINUS)
			out->v = from_u(-(uintmax_t)out->v);
		else if (t == T_NOT)
			out->v = !out->v;
		else if (t == T_BNOT)
			out->v = from_u(~(uintmax_t)out->v);
		break;
	default:
		rc = unexpected(a);
		break;
	}
done:
	a->depth--;
	return rc;
}

/* Precedence climbing over binary, conditional, assignment and comma
 * operators, evaluating as it goes. Assignment is right-associative, and
 * only allowed when minprec lets it bind (so `1 + a = 2` is an error). */
static int parse_expr(struct ar *a, enum prec minprec, struct val *out)
{
	int rc = enter(a);
	if (rc)
		goto done;
	if ((rc = parse_unary(a, out)))
		goto done;
	for (;;) {
		if ((rc = peek(a)))
			goto done;
		enum tok t = a->tok;
		enum prec p = binprec(t);
		if (p == P_NONE)
			break;
		if (p == P_ASSIGN) {
			if (!out->name || minprec > P_ASSIGN) {
				rc = fail(a, "assignment to non-variable");
				goto done;
			}
			enum tok op = a->op;
			struct val lv = *out;
			advance(a);
			struct val rhs;
			if ((rc = parse_expr(a, P_ASSIGN, &rhs)) || (rc = rvalue(a, &rhs)))
				goto done;
			intmax_t v = rhs.v;
			if (t == T_ASSIGN_OP) {
				struct val cur = lv;
				if ((rc = rvalue(a, &cur)) || (rc = binop(a, op, cur.v, rhs.v, &v)))
					goto done;
			}
			if ((rc = set_var(a, &lv, v)))
				goto done;
			out->name = NULL;
			out->v = v;
			continue;
		}
		if (p < minprec)
			break;
		if ((rc = rvalue(a, out)))
			goto done;
		if (t == T_INC || t == T_DEC)
			split_incdec(a);  /* `1--2` is 1 - -2 */
		advance(a);
		if (t == T_QUEST) {
			bool c = out->v != 0;
			struct val v1, v2;
			if (!c)
				a->noeval++;
			rc = parse_expr(a, P_COMMA, &v1);
			if (!rc)
				rc = rvalue(a, &v1);
			if (!c)
				a->noeval--;
			if (rc || (rc = peek(a)))
				goto done;
			if (a->tok != T_COLON) {
				rc = a->tok == T_END ? fail(a, "syntax error: missing ':'")
				                     : unexpected(a);
				goto done;
			}
			advance(a);
			if (c)
				a->noeval++;
			rc = parse_expr(a, P_COND, &v2);
			if (!rc)
				rc = rvalue(a, &v2);
			if (c)
				a->noeval--;
			if (rc)
				goto done;
			out->v = c ? v1.v : v2.v;
			continue;
		}
		if (t == T_LAND || t == T_LOR) {
			bool skip = t == T_LAND ? out->v == 0 : out->v != 0;
			struct val rhs;
			if (skip)
				a->noeval++;
			rc = parse_expr(a, (enum prec)(p + 1), &rhs);
			if (!rc)
				rc = rvalue(a, &rhs);
			if (skip)
				a->noeval--;
			if (rc)
				goto done;
			out->v = skip ? t == T_LOR : rhs.v != 0;
			continue;
		}
		struct val rhs;
		/* left-associative: the right operand binds tighter; for the
		 * comma, the right operand may hold assignments; ** is
		 * right-associative: 2**3**2 is 2**9 */
		enum prec rprec = p == P_POW ? P_POW : (enum prec)(p + 1);
		if ((rc = parse_expr(a, rprec, &rhs)) || (rc = rvalue(a, &rhs)))
			goto done;
		if (t == T_COMMA)
			out->v = rhs.v;
		else if ((rc = binop(a, t == T_INC ? T_PLUS : t == T_DEC ? T_MINUS : t,
		                     out->v, rhs.v, &out->v)))
			goto done;
	}
done:
	a->depth--;
	return rc;
}

static int eval_string(const char *s, const struct arith_vars *vars, unsigned depth,
                       intmax_t *result, char *err, size_t errlen)
{
	struct ar a = {
		.p = s, .vars = vars, .depth = depth, .err = err, .errlen = errlen,
	};
	struct val v;
	*result = 0;
	int rc = peek(&a);
	if (rc)
		return rc;
	if (a.tok == T_END)
		return 0;
	if ((rc = parse_expr(&a, P_COMMA, &v)) || (rc = rvalue(&a, &v)) || (rc = peek(&a)))
		return rc;
	if (a.tok != T_END)
		return unexpected(&a);
	*result = v.v;
	return 0;
}

int arith_eval(const char *expr, const struct arith_vars *vars,
               intmax_t *result, char *errbuf, size_t errlen)
{
	if (errbuf && errlen > 0)
		errbuf[0] = '\0';
	return eval_string(expr, vars, 0, result, errbuf, errlen);
}
