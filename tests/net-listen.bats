#!/usr/bin/env bats
# net-listen.bats: socket redirections that listen (@:PORT, @:ADDR:PORT,
# @:*:PORT, @:PATH): port 0 and CONCH_PORT, binding before & (no race), a
# server loop that never refuses, Unix socket files (mode, removal, stale,
# never replacing a file), errors, CONCH_ACCEPT_TIMEOUT, Ctrl-C, 64 MiB
# transfers in both directions, compound commands and thread stages.

bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	: "${NETPEER:?set NETPEER to tests/helpers/netpeer}"
	T=$BATS_TEST_TMPDIR
	cd "$T"
}

teardown() {
	[ -z "${bg_pid:-}" ] || kill "$bg_pid" 2>/dev/null || true
}

# --- port 0 and binding before & ------------------------------------------------

@test "@:0 picks a port and CONCH_PORT holds it" {
	run conch -c 'cat < @:0 & p=$CONCH_PORT; echo hello > @127.0.0.1:$p; wait
case $p in [1-9]*) echo "port ok";; *) echo "port=$p";; esac' 3>&-
	assert_success
	assert_output $'hello\nport ok'
}

@test "CONCH_PORT is the port of the last listener bound" {
	run conch -c 'cat < @:0 & a=$CONCH_PORT; cat < @:0 & b=$CONCH_PORT
[ "$a" != "$b" ] && echo different
echo to-b > @127.0.0.1:$b; wait $!; echo to-a > @127.0.0.1:$a; wait' 3>&-
	assert_success
	assert_output $'different\nto-b\nto-a'
}

@test "a Unix listener leaves CONCH_PORT alone" {
	run conch -c 'CONCH_PORT=unchanged; cat < @:./u.sock & echo "$CONCH_PORT"; echo x > @./u.sock; wait' 3>&-
	assert_success
	assert_output $'unchanged\nx'
}

@test "listening before & never races: 50 rounds in one shell" {
	run conch -c 'i=0 bad=0
while [ $i -lt 50 ]; do
	wc -c < @:0 > f & printf x > @127.0.0.1:$CONCH_PORT; wait
	[ "$(cat f)" = 1 ] || bad=$((bad + 1))
	i=$((i + 1))
done 2>&1
echo "rounds=$i bad=$bad"' 3>&-
	assert_success
	assert_output 'rounds=50 bad=0'
}

@test "a pipeline job is bound before &: srv | filter &" {
	run conch -c 'cat < @:0 | tr a-z A-Z & echo piped > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output PIPED
}

@test "a literal listener deep inside a job is bound before &" {
	run conch -c '{ i=0; while [ $i -lt 2 ]; do cat < @:./deep.sock; i=$((i+1)); done; } &
echo one > @./deep.sock; echo two > @./deep.sock; wait' 3>&-
	assert_success
	assert_output $'one\ntwo'
}

@test "a listener with a variable deep inside a job is bound before &" {
	run conch -c 'p=0; { while :; do read -r l < @:$p || break; echo "got $l"; [ "$l" = q ] && break; done; } &
for w in a b q; do echo $w > @127.0.0.1:$CONCH_PORT; done; wait' 3>&-
	assert_success
	assert_output $'got a\ngot b\ngot q'
}

@test "a job that changes the variable first binds its own address, the other one waits unused" {
	p1=$("$NETPEER" freeport)
	# the job binds $p1 itself, after &: the client retries until it is there
	run timeout 20 "$CONCH" -c "p=0; { p=$p1; cat < @:\$p; } &
until echo late 2>/dev/null > @127.0.0.1:$p1; do :; done; wait" 3>&-
	assert_success
	assert_output late
}

@test "two background jobs of one command accept on the same TCP address" {
	p=$("$NETPEER" freeport)
	run conch -c "for i in 1 2; do cat < @:$p & done; echo x > @127.0.0.1:$p; echo y > @127.0.0.1:$p; wait" 3>&-
	assert_success
	run sort <<< "$output"
	assert_output $'x\ny'
}

