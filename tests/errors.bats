#!/usr/bin/env bats
# errors.bats: POSIX 2.8 Exit Status and Errors, set -e, signals

load helpers/common
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "syntax error: status 2 and nothing from that line runs" {
	run --separate-stderr conch -c 'echo a; if; echo b'
	assert_failure 2
	assert_output ''
	assert [ -n "$stderr" ]
}

@test "syntax error in a script: earlier lines run, later lines do not" {
	run --separate-stderr conch_script <<-'EOF'
	echo one
	if then
	echo three
	EOF
	assert_failure 2
	assert_output 'one'
}

@test "syntax error: unterminated quote" {
	run --separate-stderr conch -c 'echo "open'
	assert_failure 2
	assert_output ''
}

@test "syntax error: unterminated subshell, case and brace group" {
	run conch -c 'echo a; (echo b'
	assert_failure 2
	refute_line 'a'
	run conch -c 'case x in'
	assert_failure 2
	run conch -c '{ echo a }'
	assert_failure 2
	refute_line 'a }'
}

@test "syntax error: stray reserved word and empty pipeline stage" {
	run conch -c 'fi'
	assert_failure 2
	run conch -c 'echo a | | cat'
	assert_failure 2
	refute_line 'a'
}

@test "syntax error inside eval exits the shell with 2" {
	run --separate-stderr conch -c 'eval "if"; echo after'
	assert_failure 2
	assert_output ''
}

@test "syntax error in a dot script exits the shell with 2" {
	printf 'echo one\nif then\n' > bad.sh
	run --separate-stderr conch -c '. ./bad.sh; echo after'
	assert_failure 2
	assert_output 'one'
}

@test "syntax error message format: conch: -c:LINE:COL: syntax error:" {
	is_conch || skip "conch-specific message format"
	run --separate-stderr conch -c $'echo a\nif; then'
	assert_failure 2
	assert_output 'a'
	assert_regex "$stderr" '^conch: -c:2:[0-9]+: syntax error: '
}

@test "syntax error message format names the script file" {
	is_conch || skip "conch-specific message format"
	printf 'echo ok\n\n(echo x\n' > se.sh
	run --separate-stderr conch se.sh
	assert_failure 2
	assert_output 'ok'
	assert_regex "$stderr" '^conch: se\.sh:[34]:[0-9]+: syntax error: '
}

@test "unknown command: status 127 and 'not found' on stderr" {
	run --separate-stderr conch -c 'no_such_cmd_zz; echo st=$?'
	assert_output 'st=127'
	[[ $stderr == *no_such_cmd_zz*"not found"* ]]
}

@test "unknown command by path: 127" {
	run --separate-stderr conch -c './missing_zz; echo st=$?'
	assert_output 'st=127'
	[[ $stderr == *missing_zz* ]]
}

@test "non-executable file run by path: 126" {
	printf 'echo x\n' > noexec; chmod -x noexec
	run --separate-stderr conch -c './noexec; echo st=$?'
	assert_output 'st=126'
	[[ $stderr == *noexec* ]]
}

@test "a directory run as a command: 126" {
	mkdir adir
	run --separate-stderr conch -c './adir; echo st=$?'
	assert_output 'st=126'
	[[ $stderr == *adir* ]]
}

@test "exit 300 gives status 44 (modulo 256)" {
	run conch -c 'exit 300'
	assert_failure 44
}

@test "exit with no argument uses the last status" {
	run conch -c '(exit 3); exit'
	assert_failure 3
}

@test "exit N stops the shell immediately" {
	run conch -c 'echo a; exit 5; echo b'
	assert_failure 5
	assert_output 'a'
}

@test "shell exit status is the last command's at end of script" {
	run conch -c 'true; false'
	assert_failure 1
}

@test "set -u: unset variable is an error, shell exits" {
	run --separate-stderr conch -c 'set -u; echo $nope; echo after'
	assert_failure 2
	assert_output ''
	[[ $stderr == *nope* ]]
}

@test "set -u: defaults, \$@ and \$# are not errors" {
	run conch -c 'set -u; echo ${nope:-ok} "$@" $#; x=; echo "[$x]"'
	assert_success
	assert_output $'ok 0\n[]'
}

@test "set -e: a failing simple command exits" {
	run conch -c 'set -e; echo a; false; echo b'
	assert_failure 1
	assert_output 'a'
}

@test "set -e: exit status of the failing command is kept" {
	run conch -c 'set -e; (exit 7); echo no'
	assert_failure 7
	assert_output ''
}

@test "set -e: if condition is exempt" {
	run conch -c 'set -e; if false; then :; fi; echo reached'
	assert_output 'reached'
}

@test "set -e: if condition list is exempt" {
	run conch -c 'set -e; if false; true; then echo body; fi'
	assert_output 'body'
}

@test "set -e: while and until conditions are exempt" {
	run conch -c 'set -e; while false; do :; done; until true; do :; done; echo reached'
	assert_output 'reached'
}

