#!/usr/bin/env bats
# builtin-match.bats: the match builtin (PCRE2 test, capture and line filter)
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
	printf 'alpha 1\nbeta 22\ngamma 333\ndelta\n' > "$in"
}

# --- testing strings ------------------------------------------------------

@test "match: a matching string prints it and succeeds" {
	run conch -c 'match "\d+" abc a12'
	assert_success
	assert_output 'a12'
}

@test "match: no string matches: status 1, no output" {
	run conch -c 'match "\d" abc def'
	assert_failure 1
	assert_output ''
}

@test "match: PCRE syntax that POSIX ERE lacks" {
	run conch -c 'match -q "^(?:ab)+\d\b" abab7 && echo yes'
	assert_output 'yes'
}

@test "match -q: prints nothing, status tells" {
	run conch -c 'match -q b abc; echo $?; match -q z abc; echo $?'
	assert_output $'0\n1'
}

@test "match: named groups become variables" {
	run conch -c 'addr=bob@example.org
match -q "^(?<user>[^@]+)@(?<host>.+)$" "$addr" && echo "$user at $host"'
	assert_success
	assert_output 'bob at example.org'
}

@test "match: MATCH holds the whole match, MATCH_N group N" {
	run conch -c 'match -q "(\w+)-(\d+)" "x foo-42 y" && echo "$MATCH|$MATCH_1|$MATCH_2"'
	assert_output 'foo-42|foo|42'
}

@test "match: a group that took no part is empty" {
	run conch -c 'MATCH_1=old; match -q "(a)|(b)" b && echo "[$MATCH_1][$MATCH_2]"'
	assert_output '[][b]'
}

@test "match: the first matching string sets the variables" {
	run conch -c 'match -q "(?<n>\d+)" x 12 34 && echo "$n"'
	assert_output '12'
	run conch -c 'match "(?<n>\d+)" x 12 34; echo "$n"'
	assert_output $'12\n34\n12'
}

@test "match: no match leaves the variables alone" {
	run conch -c 'n=keep; match -q "(?<n>\d+)" abc; echo "$? $n"'
	assert_output '1 keep'
}

@test "match: captures inside a thread-stage loop reach the shell" {
	run conch -c 'n=0; printf "a1\nb2\nc\n" | while read l; do match -q "(?<d>\d)" "$l" && n=$((n+1)); done; echo $n $d'
	assert_success
	assert_output '2 2'
}

@test "match: assigning to a readonly variable is an error" {
	run conch -c 'readonly user=x; match -q "(?<user>\w+)" bob'
	assert_failure 2
	assert_output --partial 'user'
}

@test "match -n: numbers the strings" {
	run conch -c 'match -n a x ab y ba'
	assert_output $'2:ab\n4:ba'
}

@test "match -c: counts matching strings" {
	run conch -c 'match -c a ab b ba'
	assert_success
	assert_output '2'
}

@test "match -c with nothing matching prints 0 and fails" {
	run conch -c 'match -c z ab'
	assert_failure 1
	assert_output '0'
}

@test "match -v: selects the strings that do not match" {
	run conch -c 'match -v a ab b c'
	assert_output $'b\nc'
}

@test "match -e: a pattern that starts with a dash" {
	run conch -c 'match -e -x a-x b'
	assert_output 'a-x'
}

@test "match --: ends the options" {
	run conch -c 'match -- -v a-v'
	assert_output 'a-v'
}

# --- filtering stdin --------------------------------------------------------

@test "match: filters the lines of stdin" {
	run conch -c "match 'a \\d' < '$in'"
	assert_success
	assert_output $'alpha 1\nbeta 22\ngamma 333'
}

@test "match: stdin with no matching line: status 1" {
	run conch -c "match zzz < '$in'"
	assert_failure 1
	assert_output ''
}

@test "match -i: ignores case" {
	run conch -c "match -i '^BETA' < '$in'"
	assert_output 'beta 22'
}

@test "match -v: inverts the selection" {
	run conch -c "match -v '\\d' < '$in'"
	assert_output 'delta'
}

@test "match -o: prints every non-empty match, one per line" {
	run conch -c "match -o '\\d' < '$in'"
	assert_output $'1\n2\n2\n3\n3\n3'
}

@test "match -o: empty matches print nothing" {
	run conch -c "match -o 'x*' < '$in'"
	assert_success
	assert_output ''
}

@test "match -c: counts matching lines" {
	run conch -c "match -c 'a' < '$in'"
	assert_output '4'
}

@test "match -c -v: counts the other lines" {
	run conch -c "match -vc '\\d' < '$in'"
	assert_output '1'
}

@test "match -n: prefixes line numbers" {
	run conch -c "match -n '^[bd]' < '$in'"
	assert_output $'2:beta 22\n4:delta'
}

@test "match -n -o: each match gets its line number" {
	run conch -c "match -no '3' < '$in'"
	assert_output $'3:3\n3:3\n3:3'
}

@test "match -m: stops after N selected lines" {
	run conch -c "match -m 2 a < '$in'"
	assert_output $'alpha 1\nbeta 22'
	run conch -c "match -m2 -c a < '$in'"
	assert_output '2'
}

@test "match -m 0: selects nothing" {
	run conch -c "match -m 0 a < '$in'"
	assert_failure 1
	assert_output ''
}

@test "match -x: the pattern must match the whole line" {
	run conch -c "match -x 'beta \\d+|delt' < '$in'"
	assert_output 'beta 22'
}

@test "match -q on stdin: prints nothing, status 0 on a match" {
	run conch -c "match -q gamma < '$in'; echo \$?"
	assert_output '0'
}

