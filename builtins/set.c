/* set.c: the set special builtin (POSIX): options and positional parameters */

#include <string.h>

#include "../src/state.h"
#include "builtin.h"

static void list_variables(struct stage *st)
{
	struct var_entry *list;
	size_t n = state_var_list(0, &list);
	for (size_t i = 0; i < n; i++)
		builtin_print_assignment(st, "", list[i].name, list[i].value);
	state_var_list_free(list, n);
}

static void list_options(struct stage *st, bool as_commands)
{
	for (int o = 0; o < OPT_COUNT; o++) {
		if (o == OPT_INTERACTIVE || o == OPT_STDIN)
			continue;
		bool on = state_opt((enum shopt)o);
		if (as_commands)
			io_printf(st, 1, "set %co %s\n", on ? '-' : '+', state_opt_name((enum shopt)o));
		else
			io_printf(st, 1, "%-15s %s\n", state_opt_name((enum shopt)o), on ? "on" : "off");
	}
}

static bool settable(enum shopt o)
{
	return o != OPT_COUNT && o != OPT_INTERACTIVE && o != OPT_STDIN;
}

int builtin_set(struct stage *st, int argc, char **argv)
{
	int i = 1;
	bool set_args = false;
	if (argc == 1) {
		list_variables(st);
		return 0;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-") == 0 || strcmp(a, "+") == 0) {
			/* `set -` turns off -v and -x (`set +` changes nothing);
			 * what follows are the arguments, and with nothing
			 * after it the positional parameters stay (as dash, bash) */
			if (a[0] == '-') {
				state_opt_set(OPT_VERBOSE, false);
				state_opt_set(OPT_XTRACE, false);
			}
			i++;
			break;
		}
		if (a[0] != '-' && a[0] != '+')
			break;
		if (strcmp(a, "--") == 0) {
			i++;
			set_args = true;
			break;
		}
		bool on = a[0] == '-';
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'o') {
				if (i + 1 >= argc) {
					list_options(st, !on);
					continue;
				}
				enum shopt o = state_opt_by_name(argv[++i]);
				if (!settable(o)) {
					builtin_usage(st, "set", "%s: unknown option name", argv[i]);
					return builtin_fatal(st, 2);
				}
				state_opt_set(o, on);
				continue;
			}
			bool found = false;
			for (int o = 0; o < OPT_COUNT; o++)
				if (state_opt_letter((enum shopt)o) == *p && settable((enum shopt)o)) {
					state_opt_set((enum shopt)o, on);
					found = true;
				}
			if (!found) {
				builtin_usage_error(st, "set", a, *p);
				return builtin_fatal(st, 2);
			}
		}
	}
	if (i < argc || set_args) {
		struct args *a = args_new(argc - i, argv + i);
		args_unref(st->args);
		st->args = a;
	}
	return 0;
}
