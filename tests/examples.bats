#!/usr/bin/env bats
# examples.bats: the scripts examples/tut-*.sh and ex-*.sh, run on fixed inputs
#
# Each script of examples/ named tut-*.sh (the scripts that go with
# conch-tutorial.7) or ex-*.sh (other tasks without sockets) has tests
# here, and the socket scripts net-*.sh in examples-net.bats; the last
# tests check that none is left without tests, a header, an entry in
# Makefile.am and examples/README.md, and that `make install` installs
# them.  Scripts run in a fresh directory with LC_ALL=C, so that
# sort(1) and pathname expansion order are fixed.

load 'helpers/common'
bats_require_minimum_version 1.5.0

EX="$BATS_TEST_DIRNAME/../examples"

setup() {
	cd "$BATS_TEST_TMPDIR"
	export LC_ALL=C
}

# ex NAME [ARGS...]: runs examples/NAME.sh under the shell under test
ex() {
	local name=$1
	shift
	"$CONCH" "$EX/$name.sh" "$@"
}

# wait_for FILE: waits (15 s at most) until FILE is not empty
wait_for() {
	local i=0
	until [ -s "$1" ]; do
		i=$((i + 1))
		[ "$i" -le 300 ] || { echo "wait_for $1: timed out" >&2; return 1; }
		sleep 0.05
	done
}

# --- tut-wordfreq.sh -------------------------------------------------------

@test "tut-wordfreq: totals survive the reading loop, top 5 words" {
	run ex tut-wordfreq <<'IN'
The cat and the hat.
The CAT sat; the dog did not!
A hat, a cat.
IN
	assert_success
	assert_output - <<'OUT'
16 words, 9 distinct
4 the
3 cat
2 a
2 hat
1 and
OUT
}

@test "tut-wordfreq: -n chooses how many words are listed" {
	run ex tut-wordfreq -n 2 <<< 'b a b c a b'
	assert_success
	assert_output $'6 words, 3 distinct\n3 b\n2 a'
}

@test "tut-wordfreq: empty input" {
	run ex tut-wordfreq < /dev/null
	assert_success
	assert_output '0 words, 0 distinct'
}

@test "tut-wordfreq: under forkstages the loop's totals are lost, as in other shells" {
	is_conch || skip "conch-specific option"
	run "$CONCH" -o forkstages "$EX/tut-wordfreq.sh" <<< 'a b a'
	assert_success
	assert_output '0 words, 0 distinct'
}

# --- tut-logsummary.sh -----------------------------------------------------

@test "tut-logsummary: totals, status classes, busiest normalised paths" {
	cat > access.log <<'LOG'
10.0.0.1 - - [25/Nov/2026:10:00:00 +0000] "GET /users/42 HTTP/1.1" 200 512
10.0.0.2 - - [25/Nov/2026:10:00:01 +0000] "GET /users/7 HTTP/1.1" 200 256
10.0.0.1 - - [25/Nov/2026:10:00:02 +0000] "POST /users/42/posts HTTP/1.1" 201 64
10.0.0.3 - - [25/Nov/2026:10:00:03 +0000] "GET /missing?x=1 HTTP/1.1" 404 -
garbage line

10.0.0.3 - - [25/Nov/2026:10:00:04 +0000] "GET /users/9/posts/3 HTTP/1.1" 500 0
10.0.0.2 - - [25/Nov/2026:10:00:05 +0000] "GET /old HTTP/1.1" 301 0
10.0.0.4 - - [25/Nov/2026:10:00:06 +0000] "GET /users/1 HTTP/1.0" 200 100
LOG
	run ex tut-logsummary < access.log
	assert_success
	assert_output - <<'OUT'
requests: 7, bytes: 932, unparsed lines: 1
status: 2xx=4 3xx=1 4xx=1 5xx=1
busiest:
  GET /users/:id (3)
  GET /missing (1)
  GET /old (1)
OUT
}

@test "tut-logsummary: empty log" {
	run ex tut-logsummary < /dev/null
	assert_success
	assert_output $'requests: 0, bytes: 0, unparsed lines: 0\nstatus: 2xx=0 3xx=0 4xx=0 5xx=0\nbusiest:'
}

# --- tut-cli.sh ------------------------------------------------------------

@test "tut-cli: numbers the lines of the files given" {
	printf 'alpha\nbeta\n' > a
	printf 'gamma\n' > b
	run ex tut-cli a b
	assert_success
	assert_output $'  1: alpha\n  2: beta\n  3: gamma'
}

