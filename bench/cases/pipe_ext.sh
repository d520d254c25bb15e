# pipe_ext.sh: a two-process pipeline `echo x | cat`, 200 times
# expect: piped 200 200
i=0 n=0
while [ "$i" -lt 200 ]; do
	echo x | cat >/dev/null && n=$((n + 1))
	i=$((i + 1))
done
echo "piped $i $n"
