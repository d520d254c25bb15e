# tmux.bash: drives an interactive conch in a real pseudo-terminal (tmux)
# Load after helpers/common. Each test gets a private tmux server (its own
# socket under $BATS_TEST_TMPDIR) and a private HOME, so no user file is read
# or written. Typical use:
#   tty_start                      # conch -i in an 80x24 window, prompt '$ '
#   tty_type 'echo hi' Enter       # tmux send-keys (key names: Enter C-c C-z Tab Up)
#   tty_wait 'hi'                  # waits (5 s at most) until the screen shows it
#   tty_screen                     # prints the screen (trailing blanks stripped)
# teardown() calls tty_stop for you when the file uses tty_teardown.

# tty_start [ARGS...]: starts "$CONCH" ARGS (default: -i) in a new session.
# The environment is clean apart from TERM, HOME, PATH, PS1='$ '.
tty_start() {
	command -v tmux >/dev/null || skip "tmux is not installed (./bootstrap installs it)"
	TTY_SOCK="$BATS_TEST_TMPDIR/tmux.sock"
	export HOME="$BATS_TEST_TMPDIR/home"
	mkdir -p "$HOME"
	local args=("$@")
	[ ${#args[@]} -eq 0 ] && args=(-i)
	local cmd
	cmd=$(printf '%q ' env -i TERM=screen HOME="$HOME" PATH="$PATH" PS1='$ ' \
		${TTY_ENV:-} "$CONCH" "${args[@]}")
	tmux -S "$TTY_SOCK" -f /dev/null new-session -d -x 80 -y 24 -s t "$cmd"
	tmux -S "$TTY_SOCK" set-option -t t remain-on-exit on >/dev/null
	tty_wait '$' || { tty_screen >&2; return 1; }
}

# tty_type KEYS...: tmux send-keys; a word that is a key name (Enter, C-c,
# Tab, Up, BSpace, ...) is that key, anything else is typed literally when
# given with -l first: tty_type -l 'text'; tty_type Enter
tty_type() {
	tmux -S "$TTY_SOCK" send-keys -t t "$@"
}

# tty_run LINE: types LINE literally and presses Enter.
tty_run() {
	tmux -S "$TTY_SOCK" send-keys -t t -l "$1"
	tmux -S "$TTY_SOCK" send-keys -t t Enter
}

# tty_screen: the visible screen plus scrollback, trailing blank lines dropped.
tty_screen() {
	tmux -S "$TTY_SOCK" capture-pane -p -t t -S -200 | sed -e 's/[[:space:]]*$//' |
		sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}'
}

# tty_wait TEXT [SECONDS]: waits until the screen contains TEXT (a fixed
# string; default 5 s). Fails, printing the screen, when it never does.
tty_wait() {
	local text=$1 secs=${2:-5} i
	for ((i = 0; i < secs * 20; i++)); do
		tty_screen | grep -qF -- "$text" && return 0
		sleep 0.05
	done
	echo "--- screen did not show: $text" >&2
	tty_screen >&2
	return 1
}

# tty_count TEXT: how many screen lines contain TEXT.
tty_count() {
	tty_screen | grep -cF -- "$1" || true
}

# tty_wait_count TEXT N [SECONDS]: waits until N lines contain TEXT.
tty_wait_count() {
	local text=$1 n=$2 secs=${3:-5} i
	for ((i = 0; i < secs * 20; i++)); do
		[ "$(tty_count "$text")" -ge "$n" ] && return 0
		sleep 0.05
	done
	echo "--- screen did not show $n lines with: $text" >&2
	tty_screen >&2
	return 1
}

# tty_pid: the pid of the shell running in the pane.
tty_pid() {
	tmux -S "$TTY_SOCK" display-message -p -t t '#{pane_pid}'
}

# tty_dead: true when the shell in the pane has exited.
tty_dead() {
	[ "$(tmux -S "$TTY_SOCK" display-message -p -t t '#{pane_dead}')" = 1 ]
}

# tty_stop: ends the tmux server (and the shell with it).
tty_stop() {
	[ -n "${TTY_SOCK:-}" ] && tmux -S "$TTY_SOCK" kill-server 2>/dev/null
	TTY_SOCK=
	return 0
}

tty_teardown() {
	tty_stop
}
