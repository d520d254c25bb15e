/* pattern.c: shell pattern matching (XCU 2.13) and pathname expansion (XCU 2.6.6) */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE  /* glibc extension: d_type and DT_* in struct dirent */

/*
 * DESIGN
 *
 * The matcher works on a pattern slice [p, pe) and a string slice (s, n), so
 * ${x#p} and friends try every prefix or suffix without copying, and
 * pathname matching hands it one path component at a time. It is iterative:
 * for `*` it remembers only the last star and retries from one character
 * further on a mismatch. That is enough for shell patterns, where everything
 * but `*` matches exactly one character, and it is O(len(pat) * len(str)) at
 * worst instead of exponential. When the rest of the pattern after a star is
 * a fixed-length run (no more stars), it is matched against the tail of the
 * string directly, so `*.txt` or `*` + `/` cost one comparison per call.
 *
 * Multibyte: when the locale has multibyte characters and the string holds a
 * non-ASCII byte, `?`, `*` and brackets step over whole characters (mbrtowc;
 * an invalid byte is one character of its own). For ASCII strings the byte
 * path is exact, and it is the common case.
 *
 * Pathname expansion walks the pattern component by component, keeping the
 * list of directories reached so far: a literal component is appended
 * without touching the file system, a component with magic reads the
 * directory once (readdir, d_type to avoid stat). Paths produced only by
 * appending literals after the last wildcard are checked with lstat at the
 * end. No recursion, no globals.
 */

#include "charset.h"
#include "pattern.h"

#include <dirent.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <wchar.h>
#include <wctype.h>

/* A value no real character has, for a byte that is not a valid character. */
#define BAD_BYTE(c) ((wchar_t)(0x110000 + (unsigned char)(c)))

/* Decodes the character at s (at most n bytes, n > 0): returns its length in
 * bytes and stores its value. */
static size_t char_at(const char *s, size_t n, bool mb, wchar_t *wc)
{
	unsigned char c = (unsigned char)*s;
	if (!mb || c < 0x80) {
		*wc = c;
		return 1;
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t k = mbrtowc(wc, s, n, &st);
	if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
		*wc = BAD_BYTE(c);
		return 1;
	}
	return k;
}

