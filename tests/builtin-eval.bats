#!/usr/bin/env bats
# builtin-eval.bats: the eval special builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "eval runs its argument as a command" {
	run conch -c 'eval "echo hello"'
	assert_success
	assert_output 'hello'
}

@test "eval joins several arguments with spaces and re-splits them" {
	run conch -c 'eval "echo a" "b   c"'
	assert_output 'a b c'
}

@test "eval: unquoted arguments are joined after splitting" {
	run conch -c 'eval echo a   b'
	assert_output 'a b'
}

@test "eval: assignments persist in the current shell" {
	run conch -c 'eval "x=1"; echo $x'
	assert_output '1'
}

@test "eval: the text is expanded a second time" {
	run conch -c 'x=2; cmd="echo \$x"; eval "$cmd"'
	assert_output '2'
}

@test "eval: builds variable names dynamically" {
	run conch -c 'for i in 1 2 3; do eval "v$i=$i"; done; echo $v1$v2$v3; n=v2; eval "echo \$$n"'
	assert_output $'123\n2'
}

@test "eval: quoting inside the string is honoured" {
	run conch -c 'eval "x=\"1  2\""; echo "$x"'
	assert_output '1  2'
}

@test "eval: several commands and a newline" {
	run conch -c 'eval "echo a; echo b
echo c"'
	assert_output $'a\nb\nc'
}

@test "eval: a pipeline split over lines" {
	run conch -c 'eval "echo a |
tr a b"'
	assert_output 'b'
}

@test "eval: defines a function" {
	run conch -c 'eval "f() { echo in f; }"; f'
	assert_output 'in f'
}

@test "eval: compound commands" {
	run conch -c 'eval "for i in 1 2; do echo \$i; done"'
	assert_output $'1\n2'
}

@test "eval: set -- changes the positional parameters" {
	run conch -c 'x="a b c"; eval "set -- \$x"; echo $# $2'
	assert_output '3 b'
}

@test "eval: nested eval" {
	run conch -c 'eval "eval \"echo nested\""'
	assert_output 'nested'
}

@test "eval with no arguments returns 0" {
	run conch -c 'false; eval; echo $?'
	assert_output '0'
}

@test "eval of an empty string returns 0" {
	run conch -c 'false; eval ""; echo $?'
	assert_output '0'
}

@test "eval returns the status of the last command" {
	run conch -c 'eval false; echo $?; eval "false; true"; echo $?'
	assert_output $'1\n0'
}

@test "eval: \$? inside eval is the status before eval" {
	run conch -c 'false; eval "echo \$?"'
	assert_output '1'
}

@test "eval: exit inside eval exits the shell" {
	run conch -c 'eval "exit 3"; echo no'
	assert_failure 3
	assert_output ''
}

@test "eval: return inside eval returns from the function" {
	run conch -c 'f() { eval "return 4"; echo no; }; f; echo $?'
	assert_output '4'
}

@test "eval: break inside eval leaves the loop" {
	run conch -c 'for i in 1 2; do eval break; done; echo $i'
	assert_output '1'
}

@test "eval: a prefix assignment persists (special builtin)" {
	run conch -c 'y=1 eval "echo \$y"; echo "[$y]"'
	assert_output $'1\n[1]'
}

@test "eval: an unknown command gives 127 and the shell goes on" {
	run --separate-stderr conch -c 'eval "nonexistent_cmd_x"; echo $?'
	assert_output '127'
	[ -n "$stderr" ]
}

@test "eval: a syntax error exits the non-interactive shell with 2" {
	run --separate-stderr conch -c 'eval "if"; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "eval: an unbalanced parenthesis is a syntax error" {
	run --separate-stderr conch -c 'eval "(" ; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "eval: a command substitution result can be evaluated" {
	run conch -c 'eval "$(echo x=5)"; echo $x'
	assert_output '5'
}

@test "eval: output redirection of eval applies to all its commands" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'eval "echo a; echo b" > f; cat f'
	assert_output $'a\nb'
}
