/* test.c: the test and [ builtins (POSIX): evaluate a conditional expression */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../src/fdpath.h"
#include "builtin.h"

#ifndef S_ISVTX         /* XSI; present wherever -k makes sense */
#define S_ISVTX 01000
#endif

/*
 * Up to four arguments follow the POSIX algorithm, which decides by the
 * number of arguments (so `[ "$x" = -n ]` and `[ ! "$x" ]` mean what they
 * say whatever $x holds). Longer expressions go to a recursive-descent
 * parser with the usual precedence: ! binds tightest, then -a, then -o;
 * ( ) group. Inside it, `ARG BINOP ARG` is tried before a unary operator and
 * before `(`, as bash does, so `[ "(" = "(" -a x ]` works.
 *
 * Extensions: `==` (same as `=`), `<` and `>` (byte-wise strcmp, not the
 * locale's collation), -nt -ot -ef, -k -O -G.
 * Integers: optional blanks, an optional sign, decimal digits, optional
 * blanks; anything else is "integer expected", status 2.
 *
 * This runs in the hottest loops of scripts (`[ "$i" -lt "$n" ]`): it never
 * allocates, and it only looks at its argv.
 */

enum binop {
	BIN_NONE, BIN_SEQ, BIN_SNE, BIN_SLT, BIN_SGT,
	BIN_EQ, BIN_NE, BIN_GT, BIN_GE, BIN_LT, BIN_LE,
	BIN_NT, BIN_OT, BIN_EF,
	BIN_AND, BIN_OR,        /* -a -o: only in the 3-argument POSIX case */
};

struct tctx {
	struct stage *st;
	const char *name;       /* "test" or "[" for messages */
	char **av;
	int n;                  /* number of arguments in av */
	int pos;                /* parser position */
	bool err;               /* a syntax or number error was reported */
};

static bool is(const char *s, const char *lit)
{
	return strcmp(s, lit) == 0;
}

static enum binop binop(const char *s)
{
	switch (s[0]) {
	case '=':
		if (s[1] == '\0' || (s[1] == '=' && s[2] == '\0'))
			return BIN_SEQ;
		return BIN_NONE;
	case '!':
		return s[1] == '=' && s[2] == '\0' ? BIN_SNE : BIN_NONE;
	case '<':
		return s[1] == '\0' ? BIN_SLT : BIN_NONE;
	case '>':
		return s[1] == '\0' ? BIN_SGT : BIN_NONE;
	case '-':
		break;
	default:
		return BIN_NONE;
	}
	if (s[1] == '\0' || s[2] == '\0') {
		if (s[1] == 'a' && s[2] == '\0')
			return BIN_AND;
		if (s[1] == 'o' && s[2] == '\0')
			return BIN_OR;
		return BIN_NONE;
	}
	if (s[3] != '\0')
		return BIN_NONE;
	switch (s[1]) {
	case 'e':
		return s[2] == 'q' ? BIN_EQ : s[2] == 'f' ? BIN_EF : BIN_NONE;
	case 'n':
		return s[2] == 'e' ? BIN_NE : s[2] == 't' ? BIN_NT : BIN_NONE;
	case 'g':
		return s[2] == 't' ? BIN_GT : s[2] == 'e' ? BIN_GE : BIN_NONE;
	case 'l':
		return s[2] == 't' ? BIN_LT : s[2] == 'e' ? BIN_LE : BIN_NONE;
	case 'o':
		return s[2] == 't' ? BIN_OT : BIN_NONE;
	default:
		return BIN_NONE;
	}
}

/* The letter of a unary operator, or 0. */
static char unop(const char *s)
{
	if (s[0] != '-' || s[1] == '\0' || s[2] != '\0')
		return 0;
	if (strchr("bcdefgGhkLnOprsStuwxz", s[1]) == NULL)
		return 0;
	return s[1];
}

static void syntax(struct tctx *t, const char *fmt, const char *arg)
{
	if (!t->err)
		stage_error(t->st, fmt, t->name, arg);
	t->err = true;
}

