#!/usr/bin/env bats
# builtin-kill.bats: the kill builtin (-s, -SIG, -N, -l)
bats_require_minimum_version 1.5.0
load helpers/common

@test "kill PID sends TERM: wait reports 143" {
	run --separate-stderr conch -c 'sleep 10 & kill $!; wait $!; echo $?'
	assert_success
	assert_output '143'
}

@test "kill -s TERM PID" {
	run --separate-stderr conch -c 'sleep 10 & kill -s TERM $!; echo $?; wait $!; echo $?'
	assert_output $'0\n143'
}

@test "kill -9 PID: wait reports 137" {
	run --separate-stderr conch -c 'sleep 10 & kill -9 $!; wait $!; echo $?'
	assert_output '137'
}

@test "kill -KILL and kill -s KILL" {
	run --separate-stderr conch -c 'sleep 10 & kill -KILL $!; wait $!; echo $?; sleep 10 & kill -s KILL $!; wait $!; echo $?'
	assert_output $'137\n137'
}

@test "kill -s HUP: wait reports 129" {
	run --separate-stderr conch -c 'sleep 10 & kill -s HUP $!; wait $!; echo $?'
	assert_output '129'
}

@test "kill -- PID: -- ends the options" {
	run --separate-stderr conch -c 'sleep 10 & kill -- $!; wait $!; echo $?'
	assert_output '143'
}

@test "kill: several pids" {
	run --separate-stderr conch -c 'sleep 10 & a=$!; sleep 10 & b=$!; kill $a $b; wait $a; echo $?; wait $b; echo $?'
	assert_output $'143\n143'
}

@test "kill -0 PID: checks that the process exists" {
	run conch -c 'kill -0 $$; echo $?; kill -s 0 $$; echo $?'
	assert_output $'0\n0'
}

@test "kill -0 of a dead process fails" {
	run --separate-stderr conch -c 'sh -c "exit 0" & p=$!; wait $p; kill -0 $p; echo $?'
	assert_output '1'
}

@test "kill: the shell can signal itself" {
	run conch -c 'trap "echo got USR1" USR1; kill -USR1 $$; kill -s USR1 $$; echo end'
	assert_output $'got USR1\ngot USR1\nend'
}

@test "kill TERM to the shell itself without a trap ends it with 143" {
	run conch -c 'kill $$; echo no'
	assert_failure 143
	refute_output --partial 'no'
}

@test "kill -l lists signal names" {
	run conch -c 'kill -l | tr " " "\n" | grep -xE "HUP|INT|KILL|TERM|USR1" | sort'
	assert_success
	assert_output $'HUP\nINT\nKILL\nTERM\nUSR1'
}

@test "kill -l NUMBER prints the signal name" {
	run conch -c 'kill -l 15; kill -l 9; kill -l 2; kill -l 1'
	assert_output $'TERM\nKILL\nINT\nHUP'
}

@test "kill -l STATUS: an exit status of a killed process gives the name" {
	run --separate-stderr conch -c 'kill -l 143; kill -l 130; sleep 10 & kill -9 $!; wait $!; kill -l $?'
	assert_output $'TERM\nINT\nKILL'
}

@test "kill: a process that does not exist fails with status 1" {
	run --separate-stderr conch -c 'kill 999999; echo $?'
	assert_output '1'
	[ -n "$stderr" ]
}

@test "kill: no operands is a usage error (status 2)" {
	run --separate-stderr conch -c 'kill; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "kill -s with an unknown signal name fails" {
	run --separate-stderr conch -c 'kill -s BOGUS $$; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "kill -l with an invalid number fails" {
	run --separate-stderr conch -c 'kill -l 999; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "kill: a non-numeric pid fails" {
	run --separate-stderr conch -c 'kill x; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}
