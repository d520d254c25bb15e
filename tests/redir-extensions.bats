#!/usr/bin/env bats
# redir-extensions.bats: bash's &> &>> |& and named descriptors {name}>file, {name}>&-
load helpers/common


setup() {
	cd "$BATS_TEST_TMPDIR"
}

# dump SOURCE: the parse tree of SOURCE (conch's parsedump helper; call
# need_parsedump first).
need_parsedump() {
	is_conch && [ -n "${PARSEDUMP:-}" ] || skip "needs conch's parsedump helper"
}
dump() {
	printf '%s\n' "$1" > "$BATS_TEST_TMPDIR/src.sh"
	"$PARSEDUMP" "$BATS_TEST_TMPDIR/src.sh"
}

# --- &> and &>> -----------------------------------------------------------------

@test "&> sends stdout and stderr to a file, truncating it" {
	no_dash '&>'
	echo old-long-content > f
	run "$CONCH" -c '{ echo out; echo err >&2; } &> f; wait; printf "%s|" $(cat f)'
	assert_success
	assert_output 'out|err|'
}

@test "&>> appends stdout and stderr" {
	no_dash '&>>'
	run "$CONCH" -c 'echo first > f; { echo out; echo err >&2; } &>> f; ls /no/such/dir &>>f; cat f'
	assert_success
	assert_line --index 0 first
	assert_line --index 1 out
	assert_line --index 2 err
	assert_line --index 3 --partial '/no/such/dir'
}

@test "&> is a redirection without blanks around it, and before the command" {
	no_dash '&>'
	run "$CONCH" -c 'echo a&>f; cat f; &>g echo b; cat g'
	assert_success
	assert_output $'a\nb'
}

@test "&> on external commands, functions and compound commands" {
	no_dash '&>'
	run "$CONCH" -c 'f() { echo fo; echo fe >&2; }; f &> a; sh -c "echo so; echo se >&2" &> b; while :; do echo wo; echo we >&2; break; done &> c; cat a b c'
	assert_success
	assert_output $'fo\nfe\nso\nse\nwo\nwe'
}

@test "&> honours noclobber, &>> does not need it off" {
	no_dash '&>'
	run "$CONCH" -c 'set -C; echo a > f; echo b &> f; echo "rc=$?"; echo c &>> f; cat f'
	assert_output --partial 'cannot overwrite existing file'
	assert_line 'rc=1'
	assert_line --index 2 a
	assert_line --index 3 c
}

@test "&> to /dev/stdout in a command substitution" {
	no_dash '&>'
	run "$CONCH" -c 'x=$({ echo a; echo b >&2; } &>/dev/stdout); echo "[$x]"; y=$(ls /no/such/dir &>/dev/stdout); echo "${y:+got it}"'
	assert_success
	assert_output $'[a\nb]\ngot it'
}

@test "&> to a file that cannot be opened fails the command" {
	no_dash '&>'
	run "$CONCH" -c 'echo x &> /no/such/dir/f; echo "rc=$?"'
	assert_output --partial '/no/such/dir/f'
	assert_line 'rc=1'
}

# --- |& ---------------------------------------------------------------------------

@test "|& pipes stdout and stderr" {
	no_dash '|&'
	run "$CONCH" -c '{ echo o; echo e >&2; } |& tr a-z A-Z; ls /no/such/dir |& grep -c such'
	assert_success
	assert_output $'O\nE\n1'
}

@test "|& applies after the command's own redirections (a 2>&1 | b)" {
	no_dash '|&'
	run "$CONCH" -c 'f() { echo fo; echo fe >&2; }; f 2>/dev/null |& cat; f >/dev/null |& cat; f |& cat | sed s/^/x/'
	assert_success
	assert_output $'fo\nfe\nxfo\nxfe'
}

@test "|& in the middle of a pipeline, and with a newline after it" {
	no_dash '|&'
	run "$CONCH" -c 'sh -c "echo a >&2" |& cat |&
		tr a b'
	assert_success
	assert_output 'b'
}

@test "|& only redirects the stage before it" {
	no_dash '|&'
	run "$CONCH" -c 'echo x |& sh -c "cat; echo e >&2" 2>/dev/null'
	assert_success
	assert_output 'x'
}

# --- named descriptors ------------------------------------------------------------

@test "exec {name}>file: a free descriptor >= 10, its number in name" {
	no_dash '{name}>'
	run "$CONCH" -c 'exec {a}>f {b}>g; [ "$a" -ge 10 ] && [ "$b" -gt "$a" ] && echo ok; echo to-a >&$a; echo to-b >&$b; cat f g'
	assert_success
	assert_output $'ok\nto-a\nto-b'
}

