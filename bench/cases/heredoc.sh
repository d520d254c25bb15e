# heredoc.sh: a here-document read by `read`, 1000 times
# expect: heredocs 1000 2890
i=0 n=0
while [ "$i" -lt 1000 ]; do
	read -r a b <<EOF2
line $i
EOF2
	n=$((n + ${#b}))
	i=$((i + 1))
done
echo "heredocs $i $n"
