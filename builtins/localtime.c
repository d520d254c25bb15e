/* localtime.c: local time in the TZ a command of the shell would see, without touching the process's environment (printf %(...)T) */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "builtin.h"

/*
 * DESIGN
 * localtime_r(3) reads TZ from the process's environment, which conch never
 * changes (DESIGN.md: no setenv; children get their environment built at
 * spawn time). So when the shell's exported TZ is the one the process
 * started with (the usual case), localtime_r answers; when the script set
 * another (`export TZ=Asia/Tokyo`, `TZ=UTC printf ...`), the zone is read
 * here, as glibc would read it:
 * - "" is UTC; a leading ':' is dropped;
 * - the name is a TZif file (RFC 8536; an absolute path, or a name under
 *   /usr/share/zoneinfo), its footer rule used past its last transition;
 * - otherwise a POSIX TZ string: std offset [dst [offset] [,start[/time],
 *   end[/time]]] with Jn, n or Mm.w.d dates (default rule M3.2.0,M11.1.0);
 *   a name without an offset (or anything unreadable) is UTC under that
 *   name, as glibc does.
 * TZ unset while the process has one means the system's zone,
 * /etc/localtime. Leap seconds are ignored (as the "right/" zones would
 * need). Everything here is the caller's: no state is shared.
 */

enum { ABBR_MAX = 16 };

struct tz_type {
	int32_t utoff;              /* seconds east of UTC */
	bool isdst;
	char abbr[ABBR_MAX];
};

/* A date of a POSIX TZ rule. */
struct tz_date {
	char kind;                  /* 'J' (1..365, no Feb 29), 'D' (0..365), 'M' */
	int n, m, w, d;             /* J/D: n; M: month, week 1..5, weekday 0..6 */
	int32_t time;               /* seconds after local midnight */
};

struct tz_rule {
	bool valid;
	bool has_dst;
	struct tz_type std, dst;
	struct tz_date start, end;
};

struct builtin_tz {
	bool system;                /* the process's own zone: localtime_r */
	int64_t *trans;             /* transition times, ascending */
	unsigned char *idx;         /* type of each transition */
	size_t ntrans;
	struct tz_type *types;
	size_t ntypes;
	struct tz_rule rule;        /* the footer, or the whole TZ string */
};

/* --- POSIX TZ strings ------------------------------------------------------- */

static const char *parse_abbr(const char *s, char *out)
{
	size_t n = 0;
	if (*s == '<') {
		const char *e = strchr(s + 1, '>');
		if (!e || e == s + 1)
			return NULL;
		n = (size_t)(e - s - 1);
		if (n >= ABBR_MAX)
			n = ABBR_MAX - 1;
		memcpy(out, s + 1, n);
		out[n] = '\0';
		return e + 1;
	}
	while ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))
		n++;
	if (n < 3)
		return NULL;
	size_t keep = n < ABBR_MAX ? n : ABBR_MAX - 1;
	memcpy(out, s, keep);
	out[keep] = '\0';
	return s + n;
}

/* [+-]hh[:mm[:ss]] into seconds; NULL when there is no number. */
static const char *parse_hms(const char *s, int32_t *out)
{
	int sign = 1;
	int32_t v[3] = { 0, 0, 0 };
	if (*s == '+' || *s == '-')
		sign = *s++ == '-' ? -1 : 1;
	if (*s < '0' || *s > '9')
		return NULL;
	for (int part = 0; part < 3; part++) {
		int digits = 0;
		while (*s >= '0' && *s <= '9' && digits < 3) {
			v[part] = v[part] * 10 + (*s++ - '0');
			digits++;
		}
		if (part == 2 || *s != ':' || s[1] < '0' || s[1] > '9')
			break;
		s++;
	}
	*out = sign * (v[0] * 3600 + v[1] * 60 + v[2]);
	return s;
}

static const char *parse_date(const char *s, struct tz_date *d)
{
	char *end;
	d->time = 7200;
	if (*s == 'M') {
		d->kind = 'M';
		d->m = (int)strtol(s + 1, &end, 10);
		if (*end != '.' || d->m < 1 || d->m > 12)
			return NULL;
		d->w = (int)strtol(end + 1, &end, 10);
		if (*end != '.' || d->w < 1 || d->w > 5)
			return NULL;
		d->d = (int)strtol(end + 1, &end, 10);
		if (d->d < 0 || d->d > 6)
			return NULL;
	} else {
		d->kind = *s == 'J' ? 'J' : 'D';
		if (*s == 'J')
			s++;
		if (*s < '0' || *s > '9')
			return NULL;
		d->n = (int)strtol(s, &end, 10);
		if (d->n > 365 || (d->kind == 'J' && d->n < 1))
			return NULL;
	}
	if (*end == '/')
		return parse_hms(end + 1, &d->time);
	return end;
}

