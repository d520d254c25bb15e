# glob_dir.sh: `*.txt` and `f0[12]*[13579].dat` over a directory of 5000
# files, 150 times (readdir, matching with brackets, sorting); awk makes
# the files, so that their creation weighs the same in every shell
# expect: 250050 49950
d=${TMPDIR:-/tmp}/conch-bench-globdir.$$
mkdir "$d" || exit 1
cd "$d" || exit 1
awk 'BEGIN { for (i = 0; i < 5000; i++) { f = sprintf("f%05d.%s", i, i % 3 == 0 ? "txt" : i % 3 == 1 ? "dat" : "log"); printf "" > f; close(f) } }' || exit 1
i=0 txt=0 f1=0
while [ "$i" -lt 150 ]; do
	set -- *.txt
	txt=$((txt + $#))
	set -- f0[12]*[13579].dat
	f1=$((f1 + $#))
	i=$((i + 1))
done
cd / && rm -rf "$d"
echo "$txt $f1"
