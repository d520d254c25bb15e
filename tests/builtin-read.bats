#!/usr/bin/env bats
# builtin-read.bats: the read builtin (-r, IFS splitting, continuation, EOF,
# not reading past the line; conch adds bash's -d -n -N -p -s -t -u, whose
# expected outputs were checked with bash 5.2; tests of a terminal use tmux)
bats_require_minimum_version 1.5.0
load helpers/common
load helpers/tmux

teardown() { tty_teardown; }

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

@test "read -p PROMPT: nothing on stderr either when input is not a terminal" {
	is_conch || skip "conch-specific: read -p (bash)"
	run --separate-stderr conch -c 'echo hi | { read -p "P> " v; echo "[$v]"; }'
	assert_output '[hi]'
	[ -z "$stderr" ]
}

@test "read -p PROMPT: written to stderr when input is a terminal" {
	is_conch || skip "conch-specific: read -p (bash)"
	tty_start
	tty_run 'read -p "first> " x; read -p "second> " y 2>/dev/null; echo "[$x][$y]"'
	tty_wait 'first>'
	tty_run 'one'
	tty_run 'two'
	tty_wait '[one][two]'
	tty_screen | grep -qx 'first> one'
	tty_screen | grep -qx 'two'
}

# --- -n and -N: a number of characters ----------------------------------

@test "read -n N: returns after N characters, the rest stays unread" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch -c 'printf "abcdef\n" | { read -n 3 x; echo "$? [$x]"; cat; }'
	assert_output $'0 [abc]\ndef'
}

@test "read -n N: a delimiter before N characters ends the line" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch -c 'printf "ab\ncdef\n" | { read -n 3 x; echo "$? [$x]"; cat; }; printf "ab:cd\n" | { read -n 4 -d : x; echo "$? [$x]"; cat; }'
	assert_output $'0 [ab]\ncdef\n0 [ab]\ncd'
}

@test "read -n N: what was read is split with IFS" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch -c 'printf "a b c d\n" | { read -n 5 x y; echo "$? [$x][$y]"; cat; }'
	assert_output $'0 [a][b c]\n d'
}

@test "read -n N: end of file before N characters is status 1" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch -c 'printf ab | { read -n 3 x; echo "$? [$x]"; }'
	assert_output '1 [ab]'
}

@test "read -n N: a quoting backslash and backslash-newline are not counted, -r counts the backslash" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch_script <<'SH'
printf 'a\\bcd\n' | { read -n 2 x; echo "[$x]"; cat; }
printf 'a\\\nbcd\n' | { read -n 2 x; echo "[$x]"; cat; }
printf 'a\\bcd\n' | { read -rn2 x; echo "[$x]"; cat; }
SH
	assert_output $'[ab]\ncd\n[ab]\ncd\n[a\\]\nbcd'
}

@test "read -n N: NUL bytes are dropped and not counted" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch -c 'printf "a\0bcd\n" | { read -n 3 x; echo "[$x]"; cat; }'
	assert_output $'[abc]\nd'
}

@test "read -n 0 and -N 0 read nothing" {
	is_conch || skip "conch-specific: read -n (bash)"
	run conch -c 'printf "abc\n" | { read -n 0 x; echo "$? [$x]"; read -N 0 y; echo "$? [$y]"; cat; }'
	assert_output $'0 []\n0 []\nabc'
}

@test "read -n N: does not consume past N characters of a regular file" {
	is_conch || skip "conch-specific: read -n (bash)"
	printf 'abcdef\nxyz\n' > f
	run conch -c '{ read -n 2 x; echo "[$x]"; cat; } < f'
	assert_output $'[ab]\ncdef\nxyz'
}

@test "read -N N: reads exactly N characters, newlines included" {
	is_conch || skip "conch-specific: read -N (bash)"
	run conch -c 'printf "ab\ncdef\n" | { read -N 4 x; echo "$? [$x]"; cat; }'
	assert_output $'0 [ab\nc]\ndef'
}

@test "read -N N: the delimiter of -d is an ordinary character" {
	is_conch || skip "conch-specific: read -N (bash)"
	run conch -c 'printf "ab:cd\n" | { read -N 4 -d : x; echo "$? [$x]"; cat; }'
	assert_output $'0 [ab:c]\nd'
}

@test "read -N N: no splitting or trimming: the first name gets it all, the others are emptied" {
	is_conch || skip "conch-specific: read -N (bash)"
	run conch -c 'printf " a b  c \n" | { y=old; read -N 7 x y; echo "$? [$x][$y]"; }; printf "a:b\n" | { IFS=: read -N 3 x; echo "[$x]"; }'
	assert_output $'0 [ a b  c][]\n[a:b]'
}