static bool has_high_byte(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* Whether matching str needs the multibyte path. */
static bool want_mb(const char *s, size_t n)
{
	return has_high_byte(s, n) && charset_multibyte();
}

/* For [:name:] (name is [q, qe)): whether wc is in the class. An unknown
 * class matches nothing. */
static bool class_match(const char *q, const char *qe, wchar_t wc)
{
	char name[16];
	size_t len = (size_t)(qe - q);
	if (len == 0 || len >= sizeof name)
		return false;
	memcpy(name, q, len);
	name[len] = '\0';
	charset_load();   /* classes are the locale's */
	wctype_t t = wctype(name);
	return t != 0 && wc < 0x110000 && iswctype((wint_t)wc, t);
}

/* Reads one bracket member character at *pp (escaped with '\' or not,
 * [.c.] and [=c=] taken as the character c). */
static wchar_t bracket_char(const char **pp, const char *pe, bool mb)
{
	const char *p = *pp;
	wchar_t wc;
	if (*p == '[' && pe - p >= 5 && (p[1] == '.' || p[1] == '=')) {
		/* [.c.] or [=c=] with one character c */
		size_t k = char_at(p + 2, (size_t)(pe - p - 2), mb, &wc);
		const char *q = p + 2 + k;
		if (pe - q >= 2 && q[0] == p[1] && q[1] == ']') {
			*pp = q + 2;
			return wc;
		}
	}
	if (*p == '\\' && pe - p >= 2)
		p++;
	p += char_at(p, (size_t)(pe - p), mb, &wc);
	*pp = p;
	return wc;
}

/* Matches the bracket expression starting just after '[' at p against wc.
 * Returns 1 or 0, and sets *end past the closing ']'; returns -1 when there
 * is no closing ']' (the '[' is then an ordinary character). */
static int match_bracket(const char *p, const char *pe, wchar_t wc, bool mb,
                         const char **end)
{
	bool neg = false, found = false;
	if (p < pe && (*p == '!' || *p == '^')) {
		neg = true;
		p++;
	}
	const char *first = p;
	for (;;) {
		if (p >= pe)
			return -1;
		if (*p == ']' && p != first) {
			p++;
			break;
		}
		if (*p == '[' && pe - p >= 2 && p[1] == ':') {
			const char *q = p + 2, *r = q;
			while (r + 1 < pe && !(r[0] == ':' && r[1] == ']'))
				r++;
			if (r + 1 < pe) {
				if (!found && class_match(q, r, wc))
					found = true;
				p = r + 2;
				continue;
			}
			/* no ":]": the '[' is an ordinary member */
		}
		wchar_t lo = bracket_char(&p, pe, mb);
		if (pe - p >= 2 && p[0] == '-' && p[1] != ']') {
			p++;
			wchar_t hi = bracket_char(&p, pe, mb);
			if (lo <= wc && wc <= hi)
				found = true;
		} else if (lo == wc) {
			found = true;
		}
	}
	*end = p;
	return found != neg;
}

/* Where the bracket expression starting just after '[' at p ends (past its
 * ']'), or NULL when it does not close. */
static const char *bracket_end(const char *p, const char *pe)
{
	const char *end;
	return match_bracket(p, pe, 0, false, &end) < 0 ? NULL : end;
}

/* When [p, pe) has no '*' and every element matches a fixed number of bytes,
 * returns that number; else -1. In multibyte mode only literals qualify. */
static long fixed_len(const char *p, const char *pe, bool mb)
{
	long len = 0;
	while (p < pe) {
		if (*p == '*')
			return -1;
		if (*p == '?') {
			if (mb)
				return -1;
			p++;
		} else if (*p == '[') {
			const char *e = bracket_end(p + 1, pe);
			if (e && mb)
				return -1;
			p = e ? e : p + 1;
		} else if (*p == '\\' && pe - p >= 2) {
			p += 2;
		} else {
			p++;
		}
		len++;
	}
	return len;
}

/* The matcher: pattern [p, pe) against the whole of (s, n). No special
 * treatment of '/' or leading '.'. */
static bool match_slice(const char *p, const char *pe, const char *s, size_t n, bool mb)
{
	const char *star_p = NULL;
	size_t star_i = 0, i = 0;
	for (;;) {
		if (p < pe && *p == '*') {
			while (p < pe && *p == '*')
				p++;
			if (p == pe)
				return true;
			long fl = fixed_len(p, pe, mb);
			if (fl >= 0) {
				/* the rest matches exactly fl bytes: only the tail can do */
				if ((size_t)fl > n - i)
					return false;
				s += n - (size_t)fl;
				n = (size_t)fl;
				i = 0;
				star_p = NULL;
				continue;
			}
			star_p = p;
			star_i = i;
			continue;
		}
		bool ok;
		if (p == pe) {
			if (i == n)
				return true;
			ok = false;
		} else if (i == n) {
			/* the pattern wants a character: a longer star leaves fewer */
			return false;
		} else if (*p == '?') {
			wchar_t wc;
			i += char_at(s + i, n - i, mb, &wc);
			p++;
			continue;
		} else {
			int r = -1;
			size_t clen = 1;
			if (*p == '[') {
				wchar_t wc;
				const char *end;
				clen = char_at(s + i, n - i, mb, &wc);
				r = match_bracket(p + 1, pe, wc, mb, &end);
				if (r > 0) {
					p = end;
					i += clen;
					continue;
				}
			}
			if (r < 0) {
				/* a literal (an unclosed '[' included) */
				char c = *p;
				const char *np = p + 1;
				if (c == '\\' && pe - p >= 2) {
					c = p[1];
					np = p + 2;
				}
				if (s[i] == c) {
					p = np;
					i++;
					continue;
				}
			}
			ok = false;
		}
		if (!ok) {
			if (!star_p)
				return false;
			wchar_t wc;
			star_i += char_at(s + star_i, n - star_i, mb, &wc);
			i = star_i;
			p = star_p;
		}
	}
}

/* A leading '.' in s must be matched by a literal '.' in [p, pe). */
static bool period_ok(const char *p, const char *pe, const char *s, size_t n)
{
	if (n == 0 || s[0] != '.')
		return true;
	return (pe - p >= 1 && p[0] == '.') || (pe - p >= 2 && p[0] == '\\' && p[1] == '.');
}

/* End of the path component of the pattern at p: the next '/' or "\/". */
static const char *pat_component_end(const char *p, const char *pe)
{
	while (p < pe && *p != '/') {
		if (*p == '\\' && pe - p >= 2) {
			if (p[1] == '/')
				break;
			p += 2;
		} else {
			p++;
		}
	}
	return p;
}

static bool match_flags(const char *pat, const char *s, size_t n, int flags)
{
	const char *pe = pat + strlen(pat);
	bool mb = want_mb(s, n);
	if (!(flags & PATTERN_PATHNAME)) {
		if ((flags & PATTERN_PERIOD) && !period_ok(pat, pe, s, n))
			return false;
		return match_slice(pat, pe, s, n, mb);
	}
	/* POSIX 2.13.3: '/' only matches a literal '/': match component by
	 * component (a bracket cannot span a '/', it becomes literal) */
	const char *p = pat;
	size_t i = 0;
	for (;;) {
		const char *ce = pat_component_end(p, pe);
		const char *sl = memchr(s + i, '/', n - i);
		size_t se = sl ? (size_t)(sl - s) : n;
		if ((flags & PATTERN_PERIOD) && !period_ok(p, ce, s + i, se - i))
			return false;
		if (!match_slice(p, ce, s + i, se - i, mb))
			return false;
		if (ce == pe || se == n)
			return ce == pe && se == n;
		p = ce + (*ce == '\\' ? 2 : 1);
		i = se + 1;
	}
}

bool pattern_match(const char *pat, const char *str, int flags)
{
	return match_flags(pat, str, strlen(str), flags);
}

bool pattern_match_n(const char *pat, const char *str, size_t len, int flags)
{
	return match_flags(pat, str, len, flags);
}

bool pattern_has_magic(const char *pat)
{
	for (const char *p = pat; *p; p++) {
		if (*p == '\\') {
			if (!p[1])
				break;
			p++;
		} else if (*p == '*' || *p == '?' || *p == '[') {
			return true;
		}
	}
	return false;
}

/* Copies [p, pe) to dst without the backslash escapes; returns the length. */
static size_t unescape_into(char *dst, const char *p, const char *pe)
{
	size_t n = 0;
	while (p < pe) {
		if (*p == '\\' && pe - p >= 2)
			p++;
		dst[n++] = *p++;
	}
	dst[n] = '\0';
	return n;
}

char *pattern_unescape(const char *pat)
{
	size_t len = strlen(pat);
	char *r = xmalloc(len + 1);
	unescape_into(r, pat, pat + len);
	return r;
}

/* Whether [p, pe) ends with an unescaped '*'. */
static bool ends_with_star(const char *p, const char *pe)
{
	bool star = false;
	while (p < pe) {
		star = *p == '*';
		p += *p == '\\' && pe - p >= 2 ? 2 : 1;
	}
	return star;
}

long pattern_match_affix(const char *pat, const char *str, enum pattern_side side)
{
	size_t n = strlen(str);
	const char *pe = pat + strlen(pat);
	bool mb = want_mb(str, n);
	bool prefix = side == PATTERN_SHORTEST_PREFIX || side == PATTERN_LONGEST_PREFIX;
	/* Try cut points k (a prefix is str[0,k), a suffix str[k,n)) in the
	 * order that finds the wanted match first: ascending for the shortest
	 * prefix and the longest suffix, descending for the other two. */
	bool ascending = side == PATTERN_SHORTEST_PREFIX || side == PATTERN_LONGEST_SUFFIX;
	/* A star on the open end makes matches monotonic: if some prefix
	 * matches `Q*`, the whole string does; so when the whole string fails
	 * nothing does, and the longest match is the whole string. Likewise a
	 * leading star for suffixes. This keeps failures and ${x##Q*} linear. */
	bool open_star = prefix ? ends_with_star(pat, pe) : pat[0] == '*';
	if (open_star) {
		if (!match_slice(pat, pe, str, n, mb))
			return -1;
		if (side == PATTERN_LONGEST_PREFIX || side == PATTERN_LONGEST_SUFFIX)
			return (long)n;
	}
	if (!mb) {
		for (size_t t = 0; t <= n; t++) {
			size_t k = ascending ? t : n - t;
			if (prefix ? match_slice(pat, pe, str, k, false)
			           : match_slice(pat, pe, str + k, n - k, false))
				return (long)(prefix ? k : n - k);
		}
		return -1;
	}
	/* multibyte: only cut between characters; collect the cut points once */
	size_t stackcuts[256];
	size_t *cuts = stackcuts;
	if (n + 1 > sizeof stackcuts / sizeof *stackcuts)
		cuts = xmalloc((n + 1) * sizeof *cuts);
	size_t nc = 0;
	for (size_t k = 0;;) {
		cuts[nc++] = k;
		if (k == n)
			break;
		wchar_t wc;
		k += char_at(str + k, n - k, true, &wc);
	}
	long r = -1;
	for (size_t t = 0; t < nc; t++) {
		size_t k = cuts[ascending ? t : nc - 1 - t];
		if (prefix ? match_slice(pat, pe, str, k, true)
		           : match_slice(pat, pe, str + k, n - k, true)) {
			r = (long)(prefix ? k : n - k);
			break;
		}
	}
	if (cuts != stackcuts)
		free(cuts);
	return r;
}

/* ---- POSIX 2.6.6 Pathname Expansion ---- */

/*
 * A path component compiled for the names of one directory: readdir hands
 * glob_dir thousands of names for one pattern, so the pattern is read once
 * into elements that each match one byte (a set of the 128 ASCII bytes) or
 * are a star. A name of ASCII bytes is then matched with one bit test per
 * byte, the same semantics as match_slice (the sets are made by asking
 * match_bracket about each byte); a name with any other byte, or a pattern
 * with one, goes to match_slice.
 */
struct celem {
	bool star;
	uint64_t set[2];        /* bytes 0-127 this element matches */
};

struct cpat {
	struct celem *e;
	size_t n;
	size_t tail;            /* elements after the last star; n if none */
};

static void set_add(struct celem *e, unsigned c)
{
	e->set[c >> 6] |= (uint64_t)1 << (c & 63);
}

static bool set_has(const struct celem *e, unsigned char c)
{
	return (e->set[c >> 6] >> (c & 63)) & 1;
}

/* Compiles [p, pe); false (nothing to free) when it is not ASCII. */
static bool cpat_compile(const char *p, const char *pe, struct cpat *c)
{
	if (has_high_byte(p, (size_t)(pe - p)))
		return false;
	c->e = xcalloc((size_t)(pe - p) + 1, sizeof *c->e);
	c->n = 0;
	c->tail = 0;
	bool starred = false;
	while (p < pe) {
		struct celem *e = &c->e[c->n];
		if (*p == '*') {
			while (p < pe && *p == '*')
				p++;
			e->star = true;
			c->n++;
			c->tail = 0;
			starred = true;
			continue;
		}
		const char *end;
		if (*p == '?') {
			e->set[0] = e->set[1] = ~(uint64_t)0;
			p++;
		} else if (*p == '[' && match_bracket(p + 1, pe, 0, false, &end) >= 0) {
			for (unsigned ch = 1; ch < 128; ch++)
				if (match_bracket(p + 1, pe, (wchar_t)ch, false, &end) > 0)
					set_add(e, ch);
			p = end;
		} else {
			if (*p == '\\' && pe - p >= 2)
				p++;
			set_add(e, (unsigned char)*p);
			p++;
		}
		c->n++;
		c->tail++;
	}
	if (!starred)
		c->tail = c->n;
	return true;
}

/* Whether the ASCII name (s, n) matches c, as match_slice would. */
static bool cpat_match(const struct cpat *c, const unsigned char *s, size_t n)
{
	size_t k = 0, i = 0, star_k = 0, star_i = 0;
	bool starred = false;
	for (;;) {
		if (k < c->n && c->e[k].star) {
			if (++k == c->n)
				return true;
			if (c->n - k == c->tail) {
				/* no star after this one: the rest matches the tail */
				if (c->tail > n - i)
					return false;
				for (i = n - c->tail; k < c->n; k++, i++)
					if (!set_has(&c->e[k], s[i]))
						return false;
				return true;
			}
			starred = true;
			star_k = k;
			star_i = i;
			continue;
		}
		if (k < c->n && i < n && set_has(&c->e[k], s[i])) {
			k++;
			i++;
			continue;
		}
		if (k == c->n && i == n)
			return true;
		if (k < c->n && i == n)
			return false;   /* a longer star leaves fewer characters */
		if (!starred)
			return false;
		i = ++star_i;
		k = star_k;
	}
}

/* prefix + name (nlen bytes) + nsl slashes, malloc'd. */
static char *join(const char *prefix, size_t plen, const char *name, size_t nlen, size_t nsl)
{
	char *r = xmalloc(plen + nlen + nsl + 1);
	memcpy(r, prefix, plen);
	memcpy(r + plen, name, nlen);
	memset(r + plen + nlen, '/', nsl);
	r[plen + nlen + nsl] = '\0';
	return r;
}

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Reads directory `prefix` ("" is ".") and appends prefix/name/ for every
 * entry matching the component [p, pe). want_dir: the component is followed
 * by '/', so only directories (or links to them) will do; `must` says it
 * has to be checked now (nothing later would notice). */
static void glob_dir(const char *prefix, const char *p, const char *pe, size_t nsl,
                     bool want_dir, bool must, struct strvec *next)
{
	DIR *d = opendir(*prefix ? prefix : ".");
	if (!d)
		return;
	size_t plen = strlen(prefix);
	bool dot_ok = (pe - p >= 1 && p[0] == '.') || (pe - p >= 2 && p[0] == '\\' && p[1] == '.');
	struct cpat cp = { NULL, 0, 0 };
	bool compiled = cpat_compile(p, pe, &cp);
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		if (name[0] == '.') {
			/* hidden files need a literal '.'; "." and ".." never */
			if (!dot_ok || name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))
				continue;
		}
		size_t nlen = 0;
		unsigned char high = 0;   /* one pass for the length and the bytes */
		for (; name[nlen]; nlen++)
			high |= (unsigned char)name[nlen];
		high &= 0x80;
		if (compiled && !high ? !cpat_match(&cp, (const unsigned char *)name, nlen)
		                      : !match_slice(p, pe, name, nlen, high && charset_multibyte()))
			continue;
		bool check_dir = want_dir && must;
#ifdef DT_UNKNOWN
		if (want_dir) {
			if (e->d_type == DT_DIR)
				check_dir = false;
			else if (e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
				continue;
		}
#endif
		char *path = join(prefix, plen, name, nlen, nsl);
		if (check_dir && !is_dir(path)) {
			free(path);
			continue;
		}
		strvec_push(next, path);
	}
	closedir(d);
	if (compiled)
		free(cp.e);
}