@test "match -p: prints the capture groups separated by tabs" {
	run conch -c "match -p '^(\\w)\\w* (\\d)' < '$in'"
	assert_output $'a\t1\nb\t2\ng\t3'
}

@test "match -p: every match of a line, unset groups empty" {
	run conch -c 'printf "k=v x=1\nnone\n" | match -p "(\w)=(?:(\d)|\w)"'
	assert_output $'k\t\nx\t1'
}

@test "match -p: a pattern without groups prints the whole match" {
	run conch -c 'match -p "\d+" ab12cd345'
	assert_output $'12\n345'
}

@test "match: lines of stdin set no variables" {
	run conch -c 'MATCH=keep; printf "a1\n" | match "(?<d>\d)"; echo "$MATCH ${d-unset}"'
	assert_output $'a1\nkeep unset'
}

@test "match: works as a pipeline stage" {
	run conch -c 'printf "x1\ny\nz3\n" | match "\d" | match -c .'
	assert_output '2'
}

# --- input shapes -----------------------------------------------------------

@test "match: empty input selects nothing" {
	run conch -c 'match . < /dev/null; echo $?; match -c . < /dev/null'
	assert_output $'1\n0'
}

@test "match: a last line without newline is printed with one" {
	run conch -c 'printf "one\ntwo" | match o'
	assert_output $'one\ntwo'
	run bash -c "printf 'one\ntwo' | \"\$CONCH\" -c 'match w' | od -An -c | tr -s ' '"
	assert_output ' t w o \n'
}

@test "match: empty lines are lines" {
	run conch -c 'printf "\n\nx\n" | match -c "^$"'
	assert_output '2'
}

@test "match: a 1 MB line matches and is printed whole" {
	head -c 1048576 /dev/zero | tr '\0' x > "$BATS_TEST_TMPDIR/long"
	printf 'END\nshort\n' >> "$BATS_TEST_TMPDIR/long"
	run conch -c "match -c 'x{1000}END\$' < '$BATS_TEST_TMPDIR/long'"
	assert_output '1'
	run bash -c "\"\$CONCH\" -c \"match END < '$BATS_TEST_TMPDIR/long'\" | wc -c"
	assert_output '1048580'
}

@test "match: NUL bytes are ordinary characters of a line" {
	printf 'a\0b\nc\0d\nplain\n' > "$BATS_TEST_TMPDIR/nul"
	run bash -c "\"\$CONCH\" -c \"match 'a.b' < '$BATS_TEST_TMPDIR/nul'\" | od -An -c | tr -s ' '"
	assert_output ' a \0 b \n'
	run conch -c "match -c '\\x00' < '$BATS_TEST_TMPDIR/nul'"
	assert_output '2'
	run conch -c "match -n 'd\$' < '$BATS_TEST_TMPDIR/nul' | match -o '^\\d'"
	assert_output '2'
}

@test "match: invalid UTF-8 never stops the stream (UTF-8 locale)" {
	printf 'caf\303\251\nbad\377line\nok\n' > "$BATS_TEST_TMPDIR/u8"
	LC_ALL=C.UTF-8 run conch -c "match -c . < '$BATS_TEST_TMPDIR/u8'"
	assert_output '3'
	# an invalid byte matches nothing, not even .
	LC_ALL=C.UTF-8 run conch -c "match -o 'd.l|ne' < '$BATS_TEST_TMPDIR/u8'"
	assert_output 'ne'
	# a multibyte character is one character for .
	LC_ALL=C.UTF-8 run conch -c "match -x 'caf.' < '$BATS_TEST_TMPDIR/u8'"
	assert_output 'café'
}

@test "match: in the C locale bytes are characters" {
	printf 'caf\303\251\nbad\377line\n' > "$BATS_TEST_TMPDIR/c"
	LC_ALL=C run conch -c "match -c -x 'caf..|bad.line' < '$BATS_TEST_TMPDIR/c'"
	assert_output '2'
}

# --- errors -----------------------------------------------------------------

@test "match: a bad pattern says where and why, status 2" {
	run conch -c 'match "ab(" x'
	unlocate
	assert_failure 2
	assert_output 'conch: match: bad pattern at offset 3: missing closing parenthesis'
}

@test "match: a catastrophic pattern hits the match limit, status 2" {
	run conch -c 'a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
match "(a+)+\$" "${a}${a}${a}b"'
	unlocate
	assert_failure 2
	assert_output 'conch: match: match limit exceeded'
}

@test "match: the match limit on stdin names the line" {
	run conch -c 'a=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
printf "ok\n%sb\n" "$a$a$a" | match "(a+)+\$"'
	unlocate
	assert_failure 2
	assert_output 'conch: match: line 2: match limit exceeded'
}

@test "match: callouts are never run" {
	run conch -c 'match "a(?C1)b" ab'
	assert_success
	assert_output 'ab'
}

@test "match: no pattern is a usage error" {
	run conch -c 'match'
	unlocate
	assert_failure 2
	assert_output $'conch: match: a PATTERN is needed\ntry \'help match\''
}

@test "match: an unknown option is a usage error" {
	run conch -c 'match -Z a b'
	unlocate
	assert_failure 2
	assert_output $'conch: match: -Z: invalid option\ntry \'help match\''
}

@test "match -m: needs a number" {
	run conch -c 'match -m x a b'
	unlocate
	assert_failure 2
	assert_output $'conch: match: -m: bad number: x\ntry \'help match\''
	run conch -c 'match -m'
	unlocate
	assert_failure 2
	assert_line --index 0 'conch: match: -m: needs an argument'
}

@test "match: reading a directory is an error" {
	run conch -c 'match x < /'
	unlocate
	assert_failure 2
	assert_output --partial 'conch: match: read error'
}
