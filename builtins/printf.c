/* printf.c: the printf builtin (POSIX): formatted output */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "builtin.h"

/*
 * printf [-v name] format [argument...]
 *
 * POSIX printf. Conversions: d i o u x X c s b e E f F g G a A %, with
 * flags - + space # 0, a width and a precision (either may be `*`); length
 * modifiers (h l L j z t) are accepted and ignored. The format is reused
 * while arguments remain; missing arguments are 0 or "". A numeric argument
 * may be a C constant (0x1f, 017) or 'c / "c for the code of c. A bad number
 * prints `conch: printf: 'abc': invalid number`, uses what could be parsed,
 * and makes the status 1 without stopping. Escapes in the format:
 * \\ \a \b \e \f \n \r \t \v \" \' \? \NNN \xHH (others print as is).
 * %b also takes \0NNN, and \c there stops all output.
 *
 * bash's extensions:
 * -v NAME  assigns the output to NAME instead of writing it (up to a NUL
 *          byte, which a variable cannot hold); an invalid name is a usage
 *          error (2), a readonly one a failure (1).
 * %q       the argument quoted so that the shell reads it back as one word:
 *          unchanged when it is made of letters, digits, bytes above 127
 *          and _-./:,+=@% (and # not first), else in single quotes, each '
 *          written '\'' as trap and alias print them ('' for ""). bash
 *          writes backslashes and $'...' instead; both read back the same.
 * %(FMT)T  strftime(3) of FMT ("" is %X) for the argument, seconds since
 *          the epoch: -1 or no argument is now, -2 when the shell started.
 *          The zone is the TZ a command would get (exported, or assigned
 *          before printf), read by localtime.c; %s is the number itself.
 * Width, precision and - apply to the result of both, as for %s.
 *
 * Each conversion is formatted with snprintf into one buffer; the buffer is
 * written with io_write (never stdio), or assigned for -v.
 */

struct pf {
	struct stage *st;
	struct sbuf out;
	char **args;
	int nargs;
	int ai;         /* next argument */
	int status;
	bool stop;      /* \c in %b: no more output at all */
	struct builtin_tz *tz;   /* for %(...)T, loaded when first needed */
};

