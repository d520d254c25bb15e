/* path.c: finding commands in $PATH, remembered in a hash table (hash builtin) */

/*
 * DESIGN
 * One table of name -> full path, guarded by `lock` (private). Lock order:
 * the path lock is a leaf; PATH is read from the state module before it is
 * taken. The table is emptied whenever PATH is assigned (even to the same
 * value, as POSIX hash semantics expect): state_path_generation() changes.
 */

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "path.h"
#include "state.h"

struct entry {
	char *name;
	char *path;
	struct entry *next;
};

#define NBUCKETS 128u

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *table[NBUCKETS];
static unsigned table_gen;  /* state_path_generation() the table is for */

static unsigned bucket(const char *s)
{
	unsigned h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h % NBUCKETS;
}

static void clear_locked(void)
{
	for (unsigned b = 0; b < NBUCKETS; b++) {
		struct entry *e = table[b];
		table[b] = NULL;
		while (e) {
			struct entry *next = e->next;
			free(e->name);
			free(e->path);
			free(e);
			e = next;
		}
	}
}

static void atfork_lock(void) { pthread_mutex_lock(&lock); }
static void atfork_unlock(void) { pthread_mutex_unlock(&lock); }
static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init_once(void) { pthread_atfork(atfork_lock, atfork_unlock, atfork_unlock); }

char *path_search(const char *name, const char *path, int *err)
{
	struct sbuf b = SBUF_INIT;
	char *found = NULL;
	*err = ENOENT;
	if (!path)
		path = "/usr/local/bin:/usr/bin:/bin";
	for (const char *p = path;; p++) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);
		sbuf_reset(&b);
		if (len)
			sbuf_addn(&b, p, len);
		else
			sbuf_addc(&b, '.');
		sbuf_addc(&b, '/');
		sbuf_adds(&b, name);
		struct stat sb;
		if (stat(b.data, &sb) == 0 && S_ISREG(sb.st_mode)) {
			if (access(b.data, X_OK) == 0) {
				found = sbuf_detach(&b);
				break;
			}
			*err = EACCES;
		}
		if (!colon)
			break;
		p = colon;
	}
	sbuf_free(&b);
	return found;
}

char *path_lookup(const char *name, int *err)
{
	return path_find(name, true, err);
}

char *path_find(const char *name, bool remember, int *err)
{
	unsigned gen = state_path_generation();
	char *path = state_var_dup("PATH");
	char *r = NULL;
	pthread_once(&once, init_once);
	pthread_mutex_lock(&lock);
	if (table_gen != gen) {
		clear_locked();
		table_gen = gen;
	}
	for (struct entry *e = table[bucket(name)]; e; e = e->next)
		if (strcmp(e->name, name) == 0) {
			r = xstrdup(e->path);
			break;
		}
	pthread_mutex_unlock(&lock);
	if (r) {
		free(path);
		*err = 0;
		return r;
	}
	r = path_search(name, path, err);
	if (r && remember) {
		struct entry *e = xmalloc(sizeof *e);
		e->name = xstrdup(name);
		e->path = xstrdup(r);
		pthread_mutex_lock(&lock);
		if (table_gen == gen) {
			unsigned b = bucket(name);
			e->next = table[b];
			table[b] = e;
			e = NULL;
		}
		pthread_mutex_unlock(&lock);
		if (e) {
			free(e->name);
			free(e->path);
			free(e);
		}
	}
	free(path);
	return r;
}

void path_forget(const char *name)
{
	pthread_mutex_lock(&lock);
	if (!name) {
		clear_locked();
	} else {
		for (struct entry **pp = &table[bucket(name)]; *pp; pp = &(*pp)->next)
			if (strcmp((*pp)->name, name) == 0) {
				struct entry *dead = *pp;
				*pp = dead->next;
				free(dead->name);
				free(dead->path);
				free(dead);
				break;
			}
	}
	pthread_mutex_unlock(&lock);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void path_list(struct strvec *out)
{
	size_t first = out->n;
	pthread_mutex_lock(&lock);
	if (table_gen != state_path_generation())
		clear_locked();
	for (unsigned b = 0; b < NBUCKETS; b++)
		for (struct entry *e = table[b]; e; e = e->next)
			strvec_push(out, xasprintf("%s\t%s", e->name, e->path));
	pthread_mutex_unlock(&lock);
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof(char *), cmp_str);
}
