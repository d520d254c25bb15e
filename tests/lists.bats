#!/usr/bin/env bats
# lists.bats: POSIX 2.9.3 Lists (&& || ; & and newlines)

load helpers/common

@test "&& runs the right side only on success" {
	run conch -c 'true && echo a; false && echo b; echo end'
	assert_output $'a\nend'
}

@test "|| runs the right side only on failure" {
	run conch -c 'true || echo a; false || echo b'
	assert_output 'b'
}

@test "&& and || have equal precedence, left-associative" {
	run conch -c 'false && echo a || echo b'
	assert_output 'b'
}

@test "true || echo a && echo b prints b" {
	run conch -c 'true || echo a && echo b'
	assert_output 'b'
}

@test "false || false && echo x does not print" {
	run conch -c 'false || false && echo x; echo st=$?'
	assert_output 'st=1'
}

@test "status of an AND-OR list is the last command run" {
	run conch -c 'false && true; echo $?; true && (exit 3); echo $?; false || (exit 4); echo $?; true || false; echo $?'
	assert_output $'1\n3\n4\n0'
}

@test "; separates commands, each runs" {
	run conch -c 'echo a; false; echo b'
	assert_output $'a\nb'
}

@test "newline separates commands like ;" {
	run conch -c 'echo a
echo b

echo c'
	assert_output $'a\nb\nc'
}

@test "newline after && or || continues the list" {
	run conch -c 'true &&
echo a ||
echo b'
	assert_output 'a'
}

@test "! negates a pipeline in an AND-OR list" {
	run conch -c '! false && echo yes; ! true || echo also'
	assert_output $'yes\nalso'
}

@test "! binds to the pipeline, not the list" {
	run conch -c '! true && echo no; echo st=$?'
	assert_output 'st=1'
}

@test "braces group AND-OR lists" {
	run conch -c 'false && { echo a; echo b; } || echo c'
	assert_output 'c'
}

@test "& runs in the background and the shell continues" {
	run conch -c 'sleep 0.1 & echo first; wait; echo second'
	assert_output $'first\nsecond'
}

@test "\$! is set after & and wait \$! returns its status" {
	run conch -c '(exit 3) & p=$!; wait $p; echo $?'
	assert_output '3'
}

@test "wait \$! after the job already ended still gives its status" {
	run conch -c '(exit 4) & p=$!; sleep 0.1; wait $p; echo $?'
	assert_output '4'
}

@test "wait with no arguments waits for all jobs and returns 0" {
	run conch -c 'f=$1; (sleep 0.1; echo a > "$f.a") & (sleep 0.05; exit 3) & wait; echo $?; cat "$f.a"' sh "$BATS_TEST_TMPDIR/w"
	assert_output $'0\na'
}

@test "wait for an unknown pid returns 127" {
	run conch -c 'wait 99999 2>/dev/null; echo $?'
	assert_output '127'
}

@test "background AND-OR list runs as a whole" {
	run conch -c 'false && echo no || echo yes & wait'
	assert_output 'yes'
}

@test "status of & itself is 0" {
	run conch -c 'false & echo $?'
	assert_output '0'
}

@test "background job's stdin is not the terminal or the script" {
	run conch -c 'cat & wait; echo done' < /dev/null
	assert_output 'done'
}

@test "variables set in a background job do not leak" {
	run conch -c 'x=1; x=2 & wait; { x=3; } & wait; echo $x'
	assert_output '1'
}

@test "; after & is a syntax error" {
	run conch -c 'echo a &; echo b'
	assert_failure 2
	refute_line 'a'
	refute_line 'b'
}

@test "&& at the start is a syntax error" {
	run conch -c '&& echo a'
	assert_failure 2
	refute_line 'a'
}

@test "a list can end with ;" {
	run conch -c 'echo a;'
	assert_output 'a'
}

@test "multiple background jobs, results by \$!" {
	run conch -c '(exit 1) & a=$!; (exit 2) & b=$!; wait $b; echo $?; wait $a; echo $?'
	assert_output $'2\n1'
}
