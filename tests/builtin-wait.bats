#!/usr/bin/env bats
# builtin-wait.bats: the wait builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "wait PID returns the job's status" {
	run conch -c 'sh -c "exit 3" & wait $!; echo $?'
	assert_success
	assert_output '3'
}

@test "wait PID: the status is kept for a job that already ended" {
	run conch -c 'sh -c "exit 3" & p=$!; sleep 0.2; wait $p; echo $?'
	assert_output '3'
}

@test "wait with no operands waits for all jobs and returns 0" {
	run conch -c '(sleep 0.3; echo a) & (echo b; exit 4) & wait; echo "done $?"'
	assert_output $'b\na\ndone 0'
}

@test "wait with no jobs returns 0 at once" {
	run conch -c 'false; wait; echo $?'
	assert_output '0'
}

@test "wait PID PID: the status is the last one's" {
	run conch -c 'sh -c "exit 5" & a=$!; sh -c "exit 6" & b=$!; wait $a $b; echo $?; sh -c "exit 7" & a=$!; sh -c "exit 0" & b=$!; wait $b $a; echo $?'
	assert_output $'6\n7'
}

@test "wait: a job killed by a signal gives 128+N" {
	run --separate-stderr conch -c 'sleep 10 & kill -9 $!; wait $!; echo $?'
	assert_output '137'
}

@test "wait: waits for a background function" {
	run conch -c 'f() { sleep 0.1; echo f; }; f & wait; echo after'
	assert_output $'f\nafter'
}

@test "wait: the output of the jobs is complete after wait" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'for i in 1 2 3; do (sleep 0.1; echo $i > f$i) & done; wait; cat f1 f2 f3'
	assert_output $'1\n2\n3'
}

@test "wait in a command substitution waits for its own jobs" {
	run conch -c 'x=$( (sleep 0.1; echo in) & wait); echo $x'
	assert_output 'in'
}

@test "wait: a pid that is not a child gives 127" {
	run --separate-stderr conch -c 'wait 999999; echo $?'
	assert_output '127'
}

@test "wait: the shell's own pid is not a child (127)" {
	run --separate-stderr conch -c 'wait $$; echo $?'
	assert_output '127'
}

@test "wait: a trapped signal interrupts wait with 128+N" {
	run conch -c 'sleep 5 & p=$!; trap "echo trapped" USR1; (sleep 0.2; kill -USR1 $$) & wait $p; echo $?; kill $p'
	assert_output $'trapped\n138'
}

@test "wait: a non-numeric operand is an error" {
	run --separate-stderr conch -c 'wait x; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "wait: \$! names the last background job" {
	run conch -c 'sh -c "exit 2" & sh -c "exit 9" & wait $!; echo $?'
	assert_output '9'
}

@test "wait: an option is an error (status 2); -- ends the options" {
	run conch -c 'wait -x; echo "status $?"'
	assert_output --partial 'status 2'
	is_conch && assert_line -n 0 --partial 'wait: -x: invalid option'
	run conch -c 'sleep 0.2 & wait --; echo "all $?"; sh -c "exit 3" & wait -- $!; echo "one $?"'
	assert_output $'all 0\none 3'
}
