#!/usr/bin/env bats
# builtin-kill.bats: the kill builtin (-s, -SIG, -N, -l; bash's -L table)
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

@test "kill -L prints bash's numbered table of signals, five a line" {
	is_conch || skip "conch-specific: kill -L (bash)"
	run conch -c 'kill -L | head -n 6'
	assert_output " 1) SIGHUP	 2) SIGINT	 3) SIGQUIT	 4) SIGILL	 5) SIGTRAP
 6) SIGABRT	 7) SIGBUS	 8) SIGFPE	 9) SIGKILL	10) SIGUSR1
11) SIGSEGV	12) SIGUSR2	13) SIGPIPE	14) SIGALRM	15) SIGTERM
16) SIGSTKFLT	17) SIGCHLD	18) SIGCONT	19) SIGSTOP	20) SIGTSTP
21) SIGTTIN	22) SIGTTOU	23) SIGURG	24) SIGXCPU	25) SIGXFSZ
26) SIGVTALRM	27) SIGPROF	28) SIGWINCH	29) SIGIO	30) SIGPWR"
}

@test "kill -L: the table stops at the last named signal (no realtime signals)" {
	is_conch || skip "conch-specific: bash goes on with SIGRTMIN..SIGRTMAX"
	run conch -c 'kill -L | tail -n 1'
	assert_output '31) SIGSYS	'
}

@test "kill -L with operands is kill -l" {
	is_conch || skip "conch-specific: kill -L (bash)"
	run conch -c 'kill -L 130; kill -L INT; kill -L 9 15'
	assert_output $'INT\n2\nKILL\nTERM'
}