/* A POSIX TZ string into r; false when it has no zone name at all. */
static bool parse_posix(const char *s, struct tz_rule *r)
{
	int32_t off;
	memset(r, 0, sizeof *r);
	if (!(s = parse_abbr(s, r->std.abbr)))
		return false;
	r->valid = true;
	const char *after = parse_hms(s, &off);
	if (!after)
		return true;              /* no offset: UTC under that name (glibc) */
	r->std.utoff = -off;          /* POSIX offsets count west */
	s = after;
	if (!(s = parse_abbr(s, r->dst.abbr)))
		return true;
	r->dst.isdst = true;
	r->dst.utoff = r->std.utoff + 3600;
	if (*s && *s != ',' && (after = parse_hms(s, &off))) {
		r->dst.utoff = -off;
		s = after;
	}
	if (*s == ',') {
		s = parse_date(s + 1, &r->start);
		if (!s || *s != ',' || !(s = parse_date(s + 1, &r->end)))
			return true;      /* a broken rule: standard time only */
	} else {
		parse_date("M3.2.0", &r->start);
		parse_date("M11.1.0", &r->end);
	}
	r->has_dst = true;
	return true;
}

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar. */
static int64_t days_from_civil(int64_t y, int m, int d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool is_leap(int64_t y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int64_t y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Seconds since the epoch of date d of year y, in the local time that the
 * rule's dates are written in (offset not applied). */
static int64_t rule_time(int64_t y, const struct tz_date *d)
{
	int64_t day;
	if (d->kind == 'J') {
		day = days_from_civil(y, 1, 1) + d->n - 1 + (is_leap(y) && d->n >= 60);
	} else if (d->kind == 'D') {
		day = days_from_civil(y, 1, 1) + d->n;
	} else {
		int64_t first = days_from_civil(y, d->m, 1);
		int wd = (int)(((first + 4) % 7 + 7) % 7);   /* 1970-01-01 was a Thursday */
		int mday = (d->d - wd + 7) % 7 + (d->w - 1) * 7;
		while (mday >= month_days(y, d->m))
			mday -= 7;
		day = first + mday;
	}
	return day * 86400 + d->time;
}

static const struct tz_type *rule_type(const struct tz_rule *r, int64_t t)
{
	if (!r->has_dst)
		return &r->std;
	struct tm tm;
	time_t local = (time_t)(t + r->std.utoff);
	if (!gmtime_r(&local, &tm))
		return &r->std;
	int64_t y = (int64_t)tm.tm_year + 1900;
	int64_t start = rule_time(y, &r->start) - r->std.utoff;
	int64_t end = rule_time(y, &r->end) - r->dst.utoff;
	bool dst = start < end ? t >= start && t < end : !(t >= end && t < start);
	return dst ? &r->dst : &r->std;
}

/* --- TZif files -------------------------------------------------------------- */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int64_t be64(const unsigned char *p)
{
	return (int64_t)((uint64_t)be32(p) << 32 | be32(p + 4));
}

/* Parses a TZif image into z; false when it is not one. */
static bool parse_tzif(struct builtin_tz *z, const unsigned char *b, size_t n)
{
	if (n < 44 || memcmp(b, "TZif", 4) != 0)
		return false;
	const unsigned char *h = b;
	size_t tsize = 4;
	for (int pass = 0; pass < 2; pass++) {
		size_t isut = be32(h + 20), isstd = be32(h + 24), leap = be32(h + 28);
		size_t times = be32(h + 32), types = be32(h + 36), chars = be32(h + 40);
		size_t size = times * tsize + times + types * 6 + chars + leap * (tsize + 4) + isstd + isut;
		const unsigned char *data = h + 44;
		if (times > 1000000 || types == 0 || types > 256 || chars > 65536 || leap > 100000 ||
		    (size_t)(data - b) + size > n)
			return false;
		if (pass == 0 && b[4] >= '2') {   /* skip the 32-bit block */
			h = data + size;
			tsize = 8;
			if ((size_t)(h - b) + 44 > n || memcmp(h, "TZif", 4) != 0)
				return false;
			continue;
		}
		z->trans = xcalloc(times ? times : 1, sizeof *z->trans);
		z->idx = xcalloc(times ? times : 1, 1);
		z->types = xcalloc(types, sizeof *z->types);
		z->ntrans = times;
		z->ntypes = types;
		const unsigned char *p = data;
		for (size_t i = 0; i < times; i++, p += tsize)
			z->trans[i] = tsize == 8 ? be64(p) : (int32_t)be32(p);
		for (size_t i = 0; i < times; i++, p++) {
			if (*p >= types)
				return false;
			z->idx[i] = *p;
		}
		const unsigned char *abbrs = p + types * 6;
		for (size_t i = 0; i < types; i++, p += 6) {
			z->types[i].utoff = (int32_t)be32(p);
			z->types[i].isdst = p[4] != 0;
			size_t at = p[5];
			if (at >= chars)
				return false;
			size_t len = strnlen((const char *)abbrs + at, chars - at);
			if (len >= ABBR_MAX)
				len = ABBR_MAX - 1;
			memcpy(z->types[i].abbr, abbrs + at, len);
			z->types[i].abbr[len] = '\0';
		}
		const unsigned char *foot = data + size;
		if (tsize == 8 && foot < b + n && *foot == '\n') {
			const unsigned char *e = memchr(foot + 1, '\n', (size_t)(b + n - foot - 1));
			if (e && e > foot + 1) {
				char *rule = xstrndup((const char *)foot + 1, (size_t)(e - foot - 1));
				parse_posix(rule, &z->rule);
				free(rule);
			}
		}
		return true;
	}
	return false;
}

static bool load_file(struct builtin_tz *z, const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	unsigned char *buf = NULL;
	bool ok = false;
	if (fd < 0)
		return false;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > (1 << 20))
		goto out;
	size_t n = (size_t)sb.st_size, got = 0;
	buf = xmalloc(n ? n : 1);
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			goto out;
		got += (size_t)r;
	}
	ok = parse_tzif(z, buf, n);
	if (!ok) {
		free(z->trans);
		free(z->idx);
		free(z->types);
		z->trans = NULL;
		z->idx = NULL;
		z->types = NULL;
		z->ntrans = z->ntypes = 0;
		memset(&z->rule, 0, sizeof z->rule);
	}
out:
	free(buf);
	close(fd);
	return ok;
}

