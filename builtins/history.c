/* history.c: the history builtin (bash's): lists, clears or deletes history entries */
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "../src/history.h"

/*
 * history        lists every entry as "%5ld  text" (bash's format)
 * history N      lists the last N entries
 * history -c     clears the list (the file is kept)
 * history -d N   deletes entry N (the later ones move down by one)
 * An entry of several lines is printed with its newlines.
 */

static void list(struct stage *st, long from, long to)
{
	struct strvec v = STRVEC_INIT;
	history_copy(from, to, &v);
	long first, last;
	history_range(&first, &last);
	if (from < first)
		from = first;
	for (size_t i = 0; i < v.n; i++)
		io_printf(st, 1, "%5ld  %s\n", from + (long)i, v.v[i]);
	strvec_free(&v);
}

int builtin_history(struct stage *st, int argc, char **argv)
{
	long first, last;
	history_range(&first, &last);
	if (argc == 1) {
		list(st, first, last);
		return 0;
	}
	const char *a = argv[1];
	if (strcmp(a, "-c") == 0 && argc == 2) {
		history_clear();
		return 0;
	}
	if (strcmp(a, "-d") == 0 && argc == 3) {
		long n;
		if (!parse_long(argv[2], &n) || !history_delete(n)) {
			stage_error(st, "history: %s: history position out of range", argv[2]);
			return 1;
		}
		return 0;
	}
	long n;
	if (a[0] != '-' && argc == 2 && parse_long(a, &n) && n >= 0) {
		list(st, n == 0 ? last + 1 : last - n + 1, last);
		return 0;
	}
	if (a[0] == '-' && a[1] && strcmp(a, "-c") != 0 && strcmp(a, "-d") != 0 && !parse_long(a, &n))
		return builtin_usage_error(st, "history", a, 0);
	return builtin_usage(st, "history", "%s: invalid arguments", a);
}
