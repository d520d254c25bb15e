#!/usr/bin/env bats
# builtin-local.bats: the local builtin (function-scoped variables)
bats_require_minimum_version 1.5.0
load helpers/common

@test "local NAME=value is seen in the function, the global is restored" {
	run conch -c 'x=g; f() { local x=l; echo $x; }; f; echo $x'
	assert_success
	assert_output $'l\ng'
}

@test "local: an assignment after local NAME does not leak" {
	run conch -c 'x=g; f() { local x; x=2; echo $x; }; f; echo $x'
	assert_output $'2\ng'
}

@test "local: a variable that did not exist is unset again after the function" {
	run conch -c 'f() { local a=1 b=2; echo $a$b; }; f; echo "${a-u}${b-u}"'
	assert_output $'12\nuu'
}

@test "local: dynamic scope: a called function sees and changes the local" {
	run conch -c 'f() { local x=1; g; echo "f:$x"; }; g() { echo "g:$x"; x=changed; }; x=g; f; echo $x'
	assert_output $'g:1\nf:changed\ng'
}

@test "local: recursion gets one variable per call" {
	run conch -c 'f() { local x=$1; [ $1 -gt 0 ] && f $(($1-1)); echo $x; }; f 2'
	assert_output $'0\n1\n2'
}

@test "local: the value is not field split" {
	run conch -c 'f() { v="a  b"; local x=$v; echo "$x"; }; f'
	assert_output 'a  b'
}

@test "local twice in a function keeps one local" {
	run conch -c 'x=g; f() { local x=1; local x=2; echo $x; }; f; echo $x'
	assert_output $'2\ng'
}

@test "local: unset of a local does not reach the global" {
	run conch -c 'x=g; f() { local x=l; unset x; echo "${x-unset}"; }; f; echo $x'
	assert_output $'unset\ng'
}

@test "local: unset then assign inside the function stays local" {
	run conch -c 'x=g; f() { local x; unset x; x=3; }; f; echo $x'
	assert_output 'g'
}

@test "local IFS only affects the function" {
	run conch -c 'f() { local IFS=:; x="a:b"; set -- $x; echo $#; }; f; x="a:b"; set -- $x; echo $#'
	assert_output $'2\n1'
}

@test "local: an exported local is seen by children only during the function" {
	run conch -c 'f() { local x=1; export x; sh -c "echo \$x"; }; f; sh -c "echo [\$x]"'
	assert_output $'1\n[]'
}

@test "local -: options set in the function are restored" {
	run conch -c 'f() { local -; set -f; case $- in *f*) echo in on;; esac; }; f; case $- in *f*) echo on;; *) echo off;; esac'
	assert_output $'in on\noff'
}

@test "local with no operands succeeds" {
	run conch -c 'f() { local; echo $?; }; f'
	assert_output '0'
}

@test "local outside a function is an error" {
	run --separate-stderr conch -c 'local x=1'
	assert_failure
	[ -n "$stderr" ]
}

@test "local: an invalid name is an error" {
	run --separate-stderr conch -c 'f() { local 1x=1; }; f'
	assert_failure
	[ -n "$stderr" ]
}

@test "local: a readonly global cannot be made local" {
	run --separate-stderr conch -c 'readonly r=1; f() { local r=2; echo $r; }; f'
	refute_output '2'
	[ -n "$stderr" ]
}

@test "local: export of a local that shadows a global leaves the global unexported (dash)" {
	run conch -c 'x=1; f() { local x=2; export x; sh -c "echo in \$x"; }; f; echo $x; sh -c "echo out [\$x]"'
	assert_output $'in 2\n1\nout []'
}

@test "local: readonly on a local makes that local readonly, not the global" {
	run conch -c 'y=g; f() { local y=1; readonly y; y=2; }; f; echo not reached'
	assert_failure
	! is_conch || assert_output --partial 'y: readonly variable'
	refute_output --partial 'not reached'
	run conch -c 'y=g; f() { local y=1; readonly y; }; f; y=h; echo $y'
	assert_output 'h'
}
