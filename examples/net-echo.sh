#!/usr/bin/env conch
# net-echo.sh: a line-based echo server that serves its clients one after another
#
# Shows: the listener loop `while ...; do handler <> @:PORT >&0; done`,
# which keeps one listening socket for the whole loop, so a client that
# connects while another is being served waits in the queue and is never
# refused; a handler whose input and output are the connection; a thread
# loop keeping its counters; a listener bound before `&` returns.
#
# Run:   conch examples/net-echo.sh [-n COUNT] [PORT|ADDR:PORT|PATH]
# Listens on loopback port PORT (default 7007; 0: any free port), on
# ADDR:PORT or on the Unix socket PATH, and says where on stderr.  Sends
# every line a client writes back to it, until the client closes its side
# or sends "quit".  Serves COUNT clients (default 0: for ever), logging one
# line per client on stderr.  Waits 60 s at most for each client, unless
# CONCH_ACCEPT_TIMEOUT (seconds) says otherwise, then fails with conch's
# message and status 1.  Try it with: nc localhost 7007

me=net-echo.sh
usage() {
	echo "usage: $me [-n COUNT] [PORT|ADDR:PORT|PATH]" >&2
	exit 2
}

count=0
while getopts :n: opt; do
	case $opt in
	n)	count=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage
where=${1:-7007}
case $count in
''|*[!0-9]*) echo "$me: -n: not a number: $count" >&2; exit 2 ;;
esac
# A server nobody calls gives up, instead of waiting for ever.
CONCH_ACCEPT_TIMEOUT=${CONCH_ACCEPT_TIMEOUT:-60}

# Refuse what cannot be an address before the loop starts: a failing
# redirection would fail again at every iteration.
case $where in
''|*[!A-Za-z0-9._/:[\]-]*) echo "$me: $where: not a port, address or path" >&2; exit 2 ;;
esac

# echo_client N: serves client number N, whose connection is fd 0 and 1
echo_client() {
	lines=0
	while IFS= read -r line; do
		[ "$line" = quit ] && break
		printf '%s\n' "$line"
		lines=$((lines + 1))
	done
	echo "$me: client $1: $lines line(s)" >&2
}

# The loop below, started with `&`, is where the listener lives.  conch binds
# the listening socket of a background job before `&` returns (its address
# is text and a plain variable), so $CONCH_PORT is known on the next line.
served=0
while [ "$count" -eq 0 ] || [ "$served" -lt "$count" ]; do
	served=$((served + 1))
	# A failed accept (time limit) ends the loop, and the job, with 1.
	echo_client "$served" <> @:$where >&0 || exit 1
done &
job=$!
case $where in
*/*)	echo "$me: listening on $where" >&2 ;;
*)	echo "$me: listening on port $CONCH_PORT" >&2 ;;
esac
wait "$job"
