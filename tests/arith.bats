#!/usr/bin/env bats
# arith.bats: POSIX 2.6.4 Arithmetic Expansion, and the extensions conch shares with bash
load 'helpers/common'

@test "precedence: * binds tighter than +, parentheses group" {
	run "$CONCH" -c 'echo $((1 + 2 * 3)) $(( (1 + 2) * 3 )) $((2 * 3 + 4 * 5))'
	assert_success
	assert_output '7 9 26'
}

@test "left associativity of - / %" {
	run "$CONCH" -c 'echo $((10 - 3 - 2)) $((100 / 10 / 5)) $((100 % 7 % 3))'
	assert_output '5 2 2'
}

@test "division truncates toward zero, % takes the sign of the dividend" {
	run "$CONCH" -c 'echo $((7 / 2)) $((-7 / 2)) $((7 % -3)) $((-7 % 3))'
	assert_output '3 -3 1 -1'
}

@test "unary operators: - + ! ~" {
	run "$CONCH" -c 'echo $((-5)) $((+5)) $((!0)) $((!7)) $((~0)) $((~5)) $((- -3))'
	assert_output '-5 5 1 0 -1 -6 3'
}

@test "1--2 is 1 - -2 and ++3 is + +3" {
	run "$CONCH" -c 'echo $((1--2)) $((++3)) $((--3))'
	assert_output '3 3 3'
}

@test "comparisons give 1 or 0" {
	run "$CONCH" -c 'echo $((1 < 2)) $((2 < 1)) $((2 <= 2)) $((3 > 4)) $((4 >= 4)) $((5 == 5)) $((5 != 5))'
	assert_output '1 0 1 0 1 1 0'
}

@test "bitwise operators and their precedence (& above ^ above |)" {
	run "$CONCH" -c 'echo $((12 & 10)) $((12 ^ 10)) $((12 | 10)) $((1 | 2 ^ 3 & 4))'
	assert_output '8 6 14 3'
}

@test "shifts, including negative operands" {
	run "$CONCH" -c 'echo $((1 << 10)) $((1024 >> 3)) $((-16 >> 2)) $((-1 << 4))'
	assert_output '1024 128 -4 -16'
}

@test "shift counts of 64 and -1 do not crash (taken modulo 64)" {
	run "$CONCH" -c 'echo $((1 << 64)) $((1 << -1)) $((256 >> 65))'
	assert_success
	assert_output '1 -9223372036854775808 128'
}

@test "comparison binds tighter than equality: 1 < 2 == 1" {
	run "$CONCH" -c 'echo $((1 < 2 == 1)) $((3 == 3 < 4))'
	assert_output '1 0'
}

@test "logical && and || give 0 or 1" {
	run "$CONCH" -c 'echo $((3 && 4)) $((3 && 0)) $((0 || 5)) $((0 || 0))'
	assert_output '1 0 1 0'
}

@test "&& does not evaluate its right side when the left is 0" {
	run "$CONCH" -c 'x=1; echo $((0 && (x = 5))) $x; echo $((0 && 1 / 0))'
	assert_success
	assert_output $'0 1\n0'
}

@test "|| does not evaluate its right side when the left is true" {
	run "$CONCH" -c 'x=1; echo $((2 || (x = 5))) $x $((1 || 1 % 0))'
	assert_success
	assert_output '1 1 1'
}

@test "?: chooses, nests to the right, and skips the other branch" {
	run "$CONCH" -c 'x=0; echo $((1 ? 10 : 20)) $((0 ? 10 : 20)) $((0 ? 1 : 0 ? 2 : 3)) $((1 ? 7 : (x = 9))) $x $((0 ? 1 / 0 : 4))'
	assert_success
	assert_output '10 20 3 7 0 4'
}

@test "constants: decimal, octal, hexadecimal" {
	run "$CONCH" -c 'echo $((010)) $((0x1f)) $((0X1F)) $((0)) $((00)) $((0xff + 1))'
	assert_output '8 31 31 0 0 256'
}

@test "variables: by name, with and without \$" {
	run "$CONCH" -c 'a=6 b=7; echo $((a * b)) $(($a * $b))'
	assert_output '42 42'
}

@test "unset and empty variables are 0" {
	run "$CONCH" -c 'unset u; e=; echo $((u + 1)) $((e + 2))'
	assert_output '1 2'
}

@test "a variable holding a constant with blanks around it" {
	run "$CONCH" -c 'v=" 12 "; h=0x10; o=010; n=-3; echo $((v + 1)) $((h)) $((o)) $((n * 2))'
	assert_output '13 16 8 -6'
}

@test "assignment operators assign and give the new value" {
	run "$CONCH" -c 'x=5; echo $((x = 3)) $x; echo $((x += 4)) $((x -= 2)) $((x *= 3)) $((x /= 2)) $((x %= 4)) $x'
	assert_output $'3 3\n7 5 15 7 3 3'
}

@test "bitwise and shift assignment operators" {
	run "$CONCH" -c 'x=12; echo $((x &= 10)) $((x |= 1)) $((x ^= 3)) $((x <<= 2)) $((x >>= 1)) $x'
	assert_output '8 9 10 40 20 20'
}

