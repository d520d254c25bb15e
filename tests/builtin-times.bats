#!/usr/bin/env bats
# builtin-times.bats: the times special builtin (shell and children CPU times)
bats_require_minimum_version 1.5.0
load helpers/common

# One line: user and system time as MmS.FRACs (POSIX: "%dm%fs %dm%fs\n").
line_re='^[0-9]+m[0-9]+\.[0-9]+s [0-9]+m[0-9]+\.[0-9]+s$'

# Sums the seconds of one times line.
secs() {
	echo "$1" | awk '{ n = 0; for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); n += p[1] * 60 + p[2] } print (n > 0) ? "nonzero" : "zero" }'
}

@test "times prints two lines: the shell's times and the children's" {
	run conch -c 'times'
	assert_success
	[ "${#lines[@]}" -eq 2 ]
	[[ ${lines[0]} =~ $line_re ]]
	[[ ${lines[1]} =~ $line_re ]]
}

@test "times returns 0" {
	run conch -c 'false; times >/dev/null; echo $?'
	assert_output '0'
}

@test "times: the first line counts the shell's own CPU time" {
	run conch -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done; times'
	[[ ${lines[0]} =~ $line_re ]]
	[ "$(secs "${lines[0]}")" = nonzero ]
}

@test "times: the second line counts the children's CPU time" {
	run conch -c 'sh -c "i=0; while [ \$i -lt 300000 ]; do i=\$((i+1)); done"; times'
	[[ ${lines[1]} =~ $line_re ]]
	[ "$(secs "${lines[1]}")" = nonzero ]
}

@test "times: children's time stays zero without children" {
	run conch -c 'times'
	[ "$(secs "${lines[1]}")" = zero ]
}

@test "times: the output follows redirections" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'times > t; wc -l < t'
	assert_output --regexp '^ *2$'
}
