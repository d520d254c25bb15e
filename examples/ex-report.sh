#!/usr/bin/env conch
# ex-report.sh: totals per region of a CSV sales file, from a while-read loop at the end of a pipeline
#
# Shows: `... | while IFS=, read -r a b c; do ...; done` keeping its
# totals after the pipeline, because the loop is a thread stage of the
# shell and not a subshell (under `set -o forkstages`, as in dash or bash,
# the report would be all zeros); amounts in cents with `match -q` and
# named groups instead of floating point; per-region totals in variables
# named by eval; the bad lines reported with their line numbers.
#
# Run:   conch examples/ex-report.sh [FILE]
# Reads CSV lines "DATE,REGION,ITEM,AMOUNT" (AMOUNT like 12 or 12.5 or
# 12.50; a first line starting with "date," is a header) from FILE or
# standard input, and prints one line a region, sorted by name, with the
# number of sales and their total, then the grand total and the largest
# sale.  Lines that do not parse are reported on stderr; the status is
# then 1.

me=ex-report.sh
if [ $# -gt 1 ]; then
	echo "usage: $me [FILE]" >&2
	exit 2
fi
if [ $# -eq 1 ] && [ ! -r "$1" ]; then
	echo "$me: $1: cannot read" >&2
	exit 1
fi

# cents AMOUNT: sets $c to AMOUNT in cents; false if it is not an amount
cents() {
	match -q '^(?<units>\d+)(?:\.(?<frac>\d{1,2}))?$' "$1" || return 1
	case $frac in
	?)	frac=${frac}0 ;;
	'')	frac=00 ;;
	esac
	c=$((10#$units * 100 + 10#$frac))
}

# money CENTS: prints CENTS as units.cents
money() {
	printf '%d.%02d' $(($1 / 100)) $(($1 % 100))
}

lines=0 sales=0 total=0 bad=0 best=0 best_line= regions=
# The `|| [ -n ... ]`: a last line without its newline counts too.
cat -- "${1:--}" | while IFS=, read -r date region item amount extra || [ -n "$date" ]; do
	lines=$((lines + 1))
	case $lines,$date in
	1,date) continue ;;
	esac
	region_ok=0
	match -q '^[A-Za-z][A-Za-z0-9_]*$' "$region" && region_ok=1
	if [ -n "$extra" ] || [ -z "$item" ] || [ "$region_ok" -eq 0 ] || ! cents "$amount"; then
		echo "$me: line $lines: not DATE,REGION,ITEM,AMOUNT" >&2
		bad=$((bad + 1))
		continue
	fi
	sales=$((sales + 1))
	total=$((total + c))
	if [ "$c" -gt "$best" ]; then
		best=$c best_line="$item in $region on $date"
	fi
	eval "n=\${n_$region:-0} t=\${t_$region:-0}"
	[ "$n" -eq 0 ] && regions="$regions $region"
	eval "n_$region=$((n + 1)) t_$region=$((t + c))"
done

# The loop is over; its variables are still here.
for r in $(printf '%s\n' $regions | sort); do
	eval "printf '%-10s %4d sale(s) %12s\n' \"\$r\" \"\$n_$r\" \"\$(money \$t_$r)\""
done
printf '%-10s %4d sale(s) %12s\n' total "$sales" "$(money "$total")"
[ "$sales" -eq 0 ] || echo "largest: $(money "$best"), $best_line"
[ "$bad" -eq 0 ]
