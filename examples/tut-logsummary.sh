#!/usr/bin/env conch
# tut-logsummary.sh: summarise a web server access log with match and subst
#
# Shows: `match -q` with named groups taking a line apart into shell
# variables, `subst` normalising paths (numbers become :id), `match -c`
# counting, all without a process per line; the reading loop is a thread
# stage, so its totals survive the pipeline.
#
# Run:   conch examples/tut-logsummary.sh < access.log
# Input lines look like (common log format):
#   10.0.0.1 - - [25/Nov/2026:10:00:00 +0000] "GET /users/42 HTTP/1.1" 200 512
# Output: request and byte totals, requests per status class, the busiest
# normalised paths, and the lines that could not be parsed.

re='^(?<ip>\S+) \S+ \S+ \[[^]]*\] "(?<verb>[A-Z]+) (?<path>\S+)[^"]*" (?<code>\d{3}) (?<size>\d+|-)$'

requests=0 bytes=0 bad=0 c2=0 c3=0 c4=0 c5=0 paths=
match -v '^\s*$' | while IFS= read -r line; do
	if ! match -q "$re" "$line"; then
		bad=$((bad + 1))
		continue
	fi
	requests=$((requests + 1))
	[ "$size" = - ] || bytes=$((bytes + size))
	case $code in
	2??) c2=$((c2 + 1)) ;;
	3??) c3=$((c3 + 1)) ;;
	4??) c4=$((c4 + 1)) ;;
	5??) c5=$((c5 + 1)) ;;
	esac
	# /users/42/posts/7?x=1 -> /users/:id/posts/:id
	p=$(subst -g '/\d+(?=/|$)' '/:id' "${path%%\?*}")
	paths="$paths$verb $p
"
done

echo "requests: $requests, bytes: $bytes, unparsed lines: $bad"
echo "status: 2xx=$c2 3xx=$c3 4xx=$c4 5xx=$c5"
echo "busiest:"
printf '%s' "$paths" | sort | uniq -c | sort -k1,1nr -k2 | head -n 3 |
	subst '^\s*(\d+) (.*)$' '  $2 ($1)'
# subst returns 1 when it replaced nothing (an empty log): not an error here
exit 0
