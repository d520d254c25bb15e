/* arena.h: bump allocator for memory freed all at once (parse units, expansion) */
#ifndef CONCH_ARENA_H
#define CONCH_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head; /* newest block first; NULL when empty */
};
#define ARENA_INIT { NULL }

/* Never returns NULL (aborts on exhaustion); memory is zeroed and aligned
 * for any type. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Frees every block; the arena is empty and reusable afterwards. */
void arena_free(struct arena *a);

#endif
