/* options.c: the options each builtin accepts, for completion (kept sorted by name) */
#include <string.h>

#include "builtin.h"

/*
 * One row per builtin that takes options: its options, separated by
 * spaces, as its usage message lists them. When a builtin gains an option,
 * add it here too; builtin_check_table() asserts that every name is a
 * builtin and that the rows stay sorted.
 */
static const struct {
	const char *name;
	const char *options;
} table[] = {
	{ "alias",    "-p" },
	{ "cd",       "-L -P" },
	{ "command",  "-p -v -V" },
	{ "disown",   "-a -h -r" },
	{ "echo",     "-n" },
	{ "export",   "-n -p" },
	{ "fc",       "-e -l -n -r -s" },
	{ "hash",     "-r" },
	{ "help",     "-s" },
	{ "history",  "-c -d" },
	{ "jobs",     "-l -p" },
	{ "kill",     "-L -l -n -s" },
	{ "match",    "-c -e -i -m -n -o -p -q -v -x" },
	{ "printf",   "-v" },
	{ "pwd",      "-L -P" },
	{ "read",     "-d -n -N -p -r -s -t -u" },
	{ "readonly", "-p" },
	{ "set",      "-C -a -b -e -f -h -m -n -o -u -v -x" },
	{ "subst",    "-e -g -i" },
	{ "trap",     "-p" },
	{ "ulimit",   "-H -S -a -c -d -f -n -s -t -v" },
	{ "umask",    "-S" },
	{ "unalias",  "-a" },
	{ "unset",    "-f -v" },
};

#define TABLE_LEN (sizeof table / sizeof table[0])

const char *builtin_options(const char *name)
{
	size_t lo = 0, hi = TABLE_LEN;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, table[mid].name);
		if (c == 0)
			return table[mid].options;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

bool builtin_options_check(void)
{
	for (size_t i = 0; i < TABLE_LEN; i++)
		if (!builtin_find(table[i].name) ||
		    (i > 0 && strcmp(table[i - 1].name, table[i].name) >= 0))
			return false;
	return true;
}