@test "set -e: left side of && and || is exempt" {
	run conch -c 'set -e; false && true; false || true; echo reached'
	assert_output 'reached'
}

@test "set -e: last command of an && list is not exempt" {
	run conch -c 'set -e; true && false; echo no'
	assert_failure 1
	assert_output ''
}

@test "set -e: ! negation is exempt" {
	run conch -c 'set -e; ! true; ! false; echo reached'
	assert_output 'reached'
}

@test "set -e: pipeline status is the last command's" {
	run conch -c 'set -e; false | true; echo reached; true | false; echo no'
	assert_failure 1
	assert_output 'reached'
}

@test "set -e: failure inside a body of if exits" {
	run conch -c 'set -e; if true; then false; fi; echo no'
	assert_failure 1
	assert_output ''
}

@test "set -e: failure in a loop body and case body exits" {
	run conch -c 'set -e; for i in 1; do false; done; echo no'
	assert_failure 1
	run conch -c 'set -e; case x in x) false;; esac; echo no'
	assert_failure 1
	assert_output ''
}

@test "set -e: failing subshell and brace group exit" {
	run conch -c 'set -e; (false); echo no'
	assert_failure 1
	run conch -c 'set -e; { false; }; echo no'
	assert_failure 1
	assert_output ''
}

@test "set -e: function called in an || context ignores set -e inside" {
	run conch -c 'set -e; f() { false; echo inf; }; f || echo failed; echo reached'
	assert_output $'inf\nreached'
}

@test "set -e: failing command inside a called function exits" {
	run conch -c 'set -e; f() { false; echo inf; }; f; echo no'
	assert_failure 1
	assert_output ''
}

@test "set -e: assignment with a failing command substitution exits" {
	run conch -c 'set -e; x=$(false); echo no'
	assert_failure 1
	assert_output ''
}

@test "set -e: failing substitution inside an argument does not exit" {
	run conch -c 'set -e; echo "[$(false)]"; echo reached'
	assert_output $'[]\nreached'
}

@test "set -e: subshell in an && context keeps going" {
	run conch -c 'set -e; (false; echo insub) && echo after'
	assert_output $'insub\nafter'
}

@test "set -e: wait for a failing background job exits" {
	run conch -c 'set -e; false & wait $!; echo no'
	assert_failure 1
	assert_output ''
}

@test "special builtin error exits a non-interactive shell: shift too far" {
	run --separate-stderr conch -c 'shift 10; echo after'
	assert_failure 2
	assert_output ''
}

@test "special builtin error exits: set with a bad option" {
	run --separate-stderr conch -c 'set -o nonexistent_opt; echo after'
	assert_failure 2
	assert_output ''
}

@test "regular builtin error does not exit the shell" {
	run --separate-stderr conch -c 'cd /nonexistent_zz; echo "after $?"'
	assert_success
	assert_output --regexp '^after [12]$'
}

@test "command prefix makes a special builtin error non-fatal" {
	run --separate-stderr conch -c 'command shift 10; echo "after $?"'
	assert_success
	assert_output --regexp '^after [1-9][0-9]*$'
}

@test "child killed by SIGTERM gives 143" {
	run --separate-stderr conch -c 'sh -c "kill \$\$"; echo $?'
	assert_output '143'
}

@test "child killed by SIGKILL gives 137" {
	run --separate-stderr conch -c 'sh -c "kill -9 \$\$"; echo $?'
	assert_output '137'
}

@test "child killed by SIGINT gives 130" {
	run --separate-stderr conch -c 'sh -c "kill -INT \$\$"; echo $?'
	assert_output '130'
}

@test "exit status of a non-special builtin failing is non-zero and shell goes on" {
	run conch -c 'false; echo $?; [ 1 = 2 ]; echo $?'
	assert_output $'1\n1'
}

@test "expansion error in a command: shell exits (non-interactive)" {
	run --separate-stderr conch -c 'unset v; echo ${v?missing}; echo no'
	assert_failure
	assert_output ''
}

@test "a command killed by a signal is reported on stderr, except for SIGINT and SIGPIPE (dash)" {
	run conch_script <<-'EOF'
	sh -c 'kill -TERM $$'; echo $?
	sh -c 'kill -INT $$'; echo $?
	yes | head -n 1
	sh -c 'kill -TERM $$' | cat; echo $?
	sleep 5 & kill -KILL $!; wait $!; echo $?
	EOF
	assert_success
	if is_conch; then
		f=$BATS_TEST_TMPDIR/script.sh
		assert_output "conch: $f:1: sh: Terminated
143
130
y
conch: $f:4: sh -c 'kill -TERM \$\$': Terminated
0
conch: $f:5: sleep 5: Killed
137"
	else
		assert_output $'Terminated\n143\n130\ny\nTerminated\n0\nKilled\n137'
	fi
}
