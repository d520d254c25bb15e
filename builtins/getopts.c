/* getopts.c: the getopts builtin (POSIX): parses options one call at a time */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"

/*
 * getopts optstring name [arg...] parses "$@" (or the args given).
 *
 * OPTIND is the index of the next argument to look at, as in dash: after
 * `-a` of `-ab` it is already 2. Where we are inside a cluster like `-ab`
 * is kept in the stage (st->optpos_ind, st->optpos_off), out of the
 * variable namespace; it is set only while a cluster is half-read and is
 * trusted only while OPTIND still holds the value getopts gave it, so
 * setting OPTIND=1 (or to anything) restarts cleanly. Each thread stage
 * has its own (a new stage starts with none), and no C statics are used.
 *
 * For an option without argument OPTARG is unset (bash). An unknown option
 * sets name to `?`; a missing argument sets it to `?`, or to `:` when
 * optstring starts with `:` (silent mode, OPTARG is then the option
 * character). Messages (not in silent mode, not when OPTERR=0):
 *   conch: getopts: illegal option -- x
 *   conch: getopts: option requires an argument -- x
 * At the end name is `?`, OPTARG is unset, OPTIND indexes the first
 * operand, and the status is 1. `--` ends the options and is skipped.
 */

static long get_optind(struct stage *st)
{
	char *s = stage_var_dup(st, "OPTIND");
	long v;

	if (s == NULL || !parse_long(s, &v) || v < 1)
		v = 1;
	free(s);
	return v;
}

/* The offset inside argument optind-1 where the last call stopped, or 0. */
static long get_offset(const struct stage *st, long optind)
{
	return st->optpos_ind == optind && optind >= 2 ? st->optpos_off : 0;
}

static void set_offset(struct stage *st, long optind, long off)
{
	st->optpos_ind = off > 0 ? optind : 0;
	st->optpos_off = off;
}

static int set_int(struct stage *st, const char *name, long v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%ld", v);
	return stage_var_set(st, name, buf);
}

int builtin_getopts(struct stage *st, int argc, char **argv)
{
	if (argc < 3) {
		return builtin_usage(st, "getopts", "an OPTSTRING and a NAME are needed");
	}
	const char *optstring = argv[1], *name = argv[2];
	if (!is_name(name)) {
		stage_error(st, "getopts: '%s': not a valid identifier", name);
		return 2;
	}
	char **args = argc > 3 ? argv + 3 : st->args->v;
	long nargs = argc > 3 ? argc - 3 : st->args->n;
	bool silent = optstring[0] == ':';
	if (silent)
		optstring++;

	long optind = get_optind(st);
	long off = get_offset(st, optind);
	const char *arg;
	char c, result[2] = { 0, 0 };
	int r = 0;

	if (off > 0 && (size_t)off < strlen(args[optind - 2])) {
		arg = args[optind - 2];
		optind--;       /* back to the argument being read */
	} else {
		off = 0;
		if (optind > nargs)
			goto end;
		arg = args[optind - 1];
		if (arg[0] != '-' || arg[1] == '\0')
			goto end;
		if (strcmp(arg, "--") == 0) {
			optind++;
			goto end;
		}
		off = 1;
	}

	/* Here arg is args[optind-1] and arg[off] is the option character. */
	c = arg[off++];
	const char *spec = c != ':' ? strchr(optstring, c) : NULL;
	char *errs = stage_var_dup(st, "OPTERR");
	bool report = !silent && !(errs != NULL && strcmp(errs, "0") == 0);
	free(errs);

	if (spec == NULL) {
		if (report)
			stage_error(st, "getopts: illegal option -- %c", c);
		result[0] = '?';
		if (silent)
			r |= stage_var_set(st, "OPTARG", (char[]){ c, 0 });
		else
			stage_var_unset(st, "OPTARG");
	} else if (spec[1] == ':') {
		if (arg[off] != '\0') {
			r |= stage_var_set(st, "OPTARG", arg + off);
		} else if (optind < nargs) {
			r |= stage_var_set(st, "OPTARG", args[optind]);
			optind++;
		} else {
			if (report)
				stage_error(st, "getopts: option requires an argument -- %c", c);
			if (silent) {
				result[0] = ':';
				r |= stage_var_set(st, "OPTARG", (char[]){ c, 0 });
			} else {
				result[0] = '?';
				stage_var_unset(st, "OPTARG");
			}
		}
		off = 0;        /* the rest of the argument was consumed */
		result[0] = result[0] ? result[0] : c;
	} else {
		result[0] = c;
		stage_var_unset(st, "OPTARG");
	}
	if (off > 0 && arg[off] == '\0')
		off = 0;
	optind++;

	r |= set_int(st, "OPTIND", optind);
	set_offset(st, optind, off);
	r |= stage_var_set(st, name, result);
	return r != 0 ? 2 : 0;

end:
	set_offset(st, 0, 0);
	stage_var_unset(st, "OPTARG");
	r |= set_int(st, "OPTIND", optind);
	r |= stage_var_set(st, name, "?");
	return r != 0 ? 2 : 1;
}
