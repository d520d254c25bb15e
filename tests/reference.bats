#!/usr/bin/env bats
# reference.bats: every example of man/conch.1 prints what the page says
#
# The examples are marked in the mdoc source as in the tutorial (see
# tests/helpers/tutorial-examples): "example:" for a script, "transcript:"
# for a session at the prompt, "not-run:" with a reason for the literal
# blocks that are not runnable.  There is one @test per example below; the
# first tests check that this list and the page agree.  To print the @test
# lines for the current page:
#   tests/helpers/tutorial-examples man/conch.1 /tmp/ex &&
#   sed 's/.*/@test "reference: &" { example &; }/' /tmp/ex/list

load 'helpers/common'
load 'helpers/tutorial'

PAGE="$BATS_TEST_DIRNAME/../man/conch.1"

setup_file() {
	tutorial_extract "$PAGE" "$BATS_FILE_TMPDIR/examples" || true
}

example() {
	run_example "$BATS_FILE_TMPDIR/examples" "$1"
}

@test "reference: the examples can be extracted, and every literal block is marked" {
	assert_extracts "$PAGE"
}

@test "reference: every example of the page has a @test here, and no other" {
	assert_all_listed "$BATS_FILE_TMPDIR/examples" reference
}

@test "reference: a literal block without a marker is an error" {
	printf '%s\n' '.Pp' '.Bd -literal' 'echo hi' '.Ed' > "$BATS_TEST_TMPDIR/page.1"
	run "$BATS_TEST_DIRNAME/helpers/tutorial-examples" "$BATS_TEST_TMPDIR/page.1" "$BATS_TEST_TMPDIR/ex"
	assert_failure
	assert_output --partial 'page.1:2: literal block without a marker'
}

@test "reference: a transcript's output that differs from the shell's fails" {
	printf '%s\n' '.\" transcript: right' '.Bd -literal' '$ echo one' 'one' '.Ed' \
		'.\" transcript: wrong' '.Bd -literal' '$ echo two' '> echo three' 'two' '.Ed' \
		> "$BATS_TEST_TMPDIR/page.1"
	tutorial_extract "$BATS_TEST_TMPDIR/page.1" "$BATS_TEST_TMPDIR/ex"
	run_example "$BATS_TEST_TMPDIR/ex" right
	run run_example "$BATS_TEST_TMPDIR/ex" wrong
	assert_failure
	assert_output --partial '+three'
}

@test "reference: named-fd" { example named-fd; }
@test "reference: net-refused" { example net-refused; }
@test "reference: stages-share" { example stages-share; }
@test "reference: pipestatus" { example pipestatus; }
@test "reference: lock-command" { example lock-command; }
@test "reference: lock-unlock" { example lock-unlock; }
@test "reference: lock-counter" { example lock-counter; }
@test "reference: thread" { example thread; }
@test "reference: match-n" { example match-n; }
@test "reference: subst-g" { example subst-g; }
@test "reference: regex-uses" { example regex-uses; }
@test "reference: usage-error" { example usage-error; }
@test "reference: colon" { example colon; }
@test "reference: dot" { example dot; }
@test "reference: break" { example break; }
@test "reference: continue" { example continue; }
@test "reference: eval" { example eval; }
@test "reference: exec" { example exec; }
@test "reference: exit" { example exit; }
@test "reference: export" { example export; }
@test "reference: readonly" { example readonly; }
@test "reference: return" { example return; }
@test "reference: set" { example set; }
@test "reference: shift" { example shift; }
@test "reference: trap" { example trap; }
@test "reference: unset" { example unset; }
@test "reference: alias" { example alias; }
@test "reference: builtin" { example builtin; }
@test "reference: cd" { example cd; }
@test "reference: command" { example command; }
@test "reference: disown" { example disown; }
@test "reference: echo" { example echo; }
@test "reference: false" { example false; }
@test "reference: getopts" { example getopts; }
@test "reference: halfclose" { example halfclose; }
@test "reference: help" { example help; }
@test "reference: hash" { example hash; }
@test "reference: jobs-running" { example jobs-running; }
@test "reference: local" { example local; }
@test "reference: printf" { example printf; }
@test "reference: pwd" { example pwd; }
@test "reference: read" { example read; }
@test "reference: test" { example test; }
@test "reference: true" { example true; }
@test "reference: type" { example type; }
@test "reference: ulimit" { example ulimit; }
@test "reference: umask" { example umask; }
@test "reference: unalias" { example unalias; }
@test "reference: wait" { example wait; }
@test "reference: bash-while-read" { example bash-while-read; }
@test "reference: bash-read-ifs" { example bash-read-ifs; }
@test "reference: bash-forkstages" { example bash-forkstages; }
@test "reference: bash-params" { example bash-params; }
@test "reference: bash-getopts" { example bash-getopts; }
@test "reference: bash-case-fallthrough" { example bash-case-fallthrough; }
@test "reference: bash-heredoc" { example bash-heredoc; }
@test "reference: bash-pipefail" { example bash-pipefail; }
@test "reference: bash-wait" { example bash-wait; }
