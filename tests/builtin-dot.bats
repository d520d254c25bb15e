#!/usr/bin/env bats
# builtin-dot.bats: the . (dot) special builtin
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
	echo 'x=1; echo in dot' > s1.sh
	chmod -x s1.sh
}

@test ". FILE runs the file in the current shell: variables persist" {
	run conch -c '. ./s1.sh; echo $x'
	assert_success
	assert_output $'in dot\n1'
}

@test ". FILE: functions defined in the file persist" {
	echo 'f() { echo fun; }' > fdef.sh
	run conch -c '. ./fdef.sh; f'
	assert_output 'fun'
}

@test ". FILE: cd in the file changes the shell's directory" {
	echo 'cd /' > cd.sh
	run conch -c '. ./cd.sh; pwd'
	assert_output '/'
}

@test ". FILE: the file does not need execute permission" {
	run conch -c '. ./s1.sh >/dev/null; echo $?'
	assert_output '0'
}

@test ". FILE: the status is the last command's" {
	echo false > fl.sh
	run conch -c '. ./fl.sh; echo $?'
	assert_output '1'
}

@test ". FILE: an empty file gives status 0" {
	: > empty
	run conch -c 'false; . ./empty; echo $?'
	assert_output '0'
}

@test ". NAME: a name without / is searched in PATH" {
	mkdir lib && mv s1.sh lib/
	run conch -c 'PATH=$PWD/lib:$PATH; . s1.sh; echo $x'
	assert_output $'in dot\n1'
}

@test ". FILE: the positional parameters are the caller's" {
	echo 'echo "args: $# $1"' > args.sh
	run conch -c 'set -- p q; . ./args.sh'
	assert_output 'args: 2 p'
}

@test ". FILE: \$0 is not changed" {
	echo 'echo "$0"' > z.sh
	run conch -c '. ./z.sh' myname
	assert_output 'myname'
}

@test ". FILE: return stops the file with a status" {
	printf 'echo a\nreturn 3\necho no\n' > r.sh
	run conch -c '. ./r.sh; echo "st=$?"'
	assert_output $'a\nst=3'
}

@test ". FILE: return without a number keeps the last status" {
	printf 'false\nreturn\n' > r0.sh
	run conch -c '. ./r0.sh; echo $?'
	assert_output '1'
}

@test ". FILE: return in the file does not return from the calling function" {
	printf 'echo a\nreturn 3\necho no\n' > r.sh
	run conch -c 'f() { . ./r.sh; echo "in f $?"; }; f'
	assert_output $'a\nin f 3'
}

@test ". FILE: exit in the file exits the shell" {
	echo 'exit 4' > e.sh
	run conch -c '. ./e.sh; echo no'
	assert_failure 4
	assert_output ''
}

@test ". FILE: local in a file sourced by a function is local to the function" {
	echo 'local v=1' > l.sh
	run conch -c 'f() { . ./l.sh; echo $v; }; f; echo "[$v]"'
	assert_output $'1\n[]'
}

@test ". FILE: a prefix assignment persists (special builtin)" {
	run conch -c 'y=5 . ./s1.sh >/dev/null; echo "$y $x"'
	assert_output '5 1'
}

@test ". FILE: nested dot files" {
	echo '. ./s1.sh; echo outer' > outer.sh
	run conch -c '. ./outer.sh; echo $x'
	assert_output $'in dot\nouter\n1'
}

@test ". FILE: a file read through a relative path with ./ is not searched in PATH" {
	mkdir lib && cp s1.sh lib/s2.sh
	run --separate-stderr conch -c 'PATH=$PWD/lib:$PATH; . ./s2.sh; echo after'
	assert_failure
	assert_output ''
}

@test ". FILE: a missing file is an error and the non-interactive shell exits" {
	run --separate-stderr conch -c '. ./nonexistent; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test ". NAME: a name not found in PATH is an error and the shell exits" {
	run --separate-stderr conch -c 'PATH=/nonexistent; . nonexistent_dot; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test ". NAME: the current directory is not searched unless it is in PATH" {
	run --separate-stderr conch -c 'PATH=/nonexistent; . s1.sh; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test ". FILE: with command, a missing file does not exit the shell" {
	run --separate-stderr conch -c 'command . ./nonexistent; echo "after $(( $? != 0 ))"'
	assert_output 'after 1'
	[ -n "$stderr" ]
}

@test ". FILE: a syntax error in the file exits the shell with 2" {
	echo 'if' > bad.sh
	run --separate-stderr conch -c '. ./bad.sh; echo after'
	assert_failure 2
	assert_output ''
	[ -n "$stderr" ]
}

@test ". FILE: the same file can be sourced twice" {
	printf 'echo first\n' > ok.sh
	run conch -c '. ./ok.sh; . ./ok.sh'
	assert_output $'first\nfirst'
}