@test "two background jobs of one command share a Unix listener; the file goes with the last" {
	run conch -c 'for i in 1 2; do cat < @:./u.sock & done; echo x > @./u.sock; echo y > @./u.sock; wait
[ -e u.sock ] || echo removed' 3>&-
	assert_success
	run sort <<< "$output"
	assert_output $'removed\nx\ny'
}

@test "a Unix listener a job shares is removed when the job ends, within the same line" {
	run conch -c 'cat < @:./u.sock & echo x > @./u.sock; wait; [ -e u.sock ] || echo removed' 3>&-
	assert_success
	assert_output $'x\nremoved'
}

@test "a later job of the line binds the path again once the first job has removed it" {
	run conch -c 'cat < @:./u.sock & echo one > @./u.sock; wait; cat < @:./u.sock & echo two > @./u.sock; wait
[ -e u.sock ] || echo removed' 3>&-
	assert_success
	assert_output $'one\ntwo\nremoved'
}

@test "a foreground command accepts on the Unix listener a job of the line shares" {
	run conch -c 'cat < @:./u.sock > job.out & { echo x > @./u.sock; echo y > @./u.sock; } & cat < @:./u.sock; wait
sort job.out - < /dev/null | wc -l; [ -e u.sock ] || echo removed' 3>&-
	assert_success
	# two clients, two acceptors: one line each
	[ "${lines[0]}" = x ] || [ "${lines[0]}" = y ]
	assert_equal "${lines[1]}" 1
	assert_equal "${lines[2]}" removed
}

@test "the file stays while one of two sharing jobs is killed, and goes with the other" {
	run --separate-stderr conch -c 'cat > a.out < @:./u.sock & a=$!; cat > b.out < @:./u.sock & b=$!
kill -TERM $a; wait $a; echo "a: $?"; [ -S u.sock ] && echo still-there
echo late > @./u.sock; wait $b; cat a.out b.out; [ -e u.sock ] || echo removed' 3>&-
	assert_success
	assert_output $'a: 143\nstill-there\nlate\nremoved'
}

@test "a job on @:\$CONCH_PORT shares the port-0 listener of a job before it" {
	run conch -c 'cat < @:0 & p=$CONCH_PORT; cat < @:$p & [ "$CONCH_PORT" = "$p" ] && echo same
echo x > @127.0.0.1:$p; echo y > @127.0.0.1:$p; wait' 3>&-
	assert_success
	run sort <<< "$output"
	assert_output $'same\nx\ny'
}

@test "a foreground @:\$CONCH_PORT shares a port-0 listener of the line" {
	run conch -c 'cat < @:0 > job.out & p=$CONCH_PORT; echo x > @127.0.0.1:$p & cat < @:$p & echo y > @127.0.0.1:$p; wait; cat job.out' 3>&-
	assert_success
	run sort <<< "$output"
	assert_output $'x\ny'
}

@test "an expanded target on the job's own redirection is bound before &" {
	run conch -c 'a=127.0.0.1; cat < @:"$a":0 & echo expanded > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output expanded
}

@test "& does not block on the accept" {
	run conch -c 'CONCH_ACCEPT_TIMEOUT=1; cat < @:0 & echo "at once"; wait $!; echo "job status $?"' 3>&-
	assert_output "at once
conch: -c:1: @:0: no connection before CONCH_ACCEPT_TIMEOUT
job status 1"
}

# --- server loops -----------------------------------------------------------------

@test "a server loop never refuses: 20 clients back to back" {
	run conch -c 'i=0; while [ $i -lt 20 ]; do cat < @:0 >> got; i=$((i+1)); done &
j=0 fails=0
while [ $j -lt 20 ]; do
	echo "client $j" | "$NETPEER" send -t 5 127.0.0.1:$CONCH_PORT || fails=$((fails+1))
	j=$((j+1))
done
wait; echo "fails=$fails"; wc -l < got; tail -n 1 got' 3>&-
	assert_success
	assert_output $'fails=0\n20\nclient 19'
}

@test "a server loop never refuses: 20 clients at once" {
	run conch -c 'i=0; while [ $i -lt 20 ]; do read l < @:0; echo "$l" >> got; i=$((i+1)); done &
for j in 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19; do
	echo "c$j" | "$NETPEER" send -t 5 127.0.0.1:$CONCH_PORT &
done
wait; sort got | tr "\n" " "' 3>&-
	assert_success
	assert_output "c0 c1 c10 c11 c12 c13 c14 c15 c16 c17 c18 c19 c2 c3 c4 c5 c6 c7 c8 c9 "
}

