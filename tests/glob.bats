#!/usr/bin/env bats
# glob.bats: POSIX 2.6.6 Pathname Expansion
load 'helpers/common'

setup() {
	export LC_ALL=C  # the order of the matches depends on the collation
	cd "$BATS_TEST_TMPDIR" || return 1
	mkdir -p d/sub d/sub2/deep d/.hdir d/empty
	cd d || return 1
	touch a b c.txt d.txt B.txt .hidden .h.txt 'sp ace' 'a*b' ab sub/x.c sub/y.c sub/.z.c sub2/deep/w.txt .hdir/in
	ln -s sub lnk
	ln -s nowhere dangling
}

@test "* lists the directory, sorted, without hidden files" {
	run "$CONCH" -c 'echo *'
	assert_output 'B.txt a a*b ab b c.txt d.txt dangling empty lnk sp ace sub sub2'
}

@test "*.txt matches by suffix" {
	run "$CONCH" -c 'echo *.txt'
	assert_output 'B.txt c.txt d.txt'
}

@test "? matches names of one character" {
	run "$CONCH" -c 'echo ?'
	assert_output 'a b'
}

@test "bracket expressions in patterns" {
	run "$CONCH" -c 'echo [ab]* [cd].txt'
	assert_output 'a a*b ab b c.txt d.txt'
}

@test "negated bracket does not match a leading dot" {
	run "$CONCH" -c 'echo [!a]*'
	assert_output 'B.txt b c.txt d.txt dangling empty lnk sp ace sub sub2'
}

@test "hidden files need a literal leading dot" {
	run "$CONCH" -c 'echo .h* [.]h* ?hidden'
	assert_output '.h.txt .hdir .hidden [.]h* ?hidden'
}

