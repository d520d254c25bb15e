/* pipeline.h: running pipelines (thread stages, spawned and forked stages) and $(...) */
#ifndef CONCH_PIPELINE_H
#define CONCH_PIPELINE_H

#include "ast.h"
#include "stage.h"

/* Runs a pipeline of two or more commands; returns its status (the last
 * stage's, or with pipefail the rightmost failure). */
int pipeline_run(struct stage *st, const struct node *n);

/* True for a simple command that is certainly an external program and whose
 * expansion cannot run shell code: it can be spawned without a thread or
 * subshell. */
bool pipeline_is_external(const struct node *n);

/* $(f) runs without a fork (in memory, or as a thread writing to a pipe)
 * when f's body allows it. The call checks the body it is about to run (a
 * stage may have redefined f meanwhile): pipeline_function_confinable says
 * whether it may still run in st, a confined stage (stage_confine), and
 * pipeline_run_forked runs the call n in a forked subshell instead, its
 * output going where st's goes (st->capture included). */
struct func;
bool pipeline_function_confinable(const struct stage *st, const struct func *f);
int pipeline_run_forked(struct stage *st, const struct node *n);

#endif
