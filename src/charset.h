/* charset.h: the locale's character set (LC_CTYPE), loaded the first time it matters */
#ifndef CONCH_CHARSET_H
#define CONCH_CHARSET_H

#include <stdbool.h>

/* Loads LC_CTYPE from the environment, once; any thread may call it. Call
 * it before anything whose answer depends on the character set: multibyte
 * conversions, character classes, nl_langinfo(CODESET). */
void charset_load(void);

/* True when characters may take several bytes (a UTF-8 locale). Loads the
 * locale first: call it only once a non-ASCII byte is at hand, so that
 * ASCII-only scripts never pay for loading it. */
bool charset_multibyte(void);

#endif