static const char *next_arg(struct pf *p)
{
	return p->ai < p->nargs ? p->args[p->ai++] : NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes the escape after the backslash at *s (s points at the backslash)
 * into out; returns the position after it. in_b selects %b rules (\0NNN, \c).
 * *stop is set by \c in %b.
 */
static const char *escape(const char *s, struct sbuf *out, bool in_b, bool *stop)
{
	const char *p = s + 1;
	int v, d, i;
	char c = *p;

	switch (c) {
	case '\0': sbuf_addc(out, '\\'); return p;
	case '\\': break;
	case 'a': c = '\a'; break;
	case 'b': c = '\b'; break;
	case 'e': case 'E': c = '\033'; break;
	case 'f': c = '\f'; break;
	case 'n': c = '\n'; break;
	case 'r': c = '\r'; break;
	case 't': c = '\t'; break;
	case 'v': c = '\v'; break;
	case '"': case '\'': case '?': break;
	case 'c':
		if (!in_b)
			goto literal;
		*stop = true;
		return p + 1;
	case 'x':
		if (hexval(p[1]) < 0)
			goto literal;
		p++;
		v = 0;
		for (i = 0; i < 2 && (d = hexval(*p)) >= 0; i++, p++)
			v = v * 16 + d;
		sbuf_addc(out, (char)v);
		return p;
	case '0': case '1': case '2': case '3':
	case '4': case '5': case '6': case '7':
		if (in_b && c == '0')   /* \0NNN: up to three more digits */
			p++;
		v = 0;
		for (i = 0; i < 3 && *p >= '0' && *p <= '7'; i++, p++)
			v = v * 8 + (*p - '0');
		sbuf_addc(out, (char)v);
		return p;
	default:
		goto literal;
	}
	sbuf_addc(out, c);
	return p + 1;
literal:
	sbuf_addc(out, '\\');
	sbuf_addc(out, c);
	return p + 1;
}

static void bad_number(struct pf *p, const char *s, const char *what)
{
	stage_error(p->st, "printf: '%s': %s", s, what);
	p->status = 1;
}

/* 'c or "c: the code of c (a byte; 0 for a lone quote). */
static bool char_const(const char *s, intmax_t *v)
{
	if (s[0] != '\'' && s[0] != '"')
		return false;
	*v = (unsigned char)s[1];
	return true;
}

static void check_end(struct pf *p, const char *s, const char *end)
{
	if (errno == ERANGE)
		bad_number(p, s, "out of range");
	else if (end == s || *end != '\0')
		bad_number(p, s, "invalid number");
}

static intmax_t arg_int(struct pf *p, const char *s)
{
	intmax_t v;
	char *end;

	if (s == NULL || *s == '\0')
		return 0;
	if (char_const(s, &v))
		return v;
	errno = 0;
	v = strtoimax(s, &end, 0);
	check_end(p, s, end);
	return v;
}

static uintmax_t arg_uint(struct pf *p, const char *s)
{
	intmax_t iv;
	uintmax_t v;
	char *end;

	if (s == NULL || *s == '\0')
		return 0;
	if (char_const(s, &iv))
		return (uintmax_t)iv;
	if (strchr(s, '-') != NULL)      /* -1 is UINTMAX_MAX, as in C */
		return (uintmax_t)arg_int(p, s);
	errno = 0;
	v = strtoumax(s, &end, 0);
	check_end(p, s, end);
	return v;
}

static long double arg_float(struct pf *p, const char *s)
{
	intmax_t iv;
	long double v;
	char *end;

	if (s == NULL || *s == '\0')
		return 0;
	if (char_const(s, &iv))
		return (long double)iv;
	errno = 0;
	v = strtold(s, &end);
	check_end(p, s, end);
	return v;
}

/* snprintf of one conversion, appended to out. */
static void add_formatted(struct pf *p, const char *spec, ...)
{
	va_list ap, ap2;

	va_start(ap, spec);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, spec, ap);
	if (n < 0) {
		stage_error(p->st, "printf: %s: %s", spec, strerror(errno));
		p->status = 1;
	} else {
		sbuf_grow(&p->out, (size_t)n);
		vsnprintf(p->out.data + p->out.len, (size_t)n + 1, spec, ap2);
		p->out.len += (size_t)n;
	}
	va_end(ap2);
	va_end(ap);
}

/* %s, %b, %c: done by hand so that NUL bytes from %b survive. */
static void add_padded(struct pf *p, const char *s, size_t len, bool left,
                       int width, int prec)
{
	if (prec >= 0 && (size_t)prec < len)
		len = (size_t)prec;
	size_t pad = width > 0 && (size_t)width > len ? (size_t)width - len : 0;
	if (!left)
		for (size_t i = 0; i < pad; i++)
			sbuf_addc(&p->out, ' ');
	sbuf_addn(&p->out, s, len);
	if (left)
		for (size_t i = 0; i < pad; i++)
			sbuf_addc(&p->out, ' ');
}

/* A width or precision: digits or `*` (an argument). */
static int field(struct pf *p, const char **fmt)
{
	const char *f = *fmt;
	long v = 0;

	if (*f == '*') {
		intmax_t a = arg_int(p, next_arg(p));
		*fmt = f + 1;
		if (a > INT_MAX)
			return INT_MAX;
		if (a < -INT_MAX)
			return -INT_MAX;
		return (int)a;
	}
	for (; *f >= '0' && *f <= '9'; f++)
		if (v < INT_MAX)
			v = v * 10 + (*f - '0');
	*fmt = f;
	return v > INT_MAX ? INT_MAX : (int)v;
}

/* %q: the quoting is described at the top. */
static void quote_arg(struct sbuf *out, const char *s)
{
	bool plain = *s != '\0' && *s != '#';
	for (const unsigned char *p = (const unsigned char *)s; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		        (*p >= '0' && *p <= '9') || *p >= 0x80 || strchr("_-./:,+=@%#", *p);
	if (plain) {
		sbuf_adds(out, s);
		return;
	}
	sbuf_addc(out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '\'')
			sbuf_adds(out, "'\\''");
		else
			sbuf_addc(out, *p);
	}
	sbuf_addc(out, '\'');
}