@test "tut-cli: standard input, -u, -w and -s" {
	run ex tut-cli -u -w 1 -s ' | ' <<< 'hello world'
	assert_success
	assert_output '1 | HELLO WORLD'
}

@test "tut-cli: - among the files reads standard input" {
	printf 'one\n' > a
	run ex tut-cli -w2 a - a <<< 'two'
	assert_success
	assert_output $' 1: one\n 2: two\n 3: one'
}

@test "tut-cli: -h prints the usage, status 0" {
	run ex tut-cli -h
	assert_success
	assert_output 'usage: tut-cli.sh [-h] [-u] [-s SEP] [-w WIDTH] [file ...]'
}

@test "tut-cli: an unknown option is a usage error, status 2" {
	run --separate-stderr ex tut-cli -x a
	[ "$status" -eq 2 ]
	[ "$output" = '' ]
	[ "$stderr" = $'tut-cli.sh: -x: no such option\nusage: tut-cli.sh [-h] [-u] [-s SEP] [-w WIDTH] [file ...]' ]
}

@test "tut-cli: a missing option argument is a usage error, status 2" {
	run --separate-stderr ex tut-cli -s
	[ "$status" -eq 2 ]
	[ "$stderr" = $'tut-cli.sh: -s needs an argument\nusage: tut-cli.sh [-h] [-u] [-s SEP] [-w WIDTH] [file ...]' ]
}

@test "tut-cli: -w checks its argument" {
	run --separate-stderr ex tut-cli -w 1x
	[ "$status" -eq 2 ]
	[ "$stderr" = 'tut-cli.sh: -w: not a number: 1x' ]
}

@test "tut-cli: an unreadable file is reported, the others numbered, status 1" {
	printf 'alpha\n' > a
	run --separate-stderr ex tut-cli nofile a
	[ "$status" -eq 1 ]
	[ "$output" = '  1: alpha' ]
	[ "$stderr" = 'tut-cli.sh: nofile: cannot read' ]
}

# --- tut-recursive.sh ------------------------------------------------------

@test "tut-recursive: factorials, Fibonacci, Hanoi and a directory tree" {
	mkdir -p tree/src/lib tree/doc tree/empty
	touch tree/README tree/src/main.c tree/src/lib/util.c tree/doc/guide.txt
	run ex tut-recursive tree
	assert_success
	assert_output - <<'OUT'
1! = 1
5! = 120
10! = 3628800
fib(10) = 55
fib(20) = 6765
move disc 1 from A to C
move disc 2 from A to B
move disc 1 from C to B
move disc 3 from A to C
move disc 1 from B to A
move disc 2 from B to C
move disc 1 from A to C
7 moves
tree/
    README
    doc/
        guide.txt
    empty/
    src/
        lib/
            util.c
        main.c
OUT
}

# --- ex-pool.sh --------------------------------------------------------------

@test "ex-pool: checksums in the order given, totals added under a lock" {
	for i in 1 2 3 4 5; do seq $((i * 1000)) > "f$i"; done
	run ex ex-pool -j 3 f3 f1 f5 f2 f4
	assert_success
	assert_output - <<'OUT'
2e57c67a8bbe706a08d6638ec67da02b67b3743ae7d35948cbcf8d1f45cae0a5  f3
67d4ff71d43921d5739f387da09746f405e425b07d727e4c69d029461d1f051f  f1
23f90f8b2c3a4b5f3b5e156339994afd5c2718b378aca6f0e17111f80a70d4ec  f5
6251e5743b6fd6a7d606130bdf7c15077ce85ebd3a0fdee284d15a46df199e38  f2
b5522725f65691de77d329f3124bb1ddcd70e4f201c7a0b6f841c6ee138c37c6  f4
5 file(s), 69465 byte(s), 3 worker(s)
OUT
}

@test "ex-pool: 60 files, 8 workers: every item taken once, no total lost" {
	local i expect=
	for i in $(seq 60); do
		echo "$i" > "g$i"
		expect="$expect$(sha256sum < "g$i" | cut -d' ' -f1)  g$i"$'\n'
	done
	run ex ex-pool -j 8 $(seq -f 'g%g' 60)
	assert_success
	assert_output "${expect}60 file(s), 171 byte(s), 8 worker(s)"
}

