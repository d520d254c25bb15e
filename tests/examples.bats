#!/usr/bin/env bats
# examples.bats: the tutorial scripts examples/tut-*.sh, run on fixed inputs
#
# Each script of examples/ named tut-*.sh (the scripts that go with
# conch-tutorial.7) has tests here; the last test checks that none is
# left without.  Scripts run in a fresh directory with LC_ALL=C, so that
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

# --- all of them -------------------------------------------------------------

@test "every examples/tut-*.sh has tests here and a comment header" {
	local f name missing=
	for f in "$EX"/tut-*.sh; do
		name=${f##*/}
		name=${name%.sh}
		grep -q "^@test \"$name: " "$BATS_TEST_FILENAME" || missing="$missing $name"
		sed -n 2p "$f" | grep -q "^# $name.sh: " || missing="$missing $name(header)"
		grep -q '^# Run: ' "$f" || missing="$missing $name(Run:)"
	done
	[ -z "$missing" ] || { echo "without tests or header:$missing" >&2; return 1; }
}
