/* echo.c: the echo builtin (POSIX, bash-style options): prints its arguments */
#include <stdbool.h>
#include <string.h>

#include "builtin.h"

/*
 * conch's echo is bash's: no escape processing unless -e; -n drops the
 * newline; -E turns escapes off again. An argument is an option only when it
 * is `-` followed by nothing but the letters n, e and E; the first argument
 * that is not ends the options (so `echo -- x` prints `-- x`).
 */

static bool is_option(const char *a)
{
	if (a[0] != '-' || a[1] == '\0')
		return false;
	for (a++; *a; a++)
		if (*a != 'n' && *a != 'e' && *a != 'E')
			return false;
	return true;
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

/* Writes s with -e escapes; returns false when \c asked to stop all output. */
static bool put_escaped(struct stage *st, const char *s)
{
	const char *run = s;

	while (*s) {
		if (*s != '\\' || s[1] == '\0') {
			s++;
			continue;
		}
		io_write(st, 1, run, (size_t)(s - run));
		s++;
		char c = *s++;
		int v, d;
		switch (c) {
		case 'a': c = '\a'; break;
		case 'b': c = '\b'; break;
		case 'c': return false;
		case 'e': case 'E': c = '\033'; break;
		case 'f': c = '\f'; break;
		case 'n': c = '\n'; break;
		case 'r': c = '\r'; break;
		case 't': c = '\t'; break;
		case 'v': c = '\v'; break;
		case '\\': break;
		case '0':   /* \0nnn: up to three octal digits */
			v = 0;
			for (int i = 0; i < 3 && *s >= '0' && *s <= '7'; i++)
				v = v * 8 + (*s++ - '0');
			c = (char)v;
			break;
		case 'x':   /* \xHH: one or two hex digits */
			if (hexval(*s) < 0) {
				s -= 2;   /* not an escape: print it as is */
				run = s;
				s += 2;
				continue;
			}
			v = 0;
			for (int i = 0; i < 2 && (d = hexval(*s)) >= 0; i++, s++)
				v = v * 16 + d;
			c = (char)v;
			break;
		default:    /* unknown: the backslash stays */
			run = s - 2;
			continue;
		}
		io_write(st, 1, &c, 1);
		run = s;
	}
	io_write(st, 1, run, (size_t)(s - run));
	return true;
}

int builtin_echo(struct stage *st, int argc, char **argv)
{
	bool newline = true, escapes = false;
	int i = 1;

	for (; i < argc && is_option(argv[i]); i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = false;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (!escapes)
			io_puts(st, 1, argv[i]);
		else if (!put_escaped(st, argv[i]))
			return 0;
		if (i + 1 < argc)
			io_write(st, 1, " ", 1);
	}
	if (newline)
		io_write(st, 1, "\n", 1);
	return 0;
}
