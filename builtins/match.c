/* match.c: the match builtin: test strings against a PCRE2 pattern, or filter lines of stdin */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "builtin.h"
#include "../src/regex.h"

/*
 * match [-cinopqvx] [-m N] [-e PATTERN | PATTERN] [STRING...]
 *
 * With strings, each is a subject (arguments are numbered from 1 for -n);
 * the first one that matches sets MATCH (the whole match), MATCH_1 ..
 * MATCH_n (the numbered groups) and one variable per named group, also with
 * -q. Without strings, the lines of stdin are the subjects and nothing is
 * assigned. Status 0 when a subject was selected, 1 when none, 2 on error.
 */

struct match_opts {
	bool invert, only, count, quiet, number, groups;
	long max;            /* -m; -1 for no limit */
	unsigned flags;      /* REGEX_* */
};

struct match_run {
	struct stage *st;
	struct match_opts o;
	struct regex re;
	struct regex_out out;
	uintmax_t selected;
};

static const char match_nl[] = "\n";
static const char match_tab[] = "\t";

static int match_usage(struct stage *st)
{
	return builtin_usage(st, "match", "a PATTERN is needed");
}

/* Writes what -o or -p prints for subject s: every non-empty match, or its
 * capture groups separated by tabs. Returns 0 or a negative PCRE2 code. */
