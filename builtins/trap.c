/* trap.c: the trap special builtin (POSIX): actions for signals and EXIT */

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../src/signals.h"
#include "../src/state.h"
#include "builtin.h"

const char *builtin_signal_name(int sig)
{
	return sig == 0 ? "EXIT" : signals_name(sig);
}

int builtin_signal_number(const char *s)
{
	return strcasecmp(s, "EXIT") == 0 ? 0 : signals_number(s);
}

static void print_trap(struct stage *st, int sig)
{
	char *action = state_trap_get(sig);
	if (!action && sig != 0 && signals_ignored_at_start(sig))
		action = xstrdup("");   /* POSIX: ignored on entry, and it stays so */
	if (!action)
		return;
	const char *name = builtin_signal_name(sig);
	io_puts(st, 1, "trap -- '");
	for (const char *p = action; *p; p++) {
		if (*p == '\'')
			io_puts(st, 1, "'\\''");
		else
			io_write(st, 1, p, 1);
	}
	io_printf(st, 1, "' %s\n", name ? name : "?");
	free(action);
}

int builtin_trap(struct stage *st, int argc, char **argv)
{
	int i = 1;
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i < argc && strcmp(argv[i], "-p") == 0) {
		i++;
		if (i >= argc)
			for (int sig = 0; sig < NSIG; sig++)
				print_trap(st, sig);
		for (; i < argc; i++) {
			int sig = builtin_signal_number(argv[i]);
			if (sig < 0) {
				stage_error(st, "trap: %s: bad signal", argv[i]);
				return 1;
			}
			print_trap(st, sig);
		}
		return 0;
	}
	if (i >= argc) {
		for (int sig = 0; sig < NSIG; sig++)
			print_trap(st, sig);
		return 0;
	}
	/* POSIX: a first operand that is an unsigned integer is a condition,
	 * and all operands are conditions to reset */
	const char *action = argv[i];
	long dummy;
	bool reset = strcmp(action, "-") == 0 || (parse_long(action, &dummy) && action[0] != '-');
	if (!reset)
		i++;
	else if (strcmp(action, "-") == 0)
		i++;
	int status = 0;
	for (; i < argc; i++) {
		int sig = builtin_signal_number(argv[i]);
		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			stage_error(st, "trap: %s: bad signal", argv[i]);
			status = 1;
			continue;
		}
		if (sig != 0 && signals_ignored_at_start(sig))
			continue;   /* POSIX: ignored on entry stays ignored */
		state_trap_set(sig, reset ? NULL : action);
	}
	return status;
}
