#!/usr/bin/env bats
# builtin-continue.bats: the continue special builtin (POSIX 2.14 continue)
bats_require_minimum_version 1.5.0
load helpers/common

@test "continue: skips the rest of a for loop body" {
	run conch -c 'for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done'
	assert_success
	assert_output $'1\n3'
}

@test "continue: in a while loop re-evaluates the condition" {
	run conch -c 'i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i = 2 ] && continue; echo $i; done'
	assert_output $'1\n3'
}

@test "continue: in an until loop" {
	run conch -c 'i=0; until [ $i -ge 4 ]; do i=$((i+1)); [ $i = 3 ] && continue; echo $i; done'
	assert_output $'1\n2\n4'
}

@test "continue 2: resumes the outer loop" {
	run conch -c 'for i in 1 2 3; do for j in a b c; do [ $j = b ] && continue 2; echo $i$j; done; echo end$i; done'
	assert_success
	assert_output $'1a\n2a\n3a'
}

@test "continue N larger than the nesting continues the outermost loop" {
	run conch -c 'for i in 1 2; do for j in a b; do continue 3; echo no; done; echo no2; done; echo $i$j'
	assert_success
	assert_output '2a'
}

@test "continue inside case inside a loop" {
	run conch -c 'for i in a b; do case $i in a) continue;; esac; echo $i; done'
	assert_output 'b'
}

@test "continue outside a loop is ignored with status 0" {
	run conch -c 'continue; echo s=$?'
	assert_success
	assert_output 's=0'
}

@test "continue 0 is an error: the non-interactive shell exits with 2" {
	run --separate-stderr conch -c 'for i in 1 2; do continue 0; echo in; done; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "continue with a non-numeric argument is an error (status 2)" {
	run --separate-stderr conch -c 'for i in 1 2; do continue x; done; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}