@test "assignment is right-associative" {
	run "$CONCH" -c 'echo $((a = b = 4)) $a $b'
	assert_output '4 4 4'
}

@test "assignment to a non-variable is an error" {
	run "$CONCH" -c 'echo $((3 = 4)); echo after'
	assert_failure
	refute_output --partial after
}

@test "counting loop with \$((i + 1))" {
	run "$CONCH" -c 'i=0; s=0; while [ $i -lt 100 ]; do i=$((i + 1)); s=$((s + i)); done; echo $i $s'
	assert_output '100 5050'
}

@test "blanks, tabs and newlines inside the expression" {
	run "$CONCH" -c 'echo $((  1	+
2  ))'
	assert_output '3'
}

@test "expanded parameters and command substitutions inside" {
	run "$CONCH" -c 'set -- 4 5; echo $(($# * $1 + $2)) $(( $(echo 6) * 7 ))'
	assert_output '13 42'
}

@test "nested arithmetic expansion" {
	run "$CONCH" -c 'echo $(( $((2 + 3)) * $((1 + 1)) ))'
	assert_output '10'
}

@test "64-bit limits and wrap-around on overflow" {
	run "$CONCH" -c 'echo $((9223372036854775807)) $((-9223372036854775807 - 1)) $((9223372036854775807 + 1))'
	assert_success
	assert_output '9223372036854775807 -9223372036854775808 -9223372036854775808'
}

@test "division by zero fails and stops the script" {
	run "$CONCH" -c 'echo $((1 / 0)); echo after'
	assert_failure
	assert_output --partial 'division by zero'
	refute_output --partial after
}

@test "modulo by zero fails" {
	run "$CONCH" -c 'x=0; echo $((5 % x))'
	assert_failure
	assert_output --partial 'division by zero'
}

@test "invalid octal constant 09 is an error" {
	run "$CONCH" -c 'echo $((09)); echo after'
	assert_failure
	refute_output --partial after
}

@test "unbalanced parenthesis is an error" {
	run "$CONCH" -c 'echo $(( (1 + 2 )); echo after'
	assert_failure
	refute_output --partial after
}

@test "missing operand is an error" {
	run "$CONCH" -c 'echo $((1 +)); echo after'
	assert_failure
	refute_output --partial after
}

@test "an arithmetic error in a subshell does not stop the parent" {
	run "$CONCH" -c '(echo $((1 / 0))); echo "after $?"'
	assert_output --partial 'after '
	refute_output --partial 'after 0'
}

@test "empty expression is 0" {
	no_dash 'an empty expression'
	run "$CONCH" -c 'echo $(()) $((  ))'
	assert_output '0 0'
}

@test "arithmetic result is one field, not split" {
	run "$CONCH" -c 'IFS=1; set -- $((21 * 10 + 1)); echo $#'
	assert_output '2'
}

@test "prefix and postfix ++ and --" {
	no_dash '++ and --'
	run "$CONCH" -c 'i=5; echo $((i++)) $i $((++i)) $i $((i--)) $i $((--i)) $i'
	assert_output '5 6 7 7 7 6 5 5'
}

@test "the comma operator evaluates left to right, gives the last value" {
	no_dash 'the comma operator'
	run "$CONCH" -c 'echo $((a = 1, b = a + 1, a + b)) $a $b'
	assert_output '3 1 2'
}

@test "a variable holding an expression is evaluated" {
	no_dash 'recursive evaluation of variables'
	run "$CONCH" -c 'a="b + 1"; b="c * 2"; c=3; echo $((a)) $((a * 2))'
	assert_output '7 14'
}

@test "self-referencing variable is an error, not a crash" {
	no_dash 'recursive evaluation of variables'
	run "$CONCH" -c 'a=a; echo $((a)); echo after'
	assert_failure
	assert_output --partial 'recursion'
	refute_output --partial after
}

@test "deeply nested parentheses are an error, not a crash" {
	run "$CONCH" -c 'e=1; i=0; while [ $i -lt 20000 ]; do e="($e)"; i=$((i + 1)); done; echo $((e)); echo after'
	[ "$status" -ne 0 ] && [ "$status" -lt 128 ]
	refute_output --partial after
}

@test "INTMAX_MIN / -1 and % -1 do not crash" {
	no_dash 'a defined INTMAX_MIN / -1 (it dies of SIGFPE)'
	run "$CONCH" -c 'm=$((-9223372036854775807 - 1)); echo $((m / -1)) $((m % -1))'
	assert_success
	assert_output '-9223372036854775808 0'
}

@test "readonly variable cannot be assigned in arithmetic" {
	run "$CONCH" -c 'readonly r=1; echo $((r = 2)); echo after'
	assert_failure
	refute_output --partial after
}

# --- extensions of bash, ksh and mksh (issue 10): **, BASE#DIGITS, ++/-- on unset names

