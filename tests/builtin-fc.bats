#!/usr/bin/env bats
# builtin-fc.bats: the fc builtin (POSIX): -l, -n, -r, ranges, -s, editing
# The expected outputs are those of bash --posix -i on the same input.
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	export HOME="$BATS_TEST_TMPDIR/home"
	mkdir -p "$HOME"
}

isession() {
	env -i HOME="$HOME" PATH="$PATH" PS1='$ ' ${HENV:-} "$CONCH" -i "$@" 2>"${ERR:-/dev/null}"
}

@test "fc -l lists the previous commands; ranges by number, negative number, prefix" {
	run isession <<'IN'
echo one
echo two
echo three
fc -l
fc -l -2
fc -ln 1 2
fc -lr 1 3
fc -l ec
IN
	assert_output "one
two
three
1	echo one
2	echo two
3	echo three
3	echo three
4	fc -l
	echo one
	echo two
3	echo three
2	echo two
1	echo one
3	echo three
4	fc -l
5	fc -l -2
6	fc -ln 1 2
7	fc -lr 1 3"
}

@test "fc -s old=new first runs the command again, written to stderr, and replaces fc in the history" {
	ERR="$BATS_TEST_TMPDIR/err" run isession <<'IN'
echo one
echo two
fc -s two=2 2
fc -s
history 3
IN
	assert_output "one
two
2
2
    3  echo 2
    4  echo 2
    5  history 3"
	run grep -c '^echo 2$' "$BATS_TEST_TMPDIR/err"
	assert_output 2
}

@test "fc -s with a prefix that matches nothing fails" {
	ERR=/dev/stdout run isession <<'IN'
echo one
fc -s nomatch
echo "status $?"
IN
	assert_line --partial 'fc: nomatch: no command found'
	assert_line 'status 1'
}

@test "fc edits the commands with FCEDIT and runs the result" {
	printf '#!/bin/sh\nsed -i s/old/new/ "$1"\n' > "$BATS_TEST_TMPDIR/ed"
	chmod +x "$BATS_TEST_TMPDIR/ed"
	HENV="FCEDIT=$BATS_TEST_TMPDIR/ed" run isession <<'IN'
echo old
fc
fc -l -1
IN
	assert_output "old
new
2	echo new"
}

@test "fc -e EDITOR first last edits a range" {
	printf '#!/bin/sh\nsed -i s/echo/printf/ "$1"\n' > "$BATS_TEST_TMPDIR/ed"
	chmod +x "$BATS_TEST_TMPDIR/ed"
	run isession <<IN
echo a
echo b
fc -e $BATS_TEST_TMPDIR/ed 1 2
IN
	assert_output "a
b
ab"
}

@test "fc with an editor that fails runs nothing" {
	run isession <<'IN'
echo a
fc -e false
echo "status $?"
IN
	assert_output "a
status 1"
}

@test "fc -l with a bad option fails with a usage message" {
	ERR=/dev/stdout run isession <<'IN'
echo a
fc -z
IN
	assert_line --partial 'fc: -z: invalid option'
}
