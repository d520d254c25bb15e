/* pipeline.c: running pipelines (thread stages, spawned and forked stages) and $(...) */

/*
 * DESIGN
 * A pipeline of N commands gets N-1 pipes (pipe2 with O_CLOEXEC, moved to
 * fds >= 10). Each stage is then started according to what it is:
 *   an external simple command  -> expanded here and spawned (no thread);
 *   a ( subshell ), or any stage under `set -o forkstages` -> forked;
 *   shell code (builtins, functions, compound commands) -> a thread with its
 *   own struct stage, whose fd map holds its pipe ends (owned: closed when
 *   the stage ends, which is what gives the next stage its end-of-file).
 * The last stage, when it is shell code, runs on the calling thread, so
 * `echo x | read v` costs one thread, not two. Then every thread is joined
 * and every process reaped by its own pid.
 *
 * Command substitution runs its body in the cheapest way that is still a
 * subshell environment as far as the script can tell:
 *   only output builtins (echo, printf, ...) and functions made of them, no
 *   assignments, no reading redirections -> on this thread, output captured
 *   in memory (no pipe, no thread, no fork);
 *   also external commands, pipelines and reading redirections, still no
 *   assignments -> a thread stage writing to a pipe that this thread reads;
 *   anything else (assignments, cd, set, exit, sockets...) -> a forked
 *   subshell; always under `set -o forksubst`.
 * The analysis (node_purity) only chooses the cheapest mode; what makes the
 * first two modes indistinguishable from a fork is that their stage is
 * confined, whatever the body turns out to do at run time:
 *   variables: a confined stage (stage_confine) writes no shared variable;
 *     an assignment the text does not show (`e='x=5'; $(echo $((e)))`, an
 *     operator or `=` that comes from an expansion inside $((...)), a
 *     function redefined meanwhile) lands in the stage's own frame and is
 *     dropped with it;
 *   the command table: lookups are not remembered (path_find);
 *   descriptors: a path naming a descriptor (/dev/stdout, /dev/fd/N,
 *     /proc/self/fd/N, a link to one) is the stage's descriptor, the capture
 *     included (redir.c, fdpath.h), never the process's;
 *   everything else a body could change (directory, options, traps,
 *     functions, aliases, jobs, umask, limits, locks) is only reachable
 *     through builtins the analysis sends to a fork, and a function call
 *     checks again, when it runs, the body it is about to run
 *     (pipeline_function_confinable).
 */

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../builtins/builtin.h"
#include "exec.h"
#include "expand.h"
#include "jobctl.h"
#include "jobs.h"
#include "net.h"
#include "pipeline.h"
#include "redir.h"
#include "signals.h"
#include "spawn.h"
#include "state.h"

struct runner {
	struct stage st;
	const struct node *n;
	pthread_t tid;
	int status;
	sem_t done;        /* posted by the thread when the stage has ended */
	bool wake_main;    /* a stage of a job: wake the main thread's wait */
	bool finished;     /* done was taken (runner_done) */
};

static void *runner_main(void *arg)
{
	struct runner *r = arg;
	bool wake = r->wake_main;
	int status = exec_node(&r->st, r->n);
	if (r->st.flow == FLOW_EXIT)
		status = r->st.status;
	r->status = status;
	stage_destroy(&r->st);   /* closes the stage's pipe ends */
	sem_post(&r->done);
	if (wake)
		jobctl_wake();   /* r may be gone: the waiter joins, then frees */
	return NULL;
}

static int runner_start(struct runner *r)
{
	pthread_attr_t attr;
	sigset_t mask;
	pthread_attr_init(&attr);
	sigfillset(&mask);
	sigdelset(&mask, signals_wake());
	pthread_attr_setsigmask_np(&attr, &mask);
	sem_init(&r->done, 0, 0);
	int rc = pthread_create(&r->tid, &attr, runner_main, r);
	pthread_attr_destroy(&attr);
	if (rc != 0)
		sem_destroy(&r->done);
	return rc;
}

/* Asks a running thread stage to stop, and interrupts a system call it
 * may be blocked in. */
static void runner_stop(struct runner *r)
{
	atomic_store(&r->st.stop, true);
	pthread_kill(r->tid, signals_wake());
}