/* The TZ value a command run now would get, NULL when it gets none. */
static char *child_tz(struct stage *st)
{
	struct child_env env = CHILD_ENV_INIT;
	char *tz = NULL;
	stage_env(st, &env);
	for (char *const *e = child_env_vector(&env); *e && !tz; e++)
		if (strncmp(*e, "TZ=", 3) == 0)
			tz = xstrdup(*e + 3);
	child_env_free(&env);
	return tz;
}

/* %(fmt)T of the argument s (NULL: now) into out. */
static void add_time(struct pf *p, const char *fmt, size_t fmtlen, const char *s, struct sbuf *out)
{
	errno = 0;
	intmax_t v = s == NULL ? -1 : arg_int(p, s);
	if (errno == ERANGE)
		return;   /* reported */
	time_t t = v == -1 ? time(NULL) : v == -2 ? builtin_start_time() : (time_t)v;
	struct sbuf f = SBUF_INIT;
	struct tm tm;

	if (!p->tz) {
		char *tz = child_tz(p->st);
		p->tz = builtin_tz_load(tz);
		free(tz);
	}
	if ((intmax_t)t != v && v != -1 && v != -2) {
		bad_number(p, s, "out of range");
		return;
	}
	if (!builtin_tz_localtime(p->tz, t, &tm)) {
		bad_number(p, s, "time out of range");
		return;
	}
	/* A leading space tells an empty result from a failure of strftime;
	 * %s is written here: strftime would take it from mktime, in the
	 * process's zone rather than this one. */
	sbuf_addc(&f, ' ');
	if (fmtlen == 0)
		sbuf_adds(&f, "%X");
	for (size_t i = 0; i < fmtlen; i++) {
		if (fmt[i] == '%' && i + 1 < fmtlen && fmt[i + 1] == 's') {
			sbuf_printf(&f, "%jd", (intmax_t)t);
			i++;
		} else {
			sbuf_addc(&f, fmt[i]);
			if (fmt[i] == '%' && i + 1 < fmtlen)
				sbuf_addc(&f, fmt[++i]);
		}
	}
	for (size_t cap = 256; cap <= 65536; cap *= 4) {
		sbuf_grow(out, cap);
		size_t n = strftime(out->data + out->len, cap, f.data, &tm);
		if (n > 0) {
			out->len += n;
			out->data[out->len] = '\0';
			break;
		}
	}
	if (out->len > 0) {   /* drop the leading space */
		memmove(out->data, out->data + 1, out->len);
		out->len--;
	}
	sbuf_free(&f);
}

/* Handles the conversion at f (pointing after '%'); returns the position
 * after it, or NULL after reporting an invalid directive. */
