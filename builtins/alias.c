/* alias.c: the alias builtin (POSIX): defines and lists aliases */
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "../src/state.h"

/*
 * alias [-p] [name[=value]...]. With no operands every alias is listed,
 * sorted, as `name='value'` quoted so that `eval "alias $(alias name)"`
 * defines it again. `name=value` defines; `name` alone prints that alias,
 * or fails (status 1) when there is none; the other operands are still
 * processed. A name may not be empty nor contain blanks, quotes, `/`, `$`,
 * `` ` ``, `\` or the operators | & ; < > ( ).
 * -p (bash) prints each alias as a whole command, `alias name='value'`
 * (`alias -- -x='...'` for a name that looks like an option), so that the
 * output can be run as it is. With names, only those are printed (bash
 * prints every alias first).
 */

static void print_alias(struct stage *st, const char *name, const char *value, bool command)
{
	struct sbuf b = SBUF_INIT;

	if (command)
		sbuf_adds(&b, name[0] == '-' ? "alias -- " : "alias ");
	sbuf_adds(&b, name);
	sbuf_adds(&b, "='");
	for (const char *p = value; *p; p++) {
		if (*p == '\'')
			sbuf_adds(&b, "'\\''");
		else
			sbuf_addc(&b, *p);
	}
	sbuf_adds(&b, "'\n");
	io_write(st, 1, b.data, b.len);
	sbuf_free(&b);
}

static bool valid_name(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strchr(" \t\n|&;<>()$`\\\"'/", s[i]) != NULL)
			return false;
	return true;
}

int builtin_alias(struct stage *st, int argc, char **argv)
{
	int status = 0, i = 1;
	bool command = false;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p != 'p') {
				builtin_usage_error(st, "alias", argv[i], *p);
				return 2;
			}
			command = true;
		}
	}
	if (i == argc) {
		struct var_entry *list;
		size_t n = state_alias_list(&list);
		for (size_t k = 0; k < n; k++)
			print_alias(st, list[k].name, list[k].value ? list[k].value : "", command);
		state_var_list_free(list, n);
		return 0;
	}
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (eq != NULL) {
			if (!valid_name(argv[i], (size_t)(eq - argv[i]))) {
				stage_error(st, "alias: '%.*s': invalid alias name",
				            (int)(eq - argv[i]), argv[i]);
				status = 1;
				continue;
			}
			*eq = '\0';
			state_alias_set(argv[i], eq + 1);
			*eq = '=';
			continue;
		}
		char *value = state_alias_get(argv[i]);
		if (value == NULL) {
			stage_error(st, "alias: %s: not found", argv[i]);
			status = 1;
			continue;
		}
		print_alias(st, argv[i], value, command);
		free(value);
	}
	return status;
}