@test "{name}<file, {name}>>file, {name}<>file" {
	no_dash '{name}<'
	run "$CONCH" -c 'echo line > f; exec {r}<f; read v <&$r; echo "$v"; exec {ap}>>f; echo more >&$ap; exec {rw}<>g; echo rw >&$rw; cat f g'
	assert_success
	assert_output $'line\nline\nmore\nrw'
}

@test "{name}>&N and {name}<&N duplicate N" {
	no_dash '{name}>&'
	run "$CONCH" -c 'exec 3>f; exec {d}>&3; echo via-dup >&$d; exec {i}<&0; [ "$i" != "$d" ] && echo distinct; cat f'
	assert_success
	assert_output $'distinct\nvia-dup'
}

@test "exec {name}>&- closes the descriptor whose number name holds" {
	no_dash '{name}>&-'
	run "$CONCH" -c 'exec {fd}>f; echo x >&$fd; exec {fd}>&-; echo y >&$fd; echo "rc=$?"; cat f'
	assert_output --partial 'Bad file descriptor'
	assert_line 'rc=1'
	assert_line 'x'
	refute_line 'y'
}

@test "{name}> on a command other than exec stays open after it (as in bash)" {
	no_dash '{name}>'
	run "$CONCH" -c 'echo first {fd}>f; echo second >&$fd; f() { :; }; f {g}>g; echo third >&$g; { :; } {h}>h; echo fourth >&$h; cat f g h'
	assert_success
	assert_output $'first\nsecond\nthird\nfourth'
}

@test "{name}>&- on a command other than exec closes only for that command (as in bash)" {
	no_dash '{name}>&-'
	run "$CONCH" -c 'exec {fd}>f; sh -c "echo child >&$fd" {fd}>&- 2>/dev/null; echo "rc=$?"; echo still-open >&$fd; cat f'
	assert_line --index 0 --regexp '^rc=[1-9]'
	assert_line --index 1 'still-open'
}

@test "named descriptors are passed to external commands" {
	no_dash '{name}>'
	run "$CONCH" -c 'exec {fd}>f; bash -c "echo from-child >&$fd"; echo x {g}>g; bash -c "echo child2 >&$g"; cat f g'
	assert_success
	assert_output $'x\nfrom-child\nchild2'
}

@test "{name} before the command name, and {name}<<here-document" {
	no_dash '{name}<<'
	run "$CONCH" -c '{fd}>f echo q; echo "fd set: ${fd:+yes}"; cat {h}<<EOF <&$h
from here
EOF'
	assert_success
	assert_output $'q\nfd set: yes\nfrom here'
}

@test "exec {name} in a function keeps the descriptor and the variable" {
	no_dash '{name}>'
	run "$CONCH" -c 'f() { exec {g}>f; }; f; echo kept >&$g; cat f'
	assert_success
	assert_output 'kept'
}

