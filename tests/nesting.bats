#!/usr/bin/env bats
# nesting.bats: runaway recursion of shell code is an error with status 2,
# never a stack overflow, whichever way it recurses (conch's limit: 1000).

load helpers/common

setup() {
	is_conch || skip "conch-specific: the nesting limit and its message"
}

recurse() {
	run conch -c "$1; echo not reached"
	assert_failure 2
	assert_output --partial 'maximum nesting depth (1000) exceeded'
	refute_output --partial 'not reached'
}

@test "a function calling itself stops at the limit" {
	recurse 'f() { f; }; f'
}

@test "a function recursing through a pipeline stage stops at the limit" {
	# the error ends the stage it happens in, as it would end a subshell
	run conch -c 'f() { echo x | f; }; f; echo "status $?"'
	assert_output --partial 'maximum nesting depth (1000) exceeded'
	assert_output --partial 'status 2'
}

@test "a function recursing through eval stops at the limit" {
	recurse 'f() { eval f; }; f'
}

@test "a function recursing inside a thread stage stops at the limit" {
	run conch -c 'f() { f; }; echo x | f; echo "stage status $?"'
	assert_output --partial 'maximum nesting depth (1000) exceeded'
	assert_output --partial 'stage status 2'
}

@test "recursion below the limit works: depth 900" {
	run conch -c 'f() { [ $1 -gt 0 ] && f $(($1 - 1)) || echo bottom; }; f 900'
	assert_success
	assert_output bottom
}
