#!/usr/bin/env conch
# tut-wordfreq.sh: count the words of a text with thread stages
#
# Shows: a `while read` loop at the end of a pipeline keeps its variables
# (it runs as a thread of the shell, not in a subshell), `match -o` to cut
# words out of lines without a process, eval to keep one counter a word.
#
# Run:   conch examples/tut-wordfreq.sh [-n TOP] < text
# Prints the number of words, of distinct words, then the TOP (default 5)
# most frequent words with their counts, ties in alphabetical order.
# In dash or bash the totals would be lost: the loop there is a subshell.

top=5
if [ "$1" = -n ]; then
	top=$2
	shift 2
fi

total=0 distinct=0 seen=
# Every stage but tr is shell code: match and the loop are thread stages.
tr 'A-Z' 'a-z' | match -o '[a-z]+' | while read -r w; do
	total=$((total + 1))
	eval "c=\${count_$w:-0}"
	if [ "$c" -eq 0 ]; then
		distinct=$((distinct + 1))
		seen="$seen $w"
	fi
	eval "count_$w=$((c + 1))"
done

# The loop is over, and its variables are still here.
echo "$total words, $distinct distinct"
for w in $seen; do
	eval "printf '%s %s\n' \"\$count_$w\" $w"
done | sort -k1,1nr -k2,2 | head -n "$top"
