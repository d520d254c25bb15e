#!/usr/bin/env conch
# ex-pool.sh: checksum many files with a pool of worker threads
#
# Shows: `thread` starting workers that run as threads of the shell and
# share its variables; a work queue that each worker takes from one item
# at a time under the named lock "queue" (`lock NAME` ... `unlock NAME`);
# totals added under the lock "totals" (`lock NAME COMMAND`); `local`
# keeping each worker's own variables apart; `wait` joining the workers.
#
# Run:   conch examples/ex-pool.sh [-j WORKERS] FILE...
# Runs WORKERS (default 4) workers, which take the FILEs in turn and run
# sha256sum on each.  Prints "SHA256  FILE" for each FILE in the order
# given, whatever the order the workers finish in, then a line with the
# number of files, their total size and the number of workers.  A FILE
# that cannot be read is reported on stderr; the status is then 1.

me=ex-pool.sh
usage() {
	echo "usage: $me [-j WORKERS] FILE..." >&2
	exit 2
}

workers=4
while getopts :j: opt; do
	case $opt in
	j)	workers=$OPTARG ;;
	*)	usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
case $workers in
''|0|*[!0-9]*) echo "$me: -j: not a positive number: $workers" >&2; exit 2 ;;
esac

# The queue: item_1 ... item_N, and the number of the next item to take.
n=0
for f; do
	n=$((n + 1))
	eval "item_$n=\$f"
done
next=1

# The totals, which every worker adds to.
files=0 bytes=0 failed=0
add() {
	files=$((files + 1))
	bytes=$((bytes + $1))
}

# worker: takes items until the queue is empty; result_I holds the line
# for item I (each worker writes only the results of its own items)
worker() {
	local i file sum size
	while :; do
		# Taking an item is a read-modify-write of $next: under a lock,
		# or two workers could take the same item.
		lock queue
		i=$next
		next=$((next + 1))
		unlock queue
		[ "$i" -le "$n" ] || return 0
		eval "file=\$item_$i"
		# 2> first: it must be in place when < fails
		if sum=$(sha256sum 2> /dev/null < "$file") &&
			size=$(wc -c 2> /dev/null < "$file"); then
			eval "result_$i=\"\${sum%% *}  \$file\""
			lock totals add "$size"
		else
			echo "$me: $file: cannot read" >&2
			lock totals eval 'failed=$((failed + 1))'
		fi
	done
}

w=0
while [ "$w" -lt "$workers" ]; do
	w=$((w + 1))
	thread worker
done
wait

i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	eval "r=\${result_$i-}"
	[ -n "$r" ] && printf '%s\n' "$r"
done
echo "$files file(s), $bytes byte(s), $workers worker(s)"
[ "$failed" -eq 0 ]
