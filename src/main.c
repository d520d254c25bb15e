/* main.c: start-up: options, the main stage, and the choice of input */

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../builtins/builtin.h"
#include "charset.h"
#include "exec.h"
#include "input.h"
#include "parse.h"
#include "prompt.h"
#include "signals.h"
#include "spawn.h"
#include "state.h"

extern char **environ;

struct invocation {
	const char *command;     /* -c STRING */
	bool read_stdin;         /* -s, or no operand */
	bool interactive;        /* -i, or stdin and stderr are terminals */
	int first_operand;       /* argv index of the script or $0 */
	bool login;              /* -l, --login, or argv[0] starts with '-' */
	bool norc;               /* --norc: no $ENV, no ~/.conchrc */
	bool noprofile;          /* --noprofile: no /etc/profile, ~/.profile */
	bool no_monitor;         /* +m or +o monitor: no job control even if interactive */
};

static void usage(FILE *out)
{
	fputs("usage: conch [-aCefilnuvx] [-o option]... [-c string [name [arg...]]]\n"
	      "       conch [options] [-s] [arg...]\n"
	      "       conch [options] file [arg...]\n"
	      "       conch --help | --version\n"
	      "\n"
	      "A POSIX shell whose pipeline stages of shell code run as threads.\n"
	      "  -c STRING   run STRING (the next operand is $0, the rest $1...)\n"
	      "  -s          read commands from standard input (operands are $1...)\n"
	      "  -i          interactive\n"
	      "  -l, --login a login shell: read /etc/profile and ~/.profile first\n"
	      "  --norc      an interactive shell reads neither $ENV nor ~/.conchrc\n"
	      "  --noprofile a login shell reads neither /etc/profile nor ~/.profile\n"
	      "  -o OPTION   set a long option (see set -o); +o unsets it\n"
	      "  -a -C -e -f -n -u -v -x   as for the set builtin\n"
	      "See conch(1) and conch-tutorial(7).\n", out);
}

static void version(void)
{
	printf("conch %s (features: %s)\n", PACKAGE_VERSION, CONCH_FEATURES);
	puts("Copyright (C) 2026 the conch developers.\n"
	     "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.");
}

static bool set_letter(char c, bool on)
{
	for (int o = 0; o < OPT_COUNT; o++)
		if (state_opt_letter((enum shopt)o) == c) {
			state_opt_set((enum shopt)o, on);
			return true;
		}
	return false;
}

/* Parses options; returns the index of the first operand, or -1 (error
 * printed) / -2 (--help or --version handled). */
static int parse_options(int argc, char **argv, struct invocation *inv)
{
	int i = 1;
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return -2;
	}
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		version();
		return -2;
	}
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-") == 0) {
			i++;   /* POSIX sh: a lone - ends the options and is ignored */
			break;
		}
		if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
			break;
		if (strcmp(a, "--") == 0) {
			i++;
			break;
		}
		if (strcmp(a, "--login") == 0) {
			inv->login = true;
			continue;
		}
		if (strcmp(a, "--norc") == 0) {
			inv->norc = true;
			continue;
		}
		if (strcmp(a, "--noprofile") == 0) {
			inv->noprofile = true;
			continue;
		}
		bool on = a[0] == '-';
		for (const char *p = a + 1; *p; p++) {
			switch (*p) {
			case 'c':
				inv->command = "";
				break;
			case 's':
				inv->read_stdin = true;
				break;
			case 'i':
				inv->interactive = on;
				break;
			case 'l':
				inv->login = on;
				break;
			case 'o': {
				if (i + 1 >= argc) {
					fprintf(stderr, "conch: -o: option name expected\n");
					return -1;
				}
				enum shopt o = state_opt_by_name(argv[++i]);
				if (o == OPT_COUNT) {
					fprintf(stderr, "conch: -o %s: unknown option\n", argv[i]);
					return -1;
				}
				state_opt_set(o, on);
				inv->no_monitor |= o == OPT_MONITOR && !on;
				break;
			}
			default:
				inv->no_monitor |= *p == 'm' && !on;
				if (!set_letter(*p, on)) {
					fprintf(stderr, "conch: -%c: unknown option\n", *p);
					usage(stderr);
					return -1;
				}
			}
		}
	}
	return i;
}

/* fds 0-2 closed at start-up stay closed for the script, but are held on
 * /dev/null so that nothing the shell opens lands on them. */
static void guard_std_fds(struct stage *st)
{
	for (int fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0)
			continue;
		int n = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
		if (n >= 0 && n != fd) {
			dup2(n, fd);
			close(n);
		}
		fdmap_push(&st->fds, fd, FDMAP_CLOSED, false);
	}
}

struct string_reader {
	struct stage *st;
	const char *s;
};

static int read_string_line(void *ctx, struct sbuf *line, bool continuation)
{
	struct string_reader *r = ctx;
	(void)continuation;
	if (!*r->s)
		return 0;
	const char *nl = strchr(r->s, '\n');
	size_t n = nl ? (size_t)(nl - r->s) + 1 : strlen(r->s);
	sbuf_addn(line, r->s, n);
	exec_echo_input(r->st, r->s, n);
	r->s += n;
	return 1;
}

static char *alias_cb(void *ctx, const char *name)
{
	(void)ctx;
	return state_alias_get(name);
}

