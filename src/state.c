/* state.c: the shell state shared by every thread stage, behind one lock */

/*
 * DESIGN
 * One mutex, `lock`, guards every table in this file: variables, functions,
 * aliases and traps. Public functions take it and release it before they
 * return; they copy values out, never hand out pointers into the tables.
 * Helpers named *_locked expect it held (asserted in debug builds).
 *
 * Lock order (outermost first): state lock -> nothing. No other lock is ever
 * taken while the state lock is held, and the state lock is never held across
 * I/O, waiting, spawning, forking or running shell code. Options are a single
 * atomic word and are read without the lock. The working directory and umask
 * are process-wide; only this module changes them (under the lock).
 *
 * fork: pthread_atfork takes the lock before fork and releases it in both
 * parent and child, so a forked subshell never inherits it locked.
 *
 * Dynamic variables (RANDOM, SECONDS) are ordinary entries of the table with
 * a `dyn` kind: every read under the lock first refreshes the entry's value
 * (var_value_locked), and an assignment also updates the generator or the
 * clock behind it, so two thread stages that expand $RANDOM at once get two
 * numbers of one sequence. Unsetting one removes the entry, and with it the
 * special meaning, as in bash. A plain lookup pays one test of `dyn`.
 */

#include <assert.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "signals.h"
#include "state.h"

/* What keeps a variable's value up to date (dynamic variables). */
enum var_dyn {
	DYN_NONE,
	DYN_RANDOM,    /* a new number per read; assigning seeds */
	DYN_SECONDS,   /* seconds since start-up or since the last assignment */
};

struct var {
	char *name;
	char *value;            /* NULL: declared (exported/readonly) but unset */
	unsigned flags;
	enum var_dyn dyn;
	struct var *next;       /* hash chain */
};

struct fn {
	char *name;
	struct func f;
	struct fn *next;
};

struct alias {
	char *name;
	char *value;
	struct alias *next;
};

#define NBUCKETS 512u

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
#ifndef NDEBUG
static _Thread_local bool lock_held;
#define ASSERT_LOCKED() assert(lock_held)
#else
#define ASSERT_LOCKED() ((void)0)
#endif

static struct var *vars[NBUCKETS];
static struct fn *funcs[64];
static struct alias *aliases;       /* sorted list: few entries */
static char *traps[NSIG];           /* NULL = default */
static atomic_uint options;
static mode_t cur_umask;
static pid_t shell_pid;
static atomic_int last_bg;
static atomic_uint path_gen;        /* bumped by every assignment to PATH */
static char *arg0;
static struct state_rand rand_shared;   /* RANDOM's generator (under the lock) */
static struct timespec seconds_base;    /* SECONDS counts from here... */
static intmax_t seconds_at_base;        /* ...starting at this value */

/* The environment of the programs the shell runs, as execve takes it. It
 * is built at the first exec after an exported variable changed and then
 * shared by every exec until the next change: a loop that runs a program
 * does not format every exported variable again each time. Each user holds
 * a reference (taken and dropped under the lock); env_cache holds one. */
struct state_env {
	unsigned refs;
	char **v;          /* "NAME=value" strings, NULL-terminated */
};
static struct state_env *env_cache;     /* NULL: build at the next use */

static void lock_state(void)
{
	pthread_mutex_lock(&lock);
#ifndef NDEBUG
	lock_held = true;
#endif
}

static void unlock_state(void)
{
#ifndef NDEBUG
	lock_held = false;
#endif
	pthread_mutex_unlock(&lock);
}

static void atfork_prepare(void) { lock_state(); }
static void atfork_release(void) { unlock_state(); }

/* A forked subshell draws other numbers than its parent (as in bash). */
static void atfork_child(void)
{
	state_rand_seed_random(&rand_shared);
	unlock_state();
}

