/* exec.c: the executor: runs nodes of the syntax tree in a stage */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../builtins/builtin.h"
#include "exec.h"
#include "expand.h"
#include "jobctl.h"
#include "jobs.h"
#include "net.h"
#include "parse.h"
#include "path.h"
#include "pattern.h"
#include "pipeline.h"
#include "prompt.h"
#include "redir.h"
#include "signals.h"
#include "spawn.h"
#include "state.h"

static const char *const keywords[] = {
	"!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if",
	"in", "then", "until", "while", "{", "}",
};

bool builtin_is_keyword(const char *name)
{
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strcmp(keywords[i], name) == 0)
			return true;
	return false;
}

/* The program `name` names (no '/'), as path_lookup; in a confined stage
 * (a command substitution run without a fork) with the stage's own PATH,
 * and without adding to the shell's table. Caller frees. */
static char *exec_path_lookup(struct stage *st, const char *name, int *err)
{
	if (!st->confined)
		return path_lookup(name, err);
	char *mine = stage_var_dup(st, "PATH");
	char *shared = state_var_dup("PATH");
	char *r;
	if ((mine == NULL) != (shared == NULL) || (mine && strcmp(mine, shared) != 0))
		r = path_search(name, mine, err);
	else
		r = path_find(name, false, err);
	free(mine);
	free(shared);
	return r;
}

enum cmd_kind exec_lookup(const char *name, char **path)
{
	*path = NULL;
	if (strchr(name, '/')) {
		*path = xstrdup(name);
		return CMD_EXTERNAL;
	}
	const struct builtin *b = builtin_find(name);
	if (b && (b->flags & BUILTIN_SPECIAL))
		return CMD_SPECIAL;
	struct func f;
	if (state_func_get(name, &f)) {
		state_func_release(&f);
		return CMD_FUNCTION;
	}
	if (b)
		return CMD_BUILTIN;
	int err;
	*path = path_lookup(name, &err);
	return *path ? CMD_EXTERNAL : CMD_NOTFOUND;
}

/* --- errexit and status ------------------------------------------------ */

static int set_status(struct stage *st, int status)
{
	st->status = status;
	return status;
}

/* POSIX 2.8.1 / set -e: a failed command ends a non-interactive shell
 * (or this stage), unless it runs where failure is expected. */
static void check_errexit(struct stage *st, int status)
{
	if (status != 0 && st->errexit_off == 0 && st->flow == FLOW_NONE &&
	    state_opt(OPT_ERREXIT))
		st->flow = FLOW_EXIT;
}

/* POSIX 2.8.1: errors in special builtins end a non-interactive shell. */
static void special_error_exit(struct stage *st)
{
	if (!state_opt(OPT_INTERACTIVE))
		st->flow = FLOW_EXIT;
}

/* --- xtrace --------------------------------------------------------------- */