static void stop_one(void *r)
{
	runner_stop(r);
}

/* A thread stage as a member of a job (jobs.h). */
static bool runner_done(void *t, int *status)
{
	struct runner *r = t;
	if (!r->finished && sem_trywait(&r->done) == 0)
		r->finished = true;
	if (r->finished)
		*status = r->status;
	return r->finished;
}

static void runner_stop_sig(void *t, int sig)
{
	(void)sig;
	runner_stop(t);
}

static void runner_release(void *t)
{
	struct runner *r = t;
	pthread_join(r->tid, NULL);
	sem_destroy(&r->done);
	free(r);
}

static const struct job_thread_ops runner_ops = { runner_done, runner_stop_sig, runner_release };

/* Should the stage waiting for a pipeline stop it? Its own stop flag (a
 * nested pipeline in a stopped stage), or Ctrl-C on the main thread. */
static bool waiter_interrupted(struct stage *st)
{
	return atomic_load(&st->stop) || (st->main_thread && signals_interrupt_pending());
}

/* Waits for a thread stage in slices, so that an interrupt (or this stage
 * being stopped) is noticed within 50 ms; then joins it. Returns true when
 * the stages were asked to stop. */
static void runner_wait(struct stage *st, struct runner *r, bool *stopping,
                        void (*stop_all)(void *ctx), void *ctx)
{
	for (;;) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 50 * 1000 * 1000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		if (sem_timedwait(&r->done, &ts) == 0)
			break;
		if (!*stopping && waiter_interrupted(st)) {
			*stopping = true;
			stop_all(ctx);
		}
	}
	pthread_join(r->tid, NULL);
	sem_destroy(&r->done);
}

/* Makes a child stage of st reading from in and writing to out (either may
 * be -1: inherited); the pipe ends become the stage's own. */
static void child_stage(struct stage *c, const struct stage *st, int in, int out)
{
	stage_init_child(c, st);
	if (in >= 0)
		fdmap_push(&c->fds, 0, in, true);
	if (out >= 0)
		fdmap_push(&c->fds, 1, out, true);
}

static int fork_stage(struct stage *c, const struct node *n, pid_t *pid)
{
	*pid = spawn_fork(c);
	if (*pid < 0) {
		stage_error(c, "fork: %s", strerror(errno));
		return -1;
	}
	if (*pid == 0)
		exec_in_child(c, n->kind == NODE_SUBSHELL && !n->redirs ? n->u.group.body : n);
	return 0;
}

bool pipeline_is_external(const struct node *n)
{
	const char *s;
	size_t len;
	if (n->kind != NODE_SIMPLE || n->u.simple.nwords == 0)
		return false;
	if (!word_is_plain(n->u.simple.words[0], &s, &len) || len == 0 || len > 255)
		return false;
	char name[256];
	memcpy(name, s, len);
	name[len] = '\0';
	if (!memchr(s, '/', len)) {
		if (builtin_find(name))
			return false;
		struct func f;
		if (state_func_get(name, &f)) {
			state_func_release(&f);
			return false;
		}
	}
	for (size_t i = 0; i < n->u.simple.nwords; i++)
		if (word_has_cmdsub(n->u.simple.words[i]))
			return false;
	for (size_t i = 0; i < n->u.simple.nassigns; i++)
		if (word_has_cmdsub(n->u.simple.assigns[i].value))
			return false;
	/* a socket is opened in the stage (a thread or the job), never by the
	 * launcher: an accept or a slow connect must not hold it up */
	return !redir_has_cmdsub(n->redirs) && !net_redirs_have_socket(n->redirs);
}

/* --- pipe buffers ------------------------------------------------------ */

/*
 * A pipe between two external commands carries their bulk data, and a
 * 64 KiB pipe makes them take turns often: such a pipe gets 1 MiB
 * (F_SETPIPE_SZ; about a third less time for `cat f | cat | cat | wc -c`).
 * The kernel charges pipe pages to the user, and once a user holds more
 * than /proc/sys/fs/pipe-user-pages-soft every new pipe of theirs, in any
 * program, gets a single page: so the pipelines of this shell that are
 * running hold at most a quarter of that budget in big pipes, and a pipe
 * that cannot grow stays as it is, silently.
 */