static const char *conversion(struct pf *p, const char *f)
{
	const char *start = f - 1;
	char flags[8];
	size_t nf = 0;
	int width = 0, prec = -1;
	bool left = false;
	char spec[48];

	if (*f == '%') {
		sbuf_addc(&p->out, '%');
		return f + 1;
	}
	for (; *f && strchr("-+ #0", *f); f++) {
		if (*f == '-')
			left = true;
		if (nf < sizeof flags - 1 && !memchr(flags, *f, nf))
			flags[nf++] = *f;
	}
	flags[nf] = '\0';
	width = field(p, &f);
	if (width < 0) {
		left = true;
		width = -width;
		if (nf < sizeof flags - 1 && !memchr(flags, '-', nf)) {
			flags[nf++] = '-';
			flags[nf] = '\0';
		}
	}
	if (*f == '.') {
		f++;
		prec = field(p, &f);
	}
	if (*f == '(') {   /* %(fmt)T */
		const char *close = strchr(f + 1, ')');
		if (close == NULL || close[1] != 'T') {
			f = close ? close + 1 : f + strlen(f) - (*f != '\0');
			goto invalid;
		}
		struct sbuf tmp = SBUF_INIT;
		add_time(p, f + 1, (size_t)(close - f - 1), next_arg(p), &tmp);
		add_padded(p, sbuf_str(&tmp), tmp.len, left, width, prec);
		sbuf_free(&tmp);
		return close + 2;
	}
	while (*f && strchr("hlLjzt", *f))
		f++;

	char conv = *f;
	const char *arg;
	switch (conv) {
	case 'd': case 'i':
		snprintf(spec, sizeof spec, "%%%s%d.%dj%c", flags, width, prec, conv);
		if (prec < 0)
			snprintf(spec, sizeof spec, "%%%s%dj%c", flags, width, conv);
		add_formatted(p, spec, arg_int(p, next_arg(p)));
		break;
	case 'o': case 'u': case 'x': case 'X':
		snprintf(spec, sizeof spec, "%%%s%d.%dj%c", flags, width, prec, conv);
		if (prec < 0)
			snprintf(spec, sizeof spec, "%%%s%dj%c", flags, width, conv);
		add_formatted(p, spec, arg_uint(p, next_arg(p)));
		break;
	case 'e': case 'E': case 'f': case 'F':
	case 'g': case 'G': case 'a': case 'A':
		snprintf(spec, sizeof spec, "%%%s%d.%dL%c", flags, width, prec, conv);
		if (prec < 0)
			snprintf(spec, sizeof spec, "%%%s%dL%c", flags, width, conv);
		add_formatted(p, spec, arg_float(p, next_arg(p)));
		break;
	case 'c':
		arg = next_arg(p);
		if (arg == NULL)
			arg = "";
		add_padded(p, arg, 1, left, width, -1);   /* "" gives a NUL, as in dash and bash */
		break;
	case 's':
		arg = next_arg(p);
		if (arg == NULL)
			arg = "";
		add_padded(p, arg, strlen(arg), left, width, prec);
		break;
	case 'b': {
		struct sbuf tmp = SBUF_INIT;
		arg = next_arg(p);
		if (arg == NULL)
			arg = "";
		while (*arg && !p->stop) {
			if (*arg == '\\') {
				arg = escape(arg, &tmp, true, &p->stop);
			} else {
				const char *bs = strchr(arg, '\\');
				size_t n = bs ? (size_t)(bs - arg) : strlen(arg);
				sbuf_addn(&tmp, arg, n);
				arg += n;
			}
		}
		add_padded(p, sbuf_str(&tmp), tmp.len, left, width, prec);
		sbuf_free(&tmp);
		break;
	}
	case 'q': {
		struct sbuf tmp = SBUF_INIT;
		arg = next_arg(p);
		quote_arg(&tmp, arg ? arg : "");
		add_padded(p, sbuf_str(&tmp), tmp.len, left, width, prec);
		sbuf_free(&tmp);
		break;
	}
	default:
		goto invalid;
	}
	return f + 1;
invalid:
	stage_error(p->st, "printf: %.*s: invalid directive",
	            (int)(f - start + (*f != '\0')), start);
	p->status = 1;
	return NULL;
}

int builtin_printf(struct stage *st, int argc, char **argv)
{
	struct pf p = { st, SBUF_INIT, NULL, 0, 0, 0, false, NULL };
	const char *var = NULL;
	int i = 1;

	if (i < argc && strncmp(argv[i], "-v", 2) == 0) {
		var = argv[i][2] ? argv[i] + 2 : argv[++i];
		if (var == NULL) {
			return builtin_usage(st, "printf", "-v: option requires an argument");
		}
		if (!is_name(var)) {
			stage_error(st, "printf: '%s': not a valid identifier", var);
			return 2;
		}
		i++;
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc)
		return builtin_usage(st, "printf", "a FORMAT is needed");
	const char *format = argv[i];
	p.args = argv + i + 1;
	p.nargs = argc - i - 1;

	for (;;) {
		int first = p.ai;
		const char *f = format;
		while (*f && !p.stop) {
			if (*f == '\\') {
				f = escape(f, &p.out, false, &p.stop);
			} else if (*f == '%') {
				f = conversion(&p, f + 1);
				if (f == NULL)
					goto out;
			} else {
				const char *q = f + strcspn(f, "\\%");
				sbuf_addn(&p.out, f, (size_t)(q - f));
				f = q;
			}
		}
		if (var == NULL && p.out.len >= 4096) {
			io_write(st, 1, p.out.data, p.out.len);
			sbuf_reset(&p.out);
		}
		if (p.stop || p.ai >= p.nargs || p.ai == first)
			break;
	}
out:
	if (var != NULL) {
		if (stage_var_set(st, var, sbuf_str(&p.out)) != 0)
			p.status = 1;
	} else if (p.out.len > 0) {
		io_write(st, 1, p.out.data, p.out.len);
	}
	sbuf_free(&p.out);
	builtin_tz_free(p.tz);
	return p.status;
}