@test "ex-pool: an unreadable file is reported, the others done, status 1" {
	printf 'x\n' > a
	run --separate-stderr ex ex-pool -j 2 a nofile a
	[ "$status" -eq 1 ]
	[ "$output" = $'73cb3858a687a8494ca3323053016282f3dad39d42cf62ca4e79dda2aac7d9ac  a\n73cb3858a687a8494ca3323053016282f3dad39d42cf62ca4e79dda2aac7d9ac  a\n2 file(s), 4 byte(s), 2 worker(s)' ]
	[ "$stderr" = 'ex-pool.sh: nofile: cannot read' ]
}

@test "ex-pool: usage errors, status 2" {
	run --separate-stderr ex ex-pool
	[ "$status" -eq 2 ]
	[ "$stderr" = 'usage: ex-pool.sh [-j WORKERS] FILE...' ]
	run --separate-stderr ex ex-pool -j 0 a
	[ "$status" -eq 2 ]
	[ "$stderr" = 'ex-pool.sh: -j: not a positive number: 0' ]
}

# --- ex-ci.sh ----------------------------------------------------------------

# project: a small project for ex-ci.sh in ./proj, whose tests pass
project() {
	mkdir -p proj/tests
	printf 'greet() { echo "hello, $1"; }\n' > proj/greet.sh
	printf '. ./greet.sh\ngreet world\n' > proj/tests/greet.sh
	printf 'hello, world\n' > proj/tests/greet.out
	printf 'echo $((6 * 7))\n' > proj/tests/math.sh
	printf '42\n' > proj/tests/math.out
}

# ci ARGS...: ex-ci.sh with the conch under test first in PATH
ci() {
	PATH=$(dirname "$CONCH"):$PATH TMPDIR=$BATS_TEST_TMPDIR/tmp ex ex-ci "$@"
}

@test "ex-ci: every step passes, the package holds the project, the work directory is gone" {
	is_conch || skip "runs conch -n"
	project
	mkdir tmp
	run --separate-stderr ci proj out.tar.gz
	assert_success
	[ "$output" = $'check: 1 script(s) parse\ntest: 2 test(s) pass\npackage: out.tar.gz, 5 file(s)\nci: passed' ]
	[ "$stderr" = '' ]
	[ "$(tar -tzf out.tar.gz | sort)" = $'./\n./greet.sh\n./tests/\n./tests/greet.out\n./tests/greet.sh\n./tests/math.out\n./tests/math.sh' ]
	[ -z "$(ls tmp)" ]
}

@test "ex-ci: wrong output: the diff, then the failed step and diff's status" {
	is_conch || skip "runs conch -n"
	project
	mkdir tmp
	printf '41\n' > proj/tests/math.out
	run --separate-stderr ci proj out.tar.gz
	[ "$status" -eq 1 ]
	assert_output $'check: 1 script(s) parse\n--- tests/math.out (expected)\n+++ tests/math.sh (actual output)\n@@ -1 +1 @@\n-41\n+42'
	[ "$stderr" = 'ci: FAILED in step test (status 1)' ]
	[ ! -e out.tar.gz ]
	[ -z "$(ls tmp)" ]
}

@test "ex-ci: pipefail: a test that fails with the right output still fails the run" {
	is_conch || skip "runs conch -n"
	project
	mkdir tmp
	printf 'echo $((6 * 7)); exit 3\n' > proj/tests/math.sh
	run --separate-stderr ci proj out.tar.gz
	[ "$status" -eq 3 ]
	[ "$output" = 'check: 1 script(s) parse' ]
	[ "$stderr" = 'ci: FAILED in step test (status 3)' ]
	[ -z "$(ls tmp)" ]
}

@test "ex-ci: set -e: a syntax error stops the run in step check" {
	is_conch || skip "runs conch -n"
	project
	mkdir tmp
	printf 'if true; then\n' > proj/broken.sh
	run --separate-stderr ci proj out.tar.gz
	[ "$status" -eq 2 ]
	[ "$output" = '' ]
	[[ $stderr == *broken.sh:* ]]
	[ "${stderr##*$'\n'}" = 'ci: FAILED in step check (status 2)' ]
	[ -z "$(ls tmp)" ]
}