#define BIG_PIPE_BYTES (1L << 20)
#define BIG_PIPE_PAGES (BIG_PIPE_BYTES / 4096)

static pthread_once_t big_pipe_once = PTHREAD_ONCE_INIT;
static long big_pipe_budget;            /* pages; set once */
static atomic_long big_pipe_pages;      /* held by running pipelines */

static void big_pipe_init(void)
{
	long soft = 16384;   /* the kernel's default */
	FILE *f = fopen("/proc/sys/fs/pipe-user-pages-soft", "re");
	if (f) {
		if (fscanf(f, "%ld", &soft) != 1)
			soft = 16384;
		fclose(f);
	}
	big_pipe_budget = soft > 0 ? soft / 4 : LONG_MAX;   /* 0: no limit */
}

/* Gives the pipe whose write end is fd a big buffer; the pages it holds,
 * to hand back with big_pipe_release, or 0. */
static long big_pipe(int fd)
{
	pthread_once(&big_pipe_once, big_pipe_init);
	long held = atomic_fetch_add(&big_pipe_pages, BIG_PIPE_PAGES) + BIG_PIPE_PAGES;
	if (held <= big_pipe_budget && fcntl(fd, F_SETPIPE_SZ, (int)BIG_PIPE_BYTES) >= 0)
		return BIG_PIPE_PAGES;
	atomic_fetch_sub(&big_pipe_pages, BIG_PIPE_PAGES);
	return 0;
}

static void big_pipe_release(long pages)
{
	if (pages)
		atomic_fetch_sub(&big_pipe_pages, pages);
}

enum slot_kind { SLOT_NONE, SLOT_PROC, SLOT_THREAD, SLOT_SELF };

struct slot {
	enum slot_kind kind;
	pid_t pid;
	struct runner *r;
	int status;
	bool joined;
};

/* external: pipeline_is_external(c), which the caller knows already. */
static void start_stage(struct stage *st, const struct node *c, bool external, bool last,
                        int in, int out, struct slot *sl)
{
	bool fork_it = c->kind == NODE_SUBSHELL || state_opt(OPT_FORKSTAGES);
	if (!fork_it && external) {
		struct stage tmp;
		child_stage(&tmp, st, in, out);
		sl->pid = exec_simple_spawn(&tmp, c, false, &sl->status);
		sl->kind = sl->pid > 0 ? SLOT_PROC : SLOT_NONE;
		stage_destroy(&tmp);
		return;
	}
	if (fork_it) {
		struct stage tmp;
		child_stage(&tmp, st, in, out);
		if (fork_stage(&tmp, c, &sl->pid) == 0)
			sl->kind = SLOT_PROC;
		else
			sl->status = 2;
		stage_destroy(&tmp);
		return;
	}
	struct runner *r = xcalloc(1, sizeof *r);
	child_stage(&r->st, st, in, out);
	if (st->grp && !last) {
		/* a job's thread stage may outlive this command line (Ctrl-Z):
		 * it gets its own copies of the fds it borrowed */
		struct fdmap own;
		if (fdmap_dup(&own, &st->fds) == 0) {
			if (in >= 0)
				fdmap_push(&own, 0, in, true);
			if (out >= 0)
				fdmap_push(&own, 1, out, true);
			fdmap_forget(&r->st.fds);   /* the pipe ends moved to own */
			r->st.fds = own;
		}
	}
	r->n = c;
	sl->r = r;
	if (last) {
		sl->kind = SLOT_SELF;
		r->st.main_thread = st->main_thread;   /* runs on this thread */
		return;
	}
	r->wake_main = r->st.grp != NULL;
	if (runner_start(r) == 0) {
		sl->kind = SLOT_THREAD;
		return;
	}
	/* no thread to be had: fall back to a forked stage */
	if (fork_stage(&r->st, c, &sl->pid) == 0)
		sl->kind = SLOT_PROC;
	else
		sl->status = 2;
	stage_destroy(&r->st);
	free(r);
	sl->r = NULL;
}

