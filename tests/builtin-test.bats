#!/usr/bin/env bats
# builtin-test.bats: the test and [ builtins (every POSIX primary, -a -o ! ( ),
# string vs numeric comparisons, errors with status 2)
bats_require_minimum_version 1.5.0
load helpers/common

# t EXPR...: prints the status of `test EXPR...` under the shell under test.
t() {
	run conch -c 'test "$@"; echo $?' sh "$@"
}

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "test with no arguments is false" {
	t
	assert_output '1'
}

@test "test STRING: true when non-empty" {
	t x
	assert_output '0'
	t ''
	assert_output '1'
}

@test "test: a lone operator-like word is a non-empty string" {
	t -n
	assert_output '0'
	t -a
	assert_output '0'
	t =
	assert_output '0'
	t -t
	assert_output '0'
}

@test "test -n and -z" {
	run conch -c 'test -n x; echo $?; test -n ""; echo $?; test -z ""; echo $?; test -z x; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test: = and != compare strings" {
	run conch -c 'test a = a; echo $?; test a = b; echo $?; test a != b; echo $?; test a != a; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test: = compares strings, not numbers" {
	t 01 = 1
	assert_output '1'
}

@test "test: < and > compare strings in collation order" {
	run conch -c 'test a \< b; echo $?; test b \< a; echo $?; test 10 \> 9; echo $?; test b \> a; echo $?'
	assert_output $'0\n1\n1\n0'
}

@test "test -eq and -ne" {
	run conch -c 'test 1 -eq 1; echo $?; test 1 -eq 2; echo $?; test 1 -ne 2; echo $?; test 1 -ne 1; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test -lt -le -gt -ge" {
	run conch -c 'test 1 -lt 2; echo $?; test 2 -lt 2; echo $?; test 2 -le 2; echo $?; test 3 -le 2; echo $?; test 2 -gt 1; echo $?; test 1 -gt 1; echo $?; test 2 -ge 2; echo $?; test 3 -ge 4; echo $?'
	assert_output $'0\n1\n0\n1\n0\n1\n0\n1'
}

@test "test: numeric comparison is numeric (10 -gt 9, 010 -eq 10)" {
	run conch -c 'test 10 -gt 9; echo $?; test 010 -eq 10; echo $?; test +5 -eq 5; echo $?'
	assert_output $'0\n0\n0'
}

@test "test: negative numbers" {
	run conch -c 'test -5 -lt 2; echo $?; test -9223372036854775808 -lt 0; echo $?'
	assert_output $'0\n0'
}

@test "test: blanks around a number are allowed" {
	run conch -c 'test " 5" -eq 5; echo $?; test "5 " -eq 5; echo $?'
	assert_output $'0\n0'
}

@test "test: a non-integer operand of -eq is an error with status 2" {
	run --separate-stderr conch -c 'test abc -eq 1; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: a decimal fraction is not an integer (status 2)" {
	run --separate-stderr conch -c 'test 1.5 -eq 1; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: an empty string is not an integer (status 2)" {
	run --separate-stderr conch -c 'test "" -eq 0; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: an integer that overflows is an error (status 2)" {
	run --separate-stderr conch -c 'test 99999999999999999999 -gt 1; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: a missing operand of a binary operator is an error (status 2)" {
	run --separate-stderr conch -c 'test 1 -eq; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: two strings without an operator is an error (status 2)" {
	run --separate-stderr conch -c 'test x y; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: too many arguments is an error (status 2)" {
	run --separate-stderr conch -c 'test a b c d; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "test: an error in test does not exit the shell" {
	run --separate-stderr conch -c 'test abc -eq 1; echo after'
	assert_success
	assert_output 'after'
}

@test "test: ! negates" {
	run conch -c 'test ! x; echo $?; test ! ""; echo $?; test ! a = b; echo $?'
	assert_output $'1\n0\n0'
}

@test "test: ! alone is a non-empty string" {
	t '!'
	assert_output '0'
}

@test "test: a three-argument binary expression wins over !" {
	t '!' = '!'
	assert_output '0'
	t -z -z
	assert_output '1'
}

@test "test: -a is and" {
	run conch -c 'test x -a x; echo $?; test x -a ""; echo $?; test "" -a x; echo $?'
	assert_output $'0\n1\n1'
}

@test "test: -o is or" {
	run conch -c 'test x -o ""; echo $?; test "" -o x; echo $?; test "" -o ""; echo $?'
	assert_output $'0\n0\n1'
}

@test "test: -a binds tighter than -o" {
	run conch -c 'test x -a x -o ""; echo $?; test "" -a x -o x; echo $?; test x -o x -a ""; echo $?'
	assert_output $'0\n0\n0'
}

@test "test: binary comparisons joined with -a" {
	t 1 -eq 1 -a 2 -gt 1
	assert_output '0'
	t 1 -eq 1 -a 2 -gt 3
	assert_output '1'
}

@test "test: ( ) group" {
	run conch -c 'test \( x \); echo $?; test \( "" \); echo $?; test \( "" -o x \) -a x; echo $?; test "" -o \( x -a "" \); echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test: ! with four arguments negates the three-argument test" {
	t '!' x -o x
	assert_output '1'
	t '!' a = b
	assert_output '0'
}

