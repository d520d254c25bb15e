#!/usr/bin/env bats
# builtin-subst.bats: the subst builtin (PCRE2 substitution in strings and lines)
bats_require_minimum_version 1.5.0
load helpers/common

# conch prefixes messages from a script with its location (conch: -c:1:
# match: ...); drop it so that the message itself is compared.
unlocate() {
	output=$(printf '%s\n' "$output" | sed -E 's/^conch: [^ :]+:[0-9]+: /conch: /')
	mapfile -t lines <<< "$output"
}

setup() {
	in="$BATS_TEST_TMPDIR/in"
	printf 'john smith\njane doe\n42\n' > "$in"
}

# --- strings ----------------------------------------------------------------

@test "subst: replaces the first match in each string" {
	run conch -c 'subst o 0 foo boo'
	assert_success
	assert_output $'f0o\nb0o'
}

@test "subst -g: replaces every match" {
	run conch -c 'subst -g o 0 foo boo'
	assert_output $'f00\nb00'
}

@test "subst: strings without a match print unchanged; status 1 when none matched" {
	run conch -c 'subst x y abc'
	assert_failure 1
	assert_output 'abc'
	run conch -c 'subst x y abc xyz'
	assert_success
	assert_output $'abc\nyyz'
}

@test "subst -i: ignores case" {
	run conch -c 'subst -gi o 0 FoO'
	assert_output 'F00'
}

@test "subst: \$1 and \${name} in the replacement" {
	run conch -c 'subst "(?<first>\w+) (\w+)" "\$2, \${first}" "john smith"'
	assert_output 'smith, john'
}

@test "subst: \$0, \$& and \${0} are the whole match" {
	run conch -c 'subst "\d+" "<\$0|\$&|\${0}>" "a12b"'
	assert_output 'a<12|12|12>b'
}

@test "subst: \$name without braces, and multi-digit groups" {
	run conch -c 'subst "(?<w>b)(c)(d)(e)(f)(g)(h)(i)(j)(k)" "[\$w\$10]" abcdefghijkl'
	assert_output 'a[bk]l'
}

@test "subst: sed-style \\1 is a group too" {
	run conch -c "subst '(a)(b)' '\\2\\1' xaby"
	assert_output 'xbay'
}

@test "subst: \\\$ and \$\$ are a dollar sign, \\\\ a backslash" {
	run conch -c "subst 'x' '\\\$ \$\$ \\\\' x"
	assert_output '$ $ \'
}

@test "subst: \\n and \\t in the replacement" {
	run conch -c "subst ' ' '\\n\\t' 'a b'"
	assert_output $'a\n\tb'
}

@test "subst: a group that took no part is empty" {
	run conch -c 'subst "(a)|(b)" "[\$1\$2]" b'
	assert_output '[b]'
}

@test "subst -g: empty matches follow Perl" {
	run conch -c 'subst -g "x*" - abc; subst -g "a*" x baaac'
	assert_output $'-a-b-c-\nxbxxcx'
}

@test "subst: a UTF-8 character is one character" {
	LC_ALL=C.UTF-8 run conch -c 'subst -g "." "<\$0>" "é1"'
	assert_output '<é><1>'
}

@test "subst: the output can be captured" {
	run conch -c 'x=$(subst "\s+" _ "a   b"); echo "$x"'
	assert_output 'a_b'
}

# --- stdin ------------------------------------------------------------------

@test "subst: substitutes in each line of stdin" {
	run conch -c "subst '^(\\w+) (\\w+)\$' '\$2, \$1' < '$in'"
	assert_success
	assert_output $'smith, john\ndoe, jane\n42'
}

@test "subst -g on stdin" {
	run conch -c "subst -g '[aeiou]' '' < '$in'"
	assert_output $'jhn smth\njn d\n42'
}

@test "subst: stdin without any match: every line, status 1" {
	run conch -c "subst zzz y < '$in'"
	assert_failure 1
	assert_output $'john smith\njane doe\n42'
}

@test "subst: empty input prints nothing, status 1" {
	run conch -c 'subst a b < /dev/null'
	assert_failure 1
	assert_output ''
}

@test "subst: a last line without newline gets one" {
	run bash -c "printf 'ab\ncd' | \"\$CONCH\" -c 'subst d D' | od -An -c | tr -s ' '"
	assert_output ' a b \n c D \n'
}

@test "subst: NUL bytes are ordinary characters" {
	run bash -c "printf 'a\0b\n' | \"\$CONCH\" -c \"subst '\\\\x00' '<0>'\""
	assert_output 'a<0>b'
	run bash -c "printf 'a\0b\n' | \"\$CONCH\" -c 'subst b c' | od -An -c | tr -s ' '"
	assert_output ' a \0 c \n'
}

@test "subst: a 1 MB line" {
	head -c 1048576 /dev/zero | tr '\0' x > "$BATS_TEST_TMPDIR/long"
	printf 'y\n' >> "$BATS_TEST_TMPDIR/long"
	run bash -c "\"\$CONCH\" -c \"subst 'x+y' Z < '$BATS_TEST_TMPDIR/long'\""
	assert_output 'Z'
	run bash -c "\"\$CONCH\" -c \"subst -g 'y' Z < '$BATS_TEST_TMPDIR/long'\" | wc -c"
	assert_output '1048578'
}

@test "subst: invalid UTF-8 passes through (UTF-8 locale)" {
	LC_ALL=C.UTF-8 run bash -c "printf 'a\\377b\\nc\\n' | \"\$CONCH\" -c 'subst -g . _' | od -An -c | tr -s ' '"
	assert_output ' _ 377 _ \n _ \n'
}

@test "subst: in a pipeline" {
	run conch -c 'printf "a-b\nc-d\n" | subst - + | subst -g "[a-z]" X'
	assert_output $'X+X\nX+X'
}

# --- errors -----------------------------------------------------------------

@test "subst: a bad pattern, status 2" {
	run conch -c 'subst "a[" b a'
	unlocate
	assert_failure 2
	assert_output 'conch: subst: bad pattern at offset 2: missing terminating ] for character class'
}

@test "subst: a group the pattern does not have, status 2" {
	run conch -c 'subst "(a)" "\$2" a'
	unlocate
	assert_failure 2
	assert_output 'conch: subst: no such group in the pattern: 2'
	run conch -c 'subst "(a)" "\${nope}" a'
	unlocate
	assert_failure 2
	assert_output 'conch: subst: no such group in the pattern: nope'
}

@test "subst: a lone dollar sign, status 2" {
	run conch -c 'subst a "cost \$" a'
	unlocate
	assert_failure 2
	assert_output --partial 'conch: subst: bad replacement at offset 5'
}

@test "subst: a catastrophic pattern hits the match limit, status 2" {
	run conch -c 'a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
printf "%sb\n" "$a$a$a" | subst "(a+)+\$" x'
	unlocate
	assert_failure 2
	assert_output 'conch: subst: line 1: match limit exceeded'
}

@test "subst: missing operands are a usage error" {
	run conch -c 'subst a'
	unlocate
	assert_failure 2
	assert_output $'conch: subst: a PATTERN and a REPLACEMENT are needed\ntry \'help subst\''
	run conch -c 'subst'
	assert_failure 2
}

@test "subst: an unknown option is a usage error" {
	run conch -c 'subst -x a b c'
	unlocate
	assert_failure 2
	assert_output $'conch: subst: -x: invalid option\ntry \'help subst\''
}
