#!/usr/bin/env bats
# builtin-true.bats: the true builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "true returns 0" {
	run conch -c 'false; true; echo $?'
	assert_success
	assert_output '0'
}

@test "true ignores its arguments and prints nothing" {
	run conch -c 'true --help -x a b; echo $?'
	assert_output '0'
}

@test "true: a failing redirection target of stdout does not matter" {
	run conch -c 'true >/dev/full; echo $?'
	assert_output '0'
}

@test "true as the script's last command makes the exit status 0" {
	run conch -c 'false; true'
	assert_success
	assert_output ''
}

@test "true as a condition" {
	run conch -c 'if true; then echo yes; else echo no; fi'
	assert_output 'yes'
}

@test "true is a regular builtin: a prefix assignment does not persist" {
	run conch -c 'x=1 true; echo "[$x]"'
	assert_output '[]'
}

@test "true negated with ! gives 1" {
	run conch -c '! true; echo $?'
	assert_output '1'
}

@test "true at the end of a pipeline sets the status" {
	run conch -c 'false | true; echo $?'
	assert_output '0'
}
