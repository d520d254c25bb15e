/* input.c: the interactive read loop: prompts, history entries, the line-editor module */

/*
 * DESIGN
 * Scripts never need a line editor, and loading libreadline and libtinfo
 * costs a third of a millisecond per start, so readline lives in a module of
 * its own (conch-readline.so, rlmod.c, interface in rlmod.h) opened with
 * dlopen when an interactive session begins: first next to the running
 * binary (an uninstalled build), then in the package library directory. If
 * it cannot be loaded, a plain line reader takes over (no editing) after a
 * warning. The editor runs on the main thread only; it gets history entries
 * and completion candidates from conch (history.c, complete.c), never shell
 * code. Ctrl-C while editing abandons the line: the SIGINT handler
 * (signals.c) interrupts read(2), and the module turns that into an empty
 * line. The module talks to conch through a struct of callbacks (rlmod.h),
 * not through symbols exported with -rdynamic, which would enlarge the
 * dynamic symbol table every start pays for.
 *
 * The lines of one command (PS2 continuation lines and here-document
 * bodies) are gathered into one history entry, added just before the
 * command runs (so `history` and `fc` see themselves, as in bash).
 */

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "complete.h"
#include "exec.h"
#include "history.h"
#include "input.h"
#include "jobctl.h"
#include "jobs.h"
#include "parse.h"
#include "prompt.h"
#include "rlmod.h"
#include "signals.h"
#include "state.h"

struct reader {
	struct stage *st;
	const struct rl_ops *rl;     /* NULL: plain reading */
	struct sbuf entry;           /* the lines of the command being read */
	unsigned long hist_gen;      /* the history generation rl has */
	unsigned long commands;      /* commands run so far */
	unsigned long warned_at;     /* commands when "There are stopped jobs"
	                                was printed, + 1; 0: not printed */
	int vi_mode;                 /* set -o vi as last given to rl; -1: never
	                                (the bindings are ~/.inputrc's) */
};

static bool take_interrupt(void)
{
	int sig = signals_peek_pending();
	if (sig == SIGHUP)
		return true;   /* left pending: the loop passes it on, then exits */
	if (sig != SIGINT)
		return false;
	signals_take_pending();
	return true;
}

static int notify_fd(void)
{
	return state_opt(OPT_NOTIFY) ? jobctl_wake_fd() : -1;
}

static char *notify(void)
{
	jobctl_wake_drain();
	struct strvec done = STRVEC_INIT;
	jobs_reap(&done);
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < done.n; i++) {
		sbuf_adds(&b, done.v[i]);
		sbuf_addc(&b, '\n');
	}
	strvec_free(&done);
	if (b.len == 0) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_detach(&b);
}

static const struct rl_host host = {
	RL_MODULE_VERSION,
	take_interrupt,
	complete_commands,
	complete_variables,
	complete_options,
	notify_fd,
	notify,
};

/* Opens the module; NULL (message in err) when it cannot be used. */
static const struct rl_ops *module_load(char *err, size_t errlen)
{
	char exe[PATH_MAX];
	struct strvec paths = STRVEC_INIT;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			strvec_push(&paths, xasprintf("%s/%s", exe, RL_MODULE_NAME));
		}
	}
	strvec_push(&paths, xasprintf("%s/%s", CONCH_PKGLIBDIR, RL_MODULE_NAME));
	const struct rl_ops *ops = NULL;
	snprintf(err, errlen, "%s not found", RL_MODULE_NAME);
	for (size_t i = 0; i < paths.n && !ops; i++) {
		if (access(paths.v[i], F_OK) != 0)
			continue;
		void *lib = dlopen(paths.v[i], RTLD_NOW | RTLD_LOCAL);
		if (!lib) {
			snprintf(err, errlen, "%s", dlerror());
			continue;
		}
		rl_module_init_fn *init;
		*(void **)&init = dlsym(lib, RL_MODULE_ENTRY);
		ops = init ? init(&host) : NULL;
		if (!ops) {
			snprintf(err, errlen, "%s: not a conch %d line editor", paths.v[i],
			         RL_MODULE_VERSION);
			dlclose(lib);
		}
	}
	strvec_free(&paths);
	return ops;
}

static void report_jobs(struct stage *st)
{
	struct strvec done = STRVEC_INIT;
	jobs_reap(&done);
	for (size_t i = 0; i < done.n; i++) {
		io_puts(st, 2, done.v[i]);
		io_puts(st, 2, "\n");
	}
	io_flush(st);
	strvec_free(&done);
}