@test "ex-ci: usage, status 2; a missing project, status 1" {
	run --separate-stderr ex ex-ci proj
	[ "$status" -eq 2 ]
	[ "$stderr" = 'usage: ex-ci.sh PROJECT OUT.tar.gz' ]
	run --separate-stderr ex ex-ci noproj out
	[ "$status" -eq 1 ]
	[ "$stderr" = $'ex-ci.sh: noproj: not a directory\nci: FAILED in step setup (status 1)' ]
}

# --- ex-tailalert.sh ---------------------------------------------------------

@test "ex-tailalert: follows the log as it grows, a line cut in two, stops after 3 alerts" {
	: > app.log
	ex ex-tailalert -n 3 -t 15 '(?<level>ERROR|CRIT):\s*(?<what>.*)' app.log > out 2> err 3>&- &
	pid=$!
	printf 'INFO: start\nERROR: disk full\n' >> app.log
	# The first alert is out before the log grows again: it is followed.
	wait_for out
	printf 'CRIT: data' >> app.log
	sleep 0.3
	printf 'base down\nINFO: ok\nERROR: x\nERROR: not seen\n' >> app.log
	wait "$pid"
	assert_equal "$(cat out)" $'alert 1 [ERROR] disk full\nalert 2 [CRIT] database down\nalert 3 [ERROR] x'
	assert_equal "$(cat err)" 'ex-tailalert.sh: 5 line(s), 3 alert(s); stopped: 3 alert(s)'
}

@test "ex-tailalert: stops at the sentinel line; a pattern without named groups" {
	printf 'a\nerr 1\nEND\nerr 2\n' > log
	run --separate-stderr ex ex-tailalert -t 15 -s END 'err' log
	assert_success
	[ "$output" = 'alert 1: err 1' ]
	[ "$stderr" = 'ex-tailalert.sh: 3 line(s), 1 alert(s); stopped: sentinel at line 3' ]
}

@test "ex-tailalert: a log that stops growing: gives up after IDLE seconds, status 1" {
	printf 'err 1\n' > log
	SECONDS=0
	run --separate-stderr timeout 30 "$CONCH" "$EX/ex-tailalert.sh" -t 0.5 err log
	[ "$status" -eq 1 ]
	[ "$SECONDS" -lt 10 ]
	[ "$output" = 'alert 1: err 1' ]
	[ "$stderr" = 'ex-tailalert.sh: 1 line(s), 1 alert(s); stopped: no new line for 0.5 s' ]
}

@test "ex-tailalert: -e skips what the log holds already" {
	printf 'err old\n' > log
	ex ex-tailalert -e -n 1 -t 15 err log > out 2> err 3>&- &
	pid=$!
	sleep 0.5
	printf 'err new\n' >> log
	wait "$pid"
	[ "$(cat out)" = 'alert 1: err new' ]
}

@test "ex-tailalert: bad arguments, status 2; an unreadable log, status 1" {
	run --separate-stderr ex ex-tailalert x
	[ "$status" -eq 2 ]
	[ "$stderr" = 'usage: ex-tailalert.sh [-e] [-n COUNT] [-s SENTINEL] [-t IDLE] PATTERN LOG' ]
	run --separate-stderr ex ex-tailalert -t 1s x log
	[ "$status" -eq 2 ]
	[ "$stderr" = 'ex-tailalert.sh: -t: not a number of seconds: 1s' ]
	: > log
	run --separate-stderr ex ex-tailalert '(' log
	[ "$status" -eq 2 ]
	[[ $stderr == *'match: bad pattern at offset 1: missing closing parenthesis' ]]
	run --separate-stderr ex ex-tailalert x nolog
	[ "$status" -eq 1 ]
	[ "$stderr" = 'ex-tailalert.sh: nolog: cannot read' ]
}

# --- ex-report.sh ------------------------------------------------------------

@test "ex-report: totals per region survive the loop; bad lines by number, status 1" {
	printf 'date,region,item,amount\n2026-01-02,north,pen,1.5\n2026-01-02,south,desk,120\n2026-01-03,north,lamp,35.99\nbroken line\n2026-01-04,east,chair,89.05\n2026-01-04,south,pen,1.50\n2026-01-05,north,ink,2.x\n2026-01-06,east,sofa,499' > sales.csv
	run --separate-stderr ex ex-report sales.csv
	[ "$status" -eq 1 ]
	assert_output - <<'OUT'
east          2 sale(s)       588.05
north         2 sale(s)        37.49
south         2 sale(s)       121.50
total         6 sale(s)       747.04
largest: 499.00, sofa in east on 2026-01-06
OUT
	[ "$stderr" = $'ex-report.sh: line 5: not DATE,REGION,ITEM,AMOUNT\nex-report.sh: line 8: not DATE,REGION,ITEM,AMOUNT' ]
}

