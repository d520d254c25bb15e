# common.bash: shared set-up for every conch bats file
# Each .bats file starts with `load helpers/common`. CONCH is the shell under
# test (make check sets it to the built binary); set CONCH=dash to check that
# an expectation is what POSIX shells print.
# bats-support and bats-assert, sourced file by file: their load.bash files
# call $(dirname) once per file, 20 forks that bats repeats for every test
# (130 ms a test, half of the suite's time).
for _lib in output error lang; do
	source "/usr/lib/bats/bats-support/src/$_lib.bash"
done
for _lib in assert refute assert_equal assert_not_equal assert_success \
	assert_failure assert_output refute_output assert_line refute_line \
	assert_regex refute_regex; do
	source "/usr/lib/bats/bats-assert/src/$_lib.bash"
done
unset _lib

: "${CONCH:?set CONCH to the shell under test}"

# conch -c SCRIPT [ARGS...]: runs SCRIPT under the shell under test.
conch() {
	"$CONCH" "$@"
}

# Runs a script given on stdin (a here-document) as a file, so that line
# numbers and multi-line constructs behave as in a real script.
conch_script() {
	local f="$BATS_TEST_TMPDIR/script.sh"
	cat > "$f"
	"$CONCH" "$f" "$@"
}

# True when the shell under test is conch (conch-specific behaviour).
is_conch() {
	"$CONCH" --version 2>/dev/null | grep -q '^conch'
}

# no_dash WHAT: skips the test when the shell under test is dash, which lacks
# WHAT (a bash extension the test checks against bash and conch).
no_dash() {
	case ${CONCH##*/} in dash) skip "dash lacks $1" ;; esac
}
