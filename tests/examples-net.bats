#!/usr/bin/env bats
# examples-net.bats: the socket examples examples/net-*.sh, against netpeer and each other
#
# Servers run in the background with their stderr in a file; they say where
# they listen on its first line, which `netpeer wait` waits for (no sleep).
# Background processes get `3>&-`, so that bats' fd 3 is not held open.
# Every command that talks over a socket runs under `timeout 20`; netpeer
# has its own limit (-t).  The last test checks that every example has tests.

load 'helpers/common'
bats_require_minimum_version 1.5.0

EX="$BATS_TEST_DIRNAME/../examples"

setup() {
	is_conch || skip "socket redirections are conch's"
	: "${NETPEER:?set NETPEER to tests/helpers/netpeer}"
	cd "$BATS_TEST_TMPDIR"
	export LC_ALL=C
}

# ex NAME [ARGS...]: runs examples/NAME.sh under conch, for 20 s at most
ex() {
	local name=$1
	shift
	timeout 20 "$CONCH" "$EX/$name.sh" "$@"
}

# np ARGS...: netpeer, with a 15 s limit on every wait
np() {
	local cmd=$1
	shift
	timeout 20 "$NETPEER" "$cmd" -t 15 "$@"
}

# server NAME ARGS...: starts examples/NAME.sh in the background, stdout in
# NAME.out, stderr in NAME.err; its pid goes in $server_pid
server() {
	local name=$1
	shift
	ex "$name" "$@" > "$name.out" 2> "$name.err" 3>&- &
	server_pid=$!
}

# port_of FILE: waits for the "listening on port N" line in FILE, prints N
port_of() {
	np wait "$1" | sed -n '1s/.*listening on port \([0-9][0-9]*\)$/\1/p'
}

# finish: waits for the server started last, fails if it failed
finish() {
	wait "$server_pid" || { echo "server exited $?: $(cat ./*.err)" >&2; return 1; }
}

# no_peer NAME ARGS...: runs examples/NAME.sh with CONCH_ACCEPT_TIMEOUT=1
# and nobody coming; checks that it failed with conch's message, status 1,
# in well under the 30 s of the safety net
no_peer() {
	local name=$1
	shift
	SECONDS=0
	run --separate-stderr env CONCH_ACCEPT_TIMEOUT=1 timeout 30 "$CONCH" "$EX/$name.sh" "$@"
	[ "$status" -eq 1 ]
	[ "$SECONDS" -lt 10 ]
	[[ $stderr == *"conch: $EX/$name.sh:"*": no connection before CONCH_ACCEPT_TIMEOUT"* ]]
}

# digest FILE: "SHA256 SIZE", as net-sendfile.sh prints it
digest() {
	echo "$(sha256sum < "$1" | cut -d' ' -f1) $(wc -c < "$1")"
}

# --- net-sendfile.sh ---------------------------------------------------------

@test "net-sendfile: 192 KiB over TCP on port 0, the same digest printed on both sides" {
	head -c 196608 /dev/urandom > data
	server net-sendfile recv 0 got
	port=$(port_of net-sendfile.err)
	[ -n "$port" ]
	run ex net-sendfile send "127.0.0.1:$port" data
	assert_success
	assert_output "$(digest data)"
	finish
	cmp data got
	[ "$(cat net-sendfile.out)" = "$(digest data)" ]
	[ "$(cat net-sendfile.err)" = "net-sendfile.sh: listening on port $port" ]
}

@test "net-sendfile: over a Unix socket, which is gone afterwards" {
	head -c 100000 /dev/urandom > data
	server net-sendfile recv "$PWD/s.sock" got
	np wait net-sendfile.err
	[ -S s.sock ]
	run ex net-sendfile send "$PWD/s.sock" data
	assert_success
	assert_output "$(digest data)"
	finish
	cmp data got
	[ ! -e s.sock ]
}

