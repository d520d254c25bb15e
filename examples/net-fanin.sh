#!/usr/bin/env conch
# net-fanin.sh: run commands side by side and gather their output through one socket, each line tagged
#
# Shows: fan-in: one collector loop accepting a connection per writer on a
# single listener, and writers started in the background, each sending its
# output and errors there (`{ ...; } > @127.0.0.1:PORT 2>&1 &`); a first
# line naming the writer, since writers connect in whatever order they get
# there; wait to collect each writer's status.
#
# Run:   conch examples/net-fanin.sh [-p PORT|PATH] COMMAND...
# Runs every COMMAND (a line of shell) at the same time.  The collector
# listens on loopback port PORT (default 0: any free port) or on the Unix
# socket PATH; what each COMMAND writes comes out on standard output as
# "N| line", N being the COMMAND's number, from 1.  A writer that connects
# while another is being read waits in the listen queue, its output held
# in the socket buffers, so the lines of each writer come out together.
# Exits with the number of COMMANDs that failed.  The collector waits
# 60 s at most for each writer (CONCH_ACCEPT_TIMEOUT overrides that).  Other writers, on other
# machines too, could feed such a collector: `{ echo NAME; cmd; } > @HOST:PORT`.

me=net-fanin.sh
usage() {
	echo "usage: $me [-p PORT|PATH] COMMAND..." >&2
	exit 2
}

where=0
while getopts :p: opt; do
	case $opt in
	p)	where=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
case $where in
*/*)	;;
''|*[!0-9]*) where= ;;
esac
[ -n "$where" ] || { echo "$me: -p: not a port or a path" >&2; exit 2; }

# collect: reads one writer, whose connection is fd 0: its name, then its lines
collect() {
	IFS= read -r name || return 0
	# `|| [ -n "$line" ]`: a last line without its newline counts too.
	while IFS= read -r line || [ -n "$line" ]; do
		printf '%s| %s\n' "$name" "$line"
	done
}

# A writer that never connects does not keep the collector for ever.
CONCH_ACCEPT_TIMEOUT=${CONCH_ACCEPT_TIMEOUT:-60}

# The collector accepts as many connections as there are writers, one after
# another, on one listening socket.  Started with `&`, it is bound before
# `&` returns (its address is text and a plain variable).
writers=$#
accepted=0
while [ "$accepted" -lt "$writers" ]; do
	accepted=$((accepted + 1))
	collect < @:$where || exit 1
done &
collector=$!
case $where in
*/*)	addr=$where ;;
*)	addr=127.0.0.1:$CONCH_PORT ;;
esac

# Writers: each announces its number, then runs its command, all of its
# output going to the collector.
n=0 pids=
for cmd; do
	n=$((n + 1))
	{ echo "$n"; eval "$cmd"; } > @$addr 2>&1 &
	pids="$pids $!"
done

failed=0
for pid in $pids; do
	wait "$pid" || failed=$((failed + 1))
done
wait "$collector"
exit "$failed"