@test "read -N N: end of file before N characters is status 1" {
	is_conch || skip "conch-specific: read -N (bash)"
	run conch -c 'printf ab | { read -N 3 x; echo "$? [$x]"; }'
	assert_output '1 [ab]'
}

@test "read -n and -N count characters of a UTF-8 locale, bytes in the C locale" {
	is_conch || skip "conch-specific: read -n (bash)"
	LC_ALL=C.UTF-8 run conch -c 'printf "\303\251t\303\251\n" | { read -n 2 x; read -N 1 y; printf "%s|%s" "$x" "$y" | od -An -tx1 | tr -d " \n"; }'
	assert_output 'c3a9747cc3a9'
	LC_ALL=C run conch -c 'printf "\303\251t\n" | { read -n 1 x; printf "%s" "$x" | od -An -tx1 | tr -d " \n"; }'
	assert_output 'c3'
}

@test "read -n / -N: a count that is not a number is an error (status 2)" {
	is_conch || skip "conch's status for a bad option argument (bash: 1)"
	run --separate-stderr conch -c 'read -n abc x; echo $?; read -N -1 x; echo $?; read -n 99999999999999999999 x; echo $?'
	assert_output $'2\n2\n2'
	[[ "$stderr" == *"read: abc: invalid number"* ]]
	[[ "$stderr" == *"read: -1: invalid number"* ]]
}

@test "read -n: a missing count is a usage error" {
	is_conch || skip "conch-specific: read -n (bash)"
	run --separate-stderr conch -c 'read -n; echo $?'
	assert_output '2'
	[[ "$stderr" == *"read: -n: option requires an argument"* ]]
}

# --- -t: a time limit ---------------------------------------------------

@test "read -t: times out on a pipe whose writer stays open, status 142" {
	is_conch || skip "conch-specific: read -t (bash)"
	run conch -c 'x=old; sleep 1 | { read -t 0.2 x; echo "$? [$x]"; }'
	assert_output '142 []'
}

@test "read -t: what arrived before the timeout is assigned (and split)" {
	is_conch || skip "conch-specific: read -t (bash)"
	run conch -c '{ printf "a b"; sleep 1; } | { read -t 0.3 x y; echo "$? [$x][$y]"; }'
	assert_output '142 [a][b]'
}

@test "read -t: never waits past the limit (fifo whose writer stays open)" {
	is_conch || skip "conch-specific: read -t (bash)"
	mkfifo p
	sleep 10 > p 2>/dev/null 3>&- &
	local writer=$! t0 t1
	t0=$(date +%s%N)
	run timeout 5 "$CONCH" -c 'read -t 0.3 x < p; echo "$?"; read -t 0.2 -n 5 y < p; echo "$?"'
	t1=$(date +%s%N)
	kill "$writer"
	assert_output $'142\n142'
	[ $(( (t1 - t0) / 1000000 )) -lt 3000 ]
}

@test "read -t: input that comes in time is read (status 0), fractions as .5 and 5." {
	is_conch || skip "conch-specific: read -t (bash)"
	run conch -c 'echo hi | { read -t 5 x; echo "$? [$x]"; }; echo a | { read -t .5 y; echo "$? [$y]"; }; echo b | { read -t 5. z; echo "$? [$z]"; }'
	assert_output $'0 [hi]\n0 [a]\n0 [b]'
}

@test "read -t: end of file before the timeout is status 1" {
	is_conch || skip "conch-specific: read -t (bash)"
	run conch -c '{ printf ab; sleep 0.2; } | { read -t 3 x; echo "$? [$x]"; }'
	assert_output '1 [ab]'
}

@test "read -t 0: status 0 when input is waiting, and nothing is read or assigned" {
	is_conch || skip "conch-specific: read -t (bash)"
	run conch -c 'echo hi | { sleep 0.2; read -t 0 x; echo "$? [${x-unset}]"; cat; }'
	assert_output $'0 [unset]\nhi'
}

@test "read -t 0: status 1 when nothing is waiting; 0 at end of file and on a regular file" {
	is_conch || skip "conch-specific: read -t (bash)"
	: > empty
	run conch -c 'sleep 1 | { read -t 0 x; echo $?; }; read -t 0 x < /dev/null; echo $?; read -t 0 x < empty; echo $?'
	assert_output $'1\n0\n0'
}

@test "read -t: a timeout that is not a number is an error (status 2)" {
	is_conch || skip "conch's status for a bad option argument (bash: 1)"
	run --separate-stderr conch -c 'read -t -1 x; echo $?; read -t 1e1 x; echo $?; read -t 1.5.5 x; echo $?; read -t "" x; echo $?'
	assert_output $'2\n2\n2\n2'
	[[ "$stderr" == *"read: -1: invalid timeout specification"* ]]
}

