/* stage.c: the per-stage execution context: fds, buffered output, $?, arguments, locals */

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "locks.h"
#include "jobctl.h"
#include "stage.h"
#include "readahead.h"
#include "state.h"

/* --- virtual fd map ------------------------------------------------------- */

int fdmap_peek(const struct fdmap *m, int vfd, bool *mapped)
{
	for (size_t i = m->n; i-- > 0;)
		if (m->e[i].vfd == vfd) {
			*mapped = true;
			if (m->e[i].rfd == FDMAP_CLOSED) {
				errno = EBADF;
				return -1;
			}
			return m->e[i].rfd;
		}
	*mapped = false;
	return vfd;
}

int fdmap_get(const struct fdmap *m, int vfd)
{
	bool mapped;
	int rfd = fdmap_peek(m, vfd, &mapped);
	readahead_sync(rfd);
	return rfd;
}

void fdmap_push(struct fdmap *m, int vfd, int rfd, bool owned)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 8;
		m->e = xrealloc(m->e, m->cap * sizeof *m->e);
	}
	m->e[m->n++] = (struct fd_entry){ vfd, rfd, owned && rfd >= 0, false };
}

bool fdmap_find(const struct fdmap *m, int vfd, int *rfd)
{
	for (size_t i = m->n; i-- > 0;)
		if (m->e[i].vfd == vfd) {
			*rfd = m->e[i].rfd;
			return true;
		}
	return false;
}

void fdmap_keep_top(struct fdmap *m)
{
	if (m->n)
		m->e[m->n - 1].kept = true;
}

size_t fdmap_mark(const struct fdmap *m)
{
	return m->n;
}

static void close_owned(int rfd)
{
	readahead_close(rfd);
	close(rfd);
}

void fdmap_pop_to(struct fdmap *m, size_t mark)
{
	size_t top = mark;
	for (size_t i = mark; i < m->n; i++) {
		struct fd_entry *e = &m->e[i];
		if (e->kept)
			m->e[top++] = *e;
		else if (e->owned)
			close_owned(e->rfd);
	}
	m->n = top;
}

void fdmap_settle(struct fdmap *m, size_t mark)
{
	size_t top = mark;   /* entries below top are settled */
	for (size_t i = mark; i < m->n; i++) {
		struct fd_entry e = m->e[i];
		struct fd_entry *old = NULL;
		for (size_t j = top; j-- > 0;)
			if (m->e[j].vfd == e.vfd) {
				old = &m->e[j];
				break;
			}
		if (old) {
			if (old->owned && old->rfd != e.rfd)
				close_owned(old->rfd);
			e.kept = old->kept;   /* in the older entry's scope */
			*old = e;
		} else {
			e.kept = true;
			m->e[top++] = e;
		}
	}
	m->n = top;
}

void fdmap_copy(struct fdmap *dst, const struct fdmap *src)
{
	dst->n = dst->cap = 0;
	dst->e = NULL;
	for (size_t i = 0; i < src->n; i++)
		fdmap_push(dst, src->e[i].vfd, src->e[i].rfd, false);
}

struct dup_ctx {
	struct fdmap *dst;
	int err;
};

static void dup_one(void *ctx, int vfd, int rfd)
{
	struct dup_ctx *c = ctx;
	if (c->err)
		return;
	if (rfd < 0) {   /* closed or captured */
		fdmap_push(c->dst, vfd, FDMAP_CLOSED, false);
		return;
	}
	int fd = fcntl(rfd, F_DUPFD_CLOEXEC, 10);
	if (fd < 0) {
		c->err = errno;
		return;
	}
	readahead_share(rfd, fd);
	fdmap_push(c->dst, vfd, fd, true);
}

int fdmap_dup(struct fdmap *dst, const struct fdmap *src)
{
	struct dup_ctx c = { dst, 0 };
	dst->n = dst->cap = 0;
	dst->e = NULL;
	fdmap_each(src, dup_one, &c);
	if (c.err) {
		fdmap_free(dst);
		errno = c.err;
		return -1;
	}
	return 0;
}

