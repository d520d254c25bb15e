#!/usr/bin/env conch
# net-http.sh: a minimal HTTP/1.0 server for the files of a directory, or a fixed page
#
# Shows: a listener loop serving requests one after another; reading a
# request line and headers up to the blank line, CR LF line ends included;
# a reply with a status line, headers and Content-Length, written to the
# connection (`>&0`); the file itself sent by cat, with no byte through
# the shell; a listener bound before `&` returns.
#
# Run:   conch examples/net-http.sh [-n COUNT] [-p PORT|ADDR:PORT|PATH] [DIR]
# Listens on loopback port PORT (default 8080; 0: any free port), on
# ADDR:PORT or on the Unix socket PATH, and says where on stderr.  Answers
# GET and HEAD: with DIR, the file the path names under DIR (index.html
# for a directory), else a fixed page for every path.  Paths with ".." are
# refused.  Serves COUNT requests (default 0: for ever), and logs
# "METHOD PATH STATUS SIZE" for each on stderr.  Requests are served one
# at a time, so a client that connects and sends nothing holds up the
# others: this is for local use, not for the open Internet.  Waits 60 s
# at most for each request, unless CONCH_ACCEPT_TIMEOUT (seconds) says
# otherwise, then fails with conch's message and status 1.
# Try it with: curl -v http://localhost:8080/

me=net-http.sh
usage() {
	echo "usage: $me [-n COUNT] [-p PORT|ADDR:PORT|PATH] [DIR]" >&2
	exit 2
}

count=0 where=8080
while getopts :n:p: opt; do
	case $opt in
	n)	count=$OPTARG ;;
	p)	where=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -le 1 ] || usage
root=${1:-}
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
if [ -n "$root" ] && [ ! -d "$root" ]; then
	echo "$me: $root: not a directory" >&2
	exit 1
fi

cr=$(printf '\r')
page='<!DOCTYPE html>
<html><head><title>conch</title></head>
<body><h1>Hello from conch</h1><p>This page came through a socket redirection.</p></body></html>
'

# reply STATUS TYPE LENGTH: the status line and headers, then the blank line
reply() {
	printf 'HTTP/1.0 %s\r\nServer: conch %s\r\nContent-Type: %s\r\nContent-Length: %s\r\nConnection: close\r\n\r\n' \
		"$1" "$me" "$2" "$3"
}

# error STATUS: a reply whose body is the status text
error() {
	reply "$1" text/plain "$((${#1} + 1))"
	[ "$method" = HEAD ] || printf '%s\n' "$1"
	echo "$me: $method $path ${1%% *} $((${#1} + 1))" >&2
}

# type_of FILE: a Content-Type from the file name
type_of() {
	case $1 in
	*.html|*.htm) echo 'text/html; charset=utf-8' ;;
	*.txt|*.sh) echo 'text/plain; charset=utf-8' ;;
	*.css) echo text/css ;;
	*.js) echo text/javascript ;;
	*.json) echo application/json ;;
	*.png) echo image/png ;;
	*.jpg|*.jpeg) echo image/jpeg ;;
	*) echo application/octet-stream ;;
	esac
}

# serve: answers one request; the connection is fd 0 and fd 1
serve() {
	method=- path=-
	IFS= read -r request || return 0 # connected, then closed: nothing to do
	request=${request%"$cr"}
	# Headers, up to the blank line; this server has no use for them.
	while IFS= read -r header; do
		header=${header%"$cr"}
		[ -z "$header" ] && break
	done
	set -f
	set -- $request
	set +f
	method=${1:--} path=${2:--}
	if [ $# -ne 3 ] || [ "${3#HTTP/}" = "$3" ]; then
		error '400 Bad Request'
		return
	fi
	case $method in
	GET|HEAD) ;;
	*)	error '501 Not Implemented'; return ;;
	esac
	case $path in
	/*) ;;
	*)	error '400 Bad Request'; return ;;
	esac
	if [ -z "$root" ]; then
		size=$(printf '%s' "$page" | wc -c)
		reply '200 OK' 'text/html; charset=utf-8' $((size))
		[ "$method" = HEAD ] || printf '%s' "$page"
		echo "$me: $method $path 200 $((size))" >&2
		return
	fi
	file=${path%%\?*}
	case /$file/ in
	*/../*) error '403 Forbidden'; return ;;
	esac
	file=$root$file
	[ -d "$file" ] && file=${file%/}/index.html
	if [ ! -f "$file" ]; then
		error '404 Not Found'
	elif [ ! -r "$file" ]; then
		error '403 Forbidden'
	else
		size=$(wc -c < "$file")
		reply '200 OK' "$(type_of "$file")" $((size))
		[ "$method" = HEAD ] || cat "$file"
		echo "$me: $method $path 200 $((size))" >&2
	fi
}

served=0
while [ "$count" -eq 0 ] || [ "$served" -lt "$count" ]; do
	served=$((served + 1))
	# A failed accept (time limit) ends the loop, and the job, with 1.
	serve <> @:$where >&0 || exit 1
done &
job=$!
case $where in
*/*)	echo "$me: listening on $where" >&2 ;;
*)	echo "$me: listening on port $CONCH_PORT" >&2 ;;
esac
wait "$job"
