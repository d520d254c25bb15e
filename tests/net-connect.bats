#!/usr/bin/env bats
# net-connect.bats: socket redirections that connect (@HOST:PORT, @[V6]:PORT,
# @PATH): every form, operator and fd number, the quoting rule, every kind of
# stage, halfclose, each error with its message and status, the timeouts,
# set -o nonet, and no fd, zombie or thread left behind by failures.

load helpers/common

setup() {
	: "${NETPEER:?set NETPEER to tests/helpers/netpeer}"
	T=$BATS_TEST_TMPDIR
	cd "$T"
}

# peer ARGS...: starts `netpeer listen ARGS` in the background (without bats'
# fd 3) and sets $port to its port (or Unix path) and $peer_pid.
peer() {
	rm -f "$T/port"
	"$NETPEER" listen -t 10 "$@" "$T/port" > "$T/peer.out" 2> "$T/peer.err" 3>&- &
	peer_pid=$!
	port=$("$NETPEER" wait "$T/port")
}

# peer_got TEXT: the peer ended well and received exactly TEXT.
peer_got() {
	local rc=0
	wait "$peer_pid" || rc=$?
	[ "$rc" -eq 0 ] || fail "netpeer exited $rc: $(cat "$T/peer.err")"
	assert_equal "$(cat "$T/peer.out")" "$1"
}

# hold [-u PATH]: a listener whose backlog is full; sets $port (or the path).
hold() {
	rm -f "$T/hold"
	"$NETPEER" hold -t 8 "$@" "$T/hold" 2>/dev/null 3>&- &
	hold_pid=$!
	port=$("$NETPEER" wait "$T/hold")
}

teardown() {
	[ -z "${hold_pid:-}" ] || kill "$hold_pid" 2>/dev/null || true
}

have_ipv6() {
	[ -e /proc/net/if_inet6 ] && grep -q '^0\{31\}1 ' /proc/net/if_inet6
}

# --- forms ------------------------------------------------------------------

@test "@127.0.0.1:PORT connects over TCP" {
	peer
	run conch -c "echo hello > @127.0.0.1:$port"
	assert_success
	assert_output ''
	peer_got hello
}

@test "@localhost:PORT resolves the name" {
	peer
	run conch -c "echo by-name > @localhost:$port"
	assert_success
	peer_got by-name
}

@test "@[::1]:PORT connects over IPv6" {
	have_ipv6 || skip "no IPv6 loopback (::1) on this machine"
	peer -6
	run conch -c "echo six > @[::1]:$port"
	assert_success
	peer_got six
}

@test "localhost tries every address: a listener on ::1 only is still reached" {
	have_ipv6 || skip "no IPv6 loopback (::1) on this machine"
	getent ahosts localhost | grep -q '^::1 ' || skip "localhost does not resolve to ::1 here"
	peer -6
	run conch -c "echo second-address > @localhost:$port"
	assert_success
	peer_got second-address
}

@test "@PATH connects to a Unix socket" {
	peer -u "$T/s.sock"
	run conch -c "echo unix > @$T/s.sock"
	assert_success
	peer_got unix
}

@test "@./PATH: a relative path with a slash is a Unix socket" {
	peer -u ./rel.sock
	run conch -c 'echo relative > @./rel.sock'
	assert_success
	peer_got relative
}

@test "a service name is a port" {
	grep -qw '^echo' /etc/services 2>/dev/null || skip "no /etc/services entry for echo"
	# port 7 (echo) is closed here: the name must resolve to it, not fail as a bad port
	run conch -c 'echo x > @127.0.0.1:echo'
	assert_failure 1
	assert_output 'conch: -c:1: @127.0.0.1:echo: connection refused'
}

# --- operators and fd numbers -------------------------------------------------

@test "> >> and >| all connect" {
	peer -n 3
	run conch -c "echo a > @127.0.0.1:$port; echo b >> @127.0.0.1:$port; echo c >| @127.0.0.1:$port"
	assert_success
	peer_got $'a\nb\nc'
}

@test "set -C (noclobber) does not stop > to a socket" {
	peer
	run conch -c "set -C; echo clobber > @127.0.0.1:$port"
	assert_success
	peer_got clobber
}

@test "< reads from the socket" {
	run conch -c 'printf "from server\n" > @:0 & cat < @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output 'from server'
}

@test "<> on fd 0 reads and writes the same connection" {
	peer -r REPLY
	run conch -c "{ printf request >&0; halfclose 0; cat; } <> @127.0.0.1:$port"
	assert_success
	assert_output REPLY
	peer_got request
}

