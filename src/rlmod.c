/* rlmod.c: conch's line editor, a module built against GNU readline (conch-readline.so) */

/*
 * DESIGN
 * Built as a shared object of its own (Makefile.am) and loaded by input.c
 * with dlopen; see rlmod.h for the contract. The module keeps no shell
 * state: history entries and completion candidates come from conch through
 * struct rl_host, so completion never runs shell code (no function, no
 * command substitution). File names, user names after ~ and the waiting for
 * keys are readline's own. Main thread only.
 */

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <readline/readline.h>
#include <readline/history.h>

#include "rlmod.h"

#ifdef __GNUC__
#define EXPORT __attribute__((visibility("default")))
#else
#define EXPORT
#endif

static const struct rl_host *host;

/* Characters that must be quoted in an unquoted file name. */
static const char special[] = " \t\n\\\"'`@$><=;|&()#?*[]!{}^";

/* --- keys ---------------------------------------------------------------- */

/* set -b: a job's report, printed at once on lines of its own, then the
 * prompt and the line being edited drawn again below it. */
static void notify_jobs(void)
{
	char *lines = host->notify();
	if (!lines)
		return;
	rl_crlf();
	fputs(lines, rl_outstream);
	fflush(rl_outstream);
	free(lines);
	rl_on_new_line();
	rl_redisplay();
}

/* Ctrl-C: abandon the line, return an empty one. */
static int abandon_line(void)
{
	rl_replace_line("", 0);
	rl_point = rl_end = 0;
	if (write(STDERR_FILENO, "\n", 1) < 0) {
		/* nothing to do */
	}
	return '\n';
}

static int conch_getc(FILE *in)
{
	for (;;) {
		int nfd = host->notify_fd();
		if (nfd >= 0) {
			struct pollfd p[2] = { { fileno(in), POLLIN, 0 }, { nfd, POLLIN, 0 } };
			int r = poll(p, 2, -1);
			if (r < 0 && errno == EINTR) {
				if (host->take_interrupt())
					return abandon_line();
				continue;
			}
			if (r > 0 && (p[1].revents & POLLIN) && !(p[0].revents & POLLIN)) {
				notify_jobs();
				continue;
			}
		}
		unsigned char c;
		ssize_t n = read(fileno(in), &c, 1);
		if (n == 1)
			return c;
		if (n == 0 || errno != EINTR)
			return EOF;
		if (host->take_interrupt())
			return abandon_line();
	}
}

/* --- quoting of completed file names ---------------------------------- */

static char *quote_name(char *text, int match_type, char *quote_pointer)
{
	(void)match_type;
	char qc = quote_pointer ? *quote_pointer : '\0';
	size_t n = strlen(text);
	char *out = malloc(4 * n + 3), *w = out;
	if (!out)
		return NULL;
	if (qc == '\'') {
		*w++ = '\'';
		for (const char *s = text; *s; s++) {
			if (*s == '\'') {
				memcpy(w, "'\\''", 4);
				w += 4;
			} else {
				*w++ = *s;
			}
		}
	} else if (qc == '"') {
		*w++ = '"';
		for (const char *s = text; *s; s++) {
			if (strchr("$`\"\\", *s))
				*w++ = '\\';
			*w++ = *s;
		}
	} else {
		for (const char *s = text; *s; s++) {
			/* a leading ~ is quoted unless it is a tilde prefix that
			 * readline left as the user typed it (~/dir) */
			if (strchr(special, *s) || (*s == '~' && s == text && s[1] && s[1] != '/'))
				*w++ = '\\';
			*w++ = *s;
		}
	}
	*w = '\0';
	return out;
}

static char *dequote_name(char *text, int quote_char)
{
	size_t n = strlen(text);
	char *out = malloc(n + 1), *w = out;
	if (!out)
		return NULL;
	for (const char *s = text; *s; s++) {
		if (*s == '\\' && quote_char != '\'' && s[1])
			s++;
		*w++ = *s;
	}
	*w = '\0';
	return out;
}

/* A character escaped by an odd number of backslashes is not a word break. */
static int char_is_quoted(char *text, int index)
{
	int n = 0;
	for (int i = index - 1; i >= 0 && text[i] == '\\'; i--)
		n++;
	return n % 2;
}

/* --- completion --------------------------------------------------------- */

static char **candidates;   /* the list the generator walks */
static size_t next_candidate;
static const char *candidate_prefix = "";

