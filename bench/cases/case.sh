# case.sh: `case` with several patterns per item, 50000 iterations
# expect: case 50000 21429 7143 21428
i=0 a=0 b=0 c=0
while [ "$i" -lt 50000 ]; do
	case $((i % 7)) in
	[0-2]) a=$((a + 1)) ;;
	3|x*) b=$((b + 1)) ;;
	*) c=$((c + 1)) ;;
	esac
	i=$((i + 1))
done
echo "case $i $a $b $c"
