/* history.c: the command history of an interactive shell, and its file */

/*
 * DESIGN
 * One list behind one mutex (`lock`, taken by every exported function; lock
 * order: history lock, then the state lock, which state_var_dup and
 * state_opt take for themselves). The file format and the locking of
 * concurrent shells are described in history.h. The lock is held across
 * the writes to $HISTFILE so that entries reach the file in the order of
 * their numbers; it is never held across readline or shell code.
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "history.h"
#include "state.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char **entries;        /* entries[0] is number `base` */
static size_t nentries, capentries;
static long base = 1;
static long saved_upto;       /* entries numbered <= saved_upto are in the file */
static unsigned long generation;

/* --- encoding ------------------------------------------------------------ */

void history_encode(const char *text, struct sbuf *out)
{
	if (!strchr(text, '\n') && text[0] != '\\') {
		sbuf_adds(out, text);
		return;
	}
	sbuf_addc(out, '\\');
	for (const char *s = text; *s; s++) {
		if (*s == '\\')
			sbuf_adds(out, "\\\\");
		else if (*s == '\n')
			sbuf_adds(out, "\\n");
		else
			sbuf_addc(out, *s);
	}
}

void history_decode(char *line)
{
	if (line[0] != '\\')
		return;
	char *w = line;
	for (const char *r = line + 1; *r; r++) {
		if (*r == '\\' && r[1] == 'n') {
			*w++ = '\n';
			r++;
		} else if (*r == '\\' && r[1] == '\\') {
			*w++ = '\\';
			r++;
		} else {
			*w++ = *r;
		}
	}
	*w = '\0';
}

/* --- settings ------------------------------------------------------------ */

/* A numeric variable's value, or dflt when unset or not a number >= 0. */
static long var_limit(const char *name, long dflt)
{
	char *v = state_var_dup(name);
	long n;
	if (!v || !parse_long(v, &n) || n < 0)
		n = dflt;
	free(v);
	return n;
}

/* malloc'd path of the history file, or NULL when there is none. */
static char *file_path(void)
{
	bool isset;
	state_var_flags("HISTFILE", &isset);
	if (isset) {
		char *p = state_var_dup("HISTFILE");
		if (p && *p)
			return p;
		free(p);
		return NULL;   /* HISTFILE= : no file */
	}
	char *home = state_var_dup("HOME");
	if (!home || !*home) {
		free(home);
		return NULL;
	}
	char *p = xasprintf("%s/.conch_history", home);
	free(home);
	return p;
}

static bool histcontrol_has(const char *word)
{
	char *v = state_var_dup("HISTCONTROL");
	bool found = false;
	for (char *s = v ? strtok(v, ":") : NULL; s; s = strtok(NULL, ":"))
		if (strcmp(s, word) == 0 || strcmp(s, "ignoreboth") == 0)
			found = true;
	free(v);
	return found;
}

/* --- the file -------------------------------------------------------------- */

/* Opens and flocks "$path.lock"; returns the fd or -1 (then no locking). */
static int lock_file(const char *path, int how)
{
	char *lp = xasprintf("%s.lock", path);
	int fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(lp);
	if (fd < 0)
		return -1;
	while (flock(fd, how) < 0) {
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

static void unlock_file(int fd)
{
	if (fd >= 0)
		close(fd);   /* closing drops the flock */
}

static bool write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		s += w;
		n -= (size_t)w;
	}
	return true;
}

/* Appends entries numbered saved_upto+1 .. end, each with one write(2).
 * Caller holds the history lock. */
static void append_unsaved_locked(void)
{
	long last = base + (long)nentries - 1;
	if (saved_upto >= last)
		return;
	char *path = file_path();
	if (!path) {
		saved_upto = last;
		return;
	}
	int lk = lock_file(path, LOCK_SH);
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0) {
		struct sbuf b = SBUF_INIT;
		long from = saved_upto + 1 < base ? base : saved_upto + 1;
		for (long n = from; n <= last; n++) {
			sbuf_reset(&b);
			history_encode(entries[n - base], &b);
			sbuf_addc(&b, '\n');
			if (!write_all(fd, b.data, b.len))
				break;
		}
		sbuf_free(&b);
		close(fd);
	}
	unlock_file(lk);
	saved_upto = last;
	free(path);
}

/* Reads the lines of path; NULL when it cannot be read. */
static bool read_lines(const char *path, struct strvec *out)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return false;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		strvec_pushdup(out, line);
	}
	free(line);
	fclose(f);
	return true;
}

/* Cuts the file to its last `keep` lines (exclusive lock, then rename). */
static void trim_file(const char *path, long keep)
{
	int lk = lock_file(path, LOCK_EX);
	if (lk < 0)
		return;   /* without the lock, a concurrent append could be lost */
	struct strvec lines = STRVEC_INIT;
	if (read_lines(path, &lines) && (long)lines.n > keep) {
		char *tmp = xasprintf("%s.tmp%ld", path, (long)getpid());
		int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd >= 0) {
			struct sbuf b = SBUF_INIT;
			for (size_t i = lines.n - (size_t)keep; i < lines.n; i++) {
				sbuf_adds(&b, lines.v[i]);
				sbuf_addc(&b, '\n');
			}
			bool ok = write_all(fd, b.data, b.len) && fsync(fd) == 0;
			ok = close(fd) == 0 && ok;
			if (!ok || rename(tmp, path) != 0)
				unlink(tmp);
			sbuf_free(&b);
		}
		free(tmp);
	}
	strvec_free(&lines);
	unlock_file(lk);
}

