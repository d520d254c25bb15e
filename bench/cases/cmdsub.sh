# cmdsub.sh: command substitution of a builtin `$(echo ...)`, 1000 times
# expect: substituted 1000 2890
i=0 n=0
while [ "$i" -lt 1000 ]; do
	v=$(echo "$i")
	n=$((n + ${#v}))
	i=$((i + 1))
done
echo "substituted $i $n"
