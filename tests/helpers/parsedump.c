/* parsedump.c: test driver that parses a file or stdin and prints the AST dump or the syntax error */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse.h"

/*
 * usage: parsedump [-l] [-a NAME=VALUE]... [FILE]
 *   default: parse_string over the whole input, print one dump line
 *   -l: parser_next line by line, one dump line per complete command
 *       ("nil" for a blank one); continues after errors
 *   -a: define an alias
 * Errors go to stderr as FILE:LINE:COL: syntax error: MSG; exit status 2.
 */

struct aliases {
	int n;
	char **defs;   /* NAME=VALUE */
};

static char *dump_alias(void *ctx, const char *name)
{
	const struct aliases *a = ctx;
	size_t len = strlen(name);
	for (int i = a->n - 1; i >= 0; i--)
		if (strncmp(a->defs[i], name, len) == 0 && a->defs[i][len] == '=')
			return xstrdup(a->defs[i] + len + 1);
	return NULL;
}

struct lines {
	const char *s;
	size_t len, off;
};

static int dump_read(void *ctx, struct sbuf *line, bool continuation)
{
	struct lines *l = ctx;
	(void)continuation;
	if (l->off >= l->len)
		return 0;
	const char *nl = memchr(l->s + l->off, '\n', l->len - l->off);
	size_t n = nl ? (size_t)(nl - (l->s + l->off)) + 1 : l->len - l->off;
	sbuf_addn(line, l->s + l->off, n);
	l->off += n;
	return 1;
}

static void dump_error(const char *file, const struct parse_error *e)
{
	fprintf(stderr, "%s:%d:%d: syntax error: %s\n", file, e->line, e->col, e->msg);
}

static void dump_unit(const struct unit *u)
{
	struct sbuf out = SBUF_INIT;
	ast_dump(u->root, &out);
	printf("%s\n", sbuf_str(&out));
	sbuf_free(&out);
}

static int dump_lines(const char *file, const struct sbuf *in, struct aliases *al)
{
	struct lines l = { in->data ? in->data : "", in->len, 0 };
	struct parser *p = parser_new(file, dump_read, &l);
	parser_set_alias(p, dump_alias, al);
	int rc = 0;
	for (;;) {
		struct unit *u;
		struct parse_error e;
		enum parse_status st = parser_next(p, &u, &e);
		if (st == PARSE_EOF)
			break;
		if (st == PARSE_ERROR) {
			dump_error(file, &e);
			rc = 2;
			continue;
		}
		dump_unit(u);
		unit_unref(u);
	}
	parser_free(p);
	return rc;
}

int main(int argc, char **argv)
{
	bool lines = false;
	struct aliases al = { 0, xcalloc((size_t)argc, sizeof(char *)) };
	int opt;
	while ((opt = getopt(argc, argv, "la:")) != -1) {
		if (opt == 'l')
			lines = true;
		else if (opt == 'a')
			al.defs[al.n++] = optarg;
		else
			return 64;
	}
	const char *file = optind < argc ? argv[optind] : "stdin";
	FILE *f = optind < argc ? fopen(file, "r") : stdin;
	if (!f) {
		perror(file);
		return 1;
	}
	struct sbuf in = SBUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sbuf_addn(&in, chunk, n);
	int rc = 0;
	if (lines) {
		rc = dump_lines(file, &in, &al);
	} else {
		struct unit *u;
		struct parse_error e;
		if (parse_string(sbuf_str(&in), in.len, file, 1, dump_alias, &al, &u, &e) == PARSE_OK) {
			dump_unit(u);
			unit_unref(u);
		} else {
			dump_error(file, &e);
			rc = 2;
		}
	}
	sbuf_free(&in);
	free(al.defs);
	if (f != stdin)
		fclose(f);
	return rc;
}
