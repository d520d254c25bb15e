# pipe_builtin.sh: a pipeline of builtins `echo x | read v`, 500 times
# (whether v survives differs between shells; only the count is printed)
# expect: builtin pipes 500
i=0
while [ "$i" -lt 500 ]; do
	echo "x $i" | read v w
	i=$((i + 1))
done
echo "builtin pipes $i"
