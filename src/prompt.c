/* prompt.c: expansion of the prompts PS1, PS2 and PS4 */

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "expand.h"
#include "parse.h"
#include "prompt.h"
#include "state.h"

/* Appends s quoted for a here-document body: its $ ` \ stay literal. */
static void add_quoted(struct sbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '$' || *s == '`' || *s == '\\')
			sbuf_addc(b, '\\');
		sbuf_addc(b, *s);
	}
}

static void add_host(struct sbuf *b, bool full)
{
	char host[256];
	if (gethostname(host, sizeof host) != 0)
		return;
	host[sizeof host - 1] = '\0';
	if (!full)
		host[strcspn(host, ".")] = '\0';
	add_quoted(b, host);
}

static void add_user(struct sbuf *b)
{
	char buf[1024];
	struct passwd pw, *res = NULL;
	if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &res) == 0 && res) {
		add_quoted(b, res->pw_name);
	} else {
		char *u = state_var_dup("USER");
		if (u)
			add_quoted(b, u);
		free(u);
	}
}

/* \w (whole = true) or \W: $PWD with $HOME shown as ~. */
static void add_dir(struct sbuf *b, bool whole)
{
	char *pwd = state_var_dup("PWD");
	char *home = state_var_dup("HOME");
	if (!pwd || !*pwd) {
		free(pwd);
		pwd = state_cwd();
	}
	if (pwd) {
		size_t hl = home ? strlen(home) : 0;
		bool in_home = hl > 1 && strncmp(pwd, home, hl) == 0 &&
		               (pwd[hl] == '/' || pwd[hl] == '\0');
		if (whole) {
			if (in_home) {
				sbuf_addc(b, '~');
				add_quoted(b, pwd + hl);
			} else {
				add_quoted(b, pwd);
			}
		} else if (in_home && pwd[hl] == '\0') {
			sbuf_addc(b, '~');
		} else {
			const char *slash = strrchr(pwd, '/');
			add_quoted(b, slash && slash[1] ? slash + 1 : pwd);
		}
	}
	free(pwd);
	free(home);
}

static void add_time(struct sbuf *b, const char *fmt)
{
	time_t now = time(NULL);
	struct tm tm;
	char buf[64];
	if (localtime_r(&now, &tm) && strftime(buf, sizeof buf, fmt, &tm) > 0)
		add_quoted(b, buf);
}

/* Replaces the backslash escapes; other text is copied as it is. */
static void replace_escapes(const char *s, bool for_readline, struct sbuf *b)
{
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			sbuf_addc(b, *s);
			continue;
		}
		switch (*++s) {
		case 'u': add_user(b); break;
		case 'h': add_host(b, false); break;
		case 'H': add_host(b, true); break;
		case 'w': add_dir(b, true); break;
		case 'W': add_dir(b, false); break;
		case '$': sbuf_adds(b, geteuid() == 0 ? "#" : "\\$"); break;
		case 't': add_time(b, "%H:%M:%S"); break;
		case 'd': add_time(b, "%a %b %d"); break;
		case 'n': sbuf_addc(b, '\n'); break;
		case '\\': sbuf_adds(b, "\\\\"); break;
		case '[': if (for_readline) sbuf_addc(b, '\001'); break;
		case ']': if (for_readline) sbuf_addc(b, '\002'); break;
		default:
			/* not a prompt escape: left for the here-document rules
			 * (\` and \" as in a here-document) */
			sbuf_addc(b, '\\');
			sbuf_addc(b, *s);
		}
	}
}

/* The text after expansion failed: the here-document quoting undone. */
static char *unquote(const char *s)
{
	struct sbuf b = SBUF_INIT;
	for (; *s; s++) {
		if (*s == '\\' && (s[1] == '$' || s[1] == '`' || s[1] == '\\'))
			s++;
		sbuf_addc(&b, *s);
	}
	sbuf_addc(&b, '\0');
	b.len--;
	return sbuf_detach(&b);
}

/* PS4 may hold $(...) whose commands are traced too: they print PS4 as it
 * is rather than expanding it again. */
static _Thread_local int expanding;

/* text expanded as a here-document body; on an error (message printed),
 * text with the here-document quoting undone. st->status and st->flow are
 * left as they were. */
static char *expand_text(struct stage *st, const char *what, const char *text)
{
	struct unit *u = NULL;
	const struct word *w = NULL;
	struct parse_error err;
	char *out = NULL;
	if (parse_heredoc_text(text, strlen(text), what, &u, &w, &err) != PARSE_OK) {
		stage_error(st, "%s: %s", what, err.msg);
	} else {
		int status = st->status;
		enum flow flow = st->flow;
		expanding++;
		if (expand_word_str(st, w, &out) != 0) {
			free(out);
			out = NULL;
		}
		expanding--;
		st->status = status;
		st->flow = flow;
	}
	if (u)
		unit_unref(u);
	if (!out)
		out = unquote(text);
	return out;
}

char *prompt_expand_string(struct stage *st, const char *what, const char *text)
{
	if (!strpbrk(text, "$`\\"))
		return xstrdup(text);
	return expand_text(st, what, text);
}

char *prompt_expand(struct stage *st, const char *var, const char *dflt, bool for_readline)
{
	char *raw = stage_var_dup(st, var);
	if (!raw)
		raw = xstrdup(dflt);
	if (!strpbrk(raw, "$`\\") || expanding)
		return raw;
	struct sbuf b = SBUF_INIT;
	replace_escapes(raw, for_readline, &b);
	sbuf_addc(&b, '\0');
	b.len--;
	free(raw);
	char *text = sbuf_detach(&b);
	if (!strpbrk(text, "$`\\"))
		return text;

	char *out = expand_text(st, var, text);
	free(text);
	return out;
}
