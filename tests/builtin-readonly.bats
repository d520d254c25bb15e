#!/usr/bin/env bats
# builtin-readonly.bats: the readonly special builtin
bats_require_minimum_version 1.5.0
load helpers/common

@test "readonly NAME=value sets the variable" {
	run conch -c 'readonly r=1; echo $r'
	assert_success
	assert_output '1'
}

@test "readonly NAME marks an existing variable" {
	run --separate-stderr conch -c 'r=5; readonly r; echo $r; r=6; echo no'
	assert_failure
	assert_output '5'
	[ -n "$stderr" ]
}

@test "readonly: several operands" {
	run conch -c 'readonly a=1 b=2; echo $a$b'
	assert_output '12'
}

@test "readonly: assigning is an error and the non-interactive shell exits" {
	run --separate-stderr conch -c 'readonly r=1; r=2; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "readonly: a prefix assignment to a regular command also exits the shell" {
	run --separate-stderr conch -c 'readonly r=1; r=2 true; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "readonly: assigning in a subshell fails only the subshell" {
	run --separate-stderr conch -c 'readonly r=1; (r=2; echo no); echo "after $(( $? != 0 )) $r"'
	assert_success
	assert_output 'after 1 1'
	[ -n "$stderr" ]
}

@test "readonly: readonly again with a value is an error" {
	run --separate-stderr conch -c 'readonly r=1; readonly r=3; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "readonly: readonly again without a value is fine" {
	run conch -c 'readonly r=1; readonly r; echo $? $r'
	assert_output '0 1'
}

@test "readonly: an unset variable made readonly cannot be assigned" {
	run --separate-stderr conch -c 'readonly r; r=1; echo after'
	assert_failure
	assert_output ''
}

@test "readonly: unset of a readonly variable fails and the shell exits" {
	run --separate-stderr conch -c 'readonly r=1; unset r; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "readonly: a for loop variable cannot be readonly" {
	run --separate-stderr conch -c 'readonly r=1; for r in 1; do :; done; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "readonly: read into a readonly variable fails, the shell goes on" {
	run --separate-stderr conch -c 'readonly r=1; echo x | { read r; echo "after $(( $? != 0 ))"; }; echo $r'
	assert_output $'after 1\n1'
	[ -n "$stderr" ]
}

@test "readonly: getopts into a readonly variable fails" {
	run --separate-stderr conch -c 'readonly r=1; getopts a r -a; echo "after $(( $? != 0 )) $r"'
	assert_output 'after 1 1'
	[ -n "$stderr" ]
}

@test "readonly: \${r:=x} does not assign a set variable" {
	run conch -c 'readonly r=1; : ${r:=3}; echo $r'
	assert_output '1'
}

@test "readonly: the variable can still be exported" {
	run conch -c 'readonly r=1; export r; sh -c "echo \$r"'
	assert_output '1'
}

@test "readonly -p prints readonly NAME='value' lines" {
	run conch -c 'readonly r=1; readonly -p'
	assert_success
	assert_line "readonly r='1'"
}

@test "readonly -p quotes spaces and single quotes reusably" {
	run conch -c "readonly r=\"it's a\"; readonly -p | grep ' r='"
	assert_output "readonly r='it'\"'\"'s a'"
}

@test "readonly -p prints a readonly unset variable without a value" {
	run conch -c 'readonly r; readonly -p'
	assert_line 'readonly r'
}

@test "readonly with no operands lists like readonly -p" {
	run conch -c 'readonly r=1; readonly'
	assert_line "readonly r='1'"
}

@test "readonly -p does not list ordinary variables" {
	run conch -c 'y=1; readonly -p'
	refute_output --partial ' y='
}

@test "readonly: an invalid name is an error and the shell exits" {
	run --separate-stderr conch -c 'readonly 1x=2; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "readonly: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'readonly -x; echo after'
	assert_failure 2
	[ -n "$stderr" ]
}

@test "readonly: a readonly variable in a script file stops the script" {
	run --separate-stderr conch_script <<'SH'
readonly r=1
echo before
r=2
echo after
SH
	assert_failure
	assert_output 'before'
}
