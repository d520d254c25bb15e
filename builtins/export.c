/* export.c: the export special builtin (POSIX): mark variables for child environments */

#include <string.h>

#include "../src/state.h"
#include "builtin.h"

/* Prints NAME='value' quoted so the line can be read back by the shell. */
void builtin_print_assignment(struct stage *st, const char *prefix, const char *name, const char *value)
{
	io_puts(st, 1, prefix);
	io_puts(st, 1, name);
	if (value) {
		io_puts(st, 1, "='");
		for (const char *p = value; *p; p++) {
			if (*p == '\'')
				io_puts(st, 1, "'\"'\"'");
			else
				io_write(st, 1, p, 1);
		}
		io_puts(st, 1, "'");
	}
	io_puts(st, 1, "\n");
}

/* One NAME[=value] operand of export or readonly; true when the builtin
 * stops there. The operand is left as it was: it is $_ afterwards. */
static bool declare_one(struct stage *st, const char *cmd, char *arg, unsigned flag,
                        bool unexport, int *status)
{
	bool stop = false;
	char *eq = strchr(arg, '=');
	if (eq)
		*eq = '\0';
	if (!is_name(arg)) {
		stage_error(st, "%s: %s: bad variable name", cmd, arg);
		*status = builtin_fatal(st, 2);
		stop = true;
	} else if (unexport) {
		if (eq && stage_var_set(st, arg, eq + 1) != 0)
			*status = 1;
		state_var_unexport(arg);
	} else if (eq && stage_var_set(st, arg, eq + 1) != 0) {
		/* a local of that name gets the attribute; else the shared variable */
		*status = builtin_fatal(st, 1);
		stop = true;
	} else {
		struct sbuf cur = SBUF_INIT;
		bool isset = stage_var_get(st, arg, &cur);
		if (stage_var_flag(st, arg, flag) != 0 && isset)
			*status = 1;
		sbuf_free(&cur);
	}
	if (eq)
		*eq = '=';
	return stop;
}

/* Shared by export and readonly: NAME[=value]... with attribute flag. */
int builtin_declare(struct stage *st, int argc, char **argv, unsigned flag, const char *prefix)
{
	int i = 1, status = 0;
	bool print = false, unexport = false;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'p')
				print = true;
			else if (*p == 'n' && flag == VAR_EXPORT)
				unexport = true;
			else {
				builtin_usage_error(st, argv[0], argv[i], *p);
				return builtin_fatal(st, 2);
			}
		}
	}
	if (i >= argc && !unexport) {
		(void)print;
		struct var_entry *list;
		size_t n = state_var_list(flag, &list);
		for (size_t k = 0; k < n; k++)
			builtin_print_assignment(st, prefix, list[k].name, list[k].value);
		state_var_list_free(list, n);
		return 0;
	}
	for (; i < argc && !declare_one(st, argv[0], argv[i], flag, unexport, &status); i++)
		;
	return status;
}

int builtin_export(struct stage *st, int argc, char **argv)
{
	return builtin_declare(st, argc, argv, VAR_EXPORT, "export ");
}
