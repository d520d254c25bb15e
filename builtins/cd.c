/* cd.c: the cd builtin (POSIX): changes the working directory */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "../src/state.h"

/*
 * POSIX cd, steps 1-10 of XCU cd. With -L (the default) the new $PWD is the
 * logical path: relative operands are joined to $PWD and `.`/`..` are
 * removed textually (`..` after a symlink goes back to where the symlink
 * was), and that canonical path is what is changed to. With -P the operand
 * is changed to as given and $PWD is the physical result (getcwd). The last
 * of -L and -P wins; -e is accepted and ignored.
 *
 * `cd` alone goes to $HOME (an error if HOME is unset, nothing if it is
 * empty); `cd -` goes to $OLDPWD and prints the new directory; a directory
 * found through a non-empty CDPATH entry prints the new directory too.
 * `cd ""` does nothing and succeeds (bash).
 */

static bool is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* First component is . or .. (CDPATH is then not searched). */
static bool dot_first(const char *d)
{
	if (d[0] != '.')
		return false;
	if (d[1] == '\0' || d[1] == '/')
		return true;
	return d[1] == '.' && (d[2] == '\0' || d[2] == '/');
}

/*
 * Step 8: canonical form of the absolute path in: no `.`, no `..`, no
 * repeated or trailing slashes. Before a `..` removes a component, the path
 * up to that component must be a directory. Returns 0 or an errno value.
 */
static int canonical(const char *in, struct sbuf *out)
{
	sbuf_reset(out);
	sbuf_addc(out, '/');
	while (*in) {
		while (*in == '/')
			in++;
		size_t n = strcspn(in, "/");
		if (n == 0 || (n == 1 && in[0] == '.')) {
			in += n;
			continue;
		}
		if (n == 2 && in[0] == '.' && in[1] == '.') {
			if (out->len > 1) {
				if (!is_dir(out->data))
					return errno ? errno : ENOTDIR;
				char *slash = strrchr(out->data, '/');
				out->len = slash == out->data ? 1 : (size_t)(slash - out->data);
				out->data[out->len] = '\0';
			}
			in += n;
			continue;
		}
		if (out->len > 1)
			sbuf_addc(out, '/');
		sbuf_addn(out, in, n);
		in += n;
	}
	return 0;
}

/* Step 5: CDPATH search. Returns the path to use (malloc'd) or NULL;
 * *print is set when a non-empty entry was used. */
static char *cdpath_search(struct stage *st, const char *dir, bool *print)
{
	char *cdpath = stage_var_dup(st, "CDPATH");
	char *found = NULL;

	if (cdpath == NULL)
		return NULL;
	for (const char *p = cdpath;; ) {
		size_t n = strcspn(p, ":");
		char *cand;
		if (n == 0)
			cand = xasprintf("./%s", dir);
		else
			cand = xasprintf("%.*s%s%s", (int)n, p,
			                 p[n - 1] == '/' ? "" : "/", dir);
		if (is_dir(cand)) {
			found = cand;
			*print = n > 0;
			break;
		}
		free(cand);
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
	free(cdpath);
	return found;
}

int builtin_cd(struct stage *st, int argc, char **argv)
{
	bool physical = false, print = false;
	int status = 0, i = 1, err;
	char *dir = NULL, *curpath = NULL, *pwd = NULL;
	struct sbuf canon = SBUF_INIT;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'L' || *p == 'P') {
				physical = *p == 'P';
			} else if (*p != 'e') {
				builtin_usage_error(st, "cd", argv[i], *p);
				status = 2;
				goto out;
			}
		}
	}
	if (argc - i > 1) {
		stage_error(st, "cd: too many arguments");
		status = 2;
		goto out;
	}

	/* Steps 1-2: no operand is $HOME; `-` is $OLDPWD. */
	if (i == argc) {
		dir = stage_var_dup(st, "HOME");
		if (dir == NULL) {
			stage_error(st, "cd: HOME not set");
			status = 1;
			goto out;
		}
	} else if (strcmp(argv[i], "-") == 0) {
		dir = stage_var_dup(st, "OLDPWD");
		if (dir == NULL || *dir == '\0') {
			stage_error(st, "cd: OLDPWD not set");
			status = 1;
			goto out;
		}
		print = true;
	} else {
		dir = xstrdup(argv[i]);
	}
	if (*dir == '\0')
		goto out;

	/* Steps 3-6 */
	if (dir[0] != '/' && !dot_first(dir))
		curpath = cdpath_search(st, dir, &print);
	if (curpath == NULL)
		curpath = xstrdup(dir);

	/* Steps 7-8: the logical path. */
	if (!physical) {
		if (curpath[0] != '/') {
			pwd = state_cwd();
			char *joined = xasprintf("%s%s%s", pwd,
			        pwd[0] && pwd[strlen(pwd) - 1] == '/' ? "" : "/", curpath);
			free(curpath);
			curpath = joined;
		}
		errno = 0;
		err = canonical(curpath, &canon);
		if (err != 0)
			goto fail;
		free(curpath);
		curpath = sbuf_detach(&canon);
	}

	/* Step 10 */
	err = state_chdir(curpath, physical ? NULL : curpath);
	if (err != 0)
		goto fail;
	if (print) {
		free(pwd);
		pwd = state_cwd();
		io_puts(st, 1, pwd);
		io_write(st, 1, "\n", 1);
	}
	goto out;
fail:
	stage_error(st, "cd: %s: %s", dir, strerror(err));
	status = 1;
out:
	sbuf_free(&canon);
	free(pwd);
	free(curpath);
	free(dir);
	return status;
}
