/* input.c: interactive input with GNU readline (prompts, history, completion) */

/*
 * DESIGN
 * The only file that includes readline (its pkg-config flags narrow the
 * POSIX feature macros, so they are kept to this file). Readline runs on the
 * main thread only. Ctrl-C while editing abandons the line: the SIGINT
 * handler (signals.c) interrupts read(2), and input_getc turns that into an
 * empty line.
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "exec.h"
#include "input.h"
#include "jobs.h"
#include "parse.h"
#include "signals.h"
#include "state.h"

struct reader {
	struct stage *st;
};

static int input_getc(FILE *in)
{
	for (;;) {
		unsigned char c;
		ssize_t n = read(fileno(in), &c, 1);
		if (n == 1)
			return c;
		if (n == 0)
			return EOF;
		if (errno != EINTR)
			return EOF;
		if (signals_pending()) {
			int sig = signals_take_pending();
			if (sig == SIGINT) {
				rl_replace_line("", 0);
				rl_point = rl_end = 0;
				if (write(STDERR_FILENO, "\n", 1) < 0) {
					/* nothing to do */
				}
				return '\n';
			}
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

static int read_line(void *ctx, struct sbuf *line, bool continuation)
{
	struct reader *r = ctx;
	if (!continuation)
		report_jobs(r->st);
	char *p = prompt(r->st, continuation);
	char *s = readline(p);
	free(p);
	if (!s)
		return 0;
	if (*s && !state_opt(OPT_NOLOG))
		add_history(s);
	sbuf_adds(line, s);
	sbuf_addc(line, '\n');
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
	struct reader r = { st };
	rl_readline_name = "conch";
	rl_catch_signals = 0;
	rl_getc_function = input_getc;
	rl_outstream = stderr;
	using_history();
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
	parser_free(p);
	return status;
}
