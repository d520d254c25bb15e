#!/usr/bin/env bats
# builtin-history.bats: the history builtin, the history file and its limits
# Commands are fed to `conch -i` on a pipe: the same read loop and history
# code as at a terminal (the line editor reads the pipe).
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	export HOME="$BATS_TEST_TMPDIR/home"
	mkdir -p "$HOME"
}

# isession: runs stdin through an interactive conch with a clean environment.
isession() {
	env -i HOME="$HOME" PATH="$PATH" PS1='$ ' ${HENV:-} "$CONCH" -i "$@" 2>/dev/null
}

@test "history lists entries with numbers; history N lists the last N" {
	run isession <<'IN'
echo one
echo two
history
history 2
IN
	assert_success
	assert_output "one
two
    1  echo one
    2  echo two
    3  history
    3  history
    4  history 2"
}

@test "history -c clears, history -d N deletes entry N" {
	run isession <<'IN'
echo a
echo b
echo c
history -d 2
history
history -c
history
history -d 99
IN
	assert_output "a
b
c
    1  echo a
    2  echo c
    3  history -d 2
    4  history
    1  history"
}

@test "history -d with a bad position fails with a message" {
	run -1 env -i HOME="$HOME" PATH="$PATH" "$CONCH" -i -c 'history -d 5'
	assert_output --partial 'history: 5: history position out of range'
}

@test "the history is saved to ~/.conch_history at exit and read at start" {
	printf 'echo first\n' | isession >/dev/null
	run cat "$HOME/.conch_history"
	assert_output 'echo first'
	run isession <<<'history'
	assert_output "    1  echo first
    2  history"
}

@test "HISTFILE names the file; HISTFILE= keeps no file" {
	HENV="HISTFILE=$HOME/h" run isession <<<'echo x'
	run cat "$HOME/h"
	assert_output 'echo x'
	HENV="HISTFILE=" run isession <<<'echo y'
	[ ! -e "$HOME/.conch_history" ]
}

@test "a multi-line command is one entry, in the file and after a restart" {
	isession >/dev/null <<'IN'
if true
then echo 'a
b'
fi
cat <<EOF
doc
EOF
echo done |
cat
IN
	run cat "$HOME/.conch_history"
	assert_output "\\if true\\nthen echo 'a\\nb'\\nfi
\\cat <<EOF\\ndoc\\nEOF
\\echo done |\\ncat"
	run isession <<<'history'
	assert_output "    1  if true
then echo 'a
b'
fi
    2  cat <<EOF
doc
EOF
    3  echo done |
cat
    4  history"
}

@test "an entry starting with a backslash survives the file" {
	isession >/dev/null <<<'\echo back'
	run isession <<<'fc -l 1 1'
	assert_output '1	\echo back'
}

@test "HISTSIZE limits the list, HISTFILESIZE the file" {
	HENV="HISTSIZE=2 HISTFILESIZE=3" run isession <<'IN'
echo 1
echo 2
echo 3
echo 4
history
IN
	assert_line '    4  echo 4'
	assert_line '    5  history'
	refute_line --partial 'echo 3'
}

@test "HISTFILESIZE cuts the file to its newest lines at exit" {
	printf 'echo %s\n' 1 2 3 4 5 > "$HOME/.conch_history"
	HENV="HISTFILESIZE=3" isession <<<'echo 6' >/dev/null
	run cat "$HOME/.conch_history"
	assert_output "echo 4
echo 5
echo 6"
}

@test "histnodups drops consecutive duplicates, histnospace lines starting with a blank" {
	run isession <<'IN'
set -o histnodups -o histnospace
echo a
echo a
 echo secret
echo a
history
IN
	assert_output "a
a
secret
a
    1  set -o histnodups -o histnospace
    2  echo a
    3  history"
}

@test "without the options every line is kept" {
	run isession <<'IN'
echo a
echo a
 echo b
history
IN
	assert_line '    2  echo a'
	assert_line '    3   echo b'
}

@test "HISTCONTROL=ignoreboth does what both options do" {
	HENV=HISTCONTROL=ignoreboth run isession <<'IN'
echo a
echo a
 echo b
history
IN
	assert_line '    1  echo a'
	assert_line '    2  history'
}

@test "histappend writes each entry at once" {
	run isession <<IN
set -o histappend
echo a
cat "$HOME/.conch_history"
IN
	assert_output "a
set -o histappend
echo a
cat \"$HOME/.conch_history\""
}

@test "two concurrent sessions adding 1000 entries each leave 2000 intact lines" {
	for s in a b; do
		for i in $(seq 1000); do echo "echo $s$i"; done > "$BATS_TEST_TMPDIR/in.$s"
	done
	HENV="HISTFILESIZE=10000" isession -o histappend < "$BATS_TEST_TMPDIR/in.a" >/dev/null &
	local a=$!
	HENV="HISTFILESIZE=10000" isession -o histappend < "$BATS_TEST_TMPDIR/in.b" >/dev/null &
	local b=$!
	# not a bare `wait`: with BATS_TEST_TIMEOUT, bats has a watchdog child
	wait "$a" "$b"
	run wc -l < "$HOME/.conch_history"
	assert_output 2000
	run grep -cxE 'echo (a|b)[0-9]+' "$HOME/.conch_history"
	assert_output 2000
	for s in a b; do
		run grep -c "^echo $s" "$HOME/.conch_history"
		assert_output 1000
	done
}

@test "scripts and -c neither read nor write the history file" {
	echo 'echo old' > "$HOME/.conch_history"
	run env HOME="$HOME" "$CONCH" -c 'history; echo x'
	assert_output 'x'
	run cat "$HOME/.conch_history"
	assert_output 'echo old'
}
