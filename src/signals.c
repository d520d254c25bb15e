/* signals.c: signal dispositions, pending-signal flags, and blocking in stage threads */

/*
 * DESIGN
 * Only the main thread handles signals: stage threads block them all
 * (signals_block_all). The handler only records the signal in an atomic
 * flag; the main thread runs traps between commands (exec_run_traps).
 * The shell ignores SIGPIPE for itself; children get every disposition the
 * shell changed for its own sake back to default.
 */

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>
#include <strings.h>

#include "signals.h"

static atomic_bool pending[NSIG];
static atomic_bool any_pending;
/* Whether each signal was ignored when the shell started (see
 * ignored_at_start); interactive shells count none as ignored. */
enum { START_UNKNOWN, START_IGNORED, START_NOT_IGNORED };
static atomic_int start_state[NSIG];
static bool interactive_shell;   /* written by signals_init, before threads */
static atomic_int disp[NSIG];
/* Ignored by the shell for itself (interactive QUIT, TERM; TTIN, TTOU
 * under job control). */
static atomic_bool self_ignored[NSIG];
/* Signals with a conch handler installed; a vfork child resets these. */
static atomic_bool caught[NSIG];
/* Default-fatal signals that run the cleanup before the shell dies of
 * them (signals_arm_cleanup); a vfork child resets these too. */
static atomic_bool fatal_hooked[NSIG];
static void (*_Atomic cleanup_fn)(void);
static const int fatal_sigs[] = { SIGHUP, SIGINT, SIGQUIT, SIGALRM, SIGTERM, SIGUSR1, SIGUSR2 };

static void on_wake(int sig)
{
	(void)sig;
}

/* Job control (jobctl.c): the fd SIGCHLD and SIGTSTP write a byte to, to
 * wake the main thread waiting for a foreground job; -1 when off. */
static atomic_int wake_fd = -1;
static atomic_bool tstp_seen;
/* SIGTSTP and SIGCHLD have the job-control handlers below (not a trap's) */
static atomic_bool jc_handlers;

static void wake_main(void)
{
	int fd = atomic_load(&wake_fd);
	if (fd >= 0) {
		ssize_t w = write(fd, "", 1);
		(void)w;
	}
}

static void on_signal(int sig)
{
	int saved = errno;
	atomic_store(&pending[sig], true);
	atomic_store(&any_pending, true);
	if (sig == SIGCHLD || sig == SIGTSTP)
		wake_main();
	errno = saved;
}

/* A default-fatal signal once cleanup is armed: clean up, then die of it
 * (the signal is blocked in here and delivered as the handler returns). */
static void on_fatal(int sig)
{
	void (*fn)(void) = atomic_load(&cleanup_fn);
	if (fn)
		fn();
	signal(sig, SIG_DFL);
	raise(sig);
}

static bool is_fatal_sig(int sig)
{
	for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
		if (fatal_sigs[i] == sig)
			return true;
	return false;
}

/* Whether sig, left at its default, gets on_fatal instead of SIG_DFL. */
static bool hook_fatal(int sig)
{
	return atomic_load(&cleanup_fn) && is_fatal_sig(sig) && !atomic_load(&self_ignored[sig]);
}

/* SIGCHLD without a trap, SIGTSTP without a trap, under job control. */
static void on_jobctl(int sig)
{
	int saved = errno;
	if (sig == SIGTSTP)
		atomic_store(&tstp_seen, true);
	wake_main();
	errno = saved;
}

/* Whether sig was ignored when the shell started, asked of the kernel the
 * first time it matters. The answer stays true until the shell changes
 * the signal itself: signals_init asks about the signals it changes before
 * changing them, and signals_set_disposition asks before it changes one.
 * (A read of /proc/self/status at start-up cost every start 18 us.) */
static bool ignored_at_start(int sig)
{
	int known = atomic_load(&start_state[sig]);
	if (known == START_UNKNOWN) {
		struct sigaction sa;
		bool ign = !interactive_shell && sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN;
		known = ign ? START_IGNORED : START_NOT_IGNORED;
		atomic_store(&start_state[sig], known);
	}
	return known == START_IGNORED;
}

void signals_init(bool interactive)
{
	interactive_shell = interactive;
	/* the signals changed below (and SIGINT, SIGQUIT, which a background
	 * job's child ignores) are asked about before they change */
	const int changed[] = { SIGPIPE, SIGINT, SIGQUIT, SIGTERM, signals_wake() };
	for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++)
		(void)ignored_at_start(changed[i]);
	signal(SIGPIPE, SIG_IGN);
	struct sigaction wake;
	memset(&wake, 0, sizeof wake);
	sigemptyset(&wake.sa_mask);
	wake.sa_handler = on_wake;   /* no SA_RESTART: blocked calls see EINTR */
	sigaction(signals_wake(), &wake, NULL);
	atomic_store(&caught[signals_wake()], true);
	if (interactive) {
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTERM, SIG_IGN);
		atomic_store(&self_ignored[SIGQUIT], true);
		atomic_store(&self_ignored[SIGTERM], true);
		signals_set_disposition(SIGINT, SIGNAL_CATCH);
		atomic_store(&disp[SIGINT], SIGNAL_DEFAULT);
		/* a hang-up is noted, so that the shell passes it on to its jobs
		 * and saves its history before it dies of it (exec.c) */
		signals_set_disposition(SIGHUP, SIGNAL_CATCH);
		atomic_store(&disp[SIGHUP], SIGNAL_DEFAULT);
	}
}