static unsigned hash_name(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* --- the shared environment ------------------------------------------- */

static void env_unref_locked(struct state_env *e)
{
	ASSERT_LOCKED();
	if (--e->refs)
		return;
	for (char **p = e->v; *p; p++)
		free(*p);
	free(e->v);
	free(e);
}

/* An exported variable changes: the next exec builds the environment. */
static void env_changed_locked(void)
{
	ASSERT_LOCKED();
	if (env_cache) {
		env_unref_locked(env_cache);
		env_cache = NULL;
	}
}

/* --- variables -------------------------------------------------------- */

static struct var *var_find_locked(const char *name)
{
	ASSERT_LOCKED();
	for (struct var *v = vars[hash_name(name) % NBUCKETS]; v; v = v->next)
		if (strcmp(v->name, name) == 0)
			return v;
	return NULL;
}

static struct var *var_create_locked(const char *name)
{
	ASSERT_LOCKED();
	struct var *v = xcalloc(1, sizeof *v);
	unsigned b = hash_name(name) % NBUCKETS;
	v->name = xstrdup(name);
	v->next = vars[b];
	vars[b] = v;
	return v;
}

static void var_remove_locked(struct var *dead)
{
	ASSERT_LOCKED();
	struct var **pp = &vars[hash_name(dead->name) % NBUCKETS];
	while (*pp != dead)
		pp = &(*pp)->next;
	*pp = dead->next;
	if (dead->flags & VAR_EXPORT)
		env_changed_locked();
	free(dead->name);
	free(dead->value);
	free(dead);
}

/* --- dynamic variables ---------------------------------------------------- */

/* A whole number as bash's legal_number reads it (blanks around it, an
 * optional sign); false for anything else. */
static bool parse_intmax(const char *s, intmax_t *out)
{
	char *end;
	errno = 0;
	intmax_t v = strtoimax(s, &end, 10);
	if (errno || end == s)
		return false;
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (*end)
		return false;
	*out = v;
	return true;
}

/* bash 5.2's generator (variables.c: intrand32, brand): Park and Miller's
 * minimal standard generator on 32 bits, the two halves folded into 15
 * bits, never the same number twice in a row. Same seed, same numbers as
 * bash. */
int state_rand_next(struct state_rand *r)
{
	int v;
	do {
		uint32_t x = r->seed ? r->seed : 123459876u;
		int64_t h = x / 127773u, l = x - 127773u * (uint32_t)h;
		int64_t t = 16807 * l - 2836 * h;
		r->seed = (uint32_t)(t < 0 ? t + 0x7fffffff : t);
		v = (int)(((r->seed >> 16) ^ (r->seed & 0xffffu)) & 0x7fffu);
	} while (v == r->last);
	r->last = v;
	return v;
}

void state_rand_seed(struct state_rand *r, uintmax_t seed)
{
	r->seed = (uint32_t)seed;
	r->last = 0;
}

void state_rand_seed_random(struct state_rand *r)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	state_rand_seed(r, (uintmax_t)ts.tv_sec ^ (uintmax_t)ts.tv_nsec ^
	                   ((uintmax_t)getpid() << 16) ^ (uintmax_t)(uintptr_t)r);
}

static intmax_t seconds_now_locked(void)
{
	ASSERT_LOCKED();
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	intmax_t d = (intmax_t)(now.tv_sec - seconds_base.tv_sec);
	if (now.tv_nsec < seconds_base.tv_nsec)
		d--;   /* whole seconds elapsed */
	return seconds_at_base + d;
}

/* Stores a dynamic variable's new value (state_var_set has its own copy
 * of this, on the hot path). */
static void var_store_locked(struct var *v, const char *value)
{
	ASSERT_LOCKED();
	free(v->value);
	v->value = xstrdup(value);
	if (v->flags & VAR_EXPORT)
		env_changed_locked();
}

/* Puts a new value in the dynamic variable v. */
static void var_refresh_locked(struct var *v)
{
	ASSERT_LOCKED();
	char buf[32];
	if (v->dyn == DYN_RANDOM)
		snprintf(buf, sizeof buf, "%d", state_rand_next(&rand_shared));
	else
		snprintf(buf, sizeof buf, "%jd", seconds_now_locked());
	var_store_locked(v, buf);
}

/* v's value, refreshed first when v is dynamic; NULL when unset. */
static inline const char *var_value_locked(struct var *v)
{
	if (v->dyn != DYN_NONE && v->value)
		var_refresh_locked(v);
	return v->value;
}

