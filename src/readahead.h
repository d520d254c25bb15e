/* readahead.h: read-ahead buffers on the regular files the shell opened, so `while read` costs no system call a line */
#ifndef CONCH_READAHEAD_H
#define CONCH_READAHEAD_H

/*
 * DESIGN
 * read must leave the file offset just after the line it took: the commands
 * after it may read the same file (`{ read a; cat; } < f`). On a regular
 * file, reading a block and seeking back does that, at three system calls a
 * line (fstat, read, lseek). Here the block read ahead is kept instead, in a
 * buffer per real fd, and the offset is put right (one lseek back: a "sync")
 * only before something else can see it:
 *  - before any process starts (spawn.c syncs every buffer: a child gets
 *    copies of the fds, whatever their numbers);
 *  - when the fd is looked up for any other use (fdmap_get, fdmap_each:
 *    a builtin writing to it, a redirection duplicating it);
 *  - before the fd is duplicated by the shell (readahead_share): the copy
 *    shares the offset, so neither is buffered again until it is closed;
 *  - before the fd is closed (readahead_close, from the fd map).
 * Only real fds >= 10 named by a stage's fd map are buffered: the files the
 * shell's redirections opened, which only the fd map closes. Stages of one
 * process reading the same fd share its buffer; one lock guards them all,
 * and is never held across anything but a read(2) or lseek(2) of a regular
 * file.
 */

#include <stddef.h>
#include <sys/types.h>

/* What take(ctx, p, n) returns: how many of the n bytes it used, when it
 * needs no more, or -1 when it used all of them and wants more. */
typedef ssize_t (*readahead_take)(void *ctx, const char *p, size_t n);

/* Feeds the bytes of rfd at its offset to take, a buffer at a time, until
 * take has what it needs; the bytes it did not use stay buffered. Returns 0
 * then, 1 at end of file, -1 on a read error (errno), or -2 when rfd is not
 * buffered (not a regular file, shared, or out of range): the caller reads
 * it itself. */
int readahead_scan(int rfd, readahead_take take, void *ctx);

/* Puts rfd's offset where the reader left it, if bytes are read ahead. */
void readahead_sync(int rfd);
/* readahead_sync of every fd (before a process starts). */
void readahead_sync_all(void);
/* rfd is about to be duplicated as copy (or copy is -1): both share one
 * offset now, so neither is buffered until closed. */
void readahead_share(int rfd, int copy);
/* rfd is about to be closed: syncs it and forgets it. */
void readahead_close(int rfd);

#endif
