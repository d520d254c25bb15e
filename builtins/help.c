/* help.c: the help builtin (an extension): the man page's entry of a builtin, from inside the shell */
#include <stdlib.h>
#include <string.h>

#include "builtin.h"

/*
 * help            one line per builtin: its name and first sentence
 * help NAME...    the entry of each NAME, as man/conch.1 has it
 * help -s NAME... only the synopsis lines
 * help topics     the lessons of conch-tutorial(7) and the sections of
 *                 conch(1), with the man command that opens each
 * The text is help-text.c, which man/gen-help cuts from man/conch.1: the
 * two cannot disagree. builtin_run prints the same for `NAME --help`.
 */

static int cmp_help(const void *key, const void *elem)
{
	const struct builtin_help *h = elem;
	return strcmp(key, h->name);
}

const struct builtin_help *builtin_help_find(const char *name)
{
	return bsearch(name, builtin_help_table, builtin_help_len, sizeof builtin_help_table[0], cmp_help);
}

int builtin_help_print(struct stage *st, const char *name, bool synopsis_only)
{
	const struct builtin_help *h = builtin_help_find(name);
	if (!h) {
		stage_error(st, "help: %s: no such builtin (try 'help' or 'help topics')", name);
		return 1;
	}
	io_puts(st, 1, synopsis_only ? h->synopsis : h->text);
	return 0;
}

static void list_builtins(struct stage *st)
{
	io_puts(st, 1, "Builtins of conch; 'help NAME' describes one, 'help topics' lists the manuals.\n\n");
	for (size_t i = 0; i < builtin_help_len; i++) {
		const struct builtin_help *h = &builtin_help_table[i];
		io_printf(st, 1, "%-10s  %s\n", h->name, h->summary);
	}
}

static void list_topics(struct stage *st)
{
	io_puts(st, 1, "The tutorial, a lesson a section: man 7 conch-tutorial\n");
	for (size_t i = 0; builtin_help_lessons[i]; i++)
		io_printf(st, 1, "  %-32s man 7 conch-tutorial\n", builtin_help_lessons[i]);
	io_puts(st, 1, "\nThe reference: man 1 conch (in the pager, /^NAME goes to section NAME)\n");
	for (size_t i = 0; builtin_help_sections[i]; i++)
		io_printf(st, 1, "  %-32s man 1 conch\n", builtin_help_sections[i]);
}

int builtin_help(struct stage *st, int argc, char **argv)
{
	bool synopsis_only = false;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 's')
				synopsis_only = true;
			else
				return builtin_usage_error(st, "help", argv[i], *o);
		}
	}
	if (i == argc) {
		if (synopsis_only)
			return builtin_usage(st, "help", "-s needs a NAME");
		list_builtins(st);
		return 0;
	}
	int status = 0;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "topics") == 0 && !builtin_help_find(argv[i]))
			list_topics(st);
		else if (builtin_help_print(st, argv[i], synopsis_only) != 0)
			status = 1;
	}
	return status;
}
