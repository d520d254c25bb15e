/* charset.c: the locale's character set (LC_CTYPE), loaded the first time it matters */

/*
 * Loading a locale's LC_CTYPE (its alias file, its tables, the gconv cache)
 * is a tenth of conch's start-up, and most scripts never look at a
 * non-ASCII character. So conch starts in the C character set and loads the
 * environment's the first time an answer depends on it: a length, a pattern
 * or a regular expression meeting a non-ASCII byte, or a character class.
 * What the shell does with ASCII is the same in every locale, and the
 * single-byte classification functions (isdigit, isblank) only ever see
 * ASCII questions here, so nothing observes the switch. pthread_once makes
 * the load happen once, and every caller waits for it to be complete.
 * Interactive shells load it at start-up, for readline.
 */

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>

#include "charset.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool multibyte;   /* written once, inside pthread_once */

static void load(void)
{
	setlocale(LC_CTYPE, "");
	multibyte = MB_CUR_MAX > 1;
}

void charset_load(void)
{
	pthread_once(&once, load);
}

bool charset_multibyte(void)
{
	charset_load();
	return multibyte;
}
