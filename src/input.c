/* input.c: interactive input with GNU readline (prompts, history, completion) */

/*
 * DESIGN
 * The only file that knows readline. Scripts never need it, and loading
 * libreadline and libtinfo costs a third of a millisecond per start, so the
 * library is opened with dlopen when an interactive session begins; its
 * functions and variables are reached through `struct rl`. If it cannot be
 * loaded, a plain line reader takes over (no editing) after a warning.
 * Readline runs on the main thread only. Ctrl-C while editing abandons the
 * line: the SIGINT handler (signals.c) interrupts read(2), and input_getc
 * turns that into an empty line.
 */

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec.h"
#include "input.h"
#include "jobs.h"
#include "parse.h"
#include "signals.h"
#include "state.h"

typedef int rl_getc_func_t(FILE *);

/* The parts of readline conch uses, resolved from the shared library. */
struct rl {
	void *lib;
	char *(*readline)(const char *prompt);
	void (*add_history)(const char *line);
	void (*using_history)(void);
	void (*replace_line)(const char *text, int clear_undo);
	const char **readline_name;
	int *catch_signals;
	rl_getc_func_t **getc_function;
	FILE **outstream;
	int *point, *end;
};

static bool rl_load(struct rl *rl)
{
	static const char *const names[] = { READLINE_SONAME, "libreadline.so" };
	for (size_t i = 0; i < sizeof names / sizeof names[0] && !rl->lib; i++)
		rl->lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (!rl->lib)
		return false;
	*(void **)&rl->readline = dlsym(rl->lib, "readline");
	*(void **)&rl->add_history = dlsym(rl->lib, "add_history");
	*(void **)&rl->using_history = dlsym(rl->lib, "using_history");
	*(void **)&rl->replace_line = dlsym(rl->lib, "rl_replace_line");
	rl->readline_name = dlsym(rl->lib, "rl_readline_name");
	rl->catch_signals = dlsym(rl->lib, "rl_catch_signals");
	rl->getc_function = dlsym(rl->lib, "rl_getc_function");
	rl->outstream = dlsym(rl->lib, "rl_outstream");
	rl->point = dlsym(rl->lib, "rl_point");
	rl->end = dlsym(rl->lib, "rl_end");
	if (rl->readline && rl->add_history && rl->using_history && rl->replace_line &&
	    rl->readline_name && rl->catch_signals && rl->getc_function && rl->outstream &&
	    rl->point && rl->end)
		return true;
	dlclose(rl->lib);
	rl->lib = NULL;
	return false;
}

struct reader {
	struct stage *st;
	struct rl rl;          /* rl.lib == NULL: plain reading */
};

/* Readline's getc callback has no context argument; it needs only these two
 * readline symbols, set once before the first readline call (main thread). */
static void (*getc_replace_line)(const char *, int);
static int *getc_point, *getc_end;

static int input_getc(FILE *in)
{
	for (;;) {
		unsigned char c;
		ssize_t n = read(fileno(in), &c, 1);
		if (n == 1)
			return c;
		if (n == 0 || errno != EINTR)
			return EOF;
		if (signals_peek_pending() == SIGINT) {
			signals_take_pending();
			getc_replace_line("", 0);
			*getc_point = *getc_end = 0;
			if (write(STDERR_FILENO, "\n", 1) < 0) {
				/* nothing to do */
			}
			return '\n';
		}
	}
}

static char *prompt(struct stage *st, bool continuation)
{
	char *p = stage_var_dup(st, continuation ? "PS2" : "PS1");
	return p ? p : xstrdup(continuation ? "> " : "$ ");
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

/* Without readline: prompt on stderr, read a line byte by byte. */
static char *plain_readline(struct stage *st, const char *p)
{
	struct sbuf b = SBUF_INIT;
	io_puts(st, 2, p);
	io_flush(st);
	for (;;) {
		char c;
		ssize_t n = read(STDIN_FILENO, &c, 1);
		if (n < 0 && errno == EINTR) {
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
	return sbuf_detach(&b);
}

static int read_line(void *ctx, struct sbuf *line, bool continuation)
{
	struct reader *r = ctx;
	if (!continuation)
		report_jobs(r->st);
	char *p = prompt(r->st, continuation);
	char *s = r->rl.lib ? r->rl.readline(p) : plain_readline(r->st, p);
	free(p);
	if (!s)
		return 0;
	if (*s && r->rl.lib && !state_opt(OPT_NOLOG))
		r->rl.add_history(s);
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
	if (rl_load(&r.rl)) {
		*r.rl.readline_name = "conch";
		*r.rl.catch_signals = 0;
		getc_replace_line = r.rl.replace_line;
		getc_point = r.rl.point;
		getc_end = r.rl.end;
		*r.rl.getc_function = input_getc;
		*r.rl.outstream = stderr;
		r.rl.using_history();
	} else {
		stage_error(st, "cannot load readline (%s): line editing is off", dlerror());
	}
	struct parser *p = parser_new("stdin", read_line, &r);
	parser_set_alias(p, alias_cb, NULL);
	int status = 0;
	for (;;) {
		status = exec_parser_loop(st, p, "stdin");
		if (st->flow == FLOW_INTERRUPT) {
			st->flow = FLOW_NONE;
			st->status = 130;
			continue;
		}
		break;
	}
	if (st->flow != FLOW_EXIT)
		io_puts(st, 2, "exit\n");
	io_flush(st);
	parser_free(p);
	return status;
}