@test "opening and closing named descriptors in a loop leaks nothing" {
	no_dash '{name}>'
	run "$CONCH" -c 'loop() { i=0; while [ $i -lt $1 ]; do exec {fd}>/dev/null; exec {fd}>&-; i=$((i + 1)); done; }
		loop 1; set -- /proc/$$/fd/*; before=$*; loop 100; set -- /proc/$$/fd/*
		[ "$*" = "$before" ] && echo same || printf "%s\n" "before: $before" "after:  $*"'
	# the shell lists its own fds (a glob): an ls it started would see
	# the fds of that very start (the exec-error pipe) come and go
	assert_success
	assert_output 'same'
}

@test "a failed open assigns nothing and fails the command" {
	no_dash '{name}>'
	run "$CONCH" -c 'unset fd; true {fd}>/no/such/dir/f; echo "rc=$? [$fd]"'
	assert_output --partial '/no/such/dir/f'
	assert_line 'rc=1 []'
}

@test "a readonly name is an error" {
	no_dash '{name}>'
	run "$CONCH" -c 'readonly fd=7; true {fd}>f; echo "rc=$? fd=$fd"'
	assert_output --partial 'fd: readonly variable'
	assert_line 'rc=1 fd=7'
}

@test "{name}>&- with an unset name is an error" {
	no_dash '{name}>&-'
	run "$CONCH" -c 'unset fd; true {fd}>&-; echo "rc=$?"'
	assert_output --partial 'ambiguous redirect'
	assert_line 'rc=1'
}

@test "{name}>&- with a name that is not a number is an error (bash ignores it)" {
	is_conch || skip 'bash ignores a value that is not a number'
	run "$CONCH" -c 'fd=abc; true {fd}>&-; echo "rc=$?"'
	assert_output --partial "not a descriptor number: 'abc'"
	assert_line 'rc=1'
}

@test "{1x}>f is a word then a redirection, not a named descriptor" {
	no_dash '{name}>'
	run "$CONCH" -c '{1x}>f; echo "rc=$?"; echo {}>g {a b}>h; cat g h'
	assert_output --partial '{1x}'
	assert_line 'rc=127'
	assert_line '{} {a b}'
}

@test "{name}> with no word is a syntax error with file:line:col" {
	no_dash '{name}>'
	printf 'echo ok\necho a {fd}>\n' > s.sh
	run "$CONCH" s.sh
	assert_failure 2
	if is_conch; then assert_output $'ok\nconch: s.sh:2:13: syntax error: unexpected newline (expecting word)'; fi
}

@test "&> with no word and |& at the end are syntax errors with file:line:col" {
	no_dash '&>'
	run "$CONCH" -c 'echo a &>'
	assert_failure 2
	if is_conch; then assert_output 'conch: -c:1:10: syntax error: unexpected end of file (expecting word)'; fi
	run "$CONCH" -c 'echo a |&'
	assert_failure 2
	if is_conch; then assert_output 'conch: -c:1:10: syntax error: unexpected end of file'; fi
	run "$CONCH" -c 'echo a |& |& cat'
	assert_failure 2
	if is_conch; then assert_output "conch: -c:1:11: syntax error: unexpected '|&'"; fi
}

@test "named descriptors and &> with socket redirections" {
	is_conch || skip 'socket redirections are conch'"'"'s'
	: "${NETPEER:?set NETPEER to tests/helpers/netpeer}"
	"$NETPEER" listen -t 10 -e port > peer.out 2> peer.err 3>&- &
	pid=$!
	port=$("$NETPEER" wait port)
	run "$CONCH" -c "exec {s}<>@127.0.0.1:$port; echo ping >&\$s; read -r line <&\$s; echo \"got \$line\"; exec {s}>&-"
	assert_success
	assert_output 'got ping'
	wait "$pid"   # not `wait`: bats' timeout watcher is a job too
	rm -f port
	"$NETPEER" listen -t 10 port > peer.out 2> peer.err 3>&- &
	pid=$!
	port=$("$NETPEER" wait port)
	run "$CONCH" -c "{ echo out; echo err >&2; } &> @127.0.0.1:$port"
	assert_success
	wait "$pid"
	assert_equal "$(cat peer.out)" $'out\nerr'
}

# --- parse trees and job texts -------------------------------------------------

@test "parsedump shows &>, &>>, |& (as 2>&1) and {name} forms" {
	need_parsedump
	run dump 'a |& b; c &> d; e &>> g; h {fd}>x; i {fd}>&-; j {fd}<&3 {y}<>z'
	assert_success
	assert_output '(list (pipe (simple "a" (>& 2 "1")) (simple "b")) (simple "c" (&> 1 "d")) (simple "e" (&>> 1 "g")) (simple "h" (> {fd} "x")) (simple "i" (>& {fd} "-")) (simple "j" (<& {fd} "3") (<> {y} "z")))'
}

@test "parsedump: POSIX forms are unchanged next to the new ones" {
	need_parsedump
	run dump 'a & >f; b 2>&1 | c; {x} >f'
	assert_success
	assert_output '(list (bg (simple "a")) (simple (> 1 "f")) (pipe (simple "b" (>& 2 "1")) (simple "c")) (simple "{x}" (> 1 "f")))'
}

@test "job texts print &>, |& (as 2>&1 |) and {name} forms" {
	is_conch || skip 'the job text format is conch'"'"'s'
	run "$CONCH" -c 'sleep 1 |& cat & sleep 1 &>>/dev/null & exec {fd}>/dev/null; sleep 1 {g}>/dev/null {fd}>&- & jobs; kill %1 %2 %3 2>/dev/null; wait'
	assert_line --partial 'sleep 1 2>&1 | cat &'
	assert_line --partial 'sleep 1 &>>/dev/null &'
	assert_line --partial 'sleep 1 {g}>/dev/null {fd}>&- &'
}

@test "a closed descriptor >= 10 does not take a pipe's place in a child" {
	no_dash 'descriptors >= 10'
	run "$CONCH" -c 'exec 11>/dev/null; exec 11>&-; echo a | cat; exec {fd}>/dev/null; exec {fd}>&-; echo b | cat | cat'
	assert_success
	assert_output $'a\nb'
}
