#!/usr/bin/env bats
# builtin-exit.bats: the exit special builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "exit N exits with status N" {
	run conch -c 'exit 3; echo no'
	assert_failure 3
	assert_output ''
}

@test "exit 0 exits successfully" {
	run conch -c 'false; exit 0; echo no'
	assert_success
	assert_output ''
}

@test "exit 255 is the largest status" {
	run conch -c 'exit 255'
	assert_failure 255
}

@test "exit with no argument uses the last command's status" {
	run conch -c 'false; exit; echo no'
	assert_failure 1
	assert_output ''
}

@test "exit with no argument after success is 0" {
	run conch -c 'sh -c "exit 3"; true; exit'
	assert_success
}

@test "exit in a subshell ends only the subshell" {
	run conch -c '(exit 4); echo $?'
	assert_success
	assert_output '4'
}

@test "exit in a command substitution ends only the substitution" {
	run conch -c 'x=$(echo a; exit 6; echo b); echo $? $x'
	assert_output '6 a'
}

@test "exit in a pipeline stage ends only that stage" {
	run conch -c 'echo a | exit 3; echo $?'
	assert_success
	assert_output '3'
}

@test "exit in a function exits the shell" {
	run conch -c 'f() { exit 5; echo no; }; f; echo no'
	assert_failure 5
	assert_output ''
}

@test "exit in a loop exits the shell" {
	run conch -c 'for i in 1 2; do exit 6; done; echo no'
	assert_failure 6
	assert_output ''
}

@test "exit runs the EXIT trap" {
	run conch -c 'trap "echo bye" EXIT; exit 2'
	assert_failure 2
	assert_output 'bye'
}

@test "exit: \$? in the EXIT trap is the exit status" {
	run conch -c 'trap "echo bye \$?" EXIT; exit 2'
	assert_failure 2
	assert_output 'bye 2'
}

@test "exit N inside the EXIT trap replaces the status" {
	run conch -c 'trap "exit 7" EXIT; exit 2'
	assert_failure 7
}

@test "exit without argument inside the EXIT trap keeps the status" {
	run conch -c 'trap "echo in trap; exit" EXIT; exit 4'
	assert_failure 4
	assert_output 'in trap'
}

@test "exit: the EXIT trap's last command does not change the status" {
	run conch -c 'trap "echo t; false" EXIT; true'
	assert_success
	assert_output 't'
}

@test "exit: an EXIT trap runs once" {
	run conch -c 'trap "echo t; exit 1" EXIT; exit 2'
	assert_failure 1
	assert_output 't'
}

@test "exit in a dot script exits the shell" {
	cd "$BATS_TEST_TMPDIR"
	echo 'exit 8' > s.sh
	run conch -c '. ./s.sh; echo no'
	assert_failure 8
	assert_output ''
}

@test "exit: a non-numeric argument is an error, status 2" {
	run --separate-stderr conch -c 'exit x; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "exit: a negative argument is an error, status 2" {
	run --separate-stderr conch -c 'exit -1; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "exit: a redirection on exit is allowed" {
	run conch -c 'exit 2>/dev/null 5'
	assert_failure 5
}

@test "exit at the end of a script file" {
	run conch_script <<'SH'
echo start
exit 9
echo no
SH
	assert_failure 9
	assert_output 'start'
}
