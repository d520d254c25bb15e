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

#endif
