#!/usr/bin/env bats
# redirections.bats: POSIX 2.7 Redirection

load helpers/common
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

# A failed redirection on a regular command: dash gives 2; conch gives 1
# (DESIGN.md section 4: "fail the redirection like a missing file ... status 1").
# POSIX 2.8.2 only asks for 1..125.
assert_redir_status() {
	if is_conch; then assert_equal "$status" 1; else assert_equal "$status" 2; fi
}

@test "> creates and truncates" {
	echo old-content-long > f
	run conch -c 'echo new > f; cat f'
	assert_output 'new'
}

@test "> creates an empty file with no command" {
	run conch -c '> empty; [ -f empty ] && [ ! -s empty ] && echo ok'
	assert_output 'ok'
}

@test ">> appends" {
	run conch -c 'echo a > f; echo b >> f; echo c >> f; cat f'
	assert_output $'a\nb\nc'
}

@test ">> creates a missing file" {
	run conch -c 'echo a >> newf; cat newf'
	assert_output 'a'
}

@test "< reads a file" {
	printf 'line1\nline2\n' > in
	run conch -c 'read x < in; echo $x; cat < in'
	assert_output $'line1\nline1\nline2'
}

@test "<> opens for reading and writing without truncating" {
	echo abcdef > f
	run conch -c 'echo XY 1<> f; cat f'
	assert_output $'XY\ndef'
}

@test "<> creates a missing file" {
	run conch -c ': <> new; [ -f new ] && echo made'
	assert_output 'made'
}

@test "<> on fd 0 by default" {
	echo hello > f
	run conch -c 'read x <> f; echo $x'
	assert_output 'hello'
}

@test "redirection can come before the command" {
	run conch -c '> f echo first; < f cat'
	assert_output 'first'
}

@test "redirection in the middle of the arguments" {
	run conch -c 'echo a > f b; cat f'
	assert_output 'a b'
}

@test "file name from an expansion" {
	run conch -c 'n=out; echo x > $n.txt; cat out.txt'
	assert_output 'x'
}

@test "file name is not field split" {
	run conch -c 'n="a b"; echo x > $n; cat "a b"'
	assert_output 'x'
}

@test "2> redirects stderr" {
	run conch -c 'echo err >&2 2> e; ls /nonexistent_zz 2> e2; echo st=$?; [ -s e2 ] && echo has-err'
	assert_line 'st=2'
	assert_line 'has-err'
}

@test "2>&1 sends stderr to stdout" {
	run --separate-stderr conch -c 'sh -c "echo err >&2" 2>&1'
	assert_output 'err'
	assert_equal "$stderr" ''
}

@test "order matters: >f 2>&1 puts both in f" {
	run --separate-stderr conch -c '{ echo out; echo err >&2; } > f 2>&1; cat f'
	assert_output $'out\nerr'
	assert_equal "$stderr" ''
}

@test "order matters: 2>&1 >f keeps stderr on the old stdout" {
	run --separate-stderr conch -c '{ echo out; echo err >&2; } 2>&1 > f; echo ---; cat f'
	assert_output $'err\n---\nout'
	assert_equal "$stderr" ''
}

@test "any fd number: 3>file" {
	run conch -c 'echo hi 3> f >&3; cat f'
	assert_output 'hi'
}

@test "exec 3>f then >&3 writes to f" {
	run conch -c 'exec 3> f; echo x >&3; echo y >&3; exec 3>&-; cat f'
	assert_output $'x\ny'
}

@test "exec 4<f then read <&4 reads successive lines" {
	printf '1\n2\n' > f
	run conch -c 'exec 4< f; read a <&4; read b <&4; echo $a $b'
	assert_output '1 2'
}

@test "high fd number 9" {
	run conch -c 'exec 9> f; echo nine >&9; exec 9>&-; cat f'
	assert_output 'nine'
}

@test "n>&- closes a descriptor: writing fails" {
	run --separate-stderr conch -c 'exec 3> f; exec 3>&-; echo x >&3; echo st=$?'
	assert_output --regexp '^st=[12]$'
	refute [ -z "$stderr" ]
}

@test ">&- closes stdout for one command" {
	run conch -c 'echo x >&-; echo "st=$?"'
	refute_line 'x'
	refute_line 'st=0'
}

@test "<&- closes stdin for one command" {
	run --separate-stderr conch -c 'echo data | { read x <&-; echo "st=$? [$x]"; }'
	assert_output --regexp '^st=[1-9][0-9]* \[\]$'
}

@test "closing fds is per command" {
	run conch -c 'echo a >&-; echo b'
	assert_line 'b'
}

@test "<& duplicates an input fd" {
	echo data > f
	run conch -c 'exec 5< f; cat <&5'
	assert_output 'data'
}

@test "dup of a non-open fd fails" {
	run --separate-stderr conch -c 'echo x >&7; echo st=$?'
	assert_output --regexp '^st=[12]$'
	assert [ -n "$stderr" ]
}

@test "exec >file persists for later commands" {
	run conch -c 'exec > f; echo one; echo two; exec >&2; cat f'
	assert_output $'one\ntwo'
}

@test "exec with saved fd restores stdout" {
	run conch -c 'exec 3>&1; exec > f; echo to-file; exec 1>&3 3>&-; echo to-stdout; cat f'
	assert_output $'to-stdout\nto-file'
}

@test "redirection on a brace group" {
	run conch -c '{ echo a; echo b; } > f; cat f'
	assert_output $'a\nb'
}

@test "redirection on a subshell" {
	run conch -c '(echo a; echo b) > f; cat f'
	assert_output $'a\nb'
}

@test "while loop reading from a redirected file" {
	printf '1\n2\n3\n' > f
	run conch -c 'while read n; do echo "n=$n"; done < f'
	assert_output $'n=1\nn=2\nn=3'
}

