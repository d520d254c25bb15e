#!/usr/bin/env bats
# builtin-command.bats: the command builtin (-v, -V, -p, function bypass)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	B=$(cd -P "$BATS_TEST_TMPDIR" && pwd -P)
	mkdir -p "$B/bin"
	printf '#!/bin/sh\necho "mycmd:$*"\n' > "$B/bin/mycmd"
	chmod +x "$B/bin/mycmd"
	export B
	cd "$B"
}

@test "command NAME runs the command" {
	run conch -c 'PATH=$B/bin:$PATH; command mycmd a b'
	assert_success
	assert_output 'mycmd:a b'
}

@test "command bypasses a function of the same name" {
	run conch -c 'PATH=$B/bin:$PATH; mycmd() { echo function; }; mycmd; command mycmd x'
	assert_output $'function\nmycmd:x'
}

@test "command ls bypasses a function ls and runs the real ls" {
	run conch -c 'ls() { echo f; }; command ls -d /'
	assert_success
	assert_output '/'
}

@test "command runs builtins" {
	run conch -c 'echo() { printf "func\n"; }; command echo builtin'
	assert_output 'builtin'
}

@test "command with no arguments succeeds and does nothing" {
	run conch -c 'command; echo $?'
	assert_output '0'
}

@test "command: an unknown command gives 127 and a message" {
	run --separate-stderr conch -c 'command nonexistent_cmd_x; echo $?'
	assert_output '127'
	[ -n "$stderr" ]
}

@test "command: the command's exit status is returned" {
	run conch -c 'command false; echo $?; command sh -c "exit 7"; echo $?'
	assert_output $'1\n7'
}

@test "command: a special builtin's error does not exit the shell" {
	run --separate-stderr conch -c 'set -- a; command shift 5; echo "after $(( $? != 0 ))"'
	assert_success
	assert_output 'after 1'
	[ -n "$stderr" ]
}

@test "command exit still exits" {
	run conch -c 'command exit 4; echo no'
	assert_failure 4
	assert_output ''
}

@test "command: the function bypass also works in a pipeline" {
	run conch -c 'cat() { echo nope; }; echo data | command cat'
	assert_output 'data'
}

@test "command -v prints the path of an external command" {
	run conch -c 'PATH=$B/bin:$PATH; command -v mycmd'
	assert_success
	assert_output "$B/bin/mycmd"
}

@test "command -v prints the name of a builtin" {
	run conch -c 'command -v echo; command -v cd; command -v export'
	assert_output $'echo\ncd\nexport'
}

@test "command -v prints the name of a function" {
	run conch -c 'f() { :; }; command -v f'
	assert_output 'f'
}

@test "command -v prints the name of a keyword" {
	run conch -c 'command -v if; command -v while'
	assert_output $'if\nwhile'
}

@test "command -v prints an alias as a reusable alias command" {
	run conch -c "alias l='ls -l'; command -v l"
	assert_output "alias l='ls -l'"
}

@test "command -v of a path prints the path" {
	run conch -c 'command -v "$B/bin/mycmd"'
	assert_output "$B/bin/mycmd"
}

@test "command -v of an unknown name prints nothing and fails" {
	run --separate-stderr conch -c 'command -v nonexistent_cmd_x; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
}

@test "command -v of a nonexistent path fails" {
	run --separate-stderr conch -c 'command -v ./nonexistent; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
}

@test "command -v does not run the command" {
	run conch -c 'PATH=$B/bin:$PATH; command -v mycmd >/dev/null; echo $?'
	assert_output '0'
}

@test "command -V describes an external command" {
	run conch -c 'PATH=$B/bin:$PATH; command -V mycmd'
	assert_success
	assert_output "mycmd is $B/bin/mycmd"
}

@test "command -V describes builtins, special builtins and keywords" {
	run conch -c 'command -V echo; command -V export; command -V if'
	assert_output $'echo is a shell builtin\nexport is a special shell builtin\nif is a shell keyword'
}

@test "command -V describes a function" {
	run conch -c 'f() { :; }; command -V f'
	assert_output 'f is a shell function'
}

@test "command -V describes an alias" {
	run conch -c 'alias l=ls; command -V l'
	assert_output 'l is an alias for ls'
}

@test "command -V of an unknown name fails with a message" {
	run conch -c 'command -V nonexistent_cmd_x; echo "failed=$(( $? != 0 ))"'
	assert_line --partial 'nonexistent_cmd_x'
	assert_line 'failed=1'
}

@test "command -p uses a default PATH that finds the standard utilities" {
	run conch -c 'PATH=/nonexistent; command -p ls -d /'
	assert_success
	assert_output '/'
}

@test "command -p does not change PATH" {
	run conch -c 'PATH=/nonexistent; command -p true; echo "$PATH"'
	assert_output '/nonexistent'
}

@test "command: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'command -x; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "command -v and -V: a directory or a file that is not executable is not a command (bash)" {
	no_dash "the check that a path is an executable file (dash prints any path; bash, as conch, checks)"
	run conch -c "command -v /etc; echo \$?; command -v /etc/passwd; echo \$?; command -v /bin/sh"
	assert_output $'127\n127\n/bin/sh'
	run conch -c 'command -V /etc'
	assert_failure
}
