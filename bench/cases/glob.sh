# glob.sh: pathname expansion of `*.txt` over 200 files, 300 times
# expect: globbed 300 200
d=${TMPDIR:-/tmp}/conch-bench-glob.$$
mkdir "$d" || exit 1
i=0
while [ "$i" -lt 200 ]; do
	: >"$d/f$i.txt"
	: >"$d/g$i.dat"
	i=$((i + 1))
done
i=0
while [ "$i" -lt 300 ]; do
	set -- "$d"/*.txt
	i=$((i + 1))
done
echo "globbed $i $#"
rm -rf "$d"
