/* builtin.c: the one sorted table of builtins, lookup, and helpers shared by builtins */
#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/jobs.h"
#include "../src/state.h"
#include "builtin.h"

/*
 * The table MUST stay sorted by strcmp() of the names: builtin_find is a
 * binary search. builtin_check_table() asserts it in debug builds.
 * `[` is test under its other name, `source` is `.` under bash's (special,
 * as bash --posix has it).
 */
static const struct builtin table[] = {
	{ ".",        builtin_dot,      BUILTIN_SPECIAL },
	{ ":",        builtin_colon,    BUILTIN_SPECIAL | BUILTIN_LITERAL },
	{ "[",        builtin_test,     BUILTIN_LITERAL },
	{ "alias",    builtin_alias,    0 },
	{ "bg",       builtin_bg,       0 },
	{ "break",    builtin_break,    BUILTIN_SPECIAL },
	{ "builtin",  builtin_builtin,  0 },
	{ "cd",       builtin_cd,       0 },
	{ "command",  builtin_command,  0 },
	{ "continue", builtin_continue, BUILTIN_SPECIAL },
	{ "disown",   builtin_disown,   0 },
	{ "echo",     builtin_echo,     BUILTIN_LITERAL },
	{ "eval",     builtin_eval,     BUILTIN_SPECIAL },
	{ "exec",     builtin_exec,     BUILTIN_SPECIAL },
	{ "exit",     builtin_exit,     BUILTIN_SPECIAL },
	{ "export",   builtin_export,   BUILTIN_SPECIAL | BUILTIN_DECL },
	{ "false",    builtin_false,    BUILTIN_LITERAL },
	{ "fc",       builtin_fc,       0 },
	{ "fg",       builtin_fg,       0 },
	{ "getopts",  builtin_getopts,  0 },
	{ "halfclose", builtin_halfclose, 0 },
	{ "hash",     builtin_hash,     0 },
	{ "help",     builtin_help,     0 },
	{ "history",  builtin_history,  0 },
	{ "jobs",     builtin_jobs,     0 },
	{ "kill",     builtin_kill,     0 },
	{ "local",    builtin_local,    BUILTIN_DECL },
	{ "lock",     builtin_lock,     0 },
	{ "match",    builtin_match,    0 },
	{ "printf",   builtin_printf,   BUILTIN_LITERAL },
	{ "pwd",      builtin_pwd,      0 },
	{ "read",     builtin_read,     0 },
	{ "readonly", builtin_readonly, BUILTIN_SPECIAL | BUILTIN_DECL },
	{ "return",   builtin_return,   BUILTIN_SPECIAL },
	{ "set",      builtin_set,      BUILTIN_SPECIAL },
	{ "shift",    builtin_shift,    BUILTIN_SPECIAL },
	{ "source",   builtin_dot,      BUILTIN_SPECIAL },   /* bash's name for . */
	{ "subst",    builtin_subst,    0 },
	{ "test",     builtin_test,     BUILTIN_LITERAL },
	{ "thread",   builtin_thread,   0 },
	{ "times",    builtin_times,    BUILTIN_SPECIAL },
	{ "trap",     builtin_trap,     BUILTIN_SPECIAL },
	{ "true",     builtin_true,     BUILTIN_LITERAL },
	{ "type",     builtin_type,     0 },
	{ "ulimit",   builtin_ulimit,   0 },
	{ "umask",    builtin_umask,    0 },
	{ "unalias",  builtin_unalias,  0 },
	{ "unlock",   builtin_unlock,   0 },
	{ "unset",    builtin_unset,    BUILTIN_SPECIAL },
	{ "wait",     builtin_wait,     0 },
};

#define TABLE_LEN (sizeof table / sizeof table[0])

int builtin_run(struct stage *st, const struct builtin *b, int argc, char **argv)
{
	if (argc > 1 && !(b->flags & BUILTIN_LITERAL) && strcmp(argv[1], "--help") == 0)
		return builtin_help_print(st, b->name, false);
	return b->fn(st, argc, argv);
}

int builtin_usage(struct stage *st, const char *name, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	stage_error(st, "%s: %s\ntry 'help %s'", name, msg, name);
	return 2;
}

int builtin_usage_error(struct stage *st, const char *name, const char *arg, int c)
{
	if (c == 0 || (arg[0] != '\0' && arg[1] == c && arg[2] == '\0') ||
	    strncmp(arg, "--", 2) == 0)
		return builtin_usage(st, name, "%s: invalid option", arg);
	return builtin_usage(st, name, "%s: invalid option %c%c", arg, arg[0], c);
}

static int cmp_name(const void *key, const void *elem)
{
	const struct builtin *b = elem;
	return strcmp(key, b->name);
}

const struct builtin *builtin_find(const char *name)
{
	return bsearch(name, table, TABLE_LEN, sizeof table[0], cmp_name);
}

const struct builtin *builtin_table(size_t *n)
{
	*n = TABLE_LEN;
	return table;
}

/* Written once by builtin_check_table, before any thread exists; only read
 * afterwards. */
static time_t start_time;

time_t builtin_start_time(void)
{
	return start_time;
}

void builtin_check_table(void)
{
	start_time = time(NULL);
#ifndef NDEBUG
	for (size_t i = 1; i < TABLE_LEN; i++)
		assert(strcmp(table[i - 1].name, table[i].name) < 0);
	assert(builtin_options_check());
	assert(builtin_help_len == TABLE_LEN);
	for (size_t i = 0; i < TABLE_LEN; i++)
		assert(strcmp(builtin_help_table[i].name, table[i].name) == 0);
#endif
}

/* Decimal digits only (no sign: `exit -1` is an error, as in dash); the
 * value is taken modulo 256 as the kernel would, so `exit 256` is 0. */
bool builtin_status_arg(const char *s, int *out)
{
	unsigned v = 0;

	if (*s == '\0')
		return false;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return false;
		v = (v * 10 + (unsigned)(*s - '0')) & 0xffffu;
	}
	*out = (int)(v & 255);
	return true;
}

int builtin_fatal(struct stage *st, int status)
{
	if (st->soft_special == 0 && !state_opt(OPT_INTERACTIVE))
		st->flow = FLOW_EXIT;
	return status;
}

int builtin_job_spec(const char *spec, char *err, size_t errlen)
{
	if (spec[0] != '%') {
		char *pct = xasprintf("%%%s", spec);
		int num = jobs_find(pct, err, errlen);
		free(pct);
		return num;
	}
	return jobs_find(spec, err, errlen);
}