/* Sorts v[0, n) by cmp: a merge sort through tmp (n entries), insertion
 * sort for short runs. Not qsort: glibc's asks the kernel for the memory
 * size on every call with more than 128 entries, and calls cmp through a
 * wrapper. */
static void sort_names(char **v, char **tmp, size_t n, int (*cmp)(const char *, const char *))
{
	if (n <= 12) {
		for (size_t i = 1; i < n; i++) {
			char *x = v[i];
			size_t j = i;
			for (; j > 0 && cmp(v[j - 1], x) > 0; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	size_t h = n / 2;
	sort_names(v, tmp, h, cmp);
	sort_names(v + h, tmp, n - h, cmp);
	if (cmp(v[h - 1], v[h]) <= 0)
		return;   /* already in order (a sorted directory) */
	memcpy(tmp, v, h * sizeof *v);
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		v[k++] = cmp(v[j], tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < h)
		v[k++] = tmp[i++];
}

/* Whether strcoll orders like strcmp here (C, POSIX and C.UTF-8 locales),
 * which is much faster for big directories. */
static bool collate_is_bytes(void)
{
	const char *name = setlocale(LC_COLLATE, NULL);
	return !name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	       strncmp(name, "C.", 2) == 0;
}

size_t pattern_glob(const char *pat, struct strvec *out)
{
	if (!pattern_has_magic(pat))
		return 0;
	struct strvec cur = STRVEC_INIT, next = STRVEC_INIT;
	const char *pe = pat + strlen(pat);
	const char *p = pat;
	while (*p == '/')
		p++;
	strvec_push(&cur, xstrndup(pat, (size_t)(p - pat)));
	bool check = false;  /* literals appended after the last wildcard */
	char *lit = xmalloc((size_t)(pe - pat) + 1);
	while (p < pe && cur.n > 0) {
		const char *ce = pat_component_end(p, pe);
		const char *se = ce;
		size_t nsl = 0;
		while (se < pe && (*se == '/' || (*se == '\\' && se + 1 < pe && se[1] == '/'))) {
			se += *se == '/' ? 1 : 2;
			nsl++;
		}
		bool last = se == pe;
		bool magic = false;
		for (const char *q = p; q < ce; q++) {
			if (*q == '\\' && q + 1 < ce)
				q++;
			else if (*q == '*' || *q == '?' || *q == '[')
				magic = true;
		}
		if (magic) {
			for (size_t k = 0; k < cur.n; k++)
				glob_dir(cur.v[k], p, ce, nsl, nsl > 0, last, &next);
			check = false;
		} else {
			size_t llen = unescape_into(lit, p, ce);
			for (size_t k = 0; k < cur.n; k++)
				strvec_push(&next, join(cur.v[k], strlen(cur.v[k]), lit, llen, nsl));
			check = true;
		}
		strvec_free(&cur);
		cur = next;
		next = (struct strvec)STRVEC_INIT;
		p = se;
	}
	free(lit);
	size_t first = out->n;
	for (size_t k = 0; k < cur.n; k++) {
		struct stat st;
		if (check && lstat(cur.v[k], &st) != 0) {
			free(cur.v[k]);
			continue;
		}
		strvec_push(out, cur.v[k]);
	}
	free(cur.v);
	size_t count = out->n - first;
	if (count > 1) {
		char **tmp = xmalloc(count / 2 * sizeof *tmp);
		sort_names(out->v + first, tmp, count, collate_is_bytes() ? strcmp : strcoll);
		free(tmp);
	}
	return count;
}