/* An assignment of value to the dynamic variable v: seeds RANDOM, restarts
 * SECONDS. A value that is not a number counts as 0 (bash evaluates it as
 * an arithmetic expression, where a name that is unset is 0). */
static void var_assigned_locked(struct var *v, const char *value)
{
	ASSERT_LOCKED();
	intmax_t n;
	if (!parse_intmax(value, &n))
		n = 0;
	if (v->dyn == DYN_RANDOM) {
		state_rand_seed(&rand_shared, (uintmax_t)n);
	} else {
		clock_gettime(CLOCK_MONOTONIC, &seconds_base);
		seconds_at_base = n;
	}
}

bool state_var_random(void)
{
	lock_state();
	struct var *v = var_find_locked("RANDOM");
	bool dyn = v && v->dyn == DYN_RANDOM && v->value;
	unlock_state();
	return dyn;
}

/* Makes name a dynamic variable of kind dyn (start-up), keeping the
 * attributes an imported one has. As in bash, an imported SECONDS is where
 * it starts counting; an imported RANDOM does not seed. */
static void var_make_dynamic(const char *name, enum var_dyn dyn)
{
	lock_state();
	struct var *v = var_find_locked(name);
	if (!v)
		v = var_create_locked(name);
	v->dyn = dyn;
	if (v->value && dyn == DYN_SECONDS)
		var_assigned_locked(v, v->value);
	else if (!v->value)
		var_store_locked(v, "0");
	unlock_state();
}

bool state_var_get(const char *name, struct sbuf *out)
{
	bool found = false;
	lock_state();
	struct var *v = var_find_locked(name);
	if (v && v->value) {
		sbuf_adds(out, var_value_locked(v));
		found = true;
	}
	unlock_state();
	return found;
}

char *state_var_dup(const char *name)
{
	char *r = NULL;
	lock_state();
	struct var *v = var_find_locked(name);
	if (v && v->value)
		r = xstrdup(var_value_locked(v));
	unlock_state();
	return r;
}

unsigned state_var_flags(const char *name, bool *isset)
{
	unsigned f = 0;
	bool set = false;
	lock_state();
	struct var *v = var_find_locked(name);
	if (v) {
		f = v->flags;
		set = v->value != NULL;
	}
	unlock_state();
	if (isset)
		*isset = set;
	return f;
}

int state_var_set(const char *name, const char *value, unsigned flags)
{
	int rc = 0;
	if (state_opt(OPT_ALLEXPORT) && value)
		flags |= VAR_EXPORT;
	lock_state();
	struct var *v = var_find_locked(name);
	if (v && (v->flags & VAR_READONLY) && value) {
		rc = -1;
		goto out;
	}
	if (!v)
		v = var_create_locked(name);
	if (value && name[0] == 'P' && strcmp(name, "PATH") == 0)
		atomic_fetch_add(&path_gen, 1);
	if (value) {
		size_t n = strlen(value);
		if (v->value && strlen(v->value) >= n) {
			memcpy(v->value, value, n + 1);   /* reuse: hot loops reassign */
		} else {
			free(v->value);
			v->value = xstrndup(value, n);
		}
		if (v->dyn != DYN_NONE)
			var_assigned_locked(v, value);
	}
	if ((value && ((v->flags | flags) & VAR_EXPORT)) || (flags & ~v->flags & VAR_EXPORT))
		env_changed_locked();
	v->flags |= flags;
out:
	unlock_state();
	return rc;
}

int state_var_unset(const char *name)
{
	int rc = 0;
	lock_state();
	struct var *v = var_find_locked(name);
	if (v) {
		if (v->flags & VAR_READONLY) {
			rc = -1;
		} else {
			if (strcmp(name, "PATH") == 0)
				atomic_fetch_add(&path_gen, 1);
			var_remove_locked(v);
		}
	}
	unlock_state();
	return rc;
}

int state_var_unexport(const char *name)
{
	int rc = -1;
	lock_state();
	struct var *v = var_find_locked(name);
	if (v) {
		if (v->flags & VAR_EXPORT)
			env_changed_locked();
		v->flags &= ~(unsigned)VAR_EXPORT;
		rc = 0;
	}
	unlock_state();
	return rc;
}