@test "a foreground server loop on a Unix socket: the listener is kept across iterations" {
	# the clients wait for the socket file, then connect one after another
	( for j in 1 2 3; do
		for k in $(seq 100); do "$NETPEER" send -t 5 ./loop.sock <<< "m$j" 2>/dev/null && break; sleep 0.05; done
	done ) 3>&- &
	bg_pid=$!
	run conch -c 'i=0; while [ $i -lt 3 ]; do read l < @:./loop.sock; echo "got $l"; i=$((i+1)); done
[ -e loop.sock ] && echo still-there || echo removed'
	assert_success
	assert_output $'got m1\ngot m2\ngot m3\nremoved'
}

@test "while read ... done < @:PORT: a listening compound command" {
	run conch -c 'while read l; do echo "line: $l"; done < @:0 & printf "a\nb\nc\n" > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output $'line: a\nline: b\nline: c'
}

@test "an echo server with <> answers each line" {
	run conch -c 'while read l; do echo "re: $l"; done <> @:0 >&0 &
{ echo one >&3; echo two >&3; halfclose 3; cat <&3; } 3<> @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output $'re: one\nre: two'
}

@test "listening in a thread stage of a pipeline" {
	run conch -c '( i=0; until echo up > @./ts.sock; do i=$((i+1)); [ $i -lt 100 ] || exit 1; sleep 0.05; done ) 2>/dev/null &
{ cat < @:./ts.sock; } | tr a-z A-Z; wait' 3>&-
	assert_success
	assert_output UP
}

@test "the listener is closed after the complete command" {
	run conch -c 'cat < @:0 & p=$CONCH_PORT; echo first > @127.0.0.1:$p; wait
echo second > @127.0.0.1:$p; echo "s=$?"' 3>&-
	assert_line --index 0 first
	assert_line --index 1 --regexp '^conch: -c:2: @127\.0\.0\.1:[0-9]+: connection refused$'
	assert_line --index 2 's=1'
}

@test "the same port can be listened on again by the next command" {
	run conch -c 'cat < @:0 & p=$CONCH_PORT; echo a > @127.0.0.1:$p; wait
cat < @:$p & echo b > @127.0.0.1:$p; wait' 3>&-
	assert_success
	assert_output $'a\nb'
}

@test "a child does not inherit the listening socket" {
	base=$("$NETPEER" fds 3>&- | tr '\n' ' ')
	run conch -c '"$NETPEER" fds < @:0 | tr "\n" " " & echo > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output "$base"
}

# --- Unix socket files ---------------------------------------------------------------

@test "a Unix listener is created mode 0600 and removed afterwards" {
	run conch -c 'umask 000; cat < @:./m.sock & stat -c %a m.sock; echo via-unix > @./m.sock; wait
[ -e m.sock ] && echo still-there || echo removed' 3>&-
	assert_success
	assert_output $'600\nvia-unix\nremoved'
}

@test "a Unix listener with an absolute path, read by netpeer" {
	run conch -c 'printf "from conch" > @:"$1"/abs.sock & "$NETPEER" send -t 5 "$1"/abs.sock < /dev/null; echo; wait
[ -e "$1"/abs.sock ] || echo removed' sh "$T" 3>&-
	assert_success
	assert_output $'from conch\nremoved'
}

@test "a stale socket file is replaced" {
	"$NETPEER" listen -t 10 -u ./stale.sock portfile > /dev/null 3>&- &
	"$NETPEER" wait portfile > /dev/null
	kill -9 $! && wait $! || true
	[ -S stale.sock ]
	run conch -c 'cat < @:./stale.sock & echo fresh > @./stale.sock; wait; [ -e stale.sock ] || echo removed' 3>&-
	assert_success
	assert_output $'fresh\nremoved'
}

