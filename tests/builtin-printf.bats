#!/usr/bin/env bats
# builtin-printf.bats: the printf builtin (conversions, width/precision, format
# reuse, missing arguments, escapes, %b, number errors; bash's -v NAME, %q and
# %(FORMAT)T, expected outputs checked with bash 5.2 except conch's quoting)
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

# --- -v NAME ---------------------------------------------------------------

@test "printf -v NAME: assigns the output instead of writing it" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'printf -v x "%s-%d" a 5; echo "[$x]"'
	assert_output '[a-5]'
}

@test "printf -v NAME: the format is reused, newlines are kept" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'printf -v x "%s\n" a b; printf "[%s]" "$x"'
	assert_output $'[a\nb\n]'
}

@test "printf -vNAME joined, and -- before the format" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'printf -vx joined; printf -v y -- "%s" q; echo "[$x][$y]"; printf -- -v; echo'
	assert_output $'[joined][q]\n-v'
}

@test "printf -v NAME: empty output sets the variable empty" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'x=old; printf -v x ""; echo "[${x-unset}]"'
	assert_output '[]'
}

@test "printf -v NAME: long output is all assigned, nothing is written" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'printf -v x "%5000s" a; echo "${#x}"'
	assert_output '5000'
}

@test "printf -v NAME: an invalid name is an error (status 2)" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run --separate-stderr conch -c 'printf -v 1x a; echo "$?"'
	assert_output '2'
	[[ "$stderr" == *"printf: '1x': not a valid identifier"* ]]
}

@test "printf -v: a missing name or format is a usage error (status 2)" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run --separate-stderr conch -c 'printf -v; echo "$?"; printf -v x; echo "$?"'
	assert_output $'2\n2'
	[[ "$stderr" == *"printf: -v: option requires an argument"* ]]
}

@test "printf -v NAME: a readonly name fails (status 1)" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run --separate-stderr conch -c 'readonly r=1; printf -v r x; echo "$? $r"'
	assert_output '1 1'
	[[ "$stderr" == *"r: readonly variable"* ]]
}

@test "printf -v NAME: a bad number still assigns what was formatted (status 1)" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run --separate-stderr conch -c 'printf -v x "%d" abc; echo "$? [$x]"'
	assert_output '1 [0]'
}

@test "printf -v NAME: the value stops at a NUL byte" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'printf -v x "a\0b"; echo "${#x} [$x]"'
	assert_output '1 [a]'
}

@test "printf -v NAME: assigns a function's local" {
	is_conch || skip "conch-specific: printf -v (bash)"
	run conch -c 'f() { local l; printf -v l loc; echo "in [$l]"; }; f; echo "out [${l-unset}]"'
	assert_output $'in [loc]\nout [unset]'
}

@test "printf -v NAME in a pipeline stage sets the shell's variable (thread stages)" {
	is_conch || skip "conch-specific: pipeline stages share the shell's variables"
	run conch -c 'echo a | printf -v w "%s" piped; echo "[$w]"'
	assert_output '[piped]'
}

# --- %q ----------------------------------------------------------------------

@test "printf %q: plain words unchanged, others single-quoted as trap prints them" {
	is_conch || skip "conch's quoting (bash writes backslashes: a\\ b)"
	run conch -c "printf '%q\n' 'a b' '' abc \"it's\" 'a\$b' '~x' '#x' 'x#' -a a=b 'é' '*'"
	assert_output "'a b'
''
abc
'it'\\''s'
'a\$b'
'~x'
'#x'
x#
-a
a=b
é
'*'"
}

@test "printf %q: the shell reads the words back as they were" {
	is_conch || skip "conch-specific: printf %q (bash)"
	run conch_script <<'SH'
s=$(printf '%q ' "a b" "it's" '$(echo x)' '*' "$(printf 'n\nl')" '' '\' '"' '`')
eval "set -- $s"
printf '[%s]' "$@"
echo " $#"
SH
	assert_output $'[a b][it\'s][$(echo x)][*][n\nl][][\\]["][`] 9'
}

@test "printf %q: width and precision apply to the quoted word; no argument is ''" {
	is_conch || skip "conch-specific: printf %q (bash)"
	run conch -c 'printf "%5q|%-5q|%.2q|\n" ab ab abcdef; printf "%q\n"'
	assert_output $'   ab|ab   |ab|\n'"''"
}

# --- %(FORMAT)T --------------------------------------------------------------

@test "printf %(FORMAT)T: strftime of seconds since the epoch" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	TZ=UTC run conch -c 'printf "%(%Y-%m-%d %H:%M:%S)T\n" 0 86400 1700000000'
	assert_output $'1970-01-01 00:00:00\n1970-01-02 00:00:00\n2023-11-14 22:13:20'
}