void state_env_collect(struct strvec *env, bool (*skip)(void *ctx, const char *name), void *ctx)
{
	lock_state();
	for (unsigned b = 0; b < NBUCKETS; b++)
		for (struct var *v = vars[b]; v; v = v->next)
			if ((v->flags & VAR_EXPORT) && v->value && !(skip && skip(ctx, v->name)))
				strvec_push(env, xassign(v->name, var_value_locked(v)));
	unlock_state();
}

struct state_env *state_env_get(void)
{
	lock_state();
	struct state_env *e = env_cache;
	if (!e) {
		struct strvec v = STRVEC_INIT;
		bool dynamic = false;   /* an exported RANDOM or SECONDS */
		for (unsigned b = 0; b < NBUCKETS; b++)
			for (struct var *x = vars[b]; x; x = x->next)
				if ((x->flags & VAR_EXPORT) && x->value) {
					dynamic |= x->dyn != DYN_NONE;
					strvec_push(&v, xassign(x->name, var_value_locked(x)));
				}
		e = xmalloc(sizeof *e);
		e->refs = 1;
		e->v = strvec_argv(&v);
		/* a dynamic value is new at each exec: such an environment is
		 * the caller's alone */
		if (!dynamic) {
			env_cache = e;
			e->refs++;
		}
	} else {
		e->refs++;
	}
	unlock_state();
	return e;
}

char *const *state_env_vector(const struct state_env *e)
{
	return e->v;
}

void state_env_release(struct state_env *e)
{
	if (!e)
		return;
	lock_state();
	env_unref_locked(e);
	unlock_state();
}

static int entry_cmp(const void *a, const void *b)
{
	const struct var_entry *x = a, *y = b;
	return strcmp(x->name, y->name);
}

size_t state_var_list(unsigned mask, struct var_entry **out)
{
	size_t n = 0, cap = 0;
	struct var_entry *list = NULL;
	lock_state();
	for (unsigned b = 0; b < NBUCKETS; b++)
		for (struct var *v = vars[b]; v; v = v->next) {
			if ((v->flags & mask) != mask || (!mask && !v->value))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				list = xrealloc(list, cap * sizeof *list);
			}
			list[n].name = xstrdup(v->name);
			list[n].value = v->value ? xstrdup(var_value_locked(v)) : NULL;
			list[n].flags = v->flags;
			n++;
		}
	unlock_state();
	if (n)
		qsort(list, n, sizeof *list, entry_cmp);
	*out = list;
	return n;
}

void state_var_list_free(struct var_entry *list, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(list[i].name);
		free(list[i].value);
	}
	free(list);
}

/* --- options ------------------------------------------------------------ */

static const struct {
	const char *name;
	char letter;
} option_names[OPT_COUNT] = {
	[OPT_ALLEXPORT] = { "allexport", 'a' },
	[OPT_ERREXIT] = { "errexit", 'e' },
	[OPT_FORKSTAGES] = { "forkstages", 0 },
	[OPT_FORKSUBST] = { "forksubst", 0 },
	[OPT_HASHALL] = { "hashall", 'h' },
	[OPT_HISTAPPEND] = { "histappend", 0 },
	[OPT_HISTNODUPS] = { "histnodups", 0 },
	[OPT_HISTNOSPACE] = { "histnospace", 0 },
	[OPT_IGNOREEOF] = { "ignoreeof", 0 },
	[OPT_INTERACTIVE] = { "interactive", 'i' },
	[OPT_MONITOR] = { "monitor", 'm' },
	[OPT_NOCLOBBER] = { "noclobber", 'C' },
	[OPT_NOEXEC] = { "noexec", 'n' },
	[OPT_NOGLOB] = { "noglob", 'f' },
	[OPT_NOLOG] = { "nolog", 0 },
	[OPT_NONET] = { "nonet", 0 },
	[OPT_NOTIFY] = { "notify", 'b' },
	[OPT_NOUNSET] = { "nounset", 'u' },
	[OPT_PIPEFAIL] = { "pipefail", 0 },
	[OPT_STDIN] = { "stdin", 's' },
	[OPT_VERBOSE] = { "verbose", 'v' },
	[OPT_VI] = { "vi", 0 },
	[OPT_XTRACE] = { "xtrace", 'x' },
};

