#!/usr/bin/env conch
# ex-ci.sh: a CI run for a directory of shell scripts: syntax check, tests, package
#
# Shows: `set -eu -o pipefail`, which stops the run at the first command
# that fails, inside a pipeline too (a test script that fails while diff
# sees the expected output); an EXIT trap that removes the work directory
# and reports the step that failed, however the script ends; INT and TERM
# traps that turn a signal into an exit the EXIT trap still reports.
#
# Run:   conch examples/ex-ci.sh PROJECT OUT.tar.gz
# Steps: "check" runs `conch -n` on every PROJECT/*.sh; "test" runs every
# PROJECT/tests/NAME.sh, its output and errors compared with
# PROJECT/tests/NAME.out; "package" writes PROJECT's files as a gzipped
# tar into OUT.tar.gz (only when everything passed).  Prints one line a
# step, then "ci: passed"; on a failure, the differences if any, then
# "ci: FAILED in step STEP (status N)" on stderr, and exits with that N.

set -eu -o pipefail
me=ex-ci.sh

if [ $# -ne 2 ]; then
	echo "usage: $me PROJECT OUT.tar.gz" >&2
	exit 2
fi
project=$1 out=$2
step=setup
work=

# finish: the EXIT action.  $? is the status the shell exits with.
finish() {
	status=$?
	[ -z "$work" ] || rm -rf "$work"
	if [ "$status" -eq 0 ]; then
		echo "ci: passed"
	else
		echo "ci: FAILED in step $step (status $status)" >&2
	fi
	exit "$status"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

[ -d "$project" ] || { echo "$me: $project: not a directory" >&2; exit 1; }
work=$(mktemp -d)

step=check
n=0
for f in "$project"/*.sh; do
	[ -e "$f" ] || continue
	conch -n "$f"          # set -e: a syntax error ends the run here
	n=$((n + 1))
done
echo "check: $n script(s) parse"

step=test
n=0
for t in "$project"/tests/*.sh; do
	[ -e "$t" ] || continue
	name=${t##*/}
	# pipefail: the pipeline fails when the test script fails, even if
	# its output is right; diff's output is the report.
	(cd "$project" && conch "tests/$name") 2>&1 | diff -u "${t%.sh}.out" - |
		sed -e "1s|^--- .*|--- tests/${name%.sh}.out (expected)|" \
			-e "2s|^+++ .*|+++ tests/$name (actual output)|"
	n=$((n + 1))
done
echo "test: $n test(s) pass"

step=package
# A tar that fails (an unreadable file) fails the pipeline, not only gzip.
tar -cf - -C "$project" . | gzip -n > "$work/pkg.tar.gz"
n=$(gzip -dc "$work/pkg.tar.gz" | tar -tf - | match -c -v '/$')
mv "$work/pkg.tar.gz" "$out"
echo "package: $out, $n file(s)"
step=done
