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

/* $(f) runs in memory when f's body only writes output. The call checks
 * the body it is about to run (a stage may have redefined f meanwhile):
 * pipeline_function_pure says whether it may still run in memory, and
 * pipeline_capture_forked runs the call n in a forked subshell instead,
 * its output going to st->capture. */
struct func;
bool pipeline_function_pure(const struct func *f);
int pipeline_capture_forked(struct stage *st, const struct node *n);

#endif
