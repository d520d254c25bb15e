/* signals.h: signal dispositions, pending-signal flags, and blocking in stage threads */
#ifndef CONCH_SIGNALS_H
#define CONCH_SIGNALS_H

#include <signal.h>
#include <stdbool.h>

enum signal_disp {
	SIGNAL_DEFAULT,   /* SIG_DFL (or the shell's own default for INT/QUIT/TERM when interactive) */
	SIGNAL_IGNORE,
	SIGNAL_CATCH,     /* record it; the main thread runs the trap */
};

/* Start-up (main thread, before any thread): SIGPIPE ignored, remembers the
 * dispositions inherited (POSIX: signals ignored on entry to a
 * non-interactive shell stay ignored). */
void signals_init(bool interactive);
/* Installs the disposition for sig. */
void signals_set_disposition(int sig, enum signal_disp d);
/* From now on the signals that would end the shell by default (HUP, INT,
 * QUIT, ALRM, TERM, USR1, USR2), while left at their default, run fn first:
 * fn (async-signal-safe) cleans up, then the shell dies of the signal as
 * it would have. The first call's fn is kept. Thread-safe. */
void signals_arm_cleanup(void (*fn)(void));
/* In the child of an asynchronous list without job control: sig ignored,
 * for the child and the commands it runs (POSIX 2.9.3). */
void signals_ignore_in_async(int sig);
/* True when sig was ignored when the shell started (trap cannot catch it). */
bool signals_ignored_at_start(int sig);
/* Takes the lowest pending caught signal and clears it; 0 when none. */
int signals_take_pending(void);
/* The lowest pending caught signal, left pending; 0 when none. */
int signals_peek_pending(void);
/* True when any caught signal is pending (cheap; checked between commands). */
bool signals_pending(void);
/* Blocks every asynchronous signal in the calling thread (stage threads). */
void signals_block_all(void);
/* The signal sent to a stage thread to interrupt a blocking system call when
 * the stage is asked to stop; its handler does nothing (no SA_RESTART). Stage
 * threads block every signal but this one. */
int signals_wake(void);
/* True when Ctrl-C arrived in an interactive shell and no trap catches
 * SIGINT: the foreground pipeline must stop. The signal stays pending. */
bool signals_interrupt_pending(void);
/* Child side (after fork, or before exec in a vfork child):
 * every signal the shell catches or ignores for itself goes back to default;
 * those ignored by a trap '' stay ignored. */
void signals_child_defaults(sigset_t *to_default);
/* What a vfork child must reset to SIG_DFL before exec: the set above plus
 * every signal a conch handler catches (the child shares the shell's memory
 * until exec, so no handler may run in it). */
void signals_child_resets(sigset_t *to_reset);
/* Job control on or off (jobctl.c, main thread): SIGTTIN and SIGTTOU
 * ignored by the shell, SIGTSTP noted (signals_take_tstp) and SIGCHLD
 * caught, both writing a byte to wake_fd; children get the defaults back.
 * A trap on one of them takes precedence. */
void signals_job_control(bool on, int wake_fd);
/* Acts as if sig had reached the shell: noted when the shell catches it,
 * otherwise the shell gets it (a job under job control died of SIGINT: the
 * terminal sent it to the job's group only). */
void signals_note(int sig);
/* True (and cleared) when SIGTSTP reached the shell since the last call. */
bool signals_take_tstp(void);
/* Resets the mask and dispositions in a forked subshell child. */
void signals_reset_in_child(void);

/* Name without SIG ("INT"), or NULL for an unknown number. */
const char *signals_name(int sig);
/* Number of a signal name (SIG optional, any case) or decimal number; -1
 * when unknown. */
int signals_number(const char *s);

#endif
