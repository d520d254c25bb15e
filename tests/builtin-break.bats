#!/usr/bin/env bats
# builtin-break.bats: the break special builtin (POSIX 2.14 break)
bats_require_minimum_version 1.5.0
load helpers/common

@test "break: leaves the innermost for loop" {
	run conch -c 'for i in 1 2 3; do echo $i; break; echo no; done; echo after $i'
	assert_success
	assert_output $'1\nafter 1'
}

@test "break: leaves a while loop and the loop status is 0" {
	run conch -c 'while :; do false; break; done; echo $?'
	assert_success
	assert_output '0'
}

@test "break: leaves an until loop" {
	run conch -c 'i=0; until [ $i -ge 5 ]; do i=$((i+1)); [ $i = 3 ] && break; done; echo $i'
	assert_output '3'
}

@test "break 2: leaves two nested loops" {
	run conch -c 'for i in 1 2 3; do for j in a b; do echo $i$j; break 2; echo no; done; echo no2; done; echo end $i'
	assert_success
	assert_output $'1a\nend 1'
}

@test "break 1 is the same as break" {
	run conch -c 'for i in 1 2; do for j in a b; do break 1; done; echo $i$j; done'
	assert_output $'1a\n2a'
}

@test "break N larger than the nesting leaves all loops" {
	run conch -c 'for i in 1 2; do for j in a b; do break 5; done; done; echo $i$j $?'
	assert_success
	assert_output '1a 0'
}

@test "break inside case inside a loop leaves the loop" {
	run conch -c 'for i in a b c; do case $i in b) break;; esac; echo $i; done'
	assert_output 'a'
}

@test "break in a subshell does not leave the parent's loop" {
	run conch -c 'for i in 1 2; do (break); echo $i; done'
	assert_output $'1\n2'
}

@test "break in a function does not leave the caller's loop" {
	run conch -c 'f() { break; }; for i in 1 2; do f; echo $i; done'
	assert_output $'1\n2'
}

@test "break outside a loop is ignored with status 0" {
	run conch -c 'break; echo s=$?'
	assert_success
	assert_output 's=0'
}

@test "break 0 is an error: the non-interactive shell exits with 2" {
	run --separate-stderr conch -c 'for i in 1 2; do break 0; done; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "break with a non-numeric argument is an error (status 2)" {
	run --separate-stderr conch -c 'for i in 1 2; do break x; done; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "break with a negative argument is an error (status 2)" {
	run --separate-stderr conch -c 'for i in 1; do break -1; done; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}
