#!/usr/bin/env bats
# builtin-printf.bats: the printf builtin (conversions, width/precision, format
# reuse, missing arguments, escapes, %b, number errors)
bats_require_minimum_version 1.5.0
load helpers/common

@test "printf: plain format with a newline escape" {
	run conch -c 'printf "hello\n"'
	assert_success
	assert_output 'hello'
}

@test "printf: no newline is added" {
	run conch -c 'printf x; printf y; echo'
	assert_output 'xy'
}

@test "printf %s" {
	run conch -c 'printf "[%s]\n" "a b"'
	assert_output '[a b]'
}

@test "printf %d and %i: decimal integers" {
	run conch -c 'printf "%d|%i|%d\n" 42 -7 +3'
	assert_output '42|-7|3'
}

@test "printf %o: octal" {
	run conch -c 'printf "%o|%o\n" 8 0'
	assert_output '10|0'
}

@test "printf %x and %X: hexadecimal" {
	run conch -c 'printf "%x|%X\n" 255 255'
	assert_output 'ff|FF'
}

@test "printf %u: unsigned" {
	run conch -c 'printf "%u|%u\n" 3 -1'
	assert_output '3|18446744073709551615'
}

@test "printf %c: the first character of the argument" {
	run conch -c 'printf "%c|%c\n" abc x'
	assert_output 'a|x'
}

@test "printf %e and %E" {
	run conch -c 'printf "%e|%E|%5.2e\n" 1234.5 12345 0'
	assert_output '1.234500e+03|1.234500E+04|0.00e+00'
}

@test "printf %f" {
	run conch -c 'printf "%f|%.2f|%10.3f|%-8.1f|\n" 3.14159 3.14159 2.5 1'
	assert_output '3.141590|3.14|     2.500|1.0     |'
}

@test "printf %g and %G" {
	run conch -c 'printf "%g|%g|%g|%g|%G\n" 0.0001 1e10 100 123456789 1e-10'
	assert_output '0.0001|1e+10|100|1.23457e+08|1E-10'
}

@test "printf %%: a literal percent sign" {
	run conch -c 'printf "100%%\n"'
	assert_output '100%'
}

@test "printf: integer flags - 0 + space and field width" {
	run conch -c 'printf "%5d|%-5d|%05d|%+d|% d\n" 1 2 3 4 5'
	assert_output '    1|2    |00003|+4| 5'
}

@test "printf: the # flag for %o and %x" {
	run conch -c 'printf "%#o|%#x|%#X\n" 8 255 255'
	assert_output '010|0xff|0XFF'
}

@test "printf: string width and precision" {
	run conch -c 'printf "%.3s|%5s|%-5s|%5.1s|\n" abcdef ab cd xyz'
	assert_output 'abc|   ab|cd   |    x|'
}

@test "printf: %c with width" {
	run conch -c 'printf "%3c|%-3c|\n" x y'
	assert_output '  x|y  |'
}

@test "printf: * takes the width and precision from arguments" {
	run conch -c 'printf "%*d|%-*d|%.*f|%*s|\n" 4 7 3 8 2 1.23456 3 a'
	assert_output '   7|8  |1.23|  a|'
}

@test "printf: the format is reused for extra arguments" {
	run conch -c 'printf "%s," a b c; echo'
	assert_output 'a,b,c,'
}

@test "printf: a reused format with missing arguments fills with empty" {
	run conch -c 'printf "%s %s\n" a b c'
	assert_output $'a b\nc '
}

@test "printf: missing numeric arguments are 0, missing strings empty" {
	run conch -c 'printf "[%s][%d][%x][%.1f]\n"'
	assert_output '[][0][0][0.0]'
}

@test "printf: extra arguments without conversions are ignored" {
	run conch -c 'printf "no args\n" extra more; echo $?'
	assert_output $'no args\n0'
}