static int match_emit_parts(struct match_run *m, const char *s, size_t len, uintmax_t num)
{
	struct regex_iter it = { 0 };
	const PCRE2_SIZE *ov = m->re.ov;
	int rc;
	while ((rc = regex_next(&m->re, s, len, &it)) > 0) {
		if (ov[0] >= ov[1])
			continue;    /* as grep -o, empty matches print nothing */
		if (m->o.number)
			regex_out_number(&m->out, num, ':');
		if (m->o.groups && m->re.ngroups > 0) {
			for (uint32_t g = 1; g <= m->re.ngroups; g++) {
				if (g > 1)
					regex_out_add(&m->out, match_tab, 1);
				if (ov[2 * g] != PCRE2_UNSET && ov[2 * g] < ov[2 * g + 1])
					regex_out_add(&m->out, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
			}
		} else {
			regex_out_add(&m->out, s + ov[0], ov[1] - ov[0]);
		}
		regex_out_add(&m->out, match_nl, 1);
	}
	return rc;
}

/* Writes a selected subject as the options ask. nl: s[len] is its newline.
 * Returns 0 or a negative PCRE2 code. */
static int match_emit(struct match_run *m, const char *s, size_t len, bool nl, uintmax_t num)
{
	if (m->o.only || m->o.groups)
		return m->o.invert ? 0 : match_emit_parts(m, s, len, num);
	if (m->o.number)
		regex_out_number(&m->out, num, ':');
	regex_out_add(&m->out, s, len + nl);
	if (!nl)
		regex_out_add(&m->out, match_nl, 1);
	return 0;
}

/* Assigns MATCH, MATCH_1.., and the named groups from the last match of s.
 * Returns 0, or 2 when an assignment failed (readonly variable). */
static int match_assign(struct match_run *m, const char *s)
{
	int status = 0;
	const PCRE2_SIZE *ov = m->re.ov;
	struct sbuf val = SBUF_INIT;
	char name[32];

	for (uint32_t g = 0; g <= m->re.ngroups; g++) {
		sbuf_reset(&val);
		if (ov[2 * g] != PCRE2_UNSET && ov[2 * g] < ov[2 * g + 1])
			sbuf_addn(&val, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
		if (g == 0)
			snprintf(name, sizeof name, "MATCH");
		else
			snprintf(name, sizeof name, "MATCH_%u", (unsigned)g);
		if (stage_var_set(m->st, name, sbuf_str(&val)) != 0)
			status = 2;
	}

	uint32_t count = 0, size = 0;
	PCRE2_SPTR table = NULL;
	pcre2_pattern_info(m->re.code, PCRE2_INFO_NAMECOUNT, &count);
	pcre2_pattern_info(m->re.code, PCRE2_INFO_NAMEENTRYSIZE, &size);
	pcre2_pattern_info(m->re.code, PCRE2_INFO_NAMETABLE, &table);
	for (uint32_t i = 0; i < count; i++) {
		PCRE2_SPTR e = table + (size_t)i * size;
		uint32_t g = (uint32_t)e[0] << 8 | e[1];
		const char *gname = (const char *)e + 2;
		/* With (?J) several groups share a name: the one that took part
		 * in the match wins, or the last one. */
		if (ov[2 * g] == PCRE2_UNSET && i + 1 < count &&
		    strcmp(gname, (const char *)table + (size_t)(i + 1) * size + 2) == 0)
			continue;
		if (!is_name(gname))
			continue;    /* a Unicode group name is no shell name */
		sbuf_reset(&val);
		if (ov[2 * g] != PCRE2_UNSET && ov[2 * g] < ov[2 * g + 1])
			sbuf_addn(&val, s + ov[2 * g], ov[2 * g + 1] - ov[2 * g]);
		if (stage_var_set(m->st, gname, sbuf_str(&val)) != 0)
			status = 2;
	}
	sbuf_free(&val);
	return status;
}

/* Tests each string. Returns the status. */
static int match_strings(struct match_run *m, int n, char **v)
{
	bool assigned = false;
	for (int i = 0; i < n; i++) {
		if (m->o.max >= 0 && m->selected >= (uintmax_t)m->o.max)
			break;
		size_t len = strlen(v[i]);
		int rc = regex_exec(&m->re, v[i], len, 0, 0);
		if (rc < 0)
			return regex_report(&m->re, m->st, rc, 0);
		if (rc > 0 && !m->o.invert && !assigned) {
			assigned = true;
			if (match_assign(m, v[i]) != 0)
				return 2;
		}
		if ((rc > 0) == m->o.invert)
			continue;
		m->selected++;
		if (m->o.quiet)
			break;
		if (!m->o.count && (rc = match_emit(m, v[i], len, false, (uintmax_t)i + 1)) < 0)
			return regex_report(&m->re, m->st, rc, 0);
	}
	return 0;
}

/* True when stage fd 1 is /dev/null. Then nothing printed can be seen and
 * the first selected subject decides the status, so match stops there, as
 * GNU grep does. */
static bool match_output_discarded(struct stage *st)
{
	struct stat out, null;
	int fd = fdmap_get(&st->fds, 1);
	return fd >= 0 && fstat(fd, &out) == 0 && S_ISCHR(out.st_mode) &&
	       stat("/dev/null", &null) == 0 && out.st_rdev == null.st_rdev &&
	       out.st_ino == null.st_ino;
}

/* Filters the lines of stdin. Returns the status. */
static int match_lines(struct match_run *m)
{
	int status = 0;
	struct regex_reader r;
	regex_reader_init(&r, m->st, 0);
	r.before_refill = regex_out_hook;
	r.ctx = &m->out;

	const char *line;
	size_t len;
	bool nl;
	uintmax_t lineno = 0;
	int rc;
	while (m->o.max < 0 || m->selected < (uintmax_t)m->o.max) {
		rc = regex_reader_next(&r, &line, &len, &nl);
		if (rc == 0)
			break;
		if (rc < 0) {
			/* A failed write or a stop request is the caller's to
			 * report; a read error is ours. */
			if (!m->st->io_error && !atomic_load(&m->st->stop))
				stage_error(m->st, "match: read error: %s", strerror(errno));
			status = 2;
			goto out;
		}
		lineno++;
		rc = regex_exec(&m->re, line, len, 0, 0);
		if (rc < 0) {
			status = regex_report(&m->re, m->st, rc, lineno);
			goto out;
		}
		if ((rc > 0) == m->o.invert)
			continue;
		m->selected++;
		if (m->o.quiet)
			break;
		if (!m->o.count && (rc = match_emit(m, line, len, nl, lineno)) < 0) {
			status = regex_report(&m->re, m->st, rc, lineno);
			goto out;
		}
	}
out:
	regex_out_flush(&m->out);
	regex_reader_free(&r);
	return status;
}

int builtin_match(struct stage *st, int argc, char **argv)
{
	int status = 2;
	struct match_run m = { .st = st, .o = { .max = -1 } };
	struct regex_opts op = { .ind = 1 };
	const char *pattern = NULL;
	int c;

	while ((c = regex_opts_next(&op, st, "match", argc, argv, "ce:im:nopqvx")) != -1) {
		switch (c) {
		case 'c': m.o.count = true; break;
		case 'e': pattern = op.arg; break;
		case 'i': m.o.flags |= REGEX_CASELESS; break;
		case 'm':
			if (!parse_long(op.arg, &m.o.max) || m.o.max < 0) {
				status = builtin_usage(st, "match", "-m: bad number: %s", op.arg);
				goto out;
			}
			break;
		case 'n': m.o.number = true; break;
		case 'o': m.o.only = true; break;
		case 'p': m.o.groups = true; break;
		case 'q': m.o.quiet = true; break;
		case 'v': m.o.invert = true; break;
		case 'x': m.o.flags |= REGEX_WHOLE; break;
		default:   /* regex_opts_next said why */
			status = 2;
			goto out;
		}
	}
	if (!pattern) {
		if (op.ind >= argc) {
			status = match_usage(st);
			goto out;
		}
		pattern = argv[op.ind++];
	}
	/* JIT compiling costs more than matching a few short strings. */
	if (op.ind == argc || argc - op.ind > 16)
		m.o.flags |= REGEX_JIT;
	if (regex_compile(&m.re, st, "match", pattern, m.o.flags) != 0)
		goto out;
	m.out = (struct regex_out){ .st = st, .vfd = 1 };
	if (!m.o.quiet && match_output_discarded(st))
		m.o.quiet = true;

	if (op.ind < argc)
		status = match_strings(&m, argc - op.ind, argv + op.ind);
	else
		status = match_lines(&m);
	regex_out_flush(&m.out);
	if (status != 0)
		goto out;
	if (m.o.count && !m.o.quiet)
		io_printf(st, 1, "%ju\n", m.selected);
	status = m.selected > 0 ? 0 : 1;
out:
	regex_free(&m.re);   /* zeroed or compiled: both are fine */
	return status;
}