bool state_opt(enum shopt o)
{
	return (atomic_load_explicit(&options, memory_order_relaxed) >> o) & 1u;
}

void state_opt_set(enum shopt o, bool on)
{
	if (on)
		atomic_fetch_or(&options, 1u << o);
	else
		atomic_fetch_and(&options, ~(1u << o));
}

unsigned state_opt_word(void) { return atomic_load(&options); }
void state_opt_set_word(unsigned w) { atomic_store(&options, w); }

const char *state_opt_name(enum shopt o) { return option_names[o].name; }
char state_opt_letter(enum shopt o) { return option_names[o].letter; }

enum shopt state_opt_by_name(const char *name)
{
	for (int o = 0; o < OPT_COUNT; o++)
		if (strcmp(option_names[o].name, name) == 0)
			return (enum shopt)o;
	return OPT_COUNT;
}

char *state_opt_flags(void)
{
	struct sbuf b = SBUF_INIT;
	/* dash's order is not specified; use a fixed one so $- is stable */
	static const enum shopt order[] = {
		OPT_ALLEXPORT, OPT_NOTIFY, OPT_NOCLOBBER, OPT_ERREXIT, OPT_NOGLOB,
		OPT_HASHALL, OPT_INTERACTIVE, OPT_MONITOR, OPT_NOEXEC, OPT_STDIN,
		OPT_NOUNSET, OPT_VERBOSE, OPT_XTRACE,
	};
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (state_opt(order[i]))
			sbuf_addc(&b, option_names[order[i]].letter);
	return sbuf_detach(&b);
}

/* --- functions ------------------------------------------------------------ */

static struct fn **fn_slot_locked(const char *name)
{
	ASSERT_LOCKED();
	struct fn **pp = &funcs[hash_name(name) % 64];
	while (*pp && strcmp((*pp)->name, name) != 0)
		pp = &(*pp)->next;
	return pp;
}

void state_func_set(const char *name, struct unit *unit, const struct node *body)
{
	struct unit *old = NULL;
	unit_ref(unit);
	lock_state();
	struct fn **pp = fn_slot_locked(name);
	if (*pp) {
		old = (*pp)->f.unit;
	} else {
		*pp = xcalloc(1, sizeof **pp);
		(*pp)->name = xstrdup(name);
	}
	(*pp)->f.unit = unit;
	(*pp)->f.body = body;
	unlock_state();
	if (old)
		unit_unref(old);   /* outside the lock: may free a whole tree */
}

bool state_func_get(const char *name, struct func *f)
{
	bool found = false;
	lock_state();
	struct fn *fn = *fn_slot_locked(name);
	if (fn) {
		*f = fn->f;
		unit_ref(f->unit);
		found = true;
	}
	unlock_state();
	return found;
}

void state_func_release(struct func *f)
{
	if (f->unit)
		unit_unref(f->unit);
	f->unit = NULL;
	f->body = NULL;
}

int state_func_unset(const char *name)
{
	struct fn *dead = NULL;
	lock_state();
	struct fn **pp = fn_slot_locked(name);
	if (*pp) {
		dead = *pp;
		*pp = dead->next;
	}
	unlock_state();
	if (!dead)
		return -1;
	unit_unref(dead->f.unit);
	free(dead->name);
	free(dead);
	return 0;
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void state_func_names(struct strvec *out)
{
	size_t first = out->n;
	lock_state();
	for (unsigned b = 0; b < 64; b++)
		for (struct fn *fn = funcs[b]; fn; fn = fn->next)
			strvec_pushdup(out, fn->name);
	unlock_state();
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof(char *), str_cmp);
}

/* --- aliases ------------------------------------------------------------- */

