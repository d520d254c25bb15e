/* redir.h: applying redirections to a stage's virtual fd map (XCU 2.7) */
#ifndef CONCH_REDIR_H
#define CONCH_REDIR_H

#include "ast.h"
#include "stage.h"

/* Applies the list in order, pushing entries onto st->fds. Returns 0, or -1
 * after printing a message (st->status = 1); entries pushed before the
 * failure stay: the caller pops to its mark in both cases. */
int redir_apply_list(struct stage *st, const struct redir *r);
static inline int redir_apply(struct stage *st, const struct redir *r)
{
	return r ? redir_apply_list(st, r) : 0;   /* most commands have none: no call */
}

/* True when any redirection in the list needs expansion that could run shell
 * code (command substitution), for the pipeline planner. */
bool redir_has_cmdsub(const struct redir *r);

#endif
