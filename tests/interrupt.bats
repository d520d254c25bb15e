#!/usr/bin/env bats
# interrupt.bats: Ctrl-C in an interactive shell stops every stage of the
# foreground pipeline, thread stages included, and the shell goes on.
# tests/helpers/ptydrive runs `conch -i` on a pseudo-terminal, types the
# command, sends Ctrl-C and reports when and with what status the shell
# answered, and how many threads it has left.

load helpers/common

setup() {
	is_conch || skip "conch-specific: thread stages"
	: "${PTYDRIVE:?make check sets PTYDRIVE}"
}

interrupt() {
	run "$PTYDRIVE" "$CONCH" "$1"
	assert_success
	assert_line 'status 130'
	# every stage thread is gone: the shell is back to its idle thread count
	local before=${lines[2]#tasks-before } after=${lines[3]#tasks }
	[ "$before" -ge 1 ] && [ "$after" = "$before" ]
	# a hang guard, not a speed test: the figure is in the closing notes
	local ms=${lines[0]#latency-ms }
	[ "$ms" -lt 3000 ]
}

@test "Ctrl-C stops a builtin loop reading from an endless producer" {
	interrupt 'yes | while read l; do :; done'
}

@test "Ctrl-C stops an endless shell loop writing into an external reader" {
	interrupt 'while :; do :; done | cat'
}

@test "Ctrl-C stops a thread stage blocked reading a silent pipe" {
	interrupt 'f() { while read l; do echo "$l"; done; }; sleep 100 | f | cat'
}

@test "Ctrl-C stops a thread stage blocked writing into a full pipe" {
	interrupt 'while :; do echo y; done | sleep 100'
}

@test "Ctrl-C stops a pipeline nested inside a thread stage" {
	interrupt '{ yes | while read l; do :; done; } | cat'
}

@test "Ctrl-C stops a command substitution that runs a thread stage" {
	interrupt 'x=$(yes | while read l; do :; done); echo no'
}