@test "net-sendfile: recv answers the digest to any sender (netpeer)" {
	seq 20000 > data    # 108894 bytes
	server net-sendfile recv 0 got
	port=$(port_of net-sendfile.err)
	run np send "127.0.0.1:$port" < data
	assert_success
	assert_output "$(digest data)"
	finish
	cmp data got
}

@test "net-sendfile: send sees a wrong digest from the receiver (netpeer): status 1" {
	printf 'hello\n' > data
	np listen -r $'0000 6\n' portfile > received 3>&- &
	peer=$!
	port=$(np wait portfile)
	run --separate-stderr ex net-sendfile send "127.0.0.1:$port" data
	[ "$status" -eq 1 ]
	[ "$output" = "$(digest data)" ]
	[ "$stderr" = 'net-sendfile.sh: the receiver got 0000 6' ]
	wait "$peer"
	cmp data received
}

@test "net-sendfile: nobody listening: conch's message, status 1" {
	printf 'x\n' > data
	port=$("$NETPEER" freeport)
	run --separate-stderr ex net-sendfile send "127.0.0.1:$port" data
	[ "$status" -eq 1 ]
	[ "$output" = '' ]
	[[ $stderr == *"@127.0.0.1:$port: connection refused"* ]]
	[[ $stderr == *'net-sendfile.sh: 127.0.0.1:'"$port"': no answer from the receiver' ]]
}

@test "net-sendfile: recv with no sender gives up after CONCH_ACCEPT_TIMEOUT: status 1" {
	no_peer net-sendfile recv 0 got
	[ "$output" = '' ]
	[[ ${stderr%%$'\n'*} =~ ^net-sendfile.sh:\ listening\ on\ port\ [0-9]+$ ]]
	[[ $stderr == *': @:0: no connection before CONCH_ACCEPT_TIMEOUT' ]]
	[ ! -e got ]
}

@test "net-sendfile: usage errors, status 2; a missing file, status 1" {
	run --separate-stderr ex net-sendfile push x y
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = 'usage: net-sendfile.sh recv PORT|ADDR:PORT|PATH OUT' ]
	run --separate-stderr ex net-sendfile send 127.0.0.1:1 nofile
	[ "$status" -eq 1 ]
	[ "$stderr" = 'net-sendfile.sh: nofile: not a readable file' ]
}

# --- net-echo.sh -------------------------------------------------------------

@test "net-echo: three clients connecting at once are all served, one after another" {
	server net-echo -n 3 0
	port=$(port_of net-echo.err)
	[ -n "$port" ]
	clients=
	for i in 1 2 3; do
		printf 'hello %s\nbye %s\n' $i $i | np send "127.0.0.1:$port" > "client$i" 3>&- &
		clients="$clients $!"
	done
	wait $clients
	finish
	for i in 1 2 3; do
		[ "$(cat "client$i")" = "hello $i"$'\n'"bye $i" ]
	done
	sed 1d net-echo.err | sort > log
	[ "$(cat log)" = $'net-echo.sh: client 1: 2 line(s)\nnet-echo.sh: client 2: 2 line(s)\nnet-echo.sh: client 3: 2 line(s)' ]
}

@test "net-echo: a line comes back before the next is sent; quit ends the session" {
	server net-echo -n 1 0
	port=$(port_of net-echo.err)
	# A conch client that waits for each echo before writing on.
	run timeout 20 "$CONCH" -c '
		{
			echo one; IFS= read -r a
			echo two; IFS= read -r b
			echo quit; cat
		} <> @127.0.0.1:$1 >&0
		echo "got [$a] [$b]"' sh "$port"
	assert_success
	assert_output 'got [one] [two]'
	finish
	[ "$(sed 1d net-echo.err)" = 'net-echo.sh: client 1: 2 line(s)' ]
}

@test "net-echo: on a Unix socket; an empty session" {
	server net-echo -n 2 "$PWD/echo.sock"
	[ "$(np wait net-echo.err)" = "net-echo.sh: listening on $PWD/echo.sock" ]
	run np send "$PWD/echo.sock" <<< 'over unix'
	assert_success
	assert_output 'over unix'
	run np send "$PWD/echo.sock" < /dev/null
	assert_success
	assert_output ''
	finish
	[ ! -e echo.sock ]
}

