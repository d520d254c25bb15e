#!/usr/bin/env bats
# functions.bats: POSIX 2.9.5 Function Definition Command

load helpers/common

@test "f() { ...; } defines and calls" {
	run conch -c 'f() { echo in f; }; f; f'
	assert_output $'in f\nin f'
}

@test "f() ( ... ) body runs in a subshell" {
	run conch -c 'x=1; f() ( x=2; echo "in $x" ); f; echo "out $x"'
	assert_output $'in 2\nout 1'
}

@test "brace body runs in the current shell" {
	run conch -c 'x=1; f() { x=2; }; f; echo $x'
	assert_output '2'
}

@test "f() if ...; fi is a valid body" {
	run conch -c 'f() if [ "$1" = a ]; then echo A; else echo other; fi; f a; f b'
	assert_output $'A\nother'
}

@test "body may be a for loop or case" {
	run conch -c 'f() for i; do echo "<$i>"; done; g() case $1 in x) echo X;; esac; f 1 2; g x'
	assert_output $'<1>\n<2>\nX'
}

@test "definition over several lines, space before ()" {
	run conch -c 'f ()
{
	echo multi
}
f'
	assert_output 'multi'
}

@test "arguments and \$# inside a function" {
	run conch -c 'f() { echo $# "$1" "$2"; }; f a "b c"; f'
	assert_output $'2 a b c\n0  '
}

@test "positional parameters are restored after the call" {
	run conch -c 'f() { set -- x y z; echo $#; }; f 1; echo $# $1' sh outer
	assert_output $'3\n1 outer'
}

@test "shift inside a function does not affect the caller" {
	run conch -c 'f() { shift; echo "$1"; }; f a b; echo "$1"' sh top
	assert_output $'b\ntop'
}

@test "\$0 is unchanged inside a function" {
	run conch -c 'f() { echo $0; }; f' myname
	assert_output 'myname'
}

@test "return with a status" {
	run conch -c 'f() { return 3; echo no; }; f; echo $?'
	assert_output '3'
}

@test "return without an argument returns the last status" {
	run conch -c 'f() { false; return; }; f; echo $?; g() { (exit 5); return; }; g; echo $?'
	assert_output $'1\n5'
}

@test "function status is that of the last command" {
	run conch -c 'f() { true; false; }; f; echo $?'
	assert_output '1'
}

@test "return from inside a loop in a function" {
	run conch -c 'f() { for i in 1 2 3; do [ $i = 2 ] && return 7; echo $i; done; }; f; echo $?'
	assert_output $'1\n7'
}

@test "recursion to depth 100" {
	run conch -c 'f() { if [ $1 -lt 100 ]; then f $(($1+1)); else echo "depth $1"; fi; }; f 1'
	assert_output 'depth 100'
}

@test "recursive factorial" {
	run conch -c 'fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(($1-1))) )); fi; }; fact 10'
	assert_output '3628800'
}

@test "redefining a function replaces it" {
	run conch -c 'f() { echo one; }; f; f() { echo two; }; f'
	assert_output $'one\ntwo'
}

@test "unset -f removes a function" {
	run conch -c 'f() { echo f; }; unset -f f; f 2>/dev/null; echo $?'
	assert_output '127'
}

@test "unset -f of a function leaves a variable of the same name" {
	run conch -c 'f=var; f() { echo fn; }; unset -f f; echo $f'
	assert_output 'var'
}

@test "redirection in the definition applies at each call" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'f() { echo a; } > file; f; f; cat file'
	assert_output 'a'
}

@test "redirection in the definition with >> appends at each call" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'f() { echo "$1"; } >> log; f 1; f 2; cat log'
	assert_output $'1\n2'
}

@test "a function named like an external command wins" {
	run conch -c 'ls() { echo my-ls; }; ls /'
	assert_output 'my-ls'
}

@test "command bypasses the function" {
	run conch -c 'echo() { printf "fn\n"; }; echo x; command echo real'
	assert_output $'fn\nreal'
}

@test "function can call a function defined later" {
	run conch -c 'a() { b; }; b() { echo b; }; a'
	assert_output 'b'
}

@test "function defined inside a function exists after the call" {
	run conch -c 'outer() { inner() { echo inner; }; }; outer; inner'
	assert_output 'inner'
}

@test "definition status is 0" {
	run conch -c 'false; f() { :; }; echo $?'
	assert_output '0'
}

@test "local: variable restored after the call" {
	run conch -c 'x=g; f() { local x=l; echo $x; }; f; echo $x'
	assert_output $'l\ng'
}

@test "local: dynamic scoping, callee sees caller's local" {
	run conch -c 'x=g; show() { echo $x; }; f() { local x=f; show; }; f; show'
	assert_output $'f\ng'
}

@test "local: callee assignment changes caller's local, not the global" {
	run conch -c 'x=g; set_x() { x=changed; }; f() { local x=f; set_x; echo $x; }; f; echo $x'
	assert_output $'changed\ng'
}

@test "local without a value: later assignment stays local" {
	run conch -c 'x=outer; f() { local x; x=inner; }; f; echo $x'
	assert_output 'outer'
}

@test "functions see and change globals" {
	run conch -c 'count=0; inc() { count=$((count+1)); }; inc; inc; inc; echo $count'
	assert_output '3'
}

@test "assignment prefix on a function call" {
	run conch -c 'f() { echo "[$v]"; }; v=pre f'
	assert_output '[pre]'
}

@test "function in a pipeline" {
	run conch -c 'f() { while read l; do echo "f:$l"; done; }; printf "a\nb\n" | f'
	assert_output $'f:a\nf:b'
}

@test "exit inside a function exits the shell" {
	run conch -c 'f() { exit 4; }; f; echo no'
	assert_failure 4
	assert_output ''
}

@test "return status is seen by ||" {
	run conch -c 'f() { return 2; }; f || echo "f failed $?"'
	assert_output 'f failed 2'
}

@test "function name with underscore and digits" {
	run conch -c '_f1() { echo ok; }; _f1'
	assert_output 'ok'
}

@test "\"\$@\" forwarded through two functions" {
	run conch -c 'inner() { echo $#; printf "<%s>" "$@"; echo; }; outer() { inner "$@"; }; outer "a b" "" c'
	assert_output $'3\n<a b><><c>'
}
