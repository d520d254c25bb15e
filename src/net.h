/* net.h: socket redirections: @host:port and @path connect, @:port and @:path listen */
#ifndef CONCH_NET_H
#define CONCH_NET_H

#include <stdbool.h>

#include "ast.h"
#include "stage.h"

/* True when a redirection target is a socket: its first character is an
 * unquoted, literal '@' (checked on the word, before expansion). */
bool net_word_is_socket(const struct word *w);

/* True when the target listens ("@:..."), also before expansion. */
bool net_word_listens(const struct word *w);

/* True when any redirection in the list is a socket. */
bool net_redirs_have_socket(const struct redir *r);

/* Opens the socket an expanded target names ("@..." as written, after
 * expansion): connects, or takes the listener for the address (creating it
 * the first time) and accepts one connection. Returns the connected fd
 * (close-on-exec, >= 10), or -1 after printing "conch: @target: reason".
 * errno is EINTR when the stage was interrupted (nothing printed). */
int net_open(struct stage *st, const char *target);

/* --- listeners bound before `&` ---------------------------------------------
 * `srv < @:9000 & cli > @localhost:9000` must not race: before a background
 * job forks, net_prebind binds the listeners its own redirections name (the
 * job's command, or each command of its pipeline) and records the expanded
 * target for each redirection; the forked child then takes those targets
 * (net_claim) instead of expanding the words again. Deeper in the job, it
 * binds addresses made of literal text and plain variables. The child keeps
 * the listeners its job names and closes the shell's others; the parent
 * gives the job the Unix sockets and port-0 listeners made for it (the
 * child removes the socket file) and keeps sharing the other TCP listeners
 * until its sweep, so two jobs can accept on one port. */
void net_prebind(struct stage *st, const struct node *job);
void net_prebind_parent(void);
void net_prebind_child(void);

/* In a forked child: the target prebound for r. Returns 0 when there is
 * none, 1 with *target set (the caller frees it), -1 when binding it failed
 * (the parent printed why). */
int net_claim(const struct redir *r, char **target);

/* The fds of this process's listeners (at most max), which a forked child
 * keeps so that its redirections find them: `(handler) <> @:8080` in a loop.
 * Exec closes them (close-on-exec). */
size_t net_listener_fds(int *out, size_t max);

/* Closes the listeners no stage is using, removing the Unix socket files
 * this process created: after each complete command at the top level. */
void net_sweep(void);

/* Closes every listener of this process and removes the Unix socket files it
 * created: before exec and at exit. */
void net_release_all(void);

#endif
