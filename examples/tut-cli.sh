#!/usr/bin/env conch
# tut-cli.sh: a small command-line tool built on getopts
#
# Shows: option parsing with getopts (flags, options with arguments, the
# quiet mode that leaves the messages to the script, status 2 on a bad
# option), shift $((OPTIND - 1)),
# reading files named as operands or standard input, functions.
#
# Run:   conch examples/tut-cli.sh [-h] [-u] [-s SEP] [-w WIDTH] [file ...]
# Numbers the lines of the files (or of standard input, or of "-"),
# like a tiny nl(1): -w sets the width of the numbers (default 3), -s the
# separator after them (default ": "), -u upper-cases the text.

usage() {
	echo "usage: tut-cli.sh [-h] [-u] [-s SEP] [-w WIDTH] [file ...]"
}

upper=0 sep=': ' width=3
# The leading colon makes getopts quiet: it reports a bad option as `?`
# and a missing argument as `:`, with the option letter in OPTARG.
while getopts :hus:w: opt; do
	case $opt in
	h)	usage; exit 0 ;;
	u)	upper=1 ;;
	s)	sep=$OPTARG ;;
	w)	case $OPTARG in
		''|*[!0-9]*) echo "tut-cli.sh: -w: not a number: $OPTARG" >&2; exit 2 ;;
		esac
		width=$OPTARG ;;
	:)	echo "tut-cli.sh: -$OPTARG needs an argument" >&2; usage >&2; exit 2 ;;
	?)	echo "tut-cli.sh: -$OPTARG: no such option" >&2; usage >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

n=0
number() {
	while IFS= read -r line; do
		n=$((n + 1))
		[ "$upper" -eq 1 ] && line=$(printf '%s\n' "$line" | tr 'a-z' 'A-Z')
		printf '%*d%s%s\n' "$width" "$n" "$sep" "$line"
	done
}

[ $# -eq 0 ] && set -- -
status=0
for f in "$@"; do
	if [ "$f" = - ]; then
		number
	elif [ -r "$f" ]; then
		number < "$f"
	else
		echo "tut-cli.sh: $f: cannot read" >&2
		status=1
	fi
done
exit $status