void fdmap_free(struct fdmap *m)
{
	fdmap_pop_to(m, 0);
	free(m->e);
	m->e = NULL;
	m->cap = 0;
}

void fdmap_forget(struct fdmap *m)
{
	free(m->e);
	m->e = NULL;
	m->n = m->cap = 0;
}

void fdmap_each(const struct fdmap *m, void (*fn)(void *ctx, int vfd, int rfd), void *ctx)
{
	for (size_t i = 0; i < m->n; i++) {
		bool shadowed = false;
		for (size_t j = i + 1; j < m->n; j++)
			if (m->e[j].vfd == m->e[i].vfd) {
				shadowed = true;
				break;
			}
		if (!shadowed) {
			readahead_sync(m->e[i].rfd);
			fn(ctx, m->e[i].vfd, m->e[i].rfd);
		}
	}
}

/* --- positional parameters ---------------------------------------------- */

struct args *args_new(int n, char *const *v)
{
	struct args *a = xmalloc(sizeof *a);
	atomic_init(&a->refs, 1);
	a->n = n;
	a->v = xmalloc(((size_t)n + 1) * sizeof *a->v);
	for (int i = 0; i < n; i++)
		a->v[i] = xstrdup(v[i]);
	a->v[n] = NULL;
	return a;
}

struct args *args_ref(struct args *a)
{
	atomic_fetch_add(&a->refs, 1);
	return a;
}

