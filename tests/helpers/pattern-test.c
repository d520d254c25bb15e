/* pattern-test.c: standalone driver for pattern.c: matching, ${x#p} affixes and pathname expansion */
#define _POSIX_C_SOURCE 200809L

#include "../../src/pattern.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * Patterns are given as pattern.h wants them: a quoted character is preceded
 * by '\'. Usage:
 *   pattern-test match PAT STR [pathname] [period]   prints y or n
 *   pattern-test affix OP PAT STR    OP is # ## % %%; prints what ${STR OP PAT} gives
 *   pattern-test glob PAT            prints the matches on one line, like echo
 *                                    (the unescaped pattern when nothing matches)
 *   pattern-test magic PAT           prints y or n
 *   pattern-test bench N match|affix|glob ARGS...   times N runs, prints ns or us per run
 */

static int side_of(const char *op, enum pattern_side *side)
{
	if (strcmp(op, "#") == 0)
		*side = PATTERN_SHORTEST_PREFIX;
	else if (strcmp(op, "##") == 0)
		*side = PATTERN_LONGEST_PREFIX;
	else if (strcmp(op, "%") == 0)
		*side = PATTERN_SHORTEST_SUFFIX;
	else if (strcmp(op, "%%") == 0)
		*side = PATTERN_LONGEST_SUFFIX;
	else
		return -1;
	return 0;
}

/* Runs one command; when quiet, prints nothing (for benchmarks). */
static int run(int argc, char **argv, int quiet)
{
	if (argc >= 3 && strcmp(argv[0], "match") == 0) {
		int flags = 0;
		for (int i = 3; i < argc; i++) {
			if (strcmp(argv[i], "pathname") == 0)
				flags |= PATTERN_PATHNAME;
			else if (strcmp(argv[i], "period") == 0)
				flags |= PATTERN_PERIOD;
		}
		bool r = pattern_match(argv[1], argv[2], flags);
		if (!quiet)
			puts(r ? "y" : "n");
		return 0;
	}
	if (argc == 4 && strcmp(argv[0], "affix") == 0) {
		enum pattern_side side;
		if (side_of(argv[1], &side))
			return 2;
		long k = pattern_match_affix(argv[2], argv[3], side);
		if (quiet)
			return 0;
		const char *s = argv[3];
		size_t n = strlen(s);
		if (k < 0)
			puts(s);
		else if (side == PATTERN_SHORTEST_PREFIX || side == PATTERN_LONGEST_PREFIX)
			puts(s + k);
		else
			printf("%.*s\n", (int)(n - (size_t)k), s);
		return 0;
	}
	if (argc == 2 && strcmp(argv[0], "glob") == 0) {
		struct strvec sv = STRVEC_INIT;
		size_t n = pattern_glob(argv[1], &sv);
		if (!quiet) {
			if (n == 0) {
				char *u = pattern_unescape(argv[1]);
				puts(u);
				free(u);
			} else {
				for (size_t i = 0; i < sv.n; i++)
					printf("%s%s", i ? " " : "", sv.v[i]);
				putchar('\n');
			}
		}
		strvec_free(&sv);
		return 0;
	}
	if (argc == 2 && strcmp(argv[0], "magic") == 0) {
		puts(pattern_has_magic(argv[1]) ? "y" : "n");
		return 0;
	}
	fputs("usage: see the comment in pattern-test.c\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	if (argc > 3 && strcmp(argv[1], "bench") == 0) {
		long n = atol(argv[2]);
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (long i = 0; i < n; i++)
			if (run(argc - 3, argv + 3, 1))
				return 2;
		clock_gettime(CLOCK_MONOTONIC, &b);
		double ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / (double)n;
		if (ns > 10000)
			printf("%.1f us/run\n", ns / 1000);
		else
			printf("%.1f ns/run\n", ns);
		return 0;
	}
	return run(argc - 1, argv + 1, 0);
}