static bool integer(struct tctx *t, const char *s, intmax_t *out)
{
	const char *p = s;
	char *end;

	while (isblank((unsigned char)*p))
		p++;
	const char *q = p + (*p == '+' || *p == '-');
	if (!isdigit((unsigned char)*q))
		goto bad;
	errno = 0;
	*out = strtoimax(p, &end, 10);
	if (errno == ERANGE) {
		syntax(t, "%s: %s: out of range", s);
		return false;
	}
	while (isblank((unsigned char)*end))
		end++;
	if (*end == '\0')
		return true;
bad:
	syntax(t, "%s: %s: integer expected", s);
	return false;
}

static int cmp_time(const struct timespec *a, const struct timespec *b)
{
	if (a->tv_sec != b->tv_sec)
		return a->tv_sec < b->tv_sec ? -1 : 1;
	if (a->tv_nsec != b->tv_nsec)
		return a->tv_nsec < b->tv_nsec ? -1 : 1;
	return 0;
}

static bool binary(struct tctx *t, enum binop op, const char *a, const char *b)
{
	intmax_t x, y;
	struct stat sa, sb;
	bool ha, hb;

	switch (op) {
	case BIN_SEQ: return strcmp(a, b) == 0;
	case BIN_SNE: return strcmp(a, b) != 0;
	case BIN_SLT: return strcmp(a, b) < 0;
	case BIN_SGT: return strcmp(a, b) > 0;
	case BIN_AND: return *a && *b;
	case BIN_OR:  return *a || *b;
	case BIN_NT:
	case BIN_OT:
	case BIN_EF:
		ha = fdpath_stat(&t->st->fds, a, &sa) == 0;
		hb = fdpath_stat(&t->st->fds, b, &sb) == 0;
		if (op == BIN_EF)
			return ha && hb && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
		if (op == BIN_OT) {   /* b -nt a */
			struct stat tmp = sa;
			sa = sb;
			sb = tmp;
			bool th = ha;
			ha = hb;
			hb = th;
		}
		/* newer, or exists while the other does not (as in bash and dash) */
		return ha && (!hb || cmp_time(&sa.st_mtim, &sb.st_mtim) > 0);
	case BIN_NONE:
		return false;
	default:
		break;
	}
	if (!integer(t, a, &x) || !integer(t, b, &y))
		return false;
	switch (op) {
	case BIN_EQ: return x == y;
	case BIN_NE: return x != y;
	case BIN_GT: return x > y;
	case BIN_GE: return x >= y;
	case BIN_LT: return x < y;
	case BIN_LE: return x <= y;
	default:     return false;
	}
}

static bool unary(struct tctx *t, char op, const char *arg)
{
	struct stat sb;
	intmax_t fd;

	switch (op) {
	case 'n': return *arg != '\0';
	case 'z': return *arg == '\0';
	case 't':
		if (!integer(t, arg, &fd))
			return false;
		if (fd < 0 || fd > 0x7fffffff)
			return false;
		fd = fdmap_get(&t->st->fds, (int)fd);
		return fd >= 0 && isatty((int)fd);
	case 'r': return faccessat(AT_FDCWD, arg, R_OK, AT_EACCESS) == 0;
	case 'w': return faccessat(AT_FDCWD, arg, W_OK, AT_EACCESS) == 0;
	case 'x': return faccessat(AT_FDCWD, arg, X_OK, AT_EACCESS) == 0;
	case 'h':
	case 'L': return lstat(arg, &sb) == 0 && S_ISLNK(sb.st_mode);
	default:
		break;
	}
	if (fdpath_stat(&t->st->fds, arg, &sb) != 0)   /* /dev/stdout: the stage's */
		return false;
	switch (op) {
	case 'b': return S_ISBLK(sb.st_mode);
	case 'c': return S_ISCHR(sb.st_mode);
	case 'd': return S_ISDIR(sb.st_mode);
	case 'e': return true;
	case 'f': return S_ISREG(sb.st_mode);
	case 'g': return (sb.st_mode & S_ISGID) != 0;
	case 'G': return sb.st_gid == getegid();
	case 'k': return (sb.st_mode & S_ISVTX) != 0;
	case 'O': return sb.st_uid == geteuid();
	case 'p': return S_ISFIFO(sb.st_mode);
	case 's': return sb.st_size > 0;
	case 'S': return S_ISSOCK(sb.st_mode);
	case 'u': return (sb.st_mode & S_ISUID) != 0;
	default:  return false;
	}
}