/* --- the list ---------------------------------------------------------------- */

/* Drops the oldest entries beyond HISTSIZE. Caller holds the lock. */
static void enforce_size_locked(void)
{
	long max = var_limit("HISTSIZE", 1000);
	if ((long)nentries <= max)
		return;
	size_t drop = nentries - (size_t)max;
	for (size_t i = 0; i < drop; i++)
		free(entries[i]);
	memmove(entries, entries + drop, (nentries - drop) * sizeof *entries);
	nentries -= drop;
	base += (long)drop;
}

static void push_locked(const char *text)
{
	if (nentries == capentries) {
		capentries = capentries ? capentries * 2 : 64;
		entries = xrealloc(entries, capentries * sizeof *entries);
	}
	entries[nentries++] = xstrdup(text);
	generation++;
}

enum hist_add history_add(const char *text)
{
	if (!*text)
		return HIST_IGNORED;
	bool nospace = state_opt(OPT_HISTNOSPACE) || histcontrol_has("ignorespace");
	bool nodups = state_opt(OPT_HISTNODUPS) || histcontrol_has("ignoredups");
	if (nospace && (text[0] == ' ' || text[0] == '\t'))
		return HIST_IGNORED;
	pthread_mutex_lock(&lock);
	enum hist_add r = HIST_ADDED;
	if (nodups && nentries > 0 && strcmp(entries[nentries - 1], text) == 0) {
		r = HIST_IGNORED;
	} else {
		push_locked(text);
		enforce_size_locked();
		if (state_opt(OPT_HISTAPPEND))
			append_unsaved_locked();
	}
	pthread_mutex_unlock(&lock);
	return r;
}

void history_replace_last(const char *text)
{
	pthread_mutex_lock(&lock);
	if (nentries > 0) {
		free(entries[nentries - 1]);
		entries[nentries - 1] = xstrdup(text);
		generation++;
		/* with histappend the fc command is already in the file: the
		 * command it ran follows it there */
		long last = base + (long)nentries - 1;
		if (saved_upto >= last && state_opt(OPT_HISTAPPEND)) {
			saved_upto = last - 1;
			append_unsaved_locked();
		}
	}
	pthread_mutex_unlock(&lock);
}

void history_load(void)
{
	char *path = file_path();
	if (!path)
		return;
	struct strvec lines = STRVEC_INIT;
	if (read_lines(path, &lines)) {
		pthread_mutex_lock(&lock);
		for (size_t i = 0; i < lines.n; i++) {
			history_decode(lines.v[i]);
			if (*lines.v[i])
				push_locked(lines.v[i]);
		}
		enforce_size_locked();
		saved_upto = base + (long)nentries - 1;
		pthread_mutex_unlock(&lock);
	}
	strvec_free(&lines);
	free(path);
}

void history_save(void)
{
	pthread_mutex_lock(&lock);
	append_unsaved_locked();
	pthread_mutex_unlock(&lock);
	char *path = file_path();
	if (path) {
		struct stat sb;
		if (stat(path, &sb) == 0)
			trim_file(path, var_limit("HISTFILESIZE", 2000));
		free(path);
	}
}

void history_range(long *first, long *last)
{
	pthread_mutex_lock(&lock);
	*first = base;
	*last = base + (long)nentries - 1;
	pthread_mutex_unlock(&lock);
}

char *history_get(long n)
{
	pthread_mutex_lock(&lock);
	char *s = n >= base && n < base + (long)nentries ? xstrdup(entries[n - base]) : NULL;
	pthread_mutex_unlock(&lock);
	return s;
}

void history_copy(long first, long last, struct strvec *out)
{
	pthread_mutex_lock(&lock);
	if (first < base)
		first = base;
	if (last > base + (long)nentries - 1)
		last = base + (long)nentries - 1;
	for (long n = first; n <= last; n++)
		strvec_pushdup(out, entries[n - base]);
	pthread_mutex_unlock(&lock);
}

void history_clear(void)
{
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < nentries; i++)
		free(entries[i]);
	nentries = 0;
	base = 1;          /* as in bash: numbering starts again */
	saved_upto = 0;
	generation++;
	pthread_mutex_unlock(&lock);
}

bool history_delete(long n)
{
	pthread_mutex_lock(&lock);
	bool ok = n >= base && n < base + (long)nentries;
	if (ok) {
		size_t i = (size_t)(n - base);
		free(entries[i]);
		memmove(entries + i, entries + i + 1, (nentries - i - 1) * sizeof *entries);
		nentries--;
		if (n <= saved_upto)
			saved_upto--;
		generation++;
	}
	pthread_mutex_unlock(&lock);
	return ok;
}

unsigned long history_generation(void)
{
	pthread_mutex_lock(&lock);
	unsigned long g = generation;
	pthread_mutex_unlock(&lock);
	return g;
}
