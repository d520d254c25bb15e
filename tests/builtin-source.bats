#!/usr/bin/env bats
# builtin-source.bats: source, bash's name for the . special builtin (the
# same implementation: these tests check that the name behaves as . does;
# expected outputs checked with bash --posix 5.2)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
	echo 'x=1; echo "in source: $# ${1-}"' > s1.sh
	chmod -x s1.sh
}

@test "source FILE runs the file in the current shell: variables persist" {
	is_conch || skip "conch-specific: source (bash)"
	run conch -c 'source ./s1.sh; echo "$x"'
	assert_success
	assert_output $'in source: 0 \n1'
}

@test "source FILE ARG...: the arguments are the positional parameters while it runs" {
	is_conch || skip "conch-specific: source (bash)"
	run conch -c 'source ./s1.sh a b; echo "after: $# ${1-}"' sh outer
	assert_output $'in source: 2 a\nafter: 1 outer'
}

@test "source FILE: return ends the file with its status" {
	is_conch || skip "conch-specific: source (bash)"
	printf 'echo one; return 3; echo no\n' > r.sh
	run conch -c 'source ./r.sh; echo "st $?"'
	assert_output $'one\nst 3'
}

@test "source NAME: a name without / is searched in PATH" {
	is_conch || skip "conch-specific: source (bash)"
	mkdir d
	echo 'echo found' > d/lib.sh
	run conch -c 'PATH="$PWD/d:$PATH"; source lib.sh'
	assert_output 'found'
}

@test "source is a special builtin, as . is" {
	is_conch || skip "conch-specific: source (bash)"
	run conch -c 'type source; type .; command -v source'
	assert_output $'source is a special shell builtin\n. is a special shell builtin\nsource'
}

@test "source: a missing file is an error named source, and the shell exits" {
	is_conch || skip "conch-specific: source (bash)"
	run --separate-stderr conch -c 'source ./nonesuch.sh; echo after'
	assert_failure
	assert_output ''
	[[ "$stderr" == *"source: ./nonesuch.sh: "* ]]
}

@test "source: under command, a missing file does not end the shell" {
	is_conch || skip "conch-specific: source (bash)"
	run --separate-stderr conch -c 'command source ./nonesuch.sh; echo "after $?"'
	assert_output 'after 2'
}

@test "source: without a file it is a usage error" {
	is_conch || skip "conch-specific: source (bash)"
	run --separate-stderr conch -c 'command source; echo "st $?"'
	assert_output 'st 2'
	[[ "$stderr" == *"source: a FILE is needed"$'\n'"try 'help source'" ]]
}
