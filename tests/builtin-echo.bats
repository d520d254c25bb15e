#!/usr/bin/env bats
# builtin-echo.bats: the echo builtin. conch's echo is bash's: no escape
# processing by default, -n, -e and -E options; dash's echo always interprets
# escapes, so the tests that depend on that are conch-specific.
bats_require_minimum_version 1.5.0
load helpers/common

@test "echo prints its arguments separated by one space" {
	run conch -c 'echo a b   c'
	assert_success
	assert_output 'a b c'
}

@test "echo keeps the spaces inside a quoted argument" {
	run conch -c 'echo "a  b"   c'
	assert_output 'a  b c'
}

@test "echo with no arguments prints an empty line" {
	run conch -c 'echo | od -An -c | tr -d " "'
	assert_output '\n'
}

@test "echo keeps empty arguments" {
	run conch -c 'echo "" x "" | od -An -c | tr -s " "'
	assert_output ' x \n'
}

@test "echo -n suppresses the newline" {
	run conch -c 'echo -n a; echo b'
	assert_success
	assert_output 'ab'
}

@test "echo -n alone prints nothing" {
	run conch -c 'echo -n | wc -c'
	assert_output --regexp '^ *0$'
}

@test "echo: -- is printed, not an end of options" {
	run conch -c 'echo -- a'
	assert_output '-- a'
}

@test "echo: an unknown option is printed as an argument" {
	run conch -c 'echo -x a; echo -'
	assert_output $'-x a\n-'
}

@test "echo: an option after an operand is printed" {
	run conch -c 'echo a -n'
	assert_output 'a -n'
}

@test "echo: a quoted -n is still an option (it is just a word)" {
	run conch -c 'echo "-n" x; echo'
	assert_output 'x'
}

@test "echo: a write error gives a non-zero status and a message" {
	run --separate-stderr conch -c 'echo hi >/dev/full; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "echo: a closed stdout is a write error" {
	run --separate-stderr conch -c 'echo hi >&-; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "echo: output follows redirections" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'echo one > f; echo two >> f; cat f'
	assert_output $'one\ntwo'
}

@test "echo: backslashes are printed as they are by default" {
	is_conch || skip "conch-specific: echo does not process escapes by default"
	run conch -c 'echo "a\tb\nc\\d"'
	assert_success
	assert_output 'a\tb\nc\d'
}

@test "echo: \\c is not special by default" {
	is_conch || skip "conch-specific: echo does not process escapes by default"
	run conch -c 'echo "a\cb"; echo c'
	assert_output $'a\\cb\nc'
}

@test "echo -e interprets \\t \\n and \\\\" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e "a\tb\nc\\\\d"'
	assert_success
	assert_output $'a\tb\nc\\d'
}

@test "echo -e interprets \\a \\b \\f \\r \\v \\e" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e "\a\b\f\r\v\e" | od -An -c | tr -s " "'
	assert_output ' \a \b \f \r \v 033 \n'
}

@test "echo -e: \\0NNN is an octal byte" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e "\0101\0102x\0"| od -An -c | tr -s " "'
	assert_output ' A B x \0 \n'
}

@test "echo -e: \\xHH is a hexadecimal byte" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e "\x41\x62c"'
	assert_output 'Abc'
}

@test "echo -e: \\c stops all output, including the newline" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e "a\cb" more; echo c'
	assert_output 'ac'
}

@test "echo -e: an unknown escape is printed as it is" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e "a\qb"'
	assert_output 'a\qb'
}

@test "echo -E turns escape processing off" {
	is_conch || skip "conch-specific: echo -E (bash)"
	run conch -c 'echo -E "a\tb"'
	assert_output 'a\tb'
}

@test "echo: the last of -e and -E wins" {
	is_conch || skip "conch-specific: echo -e/-E (bash)"
	run conch -c 'echo -eE "a\tb"; echo -Ee "a\tb"'
	assert_output $'a\\tb\na\tb'
}

@test "echo: options combine in one word (-ne, -en)" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -ne "x\ny"; echo -en "z"; echo'
	assert_output $'x\nyz'
}

@test "echo: separate option words combine (-n -e)" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -n -e "a\tb"; echo .'
	assert_output $'a\tb.'
}

@test "echo: repeated option letters are options (-nn)" {
	is_conch || skip "conch-specific: echo options like bash"
	run conch -c 'echo -nn x; echo .'
	assert_output 'x.'
}

@test "echo: -e alone prints an empty line" {
	is_conch || skip "conch-specific: echo -e (bash)"
	run conch -c 'echo -e | od -An -c | tr -d " "'
	assert_output '\n'
}

@test "echo: a word with an option letter echo does not know is an operand" {
	is_conch || skip "conch-specific: echo options like bash"
	run conch -c 'echo -nx a; echo -ex "\t"'
	assert_output $'-nx a\n-ex \\t'
}