@test "net-echo: nobody comes: gives up after CONCH_ACCEPT_TIMEOUT, status 1" {
	no_peer net-echo "$PWD/e.sock"
	[ "$output" = '' ]
	assert_equal "$stderr" "net-echo.sh: listening on $PWD/e.sock"$'\n'"conch: $EX/net-echo.sh:65: @:$PWD/e.sock: no connection before CONCH_ACCEPT_TIMEOUT"
	[ ! -e e.sock ]
}

@test "net-echo: bad arguments, status 2" {
	run --separate-stderr ex net-echo -n x
	[ "$status" -eq 2 ]
	[ "$stderr" = 'net-echo.sh: -n: not a number: x' ]
	run --separate-stderr ex net-echo '1;rm'
	[ "$status" -eq 2 ]
	[ "$stderr" = 'net-echo.sh: 1;rm: not a port, address or path' ]
	run --separate-stderr ex net-echo 1 2
	[ "$status" -eq 2 ]
	[ "$stderr" = 'usage: net-echo.sh [-n COUNT] [PORT|ADDR:PORT|PATH]' ]
}

# --- net-fanin.sh ------------------------------------------------------------

@test "net-fanin: the lines of three writers, tagged, each writer's lines together" {
	run ex net-fanin 'echo one; echo two' 'seq 3' 'printf "no newline"'
	assert_success
	# Writers reach the collector in any order; sort by tag only (stable).
	sort -s -n -k1,1 <<< "$output" > sorted
	assert_equal "$(cat sorted)" $'1| one\n1| two\n2| 1\n2| 2\n2| 3\n3| no newline'
	# Each writer's lines are not interleaved with another's.
	[ "$(cut -d'|' -f1 <<< "$output" | uniq | wc -l)" -eq 3 ]
}

@test "net-fanin: errors are collected too; the status counts the failed writers" {
	run ex net-fanin 'echo fine' 'echo bad >&2; exit 3' 'false'
	[ "$status" -eq 2 ]
	sort -s -n -k1,1 <<< "$output" > sorted
	assert_equal "$(cat sorted)" $'1| fine\n2| bad'
}

@test "net-fanin: a writer far beyond the socket buffers, with others waiting their turn" {
	run ex net-fanin 'seq 200000' 'echo small' 'seq 5 | sed s/^/x/'
	assert_success
	[ "$(grep -c '^1| ' <<< "$output")" -eq 200000 ]
	[ "$(grep '^1| ' <<< "$output" | cut -c4- | sha256sum)" = "$(seq 200000 | sha256sum)" ]
	[ "$(grep -v '^1| ' <<< "$output" | sort)" = $'2| small\n3| x1\n3| x2\n3| x3\n3| x4\n3| x5' ]
}

@test "net-fanin: through a Unix socket, which is gone afterwards" {
	run ex net-fanin -p "$PWD/fan.sock" 'echo a' 'echo b'
	assert_success
	[ "$(sort <<< "$output")" = $'1| a\n2| b' ]
	[ ! -e fan.sock ]
}

@test "net-fanin: the collector cannot listen: conch's message, every writer fails, no wait" {
	touch plain
	SECONDS=0
	run --separate-stderr timeout 30 "$CONCH" "$EX/net-fanin.sh" -p "$PWD/plain" 'echo a' 'echo b'
	[ "$status" -eq 2 ]
	[ "$SECONDS" -lt 10 ]
	[ "$output" = '' ]
	[ "$(grep -c "^conch: $EX/net-fanin.sh:[0-9]*: @:$PWD/plain: file exists and is not a socket\$" <<< "$stderr")" -eq 1 ]
	[ "$(wc -l <<< "$stderr")" -eq 3 ]
	[ "$(grep -c ": @$PWD/plain: connection refused\$" <<< "$stderr")" -eq 2 ]
	[ -f plain ]
}