@test "ex-report: standard input, no header, status 0" {
	run ex ex-report <<< $'d1,west,a,0.01\nd2,west,b,0.09'
	assert_success
	assert_output $'west          2 sale(s)         0.10\ntotal         2 sale(s)         0.10\nlargest: 0.09, b in west on d2'
}

@test "ex-report: under forkstages the loop's totals are lost, as in other shells" {
	is_conch || skip "conch-specific option"
	run "$CONCH" -o forkstages "$EX/ex-report.sh" <<< 'd1,west,a,5'
	assert_success
	assert_output 'total         0 sale(s)         0.00'
}

@test "ex-report: usage, status 2; an unreadable file, status 1" {
	run --separate-stderr ex ex-report a b
	[ "$status" -eq 2 ]
	[ "$stderr" = 'usage: ex-report.sh [FILE]' ]
	run --separate-stderr ex ex-report nofile
	[ "$status" -eq 1 ]
	[ "$stderr" = 'ex-report.sh: nofile: cannot read' ]
}

# --- all of them -------------------------------------------------------------

@test "every examples/tut-*.sh and ex-*.sh has tests here and a comment header" {
	local f name missing=
	for f in "$EX"/tut-*.sh "$EX"/ex-*.sh; do
		name=${f##*/}
		name=${name%.sh}
		grep -q "^@test \"$name: " "$BATS_TEST_FILENAME" || missing="$missing $name"
		sed -n 2p "$f" | grep -q "^# $name.sh: " || missing="$missing $name(header)"
		grep -q '^# Run: ' "$f" || missing="$missing $name(Run:)"
	done
	[ -z "$missing" ] || { echo "without tests or header:$missing" >&2; return 1; }
}

@test "every examples/*.sh is in Makefile.am, in examples/README.md, and has tests" {
	local top=$BATS_TEST_DIRNAME/.. f name missing=
	for f in "$EX"/*.sh; do
		name=${f##*/}
		grep -q "^	examples/$name \\{0,1\\}\\\\\\{0,1\\}\$" "$top/Makefile.am" || missing="$missing $name(Makefile.am)"
		grep -q "^| $name | " "$EX/README.md" || missing="$missing $name(README.md)"
		grep -q "^@test \"${name%.sh}: " "$BATS_TEST_DIRNAME/examples.bats" "$BATS_TEST_DIRNAME/examples-net.bats" ||
			missing="$missing $name(tests)"
		[ -x "$f" ] || missing="$missing $name(not executable)"
	done
	# and nothing is listed that does not exist
	for name in $(sed -n 's/^| \([^ |]*\.sh\) | .*/\1/p' "$EX/README.md") \
		$(sed -n 's/^	examples\/\([^ ]*\.sh\).*/\1/p' "$top/Makefile.am"); do
		[ -f "$EX/$name" ] || missing="$missing $name(listed, missing)"
	done
	[ -z "$missing" ] || { echo "missing:$missing" >&2; return 1; }
}

@test "make install puts the examples and their README under \$(docdir)/examples" {
	local build=${CONCH_BUILDDIR:-$BATS_TEST_DIRNAME/..} dest=$BATS_TEST_TMPDIR/inst f
	[ -f "$build/Makefile" ] || skip "no configured build tree"
	# Under `make check`, a make of its own: not the parent's flags or
	# variables (TESTS=...), no "Entering directory" lines.
	local mk="env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make --no-print-directory -s -C $build"
	$mk DESTDIR="$dest" install-dist_exampleSCRIPTS install-dist_exampleDATA > /dev/null
	docdir=$($mk -f Makefile -f - print-docdir <<< 'print-docdir: ; @echo $(docdir)')
	[ -n "$docdir" ]
	[ -f "$dest$docdir/examples/README.md" ]
	for f in "$EX"/*.sh; do
		cmp "$f" "$dest$docdir/examples/${f##*/}"
		[ -x "$dest$docdir/examples/${f##*/}" ]
	done
	[ "$(ls "$dest$docdir/examples" | wc -l)" -eq $(($(ls "$EX"/*.sh | wc -l) + 1)) ]
}
