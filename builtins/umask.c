/* umask.c: the umask builtin (POSIX): shows or sets the file creation mask */
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "../src/state.h"

/*
 * `umask` prints the mask as four octal digits (0022); `umask -S` prints the
 * permissions it leaves, u=rwx,g=rx,o=rx. A new mask is octal (at most
 * 0777 is kept) or symbolic as in chmod, applied to the permissions the
 * current mask leaves: `umask u=rwx,g-w,o=`. With no who letters a clause
 * means a (all). s and t are accepted and have no effect; X is x.
 * A bad mode is an error with status 1 and leaves the mask as it was.
 */

static const mode_t who_bits[3] = { 0700, 0070, 0007 };

static void print_symbolic(struct stage *st, mode_t perms)
{
	static const char who[3] = { 'u', 'g', 'o' };
	char buf[32];
	size_t n = 0;

	for (int i = 0; i < 3; i++) {
		int shift = 6 - 3 * i;
		if (i > 0)
			buf[n++] = ',';
		buf[n++] = who[i];
		buf[n++] = '=';
		if (perms & (04u << shift))
			buf[n++] = 'r';
		if (perms & (02u << shift))
			buf[n++] = 'w';
		if (perms & (01u << shift))
			buf[n++] = 'x';
	}
	buf[n++] = '\n';
	io_write(st, 1, buf, n);
}

/* Applies a chmod-style symbolic mode to perms; false when it is invalid. */
static bool symbolic(const char *s, mode_t *perms)
{
	mode_t p = *perms;

	for (;;) {
		mode_t who = 0;
		for (; *s && strchr("ugoa", *s); s++)
			who |= *s == 'u' ? 0700 : *s == 'g' ? 0070 : *s == 'o' ? 0007 : 0777;
		if (who == 0)
			who = 0777;
		if (*s != '+' && *s != '-' && *s != '=')
			return false;
		while (*s == '+' || *s == '-' || *s == '=') {
			char op = *s++;
			mode_t bits = 0;
			if (*s == 'u' || *s == 'g' || *s == 'o') {
				/* copy the rwx of one class to the others */
				int i = *s == 'u' ? 0 : *s == 'g' ? 1 : 2;
				mode_t three = (p & who_bits[i]) >> (6 - 3 * i);
				bits = three * 0111;
				s++;
			} else {
				for (; *s && strchr("rwxXst", *s); s++) {
					if (*s == 'r')
						bits |= 0444;
					else if (*s == 'w')
						bits |= 0222;
					else if (*s == 'x' || *s == 'X')
						bits |= 0111;
				}
			}
			bits &= who;
			if (op == '+')
				p |= bits;
			else if (op == '-')
				p &= ~bits;
			else
				p = (p & ~who) | bits;
		}
		if (*s == '\0')
			break;
		if (*s != ',')
			return false;
		s++;
	}
	*perms = p & 0777;
	return true;
}

int builtin_umask(struct stage *st, int argc, char **argv)
{
	bool sym = false;
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		if (strcmp(argv[i], "-S") != 0) {
			builtin_usage_error(st, "umask", argv[i], 0);
			return 2;
		}
		sym = true;
	}

	mode_t mask = state_umask_get();
	if (i == argc) {
		if (sym)
			print_symbolic(st, ~mask & 0777);
		else
			io_printf(st, 1, "%04o\n", (unsigned)mask);
		return 0;
	}
	if (argc - i > 1) {
		builtin_usage(st, "umask", "too many arguments");
		return 2;
	}

	const char *m = argv[i];
	if (*m >= '0' && *m <= '9') {
		unsigned v = 0;
		for (const char *p = m; *p; p++) {
			if (*p < '0' || *p > '7' || v > 07777)
				goto bad;
			v = v * 8 + (unsigned)(*p - '0');
		}
		if (v > 07777)
			goto bad;
		mask = v & 0777;
	} else {
		mode_t perms = ~mask & 0777;
		if (!symbolic(m, &perms))
			goto bad;
		mask = ~perms & 0777;
	}
	state_umask_set(mask);
	if (sym)
		print_symbolic(st, ~mask & 0777);
	return 0;
bad:
	stage_error(st, "umask: %s: invalid mode", m);
	return 1;
}