@test "for loop output redirected" {
	run conch -c 'for i in 1 2; do echo $i; done > f; cat f'
	assert_output $'1\n2'
}

@test "if and case output redirected" {
	run conch -c 'if true; then echo y; fi > f; case a in a) echo c;; esac >> f; cat f'
	assert_output $'y\nc'
}

@test "loop redirection applies to the whole loop, not each iteration" {
	run conch -c 'for i in 1 2 3; do echo $i; done > f; cat f'
	assert_output $'1\n2\n3'
}

@test "failed input redirection: message names file, command does not run" {
	run --separate-stderr conch -c 'echo ran < /nonexistent/zz; echo st=$?'
	assert_output --regexp '^st=[0-9]+$'
	refute_output --partial ran
	assert [ "${stderr#*nonexistent/zz}" != "$stderr" ]
}

@test "failed redirection status (regular command)" {
	run --separate-stderr conch -c 'cat < /nonexistent/zz; echo $?'
	status=$output
	assert_redir_status
}

@test "failed output redirection to a missing directory" {
	run --separate-stderr conch -c 'echo hi > /nonexistent/d/f; echo $?'
	status=$output
	assert_redir_status
	[[ $stderr == */nonexistent/d/f* ]]
}

@test "failed redirection on a compound command skips its body" {
	run --separate-stderr conch -c '{ echo inner; } < /nonexistent; echo after'
	assert_output 'after'
}

@test "failed redirection on a special builtin exits the shell" {
	run conch -c ': < /nonexistent 2>/dev/null; echo after'
	assert_failure
	refute_output --partial after
}

@test "failed redirection on exec exits the shell" {
	run conch -c 'exec < /nonexistent 2>/dev/null; echo after'
	assert_failure
	refute_output --partial after
}

@test "failed redirection on a function does not run it" {
	run --separate-stderr conch -c 'f() { echo in-f; }; f < /nonexistent; echo after'
	assert_output 'after'
}

@test "noclobber: > refuses an existing file" {
	echo old > ex
	run --separate-stderr conch -c 'set -C; echo new > ex; echo st=$?; cat ex'
	assert_line --index 1 'old'
	[[ $stderr == *ex* ]]
}

@test "noclobber: status of the refused redirection" {
	echo old > ex
	run --separate-stderr conch -c 'set -C; echo new > ex; echo $?'
	status=$output
	assert_redir_status
}

@test "noclobber: >| overrides" {
	echo old > ex
	run conch -c 'set -C; echo new >| ex; cat ex'
	assert_output 'new'
}

@test "noclobber: >> still appends and > creates new files" {
	echo old > ex
	run conch -c 'set -C; echo more >> ex; echo fresh > nf; cat ex nf'
	assert_output $'old\nmore\nfresh'
}

@test "noclobber: > to /dev/null is allowed" {
	run conch -c 'set -C; echo x > /dev/null; echo st=$?'
	assert_output 'st=0'
}

@test "redirection applies only to its command" {
	run conch -c 'echo a > f; echo b; cat f'
	assert_output $'b\na'
}

@test "multiple redirections of the same fd: last wins, earlier still created" {
	run conch -c 'echo x > f1 > f2; [ -f f1 ] && echo f1-exists; cat f1 f2'
	assert_output $'f1-exists\nx'
}

@test "redirected fds are inherited by external commands" {
	run conch -c 'exec 3> f; sh -c "echo via3 >&3"; cat f'
	assert_output 'via3'
}

@test "redirection word is not pathname-expanded in a non-interactive shell" {
	touch r1
	run conch -c 'echo x > r*; ls r* | sort'
	assert_output $'r*\nr1'
}

@test "fd number must be adjacent: 2 >f is an argument" {
	run conch -c 'echo 2 > f; cat f'
	assert_output '2'
}

@test "quoted fd number is an argument" {
	run conch -c 'echo "2">f; cat f'
	assert_output '2'
}

@test "redirection of a pipeline stage" {
	run conch -c 'echo a | cat > f; cat f'
	assert_output 'a'
}

@test "stdin of a command redirected from /dev/null" {
	run conch -c 'cat < /dev/null; echo "st=$?"'
	assert_output 'st=0'
}

@test "assignment prefix and redirection together" {
	run conch -c 'x=1 sh -c "echo \$x" > f; cat f'
	assert_output '1'
}

@test "prefix assignment does not affect the redirection word" {
	run conch -c 'n=a; n=b echo x > $n; ls a b 2>/dev/null'
	assert_output 'a'
}

@test "3>&3 changes nothing, whether 3 is open or not (dash, bash)" {
	run conch -c 'echo x 3>&3; echo $?; exec 3>/dev/null; echo y 3>&3; echo $?'
	assert_output $'x\n0\ny\n0'
}

@test "command exec keeps its redirections, as exec does" {
	run conch -c "command exec 3>'$BATS_TEST_TMPDIR/c3'; echo kept >&3; cat '$BATS_TEST_TMPDIR/c3'"
	assert_success
	assert_output 'kept'
}

@test "a command of only redirections has the status of its last command substitution (POSIX 2.9.1)" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c '> r$(exit 3); echo $?; x=$(exit 4) >/dev/null; echo $?; x=$(exit 4) > q$(exit 0); echo $?; > plain; echo $?'
	assert_output $'3\n4\n4\n0'
}

@test "without a command, redirections come before assignments, and a failed one assigns nothing (POSIX 2.9.1, dash)" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'unset y; y=set > f$y; ls f*; x=1 > /nonexistent/f; echo "[$x]"'
	assert_line -n 0 'f'
	assert_line '[]'
}
