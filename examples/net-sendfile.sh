#!/usr/bin/env conch
# net-sendfile.sh: send a file over TCP or a Unix socket, checked end to end
#
# Shows: a one-shot listener (`<> @:PORT`) started with `&`, which binds
# before `&` returns, so $CONCH_PORT already names the port the kernel
# picked for port 0; a connection used both ways (`<> @HOST:PORT >&0`);
# halfclose, which tells the receiver "end of file" while the sender
# still reads its answer; the answer written back on the same socket.
#
# Run:   conch examples/net-sendfile.sh recv PORT|ADDR:PORT|PATH OUT
#        conch examples/net-sendfile.sh send HOST:PORT|PATH FILE
# recv listens on loopback port PORT (0: any free port), on ADDR:PORT, or
# on the Unix socket PATH (a name with a '/'), says where on stderr, writes
# what one sender sends into OUT, and answers with its SHA-256 and size.
# send sends FILE and compares that answer with its own.  Both sides print
# "SHA256 SIZE"; send exits 1 when they differ.  The receiver waits 60 s
# at most for a sender, unless CONCH_ACCEPT_TIMEOUT (seconds) says
# otherwise, then fails with conch's message and status 1; a sender gives
# up after CONCH_CONNECT_TIMEOUT seconds (conch's default: 10).

me=net-sendfile.sh
usage() {
	echo "usage: $me recv PORT|ADDR:PORT|PATH OUT" >&2
	echo "       $me send HOST:PORT|PATH FILE" >&2
	exit 2
}
die() {
	echo "$me: $*" >&2
	exit 1
}

# digest FILE: prints "SHA256 SIZE" for FILE
digest() {
	sum=$(sha256sum < "$1") || return 1
	size=$(wc -c < "$1") || return 1
	echo "${sum%% *} $((size))"
}

# receive OUT: the receiver's side of one connection, which is fd 0:
# everything up to the sender's half-close goes into OUT, then the digest
# goes back to the sender (>&0) and to our own output.
receive() {
	cat > "$1" || return 1
	got=$(digest "$1") || return 1
	echo "$got" >&0
	echo "$got"
}

recv() {
	# A receiver no sender calls gives up, instead of waiting for ever.
	CONCH_ACCEPT_TIMEOUT=${CONCH_ACCEPT_TIMEOUT:-60}
	where=$1 out=$2
	# The listener is bound here, before `&` returns: a sender started
	# after this line can never be refused.
	receive "$out" <> @:"$where" &
	job=$!
	case $where in
	*/*)	echo "$me: listening on $where" >&2 ;;
	*)	echo "$me: listening on port $CONCH_PORT" >&2 ;;
	esac
	wait "$job"
}

send() {
	dest=$1 file=$2
	[ -f "$file" ] && [ -r "$file" ] || die "$file: not a readable file"
	mine=$(digest "$file") || die "$file: cannot read"
	# A brace group runs in this shell, so $theirs outlives it.  The
	# socket is both its input and its output; halfclose ends our
	# direction only, and read then waits for the receiver's answer.
	theirs=
	{
		cat "$file" && halfclose &&
			{ IFS= read -r theirs || [ -n "$theirs" ]; }
	} <> @$dest >&0 || die "$dest: no answer from the receiver"
	echo "$mine"
	[ "$theirs" = "$mine" ] || die "the receiver got $theirs"
}

[ $# -eq 3 ] || usage
case $1 in
recv)	recv "$2" "$3" ;;
send)	send "$2" "$3" ;;
*)	usage ;;
esac
