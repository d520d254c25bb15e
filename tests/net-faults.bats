#!/usr/bin/env bats
# net-faults.bats: a shell that dies of a signal it does not trap removes the
# Unix socket files it made, and only those; the next run can listen again.

load helpers/common

setup() {
	T=$BATS_TEST_TMPDIR
	cd "$T"
}

teardown() {
	[ -z "${bg_pid:-}" ] || kill -KILL "$bg_pid" 2>/dev/null || true
}

# wait_for_socket PATH: until PATH is a socket (5 s at most)
wait_for_socket() {
	local i
	for i in $(seq 100); do
		[ -S "$1" ] && return 0
		sleep 0.05
	done
	echo "no socket $1 appeared" >&2
	return 1
}

# killed_listener SIG SCRIPT: runs SCRIPT (which listens on ./s) with SIG at
# its default, kills it with SIG once ./s exists, and leaves its status in ks
killed_listener() {
	env --default-signal="$1" "$CONCH" -c "$2" & bg_pid=$!
	wait_for_socket s
	kill -"$1" "$bg_pid"
	ks=0
	wait "$bg_pid" || ks=$?
	bg_pid=
}

@test "a listener killed by SIGINT, SIGTERM or SIGHUP removes its socket file" {
	for sig in INT TERM HUP; do
		killed_listener "$sig" 'cat < @:./s'
		[ "$ks" -eq $((128 + $(kill -l "$sig"))) ] || { echo "SIG$sig: status $ks"; false; }
		[ ! -e s ] || { echo "SIG$sig left ./s behind"; false; }
	done
	# and the path can be listened on again
	conch -c 'cat < @:./s' > got & bg_pid=$!
	wait_for_socket s
	echo again | conch -c 'cat > @./s'
	wait "$bg_pid"
	bg_pid=
	[ "$(cat got)" = again ]
	[ ! -e s ]
}

@test "a listener in a pipeline of thread stages is removed when the shell is killed" {
	killed_listener TERM '{ cat < @:./s; } | while read -r l; do echo "$l"; done'
	[ "$ks" -eq 143 ]
	[ ! -e s ]
}

@test "a file that replaced the socket is not removed when the shell is killed" {
	env --default-signal=TERM "$CONCH" -c 'cat < @:./s' & bg_pid=$!
	wait_for_socket s
	rm s
	echo mine > s
	kill -TERM "$bg_pid"
	wait "$bg_pid" || true
	bg_pid=
	[ "$(cat s)" = mine ]
}

@test "a trapped signal leaves the listener to finish as usual" {
	"$CONCH" -c 'trap "echo trapped" TERM; cat < @:./s; echo "cat $?"' > out & bg_pid=$!
	wait_for_socket s
	kill -TERM "$bg_pid"
	sleep 0.2
	[ -S s ]
	echo data | conch -c 'cat > @./s'
	wait "$bg_pid"
	bg_pid=
	[ ! -e s ]
	run cat out
	assert_output $'data\ntrapped\ncat 0'
}