char *state_alias_get(const char *name)
{
	char *r = NULL;
	lock_state();
	for (struct alias *a = aliases; a; a = a->next)
		if (strcmp(a->name, name) == 0) {
			r = xstrdup(a->value);
			break;
		}
	unlock_state();
	return r;
}

void state_alias_set(const char *name, const char *value)
{
	lock_state();
	struct alias **pp = &aliases;
	while (*pp && strcmp((*pp)->name, name) < 0)
		pp = &(*pp)->next;
	if (*pp && strcmp((*pp)->name, name) == 0) {
		free((*pp)->value);
		(*pp)->value = xstrdup(value);
	} else {
		struct alias *a = xcalloc(1, sizeof *a);
		a->name = xstrdup(name);
		a->value = xstrdup(value);
		a->next = *pp;
		*pp = a;
	}
	unlock_state();
}

int state_alias_unset(const char *name)
{
	struct alias *dead = NULL;
	lock_state();
	for (struct alias **pp = &aliases; *pp; pp = &(*pp)->next)
		if (strcmp((*pp)->name, name) == 0) {
			dead = *pp;
			*pp = dead->next;
			break;
		}
	unlock_state();
	if (!dead)
		return -1;
	free(dead->name);
	free(dead->value);
	free(dead);
	return 0;
}

void state_alias_clear(void)
{
	lock_state();
	struct alias *a = aliases;
	aliases = NULL;
	unlock_state();
	while (a) {
		struct alias *next = a->next;
		free(a->name);
		free(a->value);
		free(a);
		a = next;
	}
}

size_t state_alias_list(struct var_entry **out)
{
	size_t n = 0;
	lock_state();
	for (struct alias *a = aliases; a; a = a->next)
		n++;
	struct var_entry *list = xcalloc(n ? n : 1, sizeof *list);
	n = 0;
	for (struct alias *a = aliases; a; a = a->next, n++) {
		list[n].name = xstrdup(a->name);
		list[n].value = xstrdup(a->value);
	}
	unlock_state();
	*out = list;
	return n;
}

/* --- traps ------------------------------------------------------------------ */

char *state_trap_get(int sig)
{
	char *r = NULL;
	if (sig < 0 || sig >= NSIG)
		return NULL;
	lock_state();
	if (traps[sig])
		r = xstrdup(traps[sig]);
	unlock_state();
	return r;
}

int state_trap_set(int sig, const char *action)
{
	if (sig < 0 || sig >= NSIG || sig == SIGKILL || sig == SIGSTOP)
		return -1;
	char *copy = action ? xstrdup(action) : NULL;
	lock_state();
	char *old = traps[sig];
	traps[sig] = copy;
	unlock_state();
	free(old);
	if (sig != TRAP_EXIT)
		signals_set_disposition(sig, action == NULL ? SIGNAL_DEFAULT
		                             : *action ? SIGNAL_CATCH : SIGNAL_IGNORE);
	return 0;
}

bool state_trap_any(void)
{
	bool any = false;
	lock_state();
	for (int sig = 0; sig < NSIG && !any; sig++)
		any = traps[sig] && *traps[sig];
	unlock_state();
	return any;
}

void state_trap_reset_subshell(void)
{
	for (int sig = 0; sig < NSIG; sig++)
		if (traps[sig] && *traps[sig]) {
			free(traps[sig]);
			traps[sig] = NULL;
			if (sig != TRAP_EXIT)
				signals_set_disposition(sig, SIGNAL_DEFAULT);
		}
}

/* --- working directory and umask -------------------------------------------- */

char *state_cwd(void)
{
	char *pwd = state_var_dup("PWD");
	if (pwd && pwd[0] == '/')
		return pwd;
	free(pwd);
	char buf[PATH_MAX];
	return xstrdup(getcwd(buf, sizeof buf) ? buf : ".");
}

int state_chdir(const char *path, const char *logical)
{
	char buf[PATH_MAX];
	int err = 0;
	char *old = state_cwd();
	lock_state();
	if (chdir(path) != 0) {
		err = errno;
		unlock_state();
		free(old);
		return err;
	}
	unlock_state();
	if (!logical)
		logical = getcwd(buf, sizeof buf) ? buf : path;
	state_var_set("OLDPWD", old, 0);
	state_var_set("PWD", logical, 0);
	free(old);
	return 0;
}