# --- -u: another descriptor ----------------------------------------------

@test "read -u FD: reads from descriptor FD" {
	is_conch || skip "conch-specific: read -u (bash)"
	printf 'l1\nl2\n' > f
	run conch -c 'exec 4< f; read -u 4 a; read -u4 b; echo "[$a][$b]"; { read -u 3 c; echo "[$c]"; } 3< f'
	assert_output $'[l1][l2]\n[l1]'
}

@test "read -u FD: standard input is left alone" {
	is_conch || skip "conch-specific: read -u (bash)"
	printf 'l1\nl2\n' > f
	run conch -c 'echo fromstdin | { read -u 3 x 3< f; read y; echo "[$x][$y]"; }'
	assert_output '[l1][fromstdin]'
}

@test "read -u FD: a closed descriptor is an error, status 1" {
	is_conch || skip "conch-specific: read -u (bash)"
	run --separate-stderr conch -c 'exec 4<&-; read -u 4 x; echo $?; exec 5</dev/null 5<&-; read -u 5 x; echo $?'
	assert_output $'1\n1'
	[[ "$stderr" == *"read: 4: invalid file descriptor: Bad file descriptor"* ]]
	[[ "$stderr" == *"read: 5: invalid file descriptor: Bad file descriptor"* ]]
}

@test "read -u FD: a descriptor that is not a number is an error (status 2)" {
	is_conch || skip "conch's status for a bad option argument (bash: 1)"
	run --separate-stderr conch -c 'read -u abc x; echo $?; read -u -1 x; echo $?'
	assert_output $'2\n2'
	[[ "$stderr" == *"read: abc: invalid file descriptor specification"* ]]
}

# --- -s: no echo, on a terminal ---------------------------------------------

@test "read -s: input that is not a terminal is read as usual" {
	is_conch || skip "conch-specific: read -s (bash)"
	run conch -c 'echo hi | { read -s x; echo "$? [$x]"; }'
	assert_output '0 [hi]'
}

@test "read -s: the typed line is not echoed, and echo is back afterwards" {
	is_conch || skip "conch-specific: read -s (bash)"
	tty_start
	tty_run 'read -s -p "pw: " x; echo "[$x]"; read y; echo "<$y>"'
	tty_wait 'pw:'
	tty_run 'hidden-text'
	tty_wait '[hidden-text]'
	[ "$(tty_count 'pw: hidden-text')" -eq 0 ]
	tty_run 'shown-text'
	tty_wait '<shown-text>'
	[ "$(tty_count 'shown-text')" -eq 2 ]
}

@test "read -s: echo is restored after a timeout and after Ctrl-C" {
	is_conch || skip "conch-specific: read -s (bash)"
	tty_start
	tty_run 'read -s -t 0.3 x; echo "st=$?"'
	tty_wait 'st=142'
	tty_run 'echo typed-after-timeout'
	tty_wait_count 'typed-after-timeout' 2
	tty_run 'read -s y; echo "st=$?"'
	sleep 0.3
	tty_type C-c
	tty_wait '$ '
	tty_run 'echo "after=$?"'
	tty_wait 'after=130'
	tty_count 'echo "after=$?"' | grep -qx 1
}

# --- signals --------------------------------------------------------------

@test "read: Ctrl-C ends a read from the terminal in an interactive shell (status 130)" {
	is_conch || skip "conch-specific: a terminal"
	tty_start
	tty_run 'read x; echo "never-$?"'
	sleep 0.3
	tty_type C-c
	tty_run 'echo "after=$?"'
	tty_wait 'after=130'
	[ "$(tty_count 'never-')" -eq 1 ]
}

@test "read: a trapped signal runs its action at once and the read goes on" {
	no_dash "trap actions during a read (dash runs them after it; bash, as conch, at once)"
	mkfifo p
	{ sleep 1; echo line; } > p 2>/dev/null 3>&- &
	run conch -c 'trap "echo \"trapped [\${x-unset}]\"" USR1; (sleep 0.3; kill -USR1 $$) & read x < p; echo "$? [$x]"'
	assert_output $'trapped [unset]\n0 [line]'
}

@test "read: a trap action that exits ends the read and the shell with its status" {
	mkfifo p
	sleep 10 > p 2>/dev/null 3>&- &
	local writer=$!
	run timeout 5 "$CONCH" -c 'trap "echo trapped; exit 5" TERM; (sleep 0.3; kill -TERM $$) & read x < p; echo never'
	kill "$writer" 2>/dev/null || true
	assert_failure 5
	assert_output 'trapped'
}
