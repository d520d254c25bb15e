/* arith-test.c: standalone driver for arith_eval: evaluates each argument, prints the result or the error */
#define _POSIX_C_SOURCE 200809L

#include "../../src/arith.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * Usage: arith-test [NAME=VALUE]... [--] EXPR...
 *        arith-test -b N EXPR   time N evaluations of EXPR (variables kept)
 *        arith-test -f FILE     evaluate the contents of FILE (one expression)
 * Variables live in a small table; after each EXPR the changed ones are
 * printed as NAME=VALUE so assignment side effects can be checked.
 */

struct var {
	char *name;
	char *value;
};

struct table {
	struct var v[64];
	size_t n;
	int readonly_x;  /* `x` refuses assignment, to test the set error path */
};

static struct var *lookup(struct table *t, const char *name, size_t len)
{
	for (size_t i = 0; i < t->n; i++)
		if (strlen(t->v[i].name) == len && memcmp(t->v[i].name, name, len) == 0)
			return &t->v[i];
	return NULL;
}

static void put(struct table *t, const char *name, size_t len, const char *value)
{
	struct var *v = lookup(t, name, len);
	if (!v) {
		if (t->n == 64) {
			fputs("too many variables\n", stderr);
			exit(2);
		}
		v = &t->v[t->n++];
		v->name = strndup(name, len);
		v->value = NULL;
	}
	free(v->value);
	v->value = strdup(value);
}

static char *get_cb(void *ctx, const char *name, size_t len)
{
	struct var *v = lookup(ctx, name, len);
	return v && v->value ? strdup(v->value) : NULL;
}

static int set_cb(void *ctx, const char *name, size_t len, intmax_t value,
                  char *err, size_t errlen)
{
	struct table *t = ctx;
	if (t->readonly_x && len == 8 && memcmp(name, "readonly", 8) == 0) {
		snprintf(err, errlen, "%.*s: is read only", (int)len, name);
		return -1;
	}
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRIdMAX, value);
	put(t, name, len, buf);
	return 0;
}

int main(int argc, char **argv)
{
	static struct table t;
	t.readonly_x = 1;
	struct arith_vars vars = { &t, get_cb, set_cb };
	char err[256];
	intmax_t r;
	int i = 1;
	long bench = 0;
	if (argc > 2 && strcmp(argv[1], "-b") == 0) {
		bench = atol(argv[2]);
		i = 3;
	}
	for (; i < argc && strchr(argv[i], '=') && argv[i][0] != '-'; i++) {
		char *eq = strchr(argv[i], '=');
		if (eq == argv[i] || strspn(argv[i], "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") != (size_t)(eq - argv[i]))
			break;
		put(&t, argv[i], (size_t)(eq - argv[i]), eq + 1);
	}
	if (i < argc && strcmp(argv[i], "--") == 0)
		i++;
	if (i + 1 < argc && strcmp(argv[i], "-f") == 0) {
		FILE *f = fopen(argv[i + 1], "r");
		if (!f) {
			perror(argv[i + 1]);
			return 2;
		}
		static char buf[1 << 22];
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		fclose(f);
		buf[n] = '\0';
		argv[i + 1] = buf;
		i++;
	}
	if (bench) {
		struct timespec a, b;
		clock_gettime(CLOCK_MONOTONIC, &a);
		for (long k = 0; k < bench; k++) {
			if (arith_eval(argv[i], &vars, &r, err, sizeof err)) {
				printf("error: %s\n", err);
				return 1;
			}
		}
		clock_gettime(CLOCK_MONOTONIC, &b);
		double ns = ((double)(b.tv_sec - a.tv_sec) * 1e9 + (double)(b.tv_nsec - a.tv_nsec)) / (double)bench;
		printf("%s: %.1f ns/eval (last %" PRIdMAX ")\n", argv[i], ns, r);
		return 0;
	}
	int status = 0;
	for (; i < argc; i++) {
		if (arith_eval(argv[i], &vars, &r, err, sizeof err) == 0) {
			printf("%" PRIdMAX "\n", r);
		} else {
			printf("error: %s\n", err);
			status = 1;
		}
	}
	for (size_t k = 0; k < t.n; k++) {
		printf("%s=%s\n", t.v[k].name, t.v[k].value);
		free(t.v[k].name);
		free(t.v[k].value);
	}
	return status;
}