static void record_statuses(struct slot *slots, size_t k)
{
	struct sbuf b = SBUF_INIT;
	for (size_t i = 0; i < k; i++)
		sbuf_printf(&b, i ? " %d" : "%d", slots[i].status);
	state_var_set("pipestatus", sbuf_str(&b), 0);
	sbuf_free(&b);
}

/* The pipeline's status (its last stage's, or under pipefail the last
 * failing one's); records every stage's in pipestatus. */
static int pipeline_status(struct slot *slots, size_t k)
{
	int status = slots[k - 1].status;
	if (state_opt(OPT_PIPEFAIL))
		for (size_t i = k; i-- > 0;)
			if (slots[i].status != 0) {
				status = slots[i].status;
				break;
			}
	record_statuses(slots, k);
	return status;
}

struct stop_ctx {
	struct slot *slots;
	size_t k;
};

static void stop_threads(void *ctx)
{
	struct stop_ctx *c = ctx;
	for (size_t i = 0; i < c->k; i++)
		if (c->slots[i].kind == SLOT_THREAD && !c->slots[i].joined)
			runner_stop(c->slots[i].r);
}

/* The pipeline's stages are started as a foreground job (st->grp, which
 * this takes from st): waits for it with the other jobs' rules. */
static int pipeline_wait_job(struct stage *st, const struct node *n, struct slot *slots, size_t k)
{
	struct jobgrp *g = st->grp;
	st->grp = NULL;
	struct sbuf text = SBUF_INIT;
	ast_text(n, &text);
	struct job *j = jobs_fg_new(g, st->unit, sbuf_str(&text));
	sbuf_free(&text);
	jobgrp_unref(g);
	for (size_t i = 0; i < k; i++) {
		if (slots[i].kind == SLOT_PROC)
			jobs_fg_add_proc(j, slots[i].pid);
		else if (slots[i].kind == SLOT_THREAD)
			jobs_fg_add_thread(j, slots[i].r, &runner_ops);   /* the job frees it */
		else
			jobs_fg_add_status(j, slots[i].status);
	}
	int *statuses = xcalloc(k, sizeof *statuses);
	int sig = jobs_fg_wait(st, j, statuses);
	for (size_t i = 0; i < k; i++)
		slots[i].status = statuses[i];
	free(statuses);
	int status = pipeline_status(slots, k);
	if (sig)
		status = jobctl_stopped(st, sig);
	return status;
}

