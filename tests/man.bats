#!/usr/bin/env bats
# man.bats: the manual pages are valid mdoc with no mandoc warnings, 80 columns wide

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

@test "every line of both pages fits 80 columns as man shows them" {
	local page wide
	for page in "$MANDIR/conch.1" "$MANDIR/conch-tutorial.7"; do
		wide=$(mandoc -Tascii -Owidth=80 "$page" | sed 's/.\x08//g' | expand | awk 'length > 80')
		if [ -n "$wide" ]; then
			echo "${page##*/}: lines wider than 80 columns:" >&2
			echo "$wide" >&2
			return 1
		fi
	done
}