@test "2> sends stderr to the socket" {
	peer
	run conch -c "sh -c 'echo out; echo err >&2' 2> @127.0.0.1:$port"
	assert_success
	assert_output out
	peer_got err
}

@test "3> and 7>> connect other fds" {
	peer -n 2
	run conch -c "{ echo three >&3; } 3> @127.0.0.1:$port; { echo seven >&7; } 7>> @127.0.0.1:$port"
	assert_success
	peer_got $'three\nseven'
}

@test "5< reads from the socket on fd 5" {
	run conch -c 'echo line5 > @:0 & read l 5< @127.0.0.1:$CONCH_PORT <&5; echo "got $l"; wait' 3>&-
	assert_success
	assert_output 'got line5'
}

@test "exec 3<> keeps the connection open across commands" {
	peer -r answer
	run conch -c "exec 3<> @127.0.0.1:$port
echo one >&3
echo two >&3
halfclose 3
cat <&3
exec 3>&-
echo
echo closed"
	assert_success
	assert_output $'answer\nclosed'
	peer_got $'one\ntwo'
}

@test "exec 4> to a socket; closing it sends end-of-file" {
	peer
	run conch -c "exec 4> @127.0.0.1:$port; echo kept >&4; exec 4>&-; echo done"
	assert_success
	assert_output done
	peer_got kept
}

# --- the quoting rule ---------------------------------------------------------

@test "'@x' in single quotes is a file" {
	run conch -c "echo sq > '@x:1'; cat '@x:1'"
	assert_success
	assert_output sq
	[ -f '@x:1' ]
}

@test "\"@x\" in double quotes is a file" {
	run conch -c 'echo dq > "@127.0.0.1:1"; cat "@127.0.0.1:1"'
	assert_success
	assert_output dq
	[ -f '@127.0.0.1:1' ]
}

@test "\\@x escaped is a file" {
	run conch -c 'echo esc > \@localhost:1; cat ./@localhost:1'
	assert_success
	assert_output esc
	[ -f '@localhost:1' ]
}

@test "an expansion that yields @... is a file, quoted or not" {
	run conch -c 'v=@127.0.0.1:1; echo q > "$v"; echo u >> $v; cat "$v"'
	assert_success
	assert_output $'q\nu'
	[ -f '@127.0.0.1:1' ]
}

@test "a literal @ after the start of the word is a file" {
	run conch -c 'echo mid > x@127.0.0.1:1; cat x@127.0.0.1:1'
	assert_success
	assert_output mid
}

@test "expansions after the literal @ make a socket: @\"\$host\":\$port" {
	peer -n 4
	run conch -c "host=127.0.0.1 p=$port
echo a > @\"\$host\":\$p
echo b > @\${host}:\$((p + 0))
echo c > @\$(echo 127.0.0.1):\"\$p\"
set -- \$p; echo d > @127.0.0.1:\$1"
	assert_success
	peer_got $'a\nb\nc\nd'
	[ ! -e '@127.0.0.1:'"$port" ]
}

@test "a Unix path from a variable after @" {
	peer -u "$T/v.sock"
	run conch -c 'd=$1; echo via-var > @"$d"/v.sock' sh "$T"
	assert_success
	peer_got via-var
}

# --- every kind of stage ------------------------------------------------------

@test "a builtin (thread stage) writes to a socket" {
	peer
	run conch -c "printf '%s\n' builtin > @127.0.0.1:$port"
	assert_success
	peer_got builtin
}

@test "an external command writes to a socket" {
	peer
	printf 'external\n' > in
	run conch -c "cat in > @127.0.0.1:$port"
	assert_success
	peer_got external
}

@test "an external command reads from a socket" {
	run conch -c 'printf "abc" > @:0 & od -An -c < @127.0.0.1:$CONCH_PORT | tr -d " "; wait' 3>&-
	assert_success
	assert_output abc
}

@test "a compound command { } writes to a socket" {
	peer
	run conch -c "{ echo a; echo b; } > @127.0.0.1:$port"
	assert_success
	peer_got $'a\nb'
}

@test "a for loop writes to a socket" {
	peer
	run conch -c "for i in 1 2 3; do echo \$i; done > @127.0.0.1:$port"
	assert_success
	peer_got $'1\n2\n3'
}

