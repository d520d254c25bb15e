# arith.sh: an arithmetic loop, 50000 iterations of $((...))
# expect: sum 149997
i=0 s=0
while [ "$i" -lt 50000 ]; do
	s=$((s + i % 7))
	i=$((i + 1))
done
echo "sum $s"
