/* fuzz_parse.c: libFuzzer target feeding arbitrary bytes to parse_string and the line-by-line parser */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "parse.h"

struct fuzz_lines {
	const char *s;
	size_t len, off;
};

static int fuzz_read(void *ctx, struct sbuf *line, bool continuation)
{
	struct fuzz_lines *l = ctx;
	(void)continuation;
	if (l->off >= l->len)
		return 0;
	const char *nl = memchr(l->s + l->off, '\n', l->len - l->off);
	size_t n = nl ? (size_t)(nl - (l->s + l->off)) + 1 : l->len - l->off;
	sbuf_addn(line, l->s + l->off, n);
	l->off += n;
	return 1;
}

/* Every word "a" is an alias whose value ends in a blank; "b" recurses. */
static char *fuzz_alias(void *ctx, const char *name)
{
	(void)ctx;
	if (strcmp(name, "a") == 0)
		return xstrdup("b a ");
	if (strcmp(name, "b") == 0)
		return xstrdup("a|b;");
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct unit *u;
	struct parse_error err;
	struct sbuf out = SBUF_INIT;
	if (parse_string((const char *)data, size, "fuzz", 1, fuzz_alias, NULL, &u, &err) ==
	    PARSE_OK) {
		ast_dump(u->root, &out);
		unit_unref(u);
	}
	struct fuzz_lines l = { (const char *)data, size, 0 };
	struct parser *p = parser_new("fuzz", fuzz_read, &l);
	parser_set_alias(p, fuzz_alias, NULL);
	for (int i = 0; i < 100000; i++) {
		enum parse_status st = parser_next(p, &u, &err);
		if (st == PARSE_EOF)
			break;
		if (st == PARSE_OK) {
			ast_dump(u->root, &out);
			unit_unref(u);
		}
	}
	parser_free(p);
	sbuf_free(&out);
	return 0;
}
