# startup.sh: starting the shell itself, 100 times (`SHELL -c exit`)
# expect: started 100
i=0
while [ "$i" -lt 100 ]; do
	$BENCH_SHELL -c 'exit 0' || echo "start failed"
	i=$((i + 1))
done
echo "started $i"
