/* thread.c: the thread builtin (conch): run a command as a background thread job */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../src/exec.h"
#include "../src/jobctl.h"
#include "../src/jobs.h"
#include "../src/state.h"
#include "builtin.h"

/*
 * thread CMD [ARG...]
 * Starts CMD (usually a function) on a new thread of the shell, as a
 * background job that shares the shell's state (variables, functions, cwd,
 * ...) the way a thread stage of a pipeline does. It has its own stage:
 * positional parameters and $? of its own, a snapshot of the caller's locals,
 * and its own duplicates of the caller's redirected fds (the caller may close
 * them while the thread runs). `exit` in it ends the thread only.
 * $! names the job as %N; wait joins it and returns its status; jobs lists
 * it; kill asks it to stop (it ends at its next command, status 128+sig).
 * When the shell exits, its threads end with it.
 */

struct thread_job {
	struct stage st;        /* the thread's stage; st.stop outlives it */
	struct strvec argv;
	struct unit *unit;      /* a reference on the caller's unit, which
	                           st.unit borrows: the caller may finish first */
};

static int thread_body(void *arg)
{
	struct thread_job *tj = arg;
	int status = exec_argv(&tj->st, (int)tj->argv.n, tj->argv.v);
	if (tj->st.flow == FLOW_EXIT)
		status = tj->st.status;
	stage_destroy(&tj->st);   /* flushes, closes its fds, releases its locks */
	strvec_free(&tj->argv);
	if (tj->unit)
		unit_unref(tj->unit);
	return status;
}

static void thread_free(void *arg)
{
	free(arg);
}

int builtin_thread(struct stage *st, int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc) {
		return builtin_usage(st, "thread", "a COMMAND is needed");
	}
	io_flush(st);   /* what the caller wrote comes first */
	struct thread_job *tj = xcalloc(1, sizeof *tj);
	struct sbuf cmd = SBUF_INIT;
	int num = -1;
	stage_init_child(&tj->st, st);
	fdmap_forget(&tj->st.fds);   /* the copy borrows; the thread needs its own */
	if (fdmap_dup(&tj->st.fds, &st->fds) != 0)
		goto fail;
	if (st->unit)
		tj->unit = tj->st.unit = unit_ref(st->unit);
	/* under job control, the programs it runs get a process group of their
	 * own, which Ctrl-C and Ctrl-Z at the terminal do not reach (until fg) */
	jobgrp_unref(tj->st.grp);
	tj->st.grp = jobctl_sync() ? jobgrp_new(false) : NULL;
	sbuf_adds(&cmd, "thread");
	for (int k = i; k < argc; k++) {
		strvec_pushdup(&tj->argv, argv[k]);
		sbuf_addc(&cmd, ' ');
		sbuf_adds(&cmd, argv[k]);
	}
	num = jobs_add_thread(thread_body, tj, thread_free, &tj->st.stop, tj->st.grp, sbuf_str(&cmd));
	if (num < 0)
		goto fail;
	sbuf_free(&cmd);
	state_set_last_bg(-num);
	return 0;
fail:
	stage_error(st, "thread: %s", strerror(errno));
	sbuf_free(&cmd);
	stage_destroy(&tj->st);
	strvec_free(&tj->argv);
	if (tj->unit)
		unit_unref(tj->unit);
	free(tj);
	return 1;
}
