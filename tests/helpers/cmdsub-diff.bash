#!/usr/bin/env bash
# cmdsub-diff.bash: differential test of command substitution without fork
# usage: cmdsub-diff.bash CONCH SEED COUNT [WORKDIR]
# Builds COUNT random $(...) bodies (bash's RANDOM seeded with SEED) from a
# grammar of expansions, arithmetic (with operands whose values assign),
# functions, redirections (/dev/stdout, /dev/fd/1, files), NUL bytes,
# builtins and external commands, and runs each case twice: as conch runs
# it, and under `set -o forksubst` (every substitution a forked subshell).
# After each case the script prints $?, the captured bytes, every variable
# the bodies can touch, the remembered commands (hash) and the shell's open
# descriptors. Any difference is printed with its case; exit status 1.
set -u
conch=$1 seed=$2 count=$3 work=${4:-$(mktemp -d)}
RANDOM=$seed

pick() { local a=("$@"); printf '%s' "${a[RANDOM % ${#a[@]}]}"; }

# With safe=1, words that change no variable: for the first stage of a
# pipeline, which runs at the same time as the second (a race between them
# would be the script's, in a fork as well).
safe=0
word() {
	if ((safe)); then
		pick '$x' '"$s"' '$((n*2))' '${x:-d}' '"$(echo in)"' lit '$y'
		return
	fi
	pick '$x' '"$s"' '$((e))' '$(($b))' '$((x $op 2))' '$((x+$(echo =)1))' \
		'$((c))' '$((n*2))' '${x:-d}' '${u-$((c))}' '"$(echo in)"' lit '$y' \
		'$((y+1))' '"$(printf "%s" $((c)))"'
}

command1() {
	case $((RANDOM % 22)) in
	0) echo "echo $(word) $(word)" ;;
	1) echo "printf '%s|' $(word) $(word)" ;;
	2) echo ":" ;;
	3) echo "true" ;;
	4) echo "false" ;;
	5) echo "test -n $(word)" ;;
	6) echo "[ $(word) = $(word) ]" ;;
	7) if ((safe)); then echo h; else echo f; fi ;;
	8) echo "g $(word)" ;;
	9) echo "h" ;;
	10) echo "cat </dev/null" ;;
	11) echo "/usr/bin/printf 'z\\0w'" ;;
	12) echo "printf 'a\\0b'" ;;
	13) echo "echo $(word) >$(pick /dev/stdout /dev/fd/1 /proc/self/fd/1 '"$dev"')" ;;
	14) echo "echo $(word) 2>/dev/null" ;;
	15) if ((safe)); then echo ":"; else echo "echo $(word) >>\"\$out\""; fi ;;
	16) echo "seq 2" ;;
	17) echo "echo $(safe=1 word) | tr a-z A-Z" ;;
	18) if ((safe)); then echo ":"; else echo "x=7"; fi ;;
	19) echo "echo $(word) 2>&1 >/dev/null" ;;
	20) echo "ls / >/dev/null" ;;
	21) echo "echo \"\$(echo $(word))\"" ;;
	esac
}

body() {
	local a b
	a=$(command1) b=$(command1)
	case $((RANDOM % 6)) in
	0) echo "$a" ;;
	1) echo "$a; $b" ;;
	2) echo "$a && $b" ;;
	3) echo "$a || $b" ;;
	4) a=$(safe=1 command1); echo "$a | $b" ;;
	5) echo "{ $a; $b; }" ;;
	esac
}

mkdir -p "$work"
script=$work/cases.sh
{
	echo 'out=$1; dev=/dev/stdout'
	echo 'f() { echo $((e)); }'
	echo 'g() { printf "<%s>" "$@"; echo; }'
	echo 'h() { echo hi >/dev/stdout; }'
	# the shell's own state first: its pipelines would add fds and commands
	echo 'show() { st=$1; hash; fds=; for f in /proc/$$/fd/*; do fds="$fds ${f##*/}"; done' 
	echo '	printf "status=%s x=%s y=%s u=%s\n" "$st" "$x" "${y-unset}" "${u-unset}"'
	echo '	echo "fds:$fds"; printf "%s" "$r" | od -An -c | tr -s " "; }'
	for ((i = 1; i <= count; i++)); do
		b=$(body)
		echo "echo '=== case $i: r=\$($(printf '%s' "$b" | sed "s/'/'\\\\''/g"))'"
		echo "x=0 y=1 e='x=5' b='x=6' op='+=' c='x++' n=3 s='a b'; unset u; hash -r"
		echo "r=\$($b)"
		echo 'show $?'
	done
} > "$script"

rm -f "$work/out.a" "$work/out.b"
"$conch" "$script" "$work/out.a" > "$work/a.txt" 2>&1
"$conch" -o forksubst "$script" "$work/out.b" > "$work/b.txt" 2>&1
touch "$work/out.a" "$work/out.b"
if ! cmp -s "$work/out.a" "$work/out.b"; then
	echo "files written differ: $work/out.a $work/out.b"
	exit 1
fi
if ! diff "$work/a.txt" "$work/b.txt" > "$work/diff.txt"; then
	echo "in memory / thread (<) and forked (>) differ; script $script"
	head -n 60 "$work/diff.txt"
	exit 1
fi
echo "$count cases agree ($(grep -c '^===' "$work/a.txt") run)"
