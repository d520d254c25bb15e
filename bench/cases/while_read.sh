# while_read.sh: `while read` over 20000 lines from a pipe
# expect: read 20000 200010000
i=0
while [ "$i" -lt 20000 ]; do
	i=$((i + 1))
	echo "$i"
done | {
	n=0 s=0
	while read -r line; do
		n=$((n + 1))
		s=$((s + line))
	done
	echo "read $n $s"
}
