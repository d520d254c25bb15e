#!/usr/bin/env bats
# builtin-colon.bats: the : (colon) special builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test ": returns 0" {
	run conch -c 'false; :; echo $?'
	assert_success
	assert_output '0'
}

@test ": ignores its arguments and prints nothing" {
	run conch -c ': a b --help -x; echo $?'
	assert_output '0'
}

@test ": still expands its arguments" {
	run conch -c ': ${x=5}; echo $x'
	assert_output '5'
}

@test ": status is 0 even when a command substitution in its arguments fails" {
	run conch -c ': $(exit 3); echo $?'
	assert_output '0'
}

@test ": with an output redirection creates the file" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c ': > f; [ -f f ] && [ ! -s f ] && echo created'
	assert_output 'created'
}

@test ": with > truncates an existing file" {
	cd "$BATS_TEST_TMPDIR"
	echo data > g
	run conch -c ': > g; wc -c < g'
	assert_output --regexp '^ *0$'
}

@test ": is a special builtin: a prefix assignment persists" {
	run conch -c 'x=1 :; echo "[$x]"'
	assert_output '[1]'
}

@test ": as an endless loop condition with break" {
	run conch -c 'n=0; while :; do n=$((n+1)); [ $n = 3 ] && break; done; echo $n'
	assert_output '3'
}

@test ": as an empty then-branch" {
	run conch -c 'if true; then :; else echo no; fi; echo $?'
	assert_output '0'
}

@test ": with a failing redirection fails (special builtin: the shell exits)" {
	run --separate-stderr conch -c ': < /nonexistent/file; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}