@test "a subshell writes to a socket" {
	peer
	run conch -c "( echo sub; cat /dev/null; echo shell ) > @127.0.0.1:$port"
	assert_success
	peer_got $'sub\nshell'
}

@test "a thread stage in a pipeline writes to a socket" {
	peer
	run conch -c "echo piped | { read v; echo \"got \$v\"; } > @127.0.0.1:$port; echo after"
	assert_success
	assert_output after
	peer_got 'got piped'
}

@test "the middle stage of a pipeline writes to a socket, the last gets nothing" {
	peer
	run conch -c "printf 'x\ny\n' | tr a-z A-Z > @127.0.0.1:$port | wc -c"
	assert_success
	assert_output 0
	peer_got $'X\nY'
}

@test "a background job writes to a socket" {
	peer
	run conch -c "echo background > @127.0.0.1:$port & wait \$!; echo status \$?" 3>&-
	assert_success
	assert_output 'status 0'
	peer_got background
}

@test "a function body redirected to a socket" {
	peer
	run conch -c "f() { echo in-function; }; f > @127.0.0.1:$port"
	assert_success
	peer_got in-function
}

# --- halfclose ----------------------------------------------------------------

@test "halfclose: request, end of input, then the reply (netpeer -r)" {
	peer -r 'the reply'
	run conch -c "{ printf 'the request' >&3; halfclose 3; cat <&3; } 3<> @127.0.0.1:$port"
	assert_success
	assert_output 'the reply'
	peer_got 'the request'
}

@test "halfclose with no operand ends fd 1" {
	peer -r pong
	run conch -c "exec 9>&1; { printf ping; halfclose; cat >&9; } <> @127.0.0.1:$port >&0"
	assert_success
	assert_output pong
	peer_got ping
}

@test "halfclose on a Unix socket" {
	peer -u "$T/h.sock" -r unix-reply
	run conch -c "{ echo unix-request >&3; halfclose 3; cat <&3; } 3<> @$T/h.sock"
	assert_success
	assert_output unix-reply
	peer_got unix-request
}

@test "halfclose flushes what the stage wrote before it" {
	peer -r ok
	run conch -c "{ i=0; while [ \$i -lt 500 ]; do echo line\$i; i=\$((i+1)); done >&3; halfclose 3; cat <&3; } 3<> @127.0.0.1:$port"
	assert_success
	assert_output ok
	wait "$peer_pid"
	run wc -l < "$T/peer.out"
	assert_output 500
	run tail -n 1 "$T/peer.out"
	assert_output line499
}

@test "wc -c server: reads to end-of-file, then replies" {
	run conch -c 'wc -c <> @:0 >&0 &
{ printf abcdef >&3; halfclose 3; cat <&3; } 3<> @127.0.0.1:$CONCH_PORT; wait' 3>&-
	assert_success
	assert_output 6
}

@test "halfclose errors: not a socket, not open, bad number" {
	run conch -c '{ halfclose 1; echo "s=$?"; } | cat'
	assert_output $'conch: -c:1: halfclose: 1: not a socket\ns=1'
	run conch -c 'halfclose 8 8>&-; echo "s=$?"'
	assert_output $'conch: -c:1: halfclose: 8: Bad file descriptor\ns=1'
	run conch -c 'halfclose >&-; echo "s=$?"'
	assert_output $'conch: -c:1: halfclose: 1: Bad file descriptor\ns=1'
	run conch -c 'x=$(halfclose); echo "s=$? x=$x"'
	assert_output $'conch: -c:1: halfclose: 1: not a socket\ns=1 x='
	run conch -c 'halfclose x; echo "s=$?"'
	assert_output $'conch: -c:1: halfclose: x: bad file descriptor number\ns=2'
}

# --- errors -------------------------------------------------------------------

@test "connection refused: message, status 1, command not run" {
	p=$("$NETPEER" freeport)
	run conch -c "touch ran > @127.0.0.1:$p; echo \"s=\$?\""
	assert_output "conch: -c:1: @127.0.0.1:$p: connection refused
s=1"
	[ ! -e ran ]
}

@test "connection refused on a thread stage, a compound and an exec" {
	p=$("$NETPEER" freeport)
	run conch -c "echo x > @127.0.0.1:$p; echo s1=\$?
{ echo x; } > @127.0.0.1:$p; echo s2=\$?
exec 3> @127.0.0.1:$p; echo not-reached"
	# exec is a special builtin: its failed redirection ends the script
	# with status 2, as a missing file does (cmdsubst-confined.bats)
	assert_failure 2
	assert_output "conch: -c:1: @127.0.0.1:$p: connection refused
s1=1
conch: -c:2: @127.0.0.1:$p: connection refused
s2=1
conch: -c:3: @127.0.0.1:$p: connection refused"
}

