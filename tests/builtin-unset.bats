#!/usr/bin/env bats
# builtin-unset.bats: the unset special builtin (-v variables, -f functions)
bats_require_minimum_version 1.5.0
load helpers/common

@test "unset NAME unsets a variable" {
	run conch -c 'x=1; unset x; echo "${x-unset}"'
	assert_success
	assert_output 'unset'
}

@test "unset -v NAME unsets a variable" {
	run conch -c 'x=1; unset -v x; echo "${x-unset}"'
	assert_output 'unset'
}

@test "unset of an empty variable makes it unset" {
	run conch -c 'x=; unset x; echo "${x-unset}"'
	assert_output 'unset'
}

@test "unset: several names" {
	run conch -c 'x=1 y=2; unset x y; echo "${x-u}${y-u}"'
	assert_output 'uu'
}

@test "unset -f NAME unsets a function" {
	run --separate-stderr conch -c 'f() { echo f; }; unset -f f; f; echo $?'
	assert_output '127'
}

@test "unset -f leaves a variable of the same name" {
	run --separate-stderr conch -c 'f=1; f() { :; }; unset -f f; echo $f'
	assert_output '1'
}

@test "unset (no option) of a variable leaves a function of the same name" {
	run conch -c 'f() { echo func; }; f=1; unset f; f; echo "${f-unset}"'
	assert_output $'func\nunset'
}

@test "unset of a name that is not set succeeds" {
	run conch -c 'unset nonexistent; echo $?; unset -f nonexistent; echo $?'
	assert_output $'0\n0'
}

@test "unset with no operands succeeds" {
	run conch -c 'unset; echo $?'
	assert_output '0'
}

@test "unset of an exported variable removes it from children, even after reassignment" {
	run conch -c 'export x=1; unset x; x=2; sh -c "echo [\$x]"'
	assert_output '[]'
}

@test "unset in a subshell does not affect the parent" {
	run conch -c 'x=1; (unset x); echo $x'
	assert_output '1'
}

@test "unset in a function unsets the global" {
	run conch -c 'x=1; f() { unset x; }; f; echo "${x-unset}"'
	assert_output 'unset'
}

@test "unset: an unset variable is an error under set -u" {
	run --separate-stderr conch -c 'set -u; x=1; unset x; echo $x; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "unset IFS restores default splitting" {
	run conch -c 'IFS=:; unset IFS; x="a b:c"; set -- $x; echo $#'
	assert_output '2'
}

@test "unset PATH: commands are no longer found in it" {
	run --separate-stderr conch -c 'unset PATH; nonexistent_cmd_x; echo $?'
	assert_output '127'
}

@test "unset of a readonly variable fails and the shell exits" {
	run --separate-stderr conch -c 'readonly r=1; unset r; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "unset of a readonly variable via command: error status, shell goes on" {
	run --separate-stderr conch -c 'readonly r=1; command unset r; echo "after $(( $? != 0 )) $r"'
	assert_output 'after 1 1'
	[ -n "$stderr" ]
}

@test "unset: an invalid name is an error (shell exits)" {
	run --separate-stderr conch -c 'unset 1x; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "unset: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'unset -x; echo after'
	assert_failure 2
	[ -n "$stderr" ]
}
