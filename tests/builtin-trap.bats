#!/usr/bin/env bats
# builtin-trap.bats: the trap special builtin (EXIT, signals, listing,
# ignoring, resetting)
bats_require_minimum_version 1.5.0
load helpers/common

@test "trap ACTION EXIT: runs when the shell ends" {
	run conch -c 'trap "echo bye" EXIT; echo main'
	assert_success
	assert_output $'main\nbye'
}

@test "trap ACTION 0: 0 is EXIT" {
	run conch -c 'trap "echo bye" 0; echo main'
	assert_output $'main\nbye'
}

@test "trap: the EXIT trap sees the exit status in \$? and keeps it" {
	run conch -c 'trap "echo \$?" EXIT; false'
	assert_failure 1
	assert_output '1'
}

@test "trap: the EXIT trap runs at the end of a script file" {
	run conch_script <<'SH'
trap 'echo cleanup' EXIT
echo work
SH
	assert_output $'work\ncleanup'
}

@test "trap: the EXIT trap runs after set -e stops the shell" {
	run conch -c 'trap "echo cleanup" EXIT; set -e; false; echo no'
	assert_failure 1
	assert_output 'cleanup'
}

@test "trap - EXIT: removes the EXIT trap" {
	run conch -c 'trap "echo bye" EXIT; trap - EXIT; echo main'
	assert_output 'main'
}

@test "trap '' EXIT: an empty action does nothing at exit" {
	run conch -c 'trap "" EXIT; echo main'
	assert_output 'main'
}

@test "trap: the EXIT trap set in a function runs at shell exit" {
	run conch -c 'f() { trap "echo fexit" EXIT; }; f; echo main'
	assert_output $'main\nfexit'
}

@test "trap: a subshell's EXIT trap runs when the subshell ends" {
	run conch -c '(trap "echo sub" EXIT; echo in); echo out'
	assert_output $'in\nsub\nout'
}

@test "trap: the parent's EXIT trap does not run in a subshell" {
	run conch -c 'trap "echo out" EXIT; (echo in); x=$(echo sub); echo $x'
	assert_output $'in\nsub\nout'
}

@test "trap: the action is evaluated when it runs, not when set" {
	run conch -c 'x=early; trap "echo \$x" EXIT; x=late'
	assert_output 'late'
}

@test "trap ACTION INT: kill -INT \$\$ runs the action and the shell goes on" {
	run conch -c 'trap "echo got INT" INT; kill -INT $$; echo after'
	assert_success
	assert_output $'got INT\nafter'
}

@test "trap: USR1 and USR2 run their own actions" {
	run conch -c 'trap "echo usr1" USR1; trap "echo usr2" USR2; kill -USR2 $$; kill -USR1 $$; echo end'
	assert_output $'usr2\nusr1\nend'
}

@test "trap: a numeric signal condition" {
	run conch -c 'trap "echo int" 2; kill -INT $$; echo end'
	assert_output $'int\nend'
}

@test "trap: an action that exits" {
	run conch -c 'trap "echo trapped; exit 3" TERM; kill $$; echo no'
	assert_failure 3
	assert_output 'trapped'
}

@test "trap '' INT: the signal is ignored" {
	run conch -c 'trap "" INT; kill -INT $$; echo survived'
	assert_success
	assert_output 'survived'
}

@test "trap '' INT: the ignored signal is inherited by children" {
	run conch -c 'trap "" INT; sh -c "kill -INT \$\$; echo child survived"'
	assert_output 'child survived'
}

@test "trap: a caught signal is reset to default in children" {
	run conch -c 'trap "echo x" INT; sh -c "kill -INT \$\$; echo child survived"; echo $?'
	assert_output '130'
}

@test "trap - TERM: back to the default action (the shell dies)" {
	run conch -c 'trap "echo t" TERM; trap - TERM; kill -TERM $$; echo no'
	assert_failure 143
	refute_output --partial 'no'
}

@test "trap N: a first operand that is a number resets all the conditions" {
	run conch -c 'trap "echo h" HUP; trap "echo i" INT; trap 1 2; trap'
	assert_success
	assert_output ''
}