/* --- general expressions (more than four arguments) ------------------- */

static bool parse_or(struct tctx *t);

static bool parse_primary(struct tctx *t)
{
	char **av = t->av;
	int p = t->pos;
	enum binop op;
	char u;

	if (p >= t->n) {
		syntax(t, "%s: argument expected%s", "");
		return false;
	}
	if (p + 2 < t->n && (op = binop(av[p + 1])) != BIN_NONE
	    && op != BIN_AND && op != BIN_OR) {
		t->pos = p + 3;
		return binary(t, op, av[p], av[p + 2]);
	}
	if (is(av[p], "(")) {
		t->pos++;
		bool v = parse_or(t);
		if (t->pos >= t->n || !is(av[t->pos], ")")) {
			syntax(t, "%s: ')' expected%s", "");
			return false;
		}
		t->pos++;
		return v;
	}
	if (p + 1 < t->n && (u = unop(av[p])) != 0) {
		t->pos = p + 2;
		return unary(t, u, av[p + 1]);
	}
	t->pos = p + 1;
	return av[p][0] != '\0';
}

static bool parse_not(struct tctx *t)
{
	if (t->pos < t->n && is(t->av[t->pos], "!")) {
		t->pos++;
		return !parse_not(t);
	}
	return parse_primary(t);
}

static bool parse_and(struct tctx *t)
{
	bool v = parse_not(t);

	while (!t->err && t->pos < t->n && is(t->av[t->pos], "-a")) {
		t->pos++;
		bool r = parse_not(t);
		v = v && r;
	}
	return v;
}

static bool parse_or(struct tctx *t)
{
	bool v = parse_and(t);

	while (!t->err && t->pos < t->n && is(t->av[t->pos], "-o")) {
		t->pos++;
		bool r = parse_and(t);
		v = v || r;
	}
	return v;
}

static bool general(struct tctx *t, int from)
{
	t->pos = from;
	bool v = parse_or(t);
	if (!t->err && t->pos < t->n)
		syntax(t, "%s: %s: unexpected argument", t->av[t->pos]);
	return v;
}

/* --- POSIX: decided by the number of arguments ------------------------ */

/* Evaluates av[from..from+n-1]. POSIX "test" rationale, XCU test. */
static bool posix(struct tctx *t, int from, int n)
{
	char **av = t->av + from;
	enum binop op;
	char u;

	switch (n) {
	case 0:
		return false;
	case 1:
		return av[0][0] != '\0';
	case 2:
		if (is(av[0], "!"))
			return !posix(t, from + 1, 1);
		if ((u = unop(av[0])) != 0)
			return unary(t, u, av[1]);
		syntax(t, "%s: %s: unary operator expected", av[0]);
		return false;
	case 3:
		if ((op = binop(av[1])) != BIN_NONE)
			return binary(t, op, av[0], av[2]);
		if (is(av[0], "!"))
			return !posix(t, from + 1, 2);
		if (is(av[0], "(") && is(av[2], ")"))
			return posix(t, from + 1, 1);
		syntax(t, "%s: %s: binary operator expected", av[1]);
		return false;
	case 4:
		if (is(av[0], "!"))
			return !posix(t, from + 1, 3);
		if (is(av[0], "(") && is(av[3], ")"))
			return posix(t, from + 1, 2);
		return general(t, from);
	default:
		return general(t, from);
	}
}

int builtin_test(struct stage *st, int argc, char **argv)
{
	struct tctx t = { st, argv[0], argv + 1, argc - 1, 0, false };

	if (is(argv[0], "[")) {
		if (argc < 2 || !is(argv[argc - 1], "]")) {
			stage_error(st, "[: missing ']'");
			return 2;
		}
		t.n--;
	}
	bool v = posix(&t, 0, t.n);
	if (t.err)
		return 2;
	return v ? 0 : 1;
}
