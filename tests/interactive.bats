#!/usr/bin/env bats
# interactive.bats: the interactive shell in a real terminal (tmux): editing,
# history recall, Ctrl-R, completion, prompts, PS2 continuation
bats_require_minimum_version 1.5.0
load helpers/common
load helpers/tmux

teardown() { tty_teardown; }

@test "editing: type, C-a, insert at the start, Enter" {
	tty_start
	tty_type -l 'cho edited'
	tty_type C-a
	tty_type -l 'e'
	tty_type Enter
	tty_wait_count 'edited' 2
	run tty_screen
	assert_line 'edited'
}

@test "Up recalls the previous command" {
	tty_start
	tty_run 'echo recall-me'
	tty_wait_count 'recall-me' 2
	tty_type Up Enter
	tty_wait_count 'recall-me' 4
}

@test "history is recalled after a restart" {
	tty_start
	tty_run 'echo from-before'
	tty_wait_count 'from-before' 2
	tty_run 'exit'
	for i in $(seq 50); do tty_dead && break; sleep 0.1; done
	tty_stop
	tty_start
	tty_type Up Up
	tty_wait '$ echo from-before'
}

@test "a multi-line command is recalled as one entry" {
	tty_start
	tty_run 'for i in 1 2'
	tty_wait '>'
	tty_run 'do echo "n$i"; done'
	tty_wait 'n2'
	tty_type Up
	tty_wait_count 'do echo "n$i"; done' 2
	tty_type Enter
	tty_wait_count 'n2' 2
}

@test "Ctrl-R searches the history" {
	tty_start
	tty_run 'echo needle-one'
	tty_run 'echo other'
	tty_wait_count 'other' 2
	tty_type C-r
	tty_type -l 'needle'
	tty_wait "(reverse-i-search)"
	tty_type Enter
	tty_wait_count 'needle-one' 4
}

@test "PS2 continuation for an open quote and a trailing pipe" {
	tty_start
	tty_run "echo 'a"
	tty_wait '>'
	tty_run "b'"
	tty_wait_count 'b' 2
	tty_run 'echo piped |'
	tty_wait_count '>' 2
	tty_run 'cat'
	tty_wait_count 'piped' 2
}

@test "Tab completes a command name" {
	tty_start
	tty_type -l 'histo'
	tty_type Tab
	tty_type -l 'X'
	tty_wait '$ history X'
}

@test "Tab completes a function name and a builtin option" {
	tty_start
	tty_run 'myfunc_xyz() { echo called; }'
	tty_type -l 'myfunc_x'
	tty_type Tab
	tty_type -l 'X'
	tty_wait '$ myfunc_xyz X'
	tty_type BSpace BSpace
	tty_type C-u
	tty_type -l 'history -'
	tty_type Tab Tab
	tty_wait '-c'
	tty_wait '-d'
}

@test "Tab completes a file name with a space, quoted" {
	mkdir -p "$BATS_TEST_TMPDIR/home"
	touch "$BATS_TEST_TMPDIR/home/my file.txt"
	tty_start
	tty_run "cd ~"
	tty_type -l 'echo my'
	tty_type Tab
	tty_wait 'echo my\ file.txt'
	tty_type Enter
	tty_wait_count 'file.txt' 2
}

@test "Tab completes \$VAR and \${VAR" {
	tty_start
	tty_run 'MY_LONG_VARIABLE=1'
	tty_type -l 'echo $MY_LONG_V'
	tty_type Tab
	tty_type -l 'X'
	tty_wait 'echo $MY_LONG_VARIABLE X'
	tty_type C-u
	tty_type -l 'echo ${MY_LONG_V'
	tty_type Tab
	tty_wait 'echo ${MY_LONG_VARIABLE}'
}

@test "completion never runs a function" {
	tty_start
	tty_run 'ls() { echo RAN >> ~/ran; }'
	tty_type -l 'l'
	tty_type Tab Tab
	sleep 0.3
	[ ! -e "$BATS_TEST_TMPDIR/home/ran" ]
}

@test "prompt escapes: \\w \\W \\u \\\$ \\n and \\[ \\] take no room" {
	tty_start
	tty_run 'cd /usr/bin'
	tty_run 'PS1="[\w|\W|\u|\[\]\$]\n> "'
	tty_wait "[/usr/bin|bin|$(id -un)|\$]"
}

@test "PS1 undergoes parameter expansion, command substitution and arithmetic" {
	tty_start
	tty_run 'x=var; PS1='"'"'<$x:$(echo cmd):$((6*7))> '"'"
	tty_wait '<var:cmd:42>'
}

@test "a bad expansion in PS1 does not kill the shell" {
	tty_start
	tty_run 'PS1='"'"'${x?oops} $ '"'"
	tty_run 'echo alive'
	tty_wait_count 'alive' 2
	! tty_dead
}

@test "the default prompt shows the directory, with ~ for HOME" {
	tty_start
	tty_run 'cd ~'
	tty_run "exec env -u PS1 $CONCH -i"
	local sign='$'
	[ "$(id -u)" = 0 ] && sign='#'
	tty_wait "~$sign"
	tty_run 'cd /usr'
	tty_wait "/usr$sign"
}

@test "set -o vi: vi keys (Esc, 0, i); set +o vi: emacs keys again" {
	tty_start
	tty_run 'set -o vi'
	tty_type -l 'cho vi-mode'
	tty_type Escape
	sleep 0.2
	tty_type 0 i
	tty_type -l 'e'
	tty_type Enter
	tty_wait_count 'vi-mode' 2
	run tty_screen
	assert_line 'vi-mode'
	tty_run 'set +o vi'
	tty_type -l 'cho emacs-mode'
	tty_type C-a
	tty_type -l 'e'
	tty_type Enter
	tty_wait_count 'emacs-mode' 2
	run tty_screen
	assert_line 'emacs-mode'
}
