/* fc.c: the fc builtin (POSIX): lists, edits and re-executes history entries */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtin.h"
#include "../src/exec.h"
#include "../src/history.h"

/*
 * fc [-r] [-e editor] [first [last]]   edit, then run the edited commands
 * fc -l [-nr] [first [last]]           list ("%ld\t%s"; -n: "\t%s")
 * fc -s [old=new] [first]              run again, with old replaced by new
 * first and last are a number (absolute), a negative number (counted back
 * from the fc command itself: -1 is the previous command) or a string (the
 * most recent command that starts with it). The fc command is the newest
 * entry while it runs; -s and editing replace it by what they ran, as bash
 * does, and write that to standard error before running it. The editor is
 * -e, else $FCEDIT, else ed (POSIX).
 */

/* Resolves spec to an entry number; 0 after an error message. With
 * `clamp`, numbers outside the list are brought into it (fc -l 1 999). */
static long resolve(struct stage *st, const char *spec, long first, long cur, bool clamp)
{
	long n;
	if (parse_long(spec, &n)) {
		if (n < 0)
			n = cur + n;
		else if (n == 0)
			n = cur - 1;
		if (clamp) {
			if (n < first)
				n = first;
			if (n > cur)
				n = cur;
		}
		if (n >= first && n <= cur)
			return n;
		stage_error(st, "fc: %s: history specification out of range", spec);
		return 0;
	}
	size_t len = strlen(spec);
	for (long i = cur - 1; i >= first; i--) {
		char *e = history_get(i);
		bool hit = e && strncmp(e, spec, len) == 0;
		free(e);
		if (hit)
			return i;
	}
	stage_error(st, "fc: %s: no command found", spec);
	return 0;
}

/* Runs text as the replacement of the fc command. */
static int run(struct stage *st, const char *text)
{
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == '\n')
		len--;
	char *entry = xstrndup(text, len);
	history_replace_last(entry);
	io_write(st, 2, entry, len);
	io_write(st, 2, "\n", 1);
	io_flush(st);
	int status = exec_string(st, entry, len, "fc");
	free(entry);
	return status;
}

static int substitute(struct stage *st, const char *pat, const char *spec, long first, long cur)
{
	long n = spec ? resolve(st, spec, first, cur, false) : cur - 1;
	char *e = n >= first ? history_get(n) : NULL;
	if (!e) {
		if (!spec || n)
			stage_error(st, "fc: no command found");
		return 1;
	}
	struct sbuf b = SBUF_INIT;
	const char *eq = pat ? strchr(pat, '=') : NULL;
	char *hit = NULL;
	if (eq && eq > pat) {
		char *old = xstrndup(pat, (size_t)(eq - pat));
		hit = strstr(e, old);
		if (hit) {
			sbuf_addn(&b, e, (size_t)(hit - e));
			sbuf_adds(&b, eq + 1);
			sbuf_adds(&b, hit + strlen(old));
		}
		free(old);
	}
	if (!hit)
		sbuf_adds(&b, e);
	free(e);
	sbuf_addc(&b, '\0');
	int status = run(st, b.data);
	sbuf_free(&b);
	return status;
}

static int edit(struct stage *st, const char *editor, long from, long to, bool reverse)
{
	char *tmpdir = stage_var_dup(st, "TMPDIR");
	char *path = xasprintf("%s/conch-fc.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	free(tmpdir);
	int status = 1;
	int fd = mkstemp(path);
	if (fd < 0) {
		stage_error(st, "fc: %s: %s", path, strerror(errno));
		free(path);
		return 1;
	}
	struct strvec v = STRVEC_INIT;
	history_copy(from, to, &v);
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < v.n; i++) {
		sbuf_adds(&b, v.v[reverse ? v.n - 1 - i : i]);
		sbuf_addc(&b, '\n');
	}
	strvec_free(&v);
	bool ok = b.len == 0 || write(fd, b.data, b.len) == (ssize_t)b.len;
	close(fd);
	sbuf_reset(&b);
	if (!ok) {
		stage_error(st, "fc: %s: %s", path, strerror(errno));
		goto out;
	}
	/* the editor is a command line (FCEDIT='vi -u NONE'); the file name
	 * is quoted */
	sbuf_adds(&b, editor);
	sbuf_adds(&b, " '");
	sbuf_adds(&b, path);
	sbuf_adds(&b, "'");
	status = exec_string(st, b.data, b.len, "fc");
	if (status != 0)
		goto out;
	sbuf_reset(&b);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		stage_error(st, "fc: %s: %s", path, strerror(errno));
		status = 1;
		goto out;
	}
	char buf[4096];
	ssize_t n;
	while ((n = read(fd, buf, sizeof buf)) > 0)
		sbuf_addn(&b, buf, (size_t)n);
	close(fd);
	sbuf_addc(&b, '\0');
	status = b.data[0] ? run(st, b.data) : 0;
out:
	unlink(path);
	free(path);
	sbuf_free(&b);
	return status;
}

int builtin_fc(struct stage *st, int argc, char **argv)
{
	bool list = false, numbers = true, reverse = false, again = false;
	const char *editor = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		long dummy;
		if (parse_long(argv[i], &dummy))
			break;   /* a negative number is an operand */
		for (const char *p = argv[i] + 1; *p; p++) {
			switch (*p) {
			case 'l': list = true; break;
			case 'n': numbers = false; break;
			case 'r': reverse = true; break;
			case 's': again = true; break;
			case 'e':
				if (p[1]) {
					editor = p + 1;
				} else if (i + 1 < argc) {
					editor = argv[++i];
				} else {
					builtin_usage(st, "fc", "-e: option requires an argument");
					return 2;
				}
				p += strlen(p) - 1;
				break;
			default:
				builtin_usage_error(st, "fc", argv[i], *p);
				return 2;
			}
		}
	}
	long first, cur;
	history_range(&first, &cur);
	if (cur < first) {
		stage_error(st, "fc: history is empty");
		return 1;
	}
	if (again) {
		const char *pat = NULL, *spec = NULL;
		if (i < argc && strchr(argv[i], '='))
			pat = argv[i++];
		if (i < argc)
			spec = argv[i++];
		return substitute(st, pat, spec, first, cur);
	}
	long from, to;
	if (i < argc) {
		from = resolve(st, argv[i], first, cur, list);
		if (!from)
			return 1;
		if (i + 1 < argc) {
			to = resolve(st, argv[i + 1], first, cur, list);
			if (!to)
				return 1;
		} else {
			to = list ? cur - 1 : from;
		}
	} else if (list) {
		from = cur - 16 < first ? first : cur - 16;
		to = cur - 1;
	} else {
		from = to = cur - 1;
	}
	if (from > to) {
		long t = from;
		from = to;
		to = t;
		reverse = !reverse;
	}
	if (from < first)
		from = first;
	if (!list) {
		char *ed = editor ? xstrdup(editor) : stage_var_dup(st, "FCEDIT");
		if (!ed || !*ed) {
			free(ed);
			ed = xstrdup("ed");
		}
		int status = edit(st, ed, from, to, reverse);
		free(ed);
		return status;
	}
	struct strvec v = STRVEC_INIT;
	history_copy(from, to, &v);
	for (size_t k = 0; k < v.n; k++) {
		size_t idx = reverse ? v.n - 1 - k : k;
		if (numbers)
			io_printf(st, 1, "%ld\t%s\n", from + (long)idx, v.v[idx]);
		else
			io_printf(st, 1, "\t%s\n", v.v[idx]);
	}
	strvec_free(&v);
	return 0;
}
