#!/usr/bin/env bats
# cmdsubst-diff.bats: random $(...) bodies run without a fork must leave the
# shell exactly as forked subshells do (tests/helpers/cmdsub-diff.bash:
# variables, $?, captured bytes, remembered commands, open descriptors,
# files written). A fixed seed and 300 cases here; `make check-cmdsubst-diff`
# runs more with a random seed.

load helpers/common

setup() {
	is_conch || skip "compares conch with its own forksubst option"
}

@test "300 random substitution bodies agree with forced forking (seed 1)" {
	run "$BATS_TEST_DIRNAME/helpers/cmdsub-diff.bash" "$CONCH" 1 300 "$BATS_TEST_TMPDIR/diff"
	assert_success
	assert_output '300 cases agree (300 run)'
}

@test "300 random substitution bodies agree with forced forking (seed 2)" {
	run "$BATS_TEST_DIRNAME/helpers/cmdsub-diff.bash" "$CONCH" 2 300 "$BATS_TEST_TMPDIR/diff"
	assert_success
	assert_output '300 cases agree (300 run)'
}
