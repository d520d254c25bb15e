#!/usr/bin/env conch
# ex-tailalert.sh: follow a growing log, like tail -f, and alert on the lines that match
#
# Shows: a pure-shell `tail -f`: a loop whose input is the log, opened once,
# so that a `read` that finds the end of the file returns false and the
# next one goes on from there when the log grows; a last line without its
# newline kept until the rest comes; `match -q` with named groups on each
# line, without a process; three ways to stop: after COUNT alerts, on a
# sentinel line, or when the log has not grown for IDLE seconds.
#
# Run:   conch examples/ex-tailalert.sh [-e] [-n COUNT] [-s SENTINEL] [-t IDLE] PATTERN LOG
# Reads LOG from its start (-e: from its current end), following it as it
# grows, and prints "alert N: LINE" for every line that PATTERN (a PCRE2
# pattern) matches; when PATTERN has groups named "level" or "what",
# they are printed as "alert N [LEVEL] WHAT" (other named groups set
# shell variables too: avoid the names the script uses, like "line").  Stops after COUNT alerts
# (default 0: no limit), at a line that is exactly SENTINEL, or after
# IDLE seconds (default 60, fractions allowed) without a new line, then
# says on stderr how many lines it read and why it stopped.  Exits 0,
# or 1 when it stopped idle.  Example, for a service's log:
#   ex-tailalert.sh -n 3 '(?<level>ERROR|CRIT):\s*(?<what>.*)' app.log

me=ex-tailalert.sh
usage() {
	echo "usage: $me [-e] [-n COUNT] [-s SENTINEL] [-t IDLE] PATTERN LOG" >&2
	exit 2
}

from_end=0 count=0 sentinel= idle=60
while getopts :en:s:t: opt; do
	case $opt in
	e)	from_end=1 ;;
	n)	count=$OPTARG ;;
	s)	sentinel=$OPTARG ;;
	t)	idle=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
pattern=$1 log=$2
case $count in
''|*[!0-9]*) echo "$me: -n: not a number: $count" >&2; exit 2 ;;
esac
# IDLE in tenths of a second: the loop polls ten times a second.
if ! match -q '^(?<whole>\d+)(?:\.(?<tenths>\d)\d*)?$' "$idle"; then
	echo "$me: -t: not a number of seconds: $idle" >&2
	exit 2
fi
polls=$((whole * 10 + ${tenths:-0}))
# A bad pattern is reported before the log is opened (status 2).
match -q -- "$pattern" '' 2> /dev/null; [ $? -le 1 ] || { match -q -- "$pattern" ''; exit 2; }
[ -r "$log" ] || { echo "$me: $log: cannot read" >&2; exit 1; }

lines=0 alerts=0 waited=0 partial= why=

# follow: the loop, whose standard input is the log, opened once for the
# whole loop: one open file, one offset, which the reads move along.
follow() {
	if [ "$from_end" -eq 1 ]; then
		while IFS= read -r line; do :; done
	fi
	while :; do
		if IFS= read -r line; then
			line=$partial$line partial= waited=0
		elif [ -n "$line" ]; then
			# The end of the file in the middle of a line: keep the piece.
			partial=$partial$line waited=0
			continue
		else
			waited=$((waited + 1))
			if [ "$waited" -gt "$polls" ]; then
				why="no new line for $idle s"
				return 1
			fi
			sleep 0.1
			continue
		fi
		lines=$((lines + 1))
		if [ -n "$sentinel" ] && [ "$line" = "$sentinel" ]; then
			why="sentinel at line $lines"
			return 0
		fi
		# The named groups of the pattern become shell variables.
		level= what=
		match -q -- "$pattern" "$line" || continue
		alerts=$((alerts + 1))
		if [ -n "$level$what" ]; then
			printf 'alert %d [%s] %s\n' "$alerts" "${level:--}" "${what:-$line}"
		else
			printf 'alert %d: %s\n' "$alerts" "$line"
		fi
		if [ "$count" -gt 0 ] && [ "$alerts" -ge "$count" ]; then
			why="$alerts alert(s)"
			return 0
		fi
	done
}

follow < "$log"
status=$?
echo "$me: $lines line(s), $alerts alert(s); stopped: $why" >&2
exit "$status"