@test "printf: escapes in the format: \\t \\\\ \\NNN octal" {
	run conch_script <<'SH'
printf 'a\tb\\c\101\n'
SH
	assert_output $'a\tb\\cA'
}

@test "printf: the escapes \\a \\b \\f \\r \\v in the format" {
	run conch_script <<'SH'
printf '\a\b\f\r\v' | od -An -c | tr -s ' '
SH
	assert_output ' \a \b \f \r \v'
}

@test "printf: %s does not interpret escapes in its argument" {
	run conch_script <<'SH'
printf '%s\n' '\t\n'
SH
	assert_output '\t\n'
}

@test "printf %b interprets escapes in the argument" {
	run conch_script <<'SH'
printf '%b\n' 'a\tb' 'c\\d'
SH
	assert_output $'a\tb\nc\\d'
}

@test "printf %b: octal escapes are \\0NNN" {
	run conch_script <<'SH'
printf '%b\n' 'a\0101' 'b\0'
SH
	assert_output $'aA\nb'
}

@test "printf %b: \\c stops all output" {
	run conch_script <<'SH'
printf '%b|' 'x\cy' z; echo end
SH
	assert_output 'xend'
}

@test "printf %b with a width" {
	run conch_script <<'SH'
printf '[%5b]\n' 'a\tb'
SH
	assert_output $'[  a\tb]'
}

@test "printf: a character constant 'A is its code" {
	run conch -c "printf '%d %d\n' \"'A\" '\"B'"
	assert_output '65 66'
}

@test "printf: hexadecimal and octal number arguments" {
	run conch -c 'printf "%d|%d|%x|%d\n" 0x10 010 0x1F -0x10'
	assert_output '16|8|1f|-16'
}

@test "printf: an empty numeric argument is 0 without error" {
	run conch -c 'printf "%d\n" ""; echo $?'
	assert_output $'0\n0'
}

@test "printf: leading blanks in a number are allowed" {
	run conch -c 'printf "%d\n" " 12"; echo $?'
	assert_output $'12\n0'
}

@test "printf: an invalid number is an error (status 1) but output continues" {
	run --separate-stderr conch -c 'printf "%d|%d\n" abc 5; echo "rc=$?"'
	assert_output $'0|5\nrc=1'
	[ -n "$stderr" ]
}

@test "printf: a partly numeric argument prints the number and fails" {
	run --separate-stderr conch -c 'printf "%d\n" 12abc; echo "rc=$?"'
	assert_output $'12\nrc=1'
	[ -n "$stderr" ]
}

@test "printf: an invalid float is an error but output continues" {
	run --separate-stderr conch -c 'printf "%f\n" xyz; echo "rc=$?"'
	assert_output $'0.000000\nrc=1'
	[ -n "$stderr" ]
}

@test "printf: no format is a usage error (status 2)" {
	run --separate-stderr conch -c 'printf; echo "rc=$?"'
	assert_output 'rc=2'
	[ -n "$stderr" ]
}

@test "printf: an invalid conversion is an error" {
	run --separate-stderr conch -c 'printf "%z\n" 1; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "printf: -- ends options before a format starting with -" {
	run conch -c 'printf -- "-%s\n" x'
	assert_output '-x'
}

@test "printf: -- as an argument after the format is printed" {
	run conch -c 'printf "%s\n" -- x'
	assert_output $'--\nx'
}

@test "printf: a write error gives a non-zero status" {
	run --separate-stderr conch -c 'printf "%s\n" a >/dev/full; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "printf: rounding of %.0f is to even" {
	run conch -c 'printf "%.0f %.0f\n" 2.5 3.5'
	assert_output '2 4'
}

@test "printf: large octal of a negative number" {
	run conch -c 'printf "%o\n" -1'
	assert_output '1777777777777777777777'
}

@test "printf: newlines inside arguments are kept" {
	run conch -c 'printf "%s\n" "$(printf "x\ny")"'
	assert_output $'x\ny'
}
