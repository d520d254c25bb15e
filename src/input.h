/* input.h: interactive input with GNU readline (prompts, history, completion) */
#ifndef CONCH_INPUT_H
#define CONCH_INPUT_H

#include "stage.h"

/* Runs the interactive read-eval loop until end of input or exit. Main
 * thread only. Returns the last status. */
int input_interactive(struct stage *st);

#endif