@test "an existing file that is not a socket is refused and left untouched" {
	echo precious > keep
	mkdir dir
	run conch -c 'touch ran < @:./keep; echo "s=$?"; cat < @:./dir; echo "s=$?"; cat keep'
	assert_output "conch: -c:1: @:./keep: file exists and is not a socket
s=1
conch: -c:1: @:./dir: file exists and is not a socket
s=1
precious"
	[ ! -e ran ]
	[ -d dir ]
}

@test "a Unix socket someone listens on is in use, and stays theirs" {
	# -n 2: conch's check that the socket is live is a connection
	"$NETPEER" listen -t 10 -n 2 -u ./busy.sock portfile > peer.out 3>&- &
	bg_pid=$!
	"$NETPEER" wait portfile > /dev/null
	run conch -c 'cat < @:./busy.sock; echo "s=$?"; echo still-works > @./busy.sock'
	assert_output $'conch: -c:1: @:./busy.sock: address in use\ns=1'
	wait "$bg_pid"
	bg_pid=
	run cat peer.out
	assert_output still-works
}

@test "a Unix listener path too long, and in a missing directory" {
	long=./$(printf 'b%.0s' $(seq 120))
	run conch -c "cat < @:$long; echo \"s=\$?\"; cat < @:./no/such/dir.sock; echo \"s=\$?\""
	assert_output "conch: -c:1: @:$long: path too long
s=1
conch: -c:1: @:./no/such/dir.sock: no such file or directory
s=1"
}

# --- addresses and errors -----------------------------------------------------------

@test "@:127.0.0.1:0 listens on that address" {
	run conch -c 'cat < @:127.0.0.1:0 & echo on-addr > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output on-addr
}

@test "@:*:0 binds every interface" {
	run conch -c 'cat < @:*:0 & echo on-any > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output on-any
}

@test "@:0 listens on ::1 too" {
	[ -e /proc/net/if_inet6 ] && grep -q '^0\{31\}1 ' /proc/net/if_inet6 || skip "no IPv6 loopback (::1) on this machine"
	run conch -c 'cat < @:0 & echo on-v6 > @[::1]:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output on-v6
}

@test "@:0 does not listen beyond loopback" {
	run conch -c 'cat < @:0 & p=$CONCH_PORT; ss -Hltn "sport = :$p" | awk "{print \$4}" | sort; echo x > @127.0.0.1:$p; wait' 3>&-
	command -v ss >/dev/null || skip "no ss (iproute2)"
	assert_success
	refute_output --partial '0.0.0.0'
	refute_output --partial '*:'
	assert_line --index 0 --regexp '^(127\.0\.0\.1:[0-9]+|\[::1\]:[0-9]+)$'
}

@test "address in use" {
	"$NETPEER" listen -t 10 portfile > /dev/null 3>&- &
	bg_pid=$!
	p=$("$NETPEER" wait portfile)
	run conch -c "touch ran < @:$p; echo \"s=\$?\"; cat < @:127.0.0.1:$p; echo \"s=\$?\""
	assert_output "conch: -c:1: @:$p: address in use
s=1
conch: -c:1: @:127.0.0.1:$p: address in use
s=1"
	[ ! -e ran ]
}

@test "address in use before &: the job is not run" {
	"$NETPEER" listen -t 10 portfile > /dev/null 3>&- &
	bg_pid=$!
	p=$("$NETPEER" wait portfile)
	run conch -c "touch ran < @:$p & wait \$!; echo \"s=\$?\"" 3>&-
	assert_output "conch: -c:1: @:$p: address in use
s=1"
	[ ! -e ran ]
}

@test "bad listen addresses: port, host, not a local address" {
	run conch -c 'cat < @:65536; cat < @:x:y:1; cat < @:no-such-host.invalid:0; cat < @:192.0.2.1:0; echo "s=$?"'
	assert_output "conch: -c:1: @:65536: bad port
conch: -c:1: @:x:y:1: bad address (an IPv6 address goes in brackets: [::1]:PORT)
conch: -c:1: @:no-such-host.invalid:0: unknown host
conch: -c:1: @:192.0.2.1:0: address not available
s=1"
}