@test "net-fanin: bad arguments, status 2" {
	run --separate-stderr ex net-fanin
	[ "$status" -eq 2 ]
	[ "$stderr" = 'usage: net-fanin.sh [-p PORT|PATH] COMMAND...' ]
	run --separate-stderr ex net-fanin -p 'x y' true
	[ "$status" -eq 2 ]
	[ "$stderr" = 'net-fanin.sh: -p: not a port or a path' ]
}

# --- net-http.sh -------------------------------------------------------------

# get PORT|PATH REQUEST...: sends the lines REQUEST, each ended by CR LF, then
# an empty line, and prints the reply with its CRs shown as \r
get() {
	local to=$1
	shift
	case $to in */*) ;; *) to=127.0.0.1:$to ;; esac
	{ printf '%s\r\n' "$@"; printf '\r\n'; } | np send "$to" | sed 's/\r/\\r/g'
}

@test "net-http: the fixed page, byte for byte, with its Content-Length" {
	server net-http -n 2 -p 0
	port=$(port_of net-http.err)
	[ -n "$port" ]
	# Content-Length is the size of what follows the headers.
	printf 'GET /x HTTP/1.0\r\n\r\n' | np send "127.0.0.1:$port" > reply
	sed -n '1,/^\r$/p' reply > headers
	[ "$(($(wc -c < reply) - $(wc -c < headers)))" -eq 153 ]
	run get "$port" 'GET / HTTP/1.1' 'Host: localhost' 'Accept: */*'
	assert_success
	assert_output - <<'OUT'
HTTP/1.0 200 OK\r
Server: conch net-http.sh\r
Content-Type: text/html; charset=utf-8\r
Content-Length: 153\r
Connection: close\r
\r
<!DOCTYPE html>
<html><head><title>conch</title></head>
<body><h1>Hello from conch</h1><p>This page came through a socket redirection.</p></body></html>
OUT
	finish
	assert_equal "$(sed 1d net-http.err)" $'net-http.sh: GET /x 200 153\nnet-http.sh: GET / 200 153'
}

@test "net-http: files of a directory: a 256 KiB file by checksum, index.html, HEAD" {
	mkdir -p www/docs
	head -c 262144 /dev/urandom > www/blob.bin
	printf '<p>docs</p>\n' > www/docs/index.html
	server net-http -n 3 -p 0 www
	port=$(port_of net-http.err)
	printf 'GET /blob.bin?v=1 HTTP/1.0\r\n\r\n' | np send "127.0.0.1:$port" > reply
	# The headers end at the first empty line; the body is the file.
	sed -n '1,/^\r$/p' reply > headers
	assert_equal "$(tr -d '\r' < headers)" $'HTTP/1.0 200 OK\nServer: conch net-http.sh\nContent-Type: application/octet-stream\nContent-Length: 262144\nConnection: close'
	tail -c +$(($(wc -c < headers) + 1)) reply | cmp - www/blob.bin
	run get "$port" 'GET /docs/ HTTP/1.0'
	assert_output - <<'OUT'
HTTP/1.0 200 OK\r
Server: conch net-http.sh\r
Content-Type: text/html; charset=utf-8\r
Content-Length: 12\r
Connection: close\r
\r
<p>docs</p>
OUT
	run get "$port" 'HEAD /docs/index.html HTTP/1.0'
	assert_output - <<'OUT'
HTTP/1.0 200 OK\r
Server: conch net-http.sh\r
Content-Type: text/html; charset=utf-8\r
Content-Length: 12\r
Connection: close\r
\r
OUT
	finish
	assert_equal "$(sed 1d net-http.err)" $'net-http.sh: GET /blob.bin?v=1 200 262144\nnet-http.sh: GET /docs/ 200 12\nnet-http.sh: HEAD /docs/index.html 200 12'
}

