/* pipeline.h: running pipelines (thread stages, spawned and forked stages) and $(...) */
#ifndef CONCH_PIPELINE_H
#define CONCH_PIPELINE_H

#include "ast.h"
#include "stage.h"

/* Runs a pipeline of two or more commands; returns its status (the last
 * stage's, or with pipefail the rightmost failure). */
int pipeline_run(struct stage *st, const struct node *n);

#endif
