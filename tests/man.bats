#!/usr/bin/env bats
# man.bats: the manual pages are valid mdoc with no mandoc warnings

load 'helpers/common'

setup() {
	MANDIR="$BATS_TEST_DIRNAME/../man"
	command -v mandoc >/dev/null || skip "mandoc not installed"
}

@test "man/conch.1 is clean under mandoc -Tlint -W warning" {
	[ -f "$MANDIR/conch.1" ]
	run mandoc -Tlint -W warning "$MANDIR/conch.1"
	assert_success
	assert_output ''
}

@test "man/conch-tutorial.7 is clean under mandoc -Tlint -W warning" {
	[ -f "$MANDIR/conch-tutorial.7" ] || skip "no man/conch-tutorial.7 yet"
	run mandoc -Tlint -W warning "$MANDIR/conch-tutorial.7"
	assert_success
	assert_output ''
}
