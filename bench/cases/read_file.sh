# read_file.sh: `while IFS=' ' read -r` over a 20000-line file, three fields
# and arithmetic per line (read's buffering and field splitting)
# expect: 20000 9990000 2857
f=${TMPDIR:-/tmp}/conch-bench-lines.$$
i=1
while [ "$i" -le 20000 ]; do
	echo "$i $((i % 1000)) k$((i % 7)) lorem ipsum"
	i=$((i + 1))
done >"$f"
lines=0 sum=0 k3=0
while IFS=' ' read -r num mod key rest; do
	lines=$((lines + 1))
	sum=$((sum + mod))
	[ "$key" = k3 ] && k3=$((k3 + 1))
done <"$f"
rm -f "$f"
echo "$lines $sum $k3"