int pipeline_run(struct stage *st, const struct node *n)
{
	size_t k = n->u.pipeline.n;
	st->lineno = n->line;   /* for the messages about its stages */
	if (!stage_nest_enter(st, "pipeline"))
		return 2;
	struct slot *slots = xcalloc(k, sizeof *slots);
	int prev = -1;
	io_flush(st);
	/* under job control, a pipeline the shell runs is a job: every stage
	 * in its process group, the shell code on threads (so that the job
	 * can stop while the shell goes back to its prompt) */
	bool job = jobctl_starts_jobs(st);
	if (job)
		st->grp = jobgrp_new(true);
	long big_pages = 0;   /* of big pipes (below) */
	bool next_ext = false;
	for (size_t i = 0; i < k; i++) {
		int p[2] = { -1, -1 };
		if (i + 1 < k) {
			if (pipe2(p, O_CLOEXEC) != 0 || (p[0] = fd_move_high(p[0])) < 0 ||
			    (p[1] = fd_move_high(p[1])) < 0) {
				stage_error(st, "pipe: %s", strerror(errno));
				if (p[0] >= 0)
					close(p[0]);
				if (p[1] >= 0)
					close(p[1]);
				if (prev >= 0)
					close(prev);
				prev = -1;
				for (size_t j = i; j < k; j++)
					slots[j].status = 1;
				break;
			}
		}
		/* each stage is looked at once: ext is this one, next_ext the next */
		bool ext = i == 0 ? pipeline_is_external(n->u.pipeline.cmds[0]) : next_ext;
		next_ext = i + 1 < k && pipeline_is_external(n->u.pipeline.cmds[i + 1]);
		if (ext && next_ext && !state_opt(OPT_FORKSTAGES))
			big_pages += big_pipe(p[1]);
		start_stage(st, n->u.pipeline.cmds[i], ext, i + 1 == k && !job, prev, p[1], &slots[i]);
		prev = p[0];
	}
	if (job) {
		int status = pipeline_wait_job(st, n, slots, k);
		big_pipe_release(big_pages);
		free(slots);
		stage_nest_leave(st);
		return status;
	}
	struct stop_ctx sc = { slots, k };
	bool stopping = false;
	for (size_t i = 0; i < k; i++) {
		struct slot *sl = &slots[i];
		if (sl->kind == SLOT_SELF) {
			sl->status = exec_node(&sl->r->st, sl->r->n);
			if (sl->r->st.flow == FLOW_EXIT || sl->r->st.flow == FLOW_INTERRUPT)
				sl->status = sl->r->st.status;
			if (sl->r->st.flow == FLOW_INTERRUPT) {
				stopping = true;
				stop_threads(&sc);
			}
			stage_destroy(&sl->r->st);
		}
	}
	for (size_t i = 0; i < k; i++) {
		struct slot *sl = &slots[i];
		if (sl->kind == SLOT_THREAD) {
			runner_wait(st, sl->r, &stopping, stop_threads, &sc);
			sl->joined = true;
			sl->status = sl->r->status;
		} else if (sl->kind == SLOT_PROC) {
			int ws;
			sl->status = jobctl_wait(st, sl->pid, &ws);
			if (WIFSIGNALED(ws)) {
				struct sbuf text = SBUF_INIT;
				ast_text(n->u.pipeline.cmds[i], &text);
				jobs_report_death(st, sbuf_str(&text), ws);
				sbuf_free(&text);
			}
		}
		free(sl->r);
	}
	int status = pipeline_status(slots, k);
	big_pipe_release(big_pages);
	free(slots);
	if (stopping && st->main_thread && !st->is_main)
		st->flow = FLOW_INTERRUPT;   /* pass the interrupt up to the shell */
	stage_nest_leave(st);
	return status;
}

/* --- command substitution ---------------------------------------------- */

enum purity {
	PURE_BUILTIN,    /* output builtins only: capture in memory */
	PURE_EXTERNAL,   /* also external commands / pipelines: thread + pipe */
	IMPURE,          /* may change the shell: fork */
};

static enum purity worst(enum purity a, enum purity b) { return a > b ? a : b; }

static enum purity node_purity(const struct node *n, int depth);

/* Function calls looked into by the purity analysis, at most. */
#define PURITY_MAX_DEPTH 4

static bool arith_assigns(const struct word *w)
{
	for (size_t i = 0; i < w->nparts; i++) {
		const struct word_part *p = &w->parts[i];
		if (p->kind != PART_LIT)
			continue;
		const char *s = p->u.lit.s;
		for (size_t j = 0; j < p->u.lit.len; j++) {
			if ((s[j] == '+' || s[j] == '-') && j + 1 < p->u.lit.len && s[j + 1] == s[j])
				return true;
			if (s[j] == '=') {
				char prev = j ? s[j - 1] : 0;
				char next = j + 1 < p->u.lit.len ? s[j + 1] : 0;
				if (next != '=' && prev != '=' && prev != '!' && prev != '<' && prev != '>')
					return true;
				if ((prev == '<' || prev == '>') && j >= 2 && s[j - 2] == prev)
					return true;   /* <<= >>= */
			}
		}
	}
	return false;
}

static enum purity word_purity(const struct word *w, int depth)
{
	enum purity p = PURE_BUILTIN;
	if (!w)
		return p;
	for (size_t i = 0; i < w->nparts && p != IMPURE; i++) {
		const struct word_part *wp = &w->parts[i];
		switch (wp->kind) {
		case PART_CMDSUB:
			p = worst(p, wp->u.cmdsub ? node_purity(wp->u.cmdsub, depth) : PURE_BUILTIN);
			break;
		case PART_ARITH:
			p = arith_assigns(wp->u.arith) ? IMPURE : worst(p, word_purity(wp->u.arith, depth));
			break;
		case PART_PARAM:
			if (wp->u.param->op == PARAM_ASSIGN)
				return IMPURE;
			p = worst(p, word_purity(wp->u.param->arg, depth));
			break;
		default:
			break;
		}
	}
	return p;
}

