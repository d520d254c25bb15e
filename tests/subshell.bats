#!/usr/bin/env bats
# subshell.bats: POSIX 2.9.4 Grouping Commands ( ) and 2.12 subshell environment

load helpers/common
bats_require_minimum_version 1.5.0

@test "( ) isolates variable assignments" {
	run conch -c 'x=1; (x=2; echo in $x); echo out $x'
	assert_output $'in 2\nout 1'
}

@test "( ) sees variables of the parent" {
	run conch -c 'x=parent; (echo $x)'
	assert_output 'parent'
}

@test "( ) isolates cd" {
	run conch -c 'cd /; (cd /tmp; pwd); pwd'
	assert_output $'/tmp\n/'
}

@test "( ) isolates unset and new functions" {
	run conch -c 'x=1; (unset x; f() { :; }); echo $x; f 2>/dev/null; echo $?'
	assert_output $'1\n127'
}

@test "( ) isolates set options" {
	run conch -c '(set -f; echo "$-" | grep -q f && echo inner-f); case $- in *f*) echo leaked;; *) echo clean;; esac'
	assert_output $'inner-f\nclean'
}

@test "( ) isolates positional parameters" {
	run conch -c '(set -- x y z; echo $#); echo $#' sh a
	assert_output $'3\n1'
}

@test "exit in a subshell ends only the subshell" {
	run conch -c '(exit 3; echo no); echo "after $?"'
	assert_output 'after 3'
}

@test "subshell exit status is its last command's" {
	run conch -c '(true; false); echo $?; (false; true); echo $?'
	assert_output $'1\n0'
}

@test "nested subshells" {
	run conch -c 'x=0; (x=1; (x=2; echo $x); echo $x); echo $x'
	assert_output $'2\n1\n0'
}

@test "deeply nested subshell exit status propagates" {
	run conch -c '( ( ( exit 9 ) ) ); echo $?'
	assert_output '9'
}

@test "\$\$ is the same in a subshell" {
	run conch -c 'p=$$; (q=$$; [ "$p" = "$q" ] && echo same)'
	assert_output 'same'
}

@test "subshell output can be redirected and piped" {
	run conch -c '(echo b; echo a) | sort'
	assert_output $'a\nb'
}

@test "caught traps are reset to default in a subshell" {
	run --separate-stderr conch -c 'trap "echo caught" TERM; (sh -c "kill -TERM \$PPID"; echo survived); echo "st=$?"'
	assert_output 'st=143'
}

@test "ignored signals stay ignored in a subshell" {
	run conch -c 'trap "" TERM; (sh -c "kill -TERM \$PPID"; echo survived); echo "st=$?"'
	assert_output $'survived\nst=0'
}

@test "trap set in a subshell does not affect the parent" {
	run conch -c '(trap "echo in-exit" EXIT); echo parent'
	assert_output $'in-exit\nparent'
}

@test "( ) on one line needs no ; before )" {
	run conch -c '(echo a)'
	assert_output 'a'
}

@test "subshell across lines" {
	run conch -c '(
	echo one
	echo two
)'
	assert_output $'one\ntwo'
}

@test "umask change in a subshell does not leak" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'umask 022; (umask 077); : > f; ls -l f | cut -c1-10'
	assert_output '-rw-r--r--'
}

@test "exported variables in a subshell do not leak to later children" {
	run conch -c '(export SUBV=1); sh -c "echo [\$SUBV]"'
	assert_output '[]'
}

@test "subshell with a background job inside" {
	run conch -c '(sleep 0.05 & wait; echo waited); echo end'
	assert_output $'waited\nend'
}

@test "set -e in a subshell exits only the subshell" {
	run conch -c '(set -e; false; echo no); echo "st=$?"'
	assert_output 'st=1'
}
