/* complete.c: completion candidates for the line editor (names only, never shell code) */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../builtins/builtin.h"
#include "complete.h"
#include "state.h"

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts, drops duplicates, NULL-terminates and hands over v's array. */
static char **finish(struct strvec *v)
{
	if (v->n == 0) {
		strvec_free(v);
		return NULL;
	}
	qsort(v->v, v->n, sizeof *v->v, cmp);
	size_t w = 0;
	for (size_t i = 0; i < v->n; i++) {
		if (w > 0 && strcmp(v->v[w - 1], v->v[i]) == 0)
			free(v->v[i]);
		else
			v->v[w++] = v->v[i];
	}
	v->n = w;
	return strvec_argv(v);
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void add_path_commands(struct strvec *out, const char *prefix)
{
	char *path = state_var_dup("PATH");
	if (!path)
		return;
	size_t pl = strlen(prefix);
	for (char *dir = path, *next; dir; dir = next) {
		next = strchr(dir, ':');
		if (next)
			*next++ = '\0';
		DIR *d = opendir(*dir ? dir : ".");
		if (!d)
			continue;
		struct dirent *e;
		while ((e = readdir(d)) != NULL) {
			if (e->d_name[0] == '.' && pl == 0)
				continue;
			if (strncmp(e->d_name, prefix, pl) != 0)
				continue;
			char *full = xasprintf("%s/%s", *dir ? dir : ".", e->d_name);
			struct stat sb;
			if (stat(full, &sb) == 0 && S_ISREG(sb.st_mode) && access(full, X_OK) == 0)
				strvec_pushdup(out, e->d_name);
			free(full);
		}
		closedir(d);
	}
	free(path);
}

char **complete_commands(const char *prefix)
{
	struct strvec out = STRVEC_INIT;
	size_t n;
	const struct builtin *t = builtin_table(&n);
	for (size_t i = 0; i < n; i++)
		if (starts(t[i].name, prefix))
			strvec_pushdup(&out, t[i].name);
	static const char *const words[] = {
		"case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in",
		"then", "until", "while",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (starts(words[i], prefix))
			strvec_pushdup(&out, words[i]);
	struct strvec funcs = STRVEC_INIT;
	state_func_names(&funcs);
	for (size_t i = 0; i < funcs.n; i++)
		if (starts(funcs.v[i], prefix))
			strvec_pushdup(&out, funcs.v[i]);
	strvec_free(&funcs);
	struct var_entry *al;
	size_t na = state_alias_list(&al);
	for (size_t i = 0; i < na; i++)
		if (starts(al[i].name, prefix))
			strvec_pushdup(&out, al[i].name);
	state_var_list_free(al, na);
	add_path_commands(&out, prefix);
	return finish(&out);
}

char **complete_variables(const char *prefix)
{
	struct strvec out = STRVEC_INIT;
	struct var_entry *vars;
	size_t n = state_var_list(0, &vars);
	for (size_t i = 0; i < n; i++)
		if (vars[i].value && starts(vars[i].name, prefix))
			strvec_pushdup(&out, vars[i].name);
	state_var_list_free(vars, n);
	return finish(&out);
}

char **complete_options(const char *name, const char *prefix)
{
	const char *opts = builtin_options(name);
	if (!opts)
		return NULL;
	struct strvec out = STRVEC_INIT;
	for (const char *s = opts; *s;) {
		size_t len = strcspn(s, " ");
		if (len > 0 && strncmp(s, prefix, strlen(prefix)) == 0 && len >= strlen(prefix))
			strvec_push(&out, xstrndup(s, len));
		s += len;
		s += strspn(s, " ");
	}
	return finish(&out);
}