/* The handler of a job-control signal, when no trap has one. */
static void jobctl_install(int sig, bool on)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	if (ignored_at_start(sig) || atomic_load(&disp[sig]) != SIGNAL_DEFAULT)
		return;
	if (sig == SIGTTIN || sig == SIGTTOU) {
		sa.sa_handler = on ? SIG_IGN : SIG_DFL;
		atomic_store(&self_ignored[sig], on);
	} else {
		sa.sa_handler = on ? on_jobctl : SIG_DFL;
		/* a wait or a read the handler interrupts goes on, except the
		 * main thread's wait for a job, which the wake pipe ends */
		sa.sa_flags = SA_RESTART;
		atomic_store(&caught[sig], on);
	}
	sigaction(sig, &sa, NULL);
}

void signals_job_control(bool on, int fd)
{
	atomic_store(&wake_fd, on ? fd : -1);
	atomic_store(&jc_handlers, on);
	const int sigs[] = { SIGTTIN, SIGTTOU, SIGTSTP, SIGCHLD };
	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		jobctl_install(sigs[i], on);
}

void signals_note(int sig)
{
	if (sig <= 0 || sig >= NSIG)
		return;
	if (atomic_load(&caught[sig])) {
		atomic_store(&pending[sig], true);
		atomic_store(&any_pending, true);
	} else if (atomic_load(&disp[sig]) == SIGNAL_DEFAULT && !ignored_at_start(sig)) {
		kill(getpid(), sig);
	}
}

bool signals_take_tstp(void)
{
	return atomic_exchange(&tstp_seen, false);
}

bool signals_ignored_at_start(int sig)
{
	return sig > 0 && sig < NSIG && ignored_at_start(sig);
}

void signals_set_disposition(int sig, enum signal_disp d)
{
	struct sigaction sa;
	if (sig <= 0 || sig >= NSIG || ignored_at_start(sig))
		return;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	atomic_store(&disp[sig], (int)d);
	switch (d) {
	case SIGNAL_DEFAULT:
		/* the shell keeps SIGPIPE ignored for itself */
		sa.sa_handler = sig == SIGPIPE ? SIG_IGN : hook_fatal(sig) ? on_fatal : SIG_DFL;
		break;
	case SIGNAL_IGNORE:
		sa.sa_handler = SIG_IGN;
		break;
	case SIGNAL_CATCH:
		sa.sa_handler = on_signal;   /* no SA_RESTART: waits see EINTR */
		break;
	}
	atomic_store(&caught[sig], d == SIGNAL_CATCH);
	atomic_store(&fatal_hooked[sig], sa.sa_handler == on_fatal);
	if (d == SIGNAL_DEFAULT && atomic_load(&jc_handlers) &&
	    (sig == SIGTSTP || sig == SIGCHLD || sig == SIGTTIN || sig == SIGTTOU)) {
		jobctl_install(sig, true);   /* back to job control's own */
		return;
	}
	sigaction(sig, &sa, NULL);
}

void signals_arm_cleanup(void (*fn)(void))
{
	void (*none)(void) = NULL;
	if (!atomic_compare_exchange_strong(&cleanup_fn, &none, fn))
		return;
	for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++) {
		int sig = fatal_sigs[i];
		struct sigaction cur;
		/* only where the kernel would kill the shell: a trap, an ignore
		 * (by the trap, at start or by the shell itself) or a handler
		 * of the shell's leaves something other than SIG_DFL */
		if (sigaction(sig, NULL, &cur) != 0 || cur.sa_handler != SIG_DFL)
			continue;
		struct sigaction sa;
		memset(&sa, 0, sizeof sa);
		sigemptyset(&sa.sa_mask);
		sa.sa_handler = on_fatal;
		atomic_store(&fatal_hooked[sig], true);
		sigaction(sig, &sa, NULL);
	}
}

void signals_ignore_in_async(int sig)
{
	signal(sig, SIG_IGN);
	atomic_store(&caught[sig], false);
	atomic_store(&fatal_hooked[sig], false);
}

int signals_take_pending(void)
{
	if (!atomic_exchange(&any_pending, false))
		return 0;
	int found = 0;
	for (int sig = 1; sig < NSIG; sig++)
		if (atomic_exchange(&pending[sig], false)) {
			if (!found)
				found = sig;
			else
				atomic_store(&pending[sig], true);
		}
	if (found) {
		for (int sig = found + 1; sig < NSIG; sig++)
			if (atomic_load(&pending[sig])) {
				atomic_store(&any_pending, true);
				break;
			}
	}
	return found;
}

