# param.sh: parameter expansion and string building, 10000 iterations
# expect: param 10000 138890 19
i=0 n=0 s=
while [ "$i" -lt 10000 ]; do
	v="dir/sub/file$i.tar.gz"
	base=${v##*/}
	stem=${base%%.*}
	ext=${v#*.}
	n=$((n + ${#stem} + ${#ext}))
	case $i in *000) s="$s${s:+-}${stem#file}" ;; esac
	i=$((i + 1))
done
s=${s%%-5*}
echo "param $i $n ${#s}"
