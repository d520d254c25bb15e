#!/usr/bin/env bats
# builtin-unalias.bats: the unalias builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "unalias NAME removes the alias" {
	run --separate-stderr conch -c 'alias a=b; unalias a; echo $?; alias a; echo $?'
	assert_output $'0\n1'
}

@test "unalias removes several aliases" {
	run conch -c 'alias a=b c=d e=f; unalias a c; alias'
	assert_success
	assert_output "e='f'"
}

@test "unalias -a removes all aliases" {
	run conch -c 'alias a=b c=d; unalias -a; echo $?; alias'
	assert_success
	assert_output '0'
}

@test "unalias of an unknown name fails with status 1 and a message" {
	run --separate-stderr conch -c 'unalias zz; echo $?'
	assert_success
	assert_output '1'
	[ -n "$stderr" ]
}

@test "unalias: an unknown name among known ones still removes the known ones" {
	run --separate-stderr conch -c 'alias a=b c=d; unalias a zz c; echo $?; alias'
	assert_output '1'
	[ -n "$stderr" ]
}

@test "unalias: the removed alias is no longer substituted" {
	run --separate-stderr conch -c 'hello() { echo function; }
alias hello="echo alias"
unalias hello
hello'
	assert_output 'function'
}
