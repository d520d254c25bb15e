#!/usr/bin/env conch
# net-copytree.sh: copy a directory tree from one shell to another over TCP or a Unix socket
#
# Shows: tar's output sent straight to a socket (`tar -cf - ... > @HOST:PORT`)
# and read straight from one (`tar -xvf - < @:PORT`), with no byte through
# the shell; a listener on the first command of a background pipeline,
# bound before `&` returns; pipefail, so that a tar that fails fails the
# pipeline that counts its output; the time limits, so that neither side
# waits for ever.
#
# Run:   conch examples/net-copytree.sh recv PORT|ADDR:PORT|PATH DESTDIR
#        conch examples/net-copytree.sh send HOST:PORT|PATH DIR
# recv listens on loopback port PORT (0: any free port), on ADDR:PORT or
# on the Unix socket PATH, says where on stderr, and unpacks the tree one
# sender sends under DESTDIR (created if need be); send sends DIR (the
# directory itself, under its own name).  Each side prints "N file(s)".
# recv waits 60 s at most for a sender (CONCH_ACCEPT_TIMEOUT overrides
# it); send gives up after CONCH_CONNECT_TIMEOUT seconds (default 10).
# Both exit 1, with conch's message, when nobody comes.  For a copy
# checked end to end, see net-sendfile.sh.

set -o pipefail
me=net-copytree.sh
usage() {
	echo "usage: $me recv PORT|ADDR:PORT|PATH DESTDIR" >&2
	echo "       $me send HOST:PORT|PATH DIR" >&2
	exit 2
}

recv() {
	where=$1 dest=$2
	case $where in
	''|*[!A-Za-z0-9._/:[\]-]*) echo "$me: $where: not a port, address or path" >&2; exit 2 ;;
	esac
	mkdir -p -- "$dest" || exit 1
	CONCH_ACCEPT_TIMEOUT=${CONCH_ACCEPT_TIMEOUT:-60}
	# -v lists what tar unpacks; the directories are not counted.
	tar -xvf - -C "$dest" < @:$where |
		{ n=$(match -c -v '/$'); echo "$n file(s)"; } &
	job=$!
	case $where in
	*/*)	echo "$me: listening on $where" >&2 ;;
	*)	echo "$me: listening on port $CONCH_PORT" >&2 ;;
	esac
	# pipefail: the status is tar's (or the redirection's) when it fails.
	wait "$job" || exit 1
}

send() {
	dest=$1 dir=${2%/}
	[ -d "$dir" ] || { echo "$me: $dir: not a directory" >&2; exit 1; }
	parent=$(dirname -- "$dir") base=$(basename -- "$dir")
	n=$(cd "$parent" && find "$base" ! -type d | match -c '') || n=0
	tar -cf - -C "$parent" "$base" > @$dest || exit 1
	echo "$n file(s)"
}

[ $# -eq 3 ] || usage
case $1 in
recv)	recv "$2" "$3" ;;
send)	send "$2" "$3" ;;
*)	usage ;;
esac
