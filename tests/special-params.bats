#!/usr/bin/env bats
# special-params.bats: POSIX 2.5.2 Special Parameters ($? $$ $! $# $@ $* $0 $-)

load helpers/common

@test "\$? after true, false and a failing command" {
	run conch -c 'true; echo $?; false; echo $?; (exit 7); echo $?; echo $?'
	assert_output $'0\n1\n7\n0'
}

@test "\$? of a command not found is 127" {
	run conch -c 'no_such_command_xyz 2>/dev/null; echo $?'
	assert_output '127'
}

@test "\$\$ is a positive number, the pid of the shell" {
	run conch -c 'echo $$; echo $PPID' 
	assert_success
	[[ ${lines[0]} =~ ^[1-9][0-9]*$ ]]
}

@test "\$\$ matches the pid seen by a child process" {
	run conch -c 'sh -c "echo \$PPID" > "$1"; read p < "$1"; [ "$p" = "$$" ] && echo same' sh "$BATS_TEST_TMPDIR/ppid"
	assert_output 'same'
}

@test "\$\$ is the same inside a subshell" {
	run conch -c 'a=$$; b=$(echo $$); c=$( (echo $$) ); (echo $$) > "$1"; read d < "$1"; [ "$a" = "$b" ] && [ "$a" = "$c" ] && [ "$a" = "$d" ] && echo same' sh "$BATS_TEST_TMPDIR/pid"
	assert_output 'same'
}

@test "\$! is the pid of the last background job" {
	run conch -c 'sh -c "echo \$\$" > "$1" & p=$!; wait; read q < "$1"; [ "$p" = "$q" ] && echo same' sh "$BATS_TEST_TMPDIR/bg"
	assert_output 'same'
}

@test "\$! is unset before any background job" {
	run conch -c 'echo "[$!]"'
	assert_output '[]'
}

@test "\$# counts positional parameters" {
	run conch -c 'echo $#; set -- a b c; echo $#; set --; echo $#' sh x y
	assert_output $'2\n3\n0'
}

@test "\$# after shift and shift 2" {
	run conch -c 'shift; echo $# $1; shift 2; echo $# $1' sh a b c d e
	assert_output $'4 b\n2 d'
}

@test "\$0 is the name given after -c script" {
	run conch -c 'echo $0 $1' myname a
	assert_output 'myname a'
}

@test "\$0 without a name argument is the shell's name" {
	run conch -c 'echo "$0"'
	assert_success
	[ -n "$output" ]
}

@test "\$0 is the script path for a script file" {
	echo 'echo "$0"' > "$BATS_TEST_TMPDIR/s.sh"
	run conch "$BATS_TEST_TMPDIR/s.sh"
	assert_output "$BATS_TEST_TMPDIR/s.sh"
}

@test "\"\$@\" with zero args gives no field" {
	run conch -c 'set -- "$@"; echo $#; for a in "$@"; do echo loop; done; echo end'
	assert_output $'0\nend'
}

@test "\"\$@\" keeps each argument as one field" {
	run conch -c 'for a in "$@"; do echo "[$a]"; done' sh 'a b' '' ' c '
	assert_output $'[a b]\n[]\n[ c ]'
}

@test "\"\$*\" joins with the first character of IFS" {
	run conch -c 'echo "$*"; IFS=:-; echo "$*"; IFS=; echo "$*"' sh a 'b c' d
	assert_output $'a b c d\na:b c:d\nab cd'
}

@test "\"\$*\" with unset IFS joins with a space" {
	run conch -c 'unset IFS; echo "$*"' sh a b
	assert_output 'a b'
}

@test "\"\$*\" is one field" {
	run conch -c 'set -- "$*"; echo $#' sh a b c
	assert_output '1'
}

@test "\"\$*\" with zero args is one empty field" {
	run conch -c 'set -- "$*"; echo $#'
	assert_output '1'
}

@test "unquoted \$* and \$@ are field split" {
	run conch -c 'set -- $*; echo $#; set -- "a b" c; set -- $@; echo $#' sh 'a b' c
	assert_output $'3\n3'
}

@test "unquoted \$@ drops empty arguments" {
	run conch -c 'set -- $@; echo $#' sh '' a ''
	assert_output '1'
}

@test "\"x\$@y\" joins prefix to first and suffix to last" {
	run conch -c 'for a in "x$@y"; do echo "[$a]"; done' sh 1 '2 3' 4
	assert_output $'[x1]\n[2 3]\n[4y]'
}

@test "\"x\$@y\" with zero args gives one field xy" {
	run conch -c 'for a in "x$@y"; do echo "[$a]"; done'
	assert_output '[xy]'
}

@test "\"\$@\" with one arg" {
	run conch -c 'set -- "$@"; echo $# "$1"' sh 'one arg'
	assert_output '1 one arg'
}

@test "\"\$@\" passes arguments to a function intact" {
	run conch -c 'f() { echo $#; printf "<%s>" "$@"; echo; }; f "$@"' sh 'a  b' '' c
	assert_output $'3\n<a  b><><c>'
}

@test "\$- contains the options given" {
	run conch -c 'set -f; case $- in *f*) echo f;; esac; set -u; case $- in *u*) echo u;; esac; set +f; case $- in *f*) echo still;; esac'
	assert_output $'f\nu'
}

@test "\$- does not contain i in a non-interactive shell" {
	run conch -c 'case $- in *i*) echo interactive;; *) echo not;; esac'
	assert_output 'not'
}

@test "1=a is not an assignment but a command name" {
	run conch -c '1=a 2>/dev/null; echo "$? [$1]"' sh z
	assert_output '127 [z]'
}

@test "\$@ in an assignment joins with spaces" {
	run conch -c 'x="$@"; echo "$x"' sh a b c
	assert_output 'a b c'
}

@test "\$? in a pipeline is the status of the previous command" {
	run conch -c 'false; echo $? | cat'
	assert_output '1'
}

@test "\$? inside \$(...) sees the status before it" {
	run conch -c 'false; echo $(echo $?)'
	assert_output '1'
}