@test "net-http: 404, 403 for .., 501 for POST, 400 for nonsense" {
	mkdir www
	server net-http -n 4 -p 0 www
	port=$(port_of net-http.err)
	run get "$port" 'GET /nothing HTTP/1.0'
	assert_output $'HTTP/1.0 404 Not Found\\r\nServer: conch net-http.sh\\r\nContent-Type: text/plain\\r\nContent-Length: 14\\r\nConnection: close\\r\n\\r\n404 Not Found'
	run get "$port" 'GET /a/../../etc/passwd HTTP/1.0'
	assert_line --index 0 'HTTP/1.0 403 Forbidden\r'
	assert_line --index 6 '403 Forbidden'
	run get "$port" 'POST / HTTP/1.0' 'Content-Length: 0'
	assert_line --index 0 'HTTP/1.0 501 Not Implemented\r'
	run get "$port" 'hello there'
	assert_line --index 0 'HTTP/1.0 400 Bad Request\r'
	finish
	assert_equal "$(sed 1d net-http.err)" $'net-http.sh: GET /nothing 404 14\nnet-http.sh: GET /a/../../etc/passwd 403 14\nnet-http.sh: POST / 501 20\nnet-http.sh: hello there 400 16'
}

@test "net-http: requests queued while one is served are answered in turn" {
	server net-http -n 3 -p 0
	port=$(port_of net-http.err)
	clients=
	for i in 1 2 3; do
		printf 'GET /%s HTTP/1.0\r\n\r\n' $i | np send "127.0.0.1:$port" > "reply$i" 3>&- &
		clients="$clients $!"
	done
	wait $clients
	finish
	for i in 1 2 3; do
		[ "$(head -n 1 "reply$i")" = $'HTTP/1.0 200 OK\r' ]
	done
	[ "$(sed 1d net-http.err | sort)" = $'net-http.sh: GET /1 200 153\nnet-http.sh: GET /2 200 153\nnet-http.sh: GET /3 200 153' ]
}

@test "net-http: no request comes: gives up after CONCH_ACCEPT_TIMEOUT, status 1" {
	no_peer net-http -p 0
	[ "$output" = '' ]
	[[ ${stderr%%$'\n'*} =~ ^net-http.sh:\ listening\ on\ port\ [0-9]+$ ]]
	[[ $stderr == *': @:0: no connection before CONCH_ACCEPT_TIMEOUT' ]]
}

@test "net-http: bad arguments, status 2; DIR must exist, status 1" {
	run --separate-stderr ex net-http -n 2x
	[ "$status" -eq 2 ]
	[ "$stderr" = 'net-http.sh: -n: not a number: 2x' ]
	run --separate-stderr ex net-http -p '$(id)'
	[ "$status" -eq 2 ]
	[ "$stderr" = 'net-http.sh: $(id): not a port, address or path' ]
	run --separate-stderr ex net-http -p 0 nodir
	[ "$status" -eq 1 ]
	[ "$stderr" = 'net-http.sh: nodir: not a directory' ]
}

# --- net-unixclient.sh -------------------------------------------------------

# unix_service PATH REPLY: a one-request conch service on the Unix socket
# PATH: it keeps the request, up to its empty line, in the file `request`,
# then sends REPLY (a printf format); its pid goes in $svc
unix_service() {
	timeout 20 "$CONCH" -c '
		service() {
			cr=$(printf "\r")
			while IFS= read -r l; do
				printf "%s\n" "$l"
				[ "$l" = "$cr" ] && break
			done > request
			printf "$1" >&0
		}
		service "$2" <> @:"$1" &
		echo ready > ready
		wait' sh "$1" "$2" > service.out 2>&1 3>&- &
	svc=$!
	np wait ready > /dev/null
}