static bool is_output_builtin(const char *s, size_t len)
{
	static const char *const names[] = { ":", "[", "echo", "false", "printf", "pwd", "test", "true" };
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return true;
	return false;
}

/* Writing redirections may run in memory: a path that names the stage's
 * output (/dev/stdout, /dev/fd/1, a link to one) is resolved to the capture
 * (redir.c, fdpath.h). Reading one needs a real pipe; a socket forks. */
static enum purity redirs_purity(const struct redir *r, int depth)
{
	enum purity p = PURE_BUILTIN;
	for (; r && p != IMPURE; r = r->next) {
		if (r->varname)
			return IMPURE;   /* {name}>...: assigns name, keeps an fd */
		if (r->op != REDIR_HEREDOC && r->op != REDIR_DUPIN && r->op != REDIR_DUPOUT &&
		    net_word_is_socket(r->target))
			return IMPURE;
		if (r->op == REDIR_IN || r->op == REDIR_RDWR)
			p = worst(p, PURE_EXTERNAL);
		p = worst(p, word_purity(r->target, depth));
	}
	return p;
}

static enum purity simple_purity(const struct node *n, int depth)
{
	const char *s;
	size_t len;
	if (n->u.simple.nassigns || n->u.simple.nwords == 0 ||
	    !word_is_plain(n->u.simple.words[0], &s, &len) || len == 0 || len > 255)
		return IMPURE;
	char name[256];
	memcpy(name, s, len);
	name[len] = '\0';
	enum purity p;
	struct func f;
	if (state_func_get(name, &f)) {
		/* a function whose body only writes output (f() { echo x; }) is
		 * captured in memory too; exec_simple checks the body it actually
		 * runs again (see pipeline_function_pure) */
		p = depth < PURITY_MAX_DEPTH ? node_purity(f.body, depth + 1) : IMPURE;
		state_func_release(&f);
		if (p == IMPURE)
			return IMPURE;
		goto args;
	}
	const char *arg1 = NULL;
	size_t arg1len = 0;
	bool trap_list = len == 4 && memcmp(s, "trap", 4) == 0 &&
	                 (n->u.simple.nwords == 1 ||
	                  (n->u.simple.nwords == 2 && word_is_plain(n->u.simple.words[1], &arg1, &arg1len) &&
	                   arg1len == 2 && memcmp(arg1, "-p", 2) == 0));
	if (is_output_builtin(s, len) || trap_list)
		p = PURE_BUILTIN;   /* POSIX: $(trap) lists the shell's own traps */
	else if (memchr(s, '/', len) || !builtin_find(name))
		p = PURE_EXTERNAL;
	else
		return IMPURE;
args:
	for (size_t i = 1; i < n->u.simple.nwords && p != IMPURE; i++)
		p = worst(p, word_purity(n->u.simple.words[i], depth));
	return worst(p, redirs_purity(n->redirs, depth));
}

static enum purity node_purity(const struct node *n, int depth)
{
	enum purity p;
	switch (n->kind) {
	case NODE_SIMPLE:
		return simple_purity(n, depth);
	case NODE_PIPELINE:
		p = n->u.pipeline.n > 1 ? PURE_EXTERNAL : PURE_BUILTIN;
		for (size_t i = 0; i < n->u.pipeline.n && p != IMPURE; i++)
			p = worst(p, node_purity(n->u.pipeline.cmds[i], depth));
		return p;
	case NODE_AND:
	case NODE_OR:
		return worst(node_purity(n->u.andor.left, depth), node_purity(n->u.andor.right, depth));
	case NODE_LIST:
		p = PURE_BUILTIN;
		for (size_t i = 0; i < n->u.list.n && p != IMPURE; i++)
			p = n->u.list.items[i].async ? IMPURE
			                             : worst(p, node_purity(n->u.list.items[i].cmd, depth));
		return p;
	case NODE_GROUP:   /* a function body: { ...; } */
		return worst(node_purity(n->u.group.body, depth), redirs_purity(n->redirs, depth));
	default:
		return IMPURE;
	}
}

