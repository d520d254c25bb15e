#!/usr/bin/env bats
# quoting.bats: POSIX 2.2 Quoting (backslash, single and double quotes), $'...'

load helpers/common

@test "backslash quotes the next character" {
	run conch -c 'echo \$HOME \* \; \&'
	assert_success
	assert_output '$HOME * ; &'
}

@test "backslash before an ordinary character is removed" {
	run conch -c 'echo \a\b\c'
	assert_success
	assert_output 'abc'
}

@test "backslash-backslash gives one backslash" {
	run conch -c 'printf "%s\n" a\\b'
	assert_output 'a\b'
}

@test "backslash-newline is a line continuation outside quotes" {
	run conch -c $'echo ab\\\ncd'
	assert_success
	assert_output 'abcd'
}

@test "line continuation can split a command name" {
	run conch -c $'ec\\\nho hi'
	assert_output 'hi'
}

@test "single quotes preserve everything literally" {
	run conch -c "printf '%s\n' '\$x \\ \"q\" \`a\` *'"
	assert_output '$x \ "q" `a` *'
}

@test "backslash-newline is kept literally inside single quotes" {
	run conch -c $'printf "%s\\n" \'a\\\nb\''
	assert_output $'a\\\nb'
}

@test "quote-escape-quote idiom puts a single quote in a word" {
	run conch -c "echo 'it'\\''s'"
	assert_output "it's"
}

@test "double quotes: \\\$ \\\` \\\" \\\\ are escapes" {
	run conch -c 'printf "%s\n" "\$ \` \" \\"'
	assert_success
	assert_output '$ ` " \'
}

@test "double quotes: backslash before other characters is kept" {
	run conch -c 'printf "%s\n" "\a \n \* \'"'"'"'
	assert_output "\\a \\n \\* \\'"
}

@test "double quotes: backslash-newline is removed" {
	run conch -c $'echo "ab\\\ncd"'
	assert_output 'abcd'
}

@test "double quotes: newline is kept" {
	run conch -c $'echo "a\nb"'
	assert_output $'a\nb'
}

@test "double quotes: parameter expansion happens" {
	run conch -c 'x=val; echo "<$x>" "<${x}>"'
	assert_output '<val> <val>'
}

@test "double quotes: command substitution happens" {
	run conch -c 'echo "<$(echo a)>" "<`echo b`>"'
	assert_output '<a> <b>'
}

@test "double quotes: glob characters are literal" {
	cd "$BATS_TEST_TMPDIR" && touch f1 f2
	run conch -c 'echo "f*" f*'
	assert_output 'f* f1 f2'
}

@test "double quotes: single quotes inside are literal" {
	run conch -c "x=1; echo \"'\$x'\""
	assert_output "'1'"
}

@test "double quotes prevent field splitting" {
	run conch -c 'x="a   b"; set -- "$x"; echo $#; echo "$1"'
	assert_output $'1\na   b'
}

@test "empty double quotes produce one empty argument" {
	run conch -c 'set -- ""; echo $#'
	assert_output '1'
}

@test "empty single quotes produce one empty argument" {
	run conch -c "set -- '' ''; echo \$#"
	assert_output '2'
}

@test "unquoted empty expansion produces no argument" {
	run conch -c 'x=; set -- $x; echo $#'
	assert_output '0'
}

@test "quoted empty expansion produces an empty argument" {
	run conch -c 'x=; set -- "$x"; echo $#'
	assert_output '1'
}

@test "empty quotes adjacent to text add nothing" {
	run conch -c 'set -- a""b '"''"'c; echo $# $1 $2'
	assert_output '2 ab c'
}

@test "quotes adjacent to expansions join into one word" {
	run conch -c 'x=mid; set -- pre"$x"post '"'"'a'"'"'$x"b"; echo $#; echo $1; echo $2'
	assert_output $'2\npremidpost\namidb'
}

@test "quoted parameter name is not expanded" {
	run conch -c "x=1; echo '\$x' \"\\\$x\" \\\$x"
	assert_output '$x $x $x'
}

@test "quoted reserved word is not recognised" {
	run conch -c '"if" true; echo $?'
	assert_output --partial '127'
}

@test "quoted operator characters are literal" {
	run conch -c "echo '|' \"&\" \\; '<' '>'"
	assert_output '| & ; < >'
}

@test "backslash inside backquotes in double quotes" {
	run conch -c 'echo "`echo \"a\"`"'
	assert_output 'a'
}

@test "hash inside quotes is not a comment" {
	run conch -c "echo '#a' \"#b\" \\#c"
	assert_output '#a #b #c'
}

@test "dollar-single: \\n and \\t" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "printf '%s|' \$'a\\nb' \$'c\\td'"
	assert_output $'a\nb|c\td|'
}

@test "dollar-single: \\\\ and \\' and \\\"" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "printf '%s\\n' \$'a\\\\b it\\'s q\\\"q'"
	assert_output "a\\b it's q\"q"
}

@test "dollar-single: hex and octal escapes" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "echo \$'\\x41\\101\\x62'"
	assert_output 'AAb'
}

@test "dollar-single: control escape \\cA" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "printf %s \$'\\cA' | od -An -c"
	assert_output ' 001'
}

@test "dollar-single: \\a \\b \\e \\f \\r \\v" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "printf %s \$'\\a\\b\\e\\f\\r\\v' | od -An -tx1"
	assert_output ' 07 08 1b 0c 0d 0b'
}

@test "dollar-single: no expansion inside" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "x=1; echo \$'\$x \`a\`'"
	assert_output '$x `a`'
}

@test "dollar-single: inside double quotes it is literal" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "echo \"\$'a'\""
	assert_output "\$'a'"
}

@test "dollar-single: joins with adjacent text" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks \$'...')"
	run conch -c "set -- x\$'\\t'y; echo \$#; printf '%s' \"\$1\" | od -An -c"
	assert_output $'1\n   x  \\t   y'
}