@test "net-unixclient: the request it sends, and the body of the reply" {
	unix_service "$PWD/svc.sock" 'HTTP/1.0 200 OK\r\nContent-Length: 6\r\n\r\nhello\n'
	run ex net-unixclient "$PWD/svc.sock" /status
	assert_success
	assert_output 'hello'
	wait "$svc"
	[ ! -s service.out ]
	assert_equal "$(tr -d '\r' < request)" $'GET /status HTTP/1.0\nHost: localhost\nUser-Agent: net-unixclient.sh'
	[ "$(head -n 1 request)" = $'GET /status HTTP/1.0\r' ]
	[ ! -e svc.sock ]
}

@test "net-unixclient: talks to net-http.sh on a Unix socket: -i, a 300 KB file, 404" {
	mkdir www
	printf 'hi\n' > www/a.txt
	head -c 300000 /dev/urandom > www/big
	server net-http -n 3 -p "$PWD/http.sock" www
	np wait net-http.err
	run ex net-unixclient -i http.sock a.txt
	assert_success
	assert_output $'HTTP/1.0 200 OK\nServer: conch net-http.sh\nContent-Type: text/plain; charset=utf-8\nContent-Length: 3\nConnection: close\n\nhi'
	ex net-unixclient "$PWD/http.sock" /big > got
	cmp got www/big
	run --separate-stderr ex net-unixclient ./http.sock /missing
	[ "$status" -eq 1 ]
	[ "$output" = '404 Not Found' ]
	[ "$stderr" = 'net-unixclient.sh: ./http.sock /missing: 404 Not Found' ]
	finish
	[ ! -e http.sock ]
}

@test "net-unixclient: -X, and a server error: status 1" {
	unix_service "$PWD/svc.sock" 'HTTP/1.1 503 Service Unavailable\r\n\r\n'
	run --separate-stderr ex net-unixclient -X DELETE svc.sock /item/3
	[ "$status" -eq 1 ]
	[ "$output" = '' ]
	[ "$stderr" = 'net-unixclient.sh: ./svc.sock /item/3: 503 Service Unavailable' ]
	wait "$svc"
	[ "$(head -n 1 request)" = $'DELETE /item/3 HTTP/1.0\r' ]
}

@test "net-unixclient: not a socket, no reply, not HTTP: status 1" {
	touch plain
	run --separate-stderr ex net-unixclient plain
	[ "$status" -eq 1 ]
	[ "$stderr" = 'net-unixclient.sh: ./plain: not a socket' ]
	# netpeer reads for a second, then gives up and closes: no reply.
	timeout 20 "$NETPEER" listen -t 1 -u "$PWD/mute.sock" portfile > /dev/null 2>&1 3>&- &
	np wait portfile > /dev/null
	run --separate-stderr ex net-unixclient mute.sock
	[ "$status" -eq 1 ]
	[ "$stderr" = 'net-unixclient.sh: ./mute.sock: no reply' ]
	unix_service "$PWD/svc.sock" 'SSH-2.0-OpenSSH_9.2\r\n'
	run --separate-stderr ex net-unixclient svc.sock
	[ "$status" -eq 1 ]
	[ "$stderr" = 'net-unixclient.sh: ./svc.sock: not an HTTP reply: SSH-2.0-OpenSSH_9.2' ]
	wait "$svc"
}

# --- net-chat.sh -------------------------------------------------------------

@test "net-chat: two clients through the relay, each sees the other's lines and departure" {
	server net-chat relay -t 15 0
	port=$(port_of net-chat.err)
	[ -n "$port" ]
	printf 'hi bob\nbye\n' | ex net-chat join "127.0.0.1:$port" alice > alice 3>&- &
	a=$!
	# bob joins second: alice is being greeted meanwhile, bob waits in the queue
	printf 'hello alice\nno newline' | ex net-chat join "127.0.0.1:$port" bob > bob 3>&- &
	b=$!
	wait "$a"
	wait "$b"
	finish
	# Who connected first decides only the relay's log, never what each sees.
	assert_equal "$(cat alice)" $'*** bob is here\nbob: hello alice\nbob: no newline\n*** bob left'
	assert_equal "$(cat bob)" $'*** alice is here\nalice: hi bob\nalice: bye\n*** alice left'
	assert_equal "$(sed -e 1d -e 's/alice\|bob/X/' net-chat.err)" $'net-chat.sh: X joined\nnet-chat.sh: X joined\nnet-chat.sh: both left'
}

