# spawn.sh: running an external command (/bin/true), 300 times
# expect: spawned 300
i=0
while [ "$i" -lt 300 ]; do
	/bin/true || echo "spawn failed"
	i=$((i + 1))
done
echo "spawned $i"