static char *generate(const char *text, int state)
{
	(void)text;
	if (state == 0)
		next_candidate = 0;
	if (!candidates || !candidates[next_candidate])
		return NULL;
	const char *c = candidates[next_candidate++];
	size_t pl = strlen(candidate_prefix);
	char *s = malloc(pl + strlen(c) + 1);
	if (s) {
		memcpy(s, candidate_prefix, pl);
		strcpy(s + pl, c);
	}
	return s;
}

static char **from_list(const char *text, char **list, const char *prefix)
{
	candidates = list;
	candidate_prefix = prefix;
	char **m = rl_completion_matches(text, generate);
	for (size_t i = 0; list && list[i]; i++)
		free(list[i]);
	free(list);
	candidates = NULL;
	return m;
}

static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* True when the word starting at `start` is in command position. */
static bool command_position(const char *line, int start)
{
	int i = start;
	while (i > 0 && is_blank(line[i - 1]))
		i--;
	if (i == 0 || strchr(";|&(\n`", line[i - 1]))
		return true;
	int end = i;
	while (i > 0 && !is_blank(line[i - 1]) && !strchr(";|&(", line[i - 1]))
		i--;
	static const char *const keywords[] = {
		"!", "do", "elif", "else", "if", "then", "time", "until", "while", "{",
	};
	for (size_t k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
		if ((size_t)(end - i) == strlen(keywords[k]) &&
		    strncmp(line + i, keywords[k], (size_t)(end - i)) == 0)
			return true;
	return false;
}

/* The first word of the simple command that contains `start`, malloc'd. */
static char *command_word(const char *line, int start)
{
	int i = start;
	while (i > 0 && !strchr(";|&(\n", line[i - 1]))
		i--;
	while (is_blank(line[i]))
		i++;
	int e = i;
	while (line[e] && !is_blank(line[e]) && !strchr(";|&()", line[e]))
		e++;
	char *w = malloc((size_t)(e - i) + 1);
	if (w) {
		memcpy(w, line + i, (size_t)(e - i));
		w[e - i] = '\0';
	}
	return w;
}

static char **complete(const char *text, int start, int end)
{
	(void)end;
	rl_attempted_completion_over = 1;
	rl_completion_append_character = ' ';
	if (text[0] == '$') {
		bool brace = text[1] == '{';
		if (brace)
			rl_completion_append_character = '}';
		return from_list(text, host->complete_variables(text + (brace ? 2 : 1)),
		                 brace ? "${" : "$");
	}
	if (text[0] == '~' && !strchr(text, '/'))
		return rl_completion_matches(text, rl_username_completion_function);
	if (command_position(rl_line_buffer, start) && !strchr(text, '/') &&
	    (start == 0 || !strchr("'\"", rl_line_buffer[start - 1])))
		return from_list(text, host->complete_commands(text), "");
	if (text[0] == '-') {
		char *cmd = command_word(rl_line_buffer, start);
		char **opts = cmd ? host->complete_options(cmd, text) : NULL;
		free(cmd);
		if (opts)
			return from_list(text, opts, "");
	}
	return rl_completion_matches(text, rl_filename_completion_function);
}

/* --- the operations ----------------------------------------------------- */

static char *op_readline(const char *prompt)
{
	return readline(prompt);
}

static void op_history_reset(char *const *entries, size_t n)
{
	clear_history();
	for (size_t i = 0; i < n; i++)
		add_history(entries[i]);
}

static void op_history_add(const char *entry)
{
	add_history(entry);
}

static void op_editing_mode(bool vi)
{
	rl_variable_bind("editing-mode", vi ? "vi" : "emacs");
}

static const struct rl_ops ops = {
	op_readline,
	op_history_reset,
	op_history_add,
	op_editing_mode,
};

EXPORT rl_module_init_fn conch_rl_init;

const struct rl_ops *conch_rl_init(const struct rl_host *h)
{
	if (!h || h->version != RL_MODULE_VERSION)
		return NULL;
	host = h;
	rl_readline_name = "conch";
	rl_catch_signals = 0;
	rl_getc_function = conch_getc;
	rl_outstream = stderr;
	rl_attempted_completion_function = complete;
	rl_basic_word_break_characters = " \t\n\"'><=;|&(";
	rl_completer_word_break_characters = (char *)rl_basic_word_break_characters;
	rl_completer_quote_characters = "'\"";
	rl_filename_quote_characters = special;
	rl_filename_quoting_function = quote_name;
	rl_filename_dequoting_function = dequote_name;
	rl_char_is_quoted_p = char_is_quoted;
	using_history();
	return &ops;
}