@test "printf %(FORMAT)T: width, precision and -; an empty format is %X; %% " {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	TZ=UTC run conch -c 'printf "[%20(%H:%M)T][%-10(%H)T][%.3(%Y)T]\n" 0 0 0; printf "%()T|%(%%)T|\n" 0 0'
	assert_output $'[               00:00][00        ][197]\n00:00:00|%|'
}

@test "printf %(FORMAT)T: -1 and no argument are now" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	run conch -c 'a=$(printf "%(%s)T" -1); b=$(printf "%(%s)T"); c=$(date +%s); echo $(( c - a <= 1 && c - a >= 0 && c - b <= 1 ))'
	assert_output '1'
}

@test "printf %(FORMAT)T: -2 is the time the shell started, in subshells too" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	run conch -c 'sleep 1.2; s=$(printf "%(%s)T" -2); n=$(printf "%(%s)T" -1); (t=$(printf "%(%s)T" -2); echo $(( t == s ))); echo $(( n - s >= 1 && n - s <= 4 ))'
	assert_output $'1\n1'
}

@test "printf %(FORMAT)T: the TZ the shell exports (or assigns before printf) is honoured" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	[ -f /usr/share/zoneinfo/Asia/Tokyo ] || skip "no tzdata"
	TZ=UTC run conch -c 'printf "%(%H %Z)T\n" 0; TZ=Asia/Tokyo; printf "%(%H %Z)T\n" 0; TZ=:Europe/Paris printf "%(%H %Z %z)T\n" 1720000000; unset TZ; TZ=America/New_York printf "%(%H %Z)T\n" 0; export TZ=Asia/Tokyo; printf "%(%H %Z)T\n" 0'
	assert_output $'00 UTC\n09 JST\n11 CEST +0200\n19 EST\n09 JST'
}

@test "printf %(FORMAT)T: a TZ that is not exported is not used (date would not see it either)" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	[ -f /usr/share/zoneinfo/Asia/Tokyo ] || skip "no tzdata"
	TZ=UTC run conch -c 'unset TZ; TZ=Asia/Tokyo; a=$(printf "%(%H)T" 0); b=$(date -d @0 +%H); [ "$a" = "$b" ] && echo same'
	assert_output 'same'
}

@test "printf %(FORMAT)T: POSIX TZ strings, with daylight saving rules" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	TZ=UTC run conch -c 'TZ=JST-9 printf "%(%H %Z %z)T\n" 0; TZ="CET-1CEST,M3.5.0,M10.5.0/3" printf "%(%F %H %Z %z)T\n" 1720000000 1700000000; TZ="<+0330>-3:30" printf "%(%H:%M %Z)T\n" 0; TZ= printf "%(%H %Z)T\n" 0'
	assert_output $'09 JST +0900\n2024-07-03 11 CEST +0200\n2023-11-14 23 CET +0100\n03:30 +0330\n00 UTC'
}

@test "printf %(FORMAT)T: %s is the number itself, whatever the zone" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	TZ=UTC run conch -c 'TZ=JST-9 printf "%(%s)T %(%%s)T\n" 12345 0'
	assert_output '12345 %s'
}

@test "printf %(FORMAT)T: a bad number is reported, 0 is used, status 1" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	TZ=UTC run --separate-stderr conch -c 'printf "%(%Y)T\n" abc; echo "$?"'
	assert_output $'1970\n1'
	[[ "$stderr" == *"printf: 'abc': invalid number"* ]]
}

@test "printf %(FORMAT)T: a directive without )T is invalid (status 1)" {
	is_conch || skip "conch-specific: printf %(...)T (bash)"
	run --separate-stderr conch -c 'printf "%(%Y)x\n" 0; echo "$?"; printf "%(%Y" 0; echo "$?"'
	assert_output $'1\n1'
	[[ "$stderr" == *"printf: %(%Y)x: invalid directive"* ]]
}