@test "permission denied: a port below 1024 for an ordinary user" {
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null || skip "root, and no setpriv to drop privileges"
		[ "$(cat /proc/sys/net/ipv4/ip_unprivileged_port_start 2>/dev/null || echo 1024)" -gt 80 ] ||
			skip "unprivileged users may bind low ports here"
		chmod 755 "$T"
		run setpriv --reuid=65534 --regid=65534 --clear-groups "$CONCH" -c 'cat < @:80; echo "s=$?"'
	else
		run conch -c 'cat < @:80; echo "s=$?"'
	fi
	assert_output $'conch: -c:1: @:80: permission denied\ns=1'
}

@test "CONCH_ACCEPT_TIMEOUT: no client in time" {
	SECONDS=0
	run conch -c 'CONCH_ACCEPT_TIMEOUT=0.3; touch ran < @:0; echo "s=$?"'
	assert_output $'conch: -c:1: @:0: no connection before CONCH_ACCEPT_TIMEOUT\ns=1'
	[ "$SECONDS" -lt 3 ]
	[ ! -e ran ]
}

@test "CONCH_ACCEPT_TIMEOUT: a bad value" {
	run conch -c 'CONCH_ACCEPT_TIMEOUT=soon; cat < @:0; echo "s=$?"'
	assert_output $'conch: -c:1: CONCH_ACCEPT_TIMEOUT: not a number of seconds: '"'soon'"$'\ns=1'
}

@test "CONCH_ACCEPT_TIMEOUT: a client in time is served" {
	run conch -c 'CONCH_ACCEPT_TIMEOUT=5; cat < @:0 & echo in-time > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output in-time
}

@test "Ctrl-C ends a foreground accept promptly" {
	SECONDS=0
	run timeout --preserve-status -s INT 1 "$CONCH" -c 'cat < @:0; echo not-here'
	assert_equal "$status" 130
	refute_output --partial not-here
	[ "$SECONDS" -lt 4 ]
}

@test "Ctrl-C ends an accept in a thread stage of a pipeline" {
	SECONDS=0
	run timeout --preserve-status -s INT 1 "$CONCH" -c '{ cat < @:0; } | cat; echo not-here'
	assert_equal "$status" 130
	refute_output --partial not-here
	[ "$SECONDS" -lt 4 ]
}

@test "Ctrl-C ends an accept on a Unix socket; what it leaves is replaced next time" {
	run timeout --preserve-status -s INT 1 "$CONCH" -c 'cat < @:./int.sock; echo not-here'
	assert_equal "$status" 130
	refute_output --partial not-here
	# conch dies of SIGINT (default disposition) and may leave the file
	run conch -c 'cat < @:./int.sock & echo again > @./int.sock; wait; [ -e int.sock ] || echo removed' 3>&-
	assert_success
	assert_output $'again\nremoved'
}

# --- transfers ------------------------------------------------------------------------

@test "64 MiB: conch listener sends to netpeer, byte-identical" {
	head -c 64M /dev/urandom > big
	run conch -c 'cat big > @:0 & "$NETPEER" send -t 20 127.0.0.1:$CONCH_PORT < /dev/null > got; echo "send=$?"; wait; echo "job=$?"' 3>&-
	assert_success
	assert_output $'send=0\njob=0'
	cmp big got
}

@test "64 MiB: netpeer sends to a conch listener, byte-identical" {
	head -c 64M /dev/urandom > big
	run conch -c 'cat < @:0 > got & "$NETPEER" send -t 20 -h 127.0.0.1:$CONCH_PORT < big; echo "send=$?"; wait; echo "job=$?"' 3>&-
	assert_success
	assert_output $'send=0\njob=0'
	cmp big got
}

@test "64 MiB: conch to conch over TCP and over a Unix socket, byte-identical" {
	head -c 64M /dev/urandom > big
	run conch -c 'cat < @:0 > got & cat big > @127.0.0.1:$CONCH_PORT; wait
cat < @:./big.sock > got2 & cat big > @./big.sock; wait' 3>&-
	assert_success
	assert_output ''
	cmp big got
	cmp big got2
}

@test "a builtin reading a listener gets every byte: read loop over 10000 lines" {
	seq 10000 > lines
	run conch -c 'n=0; while read l; do n=$((n+1)); done < @:0 & cat lines > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	run conch -c 'n=0; { while read l; do n=$((n+1)); done; echo $n; } < @:0 & cat lines > @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output 10000
}