@test "[ ... ] works like test" {
	run conch -c '[ x ]; echo $?; [ ]; echo $?; [ a = a ]; echo $?; [ 1 -gt 2 ]; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "[ requires the closing ] (status 2)" {
	run --separate-stderr conch -c '[ x; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "[ ] as arguments: = between ] words" {
	run conch -c '[ = ]; echo $?; [ ] = ] ]; echo $?'
	assert_output $'0\n0'
}

@test "test: ] is not required (and is a string) for test" {
	t ']'
	assert_output '0'
}

@test "test -e: exists" {
	touch f
	run conch -c 'test -e f; echo $?; test -e nope; echo $?; test -e ""; echo $?'
	assert_output $'0\n1\n1'
}

@test "test -f: regular file (following symlinks)" {
	touch f; mkdir d; ln -s f sl; ln -s missing dangling
	run conch -c 'test -f f; echo $?; test -f d; echo $?; test -f sl; echo $?; test -f dangling; echo $?; test -f nope; echo $?'
	assert_output $'0\n1\n0\n1\n1'
}

@test "test -d: directory" {
	touch f; mkdir d
	run conch -c 'test -d d; echo $?; test -d f; echo $?; test -d ""; echo $?'
	assert_output $'0\n1\n1'
}

@test "test -h and -L: symbolic link, even dangling" {
	touch f; ln -s f sl; ln -s missing dangling
	run conch -c 'test -h sl; echo $?; test -L sl; echo $?; test -h f; echo $?; test -L dangling; echo $?; test -e dangling; echo $?'
	assert_output $'0\n0\n1\n0\n1'
}

@test "test -s: size greater than zero" {
	echo x > full; : > empty
	run conch -c 'test -s full; echo $?; test -s empty; echo $?; test -s nope; echo $?'
	assert_output $'0\n1\n1'
}

@test "test -p: named pipe" {
	mkfifo fifo; touch f
	run conch -c 'test -p fifo; echo $?; test -p f; echo $?'
	assert_output $'0\n1'
}

@test "test -S: socket" {
	command -v python3 >/dev/null || skip "python3 needed to make a socket"
	python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'
	touch f
	run conch -c 'test -S sock; echo $?; test -S f; echo $?'
	assert_output $'0\n1'
}

@test "test -c: character device" {
	touch f
	run conch -c 'test -c /dev/null; echo $?; test -c f; echo $?'
	assert_output $'0\n1'
}

@test "test -b: block device" {
	dev=$(find /dev -type b 2>/dev/null | head -n 1)
	[ -n "$dev" ] || skip "no block device"
	run conch -c 'test -b "$1"; echo $?; test -b /dev/null; echo $?' sh "$dev"
	assert_output $'0\n1'
}

@test "test -x: executable (or searchable)" {
	touch plain exe; chmod 644 plain; chmod 755 exe; mkdir d
	run conch -c 'test -x exe; echo $?; test -x plain; echo $?; test -x d; echo $?; test -x nope; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test -r and -w: readable and writable" {
	touch f
	run conch -c 'test -r f; echo $?; test -w f; echo $?; test -r nope; echo $?; test -w nope; echo $?'
	assert_output $'0\n0\n1\n1'
}

@test "test -r and -w: false without permission" {
	[ "$(id -u)" != 0 ] || skip "root ignores permissions"
	touch f; chmod 000 f
	run conch -c 'test -r f; echo $?; test -w f; echo $?'
	assert_output $'1\n1'
}

@test "test -g and -u: set-group-ID and set-user-ID bits" {
	touch sg su plain; chmod g+s sg; chmod u+s su
	[ -g sg ] || skip "cannot set the set-group-ID bit here"
	run conch -c 'test -g sg; echo $?; test -g plain; echo $?; test -u su; echo $?; test -u plain; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test -t: a descriptor that is not a terminal" {
	run conch -c 'test -t 0; echo $?; test -t 99; echo $?' </dev/null
	assert_output $'1\n1'
}

@test "test -nt and -ot: modification times" {
	touch -d '2020-01-01' old; touch -d '2021-01-01' new
	run conch -c 'test new -nt old; echo $?; test old -nt new; echo $?; test old -ot new; echo $?; test new -ot old; echo $?'
	assert_output $'0\n1\n0\n1'
}

@test "test -nt and -ot: equal times are neither" {
	touch -d '2020-01-01' a b
	run conch -c 'test a -nt b; echo $?; test a -ot b; echo $?'
	assert_output $'1\n1'
}

@test "test -ef: same file through a hard link or a symlink" {
	echo x > f; ln f hard; ln -s f sl; touch other
	run conch -c 'test f -ef hard; echo $?; test f -ef sl; echo $?; test f -ef other; echo $?; test nope -ef nope; echo $?'
	assert_output $'0\n0\n1\n1'
}

@test "test: file operands are expanded like any word" {
	touch 'a b'
	run conch -c 'f="a b"; test -f "$f"; echo $?'
	assert_output '0'
}

@test "test: a unary operator as the first of two strings compares" {
	t -f = -f
	assert_output '0'
}