@test "** is exponentiation, right-associative, above * and below unary minus" {
	no_dash '**'
	run "$CONCH" -c 'echo $((2 ** 10)) $((2**3**2)) $((2 * 3 ** 2)) $((-2**2)) $((-2**3)) $((~2**2)) $((!0**2)) $((2**-2**2))'
	assert_success
	assert_output '1024 512 18 4 -8 9 1 16'
}

@test "** with zero exponent, zero base, and wrap-around on overflow" {
	no_dash '**'
	run "$CONCH" -c 'echo $((0**0)) $((5**0)) $((0**5)) $((2**63)) $((2**64)) $((3**40)) $((-1**0))'
	assert_success
	assert_output '1 1 0 -9223372036854775808 0 -6289078614652622815 1'
}

@test "** with variables and parentheses" {
	no_dash '**'
	run "$CONCH" -c 'b=3 e=4; echo $((b**e)) $(( (1,2)**3 )) $((2**(1,3))) $(( (b+1)**2 ))'
	assert_success
	assert_output '81 8 8 16'
}

@test "a negative exponent is an error: exponent less than 0" {
	no_dash '**'
	run "$CONCH" -c 'echo $((2**-1)); echo after'
	assert_failure
	assert_output --partial 'exponent less than 0'
	refute_output --partial after
}

@test "**= is not an operator (as in bash)" {
	no_dash '**'
	run "$CONCH" -c 'x=2; echo $((x **= 3)); echo after'
	assert_failure
	refute_output --partial after
}

@test "BASE#DIGITS constants: bases 2 to 64" {
	no_dash 'BASE#DIGITS'
	run "$CONCH" -c 'echo $((2#101)) $((8#17)) $((16#ff)) $((16#FF)) $((36#z)) $((36#Z)) $((10#09)) $((2#0))'
	assert_success
	assert_output '5 15 255 255 35 35 9 0'
}

@test "BASE#DIGITS: above base 36 upper case is 36-61, then @ and _" {
	no_dash 'BASE#DIGITS'
	run "$CONCH" -c 'echo $((37#a)) $((62#Z)) $((63#@)) $((64#@)) $((64#_)) $((64#zZ)) $((64#10))'
	assert_success
	assert_output '10 61 62 62 63 2301 64'
}

@test "BASE#DIGITS in a variable's value and with a sign" {
	no_dash 'BASE#DIGITS'
	run "$CONCH" -c 'x=16#ff; y=" -2#11 "; echo $((x)) $((y)) $((x + y)) $((-16#10))'
	assert_success
	assert_output '255 -3 252 -16'
}

@test "BASE#DIGITS: invalid base is an error" {
	no_dash 'BASE#DIGITS'
	for e in '65#1' '1#1' '1#'; do
		run "$CONCH" -c "echo \$(($e)); echo after"
		assert_failure
		assert_output --partial 'invalid arithmetic base'
		refute_output --partial after
	done
}

@test "BASE#DIGITS: the base is a decimal number (not octal or hex)" {
	no_dash 'BASE#DIGITS'
	for e in '0#1' '0x10#1' '010#8' '08#1'; do
		run "$CONCH" -c "echo \$(($e)); echo after"
		assert_failure
		refute_output --partial after
	done
}

@test "BASE#DIGITS: a digit too great for the base is an error" {
	no_dash 'BASE#DIGITS'
	for e in '2#12' '37#Z' '36#_' '8#0x1' '10#1a'; do
		run "$CONCH" -c "echo \$(($e)); echo after"
		assert_failure
		assert_output --partial 'value too great for base'
		refute_output --partial after
	done
}

@test "BASE#DIGITS: no digits is an error" {
	no_dash 'BASE#DIGITS'
	for e in '16#' '64#' '16#-1' '2# 1'; do
		run "$CONCH" -c "echo \$(($e)); echo after"
		assert_failure
		assert_output --partial 'invalid integer constant'
		refute_output --partial after
	done
}

@test "a base from a variable is not a constant (b#1 is an error)" {
	no_dash 'BASE#DIGITS'
	run "$CONCH" -c 'b=16; echo $((b#1)); echo after'
	assert_failure
	refute_output --partial after
}

@test "++ and -- on unset names treat them as 0" {
	no_dash '++ and --'
	run "$CONCH" -c 'unset a b c d e; echo $((a++)) $a $((++b)) $b $((c--)) $c $((--d)) $d $((e++ + e)) $e'
	assert_success
	assert_output '0 1 1 1 0 -1 -1 -1 1 1'
}

@test "++ and -- on an empty name, and on a readonly one (error)" {
	no_dash '++ and --'
	run "$CONCH" -c 'e=; echo $((e++)) $e $((++e)); readonly r=1; echo $((r++)); echo after'
	assert_failure
	assert_line --index 0 '0 1 2'
	refute_output --partial after
}

@test "the comma operator has the lowest precedence and gives the right value" {
	no_dash 'the comma operator'
	run "$CONCH" -c 'echo $((1, 2)) $((x = 1, x + 1)) $((1 ? 2 : 3, 4)) $((y = 2, y *= 3, y)) $x $y'
	assert_success
	assert_output '2 2 4 6 1 6'
}
