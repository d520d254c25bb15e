#!/usr/bin/env bats
# params.bats: POSIX 2.6.2 Parameter Expansion, every form with set/unset/empty

load helpers/common
bats_require_minimum_version 1.5.0

# Prints each form for x set to "v", x empty and x unset, one line each.
@test "\${x:-w} and \${x-w}" {
	run conch -c 'x=v; echo "1[${x:-w}][${x-w}]"; x=; echo "2[${x:-w}][${x-w}]"; unset x; echo "3[${x:-w}][${x-w}]"'
	assert_success
	assert_output $'1[v][v]\n2[w][]\n3[w][w]'
}

@test "\${x:+w} and \${x+w}" {
	run conch -c 'x=v; echo "1[${x:+w}][${x+w}]"; x=; echo "2[${x:+w}][${x+w}]"; unset x; echo "3[${x:+w}][${x+w}]"'
	assert_output $'1[w][w]\n2[][w]\n3[][]'
}

@test "\${x:=w} assigns when unset or empty" {
	run conch -c 'x=v; echo "[${x:=w}][$x]"; x=; echo "[${x:=w}][$x]"; unset x; echo "[${x:=w}][$x]"'
	assert_output $'[v][v]\n[w][w]\n[w][w]'
}

@test "\${x=w} assigns only when unset" {
	run conch -c 'x=v; echo "[${x=w}][$x]"; x=; echo "[${x=w}][$x]"; unset x; echo "[${x=w}][$x]"'
	assert_output $'[v][v]\n[][]\n[w][w]'
}

@test "\${x:=w} result is used as a command argument and persists" {
	run conch -c 'unset y; : ${y:=hello}; echo $y'
	assert_output 'hello'
}

@test "\${x:?w} with a set value expands to it" {
	run conch -c 'x=v; echo ${x:?oops}'
	assert_success
	assert_output 'v'
}

@test "\${x:?msg} with empty x: error with msg, shell exits" {
	run --separate-stderr conch -c 'x=; echo ${x:?custom msg}; echo after'
	assert_failure 2
	assert_output ''
	[[ $stderr == *"custom msg"* ]]
}

@test "\${x:?msg} with unset x: error with msg, later commands do not run" {
	run --separate-stderr conch -c 'unset x; echo ${x:?gone}; echo after'
	assert_failure 2
	assert_output ''
	[[ $stderr == *gone* ]]
}

@test "\${x?msg} with empty x is not an error" {
	run conch -c 'x=; echo "[${x?oops}]"; echo after'
	assert_success
	assert_output $'[]\nafter'
}

@test "\${x?msg} with unset x is an error, shell exits" {
	run --separate-stderr conch -c 'unset x; echo "${x?nope here}"; echo after'
	assert_failure 2
	assert_output ''
	[[ $stderr == *"nope here"* ]]
}

@test "\${x:?} without a word still fails and names the variable" {
	run --separate-stderr conch -c 'unset myvar; echo ${myvar:?}; echo after'
	assert_failure 2
	assert_output ''
	[[ $stderr == *myvar* ]]
}

@test "\${x:?msg} in a script stops the script" {
	run --separate-stderr conch_script <<-'EOF'
	echo before
	: "${missing:?need missing}"
	echo after
	EOF
	assert_failure 2
	assert_output 'before'
	[[ $stderr == *"need missing"* ]]
}

@test "\${#x} is the length" {
	run conch -c 'x=hello; y=; unset z; echo ${#x} ${#y} ${#z}'
	assert_output '5 0 0'
}

@test "\${#x} counts characters with spaces" {
	run conch -c 'x="a b  c"; echo ${#x}'
	assert_output '6'
}

@test "\${x%w} removes the shortest suffix" {
	run conch -c 'x=file.tar.gz; echo ${x%.*}'
	assert_output 'file.tar'
}

@test "\${x%%w} removes the longest suffix" {
	run conch -c 'x=file.tar.gz; echo ${x%%.*}'
	assert_output 'file'
}

@test "\${x#w} removes the shortest prefix" {
	run conch -c 'x=/usr/local/bin; echo ${x#*/}'
	assert_output 'usr/local/bin'
}

@test "\${x##w} removes the longest prefix" {
	run conch -c 'x=/usr/local/bin; echo ${x##*/}'
	assert_output 'bin'
}

@test "prefix/suffix removal with no match leaves the value" {
	run conch -c 'x=abc; echo ${x#z} ${x##z*} ${x%z} ${x%%*z}'
	assert_output 'abc abc abc abc'
}

