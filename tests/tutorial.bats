#!/usr/bin/env bats
# tutorial.bats: every example of man/conch-tutorial.7 prints what the page says
#
# The examples are marked in the mdoc source (see the comment atop
# man/conch-tutorial.7 and tests/helpers/tutorial-examples).  There is one
# @test per example below; the first tests check that this list and the page
# agree, so an example added to the page without a test here fails loudly.
# To print the @test lines for the current page:
#   tests/helpers/tutorial-examples man/conch-tutorial.7 /tmp/ex &&
#   sed 's/.*/@test "tutorial: &" { example &; }/' /tmp/ex/list

load 'helpers/common'
load 'helpers/tutorial'

PAGE="$BATS_TEST_DIRNAME/../man/conch-tutorial.7"

setup_file() {
	tutorial_extract "$PAGE" "$BATS_FILE_TMPDIR/examples" || true
}

example() {
	run_example "$BATS_FILE_TMPDIR/examples" "$1"
}

@test "tutorial: the examples can be extracted from the page" {
	assert_extracts "$PAGE"
}

@test "tutorial: every example of the page has a @test here, and no other" {
	assert_all_listed "$BATS_FILE_TMPDIR/examples" tutorial
}

@test "tutorial: a documented output that differs from the shell's fails" {
	local dir="$BATS_TEST_TMPDIR/fixture"
	cat > "$BATS_TEST_TMPDIR/page.7" <<'PAGE'
.\" example: right
.Bd -literal
echo 'a\eb'
.Ed
.\" output:
.Bd -literal
a\eb
.Ed
.\" example: wrong
.Bd -literal
echo two
.Ed
.\" output:
.Bd -literal
three
.Ed
.\" example: silent
.Bd -literal
echo noisy
.Ed
PAGE
	tutorial_extract "$BATS_TEST_TMPDIR/page.7" "$dir"
	run_example "$dir" right
	run run_example "$dir" wrong
	assert_failure
	assert_output --partial 'example wrong: the documented output (-) differs'
	assert_output --partial '+two'
	run run_example "$dir" silent
	assert_failure
	run run_example "$dir" nosuch
	assert_failure
	assert_output --partial 'example nosuch: no such example'
}

@test "tutorial: needs runs other examples first, in the same directory" {
	local dir="$BATS_TEST_TMPDIR/fixture"
	cat > "$BATS_TEST_TMPDIR/page.7" <<'PAGE'
.\" example: make
.Bd -literal
echo made > file
echo noise
.Ed
.\" example: use
.\" needs: make
.Bd -literal
cat file
.Ed
.\" output:
.Bd -literal
made
.Ed
.\" example: alone
.\" skip: for a reason
.Bd -literal
exit 1
.Ed
PAGE
	tutorial_extract "$BATS_TEST_TMPDIR/page.7" "$dir"
	run_example "$dir" use
	run run_example "$dir" make
	assert_failure
	[ "$(cat "$dir/alone.skip")" = 'for a reason' ]
}

@test "tutorial: the extractor rejects malformed pages" {
	printf '%s\n' '.\" example: a' 'echo' > "$BATS_TEST_TMPDIR/bad.7"
	run "$BATS_TEST_DIRNAME/helpers/tutorial-examples" "$BATS_TEST_TMPDIR/bad.7" "$BATS_TEST_TMPDIR/x"
	assert_failure
	assert_output --partial 'bad.7:2: expected .Bd -literal'
	printf '%s\n' '.\" example: a' '.Bd -literal' 'echo \fBx' '.Ed' > "$BATS_TEST_TMPDIR/bad.7"
	run "$BATS_TEST_DIRNAME/helpers/tutorial-examples" "$BATS_TEST_TMPDIR/bad.7" "$BATS_TEST_TMPDIR/x"
	assert_failure
	assert_output --partial 'unsupported escape'
}

@test "tutorial: start-c" { example start-c; }
@test "tutorial: start-script" { example start-script; }
@test "tutorial: start-help" { example start-help; }
@test "tutorial: cmd-status" { example cmd-status; }
@test "tutorial: cmd-pipeline" { example cmd-pipeline; }
@test "tutorial: cmd-lists" { example cmd-lists; }
@test "tutorial: cmd-redirect" { example cmd-redirect; }
@test "tutorial: cmd-heredoc" { example cmd-heredoc; }
@test "tutorial: quote-kinds" { example quote-kinds; }
@test "tutorial: quote-splitting" { example quote-splitting; }
@test "tutorial: quote-empty" { example quote-empty; }
@test "tutorial: expand-params" { example expand-params; }
@test "tutorial: expand-subst-arith" { example expand-subst-arith; }
@test "tutorial: expand-glob" { example expand-glob; }
@test "tutorial: expand-positional" { example expand-positional; }
@test "tutorial: flow-if" { example flow-if; }
@test "tutorial: flow-case" { example flow-case; }
@test "tutorial: flow-loops" { example flow-loops; }
@test "tutorial: flow-read" { example flow-read; }
@test "tutorial: func-basic" { example func-basic; }
@test "tutorial: func-recursive" { example func-recursive; }
@test "tutorial: func-getopts" { example func-getopts; }
@test "tutorial: func-trap" { example func-trap; }
@test "tutorial: err-e" { example err-e; }
@test "tutorial: err-u-pipefail" { example err-u-pipefail; }
@test "tutorial: err-x" { example err-x; }
@test "tutorial: err-trap" { example err-trap; }
@test "tutorial: thread-sum" { example thread-sum; }
@test "tutorial: thread-filter" { example thread-filter; }
@test "tutorial: thread-shared" { example thread-shared; }
@test "tutorial: thread-per-stage" { example thread-per-stage; }
@test "tutorial: lock-counter" { example lock-counter; }
@test "tutorial: lock-pool" { example lock-pool; }
@test "tutorial: thread-portable" { example thread-portable; }
@test "tutorial: thread-forkstages" { example thread-forkstages; }
@test "tutorial: thread-pipestatus" { example thread-pipestatus; }
@test "tutorial: match-filter" { example match-filter; }
@test "tutorial: match-o-p" { example match-o-p; }
@test "tutorial: match-capture" { example match-capture; }
@test "tutorial: match-loop" { example match-loop; }
@test "tutorial: subst-basic" { example subst-basic; }
@test "tutorial: subst-status" { example subst-status; }
@test "tutorial: sock-first" { example sock-first; }
@test "tutorial: sock-loop" { example sock-loop; }
@test "tutorial: sock-halfclose" { example sock-halfclose; }
@test "tutorial: sock-unix" { example sock-unix; }
@test "tutorial: sock-two-shells" { example sock-two-shells; }
@test "tutorial: jobs-script" { example jobs-script; }
@test "tutorial: jobs-fg" { example jobs-fg; }
@test "tutorial: ans-hello" { example ans-hello; }
@test "tutorial: ans-uniq" { example ans-uniq; }
@test "tutorial: ans-affixes" { example ans-affixes; }
@test "tutorial: ans-fizzbuzz" { example ans-fizzbuzz; }
@test "tutorial: ans-max" { example ans-max; }
@test "tutorial: ans-greet" { example ans-greet; }
@test "tutorial: ans-count" { example ans-count; }
@test "tutorial: ans-lock-inc" { example ans-lock-inc; }
@test "tutorial: ans-pool-done" { example ans-pool-done; }
@test "tutorial: ans-match-names" { example ans-match-names; }
@test "tutorial: ans-sock-sort" { example ans-sock-sort; }
@test "tutorial: ans-jobs" { example ans-jobs; }
