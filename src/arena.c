/* arena.c: bump allocator for memory freed all at once (parse units, expansion) */
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "util.h"

/* Allocations are rounded to this; it is at least alignof(max_align_t). */
#define ARENA_ALIGN 16
/* Usable bytes of an ordinary block; larger requests get a block of their own. */
#define ARENA_BLOCK_SIZE (8192 - 64)
#define ARENA_BIG (ARENA_BLOCK_SIZE / 4)

struct arena_block {
	struct arena_block *next;
	size_t used;   /* bytes handed out from data */
	size_t cap;    /* bytes in data */
	alignas(ARENA_ALIGN) unsigned char data[];
};

_Static_assert(ARENA_ALIGN >= alignof(max_align_t), "arena alignment too small");

static size_t arena_round(size_t n)
{
	if (n > SIZE_MAX - (ARENA_ALIGN - 1)) {
		fputs("conch: arena: allocation too large\n", stderr);
		abort();
	}
	return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static struct arena_block *arena_block_new(size_t cap)
{
	if (cap > SIZE_MAX - sizeof(struct arena_block)) {
		fputs("conch: arena: allocation too large\n", stderr);
		abort();
	}
	struct arena_block *b = xcalloc(1, sizeof *b + cap);
	b->cap = cap;
	return b;
}

void *arena_alloc(struct arena *a, size_t n)
{
	size_t need = arena_round(n ? n : 1);
	struct arena_block *b = a->head;
	if (need > ARENA_BIG) {
		/* Own block, linked behind the current one so that the current
		 * block's free space stays usable. */
		struct arena_block *big = arena_block_new(need);
		big->used = need;
		if (b) {
			big->next = b->next;
			b->next = big;
		} else {
			a->head = big;
		}
		return big->data;
	}
	if (!b || b->cap - b->used < need) {
		b = arena_block_new(ARENA_BLOCK_SIZE);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += need;
	return p; /* blocks are calloc'd and never reused: already zero */
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