@test "net-chat: a client keeps sending after the other has left; over a Unix socket" {
	server net-chat relay -t 15 "$PWD/chat.sock"
	[ "$(np wait net-chat.err)" = "net-chat.sh: listening on $PWD/chat.sock" ]
	ex net-chat join "$PWD/chat.sock" quiet < /dev/null > quiet 3>&- &
	q=$!
	# quiet sends nothing and leaves at once; talker's line still reaches it.
	run ex net-chat join "$PWD/chat.sock" talker <<< 'anyone?'
	assert_success
	assert_output $'*** quiet is here\n*** quiet left'
	wait "$q"
	finish
	assert_equal "$(cat quiet)" $'*** talker is here\ntalker: anyone?\n*** talker left'
	[ ! -e chat.sock ]
}

@test "net-chat: a relay nobody joins gives up after -t seconds: conch's message, status 1" {
	SECONDS=0
	run --separate-stderr timeout 30 "$CONCH" "$EX/net-chat.sh" relay -t 1 0
	[ "$status" -eq 1 ]
	[ "$SECONDS" -lt 10 ]
	[ "$output" = '' ]
	[[ ${stderr%%$'\n'*} =~ ^net-chat.sh:\ listening\ on\ port\ [0-9]+$ ]]
	[[ $stderr == *$'\n'"conch: $EX/net-chat.sh:"*': @:0: no connection before CONCH_ACCEPT_TIMEOUT' ]]
}

@test "net-chat: one client, and the second never comes: status 1, the first told by end of file" {
	server net-chat relay -t 1 0
	port=$(port_of net-chat.err)
	run ex net-chat join "127.0.0.1:$port" alone < /dev/null
	assert_success
	assert_output ''
	# not `run wait`: run's subshell can only see a server that has
	# already been reaped, which the client's end of file does not ensure
	local st=0
	wait "$server_pid" || st=$?
	[ "$st" -eq 1 ]
	grep -q 'no connection before CONCH_ACCEPT_TIMEOUT' net-chat.err
}

@test "net-chat: join with no relay: connection refused, status 1" {
	port=$("$NETPEER" freeport)
	SECONDS=0
	run --separate-stderr timeout 30 "$CONCH" "$EX/net-chat.sh" join "127.0.0.1:$port" me < /dev/null
	[ "$status" -eq 1 ]
	[ "$SECONDS" -lt 10 ]
	[ "$output" = '' ]
	[[ $stderr == "conch: $EX/net-chat.sh:"*": @127.0.0.1:$port: connection refused" ]]
}

@test "net-chat: usage errors, status 2" {
	run --separate-stderr ex net-chat talk
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = 'usage: net-chat.sh relay [-t SECS] PORT|ADDR:PORT|PATH' ]
	run --separate-stderr ex net-chat relay 'a b'
	[ "$status" -eq 2 ]
	[ "$stderr" = 'net-chat.sh: a b: not a port, address or path' ]
}

@test "net-unixclient: a server that accepts and never answers: given up after -t, status 1" {
	timeout 20 "$NETPEER" listen -t 10 -u "$PWD/mute.sock" portfile > /dev/null 2>&1 3>&- &
	peer=$!
	np wait portfile > /dev/null
	SECONDS=0
	run --separate-stderr timeout 30 "$CONCH" "$EX/net-unixclient.sh" -t 1 mute.sock
	[ "$status" -eq 1 ]
	[ "$SECONDS" -lt 5 ]
	[ "$output" = '' ]
	[ "$stderr" = 'net-unixclient.sh: ./mute.sock: no reply' ]
	kill "$peer" 2> /dev/null || :
	wait "$peer" || :
}