static bool needs_quotes(const char *s)
{
	if (!*s)
		return true;
	for (; *s; s++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=/.,:@%^", *s))
			return true;
	return false;
}

static void quote_word(struct sbuf *b, const char *s)
{
	if (!needs_quotes(s)) {
		sbuf_adds(b, s);
		return;
	}
	sbuf_addc(b, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			sbuf_adds(b, "'\\''");
		else
			sbuf_addc(b, *s);
	}
	sbuf_addc(b, '\'');
}

static void xtrace(struct stage *st, char **assigns, size_t nassigns, char **argv, size_t argc)
{
	struct sbuf b = SBUF_INIT;
	char *ps4 = prompt_expand(st, "PS4", "+ ", false);
	sbuf_adds(&b, ps4);
	free(ps4);
	bool first = true;
	for (size_t i = 0; i < nassigns; i++) {
		if (!first)
			sbuf_addc(&b, ' ');
		first = false;
		const char *eq = strchr(assigns[i], '=');
		sbuf_addn(&b, assigns[i], (size_t)(eq - assigns[i]) + 1);
		quote_word(&b, eq + 1);
	}
	for (size_t i = 0; i < argc; i++) {
		if (!first)
			sbuf_addc(&b, ' ');
		first = false;
		quote_word(&b, argv[i]);
	}
	sbuf_addc(&b, '\n');
	io_write(st, 2, b.data, b.len);
	io_flush(st);
	sbuf_free(&b);
}

/* --- assignments ------------------------------------------------------------ */

/* Expands the assignments of a simple command into "name=value" strings. */
static int expand_assigns(struct stage *st, const struct node *n, struct strvec *out)
{
	for (size_t i = 0; i < n->u.simple.nassigns; i++) {
		const struct assign *a = &n->u.simple.assigns[i];
		char *v = NULL;
		if (expand_word_str(st, a->value, &v) != 0)
			return -1;
		strvec_push(out, xassign(a->name, v));
		free(v);
	}
	return 0;
}

static int assign_persistent(struct stage *st, struct strvec *as)
{
	for (size_t i = 0; i < as->n; i++) {
		char *eq = strchr(as->v[i], '=');
		*eq = '\0';
		int rc = stage_var_set(st, as->v[i], eq + 1);
		*eq = '=';
		if (rc != 0) {
			/* POSIX 2.8.1: variable assignment error exits */
			special_error_exit(st);
			return -1;
		}
	}
	return 0;
}

static int assign_temporary(struct stage *st, struct strvec *as)
{
	for (size_t i = 0; i < as->n; i++) {
		char *eq = strchr(as->v[i], '=');
		*eq = '\0';
		bool ro = state_var_flags(as->v[i], NULL) & VAR_READONLY;
		if (ro)
			stage_error(st, "%s: readonly variable", as->v[i]);
		*eq = '=';
		if (ro) {
			special_error_exit(st);
			return -1;
		}
	}
	stage_scope_push(st, true);
	for (size_t i = 0; i < as->n; i++) {
		char *eq = strchr(as->v[i], '=');
		*eq = '\0';
		struct local_var *v = xcalloc(1, sizeof *v);
		v->name = xstrdup(as->v[i]);
		v->value = xstrdup(eq + 1);
		v->flags = 1; /* VAR_EXPORT */
		v->next = st->scope->vars;
		st->scope->vars = v;
		*eq = '=';
	}
	return 0;
}

/* --- running commands ---------------------------------------------------------- */

static void stage_stop_on_epipe(struct stage *st)
{
	/* A write to a closed pipe: end as a process killed by SIGPIPE would. */
	if (st->is_main || st->is_subshell) {
		signal(SIGPIPE, SIG_DFL);
		sigset_t s;
		sigemptyset(&s);
		sigaddset(&s, SIGPIPE);
		pthread_sigmask(SIG_UNBLOCK, &s, NULL);
		raise(SIGPIPE);
	}
	st->flow = FLOW_EXIT;
}

static int finish_builtin_io(struct stage *st, const char *name, int status)
{
	int err = io_flush(st);
	io_reset(st);
	if (!err)
		return status;
	if (err == EPIPE) {
		stage_stop_on_epipe(st);
		return 141;
	}
	stage_error(st, "%s: write error: %s", name, strerror(err));
	return status ? status : 1;
}

static int run_builtin(struct stage *st, const struct builtin *b, struct strvec *argv,
                       struct strvec *assigns, const struct node *n)
{
	bool special = b->flags & BUILTIN_SPECIAL;
	/* `exec >f` and `command exec >f` keep their redirections */
	bool keep_redirs = (b->fn == builtin_exec && argv->n == 1) ||
	                   (b->fn == builtin_command && argv->n == 2 && strcmp(argv->v[1], "exec") == 0);
	size_t mark = fdmap_mark(&st->fds);
	int status;
	if (redir_apply(st, n->redirs) != 0) {
		fdmap_pop_to(&st->fds, mark);
		if (special) {
			special_error_exit(st);
			if (st->flow == FLOW_EXIT)
				st->status = 2;   /* the shell ends: a shell error, as in dash */
		}
		return st->status;
	}
	bool exec_cmd = b->fn == builtin_exec && argv->n > 1;
	if (exec_cmd && assigns->n) {
		if (assign_temporary(st, assigns) != 0) {   /* exported to the program */
			fdmap_pop_to(&st->fds, mark);
			return 1;
		}
	} else if (special) {
		if (assign_persistent(st, assigns) != 0) {
			fdmap_pop_to(&st->fds, mark);
			return 1;
		}
	} else if (assigns->n && assign_temporary(st, assigns) != 0) {
		fdmap_pop_to(&st->fds, mark);
		return 1;
	}
	io_reset(st);
	status = builtin_run(st, b, (int)argv->n, argv->v);
	status = finish_builtin_io(st, argv->v[0], status);
	if ((!special || exec_cmd) && assigns->n)
		stage_scope_pop(st);
	if (keep_redirs)
		fdmap_settle(&st->fds, mark);
	else
		fdmap_pop_to(&st->fds, mark);
	return status;
}

static int run_function(struct stage *st, struct func *f, struct strvec *argv,
                        struct strvec *assigns, const struct node *n)
{
	size_t mark = fdmap_mark(&st->fds);
	if (redir_apply(st, n->redirs) != 0) {
		fdmap_pop_to(&st->fds, mark);
		return st->status;
	}
	if (!stage_nest_enter(st, argv->v[0])) {
		fdmap_pop_to(&st->fds, mark);
		return 2;
	}
	if (assigns->n && assign_temporary(st, assigns) != 0) {
		fdmap_pop_to(&st->fds, mark);
		return 1;
	}
	struct args *saved_args = st->args;
	struct unit *saved_unit = st->unit;
	st->args = args_new((int)argv->n - 1, argv->v + 1);
	st->unit = f->unit;
	stage_scope_push(st, false);
	st->func_depth++;
	int loops = st->loop_depth;
	st->loop_depth = 0;
	int status = exec_node(st, f->body);
	st->loop_depth = loops;
	st->func_depth--;
	stage_nest_leave(st);
	if (st->flow == FLOW_RETURN || st->flow == FLOW_BREAK || st->flow == FLOW_CONTINUE)
		st->flow = FLOW_NONE;
	stage_scope_pop(st);
	args_unref(st->args);
	st->args = saved_args;
	st->unit = saved_unit;
	if (assigns->n)
		stage_scope_pop(st);
	fdmap_pop_to(&st->fds, mark);
	return set_status(st, status);
}

static int build_env(struct stage *st, struct strvec *assigns, struct child_env *env)
{
	if (assigns->n && assign_temporary(st, assigns) != 0)
		return -1;
	stage_env(st, env);
	if (assigns->n)
		stage_scope_pop(st);
	return 0;
}

static int exec_error_status(struct stage *st, const char *name, int err, bool by_path)
{
	if (err == ENOENT) {
		if (by_path)
			stage_error(st, "%s: No such file or directory", name);
		else
			stage_error(st, "%s: command not found", name);
		return 127;
	}
	if (err == EACCES || err == EISDIR || err == EPERM) {
		stage_error(st, "%s: permission denied", name);
		return 126;
	}
	stage_error(st, "%s: %s", name, strerror(err));
	return 126;
}

/* The foreground job of one process that st started in st->grp (taken
 * from st): waits for it; failed is the status when pid < 0. */
static int wait_job(struct stage *st, pid_t pid, const struct node *n,
                    const struct strvec *argv, int failed)
{
	struct jobgrp *g = st->grp;
	st->grp = NULL;
	int status = failed;
	if (pid > 0) {
		struct sbuf text = SBUF_INIT;
		if (argv && (n->kind != NODE_SIMPLE || n->u.simple.nwords == 0)) {
			for (size_t i = 0; i < argv->n; i++)   /* command, exec_argv */
				sbuf_printf(&text, i ? " %s" : "%s", argv->v[i]);
		} else {
			ast_text(n, &text);
		}
		struct job *j = jobs_fg_new(g, st->unit, sbuf_str(&text));
		sbuf_free(&text);
		jobs_fg_add_proc(j, pid);
		int sig = jobs_fg_wait(st, j, &status);
		if (sig)
			status = jobctl_stopped(st, sig);
	}
	jobgrp_unref(g);
	return status;
}

static int run_external(struct stage *st, const char *path, struct strvec *argv,
                        struct strvec *assigns, const struct node *n, bool replace)
{
	size_t mark = fdmap_mark(&st->fds);
	if (redir_apply(st, n->redirs) != 0) {
		fdmap_pop_to(&st->fds, mark);
		return st->status;
	}
	struct child_env env = CHILD_ENV_INIT;
	if (build_env(st, assigns, &env) != 0) {
		fdmap_pop_to(&st->fds, mark);
		return 1;
	}
	int err = 0;
	io_flush(st);
	if (replace) {
		/* the last command of a forked child: become it */
		spawn_exec(st, path, argv->v, child_env_vector(&env), &err);
		child_env_free(&env);
		return exec_error_status(st, argv->v[0], err, strchr(argv->v[0], '/') != NULL);
	}
	bool job = jobctl_starts_jobs(st);
	if (job)
		st->grp = jobgrp_new(true);
	pid_t pid = spawn_program(st, path, argv->v, child_env_vector(&env), false, &err);
	child_env_free(&env);
	fdmap_pop_to(&st->fds, mark);
	if (job)
		return wait_job(st, pid, n, argv, pid < 0 ? exec_error_status(st, argv->v[0], err,
		                                                          strchr(argv->v[0], '/') != NULL) : 0);
	if (pid < 0)
		return exec_error_status(st, argv->v[0], err, strchr(argv->v[0], '/') != NULL);
	int ws;
	int status = jobctl_wait(st, pid, &ws);
	/* Ctrl-C ended a thread's program in the foreground: the thread stops
	 * too, as a subshell would die with it */
	if (!st->main_thread && st->grp && WIFSIGNALED(ws) && WTERMSIG(ws) == SIGINT &&
	    jobgrp_foreground(st->grp))
		atomic_store(&st->stop, true);
	jobs_report_death(st, argv->v[0], ws);
	return status;
}

int exec_replace(struct stage *st, int argc, char **argv)
{
	/* POSIX: exec runs a program, never a function or builtin */
	int err = ENOENT;
	char *path = strchr(argv[0], '/') ? xstrdup(argv[0]) : exec_path_lookup(st, argv[0], &err);
	struct strvec av = STRVEC_INIT;
	struct child_env env = CHILD_ENV_INIT;
	int status;
	if (!path) {
		status = exec_error_status(st, argv[0], err, false);
		st->flow = FLOW_EXIT;
		return status;
	}
	for (int i = 0; i < argc; i++)
		strvec_pushdup(&av, argv[i]);
	stage_env(st, &env);
	io_flush(st);
	if (st->is_main || st->is_subshell) {
		/* replace the process: arrange fds, then execve (no EXIT trap) */
		spawn_exec(st, path, av.v, child_env_vector(&env), &err);
		status = exec_error_status(st, argv[0], err, strchr(argv[0], '/') != NULL);
	} else {
		/* a thread stage: the command takes the stage's place */
		pid_t pid = spawn_program(st, path, av.v, child_env_vector(&env), false, &err);
		int ws = 0;
		status = pid < 0 ? exec_error_status(st, argv[0], err, strchr(argv[0], '/') != NULL)
		                 : jobctl_wait(st, pid, &ws);
		jobs_report_death(st, argv[0], ws);
	}
	free(path);
	strvec_free(&av);
	child_env_free(&env);
	st->flow = FLOW_EXIT;
	return status;
}

/* Expands a declaration utility's NAME=value operands without splitting
 * (POSIX 2.9.1, export/readonly/local). */
static int expand_decl_args(struct stage *st, const struct node *n, struct strvec *argv)
{
	struct word *const *w = n->u.simple.words;
	for (size_t i = 0; i < n->u.simple.nwords; i++) {
		const struct word_part *p0 = w[i]->nparts ? &w[i]->parts[0] : NULL;
		const char *eq = p0 && p0->kind == PART_LIT && !p0->quoted
		                 ? memchr(p0->u.lit.s, '=', p0->u.lit.len) : NULL;
		if (i > 0 && eq && is_name_n(p0->u.lit.s, (size_t)(eq - p0->u.lit.s))) {
			char *v = NULL;
			if (expand_word_str(st, w[i], &v) != 0)
				return -1;
			size_t name_len = (size_t)(eq - p0->u.lit.s) + 1;
			char *t = eq[1] == '~' || memchr(eq, ':', p0->u.lit.len - name_len + 1)
			          ? expand_assignment_tilde(st, v + name_len) : NULL;
			if (t) {
				v[name_len] = '\0';
				char *joined = xasprintf("%s%s", v, t);
				free(v);
				free(t);
				v = joined;
			}
			strvec_push(argv, v);
		} else if (expand_words(st, &w[i], 1, argv) != 0) {
			return -1;
		}
	}
	return 0;
}

static bool is_decl_command(const struct node *n)
{
	const char *s;
	size_t len;
	if (!n->u.simple.nwords || !word_is_plain(n->u.simple.words[0], &s, &len))
		return false;
	return (len == 6 && memcmp(s, "export", 6) == 0) ||
	       (len == 8 && memcmp(s, "readonly", 8) == 0) ||
	       (len == 5 && memcmp(s, "local", 5) == 0);
}

/* Assignments without a command (POSIX 2.9.1): the redirections are
 * performed first (and undone: there is no command), then the assignments
 * are expanded and made one by one, left to right, so `a=1 b=$a` sees the
 * new a. A failed redirection leaves the variables alone (as in dash). */
static int exec_assign_only(struct stage *st, const struct node *n)
{
	if (n->redirs) {
		size_t mark = fdmap_mark(&st->fds);
		int rc = redir_apply(st, n->redirs);
		fdmap_pop_to(&st->fds, mark);
		if (rc != 0)
			return st->status;
	}
	for (size_t i = 0; i < n->u.simple.nassigns; i++) {
		const struct assign *a = &n->u.simple.assigns[i];
		char *v = NULL;
		if (expand_word_str(st, a->value, &v) != 0)
			return st->status ? st->status : 1;
		if (state_opt(OPT_XTRACE)) {
			char *as = xassign(a->name, v);
			xtrace(st, &as, 1, NULL, 0);
			free(as);
		}
		int rc = stage_var_set(st, a->name, v);
		free(v);
		if (rc != 0) {
			special_error_exit(st);
			return 1;
		}
	}
	/* the status of the last command substitution, in a redirection or
	 * an assignment word, else 0 */
	return st->cmdsub_ran ? st->cmdsub_status : 0;
}

static int exec_simple(struct stage *st, const struct node *n)
{
	struct strvec argv = STRVEC_INIT, assigns = STRVEC_INIT;
	int status;
	bool tail = st->exec_tail && st->is_subshell;
	st->exec_tail = false;
	st->lineno = n->line;
	st->cmdsub_ran = false;
	if (state_opt(OPT_NOEXEC) && !state_opt(OPT_INTERACTIVE)) {
		status = 0;
		goto out;
	}
	int rc = is_decl_command(n) ? expand_decl_args(st, n, &argv)
	                            : expand_words(st, n->u.simple.words, n->u.simple.nwords, &argv);
	if (rc != 0) {
		status = st->status ? st->status : 1;
		goto out;
	}
	if (argv.n == 0) {
		status = exec_assign_only(st, n);
		goto out;
	}
	if (expand_assigns(st, n, &assigns) != 0) {
		status = st->status ? st->status : 1;
		goto out;
	}
	if (state_opt(OPT_XTRACE))
		xtrace(st, assigns.v, assigns.n, argv.v, argv.n);

	const char *name = argv.v[0];
	const struct builtin *b = strchr(name, '/') ? NULL : builtin_find(name);
	struct func f;
	if (b && (b->flags & BUILTIN_SPECIAL)) {
		status = run_builtin(st, b, &argv, &assigns, n);
	} else if (!strchr(name, '/') && state_func_get(name, &f)) {
		if (st->confined && !pipeline_function_confinable(st, &f))
			status = pipeline_run_forked(st, n);   /* redefined since judged */
		else
			status = run_function(st, &f, &argv, &assigns, n);
		state_func_release(&f);
	} else if (b) {
		status = run_builtin(st, b, &argv, &assigns, n);
	} else {
		int err = ENOENT;
		char *path = strchr(name, '/') ? xstrdup(name) : exec_path_lookup(st, name, &err);
		if (!path) {
			size_t mark = fdmap_mark(&st->fds);
			/* redirections are still performed (and may fail first) */
			if (redir_apply(st, n->redirs) != 0)
				status = st->status;
			else
				status = exec_error_status(st, name, err, false);
			fdmap_pop_to(&st->fds, mark);
		} else {
			status = run_external(st, path, &argv, &assigns, n, tail);
			free(path);
		}
	}
out:
	stage_take_lastarg(st, &argv);   /* $_ */
	strvec_free(&argv);
	strvec_free(&assigns);
	set_status(st, status);
	check_errexit(st, status);
	return status;
}

pid_t exec_simple_spawn(struct stage *st, const struct node *n, bool bg, int *status)
{
	struct strvec argv = STRVEC_INIT, assigns = STRVEC_INIT;
	struct child_env env = CHILD_ENV_INIT;
	pid_t pid = -1;
	char *path = NULL;
	int err = ENOENT;
	st->lineno = n->line;
	if (expand_words(st, n->u.simple.words, n->u.simple.nwords, &argv) != 0) {
		*status = st->status ? st->status : 1;
		goto out;
	}
	if (argv.n == 0) {
		*status = exec_assign_only(st, n);
		goto out;
	}
	if (expand_assigns(st, n, &assigns) != 0) {
		*status = st->status ? st->status : 1;
		goto out;
	}
	if (state_opt(OPT_XTRACE))
		xtrace(st, assigns.v, assigns.n, argv.v, argv.n);
	path = strchr(argv.v[0], '/') ? xstrdup(argv.v[0]) : exec_path_lookup(st, argv.v[0], &err);
	if (redir_apply(st, n->redirs) != 0) {
		*status = st->status;
		goto out;
	}
	if (!path) {
		*status = exec_error_status(st, argv.v[0], err, false);
		goto out;
	}
	if (build_env(st, &assigns, &env) != 0) {
		*status = 1;
		goto out;
	}
	pid = spawn_program(st, path, argv.v, child_env_vector(&env), bg, &err);
	if (pid < 0)
		*status = exec_error_status(st, argv.v[0], err, strchr(argv.v[0], '/') != NULL);
out:
	free(path);
	strvec_free(&argv);
	strvec_free(&assigns);
	child_env_free(&env);
	return pid;
}

int exec_command(struct stage *st, int argc, char **argv, bool default_path)
{
	const struct builtin *b = strchr(argv[0], '/') ? NULL : builtin_find(argv[0]);
	struct strvec av = STRVEC_INIT, none = STRVEC_INIT;
	for (int i = 0; i < argc; i++)
		strvec_pushdup(&av, argv[i]);
	int status;
	if (b) {
		st->soft_special++;
		status = builtin_run(st, b, argc, av.v);
		st->soft_special--;
		status = finish_builtin_io(st, argv[0], status);
	} else {
		int err = ENOENT;
		char *path = strchr(argv[0], '/') ? xstrdup(argv[0])
		             : default_path ? path_search(argv[0], "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin", &err)
		                            : exec_path_lookup(st, argv[0], &err);
		if (!path) {
			status = exec_error_status(st, argv[0], err, false);
		} else {
			static const struct node empty = { .kind = NODE_SIMPLE };
			status = run_external(st, path, &av, &none, &empty, false);
			free(path);
		}
	}
	strvec_free(&av);
	return status;
}

int exec_argv(struct stage *st, int argc, char **argv)
{
	/* the dispatch of exec_simple, for words already expanded */
	static const struct node empty = { .kind = NODE_SIMPLE };
	struct strvec av = STRVEC_INIT, none = STRVEC_INIT;
	for (int i = 0; i < argc; i++)
		strvec_pushdup(&av, argv[i]);
	const char *name = av.v[0];
	const struct builtin *b = strchr(name, '/') ? NULL : builtin_find(name);
	struct func f;
	int status;
	if (b && (b->flags & BUILTIN_SPECIAL)) {
		status = run_builtin(st, b, &av, &none, &empty);
	} else if (!strchr(name, '/') && state_func_get(name, &f)) {
		status = run_function(st, &f, &av, &none, &empty);
		state_func_release(&f);
	} else if (b) {
		status = run_builtin(st, b, &av, &none, &empty);
	} else {
		int err = ENOENT;
		char *path = strchr(name, '/') ? xstrdup(name) : exec_path_lookup(st, name, &err);
		if (!path) {
			status = exec_error_status(st, name, err, false);
		} else {
			status = run_external(st, path, &av, &none, &empty, false);
			free(path);
		}
	}
	strvec_free(&av);
	return set_status(st, status);
}

/* --- compound commands ------------------------------------------------------- */

/* A return or exit is unwinding: its status is the one the shell ends
 * with, whatever a `!` or a loop around it would make of it (POSIX 2.9.4). */
static bool flow_keeps_status(const struct stage *st)
{
	return st->flow == FLOW_RETURN || st->flow == FLOW_EXIT;
}

/* Handles break/continue arriving at a loop. Returns true to leave the loop. */
static bool loop_flow(struct stage *st)
{
	switch (st->flow) {
	case FLOW_NONE:
		return atomic_load(&st->stop);
	case FLOW_BREAK:
		if (--st->flow_n <= 0)
			st->flow = FLOW_NONE;
		return true;
	case FLOW_CONTINUE:
		if (--st->flow_n <= 0) {
			st->flow = FLOW_NONE;
			return false;
		}
		return true;
	default:
		return true;
	}
}

static int exec_condition(struct stage *st, const struct node *cond)
{
	st->errexit_off++;
	int c = exec_node(st, cond);
	st->errexit_off--;
	return c;
}

static int exec_loop(struct stage *st, const struct node *n)
{
	bool until = n->kind == NODE_UNTIL;
	int status = 0;
	st->loop_depth++;
	for (;;) {
		int c = exec_condition(st, n->u.loop.cond);
		if (st->flow != FLOW_NONE) {
			if (flow_keeps_status(st)) {
				status = c;   /* return or exit in the condition */
				break;
			}
			if (loop_flow(st))
				break;
			continue;
		}
		if ((c == 0) == until)
			break;
		status = exec_node(st, n->u.loop.body);
		if (loop_flow(st))
			break;
		if (st->is_main && signals_pending())
			exec_run_traps(st);
	}
	st->loop_depth--;
	return set_status(st, status);
}

static int exec_for(struct stage *st, const struct node *n)
{
	struct strvec items = STRVEC_INIT;
	int status = 0;
	st->lineno = n->line;
	if (n->u.for_.has_in) {
		if (expand_words(st, n->u.for_.words, n->u.for_.nwords, &items) != 0) {
			strvec_free(&items);
			return st->status;
		}
	} else {
		for (int i = 0; i < st->args->n; i++)
			strvec_pushdup(&items, st->args->v[i]);
	}
	st->loop_depth++;
	for (size_t i = 0; i < items.n; i++) {
		if (stage_var_set(st, n->u.for_.var, items.v[i]) != 0) {
			status = 1;
			special_error_exit(st);
			break;
		}
		status = exec_node(st, n->u.for_.body);
		if (loop_flow(st))
			break;
		if (st->is_main && signals_pending())
			exec_run_traps(st);
	}
	st->loop_depth--;
	strvec_free(&items);
	return set_status(st, status);
}

static int exec_case(struct stage *st, const struct node *n)
{
	char *subject = NULL;
	st->lineno = n->line;
	if (expand_word_str(st, n->u.case_.subject, &subject) != 0)
		return st->status;
	int status = 0;
	size_t i;
	bool matched = false;
	for (i = 0; i < n->u.case_.n && !matched; i++) {
		const struct case_item *it = &n->u.case_.items[i];
		for (size_t k = 0; k < it->npats && !matched; k++) {
			const char *lit;
			size_t len;
			char small[256];
			if (word_is_plain(it->pats[k], &lit, &len) && len < sizeof small) {
				/* unquoted literal text is the pattern as it stands */
				memcpy(small, lit, len);
				small[len] = '\0';
				matched = pattern_match(small, subject, 0);
				continue;
			}
			char *pat = NULL;
			if (expand_word_pattern(st, it->pats[k], &pat) != 0) {
				free(subject);
				return st->status;
			}
			matched = pattern_match(pat, subject, 0);
			free(pat);
		}
	}
	free(subject);
	if (!matched)
		return set_status(st, 0);
	/* run the matched item, then fall through while items end with ;& */
	for (i = i - 1; i < n->u.case_.n; i++) {
		const struct case_item *it = &n->u.case_.items[i];
		status = it->body ? exec_node(st, it->body) : 0;
		if (st->flow != FLOW_NONE || it->term != CASE_FALLTHROUGH)
			break;
	}
	return set_status(st, status);
}

static int exec_if(struct stage *st, const struct node *n)
{
	int c = exec_condition(st, n->u.if_.cond);
	if (st->flow != FLOW_NONE)
		return c;
	if (c == 0)
		return set_status(st, exec_node(st, n->u.if_.then_part));
	if (n->u.if_.else_part)
		return set_status(st, exec_node(st, n->u.if_.else_part));
	return set_status(st, 0);
}

void exec_in_child(struct stage *st, const struct node *n)
{
	const struct node *t = n;
	for (;;) {
		if (t->kind == NODE_LIST && t->u.list.n == 1 && !t->u.list.items[0].async)
			t = t->u.list.items[0].cmd;
		else if (t->kind == NODE_PIPELINE && t->u.pipeline.n == 1 && !t->u.pipeline.bang)
			t = t->u.pipeline.cmds[0];
		else
			break;
	}
	st->exec_tail = t->kind == NODE_SIMPLE && !state_trap_any();
	exec_exit(st, exec_node(st, t));
}

static int exec_subshell(struct stage *st, const struct node *n)
{
	const struct node *body = n->u.group.body;
	bool job = jobctl_starts_jobs(st);
	if (job)
		st->grp = jobgrp_new(true);
	pid_t pid = spawn_fork(st);
	if (pid < 0) {
		stage_error(st, "fork: %s", strerror(errno));
		if (job)
			wait_job(st, -1, n, NULL, 2);
		return 2;
	}
	if (pid == 0)
		exec_in_child(st, body);
	int status = job ? wait_job(st, pid, n, NULL, 0) : jobctl_wait(st, pid, NULL);
	check_errexit(st, status);
	return status;
}

/* Records a background job; under job control, in process group g
 * (which this releases), with its command's text. */
/* Enters a started `&` job in the table; an interactive shell with job
 * control says "[n] pid", as bash and ksh do. */
static void add_async_job(struct stage *st, pid_t pid, struct jobgrp *g, const struct node *cmd)
{
	struct sbuf text = SBUF_INIT;
	ast_text(cmd, &text);
	int num = jobs_add(pid, g, sbuf_str(&text));
	sbuf_free(&text);
	if (g && state_opt(OPT_INTERACTIVE)) {
		char line[48];
		snprintf(line, sizeof line, "[%d] %ld\n", num, (long)pid);
		io_puts(st, 2, line);
	}
	jobgrp_unref(g);
	state_set_last_bg(pid);
}

static int exec_async(struct stage *st, const struct node *cmd)
{
	/* under job control, a job of its own: a process group, no terminal */
	struct jobgrp *g = jobctl_starts_jobs(st) ? jobgrp_new(false) : NULL;
	if (pipeline_is_external(cmd)) {
		/* a lone external command: spawn it, no subshell needed */
		int status = 0;
		struct stage tmp;   /* its redirections are the child's alone */
		stage_init_child(&tmp, st);
		tmp.grp = jobgrp_ref(g);
		pid_t pid = exec_simple_spawn(&tmp, cmd, true, &status);
		stage_destroy(&tmp);
		if (pid < 0) {
			jobgrp_unref(g);
			return set_status(st, status);
		}
		add_async_job(st, pid, g, cmd);
		return set_status(st, 0);
	}
	st->lineno = cmd->line;   /* a listener that fails to bind names this line */
	net_prebind(st, cmd);   /* listen before `&` returns: no race with the next command */
	st->grp = g;
	pid_t pid = spawn_fork(st);
	st->grp = NULL;
	if (pid != 0)
		net_prebind_parent();
	if (pid < 0) {
		stage_error(st, "fork: %s", strerror(errno));
		jobgrp_unref(g);
		return set_status(st, 2);
	}
	if (pid == 0) {
		net_prebind_child();
		/* POSIX 2.9.3: no job control: stdin from /dev/null, and SIGINT /
		 * SIGQUIT ignored */
		if (!g && !state_opt(OPT_INTERACTIVE)) {
			signals_ignore_in_async(SIGINT);
			signals_ignore_in_async(SIGQUIT);
			int fd = open("/dev/null", O_RDONLY);
			if (fd > 0) {
				dup2(fd, 0);
				close(fd);
			}
		}
		exec_in_child(st, cmd);
	}
	add_async_job(st, pid, g, cmd);
	return set_status(st, 0);
}

static int exec_list(struct stage *st, const struct node *n)
{
	int status = st->status;
	for (size_t i = 0; i < n->u.list.n; i++) {
		const struct list_item *it = &n->u.list.items[i];
		if (it->async)
			status = exec_async(st, it->cmd);
		else
			status = exec_node(st, it->cmd);
		if (st->is_main && signals_pending())
			exec_run_traps(st);
		if (st->flow != FLOW_NONE)
			break;
	}
	return status;
}

/* a && b || c parses left-deep: ((a && b) || c). Walk the left spine with
 * an explicit stack so a chain of 100000 commands needs no deep recursion. */
static int exec_andor(struct stage *st, const struct node *n)
{
	size_t depth = 0, cap = 16;
	const struct node **spine = xmalloc(cap * sizeof *spine);
	const struct node *left = n;
	while (left->kind == NODE_AND || left->kind == NODE_OR) {
		if (depth == cap)
			spine = xrealloc(spine, (cap *= 2) * sizeof *spine);
		spine[depth++] = left;
		left = left->u.andor.left;
	}
	st->errexit_off++;
	int status = exec_node(st, left);
	while (depth > 0 && st->flow == FLOW_NONE) {
		const struct node *op = spine[--depth];
		if ((status == 0) != (op->kind == NODE_AND))
			continue;
		/* the right side of the outermost operator is not a condition */
		if (depth == 0)
			st->errexit_off--;
		status = exec_node(st, op->u.andor.right);
		if (depth == 0)
			st->errexit_off++;
	}
	st->errexit_off--;
	free(spine);
	return set_status(st, status);
}

static int exec_pipeline_node(struct stage *st, const struct node *n)
{
	int status;
	if (n->u.pipeline.bang)
		st->errexit_off++;
	if (n->u.pipeline.n == 1)
		status = exec_node(st, n->u.pipeline.cmds[0]);
	else
		status = pipeline_run(st, n);
	if (n->u.pipeline.bang) {
		st->errexit_off--;
		if (!flow_keeps_status(st))
			status = status == 0;
	} else if (n->u.pipeline.n > 1) {
		check_errexit(st, status);
	}
	return set_status(st, status);
}

static int exec_compound(struct stage *st, const struct node *n)
{
	switch (n->kind) {
	case NODE_GROUP:
		return set_status(st, exec_node(st, n->u.group.body));
	case NODE_SUBSHELL:
		return set_status(st, exec_subshell(st, n));
	case NODE_IF:
		return exec_if(st, n);
	case NODE_WHILE:
	case NODE_UNTIL:
		return exec_loop(st, n);
	case NODE_FOR:
		return exec_for(st, n);
	case NODE_CASE:
		return exec_case(st, n);
	default:
		return st->status;
	}
}

int exec_node(struct stage *st, const struct node *n)
{
	if (!n)
		return st->status;
	if (st->grp)
		jobgrp_park_point(st->grp, &st->stop);   /* a stopped job's thread stage waits here */
	if (atomic_load_explicit(&st->stop, memory_order_relaxed)) {
		st->flow = FLOW_EXIT;
		return st->status;
	}
	if (st->main_thread && !st->is_main && signals_interrupt_pending()) {
		/* a pipeline's last stage, run on the main thread: Ctrl-C stops
		 * it; the main stage takes the signal afterwards */
		st->flow = FLOW_INTERRUPT;
		return st->status = 130;
	}
	switch (n->kind) {
	case NODE_SIMPLE:
		return exec_simple(st, n);
	case NODE_PIPELINE:
		return exec_pipeline_node(st, n);
	case NODE_AND:
	case NODE_OR:
		return exec_andor(st, n);
	case NODE_LIST:
		return exec_list(st, n);
	case NODE_FUNCDEF:
		state_func_set(n->u.func.name, st->unit, n->u.func.body);
		return set_status(st, 0);
	default:
		break;
	}
	/* compound commands: their redirections apply around the whole body */
	size_t mark = fdmap_mark(&st->fds);
	if (n->redirs)
		st->lineno = n->line;   /* else a failure names the previous command's line */
	if (n->redirs && redir_apply(st, n->redirs) != 0) {
		fdmap_pop_to(&st->fds, mark);
		return st->status;
	}
	int status = exec_compound(st, n);
	fdmap_pop_to(&st->fds, mark);
	return status;
}

/* --- strings, files, traps, exit ---------------------------------------------- */

static char *alias_cb(void *ctx, const char *name)
{
	(void)ctx;
	return state_alias_get(name);
}

static void report_syntax(struct stage *st, const char *source, const struct parse_error *e)
{
	struct sbuf b = SBUF_INIT;
	sbuf_printf(&b, "conch: %s:%d:%d: syntax error: %s\n", source, e->line, e->col, e->msg);
	int fd = fdmap_get(&st->fds, 2);
	io_flush(st);
	if (fd >= 0 && write(fd, b.data, b.len) < 0) {
		/* nothing sensible to do when stderr is gone */
	}
	sbuf_free(&b);
}

int exec_unit(struct stage *st, struct unit *u)
{
	struct unit *saved = st->unit;
	st->unit = u;
	int status = u->root ? exec_node(st, u->root) : st->status;
	st->unit = saved;
	return status;
}

/* Parses p's next complete command and runs it (after before(ctx), unless
 * set -n): PARSE_OK when one was read, *status then being its status if it
 * ran; PARSE_EOF at the end; PARSE_ERROR once the error is reported. */
static enum parse_status run_next(struct stage *st, struct parser *p, const char *source,
                                  void (*before)(void *ctx), void *ctx, int *status)
{
	struct unit *u = NULL;
	struct parse_error e;
	enum parse_status ps = parser_next(p, &u, &e);
	if (ps == PARSE_ERROR)
		report_syntax(st, source, &e);
	if (ps != PARSE_OK)
		return ps;
	if (before)
		before(ctx);
	if (u && u->root && !state_opt(OPT_NOEXEC))
		*status = exec_unit(st, u);
	if (u)
		unit_unref(u);
	return PARSE_OK;
}

int exec_string(struct stage *st, const char *src, size_t len, const char *source)
{
	if (!stage_nest_enter(st, source))
		return 2;
	/* one complete command at a time, as dash and bash do: an alias
	 * defined on one line of the string applies to the lines after it */
	struct parser *p = parser_new_string(src, len, source, st->lineno > 0 ? st->lineno : 1);
	parser_set_alias(p, alias_cb, NULL);
	int saved_line = st->lineno;
	int status = 0;
	enum parse_status ps;
	while ((ps = run_next(st, p, source, NULL, NULL, &status)) == PARSE_OK && st->flow == FLOW_NONE)
		;
	if (ps == PARSE_ERROR) {
		special_error_exit(st);
		status = 2;
	}
	parser_free(p);
	stage_nest_leave(st);
	st->lineno = saved_line;
	return set_status(st, status);
}

/* set -v: the shell writes its input to stderr as it reads it. */
void exec_echo_input(struct stage *st, const char *line, size_t len)
{
	if (!state_opt(OPT_VERBOSE))
		return;
	io_write(st, 2, line, len);
	io_flush(st);
}

struct file_reader {
	struct stage *st;
	int fd;
	char buf[8192];
	size_t pos, len;
	bool eof;
	bool byte_at_a_time;   /* shared stdin that is not seekable */
	bool sync_offset;      /* shared seekable stdin: seek back after each line */
};

static int file_read_line(void *ctx, struct sbuf *line, bool continuation)
{
	struct file_reader *r = ctx;
	(void)continuation;
	bool got = false;
	size_t start = line->len;
	for (;;) {
		if (r->pos == r->len) {
			if (r->eof) {
				if (got)
					exec_echo_input(r->st, line->data + start, line->len - start);
				return got ? 1 : 0;
			}
			ssize_t n = read(r->fd, r->buf, r->byte_at_a_time ? 1 : r->sync_offset ? 512 : sizeof r->buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0) {
				r->eof = true;
				if (n < 0 && !got)
					return -1;
				continue;
			}
			r->pos = 0;
			r->len = (size_t)n;
		}
		char *nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		size_t take = nl ? (size_t)(nl - (r->buf + r->pos)) + 1 : r->len - r->pos;
		sbuf_addn(line, r->buf + r->pos, take);
		r->pos += take;
		got = true;
		if (nl) {
			if (r->sync_offset && r->pos < r->len) {
				/* commands reading stdin get what follows this line */
				lseek(r->fd, -(off_t)(r->len - r->pos), SEEK_CUR);
				r->pos = r->len = 0;
			}
			exec_echo_input(r->st, line->data + start, line->len - start);
			return 1;
		}
	}
}

int exec_parser_loop(struct stage *st, struct parser *p, const char *source)
{
	return exec_parser_loop_hook(st, p, source, NULL, NULL);
}

int exec_parser_loop_hook(struct stage *st, struct parser *p, const char *source,
                          void (*before)(void *ctx), void *ctx)
{
	int status = st->status;
	for (;;) {
		enum parse_status ps = run_next(st, p, source, before, ctx, &status);
		if (ps == PARSE_EOF)
			break;
		if (ps == PARSE_ERROR) {
			status = set_status(st, 2);
			if (!state_opt(OPT_INTERACTIVE)) {
				st->flow = FLOW_EXIT;
				break;
			}
			continue;
		}
		if (st->is_main && st->nest == 0 && st->dot_depth == 0)
			net_sweep();   /* listeners live as long as the complete command */
		if (st->is_main && signals_pending())
			exec_run_traps(st);
		if (st->flow != FLOW_NONE)
			break;
	}
	return status;
}

int exec_file(struct stage *st, const char *path, int fd)
{
	bool close_it = false;
	if (fd < 0) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return -1;
		fd = fd_move_high(fd);
		if (fd < 0)
			return -1;
		close_it = true;
	}
	struct file_reader *r = xcalloc(1, sizeof *r);
	r->st = st;
	r->fd = fd;
	/* a script on our stdin must not be read ahead of the command that
	 * runs: later commands may read the rest of stdin */
	r->byte_at_a_time = fd == 0 && lseek(0, 0, SEEK_CUR) < 0;
	r->sync_offset = fd == 0 && !r->byte_at_a_time;
	struct parser *p = parser_new(path, file_read_line, r);
	parser_set_alias(p, alias_cb, NULL);
	const char *saved_source = st->source;
	st->source = path;
	int status = exec_parser_loop(st, p, path);
	st->source = saved_source;
	parser_free(p);
	if (fd == 0 && !r->byte_at_a_time && r->pos < r->len)
		lseek(0, -(off_t)(r->len - r->pos), SEEK_CUR);
	free(r);
	if (close_it)
		close(fd);
	return status;
}