mode_t state_umask_get(void)
{
	lock_state();
	mode_t m = cur_umask;
	unlock_state();
	return m;
}

void state_umask_set(mode_t m)
{
	lock_state();
	cur_umask = m & 0777;
	umask(cur_umask);
	unlock_state();
}

/* --- process-wide facts ------------------------------------------------------ */

pid_t state_shell_pid(void) { return shell_pid; }
unsigned state_path_generation(void) { return atomic_load(&path_gen); }
pid_t state_last_bg(void) { return atomic_load(&last_bg); }
void state_set_last_bg(pid_t pid) { atomic_store(&last_bg, pid); }
const char *state_arg0(void) { return arg0 ? arg0 : "conch"; }

void state_set_arg0(const char *a)
{
	/* set once at start-up, before threads; later calls replace it (. file) */
	char *old = arg0;
	arg0 = xstrdup(a);
	free(old);
}

/* --- start-up --------------------------------------------------------------- */

static void import_environ(char **env)
{
	for (; env && *env; env++) {
		const char *eq = strchr(*env, '=');
		if (!eq || !is_name_n(*env, (size_t)(eq - *env)))
			continue;
		if (eq - *env == 1 && **env == '_')
			continue;   /* $_ is the stage's (stage_set_lastarg) */
		char *name = xstrndup(*env, (size_t)(eq - *env));
		state_var_set(name, eq + 1, VAR_EXPORT);
		free(name);
	}
}

static void init_pwd(void)
{
	char buf[PATH_MAX];
	struct stat a, b;
	char *pwd = state_var_dup("PWD");
	if (!(pwd && pwd[0] == '/' && stat(pwd, &a) == 0 && stat(".", &b) == 0 &&
	      a.st_dev == b.st_dev && a.st_ino == b.st_ino)) {
		if (getcwd(buf, sizeof buf))
			state_var_set("PWD", buf, 0);
	}
	free(pwd);
}

static void set_default(const char *name, const char *value)
{
	bool isset;
	state_var_flags(name, &isset);
	if (!isset)
		state_var_set(name, value, 0);
}

/* The integer and name variables bash presets: readonly UID and EUID,
 * HOSTNAME, OSTYPE, and the dynamic RANDOM and SECONDS. */
static void init_preset(void)
{
	char buf[HOST_NAME_MAX + 1];
	snprintf(buf, sizeof buf, "%ju", (uintmax_t)getuid());
	state_var_set("UID", buf, VAR_READONLY);
	snprintf(buf, sizeof buf, "%ju", (uintmax_t)geteuid());
	state_var_set("EUID", buf, VAR_READONLY);
	if (gethostname(buf, sizeof buf) == 0) {
		buf[sizeof buf - 1] = '\0';
		set_default("HOSTNAME", buf);
	}
	set_default("OSTYPE", CONCH_OSTYPE);
	state_rand_seed_random(&rand_shared);
	clock_gettime(CLOCK_MONOTONIC, &seconds_base);
	var_make_dynamic("RANDOM", DYN_RANDOM);
	var_make_dynamic("SECONDS", DYN_SECONDS);
}

void state_init(char **environ_)
{
	char buf[32];
	pthread_atfork(atfork_prepare, atfork_release, atfork_child);
	shell_pid = getpid();
	cur_umask = umask(022);
	umask(cur_umask);
	import_environ(environ_);
	state_var_set("IFS", " \t\n", 0);
	set_default("PS1", geteuid() == 0 ? "# " : "$ ");
	set_default("PS2", "> ");
	set_default("PS4", "+ ");
	state_var_set("OPTIND", "1", 0);
	snprintf(buf, sizeof buf, "%ld", (long)getppid());
	state_var_set("PPID", buf, 0);
	init_pwd();
	state_var_set("PWD", NULL, VAR_EXPORT);   /* children see it, as under dash and bash */
	/* a PATH the user can see and extend when none was given (dash's) */
	set_default("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
	init_preset();
	state_opt_set(OPT_HASHALL, false);
}