@test "net-unixclient: a stale socket file that nothing listens on: connection refused, status 1" {
	timeout 20 "$NETPEER" listen -t 5 -u "$PWD/gone.sock" portfile > /dev/null 2>&1 3>&- &
	peer=$!
	np wait portfile > /dev/null
	# A copy of a socket file is a socket file that nothing is bound to.
	cp -a gone.sock stale.sock 2> /dev/null || skip "cannot copy a socket file"
	kill "$peer" 2> /dev/null || :
	wait "$peer" || :
	[ -S stale.sock ]
	run --separate-stderr timeout 30 "$CONCH" "$EX/net-unixclient.sh" stale.sock
	[ "$status" -eq 1 ]
	[[ $stderr == "conch: $EX/net-unixclient.sh:"*": @./stale.sock: connection refused" ]]
}

# --- net-copytree.sh ---------------------------------------------------------

# tree: a small tree in ./src: a binary file, a nested one, an empty directory
tree() {
	mkdir -p src/a/b src/empty
	seq 1000 > src/a/one
	head -c 70000 /dev/urandom > src/a/b/blob
	printf 'top\n' > src/top
}

@test "net-copytree: a tree over TCP on port 0, the same on both sides" {
	tree
	server net-copytree recv 0 dst
	port=$(port_of net-copytree.err)
	[ -n "$port" ]
	run ex net-copytree send "127.0.0.1:$port" src
	assert_success
	assert_output '3 file(s)'
	finish
	[ "$(cat net-copytree.out)" = '3 file(s)' ]
	diff -r src dst/src
	[ -d dst/src/empty ]
}

@test "net-copytree: over a Unix socket, which is gone afterwards" {
	tree
	server net-copytree recv "$PWD/t.sock" dst
	[ "$(np wait net-copytree.err)" = "net-copytree.sh: listening on $PWD/t.sock" ]
	run ex net-copytree send "$PWD/t.sock" src/
	assert_success
	assert_output '3 file(s)'
	finish
	diff -r src dst/src
	[ ! -e t.sock ]
}

@test "net-copytree: recv with no sender gives up after CONCH_ACCEPT_TIMEOUT: status 1" {
	no_peer net-copytree recv 0 dst
	[ "$output" = '0 file(s)' ]
	[[ $stderr == *': @:0: no connection before CONCH_ACCEPT_TIMEOUT' ]]
}

@test "net-copytree: send with no receiver: connection refused, status 1" {
	tree
	port=$("$NETPEER" freeport)
	SECONDS=0
	run --separate-stderr timeout 30 "$CONCH" "$EX/net-copytree.sh" send "127.0.0.1:$port" src
	[ "$status" -eq 1 ]
	[ "$SECONDS" -lt 10 ]
	[ "$output" = '' ]
	[[ $stderr == "conch: $EX/net-copytree.sh:"*": @127.0.0.1:$port: connection refused" ]]
}

@test "net-copytree: usage errors, status 2; not a directory, status 1" {
	run --separate-stderr ex net-copytree copy a b
	[ "$status" -eq 2 ]
	[ "${stderr%%$'\n'*}" = 'usage: net-copytree.sh recv PORT|ADDR:PORT|PATH DESTDIR' ]
	run --separate-stderr ex net-copytree send 127.0.0.1:1 nodir
	[ "$status" -eq 1 ]
	[ "$stderr" = 'net-copytree.sh: nodir: not a directory' ]
}

# --- all of them -------------------------------------------------------------

@test "every examples/net-*.sh has tests here and a comment header" {
	local f name missing=
	for f in "$EX"/net-*.sh; do
		name=${f##*/}
		name=${name%.sh}
		grep -q "^@test \"$name: " "$BATS_TEST_FILENAME" || missing="$missing $name"
		sed -n 2p "$f" | grep -q "^# $name.sh: " || missing="$missing $name(header)"
		grep -q '^# Run: ' "$f" || missing="$missing $name(Run:)"
	done
	[ -z "$missing" ] || { echo "without tests or header:$missing" >&2; return 1; }
}
