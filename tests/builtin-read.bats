#!/usr/bin/env bats
# builtin-read.bats: the read builtin (-r, IFS splitting, continuation, EOF,
# not reading past the line; conch adds bash's -d DELIM and -p PROMPT)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "read: one variable gets the whole line" {
	run conch -c 'echo "a b c" | { read x; echo "[$x]"; }'
	assert_success
	assert_output '[a b c]'
}

@test "read: leading and trailing IFS whitespace is trimmed" {
	run conch -c 'echo "   a b  " | { read x; echo "[$x]"; }'
	assert_output '[a b]'
}

@test "read: the line is split into several variables, the rest goes in the last" {
	run conch -c 'echo "a b c d" | { read x y; echo "[$x][$y]"; }'
	assert_output '[a][b c d]'
}

@test "read: inner whitespace of the rest is kept, its ends are trimmed" {
	run conch -c 'echo " a   b   c  " | { read x y; echo "[$x][$y]"; }'
	assert_output '[a][b   c]'
}

@test "read: tabs are IFS whitespace too" {
	run conch -c 'printf "a\tb\n" | { read x y; echo "[$x][$y]"; }'
	assert_output '[a][b]'
}

@test "read: missing fields set the remaining variables to empty" {
	run conch -c 'echo a | { read x y z; echo "[$x][${y-unset}][${z-unset}]"; }'
	assert_output '[a][][]'
}

@test "read: status 0 when a full line is read" {
	run conch -c 'echo "a b" | { read x y; echo $?; }'
	assert_output '0'
}

@test "read: a backslash escapes the next character without -r" {
	run conch_script <<'SH'
printf '%s\n' 'a\tb\\c' | { read x; printf '[%s]\n' "$x"; }
SH
	assert_output '[atb\c]'
}

@test "read -r: backslashes are kept" {
	run conch_script <<'SH'
printf '%s\n' 'a\tb\\c' | { read -r x; printf '[%s]\n' "$x"; }
SH
	assert_output '[a\tb\\c]'
}

@test "read: backslash-newline continues the line without -r" {
	run conch_script <<'SH'
printf 'a\\\nb\n' | { read x; echo "[$x]"; }
SH
	assert_output '[ab]'
}

@test "read -r: backslash-newline ends the line, the backslash is kept" {
	run conch_script <<'SH'
printf 'a\\\nb\n' | { read -r x; read -r y; printf '[%s][%s]\n' "$x" "$y"; }
SH
	assert_output '[a\][b]'
}

@test "read: an escaped space does not split" {
	run conch_script <<'SH'
printf '%s\n' 'a\ b c' | { read x y; echo "[$x][$y]"; }
SH
	assert_output '[a b][c]'
}

@test "read: an escaped IFS character does not split" {
	run conch_script <<'SH'
printf '%s\n' 'a\:b:c' | { IFS=: read x y; echo "[$x][$y]"; }
SH
	assert_output '[a:b][c]'
}

@test "read: EOF without a newline returns 1 but sets the variable" {
	run conch -c 'printf abc | { read x; echo "$? [$x]"; }'
	assert_output '1 [abc]'
}

@test "read: EOF at once returns 1 and sets the variable empty" {
	run conch -c 'x=old; read x </dev/null; echo "$? [${x-unset}]"'
	assert_output '1 []'
}

@test "read: a backslash at EOF without -r" {
	run conch_script <<'SH'
printf 'a\\' | { read x; echo "$? [$x]"; }
SH
	assert_output '1 [a]'
}

@test "read: non-whitespace IFS separates each field" {
	run conch -c 'printf "a::c\n" | { IFS=: read x y z; echo "[$x][$y][$z]"; }'
	assert_output '[a][][c]'
}

@test "read: non-whitespace IFS, the last variable gets the rest" {
	run conch -c 'printf "a:b:c\n" | { IFS=: read x y; echo "[$x][$y]"; }'
	assert_output '[a][b:c]'
}

@test "read: a leading IFS delimiter gives an empty first field" {
	run conch -c 'printf ":a:\n" | { IFS=: read x y; echo "[$x][$y]"; }'
	assert_output '[][a]'
}

@test "read: one trailing IFS delimiter is dropped from the last field" {
	run conch -c 'printf "a:b:\n" | { IFS=: read x y; echo "[$x][$y]"; }'
	assert_output '[a][b]'
}

@test "read: several trailing IFS delimiters are kept in the last field" {
	run conch -c 'printf "a:b::\n" | { IFS=: read x y; echo "[$x][$y]"; }; printf "a:b:c:\n" | { IFS=: read x y; echo "[$x][$y]"; }'
	assert_output $'[a][b::]\n[a][b:c:]'
}

@test "read: whitespace around a non-whitespace IFS character is one delimiter" {
	run conch -c 'printf "a b : c\n" | { IFS=": " read x y z; echo "[$x][$y][$z]"; }'
	assert_output '[a][b][c]'
}

@test "read: an empty IFS does no splitting or trimming" {
	run conch -c 'printf "  a b  \n" | { IFS= read x; echo "[$x]"; }'
	assert_output '[  a b  ]'
}

