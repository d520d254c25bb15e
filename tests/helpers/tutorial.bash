# tutorial.bash: run the examples extracted by tests/helpers/tutorial-examples
# Loaded by tests/tutorial.bats and tests/reference.bats after helpers/common.

# tutorial_extract PAGE DIR: extracts the examples of PAGE into DIR; on a
# malformed page, DIR/extract.err holds the extractor's message.
tutorial_extract() {
	rm -rf "$2"
	mkdir -p "$2"
	"$BATS_TEST_DIRNAME/helpers/tutorial-examples" "$1" "$2" \
		2> "$2/extract.err" || return 1
}

# tutorial_bindir DIR: makes DIR/conch run $CONCH, so that examples can
# say `conch ...`; prints DIR.
tutorial_bindir() {
	mkdir -p "$1"
	ln -sf "$(command -v "$CONCH")" "$1/conch"
	echo "$1"
}

# run_example DIR NAME: runs example NAME of the extracted DIR in a new
# empty directory, with HOME there, LC_ALL=C and stdin from /dev/null, after the
# examples it needs; fails, naming the example, when its output (stdout
# and stderr together) differs from the documented one.
run_example() {
	local dir=$1 name=$2 need run bin
	if [ -s "$dir/extract.err" ]; then
		echo "the tutorial's examples could not be extracted:" >&2
		cat "$dir/extract.err" >&2
		return 1
	fi
	if [ ! -f "$dir/$name.sh" ]; then
		echo "example $name: no such example in the page (stale @test?)" >&2
		return 1
	fi
	if [ -f "$dir/$name.skip" ]; then
		skip "example $name: $(cat "$dir/$name.skip")"
	fi
	run=$(mktemp -d "$BATS_TEST_TMPDIR/run.XXXXXX")
	bin=$(tutorial_bindir "$BATS_TEST_TMPDIR/bin")
	if [ -f "$dir/$name.needs" ]; then
		while read -r need; do
			(cd "$run" && HOME=$run PATH=$bin:$PATH LC_ALL=C \
				timeout 20 "$CONCH" "$dir/$need.sh" < /dev/null > /dev/null 2>&1) || {
				echo "example $name: example $need, which it needs, failed" >&2
				return 1
			}
		done < "$dir/$name.needs"
	fi
	if [ -f "$dir/$name.setup" ]; then
		(cd "$run" && sh "$dir/$name.setup" > /dev/null 2>&1) || {
			echo "example $name: its setup failed" >&2
			return 1
		}
	fi
	(cd "$run" && HOME=$run PATH=$bin:$PATH LC_ALL=C \
		timeout 20 "$CONCH" "$dir/$name.sh" < /dev/null > "$BATS_TEST_TMPDIR/$name.actual" 2>&1) ||
		[ -f "$dir/$name.transcript" ]   # a session may end with a failure
	if [ -f "$dir/$name.transcript" ]; then
		# a session at the prompt, run as a script: the script's messages
		# name FILE:LINE, and the prompt's "[1] 4242" for `cmd &` is absent
		sed -E 's/^conch: [^ :]+:[0-9]+(:[0-9]+)?: /conch: /' "$BATS_TEST_TMPDIR/$name.actual" \
			> "$BATS_TEST_TMPDIR/$name.norm"
		mv "$BATS_TEST_TMPDIR/$name.norm" "$BATS_TEST_TMPDIR/$name.actual"
		grep -Ev '^\[[0-9]+\] [0-9]+$' "$dir/$name.out" > "$BATS_TEST_TMPDIR/$name.expected" || true
	else
		cp "$dir/$name.out" "$BATS_TEST_TMPDIR/$name.expected"
	fi
	if ! diff -u --label "example $name: documented" \
	    --label "example $name: printed by $CONCH" \
	    "$BATS_TEST_TMPDIR/$name.expected" "$BATS_TEST_TMPDIR/$name.actual" >&2; then
		echo "example $name: the documented output (-) differs from the shell's (+)" >&2
		return 1
	fi
}

# assert_extracts PAGE: the extractor reads PAGE with no message, and finds
# examples in it.
assert_extracts() {
	run "$BATS_TEST_DIRNAME/helpers/tutorial-examples" "$1" "$BATS_TEST_TMPDIR/ex"
	assert_success
	assert_output ''
	[ -s "$BATS_TEST_TMPDIR/ex/list" ]
}

# assert_all_listed DIR PREFIX: the running file has one line
#   @test "PREFIX: NAME" { example NAME; }
# for each example NAME extracted into DIR, and no other such line.
assert_all_listed() {
	local page tests
	page=$(sort "$1/list")
	tests=$(sed -n "s/^@test \"$2: \\([a-z0-9-]*\\)\" { example \\1; }\$/\\1/p" \
		"$BATS_TEST_FILENAME" | sort)
	run diff <(echo "$tests") <(echo "$page")
	if [ "$status" -ne 0 ]; then
		echo "examples of the page (>) without a @test, or @tests (<) without an example:" >&2
		echo "$output" >&2
		return 1
	fi
}
