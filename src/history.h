/* history.h: the command history of an interactive shell, and its file */
#ifndef CONCH_HISTORY_H
#define CONCH_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/*
 * The history is shared shell state: the main thread adds entries while it
 * reads commands, and `history` or `fc` may run as a thread stage
 * (`history | match x`). Every function takes the history lock (private to
 * history.c; it is never held across anything but memory and file I/O on
 * $HISTFILE) and returns copies.
 *
 * Entries are numbered from 1 in the order they were added (those read from
 * the file first); dropping old entries (HISTSIZE) does not renumber the
 * others. An entry may span several lines (a command continued with PS2).
 *
 * The file holds one entry per line. An entry that contains a newline or
 * starts with a backslash is written as a backslash followed by the entry
 * with `\` written `\\` and newline written `\n`; any other entry is written
 * as it is. Each entry is appended with one write(2) on an O_APPEND
 * descriptor while a shared flock(2) is held on "$HISTFILE.lock"; cutting
 * the file to HISTFILESIZE lines takes that lock exclusively and replaces the
 * file by rename(2), so concurrent shells never lose or mix entries.
 */

/* Why history_add refused a line. */
enum hist_add {
	HIST_ADDED,
	HIST_IGNORED,    /* empty, a duplicate (histnodups) or starts with a blank (histnospace) */
};

/* Adds one entry (its text without the final newline), applying HISTCONTROL
 * and the histnodups/histnospace options, HISTSIZE, and with histappend
 * writing it to $HISTFILE at once. Takes the history lock. */
enum hist_add history_add(const char *text);
/* Replaces the newest entry (fc -s and fc editing put the commands they run
 * in place of the fc command). Takes the lock. */
void history_replace_last(const char *text);
/* Reads $HISTFILE (if any) into the list, as the oldest entries. Called once
 * when an interactive shell starts, after its start-up files. */
void history_load(void);
/* At exit: appends the entries not yet written, then cuts the file to
 * HISTFILESIZE lines. */
void history_save(void);

/* Number of the first and last entry; *first > *last when empty. */
void history_range(long *first, long *last);
/* malloc'd copy of entry n, or NULL when there is none. */
char *history_get(long n);
/* Copies entries first..last (clamped) into out, oldest first. */
void history_copy(long first, long last, struct strvec *out);
/* history -c. */
void history_clear(void);
/* history -d N: false when there is no entry N. */
bool history_delete(long n);
/* A counter that changes whenever the list changes; the line editor
 * compares it to know when its own copy must be rebuilt. */
unsigned long history_generation(void);

/* The file encoding (exposed for the tests and for fc). encode appends the
 * line for text (no newline) to out; decode turns a line back in place. */
void history_encode(const char *text, struct sbuf *out);
void history_decode(char *line);

#endif