void args_unref(struct args *a)
{
	if (!a || atomic_fetch_sub(&a->refs, 1) != 1)
		return;
	for (int i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	free(a);
}

/* --- set-up and tear-down ------------------------------------------------- */

void stage_init_main(struct stage *st, int argc, char *const *argv)
{
	memset(st, 0, sizeof *st);
	st->out_fd = -1;
	st->args = args_new(argc, argv);
	st->is_main = true;
	st->main_thread = true;
	st->peek[0] = st->peek[1] = -1;
	atomic_init(&st->stop, false);
	st->source = "conch";
}

static void copy_scope_vars(struct stage *st, const struct scope *sc)
{
	/* innermost first: a name already copied is shadowed */
	for (; sc; sc = sc->up)
		for (const struct local_var *v = sc->vars; v; v = v->next) {
			bool seen = false;
			for (const struct local_var *w = st->scope->vars; w; w = w->next)
				if (strcmp(w->name, v->name) == 0)
					seen = true;
			if (seen)
				continue;
			struct local_var *c = xcalloc(1, sizeof *c);
			c->name = xstrdup(v->name);
			c->value = v->value ? xstrdup(v->value) : NULL;
			c->flags = v->flags;
			c->next = st->scope->vars;
			st->scope->vars = c;
		}
}

/*
 * A substitution's layer of variables. Its stages may run on several
 * threads (a pipeline inside the substitution), so the list is guarded by
 * its own lock: a leaf lock, taken after nothing and never held across a
 * call out of this file except state_var_flags (the state lock is a leaf
 * too, and is never held while this one is taken).
 */
struct confine {
	atomic_int refs;
	pthread_mutex_t lock;
	struct local_var *vars;   /* value NULL: unset in the substitution */
	struct confine *up;       /* an enclosing substitution's, read through */
	struct state_rand rand;   /* $RANDOM in the substitution: a generator
	                             of its own, as a forked subshell reseeds
	                             (the shell's sequence does not advance) */
	bool rand_seeded;
};

static struct confine *confine_ref(struct confine *c)
{
	if (c)
		atomic_fetch_add(&c->refs, 1);
	return c;
}

static void confine_unref(struct confine *c)
{
	while (c && atomic_fetch_sub(&c->refs, 1) == 1) {
		struct confine *up = c->up;
		for (struct local_var *v = c->vars, *next; v; v = next) {
			next = v->next;
			free(v->name);
			free(v->value);
			free(v);
		}
		pthread_mutex_destroy(&c->lock);
		free(c);
		c = up;
	}
}

void stage_confine(struct stage *st)
{
	struct confine *c = xcalloc(1, sizeof *c);
	atomic_init(&c->refs, 1);
	pthread_mutex_init(&c->lock, NULL);
	c->up = st->confined;   /* the stage's reference moves to c */
	st->confined = c;
}

static struct local_var *confine_find_locked(struct confine *c, const char *name)
{
	for (struct local_var *v = c->vars; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

/* Looks name up in the layers of st: 1 (value appended, or unset: 0 with
 * *found), 0 when no layer has it. */
static bool confine_get(const struct stage *st, const char *name, struct sbuf *out, bool *found)
{
	*found = false;
	for (struct confine *c = st->confined; c; c = c->up) {
		pthread_mutex_lock(&c->lock);
		struct local_var *v = confine_find_locked(c, name);
		bool set = v && v->value;
		if (set && out)
			sbuf_adds(out, v->value);
		pthread_mutex_unlock(&c->lock);
		if (v) {
			*found = true;
			return set;
		}
	}
	return false;
}

static bool is_random(const char *name)
{
	return name[0] == 'R' && strcmp(name, "RANDOM") == 0 && state_var_random();
}

/* $RANDOM in a substitution whose layer does not hold RANDOM: the next
 * number of the layer's generator (seeded on first use or by value); false
 * when RANDOM is no longer the dynamic variable. */
static bool confine_random(struct stage *st, const char *seed, struct sbuf *out)
{
	if (!is_random("RANDOM"))
		return false;
	struct confine *c = st->confined;
	pthread_mutex_lock(&c->lock);
	if (seed) {
		char *end;
		uintmax_t n = strtoumax(seed, &end, 10);
		state_rand_seed(&c->rand, end != seed ? n : 0);
		c->rand_seeded = true;
	}
	if (!c->rand_seeded) {
		state_rand_seed_random(&c->rand);
		c->rand_seeded = true;
	}
	int v = out ? state_rand_next(&c->rand) : 0;
	pthread_mutex_unlock(&c->lock);
	if (out)
		sbuf_printf(out, "%d", v);
	return true;
}

/* Assigns (value) or unsets (NULL) name in st's own layer; -1 after a
 * message when the shared variable is readonly. */
static int confine_set(struct stage *st, const char *name, const char *value)
{
	unsigned flags = state_var_flags(name, NULL);
	if (flags & VAR_READONLY) {
		stage_error(st, "%s: readonly variable", name);
		return -1;
	}
	if (value && is_random(name)) {
		bool shadowed;
		confine_get(st, name, NULL, &shadowed);
		if (!shadowed && confine_random(st, value, NULL))
			return 0;   /* seeds the layer's generator */
	}
	char *copy = value ? xstrdup(value) : NULL;
	struct confine *c = st->confined;
	pthread_mutex_lock(&c->lock);
	struct local_var *v = confine_find_locked(c, name);
	if (!v) {
		v = xcalloc(1, sizeof *v);
		v->name = xstrdup(name);
		v->flags = flags & VAR_EXPORT;
		v->next = c->vars;
		c->vars = v;
	}
	free(v->value);
	v->value = copy;
	pthread_mutex_unlock(&c->lock);
	return 0;
}

static void confine_apply(struct confine *c)
{
	if (!c)
		return;
	confine_apply(c->up);   /* the farthest layer first: nearer ones win */
	for (struct local_var *v = c->vars; v; v = v->next)
		if (v->value)
			state_var_set(v->name, v->value, 0);
		else
			state_var_unset(v->name);
}

void stage_unconfine(struct stage *st)
{
	confine_apply(st->confined);
	/* other stages of the parent still point at the layers: in this child
	 * they never run again, so the memory is left as it is */
	st->confined = NULL;
}

void stage_init_child(struct stage *st, const struct stage *parent)
{
	memset(st, 0, sizeof *st);
	st->out_fd = -1;
	fdmap_copy(&st->fds, &parent->fds);
	st->status = parent->status;
	st->args = args_ref(parent->args);
	atomic_init(&st->stop, false);
	st->lineno = parent->lineno;
	st->source = parent->source;
	st->peek[0] = st->peek[1] = -1;
	st->unit = parent->unit;   /* the parent outlives the stage */
	st->nest = parent->nest;
	if (parent->scope) {
		/* a snapshot of the visible locals: the stage's own copies */
		stage_scope_push(st, false);
		copy_scope_vars(st, parent->scope);
		/* function-level context: `return` at a stage's top level acts as
		 * in a subshell, so func_depth stays 0 here */
	}
	st->confined = confine_ref(parent->confined);   /* pipeline stages share it */
	st->grp = jobgrp_ref(parent->grp);
	st->lastarg = parent->lastarg ? xstrdup(parent->lastarg) : NULL;
}


bool stage_nest_enter(struct stage *st, const char *what)
{
	if (st->nest >= STAGE_MAX_NEST) {
		stage_error(st, "%s: maximum nesting depth (%d) exceeded", what, STAGE_MAX_NEST);
		st->status = 2;
		st->flow = FLOW_EXIT;
		return false;
	}
	st->nest++;
	return true;
}

void stage_nest_leave(struct stage *st)
{
	st->nest--;
}

void stage_destroy(struct stage *st)
{
	io_flush(st);
	locks_release_all(st);
	while (st->scope)
		stage_scope_pop(st);
	fdmap_free(&st->fds);
	if (st->peek[0] >= 0) {
		close(st->peek[0]);
		close(st->peek[1]);
		st->peek[0] = st->peek[1] = -1;
	}
	sbuf_free(&st->out);
	free(st->lastarg);
	st->lastarg = NULL;
	args_unref(st->args);
	st->args = NULL;
	confine_unref(st->confined);
	st->confined = NULL;
	jobgrp_unref(st->grp);
	st->grp = NULL;
}

/* --- variables -------------------------------------------------------------- */

static struct local_var *local_find(const struct stage *st, const char *name)
{
	for (struct scope *sc = st->scope; sc; sc = sc->up)
		for (struct local_var *v = sc->vars; v; v = v->next)
			if (strcmp(v->name, name) == 0)
				return v;
	return NULL;
}

static void join_args(const struct stage *st, struct sbuf *out)
{
	for (int i = 0; i < st->args->n; i++) {
		if (i)
			sbuf_addc(out, ' ');
		sbuf_adds(out, st->args->v[i]);
	}
}

/* Special parameters (POSIX 2.5.2) and positional ones. Returns 1 when name
 * is special and set, 0 when special and unset, -1 when not special. */
static int special_get(struct stage *st, const char *name, struct sbuf *out)
{
	char c = name[0];
	if (c >= '0' && c <= '9') {
		if (c == '0' && name[1] == '\0') {
			sbuf_adds(out, state_arg0());
			return 1;
		}
		long n;
		if (!parse_long(name, &n))
			return -1;
		if (n < 1 || n > st->args->n)
			return 0;
		sbuf_adds(out, st->args->v[n - 1]);
		return 1;
	}
	if (name[1] != '\0')
		return -1;
	switch (c) {
	case '?':
		sbuf_printf(out, "%d", st->status);
		return 1;
	case '#':
		sbuf_printf(out, "%d", st->args->n);
		return 1;
	case '$':
		sbuf_printf(out, "%ld", (long)state_shell_pid());
		return 1;
	case '!': {
		pid_t p = state_last_bg();
		if (!p)
			return 0;
		if (p < 0)   /* a thread job (jobs.h): its job spec */
			sbuf_printf(out, "%%%ld", -(long)p);
		else
			sbuf_printf(out, "%ld", (long)p);
		return 1;
	}
	case '-': {
		char *f = state_opt_flags();
		sbuf_adds(out, f);
		free(f);
		return 1;
	}
	case '@':
	case '*':
		join_args(st, out);
		return st->args->n > 0;
	case '_':
		if (st->lastarg)
			sbuf_adds(out, st->lastarg);
		return 1;
	}
	return -1;
}

void stage_take_lastarg(struct stage *st, struct strvec *argv)
{
	char *s = NULL;
	if (argv->n) {
		s = argv->v[--argv->n];   /* the caller would free it next */
		argv->v[argv->n] = NULL;
	}
	free(st->lastarg);
	st->lastarg = s;
}

void stage_set_lastarg(struct stage *st, const char *s)
{
	free(st->lastarg);
	st->lastarg = xstrdup(s);
}

bool stage_var_get(struct stage *st, const char *name, struct sbuf *out)
{
	int sp = special_get(st, name, out);
	if (sp >= 0)
		return sp == 1;
	if (st->scope) {
		struct local_var *v = local_find(st, name);
		if (v) {
			if (!v->value)
				return false;
			sbuf_adds(out, v->value);
			return true;
		}
	}
	if (name[0] == 'L' && strcmp(name, "LINENO") == 0) {
		sbuf_printf(out, "%d", st->lineno);
		return true;
	}
	if (st->confined) {
		bool found, set = confine_get(st, name, out, &found);
		if (found)
			return set;
		if (name[0] == 'R' && strcmp(name, "RANDOM") == 0 && confine_random(st, NULL, out))
			return true;
	}
	return state_var_get(name, out);
}

char *stage_var_dup(struct stage *st, const char *name)
{
	char c = name[0];
	bool plain = name[1] ? c < '0' || c > '9' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	if (plain && !st->scope && !st->confined &&
	    !(c == 'L' && strcmp(name, "LINENO") == 0))
		return state_var_dup(name);   /* a shared variable: one copy */
	struct sbuf b = SBUF_INIT;
	if (!stage_var_get(st, name, &b)) {
		sbuf_free(&b);
		return NULL;
	}
	return sbuf_detach(&b);
}

int stage_var_set(struct stage *st, const char *name, const char *value)
{
	struct local_var *v = st->scope ? local_find(st, name) : NULL;
	if (v) {
		if (v->flags & VAR_READONLY) {
			stage_error(st, "%s: readonly variable", name);
			return -1;
		}
		char *copy = xstrdup(value);
		free(v->value);
		v->value = copy;
		return 0;
	}
	if (st->confined)
		return confine_set(st, name, value);
	if (state_var_set(name, value, 0) != 0) {
		stage_error(st, "%s: readonly variable", name);
		return -1;
	}
	return 0;
}

int stage_var_flag(struct stage *st, const char *name, unsigned flag)
{
	struct local_var *v = st->scope ? local_find(st, name) : NULL;
	if (v) {
		v->flags |= flag;
		return 0;
	}
	return state_var_set(name, NULL, flag);
}

int stage_var_unset(struct stage *st, const char *name)
{
	struct local_var *v = st->scope ? local_find(st, name) : NULL;
	if (v) {
		if (v->flags & VAR_READONLY) {
			stage_error(st, "%s: readonly variable", name);
			return -1;
		}
		free(v->value);
		v->value = NULL;
		return 0;
	}
	if (st->confined)
		return confine_set(st, name, NULL);
	if (state_var_unset(name) != 0) {
		stage_error(st, "%s: readonly variable", name);
		return -1;
	}
	return 0;
}

void stage_scope_push(struct stage *st, bool temp)
{
	struct scope *sc = xcalloc(1, sizeof *sc);
	sc->up = st->scope;
	sc->temp = temp;
	st->scope = sc;
}

void stage_local_options(struct stage *st)
{
	struct scope *sc = st->scope;
	while (sc && sc->temp)
		sc = sc->up;
	if (!sc || sc->restore_opts)
		return;
	sc->restore_opts = true;
	sc->saved_opts = state_opt_word();
}

void stage_scope_pop(struct stage *st)
{
	struct scope *sc = st->scope;
	if (!sc)
		return;
	if (sc->restore_opts)
		state_opt_set_word(sc->saved_opts);
	st->scope = sc->up;
	for (struct local_var *v = sc->vars, *next; v; v = next) {
		next = v->next;
		free(v->name);
		free(v->value);
		free(v);
	}
	free(sc);
}

int stage_local(struct stage *st, const char *name, const char *value, bool has_value)
{
	/* the innermost non-temporary frame is the function's */
	struct scope *sc = st->scope;
	while (sc && sc->temp)
		sc = sc->up;
	if (!sc)
		return -1;
	struct local_var *v;
	for (v = sc->vars; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			break;
	if (!v && (state_var_flags(name, NULL) & VAR_READONLY)) {
		stage_error(st, "local: %s: readonly variable", name);
		return -1;
	}
	if (!v) {
		v = xcalloc(1, sizeof *v);
		v->name = xstrdup(name);
		/* dash: a new local starts with the value it had outside */
		struct sbuf cur = SBUF_INIT;
		if (stage_var_get(st, name, &cur))
			v->value = sbuf_detach(&cur);
		sbuf_free(&cur);
		unsigned flags = state_var_flags(name, NULL);
		v->flags = flags & VAR_EXPORT;
		v->next = sc->vars;
		sc->vars = v;
	}
	if (has_value) {
		free(v->value);
		v->value = xstrdup(value);
	}
	return 0;
}

struct env_ctx {
	struct stage *st;
};

static bool env_skip(void *ctx, const char *name)
{
	struct env_ctx *c = ctx;
	bool found = false;
	if (c->st->confined)
		confine_get(c->st, name, NULL, &found);
	return found || local_find(c->st, name) != NULL;
}

/* The exported variables of st's layers, unless a local or a nearer layer
 * shadows them. The layer locks are taken one at a time, and the state lock
 * (state_var_flags) only once none is held: env_skip runs under the state
 * lock and takes a layer lock, so that is the order. */
static void confine_env(struct stage *st, struct strvec *env)
{
	struct strvec seen = STRVEC_INIT, cand = STRVEC_INIT;   /* cand: "name=value" */
	struct sbuf exported = SBUF_INIT;                       /* one byte per cand */
	for (struct confine *c = st->confined; c; c = c->up) {
		pthread_mutex_lock(&c->lock);
		for (struct local_var *v = c->vars; v; v = v->next) {
			bool dup = false;
			for (size_t i = 0; i < seen.n && !dup; i++)
				dup = strcmp(seen.v[i], v->name) == 0;
			if (dup)
				continue;
			strvec_push(&seen, xstrdup(v->name));
			if (!v->value)
				continue;
			strvec_push(&cand, xassign(v->name, v->value));
			sbuf_addc(&exported, (v->flags & VAR_EXPORT) ? 1 : 0);
		}
		pthread_mutex_unlock(&c->lock);
	}
	for (size_t i = 0; i < cand.n; i++) {
		char *eq = strchr(cand.v[i], '=');
		*eq = '\0';
		bool keep = !local_find(st, cand.v[i]) &&
		            (exported.data[i] || (state_var_flags(cand.v[i], NULL) & VAR_EXPORT));
		*eq = '=';
		if (keep) {
			strvec_push(env, cand.v[i]);
			cand.v[i] = NULL;
		}
	}
	strvec_free(&cand);   /* the NULLs were handed to env */
	strvec_free(&seen);
	sbuf_free(&exported);
}

void stage_env(struct stage *st, struct child_env *ce)
{
	if (!st->scope && !st->confined) {
		ce->shared = state_env_get();
		return;
	}
	struct strvec *env = &ce->own;
	struct env_ctx c = { st };
	state_env_collect(env, env_skip, &c);
	if (st->confined)
		confine_env(st, env);
	/* visible locals: innermost wins */
	for (struct scope *sc = st->scope; sc; sc = sc->up)
		for (struct local_var *v = sc->vars; v; v = v->next) {
			if (local_find(st, v->name) != v)
				continue;
			bool exported = (v->flags & VAR_EXPORT) || sc->temp ||
			                (state_var_flags(v->name, NULL) & VAR_EXPORT);
			if (exported && v->value)
				strvec_push(env, xassign(v->name, v->value));
		}
}

char *const *child_env_vector(struct child_env *ce)
{
	return ce->shared ? state_env_vector(ce->shared) : strvec_argv(&ce->own);
}

void child_env_free(struct child_env *ce)
{
	state_env_release(ce->shared);
	ce->shared = NULL;
	strvec_free(&ce->own);
}

const int *stage_peek_pipe(struct stage *st)
{
	if (st->peek[0] >= 0)
		return st->peek;
	int p[2];
	if (pipe2(p, O_CLOEXEC) != 0)
		return NULL;
	p[0] = fd_move_high(p[0]);
	p[1] = fd_move_high(p[1]);
	if (p[0] < 0 || p[1] < 0) {
		if (p[0] >= 0)
			close(p[0]);
		if (p[1] >= 0)
			close(p[1]);
		return NULL;
	}
	st->peek[0] = p[0];
	st->peek[1] = p[1];
	return st->peek;
}

/* --- I/O ------------------------------------------------------------------- */

/* Writes everything, restarting after signals unless the stage has been
 * asked to stop (a blocked write to a full pipe is woken by SIGNAL_WAKE). */
static int write_all(struct stage *st, int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0) {
			if (errno == EINTR && !atomic_load(&st->stop))
				continue;
			return errno;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static void out_drain(struct stage *st)
{
	if (st->out.len == 0 || st->out_fd < 0)
		return;
	int fd = fdmap_get(&st->fds, st->out_fd);
	if (fd == FDMAP_CAPTURE) {
		sbuf_addn(st->capture, st->out.data, st->out.len);
		st->out.len = 0;
		return;
	}
	int err = fd < 0 ? EBADF : write_all(st, fd, st->out.data, st->out.len);
	if (err && !st->io_error)
		st->io_error = err;
	st->out.len = 0;
}

void io_write(struct stage *st, int vfd, const char *buf, size_t n)
{
	if (st->out_fd != vfd) {
		out_drain(st);
		st->out_fd = vfd;
	}
	if (st->out.len + n > 65536) {
		out_drain(st);
		if (n > 65536) {
			int fd = fdmap_get(&st->fds, vfd);
			if (fd == FDMAP_CAPTURE) {
				sbuf_addn(st->capture, buf, n);
				return;
			}
			int err = fd < 0 ? EBADF : write_all(st, fd, buf, n);
			if (err && !st->io_error)
				st->io_error = err;
			return;
		}
	}
	sbuf_addn(&st->out, buf, n);
}

void io_puts(struct stage *st, int vfd, const char *s)
{
	io_write(st, vfd, s, strlen(s));
}

void io_printf(struct stage *st, int vfd, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		io_write(st, vfd, small, (size_t)n);
		return;
	}
	char *big = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	io_write(st, vfd, big, (size_t)n);
	free(big);
}

int io_flush(struct stage *st)
{
	out_drain(st);
	return st->io_error;
}

void io_reset(struct stage *st)
{
	st->io_error = 0;
}

ssize_t io_read(struct stage *st, int vfd, void *buf, size_t n)
{
	int fd = fdmap_get(&st->fds, vfd);
	if (fd == FDMAP_CAPTURE) {
		errno = EBADF;
		return -1;
	}
	if (fd < 0)
		return -1;
	for (;;) {
		ssize_t r = read(fd, buf, n);
		if (r >= 0 || errno != EINTR)
			return r;
		if (atomic_load(&st->stop))
			return -1;
	}
}

void stage_verror(struct stage *st, const char *fmt, va_list ap)
{
	struct sbuf b = SBUF_INIT;
	sbuf_adds(&b, "conch: ");
	if (st->source && st->lineno > 0)
		sbuf_printf(&b, "%s:%d: ", st->source, st->lineno);
	sbuf_vprintf(&b, fmt, ap);
	sbuf_addc(&b, '\n');
	out_drain(st);   /* keep stdout and stderr in order */
	int fd = fdmap_get(&st->fds, 2);
	if (fd == FDMAP_CAPTURE)
		sbuf_addn(st->capture, b.data, b.len);
	else if (fd >= 0)
		write_all(st, fd, b.data, b.len);
	sbuf_free(&b);
}

void stage_error(struct stage *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	stage_verror(st, fmt, ap);
	va_end(ap);
}
