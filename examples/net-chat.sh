#!/usr/bin/env conch
# net-chat.sh: a chat between two people over TCP or a Unix socket, through a relay
#
# Shows: one listener accepting two connections in one background job
# (`{ exec 5<> @:PORT; ...; exec 6<> @:PORT; ...; } &`), bound before `&`
# returns; connections kept open across commands with exec; a thread job (`thread relay ... <&5 >&6`) relaying
# one direction while the shell relays the other; halfclose telling a
# client that the other has left while its own lines still get through;
# `local` keeping each relay's line its own; CONCH_ACCEPT_TIMEOUT, so
# that a relay nobody joins gives up.
#
# Run:   conch examples/net-chat.sh relay [-t SECS] PORT|ADDR:PORT|PATH
#        conch examples/net-chat.sh join HOST:PORT|PATH NAME
# relay listens on loopback port PORT (0: any free port), on ADDR:PORT or
# on the Unix socket PATH, and says where on stderr; it waits SECS
# (default 60) for each of two clients, then sends each line one of them
# writes to the other as "NAME: LINE", and "*** NAME left" when one
# leaves.  join connects, sends NAME, then the lines of its standard
# input, and prints what comes from the other side until it leaves.  A
# relay nobody joins, or a join with no relay, fails with conch's message
# and status 1 (a connection attempt gives up after CONCH_CONNECT_TIMEOUT
# seconds, default 10).  Try it: `net-chat.sh relay 7070`, then in two
# terminals `net-chat.sh join localhost:7070 NAME`.

me=net-chat.sh
usage() {
	echo "usage: $me relay [-t SECS] PORT|ADDR:PORT|PATH" >&2
	echo "       $me join HOST:PORT|PATH NAME" >&2
	exit 2
}

# relay_lines NAME: copies lines from its input to its output, each as
# "NAME: LINE", then says NAME left and ends the writing direction
relay_lines() {
	# local: both directions run this at once, as two threads of one
	# shell, and a global $line would be one variable for both.
	local line
	while IFS= read -r line || [ -n "$line" ]; do
		printf '%s: %s\n' "$1" "$line"
	done
	printf '*** %s left\n' "$1"
	halfclose
}

relay() {
	where=$1
	case $where in
	''|*[!A-Za-z0-9._/:[\]-]*) echo "$me: $where: not a port, address or path" >&2; exit 2 ;;
	esac
	# The session is one background job whose two accepts name the same
	# listener: conch binds it before `&` returns ($CONCH_PORT is then
	# known), and both accepts take their clients from it, so the
	# second client cannot be refused.
	{
		# `command`: a failed exec redirection would end the job with 2
		command exec 5<> @:$where || exit 1
		IFS= read -r name1 <&5 || name1=someone
		echo "$me: $name1 joined" >&2
		command exec 6<> @:$where || exit 1
		IFS= read -r name2 <&6 || name2=someone
		echo "$me: $name2 joined" >&2
		printf '*** %s is here\n' "$name2" >&5
		printf '*** %s is here\n' "$name1" >&6
		thread relay_lines "$name1" <&5 >&6
		relay_lines "$name2" <&6 >&5
		wait
		echo "$me: both left" >&2
	} &
	job=$!
	case $where in
	*/*)	echo "$me: listening on $where" >&2 ;;
	*)	echo "$me: listening on port $CONCH_PORT" >&2 ;;
	esac
	wait "$job"
}

# send NAME: the join side's writer: NAME, then every line of its input
send() {
	printf '%s\n' "$1"
	cat
	halfclose
}

join() {
	addr=$1 name=$2
	# fd 3: our own input; the socket is fd 0 and 1.  The thread job
	# writes our lines to the socket; cat prints what comes back.
	{
		thread send "$name" <&3
		cat >&4
		wait
	} 3<&0 4>&1 <> @"$addr" >&0
}

case $1 in
relay)
	shift
	secs=60
	OPTIND=1
	while getopts :t: opt; do
		case $opt in
		t)	secs=$OPTARG ;;
		*)	usage ;;
		esac
	done
	shift $((OPTIND - 1))
	[ $# -eq 1 ] || usage
	CONCH_ACCEPT_TIMEOUT=$secs
	relay "$1" ;;
join)
	[ $# -eq 3 ] || usage
	join "$2" "$3" ;;
*)	usage ;;
esac
