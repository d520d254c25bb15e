#!/usr/bin/env bats
# cmdsubst-confined.bats: a command substitution is a subshell environment
# (POSIX 2.6.3, 2.12) however conch runs it. conch runs output-only bodies
# in memory and bodies with external commands as a thread, without a fork;
# nothing the body does may reach the shell: variables (even through
# arithmetic whose assignment the text does not show), the command table,
# descriptors opened by name. The expected outputs are dash's (bash's where
# dash has no recursive arithmetic). tests/cmdsubst-diff.bats compares
# random bodies against forced forking.

load helpers/common
bats_require_minimum_version 1.5.0

@test "an operand whose value assigns does not assign in the shell" {
	run conch -c "x=0; e='x=5'; r=\$(echo \$((e))); echo \"x=\$x r=\$r\""
	assert_output 'x=0 r=5'
}

@test "an assignment spelt by \$b inside \$((...)) stays in the substitution" {
	run conch -c "x=0; b='x=6'; r=\$(echo \$((\$b))); echo \"x=\$x r=\$r\""
	assert_output 'x=0 r=6'
}

@test "an assignment operator from an expansion stays in the substitution" {
	run conch -c "x=0; op='+='; r=\$(echo \$((x \$op 7))); echo \"x=\$x r=\$r\""
	assert_output 'x=0 r=7'
}

@test "an = produced by a nested substitution stays in the substitution" {
	run conch -c 'x=0; r=$(echo $((x+$(echo =)1))); echo "x=$x r=$r"'
	assert_output 'x=0 r=1'
}

@test "increments inside one substitution are seen by it, not by the shell" {
	run conch -c "x=0; c='x++'; r=\$(echo \$((c)) \$((c)) \$x); echo \"x=\$x r=\$r\""
	assert_output 'x=0 r=0 1 2'
}

@test "an assignment through a function called by the substitution stays in it" {
	run conch -c "x=0; e='x=5'; f() { echo \$((e)); }; r=\$(f); echo \"x=\$x r=\$r\""
	assert_output 'x=0 r=5'
}

@test "an assignment in a substitution with an external command stays in it" {
	run conch -c "x=0; e='x=5'; r=\$(echo \$((e)) | cat; echo \$x); echo \"x=\$x\" \$r"
	assert_output 'x=0 5 5'
}

@test "an exported variable assigned in the substitution reaches its commands" {
	run conch -c "export x=0; e='x=5'; r=\$(echo \$((e)) >/dev/null; printenv x); echo \"x=\$x r=\$r\""
	assert_output 'x=0 r=5'
}

@test "a readonly variable cannot be assigned through an operand" {
	run conch -c "readonly x=1; e='x=5'; r=\$(echo \$((e))); echo \"st=\$? x=\$x r=\$r\""
	assert_output --partial 'x: readonly variable'
	assert_output --partial 'st=2 x=1 r='
}

@test "a local is not changed by an operand that assigns it" {
	run conch -c "f() { local x=1; e='x=9'; r=\$(echo \$((e))); echo \"x=\$x r=\$r\"; }; f"
	assert_output 'x=1 r=9'
}

@test "a function redefined by a concurrent stage runs forked when called" {
	# $(sleep; f) is judged with f output-only and runs as a thread; the
	# first stage redefines f meanwhile into one that changes directory:
	# the call sees it and runs in a subshell, so the shell stays in /
	run conch -c 'cd /; f() { echo pure; }
{ sleep 0.2; f() { cd /tmp; echo impure; }; } | { r=$(sleep 0.6; f); echo "r=$r"; }; pwd'
	assert_output $'r=impure\n/'
}

@test "commands found by a substitution are not remembered by the shell" {
	run conch -c 'r=$(ls /); r=$(ls / | cat); hash; echo end'
	assert_output 'end'
}

@test "a substitution that sets PATH finds its commands in its own PATH" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\necho mine\n' > "$BATS_TEST_TMPDIR/bin/ls"
	chmod +x "$BATS_TEST_TMPDIR/bin/ls"
	run conch -c "PATH=/usr/bin:/bin; e='PATH=0'; r=\$(echo \$((e)) >/dev/null; ls 2>&1); echo \"[\${r##*:}]\"; ls / >/dev/null && echo found"
	assert_output $'[ command not found]\nfound'
}

# --- NUL bytes --------------------------------------------------------------

@test "NUL bytes in a builtin's output are dropped, the rest kept" {
	run --separate-stderr conch -c 'r=$(printf "a\0b"); echo "${#r} $r"'
	assert_output '2 ab'
	[[ $stderr == *'warning: command substitution: ignored null byte in input'* ]]
}

@test "NUL bytes in an external command's output are dropped, the rest kept" {
	run --separate-stderr conch -c 'r=$(/usr/bin/printf "\0abc"); echo "${#r} $r"'
	assert_output '3 abc'
}

@test "output after a NUL between commands is kept" {
	run --separate-stderr conch -c 'r=$(echo x; printf "\0"; echo y); echo "$r"'
	assert_output $'x\ny'
}

