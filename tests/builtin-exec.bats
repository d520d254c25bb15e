#!/usr/bin/env bats
# builtin-exec.bats: the exec special builtin (replace the shell, or make
# redirections permanent)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "exec CMD replaces the shell: later commands do not run" {
	run conch -c 'exec echo hi; echo no'
	assert_success
	assert_output 'hi'
}

@test "exec: the shell's exit status is the command's" {
	run conch -c 'exec sh -c "exit 5"; echo no'
	assert_failure 5
	assert_output ''
}

@test "exec: arguments are passed" {
	run conch -c 'exec printf "%s-" a "b c"; echo no'
	assert_output 'a-b c-'
}

@test "exec: the process is the same (the pid is kept)" {
	run conch -c 'echo $$; exec sh -c "echo \$\$"'
	[ "${lines[0]}" = "${lines[1]}" ]
	[ "${#lines[@]}" = 2 ]
}

@test "exec: a prefix assignment is exported to the command" {
	run conch -c 'x=1 exec sh -c "echo \$x"'
	assert_output '1'
}

@test "exec in a subshell ends only the subshell" {
	run conch -c '(exec echo sub); echo after'
	assert_output $'sub\nafter'
}

@test "exec does not run the EXIT trap" {
	run conch -c 'trap "echo trap" EXIT; exec echo hi'
	assert_output 'hi'
}

@test "exec of a function name does not call the function" {
	run -127 --separate-stderr conch -c 'f() { echo f; }; exec f; echo no'
	assert_failure 127
	assert_output ''
	[ -n "$stderr" ]
}

@test "exec of a nonexistent command: status 127 and the shell exits" {
	run -127 --separate-stderr conch -c 'exec nonexistent_cmd_x; echo no'
	assert_failure 127
	assert_output ''
	[ -n "$stderr" ]
}

@test "exec of a file that is not executable: status 126 and the shell exits" {
	: > noexe
	chmod -x noexe
	run --separate-stderr conch -c 'exec ./noexe; echo no'
	assert_failure 126
	assert_output ''
	[ -n "$stderr" ]
}

@test "exec with no arguments returns 0" {
	run conch -c 'false; exec; echo $?'
	assert_output '0'
}

@test "exec >FILE redirects all later output of the shell" {
	run conch -c 'exec > out; echo a; echo b'
	assert_output ''
	run cat out
	assert_output $'a\nb'
}

@test "exec 2>/dev/null silences later errors" {
	run conch -c 'exec 2>/dev/null; ls /nonexistent; echo after'
	assert_output 'after'
}

@test "exec 3>FILE opens fd 3 for later commands" {
	run conch -c 'exec 3>f3; echo x >&3; echo y >&3; exec 3>&-; cat f3'
	assert_output $'x\ny'
}

@test "exec 3<FILE opens fd 3 for reading, reads continue where they stopped" {
	printf 'l1\nl2\n' > in
	run conch -c 'exec 3<in; read a <&3; read b <&3; echo "$b $a"'
	assert_output 'l2 l1'
}

@test "exec 3>&-: fd 3 is closed afterwards" {
	run --separate-stderr conch -c 'exec 3>f3; exec 3>&-; echo x >&3; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
}

@test "exec 5>&1 duplicates stdout" {
	run conch -c 'exec 5>&1; echo to5 >&5'
	assert_output 'to5'
}

@test "exec: fds opened by exec are inherited by children" {
	run conch -c 'exec 7>f7; sh -c "echo c >&7"; cat f7'
	assert_output 'c'
}

@test "exec: fds opened by exec are kept by an exec'd command" {
	run conch -c 'exec 6>f6; exec sh -c "echo child >&6"'
	assert_success
	run cat f6
	assert_output 'child'
}

@test "exec: a redirection that fails exits the shell (special builtin)" {
	run --separate-stderr conch -c 'exec 3</nonexistent; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test "exec: redirections with a command apply to that command only" {
	run conch -c 'exec sh -c "echo out; echo err >&2" 2>&1'
	assert_output $'out\nerr'
}

@test "exec <FILE makes the file the shell's stdin" {
	printf 'l1\nl2\n' > in
	run conch -c 'exec < in; read a; cat'
	assert_output 'l2'
}

@test "exec N>&- closes the descriptor itself: a fifo's reader sees end-of-file" {
	mkfifo p
	run timeout 10 "$CONCH" -c 'cat p & exec 3>p; echo hi >&3; exec 3>&-; wait; echo done'
	assert_success
	assert_output $'hi\ndone'
}

# (ls -l 2>/dev/null: the pipeline's own pipes may close while ls looks at them)
@test "exec N>&- leaves no descriptor open on the file" {
	run conch -c 'exec 3>f; exec 3>&-; ls -l /proc/$$/fd 2>/dev/null | grep -c "/f$"'
	assert_output '0'
	run conch -c 'exec 4>f; exec 4>g; ls -l /proc/$$/fd 2>/dev/null | grep -c "/f$"'
	assert_output '0'
}

@test "exec in a loop does not accumulate descriptors" {
	run conch -c 'loop() { i=0; while [ $i -lt $1 ]; do exec 5>f; exec 5>&-; exec 6<f; i=$((i+1)); done; }
loop 1000; ls -l /proc/$$/fd 2>/dev/null | grep -c "/f$"'
	assert_output '1'
}

@test "exec N>&- inside a group closes N for the rest of the group only" {
	run conch -c 'exec 3>outer; { echo a >&3; exec 3>&-; echo b >&3; } 3>inner 2>/dev/null; echo c >&3; cat inner outer'
	assert_output $'a\nc'
}

@test "exec redirections made in a function or a group stay after it (as in dash)" {
	echo data > f
	run conch -c 'g() { exec 6<f; }; g; read -r l <&6; echo "$l"; { exec 7>out; }; echo x >&7; cat out'
	assert_output $'data\nx'
}