int signals_peek_pending(void)
{
	for (int sig = 1; sig < NSIG; sig++)
		if (atomic_load(&pending[sig]))
			return sig;
	return 0;
}

bool signals_pending(void)
{
	return atomic_load_explicit(&any_pending, memory_order_relaxed);
}

int signals_wake(void)
{
	return SIGRTMIN + 2;
}

bool signals_interrupt_pending(void)
{
	return atomic_load_explicit(&pending[SIGINT], memory_order_relaxed) &&
	       atomic_load(&disp[SIGINT]) == SIGNAL_DEFAULT;
}

void signals_block_all(void)
{
	sigset_t all;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, NULL);
}

void signals_child_defaults(sigset_t *to_default)
{
	/* exec already resets caught signals to default, and signals the shell
	 * leaves at default stay so: only the shell's private ignores need
	 * resetting (each one costs the child a sigaction). trap '' and
	 * signals ignored at start-up stay ignored. */
	sigemptyset(to_default);
	for (int sig = 1; sig < NSIG; sig++)
		if ((sig == SIGPIPE || atomic_load(&self_ignored[sig])) && atomic_load(&disp[sig]) == SIGNAL_DEFAULT &&
		    !ignored_at_start(sig))
			sigaddset(to_default, sig);
}

void signals_child_resets(sigset_t *to_reset)
{
	signals_child_defaults(to_reset);
	for (int sig = 1; sig < NSIG; sig++)
		if (atomic_load(&caught[sig]) || atomic_load(&fatal_hooked[sig]))
			sigaddset(to_reset, sig);
}

void signals_reset_in_child(void)
{
	sigset_t def;
	sigset_t none;
	signals_child_defaults(&def);
	for (int sig = 1; sig < NSIG; sig++)
		if (sigismember(&def, sig) == 1 && atomic_load(&disp[sig]) != SIGNAL_CATCH && sig != SIGPIPE)
			signal(sig, SIG_DFL);
	/* job control stays with the parent: its handlers go too */
	if (atomic_exchange(&jc_handlers, false)) {
		atomic_store(&wake_fd, -1);
		jobctl_install(SIGTSTP, false);
		jobctl_install(SIGCHLD, false);
	}
	/* a forked subshell keeps SIGPIPE ignored and its traps' handlers: it is
	 * still the shell. Only the mask is cleared. */
	sigemptyset(&none);
	pthread_sigmask(SIG_SETMASK, &none, NULL);
}

/* --- names ----------------------------------------------------------------- */

struct signame {
	int num;
	const char *name;
};

static const struct signame signames[] = {
	{ SIGHUP, "HUP" }, { SIGINT, "INT" }, { SIGQUIT, "QUIT" },
	{ SIGILL, "ILL" }, { SIGTRAP, "TRAP" }, { SIGABRT, "ABRT" },
	{ SIGBUS, "BUS" }, { SIGFPE, "FPE" }, { SIGKILL, "KILL" },
	{ SIGUSR1, "USR1" }, { SIGSEGV, "SEGV" }, { SIGUSR2, "USR2" },
	{ SIGPIPE, "PIPE" }, { SIGALRM, "ALRM" }, { SIGTERM, "TERM" },
#ifdef SIGSTKFLT
	{ SIGSTKFLT, "STKFLT" },
#endif
	{ SIGCHLD, "CHLD" }, { SIGCONT, "CONT" }, { SIGSTOP, "STOP" },
	{ SIGTSTP, "TSTP" }, { SIGTTIN, "TTIN" }, { SIGTTOU, "TTOU" },
	{ SIGURG, "URG" }, { SIGXCPU, "XCPU" }, { SIGXFSZ, "XFSZ" },
	{ SIGVTALRM, "VTALRM" }, { SIGPROF, "PROF" },
#ifdef SIGWINCH
	{ SIGWINCH, "WINCH" },
#endif
#ifdef SIGIO
	{ SIGIO, "IO" },
#endif
#ifdef SIGPWR
	{ SIGPWR, "PWR" },
#endif
	{ SIGSYS, "SYS" },
};

#define NSIGNAMES (sizeof signames / sizeof signames[0])

const char *signals_name(int num)
{
	for (size_t i = 0; i < NSIGNAMES; i++)
		if (signames[i].num == num)
			return signames[i].name;
	return NULL;
}

int signals_number(const char *s)
{
	const char *p = s;
	long n = 0;
	if (*p >= '0' && *p <= '9') {
		for (; *p >= '0' && *p <= '9'; p++)
			if ((n = n * 10 + (*p - '0')) >= NSIG)
				return -1;
		return *p ? -1 : (int)n;
	}
	if (strncasecmp(s, "SIG", 3) == 0)
		s += 3;
	for (size_t i = 0; i < NSIGNAMES; i++)
		if (strcasecmp(s, signames[i].name) == 0)
			return signames[i].num;
	return -1;
}