@test "NUL bytes are dropped in backquotes and in a forked substitution" {
	run --separate-stderr conch -c 'r=`printf "a\0b"`; s=$(cd /; printf "c\0d"); echo "$r $s"'
	assert_output 'ab cd'
}

@test "one warning per substitution, naming the line" {
	run --separate-stderr conch -c 'r=$(printf "a\0b\0c")
echo $r'
	assert_output 'abc'
	[ "$stderr" = 'conch: -c:1: warning: command substitution: ignored null byte in input' ]
}

@test "read drops NUL bytes from its line" {
	run conch -c 'printf "a\0b\n" | { read x; echo "${#x} $x"; }'
	assert_output '2 ab'
}

# --- descriptors named by path ------------------------------------------------

@test "/dev/stdout, /dev/fd/1 and /proc/self/fd/1 are the substitution's output" {
	run conch -c 'a=$(echo hi >/dev/stdout); b=$(echo hi >/dev/fd/1); c=$(echo hi >/proc/self/fd/1)
echo "[$a][$b][$c]"'
	assert_output '[hi][hi][hi]'
}

@test "appending to /dev/stdout keeps what came before" {
	run conch -c 'r=$(echo a; echo b >>/dev/stdout; echo c >/dev/stdout); echo "[$r]"'
	assert_output $'[a\nb\nc]'
}

@test "a symbolic link to /dev/stdout is the substitution's output" {
	ln -s /dev/stdout "$BATS_TEST_TMPDIR/out"
	run conch -c "r=\$(echo hi > '$BATS_TEST_TMPDIR/out'); echo \"[\$r]\""
	assert_output '[hi]'
}

@test "a directory linked to /proc/self/fd gives the substitution's output" {
	ln -s /proc/self/fd "$BATS_TEST_TMPDIR/fds"
	run conch -c "r=\$(echo hi > '$BATS_TEST_TMPDIR/fds/1'); echo \"[\$r]\""
	assert_output '[hi]'
}

@test "/dev/stderr redirected to the output goes to the substitution" {
	run conch -c 'r=$(echo hi 2>/dev/stdout >&2); echo "[$r]"'
	assert_output '[hi]'
}

@test "an external command's /dev/stdout in a substitution is the capture" {
	run conch -c 'r=$(printf x; seq 2 >/dev/fd/1); echo "[$r]"'
	assert_output $'[x1\n2]'
}

@test "reading /dev/stdin in a substitution reads its standard input" {
	run conch -c "$(printf 'r=$(cat /dev/stdin <<E\nseven\nE\n); echo "[$r]"')"
	assert_output '[seven]'
}

@test "test sees the substitution's output as a pipe" {
	run conch -c 'r=$([ -p /dev/stdout ] && echo fifo); s=$([ -t 1 ] || echo notty); echo "$r $s"'
	assert_output 'fifo notty'
}

@test "a closed descriptor named by /dev/fd/N fails the redirection" {
	run conch -c 'exec 5>&-; r=$(echo x >/dev/fd/5); echo "status $?"'
	assert_output $'conch: -c:1: /dev/fd/5: No such file or directory\nstatus 1'
}

@test "/dev/stdout in a thread stage is the stage's pipe" {
	run conch -c '{ echo six > /dev/stdout; } | tr a-z A-Z; f() { echo err >/dev/stderr; }; f 2>&1 | tr a-z A-Z'
	assert_output $'SIX\nERR'
}

@test "/dev/stdout in a braced group redirected to a file is that file" {
	run conch -c "{ echo a; echo b >>/dev/stdout; } > '$BATS_TEST_TMPDIR/f'; cat '$BATS_TEST_TMPDIR/f'"
	assert_output $'a\nb'
}

@test ". /dev/stdin in a thread stage reads the stage's input" {
	run conch -c 'echo "echo five" | . /dev/stdin; echo "echo six" | { . /dev/stdin; } | cat'
	assert_output $'five\nsix'
}

# --- status --------------------------------------------------------------------

@test "a special builtin's failed redirection in a substitution gives status 2" {
	run conch -c 'r=$(: > /nonexistent/x); echo "status $?"'
	assert_output $'conch: -c:1: /nonexistent/x: No such file or directory\nstatus 2'
}

@test "a special builtin's failed redirection ends a script with status 2" {
	run conch -c ': > /nonexistent/x; echo not reached'
	assert_failure 2
	assert_output 'conch: -c:1: /nonexistent/x: No such file or directory'
}

@test "a regular builtin's failed redirection gives status 1 and goes on" {
	run conch -c 'echo > /nonexistent/x; echo "status $?"'
	assert_output $'conch: -c:1: /nonexistent/x: No such file or directory\nstatus 1'
}

@test "set -o forksubst runs every substitution in a forked subshell" {
	is_conch || skip "conch option"
	# sh is not the substitution's last command: a forked one would exec it
	run conch -c 'set -o forksubst; a=$(sh -c "echo \$PPID"; :); [ "$a" != $$ ] && echo forked'
	assert_output 'forked'
	run conch -c 'a=$(sh -c "echo \$PPID"; :); [ "$a" = $$ ] && echo not-forked'
	assert_output 'not-forked'
}
