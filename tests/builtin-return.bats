#!/usr/bin/env bats
# builtin-return.bats: the return special builtin (functions and dot scripts)
bats_require_minimum_version 1.5.0
load helpers/common

@test "return N from a function" {
	run conch -c 'f() { return 3; echo no; }; f; echo $?'
	assert_success
	assert_output '3'
}

@test "return without a number keeps the last status" {
	run conch -c 'f() { false; return; }; f; echo $?'
	assert_output '1'
}

@test "return 0 succeeds even after a failure" {
	run conch -c 'f() { false; return 0; }; f; echo $?'
	assert_output '0'
}

@test "return 255 is the largest status" {
	run conch -c 'f() { return 255; }; f; echo $?'
	assert_output '255'
}

@test "return from inside a loop leaves the function" {
	run conch -c 'f() { for i in 1 2; do return 4; done; echo no; }; f; echo $?'
	assert_output '4'
}

@test "return from inside an endless while loop" {
	run conch -c 'f() { while :; do return 6; done; }; f; echo $?'
	assert_output '6'
}

@test "return from a nested function returns only from it" {
	run conch -c 'f() { g() { return 2; }; g; echo "g $?"; return 1; }; f; echo $?'
	assert_output $'g 2\n1'
}

@test "return from inside if and case" {
	run conch -c 'f() { if true; then case x in x) return 7;; esac; fi; echo no; }; f; echo $?'
	assert_output '7'
}

@test "return in a subshell ends only the subshell" {
	run conch -c 'f() { (return 3); echo "sub $?"; }; f'
	assert_output 'sub 3'
}

@test "return in a command substitution ends only the substitution" {
	run conch -c 'f() { x=$(echo a; return 7; echo b); echo "$? $x"; }; f'
	assert_output '7 a'
}

@test "return in a pipeline stage ends only that stage" {
	run conch -c 'f() { echo a | return 5; echo "pipe $?"; }; f'
	assert_output 'pipe 5'
}

@test "return restores the positional parameters of the caller" {
	run conch -c 'set -- a b; f() { set -- x; return; }; f; echo "$*"'
	assert_output 'a b'
}

@test "return from a dot script" {
	cd "$BATS_TEST_TMPDIR"
	printf 'echo a\nreturn 3\necho no\n' > r.sh
	run conch -c '. ./r.sh; echo "st=$?"'
	assert_output $'a\nst=3'
}

@test "return from a dot script inside a function returns from the script only" {
	cd "$BATS_TEST_TMPDIR"
	printf 'return 3\n' > r.sh
	run conch -c 'f() { . ./r.sh; echo "in f $?"; return 1; }; f; echo $?'
	assert_output $'in f 3\n1'
}

@test "return does not run an EXIT trap" {
	run conch -c 'f() { trap "echo trap" EXIT; return 1; }; f; echo after'
	assert_output $'after\ntrap'
}

@test "return with a non-numeric argument is an error" {
	run --separate-stderr conch -c 'f() { return x; echo no; }; f'
	refute_output --partial 'no'
	assert_failure
	[ -n "$stderr" ]
}