@test "trap with no operands lists the traps as trap -- 'action' NAME" {
	run conch -c 'trap "echo x" EXIT; trap'
	assert_output $'trap -- \'echo x\' EXIT\nx'
}

@test "trap listing uses signal names, one line per signal" {
	run conch -c 'trap "echo a" INT TERM; trap'
	assert_output $'trap -- \'echo a\' INT\ntrap -- \'echo a\' TERM'
}

@test "trap listing of a numeric condition uses the name" {
	run conch -c 'trap "echo x" 2; trap'
	assert_output "trap -- 'echo x' INT"
}

@test "trap listing shows an ignored signal with ''" {
	run conch -c "trap '' INT; trap"
	assert_output "trap -- '' INT"
}

@test "trap listing can be read back from a file (single quotes in the action)" {
	cd "$BATS_TEST_TMPDIR"
	run conch_script <<'SH'
trap 'echo "it'\''s"' USR1
trap > saved
trap - USR1
. ./saved
kill -USR1 $$
echo end
SH
	assert_output $'it\'s\nend'
}

@test "trap: \$(trap) lists the shell's traps so they can be saved" {
	is_conch || skip "POSIX requires \$(trap) to list the parent's traps; dash 0.5.12 prints nothing (bash passes)"
	run conch_script <<'SH'
trap 'echo "it'\''s"' USR1
saved=$(trap)
trap - USR1
eval "$saved"
kill -USR1 $$
echo end
SH
	assert_output $'it\'s\nend'
}

@test "trap listing does not show reset traps" {
	run conch -c 'trap "echo x" INT; trap - INT; trap'
	assert_output ''
}

@test "trap: an invalid condition is an error with status 1" {
	run --separate-stderr conch -c 'trap "echo x" BOGUS; echo $?'
	assert_output '1'
	[ -n "$stderr" ]
}

@test "trap: a signal that arrives during wait runs the action and wait returns 128+N" {
	run conch -c 'trap "echo in trap" INT; sleep 5 & p=$!; (sleep 0.2; kill -INT $$) & wait $p; echo "after $?"; kill $p'
	assert_output $'in trap\nafter 130'
}

@test "trap -p: lists the given traps like trap" {
	is_conch || skip "conch-specific: trap -p (bash)"
	run conch -c 'trap "echo x" INT; trap "echo y" EXIT; trap -p INT EXIT'
	assert_output $'trap -- \'echo x\' INT\ntrap -- \'echo y\' EXIT\ny'
}

@test "trap -p with no names lists the set traps" {
	is_conch || skip "conch-specific: trap -p (bash)"
	run conch -c 'trap "echo x" INT; trap -p'
	assert_line "trap -- 'echo x' INT"
}

@test "trap: a signal ignored when a non-interactive shell started stays ignored" {
	# POSIX 2.11: such signals cannot be trapped or reset
	run dash -c "trap '' INT HUP USR1; \"\$CONCH\" -c 'trap \"echo caught\" INT HUP USR1; kill -INT \$\$; kill -HUP \$\$; kill -USR1 \$\$; trap - USR1; kill -USR1 \$\$; echo alive'"
	assert_success
	assert_output 'alive'
}

@test "trap: a signal the shell was started with at default can be trapped" {
	run dash -c "trap '' INT; \"\$CONCH\" -c 'trap \"echo caught\" HUP USR1; kill -HUP \$\$; kill -USR1 \$\$; echo alive'"
	assert_output $'caught\ncaught\nalive'
}

@test "trap lists the signals that were ignored on entry, which stay ignored (POSIX, bash)" {
	no_dash "the listing of signals ignored on entry (POSIX.1-2024 asks for it; dash 0.5.12 lists nothing)"
	run sh -c "trap '' INT QUIT; exec '$CONCH' -c 'trap; trap \"echo caught\" INT; echo \$?; trap -p INT; kill -INT \$\$; echo alive'"
	assert_output $'trap -- \'\' INT\ntrap -- \'\' QUIT\n0\ntrap -- \'\' INT\nalive'
}