/* --- the interface --------------------------------------------------------------- */

struct builtin_tz *builtin_tz_load(const char *tz)
{
	struct builtin_tz *z = xcalloc(1, sizeof *z);
	const char *env = getenv("TZ");   /* never changed by conch: safe in threads */

	if ((tz == NULL && env == NULL) || (tz != NULL && env != NULL && strcmp(tz, env) == 0)) {
		z->system = true;
		return z;
	}
	if (tz == NULL) {
		if (!load_file(z, "/etc/localtime"))
			parse_posix("UTC", &z->rule);
		return z;
	}
	const char *name = tz[0] == ':' ? tz + 1 : tz;
	if (*name != '\0') {
		char *path = name[0] == '/' ? xstrdup(name) : xasprintf("/usr/share/zoneinfo/%s", name);
		bool ok = load_file(z, path);
		free(path);
		if (ok)
			return z;
		if (tz[0] != ':' && parse_posix(name, &z->rule))
			return z;
	}
	parse_posix("UTC", &z->rule);
	return z;
}

void builtin_tz_free(struct builtin_tz *z)
{
	if (!z)
		return;
	free(z->trans);
	free(z->idx);
	free(z->types);
	free(z);
}

bool builtin_tz_localtime(const struct builtin_tz *z, time_t t, struct tm *tm)
{
	if (z->system)
		return localtime_r(&t, tm) != NULL;
	const struct tz_type *type;
	int64_t when = (int64_t)t;
	if (z->ntrans == 0) {
		type = z->rule.valid || z->ntypes == 0 ? rule_type(&z->rule, when) : &z->types[0];
	} else if (when < z->trans[0]) {
		type = &z->types[0];   /* RFC 8536: the first type before any transition */
	} else {
		size_t lo = 0, hi = z->ntrans;   /* the last transition <= when */
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (z->trans[mid] <= when)
				lo = mid;
			else
				hi = mid;
		}
		type = lo == z->ntrans - 1 && z->rule.valid ? rule_type(&z->rule, when)
		       : &z->types[z->idx[lo]];
	}
	if ((type->utoff > 0 && when > INT64_MAX - type->utoff) ||
	    (type->utoff < 0 && when < INT64_MIN - type->utoff))
		return false;
	time_t local = (time_t)(when + type->utoff);
	if (!gmtime_r(&local, tm))
		return false;
	tm->tm_isdst = type->isdst;
	tm->tm_gmtoff = type->utoff;
	tm->tm_zone = type->abbr;
	return true;
}
