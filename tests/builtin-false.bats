#!/usr/bin/env bats
# builtin-false.bats: the false builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "false returns 1" {
	run conch -c 'false; echo $?'
	assert_success
	assert_output '1'
}

@test "false ignores its arguments and prints nothing" {
	run conch -c 'false --help x; echo $?'
	assert_output '1'
}

@test "false as the script's last command makes the exit status 1" {
	run conch -c 'true; false'
	assert_failure 1
	assert_output ''
}

@test "false as a condition" {
	run conch -c 'if false; then echo yes; else echo no; fi'
	assert_output 'no'
}

@test "false: a while loop with false never runs and returns 0" {
	run conch -c 'while false; do echo x; done; echo $?'
	assert_output '0'
}

@test "false negated with ! gives 0" {
	run conch -c '! false; echo $?'
	assert_output '0'
}

@test "false at the end of a pipeline sets the status" {
	run conch -c 'true | false; echo $?'
	assert_output '1'
}

@test "false under set -e exits the shell with 1" {
	run conch -c 'set -e; false; echo no'
	assert_failure 1
	assert_output ''
}

@test "false under set -e on the left of || does not exit" {
	run conch -c 'set -e; false || echo rescued; echo yes'
	assert_success
	assert_output $'rescued\nyes'
}
