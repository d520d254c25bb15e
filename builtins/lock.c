/* lock.c: the lock builtin (conch): take a named lock, optionally around a command */

#include <errno.h>
#include <signal.h>
#include <string.h>

#include "../src/exec.h"
#include "../src/locks.h"
#include "../src/signals.h"
#include "builtin.h"

/*
 * lock NAME            takes NAME and keeps it (release: unlock NAME, or the
 *                      stage ending)
 * lock NAME CMD ARGS   takes NAME, runs CMD (a function, builtin or program)
 *                      in this stage, releases NAME however CMD ends
 * Waits while another stage holds NAME. A lock is not reentrant: taking one
 * this stage already holds is an error (status 1), not a wait for ever.
 * A stage asked to stop gives up waiting (status 130); in the main stage a
 * trapped signal runs its action while waiting, and the wait goes on unless
 * the action ended the shell or the command line.
 */

/* The main stage handles every signal; a pipeline's last stage run on the
 * main thread only notices Ctrl-C (as exec_node does). */
static bool signal_arrived(void *ctx)
{
	struct stage *st = ctx;
	if (st->is_main)
		return signals_pending();
	return st->main_thread && signals_interrupt_pending();
}

/* Takes the lock for st; returns 0 or a status after an error message. */
static int take(struct stage *st, const char *name)
{
	for (;;) {
		int rc = locks_acquire(st, name, signal_arrived, st);
		if (rc == 0)
			return 0;
		if (rc == EDEADLK) {
			stage_error(st, "lock: %s: already held by this stage", name);
			return 1;
		}
		if (atomic_load(&st->stop))
			return 128 + SIGINT;
		if (!st->is_main) {   /* Ctrl-C, on the main thread */
			st->flow = FLOW_INTERRUPT;
			return 128 + SIGINT;
		}
		/* a signal for the main stage: run its trap, then wait again */
		exec_run_traps(st);
		if (st->flow == FLOW_EXIT)
			return st->status;   /* the action's exit status */
		if (st->flow != FLOW_NONE)
			return 128 + SIGINT;
	}
}

int builtin_lock(struct stage *st, int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i >= argc || argv[i][0] == '\0') {
		return builtin_usage(st, "lock", i >= argc ? "a NAME is needed" : "the NAME is empty");
	}
	const char *name = argv[i];
	int status = take(st, name);
	if (status != 0 || i + 1 >= argc)
		return status;
	io_flush(st);
	status = exec_argv(st, argc - i - 1, argv + i + 1);
	/* however the command ended (exit, error, stop); it may also have
	 * released the lock itself */
	locks_release(st, name);
	return status;
}