static int run_command_string(struct stage *st, const char *cmd)
{
	struct string_reader r = { st, cmd };
	struct parser *p = parser_new("-c", read_string_line, &r);
	parser_set_alias(p, alias_cb, NULL);
	st->source = "-c";
	int status = exec_parser_loop(st, p, "-c");
	parser_free(p);
	return status;
}

/* Runs a start-up file if it exists; an error other than its absence is
 * reported. Exits when the file runs `exit`. */
static void source_startup(struct stage *st, const char *path)
{
	if (!path || !*path)
		return;
	int status = exec_file(st, path, -1);
	if (status < 0 && errno != ENOENT)
		fprintf(stderr, "conch: %s: %s\n", path, strerror(errno));
	if (st->flow == FLOW_EXIT)
		exec_exit(st, st->status);
	st->flow = FLOW_NONE;
}

/* A file in $HOME, or NULL when HOME is unset or empty; caller frees. */
static char *home_file(const char *name)
{
	char *home = state_var_dup("HOME");
	char *p = home && *home ? xasprintf("%s/%s", home, name) : NULL;
	free(home);
	return p;
}

/* Login shells: /etc/profile, ~/.profile. Interactive shells: $ENV
 * (parameter-expanded, POSIX 2.5.3), then ~/.conchrc. */
static void read_startup_files(struct stage *st, const struct invocation *inv)
{
	if (inv->login && !inv->noprofile) {
		source_startup(st, "/etc/profile");
		char *p = home_file(".profile");
		source_startup(st, p);
		free(p);
	}
	if (!inv->interactive || inv->norc)
		return;
	char *env = state_var_dup("ENV");
	if (env && *env && geteuid() == getuid() && getegid() == getgid()) {
		char *path = prompt_expand_string(st, "ENV", env);
		source_startup(st, path);
		free(path);
	}
	free(env);
	char *rc = home_file(".conchrc");
	source_startup(st, rc);
	free(rc);
}

/* True when the environment selects a collation that orders strings as
 * strcmp does (C, POSIX, C.UTF-8): the C locale's, already in effect, is
 * then the same and need not be loaded. */
static bool collates_as_c(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_COLLATE", "LANG" };
	const char *name = NULL;
	for (size_t i = 0; i < sizeof vars / sizeof vars[0] && !name; i++) {
		name = getenv(vars[i]);
		if (name && !*name)
			name = NULL;
	}
	return !name || strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0 ||
	       strcmp(name, "C.UTF-8") == 0 || strcmp(name, "C.utf8") == 0;
}

int main(int argc, char **argv)
{
	struct invocation inv = { NULL, false, false, 0, argv[0] && argv[0][0] == '-', false, false, false };
	struct stage st;

	/* Only the categories the shell uses: the order of pathname expansion
	 * (LC_COLLATE) now, unless it is strcmp's, and the character set
	 * (LC_CTYPE) when something first depends on it (charset.c). Messages
	 * stay in English and numbers in the C format, and start-up does not pay
	 * for loading the other categories (a third of its instructions). */
	if (!collates_as_c())
		setlocale(LC_COLLATE, "");
	builtin_check_table();
	state_init(environ);
	int first = parse_options(argc, argv, &inv);
	if (first == -2)
		return 0;
	if (first < 0)
		return 2;
	if (inv.command) {
		if (first >= argc) {
			fprintf(stderr, "conch: -c: option requires an argument\n");
			return 2;
		}
		inv.command = argv[first++];
	} else if (first >= argc) {
		inv.read_stdin = true;
	}
	if (inv.read_stdin && !inv.command && isatty(0) && isatty(2))
		inv.interactive = true;
	state_opt_set(OPT_INTERACTIVE, inv.interactive);
	if (inv.interactive && !inv.no_monitor)
		state_opt_set(OPT_MONITOR, true);   /* POSIX: job control by default */
	if (inv.interactive) {
		charset_load();   /* readline edits characters, not bytes */
		if (!getenv("PS1"))
			state_var_set("PS1", "\\w\\$ ", 0);   /* prompt.c: the directory, then $ or # */
	}
	state_opt_set(OPT_STDIN, inv.read_stdin && !inv.command);
	signals_init(inv.interactive);

	const char *script = NULL;
	if (inv.command) {
		state_set_arg0(first < argc ? argv[first++] : argv[0]);
	} else if (!inv.read_stdin) {
		script = argv[first++];
		state_set_arg0(script);
	} else {
		state_set_arg0(argv[0]);
	}
	stage_init_main(&st, argc - first, argv + first);
	stage_set_lastarg(&st, getenv("_") ? getenv("_") : argv[0]);   /* as bash */
	guard_std_fds(&st);
	if (inv.login || (inv.interactive && !inv.command && !script))
		read_startup_files(&st, &inv);

	int status;
	if (inv.command) {
		status = run_command_string(&st, inv.command);
	} else if (script) {
		status = exec_file(&st, script, -1);
		if (status < 0) {
			int err = errno;
			fprintf(stderr, "conch: %s: %s\n", script, strerror(err));
			stage_destroy(&st);
			return err == ENOENT ? 127 : 126;
		}
	} else if (inv.interactive) {
		st.source = NULL;
		status = input_interactive(&st);
	} else {
		status = exec_file(&st, "stdin", 0);
	}
	if (st.flow == FLOW_EXIT)
		status = st.status;
	exec_exit(&st, status);
}
