#!/usr/bin/env bats
# builtin-builtin.bats: the builtin builtin (bash): run a shell builtin even
# when a function has its name (expected outputs checked with bash 5.2)
bats_require_minimum_version 1.5.0
load helpers/common

@test "builtin NAME: runs the builtin, not the function of that name" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch -c 'echo() { printf "func\n"; }; echo hi; builtin echo real'
	assert_output $'func\nreal'
}

@test "builtin NAME: a function can wrap the builtin it replaces" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch -c 'cd() { builtin cd "$@" && printf "now in %s\n" "$PWD"; }; cd /; pwd'
	assert_output $'now in /\n/'
}

@test "builtin NAME ARG...: the arguments and options are the builtin's" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch -c 'builtin echo -n x; builtin printf "%s|" a b; builtin -- echo dd'
	assert_output 'xa|b|dd'
}

@test "builtin: the builtin runs in the shell (assignments, return, exit)" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch_script <<'SH'
read() { :; }
builtin read x <<EOF
value
EOF
echo "[$x]"
f() { builtin return 4; echo no; }
f; echo "ret $?"
builtin exit 7
echo no
SH
	assert_failure 7
	assert_output $'[value]\nret 4'
}

@test "builtin: nested, and inside a command substitution" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch -c 'builtin builtin echo nested; x=$(builtin echo sub); echo "[$x]"'
	assert_output $'nested\n[sub]'
}

@test "builtin: a special builtin's error does not end the shell" {
	is_conch || skip "conch-specific: builtin (bash)"
	run --separate-stderr conch -c 'builtin set -o bogus; echo "survived $?"'
	assert_output 'survived 2'
}

@test "builtin with no name does nothing, status 0" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch -c 'false; builtin; echo "st $?"'
	assert_output 'st 0'
}

@test "builtin nonesuch: not a shell builtin, status 1" {
	is_conch || skip "conch-specific: builtin (bash)"
	run --separate-stderr conch -c 'builtin nonesuch; echo "st $?"; builtin ls; echo "st $?"; builtin if; echo "st $?"'
	assert_output $'st 1\nst 1\nst 1'
	[ "${stderr_lines[0]}" = "conch: -c:1: builtin: nonesuch: not a shell builtin" ]
	[ "${stderr_lines[1]}" = "conch: -c:1: builtin: ls: not a shell builtin" ]
}

@test "builtin: an unknown option is a usage error (status 2)" {
	is_conch || skip "conch-specific: builtin (bash)"
	run --separate-stderr conch -c 'builtin -x; echo "st $?"'
	assert_output 'st 2'
	[[ "$stderr" == *"builtin: -x: invalid option"* ]]
}

@test "builtin and source are listed as shell builtins" {
	is_conch || skip "conch-specific: builtin (bash)"
	run conch -c 'type builtin; type source'
	assert_output $'builtin is a shell builtin\nsource is a special shell builtin'
}
