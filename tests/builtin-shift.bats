#!/usr/bin/env bats
# builtin-shift.bats: the shift special builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "shift: drops the first positional parameter" {
	run conch -c 'set -- a b c; shift; echo "$# $*"'
	assert_success
	assert_output '2 b c'
}

@test "shift N: drops N parameters" {
	run conch -c 'set -- a b c; shift 2; echo "$# $*"'
	assert_output '1 c'
}

@test "shift N with N equal to \$# leaves none" {
	run conch -c 'set -- a b c; shift 3; echo "$# [$*]"'
	assert_output '0 []'
}

@test "shift 0 changes nothing" {
	run conch -c 'set -- a; shift 0; echo "$# $1"'
	assert_output '1 a'
}

@test "shift: \$10 and beyond move down" {
	run conch -c 'set -- 1 2 3 4 5 6 7 8 9 10 11; shift 9; echo $1 $#'
	assert_output '10 2'
}

@test "shift keeps parameters with spaces intact" {
	run conch -c 'set -- a "b c" d; shift; for i; do echo "[$i]"; done'
	assert_output $'[b c]\n[d]'
}

@test "shift in a function shifts the function's parameters only" {
	run conch -c 'f() { shift; echo "$*"; }; set -- a b; f x y z; echo "$*"'
	assert_output $'y z\na b'
}

@test "shift in a loop consumes all parameters" {
	run conch -c 'set -- a b c; while [ $# -gt 0 ]; do printf "%s," "$1"; shift; done; echo'
	assert_output 'a,b,c,'
}

@test "shift: the status is 0" {
	run conch -c 'set -- a b; shift; echo $?'
	assert_output '0'
}

@test "shift: more than \$# is an error and the shell exits" {
	run --separate-stderr conch -c 'set -- a b; shift 3; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "shift: with no parameters is an error" {
	run --separate-stderr conch -c 'shift; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "shift: too many through command: non-zero status, nothing shifted, shell goes on" {
	run --separate-stderr conch -c 'set -- a b; command shift 3; echo "after $(( $? != 0 )) $#"'
	assert_output 'after 1 2'
	[ -n "$stderr" ]
}

@test "shift: a non-numeric count is an error" {
	run --separate-stderr conch -c 'set -- a; command shift x; echo "after $(( $? != 0 )) $#"'
	assert_output 'after 1 1'
	[ -n "$stderr" ]
}

@test "shift: a negative count is an error" {
	run --separate-stderr conch -c 'set -- a; command shift -1; echo "after $(( $? != 0 )) $#"'
	assert_output 'after 1 1'
	[ -n "$stderr" ]
}
