#!/usr/bin/env bats
# cmdsubst.bats: POSIX 2.6.3 Command Substitution

load helpers/common
bats_require_minimum_version 1.5.0

@test "\$(...) substitutes output" {
	run conch -c 'echo a$(echo b)c'
	assert_output 'abc'
}

@test "backquotes substitute output" {
	run conch -c 'echo a`echo b`c'
	assert_output 'abc'
}

@test "trailing newlines are removed" {
	run conch -c 'x=$(printf "a\n\n\n"); echo "[$x]"'
	assert_output '[a]'
}

@test "inner and leading newlines are kept" {
	run conch -c 'x=$(printf "\n\na\n\nb\n"); printf "[%s]\n" "$x"'
	assert_output $'[\n\na\n\nb]'
}

@test "output with no trailing newline" {
	run conch -c 'x=$(printf abc); echo "[$x]"'
	assert_output '[abc]'
}

@test "empty output gives an empty string" {
	run conch -c 'x=$(true); echo "[$x]"; set -- $(true); echo $#; set -- "$(true)"; echo $#'
	assert_output $'[]\n0\n1'
}

@test "nested \$(...)" {
	run conch -c 'echo $(echo a $(echo b $(echo c)))'
	assert_output 'a b c'
}

@test "backquotes nested with escaped backquotes" {
	run conch -c 'echo `echo a \`echo b\``'
	assert_output 'a b'
}

@test "backquotes inside \$(...)" {
	run conch -c 'echo $(echo `echo in`)'
	assert_output 'in'
}

@test "\$(...) inside backquotes" {
	run conch -c 'echo `echo $(echo in)`'
	assert_output 'in'
}

@test "inner double quotes are independent of outer ones" {
	run conch -c 'x="a  b"; echo "$(echo "$x")"'
	assert_output 'a  b'
}

@test "single quotes inside \$(...)" {
	run conch -c "echo \$(echo ')' '\$x')"
	assert_output ') $x'
}

@test "backslash-dollar inside backquotes" {
	run conch -c 'x=1; echo `echo \$x`'
	assert_output '1'
}

@test "backslash-backslash inside backquotes becomes one backslash" {
	run conch -c 'printf "%s\n" `printf "%s" a\\\\b`'
	assert_output 'a\b'
}

@test "here-document inside \$(...)" {
	run conch -c 'x=$(cat <<EOF
line one
line two
EOF
); echo "$x"'
	assert_output $'line one\nline two'
}

@test "subshell inside \$( ( ... ) )" {
	run conch -c 'echo $( (echo a; echo b) | tr -d "\n")'
	assert_output 'ab'
}

@test "case with ) patterns inside \$(...)" {
	run conch -c 'x=$(case b in a) echo A;; b) echo B;; esac); echo $x'
	assert_output 'B'
}

@test "case with (pattern) inside \$(...)" {
	run conch -c 'echo $(case a in (a) echo A;; esac)'
	assert_output 'A'
}

@test "comment with ) inside \$(...)" {
	run conch -c 'x=$(echo a # not ) the end
); echo $x'
	assert_output 'a'
}

@test "exit status of an assignment-only command is that of the substitution" {
	run conch -c 'x=$(false); echo $?; x=$(true); echo $?; x=$(exit 5); echo $?'
	assert_output $'1\n0\n5'
}

@test "status of the last substitution in an assignment-only command" {
	run conch -c 'x=$(false) y=$(true); echo $?; x=$(true) y=$(exit 3); echo $?'
	assert_output $'0\n3'
}

@test "status of a command with a substitution is the command's" {
	run conch -c 'echo $(false) >/dev/null; echo $?'
	assert_output '0'
}

@test "variables set in \$(...) do not leak" {
	run conch -c 'x=1; y=$(x=2; echo $x); echo $x $y'
	assert_output '1 2'
}

@test "cd in \$(...) does not leak" {
	run conch -c 'cd /; d=$(cd /tmp; pwd); echo $(pwd) $d'
	assert_output '/ /tmp'
}

@test "exit in \$(...) ends only the substitution" {
	run conch -c 'x=$(echo a; exit 3; echo b); echo "$x $?"'
	assert_output 'a 3'
}

@test "stderr of the inner command is not captured" {
	run --separate-stderr conch -c 'x=$(echo out; echo err >&2); echo "[$x]"'
	assert_output '[out]'
	[ "$stderr" = err ]
}

@test "substitution in a here-document body" {
	run conch -c 'cat <<EOF
got $(echo it)
EOF'
	assert_output 'got it'
}

@test "large output is captured completely" {
	run conch -c 'x=$(seq 1 20000); echo ${#x}; echo "${x##*
}"'
	assert_output $'108893\n20000'
}

@test "\$(...) sees the stdin of its command" {
	run conch -c 'printf x | echo "got:$(cat)"'
	assert_output 'got:x'
}

@test "unquoted substitution result undergoes globbing" {
	cd "$BATS_TEST_TMPDIR" && touch g1 g2
	run conch -c 'echo $(echo "g*")'
	assert_output 'g1 g2'
}

@test "\$(( is arithmetic but \$( ( is a subshell substitution" {
	run conch -c 'echo $( (echo 3) )'
	assert_output '3'
}

@test "command substitution as the command name" {
	run conch -c '$(echo echo) hello'
	assert_output 'hello'
}

@test "multi-line command inside \$(...)" {
	run conch -c 'x=$(
	for i in 1 2 3
	do
		echo $i
	done
	); echo $x'
	assert_output '1 2 3'
}

@test "function defined outside is usable inside \$(...)" {
	run conch -c 'f() { echo fn$1; }; echo $(f 1) `f 2`'
	assert_output 'fn1 fn2'
}

@test "\$(f) of a function: its output, and never its assignments, whatever it does" {
	run conch -c 'f() { echo "out $1"; }; g() { f "$1"; v=set; }; h() { f x; cd /; }
a=$(f 1); b=$(g 2); c=$(h); echo "$a|$b|$c|v=$v|$PWD"' 
	assert_output "out 1|out 2|out x|v=|$PWD"
}

@test "\$(f) where f is redefined by a concurrent stage never leaks an assignment" {
	run conch -c 'f() { echo a; }; i=0
while [ $i -lt 200 ]; do
	{ f() { v=leak; echo b; }; f() { echo a; }; } | { x=$(f); case $x in a|b) ;; *) echo "bad $x";; esac; }
	i=$((i+1))
done; echo "v=$v"'
	assert_output 'v='
}