@test "prefix/suffix removal on unset and empty values gives empty" {
	run conch -c 'unset x; y=; echo "[${x#a}][${y%b}][${x##*}][${y%%*}]"'
	assert_output '[][][][]'
}

@test "pattern can match the whole value" {
	run conch -c 'x=abc; echo "[${x#abc}][${x%a*}][${x##*}]"'
	assert_output '[][][]'
}

@test "shortest vs longest with ? and bracket patterns" {
	run conch -c 'x=aXbXc; echo ${x#?X} ${x%X?} ${x#*[X]} ${x##*[X]}'
	assert_output 'bXc aXb bXc c'
}

@test "quoted * in a pattern is literal" {
	run conch -c 'x="*abc*"; echo "${x#"*"}" "${x%\*}" "${x#*}"'
	assert_output 'abc* *abc *abc*'
}

@test "quoted * in ## removes only a literal star" {
	run conch -c 'x="*a*b"; echo "${x##"*"}" "${x##*"*"}"'
	assert_output 'a*b b'
}

@test "pattern from a variable is a pattern unless quoted" {
	run conch -c 'p="*."; x=a.b.c; echo ${x#$p} ${x##$p} "${x#"$p"}"'
	assert_output 'b.c c a.b.c'
}

@test "pattern containing a parameter expansion" {
	run conch -c 'ext=gz; x=f.tar.gz; echo ${x%.$ext}'
	assert_output 'f.tar'
}

@test "braces needed for \${10}; \$10 is \${1}0" {
	run conch -c 'echo ${10} $10 ${1}0' sh a b c d e f g h i j
	assert_output 'j a0 a0'
}

@test "\${11} with fewer args is empty" {
	run conch -c 'echo "[${11}]"' sh 1 2
	assert_output '[]'
}

@test "nested default \${x:-\${y:-z}}" {
	run conch -c 'unset x y; echo ${x:-${y:-z}}; y=Y; echo ${x:-${y:-z}}; x=X; echo ${x:-${y:-z}}'
	assert_output $'z\nY\nX'
}

@test "word in \${x:-w} is not expanded when not used" {
	run conch -c 'x=v; echo ${x:-$(echo ran >&2; echo w)}' 
	assert_output 'v'
}

@test "word in \${x:+w} is expanded when used" {
	run conch -c 'x=v; echo ${x:+$(echo sub)}'
	assert_output 'sub'
}

@test "default word with spaces, unquoted, is field split" {
	run conch -c 'unset x; set -- ${x:-a b c}; echo $#'
	assert_output '3'
}

@test "default word quoted inside the braces is not split" {
	run conch -c 'unset x; set -- ${x:-"a b c"}; echo $#'
	assert_output '1'
}

@test "whole expansion quoted is one field" {
	run conch -c 'unset x; set -- "${x:-a b c}"; echo $#; echo "$1"'
	assert_output $'1\na b c'
}

@test "default word may contain a literal }" {
	run conch -c 'unset x; echo ${x:-"}"} ${x:-\}}'
	assert_output '} }'
}

@test "\${x:=w} cannot assign to a positional parameter" {
	run --separate-stderr conch -c 'echo ${1:=a}; echo after'
	assert_failure
	assert_output ''
}

@test "\${x} braces delimit the name" {
	run conch -c 'x=a; xy=b; echo ${x}y $xy'
	assert_output 'ay b'
}

@test "unset variable expands to nothing" {
	run conch -c 'unset x; echo "[$x]" [$x]'
	assert_output '[] []'
}

@test "lone \$ is literal" {
	run conch -c 'echo $ a$ "$" "a$"'
	assert_output '$ a$ $ a$'
}

@test "names are letters digits underscores" {
	run conch -c 'a_1=x; _b=y; echo $a_1 $_b $a_1- $_b.'
	assert_output 'x y x- y.'
}

@test "\${#} \${?} \${\$} braced special parameters" {
	run conch -c 'false; echo ${?} ${#}; [ "${$}" = "$$" ] && echo same' sh a b
	assert_output $'1 2\nsame'
}

@test "\${#@} style: \${#1} is the length of \$1" {
	run conch -c 'echo ${#1}' sh hello
	assert_output '5'
}

@test "\${x#w} with a tilde-like literal" {
	run conch -c 'x="~/foo"; echo "${x#\~/}"'
	assert_output 'foo'
}

@test "assignment value keeps spaces from expansion" {
	run conch -c 'x="a   b"; y=$x; echo "$y"'
	assert_output 'a   b'
}

@test "a bad substitution is an error" {
	run conch -c 'echo ${x!}; echo after'
	assert_failure 2
	refute_output --partial after
}
