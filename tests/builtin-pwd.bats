#!/usr/bin/env bats
# builtin-pwd.bats: the pwd builtin (-L logical, -P physical)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	B=$(cd -P "$BATS_TEST_TMPDIR" && pwd -P)
	mkdir -p "$B/real/sub"
	ln -s real "$B/link"
	cd "$B"
	export B
}

@test "pwd prints the current directory" {
	run conch -c 'pwd'
	assert_success
	assert_output "$B"
}

@test "pwd after cd" {
	run conch -c 'cd real/sub; pwd'
	assert_output "$B/real/sub"
}

@test "pwd in a symlinked directory prints the logical path" {
	run conch -c 'cd link; pwd'
	assert_output "$B/link"
}

@test "pwd -L prints the logical path" {
	run conch -c 'cd link; pwd -L'
	assert_success
	assert_output "$B/link"
}

@test "pwd -P prints the physical path" {
	run conch -c 'cd link; pwd -P'
	assert_success
	assert_output "$B/real"
}

@test "pwd -P does not change PWD" {
	run conch -c 'cd link; pwd -P >/dev/null; echo "$PWD"'
	assert_output "$B/link"
}

@test "pwd: an inherited PWD that names the current directory is kept" {
	cd "$B/link"
	run env PWD="$B/link" "$CONCH" -c 'pwd; pwd -P'
	assert_output "$B/link"$'\n'"$B/real"
}

@test "pwd: an inherited PWD that is wrong is ignored" {
	cd "$B/real"
	run env PWD=/nonexistent "$CONCH" -c 'pwd'
	assert_output "$B/real"
}

@test "pwd: an inherited PWD naming another directory is ignored" {
	cd "$B/real/sub"
	run env PWD="$B/link" "$CONCH" -c 'pwd'
	assert_output "$B/real/sub"
}

@test "pwd: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'pwd -x; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "pwd: the output goes through redirection" {
	run conch -c 'cd real; pwd > out; cat out'
	assert_output "$B/real"
}
