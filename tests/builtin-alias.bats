#!/usr/bin/env bats
# builtin-alias.bats: the alias builtin's listing and errors, and bash's -p
# (alias substitution itself is covered by the language tests)
bats_require_minimum_version 1.5.0
load helpers/common

@test "alias NAME prints the definition as NAME='value'" {
	run conch -c 'alias a=b; alias a'
	assert_success
	assert_output "a='b'"
}

@test "alias with no operands lists every alias" {
	run conch -c "alias a=b c='d e'; alias | sort"
	assert_success
	assert_output $'a=\'b\'\nc=\'d e\''
}

@test "alias with no aliases defined prints nothing" {
	run conch -c 'alias'
	assert_success
	assert_output ''
}

@test "alias: an empty value is printed as ''" {
	run conch -c 'alias e=; alias e'
	assert_output "e=''"
}

@test "alias: redefining replaces the value" {
	run conch -c 'alias a=b; alias a=c; alias a'
	assert_output "a='c'"
}

@test "alias: the listing can be reused as input" {
	run conch -c "alias g='echo \"x y\"'; eval \"alias \$(alias g)\"; alias g"
	assert_success
	assert_output "g='echo \"x y\"'"
}

@test "alias: a value with a single quote is printed so that it can be reused" {
	run conch_script <<'SH'
alias q="echo it\'s"
saved=$(alias q)
unalias q
eval "alias $saved"
q
SH
	assert_success
	assert_output "it's"
}

@test "alias: an unknown name is an error with status 1" {
	run --separate-stderr conch -c 'alias zz; echo $?'
	assert_success
	assert_output '1'
	[ -n "$stderr" ]
}

@test "alias: an unknown name among definitions still defines the others" {
	run --separate-stderr conch -c 'alias a=b zz c=d; echo $?; alias c'
	assert_output $'1\nc=\'d\''
	[ -n "$stderr" ]
}

@test "alias: a defined alias is used by later commands" {
	run conch -c 'alias say="echo hi"
say there'
	assert_success
	assert_output 'hi there'
}

@test "alias -p lists every alias as an alias command, sorted" {
	is_conch || skip "conch-specific: alias -p (bash)"
	run conch -c "alias q=\"it's\" ll='ls -l'; alias -p"
	assert_output "alias ll='ls -l'
alias q='it'\''s'"
}

@test "alias -p NAME prints that alias as an alias command" {
	is_conch || skip "conch-specific: alias -p (bash prints every alias first)"
	run conch -c "alias a=b ll='ls -l'; alias -p ll; echo \$?"
	assert_output "alias ll='ls -l'
0"
}

@test "alias -p: the output run as commands defines the aliases again" {
	is_conch || skip "conch-specific: alias -p (bash)"
	run conch -c "alias q=\"it's \\\$x\" e=''; s=\$(alias -p); unalias -a; eval \"\$s\"; alias"
	assert_output "e=''
q='it'\''s \$x'"
}

@test "alias -p: a name that looks like an option is written after --" {
	is_conch || skip "conch-specific: alias -p (bash)"
	run conch -c "alias -- -x=1; alias -p -- -x; alias -p"
	assert_output "alias -- -x='1'
alias -- -x='1'"
}

@test "alias -p NAME: a missing alias fails (status 1), definitions still work" {
	is_conch || skip "conch-specific: alias -p (bash)"
	run --separate-stderr conch -c "alias -p nope x=1; echo \$?; alias -p x"
	assert_output "1
alias x='1'"
	[[ "$stderr" == *"alias: nope: not found"* ]]
}

@test "alias -p with no aliases prints nothing (status 0)" {
	is_conch || skip "conch-specific: alias -p (bash)"
	run conch -c 'unalias -a; alias -p; echo "st $?"'
	assert_output 'st 0'
}

@test "alias: an unknown option is a usage error (status 2)" {
	is_conch || skip "conch-specific: alias -p (bash)"
	run --separate-stderr conch -c 'alias -x; echo "st $?"'
	assert_output 'st 2'
	[[ "$stderr" == *"alias: -x: invalid option"* ]]
}
