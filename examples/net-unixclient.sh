#!/usr/bin/env conch
# net-unixclient.sh: ask an HTTP service on a Unix socket for a page, like curl --unix-socket
#
# Shows: connecting to a Unix stream socket (`@PATH`: any target with a
# '/'); a request and its reply on one connection, in a brace group whose
# input and output are the socket (`{ ...; } <> @PATH >&0`), so that the
# variables it sets stay set; reading a status line and headers with read,
# then passing the body on with cat.
#
# Run:   conch examples/net-unixclient.sh [-i] [-t SECS] [-X METHOD] SOCKET [PATH]
# Sends an HTTP/1.0 request for PATH (default /) to the server listening on
# the Unix socket SOCKET (many local services do: Docker's
# /var/run/docker.sock, snapd, web applications behind a proxy) and writes
# the body of the reply on standard output; -i writes the status line and
# the headers first, -X sends METHOD instead of GET.  A server that
# does not answer within SECS seconds (default 30) is given up on.  Exits 1 when the
# socket cannot be reached or the reply is not a success (2xx), saying why
# on stderr.  Example: net-unixclient.sh /var/run/docker.sock /version

me=net-unixclient.sh
usage() {
	echo "usage: $me [-i] [-t SECS] [-X METHOD] SOCKET [PATH]" >&2
	exit 2
}

headers=0 method=GET wait=30
while getopts :it:X: opt; do
	case $opt in
	i)	headers=1 ;;
	t)	wait=$OPTARG ;;
	X)	method=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] && [ $# -le 2 ] || usage
socket=$1 path=${2:-/}
# `@NAME` without a '/' would be a host name: name the socket by a path.
case $socket in
*/*) ;;
*) socket=./$socket ;;
esac
if [ ! -S "$socket" ]; then
	echo "$me: $socket: not a socket" >&2
	exit 1
fi
case $path in
/*) ;;
*) path=/$path ;;
esac

cr=$(printf '\r')
status=
{
	# The request: HTTP/1.0, so the server closes the connection after
	# its reply and the body ends at end-of-file.
	printf '%s %s HTTP/1.0\r\nHost: localhost\r\nUser-Agent: %s\r\n\r\n' \
		"$method" "$path" "$me"
	# read -t: a server that never answers does not keep us for ever
	# (nor one that sends half a line and stops).
	if IFS= read -r -t "$wait" status; then
		status=${status%"$cr"}
		[ "$headers" -eq 1 ] && printf '%s\n' "$status" >&3
		while IFS= read -r -t "$wait" header; do
			header=${header%"$cr"}
			[ "$headers" -eq 1 ] && printf '%s\n' "$header" >&3
			[ -z "$header" ] && break
		done
		cat >&3
	else
		status=
	fi
} 3>&1 <> @$socket >&0 || exit 1

# "HTTP/1.0 200 OK": success is a code 2xx.
case $status in
HTTP/*' '2[0-9][0-9]*) exit 0 ;;
'')	echo "$me: $socket: no reply" >&2 ;;
HTTP/*)	echo "$me: $socket $path: ${status#* }" >&2 ;;
*)	echo "$me: $socket: not an HTTP reply: $status" >&2 ;;
esac
exit 1