@test "read: an empty IFS with two variables puts everything in the first" {
	run conch -c 'IFS=; printf " a b \n" | { read x y; echo "[$x][$y]"; }'
	assert_output '[ a b ][]'
}

@test "read: a prefix IFS assignment does not persist" {
	run conch -c 'echo a:b | { IFS=: read x y; printf "[%s]\n" "$IFS"; }'
	assert_output $'[ \t\n]'
}

@test "read: reads one line from a here-document" {
	run conch_script <<'SH'
read x y <<EOF
hello big world
second
EOF
echo "[$x][$y]"
SH
	assert_output '[hello][big world]'
}

@test "read: reads a file line by line with { read; read; } < file" {
	printf 'l1\nl2\nl3\n' > f
	run conch -c '{ read a; read b; } < f; echo "$b $a"'
	assert_output 'l2 l1'
}

@test "read: two reads from a pipe get consecutive lines" {
	run conch -c 'printf "a\nb\n" | { read x; read y; echo "$y$x"; }'
	assert_output 'ba'
}

@test "read: does not consume past its line from a pipe" {
	run conch -c 'printf "a\nb\n" | { read x; cat; }'
	assert_output 'b'
}

@test "read: does not consume past its line from a file" {
	printf 'a\nb\nc\n' > f
	run conch -c '{ read x; cat; } < f'
	assert_output $'b\nc'
}

@test "read: does not consume past its line from a here-document" {
	run conch_script <<'SH'
{ read x; cat; } <<EOF
one
two
EOF
SH
	assert_output 'two'
}

@test "read: does not consume past its line when the shell reads its script from stdin" {
	is_conch || skip "POSIX requires it but dash reads its script ahead (bash passes)"
	printf 'echo start\nread x\nX was here\necho "[$x]"\n' > s.sh
	run conch < s.sh
	assert_output $'start\n[X was here]'
}

@test "read: a while read loop sees every line, including a last one without newline" {
	run conch -c 'printf "1\n2\n3" | { n=0; while read l || [ -n "$l" ]; do n=$((n+l)); done; echo $n; }'
	assert_output '6'
}

@test "read: an invalid variable name is an error" {
	run --separate-stderr conch -c 'echo x | { read 1x; echo "failed=$(( $? != 0 ))"; }'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "read: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'echo x | { read -x v; echo $?; }'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "read -r with several variables" {
	run conch_script <<'SH'
printf '%s\n' 'a\b c\d e' | { read -r x y; printf '[%s][%s]\n' "$x" "$y"; }
SH
	assert_output '[a\b][c\d e]'
}

@test "read: after a pipeline, the variables are set in the shell (thread stages)" {
	is_conch || skip "conch-specific: read in the last pipeline stage sets the shell's variables"
	run conch -c 'printf "a b\n" | read x y; echo "$x|$y"'
	assert_output 'a|b'
}

@test "read: a while read loop in a pipeline updates the shell's variables" {
	is_conch || skip "conch-specific: pipeline stages share the shell's variables"
	run conch -c 'printf "1\n2\n3\n4\n5\n" | while read n; do s=$((s+n)); done; echo $s'
	assert_output '15'
}

@test "read -d DELIM: reads up to the delimiter" {
	is_conch || skip "conch-specific: read -d (bash)"
	run conch -c 'printf "a b:c" | { read -d : x; echo "$? [$x]"; read -d : y; echo "$? [$y]"; }'
	assert_output $'0 [a b]\n1 [c]'
}

@test "read -d DELIM: newlines are ordinary characters" {
	is_conch || skip "conch-specific: read -d (bash)"
	run conch -c 'printf "a\nb:c" | { read -d : x; echo "[$x]"; }'
	assert_output $'[a\nb]'
}

@test "read -d '': reads up to a NUL byte" {
	is_conch || skip "conch-specific: read -d (bash)"
	run conch -c 'printf "a b\0c\0" | { read -d "" x; echo "$? [$x]"; read -d "" y; echo "$? [$y]"; }'
	assert_output $'0 [a b]\n0 [c]'
}

@test "read -d: splitting into several variables still uses IFS" {
	is_conch || skip "conch-specific: read -d (bash)"
	run conch -c 'printf "x y z:w" | { read -d : a b; echo "[$a][$b]"; }'
	assert_output '[x][y z]'
}

@test "read -d: a backslash escapes the delimiter without -r" {
	is_conch || skip "conch-specific: read -d (bash)"
	run conch_script <<'SH'
printf 'a\\:b:c' | { read -d : x; echo "[$x]"; }
printf 'a\\:b:c' | { read -r -d : x; echo "[$x]"; }
SH
	assert_output $'[a:b]\n[a\\]'
}

@test "read -d: does not consume past the delimiter" {
	is_conch || skip "conch-specific: read -d (bash)"
	run conch -c 'printf "a:b:c" | { read -d : x; cat; }'
	assert_output 'b:c'
}

@test "read -p PROMPT: reads the line; no prompt on stdout when input is not a terminal" {
	is_conch || skip "conch-specific: read -p (bash)"
	run --separate-stderr conch -c 'echo hi | { read -p "P> " v; echo "[$v]"; }'
	assert_success
	assert_output '[hi]'
}