void exec_run_traps(struct stage *st)
{
	int sig;
	while ((sig = signals_take_pending()) != 0) {
		char *action = state_trap_get(sig);
		if (!action) {
			/* interactive Ctrl-C without a trap: abandon the command line */
			if (sig == SIGINT && state_opt(OPT_INTERACTIVE))
				st->flow = FLOW_INTERRUPT;
			/* a hang-up: the jobs get it too, then the shell exits (its
			 * history is saved on the way out, input.c) */
			if (sig == SIGHUP && state_opt(OPT_INTERACTIVE)) {
				jobs_hangup(false);
				st->hangup = true;
				st->flow = FLOW_EXIT;
				st->status = 128 + SIGHUP;
				break;
			}
			continue;
		}
		if (*action) {
			int saved = st->status;
			enum flow saved_flow = st->flow;
			st->flow = FLOW_NONE;
			st->in_trap++;
			st->trap_status = saved;
			exec_string(st, action, strlen(action), "trap");
			st->in_trap--;
			if (st->flow == FLOW_NONE) {
				st->flow = saved_flow;
				st->status = saved;
			}
		}
		free(action);
	}
}

void exec_run_exit_trap(struct stage *st)
{
	char *action = state_trap_get(TRAP_EXIT);
	if (!action)
		return;
	state_trap_set(TRAP_EXIT, NULL);
	if (*action) {
		int saved = st->status;
		st->flow = FLOW_NONE;
		st->in_trap++;
		st->trap_status = saved;
		exec_string(st, action, strlen(action), "trap");
		st->in_trap--;
		if (st->flow != FLOW_EXIT)
			st->status = saved;
	}
	free(action);
}

_Noreturn void exec_exit(struct stage *st, int status)
{
	st->status = status;
	exec_run_exit_trap(st);
	status = st->status;
	io_flush(st);
	net_release_all();
	if (st->is_subshell)
		_exit(status & 0xff);
	exit(status & 0xff);
}