/* Without the editor: prompt on stderr, read a line byte by byte. */
static char *plain_readline(struct stage *st, const char *p)
{
	struct sbuf b = SBUF_INIT;
	io_puts(st, 2, p);
	io_flush(st);
	for (;;) {
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 1);
		if (n < 0 && errno == EINTR) {
			if (signals_peek_pending() == SIGHUP) {
				sbuf_reset(&b);
				break;   /* an empty line: the loop sees the signal */
			}
			if (signals_peek_pending() == SIGINT) {
				signals_take_pending();
				sbuf_reset(&b);
				io_puts(st, 2, "\n");
				io_puts(st, 2, p);
				io_flush(st);
			}
			continue;
		}
		if (n <= 0) {
			if (b.len == 0) {
				sbuf_free(&b);
				return NULL;
			}
			break;
		}
		if (c == '\n')
			break;
		sbuf_addc(&b, c);
	}
	sbuf_addc(&b, '\0');
	b.len--;
	return sbuf_detach(&b);
}

/* Gives the editor a fresh copy of the history when something other than
 * this reader changed it (history -c, -d, fc). */
static void sync_history(struct reader *r)
{
	if (!r->rl || history_generation() == r->hist_gen)
		return;
	long first, last;
	history_range(&first, &last);
	struct strvec all = STRVEC_INIT;
	history_copy(first, last, &all);
	r->rl->history_reset(all.v, all.n);
	strvec_free(&all);
	r->hist_gen = history_generation();
}

/* Adds the command read so far as one history entry. */
static void flush_entry(struct reader *r)
{
	if (r->entry.len == 0)
		return;
	unsigned long before = history_generation();
	if (history_add(r->entry.data) == HIST_ADDED && r->rl && r->hist_gen == before) {
		r->rl->history_add(r->entry.data);
		r->hist_gen = before + 1;
	}
	sbuf_reset(&r->entry);
}

static void before_command(void *ctx)
{
	struct reader *r = ctx;
	flush_entry(r);
	r->commands++;
}

/* Exit (exit, or end of input) with stopped jobs: the first attempt warns
 * and the shell goes on; a second one right after it exits (and the stopped
 * jobs get SIGHUP and SIGCONT). */
static bool exit_allowed(struct reader *r)
{
	if (r->st->hangup || !jobs_any_stopped())
		return true;
	if (r->warned_at && r->commands <= r->warned_at)
		return true;
	io_puts(r->st, 2, "There are stopped jobs.\n");
	io_flush(r->st);
	r->warned_at = r->commands + 1;
	return false;
}

static int read_line(void *ctx, struct sbuf *line, bool continuation)
{
	struct reader *r = ctx;
	if (!continuation) {
		flush_entry(r);    /* a command that did not parse */
		jobctl_sync();     /* set -m / set +m */
		report_jobs(r->st);
		sync_history(r);
	}
	char *p = prompt_expand(r->st, continuation ? "PS2" : "PS1",
	                        continuation ? "> " : "\\w\\$ ", r->rl != NULL);
	bool vi = state_opt(OPT_VI);
	if (r->rl && (int)vi != r->vi_mode && (vi || r->vi_mode >= 0)) {
		r->rl->editing_mode(vi);
		r->vi_mode = vi;
	}
	char *s = r->rl ? r->rl->readline(p) : plain_readline(r->st, p);
	free(p);
	if (!s)
		return 0;
	if (r->entry.len > 0)
		sbuf_addc(&r->entry, '\n');
	sbuf_adds(&r->entry, s);
	size_t start = line->len;
	sbuf_adds(line, s);
	sbuf_addc(line, '\n');
	exec_echo_input(r->st, line->data + start, line->len - start);
	free(s);
	return 1;
}

static char *alias_cb(void *ctx, const char *name)
{
	(void)ctx;
	return state_alias_get(name);
}

int input_interactive(struct stage *st)
{
	struct reader r;
	memset(&r, 0, sizeof r);
	r.st = st;
	r.vi_mode = -1;
	char err[512];
	r.rl = module_load(err, sizeof err);
	if (!r.rl)
		stage_error(st, "cannot load the line editor (%s): line editing is off", err);
	history_load();
	r.hist_gen = history_generation() - 1;   /* the editor starts empty */
	struct parser *p = parser_new("stdin", read_line, &r);
	parser_set_alias(p, alias_cb, NULL);
	int status = 0;
	jobctl_sync();   /* job control from the first prompt (set -m) */
	for (;;) {
		status = exec_parser_loop_hook(st, p, "stdin", before_command, &r);
		if (st->flow == FLOW_INTERRUPT) {
			st->flow = FLOW_NONE;
			/* Ctrl-C: 130; a job stopped by Ctrl-Z set 128+sig itself */
			if (!st->job_stopped)
				st->status = 130;
			st->job_stopped = false;
			sbuf_reset(&r.entry);
			continue;
		}
		if (!exit_allowed(&r)) {
			st->flow = FLOW_NONE;
			parser_reset_eof(p);
			continue;
		}
		break;
	}
	if (!st->hangup)
		jobs_hangup(true);   /* stopped jobs would never be resumed */
	flush_entry(&r);
	if (st->flow != FLOW_EXIT)
		io_puts(st, 2, "exit\n");
	io_flush(st);
	parser_free(p);
	sbuf_free(&r.entry);
	history_save();
	return status;
}
