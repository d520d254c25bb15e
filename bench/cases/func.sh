# func.sh: shell function calls with arguments, 50000 calls
# expect: calls 50000 1250025000
add() {
	r=$(($1 + $2))
}
i=0 t=0
while [ "$i" -lt 50000 ]; do
	i=$((i + 1))
	add "$t" "$i"
	t=$r
done
echo "calls $i $t"