@test ".* matches hidden names but never . or .." {
	case ${CONCH##*/} in dash) skip 'dash gives . and ..' ;; esac
	run "$CONCH" -c 'echo .*'
	assert_output '.h.txt .hdir .hidden'
}

@test "a pattern that matches nothing stays as it is" {
	run "$CONCH" -c 'echo *.nomatch x?y "[z]"*'
	assert_output '*.nomatch x?y [z]*'
}

@test "quoted pattern characters are not expanded" {
	run "$CONCH" -c 'echo "*" '\''*.txt'\'' \?'
	assert_output '* *.txt ?'
}

@test "partly quoted word: the quoted part is literal" {
	run "$CONCH" -c 'echo "a"* "a*"*'
	assert_output 'a a*b ab a*b'
}

@test "an escaped star matches only a literal star" {
	run "$CONCH" -c 'echo a\** a\*b'
	assert_output 'a*b a*b'
}

@test "*/ matches directories only (and links to them), keeping the slash" {
	run "$CONCH" -c 'echo */'
	assert_output 'empty/ lnk/ sub/ sub2/'
}

@test "pattern over several directories" {
	run "$CONCH" -c 'echo */*.c'
	assert_output 'lnk/x.c lnk/y.c sub/x.c sub/y.c'
}

@test "literal directory then a pattern" {
	run "$CONCH" -c 'echo sub/* sub2/*/*.txt'
	assert_output 'sub/x.c sub/y.c sub2/deep/w.txt'
}

@test "pattern then a literal: only names that exist" {
	run "$CONCH" -c 'echo */x.c */deep'
	assert_output 'lnk/x.c sub/x.c sub2/deep'
}

@test "a pattern directory component never matches a file" {
	run "$CONCH" -c 'echo *.txt/x'
	assert_output '*.txt/x'
}

@test "absolute pattern" {
	run "$CONCH" -c 'cd /; echo "$1"/sub/*.c' sh "$PWD"
	assert_output "$PWD/sub/x.c $PWD/sub/y.c"
}

@test "./ prefix is kept" {
	run "$CONCH" -c 'echo ./?.txt ./sub/x*'
	assert_output './B.txt ./c.txt ./d.txt ./sub/x.c'
}

@test "set -f turns pathname expansion off" {
	run "$CONCH" -c 'set -f; echo *.txt; set +f; echo c*'
	assert_output $'*.txt\nc.txt'
}

@test "each match is one field, spaces included" {
	run "$CONCH" -c 'for f in s*; do echo "[$f]"; done'
	assert_output $'[sp ace]\n[sub]\n[sub2]'
}

@test "an unquoted variable is globbed after field splitting, a quoted one is not" {
	run "$CONCH" -c 'p="c* e*"; echo $p; echo "$p"'
	assert_output $'c.txt empty\nc* e*'
}

@test "set -- with a glob counts the matches" {
	run "$CONCH" -c 'set -- *.txt; echo $#; set -- sub/*; echo $# $1'
	assert_output $'3\n2 sub/x.c'
}

@test "a dangling symlink is matched by a wildcard" {
	run "$CONCH" -c 'echo dang*'
	assert_output 'dangling'
}

@test "an empty directory gives no matches" {
	run "$CONCH" -c 'echo empty/*'
	assert_output 'empty/*'
}

@test "unreadable directories are skipped silently" {
	[ "$(id -u)" -ne 0 ] || skip 'root reads every directory'
	chmod 000 sub2
	run "$CONCH" -c 'echo sub*/*'
	chmod 755 sub2
	assert_success
	assert_output 'sub/x.c sub/y.c'
}

@test "hidden files inside a directory need a literal dot too" {
	run "$CONCH" -c 'echo sub/*.c; echo sub/.*.c'
	assert_output $'sub/x.c sub/y.c\nsub/.z.c'
}

@test "many files: every match, in order" {
	run "$CONCH" -c 'mkdir many && cd many && i=0; while [ $i -lt 1500 ]; do : > "f$i.txt"; : > "g$i.dat"; i=$((i + 1)); done; set -- *.txt; echo $# $1 $2; set -- g1??.dat; echo $#'
	assert_output $'1500 f0.txt f1.txt\n100'
}

@test "glob in a case word and in an assignment is not expanded" {
	run "$CONCH" -c 'x=*.txt; echo "$x"; case *.txt in "*.txt") echo literal;; esac'
	assert_output $'*.txt\nliteral'
}

# glob_dir compiles a pattern once per directory for ASCII names; these
# patterns cover every element it compiles (the output is what the
# uncompiled matcher gave, and dash gives where it follows POSIX: dash
# does not take ^ for !, and lists . and .. for .*).
@test "glob: the patterns glob_dir compiles for ASCII names" {
	mkdir g && cd g
	touch a b ab ba abc a.c b.c ab.c '[x' 'x]' ']a' a- -a 'a*b' 'a?b' 'a\b' A B .hid a1 a2 a9 z
	cat > ../pats.sh <<'SH'
for p in '*' 'a*' '*c' '?' '??' 'a?' '[ab]' '[!ab]' '[^ab]' '[a-c]*' '[]a]*' '[a-]' '*[' '[x' '\[x' '*]' 'x]' 'a\*b' 'a[*]b' 'a[?]b' '[[:upper:]]' '[[:digit:]]' 'a[[:digit:]]' '*[![:alpha:]]*' '.*' '*.c' 'a*.c' '*b*' '*a*b*' 'a[1-5]' '[[]x' '[!]' '[]' 'a[\]]' '[.]*' '[-a]*' 'a\\b' '*\\*' '*0*0*'; do
	eval "set -- $p"
	printf '%s:' "$p"
	printf ' %s' "$@"
	echo
done
SH
	LC_ALL=C run conch ../pats.sh
	assert_success
	assert_output - <<'OUT'
*: A B [x ]a a a*b a- a.c a1 a2 a9 a?b a\b ab ab.c abc b b.c ba x] z
a*: a a*b a- a.c a1 a2 a9 a?b a\b ab ab.c abc
*c: a.c ab.c abc b.c
?: A B a b z
??: [x ]a a- a1 a2 a9 ab ba x]
a?: a- a1 a2 a9 ab
[ab]: a b
[!ab]: A B z
[^ab]: A B z
[a-c]*: a a*b a- a.c a1 a2 a9 a?b a\b ab ab.c abc b b.c ba
[]a]*: ]a a a*b a- a.c a1 a2 a9 a?b a\b ab ab.c abc
[a-]: a
*[: *[
[x: [x
\[x: [x
*]: x]
x]: x]
a\*b: a*b
a[*]b: a*b
a[?]b: a?b
[[:upper:]]: A B
[[:digit:]]: [[:digit:]]
a[[:digit:]]: a1 a2 a9
*[![:alpha:]]*: [x ]a a*b a- a.c a1 a2 a9 a?b a\b ab.c b.c x]
.*: .hid
*.c: a.c ab.c b.c
a*.c: a.c ab.c
*b*: a*b a?b a\b ab ab.c abc b b.c ba
*a*b*: a*b a?b a\b ab ab.c abc
a[1-5]: a1 a2
[[]x: [x
[!]: [!]
[]: []
a[\]]: a[]]
[.]*: [.]*
[-a]*: a a*b a- a.c a1 a2 a9 a?b a\b ab ab.c abc
a\\b: a\b
*\\*: a\b
*0*0*: *0*0*
OUT
}

@test "glob: names with multibyte characters match by character (UTF-8), beside ASCII ones" {
	mkdir g && cd g
	touch a ab a1 é aé bé.c b.c
	LC_ALL=C.UTF-8 run conch -c 'for p in "?" "a?" "[é]" "*é" "?é" "[!a]" "*.c"; do set -- $p; echo "$p: $*"; done'
	assert_success
	assert_output - <<'OUT'
?: a é
a?: a1 ab aé
[é]: é
*é: aé é
?é: aé
[!a]: é
*.c: b.c bé.c
OUT
}

@test "glob: 3000 names come out sorted, as ls sorts them in the C locale" {
	mkdir g && cd g
	i=0
	while [ $i -lt 3000 ]; do : > "n$((i * 7919 % 3000))x"; i=$((i + 1)); done
	LC_ALL=C run conch -c 'printf "%s\n" *'
	assert_success
	[ "$output" = "$(LC_ALL=C ls)" ]
	[ "${#lines[@]}" -eq 3000 ]
}