bool pipeline_function_confinable(const struct stage *st, const struct func *f)
{
	return node_purity(f->body, 1) <= (st->capture ? PURE_BUILTIN : PURE_EXTERNAL);
}


static void read_all(int fd, struct sbuf *out)
{
	for (;;) {
		sbuf_grow(out, 4096);
		ssize_t r = read(fd, out->data + out->len, out->cap - out->len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		out->len += (size_t)r;
		out->data[out->len] = '\0';
	}
}

static int capture_by(struct stage *st, const struct node *body, enum purity p, struct sbuf *out);

static int capture_pipe(struct stage *st, int pfd[2])
{
	if (pipe2(pfd, O_CLOEXEC) == 0) {
		pfd[0] = fd_move_high(pfd[0]);
		pfd[1] = fd_move_high(pfd[1]);
		if (pfd[0] >= 0 && pfd[1] >= 0)
			return 0;
		if (pfd[0] >= 0)
			close(pfd[0]);
		if (pfd[1] >= 0)
			close(pfd[1]);
	}
	stage_error(st, "pipe: %s", strerror(errno));
	return -1;
}

/* The body in a thread stage writing to a pipe that this thread drains.
 * Returns -1 (nothing run) when no thread can be started. */
static int capture_thread(struct stage *st, const struct node *body, struct sbuf *out)
{
	int pfd[2];
	if (capture_pipe(st, pfd) != 0)
		return 2;
	struct runner *r = xcalloc(1, sizeof *r);
	child_stage(&r->st, st, -1, pfd[1]);
	stage_confine(&r->st);
	r->n = body;
	if (runner_start(r) != 0) {
		stage_destroy(&r->st);   /* closes pfd[1] */
		free(r);
		close(pfd[0]);
		return -1;
	}
	read_all(pfd[0], out);
	bool stopping = false;
	runner_wait(st, r, &stopping, stop_one, r);
	close(pfd[0]);
	int status = r->status;
	free(r);
	return status;
}

/* The body in a forked subshell writing to a pipe. */
static int capture_fork(struct stage *st, const struct node *body, struct sbuf *out)
{
	int pfd[2];
	if (capture_pipe(st, pfd) != 0)
		return 2;
	struct stage tmp;
	pid_t pid;
	child_stage(&tmp, st, -1, pfd[1]);
	int rc = fork_stage(&tmp, body, &pid);
	stage_destroy(&tmp);   /* closes pfd[1] in the parent */
	if (rc != 0) {
		close(pfd[0]);
		return 2;
	}
	read_all(pfd[0], out);
	close(pfd[0]);
	return jobctl_wait(st, pid, NULL);
}

int exec_capture(struct stage *st, const struct node *body, struct sbuf *out)
{
	if (!body)
		return 0;
	enum purity p = state_opt(OPT_FORKSUBST) ? IMPURE : node_purity(body, 0);
	io_flush(st);
	if (!stage_nest_enter(st, "command substitution"))
		return 2;
	int status = capture_by(st, body, p, out);
	stage_nest_leave(st);
	return status;
}

static int capture_by(struct stage *st, const struct node *body, enum purity p, struct sbuf *out)
{
	if (p == PURE_BUILTIN) {
		struct stage c;
		stage_init_child(&c, st);
		c.capture = out;
		stage_confine(&c);
		fdmap_push(&c.fds, 1, FDMAP_CAPTURE, false);
		int status = exec_node(&c, body);
		if (c.flow == FLOW_EXIT)
			status = c.status;
		stage_destroy(&c);
		return status;
	}
	if (p == PURE_EXTERNAL) {
		int status = capture_thread(st, body, out);
		if (status >= 0)
			return status;
	}
	return capture_fork(st, body, out);
}

int pipeline_run_forked(struct stage *st, const struct node *n)
{
	if (st->capture)
		return capture_fork(st, n, st->capture);
	struct stage tmp;
	pid_t pid;
	child_stage(&tmp, st, -1, -1);
	int rc = fork_stage(&tmp, n, &pid);
	stage_destroy(&tmp);
	return rc != 0 ? 2 : jobctl_wait(st, pid, NULL);
}