@test "unknown host" {
	run conch -c 'echo x > @no-such-host.invalid:80; echo "s=$?"'
	assert_output $'conch: -c:1: @no-such-host.invalid:80: unknown host\ns=1'
}

@test "bad port: 0, too big, empty, unknown service" {
	run conch -c 'for p in 0 65536 "" nosuchservice; do echo x > @127.0.0.1:$p; echo "s=$?"; done'
	assert_output "conch: -c:1: @127.0.0.1:0: bad port
s=1
conch: -c:1: @127.0.0.1:65536: bad port
s=1
conch: -c:1: @127.0.0.1:: bad port
s=1
conch: -c:1: @127.0.0.1:nosuchservice: bad port
s=1"
}

@test "bad address: no port, bare IPv6, unclosed bracket, no host" {
	run conch -c 'echo x > @justahost; echo x > @::1:80; echo x > @[::1; echo x > @[::1]80; t=@justahost; echo x > $t'
	assert_output "conch: -c:1: @justahost: bad address (expected HOST:PORT or a path with '/')
conch: -c:1: @::1:80: bad address (an IPv6 address goes in brackets: [::1]:PORT)
conch: -c:1: @[::1: bad address (expected [IPv6]:PORT)
conch: -c:1: @[::1]80: bad address (expected [IPv6]:PORT)"
	# the expansion wrote a file: an expansion is never a socket
	[ -f '@justahost' ]
}

@test "no such file: a Unix path that does not exist" {
	run conch -c 'echo x > @./missing.sock; echo "s=$?"'
	assert_output $'conch: -c:1: @./missing.sock: no such file or directory\ns=1'
	[ ! -e missing.sock ]
}

@test "a Unix path that is a regular file is refused" {
	echo keep > plain
	run conch -c 'echo x > @./plain; echo "s=$?"'
	assert_output $'conch: -c:1: @./plain: connection refused\ns=1'
	run cat plain
	assert_output keep
}

@test "path too long" {
	long=./$(printf 'a%.0s' $(seq 120))
	run conch -c "echo x > @$long; echo \"s=\$?\""
	assert_output "conch: -c:1: @$long: path too long
s=1"
}

@test "permission denied on a Unix socket" {
	peer -u "$T/p.sock"
	chmod 000 "$T/p.sock"
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null || skip "root, and no setpriv to drop privileges"
		chmod 755 "$T"
		run setpriv --reuid=65534 --regid=65534 --clear-groups "$CONCH" -c "echo x > @$T/p.sock; echo \"s=\$?\""
	else
		run conch -c "echo x > @$T/p.sock; echo \"s=\$?\""
	fi
	assert_output "conch: -c:1: @$T/p.sock: permission denied
s=1"
	kill "$peer_pid"
}

# --- timeouts -----------------------------------------------------------------

@test "CONCH_CONNECT_TIMEOUT: a full backlog times out" {
	hold
	SECONDS=0
	run conch -c "CONCH_CONNECT_TIMEOUT=0.5; touch ran > @127.0.0.1:$port; echo \"s=\$?\""
	assert_output "conch: -c:1: @127.0.0.1:$port: timed out
s=1"
	[ "$SECONDS" -lt 4 ]
	[ ! -e ran ]
}

@test "CONCH_CONNECT_TIMEOUT: a Unix socket with a full backlog times out" {
	hold -u "$T/full.sock"
	run timeout 5 "$CONCH" -c "CONCH_CONNECT_TIMEOUT=0.5; touch ran > @$T/full.sock; echo \"s=\$?\""
	assert_output "conch: -c:1: @$T/full.sock: timed out
s=1"
	[ ! -e ran ]
}

@test "CONCH_CONNECT_TIMEOUT exported in the environment is used" {
	hold
	SECONDS=0
	CONCH_CONNECT_TIMEOUT=0.3 run conch -c "echo x > @127.0.0.1:$port"
	assert_failure 1
	assert_output "conch: -c:1: @127.0.0.1:$port: timed out"
	[ "$SECONDS" -lt 4 ]
}

@test "CONCH_CONNECT_TIMEOUT: bad values are refused, empty is the default" {
	peer
	run conch -c 'for v in abc 0 -1 1s; do CONCH_CONNECT_TIMEOUT=$v; touch ran > @127.0.0.1:1; echo "s=$?"; done'
	assert_output "conch: -c:1: CONCH_CONNECT_TIMEOUT: not a number of seconds: 'abc'
s=1
conch: -c:1: CONCH_CONNECT_TIMEOUT: not a number of seconds: '0'
s=1
conch: -c:1: CONCH_CONNECT_TIMEOUT: not a number of seconds: '-1'
s=1
conch: -c:1: CONCH_CONNECT_TIMEOUT: not a number of seconds: '1s'
s=1"
	[ ! -e ran ]
	run conch -c "CONCH_CONNECT_TIMEOUT=; echo fine > @127.0.0.1:$port"
	assert_success
	peer_got fine
}

@test "Ctrl-C ends a TCP connect that is waiting" {
	hold
	SECONDS=0
	run timeout --preserve-status -s INT 1 "$CONCH" -c "CONCH_CONNECT_TIMEOUT=30; echo x > @127.0.0.1:$port; echo not-here"
	assert_equal "$status" 130
	refute_output --partial not-here
	[ "$SECONDS" -lt 4 ]
}

@test "Ctrl-C ends a Unix connect that is waiting on a full backlog" {
	hold -u "$T/full.sock"
	SECONDS=0
	run timeout --preserve-status -s INT 1 "$CONCH" -c "CONCH_CONNECT_TIMEOUT=30; echo x > @$T/full.sock; echo not-here"
	assert_equal "$status" 130
	refute_output --partial not-here
	[ "$SECONDS" -lt 4 ]
}

# --- set -o nonet -------------------------------------------------------------

@test "set -o nonet refuses socket redirections, set +o nonet allows them again" {
	peer
	run conch -c "set -o nonet; touch ran > @127.0.0.1:$port; echo \"s=\$?\"
cat < @:0; echo \"s=\$?\"
echo file > '@still-a-file'; cat '@still-a-file'
set +o nonet; echo allowed > @127.0.0.1:$port"
	assert_success
	assert_output "conch: -c:1: @127.0.0.1:$port: socket redirections are off (set -o nonet)
s=1
conch: -c:2: @:0: socket redirections are off (set -o nonet)
s=1
file"
	[ ! -e ran ]
	peer_got allowed
}

@test "set -o nonet is shown by set -o" {
	run conch -c 'set -o nonet; set -o | grep nonet; set +o nonet; set -o | grep nonet'
	assert_success
	assert_line --index 0 --regexp '^nonet[[:space:]]+on$'
	assert_line --index 1 --regexp '^nonet[[:space:]]+off$'
}

# --- no leak ------------------------------------------------------------------

@test "1000 failed connects leave no fd, zombie or thread behind" {
	p=$("$NETPEER" freeport)
	run conch -c "
		# the fd lists are taken by the shell's own pathname expansion: a
		# command started to look (ls) can read the list while the shell
		# still holds that command's redirection and exec-error pipe
		threads() { grep '^Threads:' /proc/\$\$/status; }
		# a warm-up pipeline first: sanitizers start a thread of their own on first use
		{ echo x; } 2>/dev/null > @127.0.0.1:$p | cat
		set -- /proc/\$\$/fd/*; a=\$#; t=\$(threads)
		i=0
		while [ \$i -lt 250 ]; do
			echo x > @127.0.0.1:$p
			true > @127.0.0.1:$p
			{ echo x; } > @127.0.0.1:$p | cat
			( echo x ) > @./nope.sock
			i=\$((i + 1))
		done 2>/dev/null
		set -- /proc/\$\$/fd/*; b=\$#
		[ \"\$a\" = \"\$b\" ] && echo fds-same || echo \"fds \$a -> \$b\"
		[ \"\$t\" = \"\$(threads)\" ] && echo threads-same || echo \"threads \$t -> \$(threads)\"
		z=\$(ps -o stat= --ppid \$\$ | grep -c Z); echo zombies=\$z"
	assert_success
	assert_output $'fds-same\nthreads-same\nzombies=0'
}

@test "a child sees only 0, 1, 2 and what was redirected to sockets" {
	base=$("$NETPEER" fds)
	peer -n 2
	run conch -c '"$NETPEER" fds 5> @127.0.0.1:'"$port"'; "$NETPEER" fds > @127.0.0.1:'"$port"
	assert_success
	assert_output "$(printf '%s\n' $base 5 | sort -n)"
	peer_got "$base"
}
