#!/usr/bin/env bats
# threads.bats: thread stages (DESIGN §2, issue 3): shared state, per-stage
# state, streaming, exec, forkstages, pipestatus and pipefail, lock, unlock,
# thread. conch-specific: skipped for other shells where they differ.

load helpers/common
bats_require_minimum_version 1.5.0

setup() {
	is_conch || skip "conch-specific behaviour"
}

# --- shared state --------------------------------------------------------

@test "shared: read at the end of a pipeline sets the shell's variables" {
	run conch -c 'printf "a b\n" | read x y; echo "$x"; echo "$y"'
	assert_output $'a\nb'
}

@test "shared: a while-read counter survives the pipeline" {
	run conch -c 'seq 5 | while read n; do s=$((s+n)); done; echo $s'
	assert_output '15'
}

@test "shared: an assignment in a first stage is seen after the pipeline" {
	run conch -c '{ x=1; echo hi; } | cat; echo $x'
	assert_output $'hi\n1'
}

@test "shared: read leaves the rest of the pipe to the next command of the stage" {
	run conch -c 'printf "a\nb\nc\n" | { read x; cat; }; echo "x=$x"'
	assert_output $'b\nc\nx=a'
}

@test "shared: functions defined in a stage exist afterwards" {
	run conch -c '{ f() { echo from-f; }; } | cat; f'
	assert_output 'from-f'
}

@test "shared: a function defined in a middle stage can be called" {
	run conch -c 'echo x | { g() { echo g; }; cat; } | cat; g'
	assert_output $'x\ng'
}

@test "shared: cd and umask in a stage change the shell's" {
	run conch -c 'echo | cd /tmp; pwd; echo | umask 027; umask'
	assert_output $'/tmp\n0027'
}

@test "shared: unset in a stage unsets the shell's variable" {
	run conch -c 'v=1; echo | unset v; echo "${v-unset}"'
	assert_output 'unset'
}

@test "shared: aliases defined in a stage are the shell's" {
	run conch_script <<'EOF'
echo | alias hello='echo hello-alias'
hello
EOF
	assert_output 'hello-alias'
}

@test "shared: options set in a stage are the shell's" {
	run conch -c 'echo | set -u; echo "$-" | grep -q u && echo nounset-on'
	assert_output 'nounset-on'
}

# --- per stage -------------------------------------------------------------

@test "per stage: positional parameters of a stage are its own" {
	run conch -c 'set -- a b; echo | { set -- c; echo "in:$1"; }; echo "out:$1 $#"' 
	assert_output $'in:c\nout:a 2'
}

@test "per stage: a stage sees the shell's positional parameters" {
	run conch -c 'set -- p q; echo | { echo "$1 $2 $#"; }'
	assert_output 'p q 2'
}

@test "per stage: locals are a snapshot; assigning one in a stage stays in the stage" {
	run conch -c 'v=glob; f() { local v=in; echo | { v=changed; echo "$v"; }; echo "$v"; }; f; echo "$v"'
	assert_output $'changed\nin\nglob'
}

@test "per stage: \$? starts as the shell's and is the stage's own" {
	run conch -c 'false; echo | { echo "in=$?"; true; }; echo "after=$?"; false | true; echo "st=$?"'
	assert_output $'in=1\nafter=0\nst=0'
}

@test "per stage: exit ends only the stage, with its status" {
	# (true, not echo, first: an echo could see the pipe closed, status 141)
	run conch -c 'true | { exit 5; echo no; } | cat; echo "s=$? p=$pipestatus"; echo | exit 7; echo "s=$?"; echo alive'
	assert_output $'s=0 p=0 5 0\ns=7\nalive'
}

@test "per stage: exit in the last stage does not end the shell" {
	run conch -c 'echo x | { read v; exit 3; }; echo "s=$? v=$v"'
	assert_output 's=3 v=x'
}

@test "per stage: return at a stage's top level ends the stage as in a subshell" {
	run conch -c 'f() { echo a | { return 3; echo no; }; echo "rs=$?"; }; f; echo end'
	assert_output $'rs=3\nend'
}

@test "per stage: break in a stage does not leave the enclosing loop" {
	run conch -c 'for i in 1 2; do echo x | { break; }; echo "i=$i"; done'
	assert_output $'i=1\ni=2'
}

@test "per stage: loops inside a stage break normally" {
	run conch -c 'seq 10 | while read n; do [ "$n" = 3 ] && break; echo $n; done; echo end'
	assert_output $'1\n2\nend'
}

@test "per stage: a redirection in one stage does not affect another" {
	run conch -c 'f="$1"; { echo one >"$f"; echo two; } | { cat; echo three; }; cat "$f"' sh "$BATS_TEST_TMPDIR/o"
	assert_output $'two\nthree\none'
}

# --- streaming -----------------------------------------------------------------

@test "streaming: a function's first line reaches the next stage at once" {
	# the reader stamps when it got the line; the writer is still asleep
	run conch -c 'start=$(date +%s%N)
f() { echo first; sleep 2; echo second; }
f | { read l; got=$(date +%s%N); echo "$l"; echo $(( (got - start) / 1000000 )) >"$1"; }' sh "$BATS_TEST_TMPDIR/ms"
	assert_output 'first'
	ms=$(cat "$BATS_TEST_TMPDIR/ms")
	[ "$ms" -lt 1500 ]
}

@test "streaming: stages run concurrently (a two-way handshake through pipes completes)" {
	run timeout 5 "$CONCH" -c 'seq 3 | while read n; do echo "n$n"; done | { read a; read b; read c; echo "$a$b$c"; }'
	assert_output 'n1n2n3'
}

# --- exec in a thread stage ---------------------------------------------------

@test "exec with only redirections changes the stage's fds only" {
	run conch -c 'echo hi | { exec >"$1"; echo redirected; }; echo main; cat "$1"' sh "$BATS_TEST_TMPDIR/o"
	assert_output $'main\nredirected'
}

@test "exec with a command replaces the stage, not the shell" {
	run conch -c 'echo hi | { exec tr a-z A-Z; echo no; }; echo "s=$?"'
	assert_output $'HI\ns=0'
}

@test "exec of a failing command in a stage gives the stage its status" {
	run conch -c 'echo | { exec false; echo no; }; echo "s=$?"'
	assert_output 's=1'
}

# --- forkstages ------------------------------------------------------------------

@test "forkstages: a variable read in a stage stays in the stage" {
	run conch -c 'set -o forkstages; echo x | read v; echo "${v-unset}"'
	assert_output 'unset'
}

@test "forkstages: the while-read counter is lost, as in bash" {
	run conch -c 'set -o forkstages; s=0; seq 5 | while read n; do s=$((s+n)); done; echo $s'
	assert_output '0'
}

@test "forkstages: set +o forkstages shares again" {
	run conch -c 'set -o forkstages; set +o forkstages; echo x | read v; echo "$v"'
	assert_output 'x'
}

@test "forkstages: a lone command is still run in the shell" {
	run conch -c 'set -o forkstages; v=1; { v=2; }; echo $v'
	assert_output '2'
}

# --- classics from other shells' bug reports -------------------------------------

@test "classic: cmd | while read counts lines" {
	run conch -c 'n=0; printf "a\nb\nc\n" | while read l; do n=$((n+1)); done; echo $n'
	assert_output '3'
}

@test "classic: yes | f | head -n 1 with f() { cat; } does not hang" {
	run timeout 5 "$CONCH" -c 'f() { cat; }; yes | f | head -n 1; echo "s=$?"'
	assert_output $'y\ns=0'
}

@test "classic: yes | f | head -n 1 with a while-read wrapper does not hang" {
	run timeout 5 "$CONCH" -c 'f() { while read l; do echo "$l"; done; }; yes | f | head -n 1; echo "s=$?"'
	assert_output $'y\ns=0'
}

@test "classic: yes | while read | head -n 1 returns" {
	run timeout 5 "$CONCH" -c 'yes | while read l; do echo "$l"; done | head -n 1; echo "s=$?"'
	assert_output $'y\ns=0'
}

@test "classic: while :; do echo y; done | head -n 1 returns 0, stage status 141" {
	run timeout 5 "$CONCH" -c 'while :; do echo y; done | head -n 1; echo "s=$? p=$pipestatus"'
	assert_output $'y\ns=0 p=141 0'
}

@test "classic: a variable set in a while loop fed by a pipe, read after it" {
	run conch -c 'last=; printf "x\ny\n" | while read l; do last=$l; done; echo "$last"'
	assert_output 'y'
}

# --- pipestatus and pipefail -----------------------------------------------------

@test "pipestatus: one status per stage, thread and process stages alike" {
	run conch -c 'true | (exit 3) | { (exit 4); } | false | true; echo "$pipestatus"'
	assert_output '0 3 4 1 0'
}

@test "pipestatus: external stages" {
	run conch -c 'sh -c "exit 2" | cat | sh -c "exit 9"; echo "$pipestatus"'
	assert_output '2 0 9'
}

@test "pipestatus: a stage killed by a signal is 128+N" {
	run timeout 5 "$CONCH" -c 'yes | head -n 1 >/dev/null; echo "$pipestatus"'
	assert_output '141 0'
}

@test "pipestatus: exit statuses of thread stages" {
	run conch -c '{ exit 3; } | { exit 4; }; echo "$? $pipestatus"'
	assert_output '4 3 4'
}

@test "pipestatus: copied before the next command changes it" {
	run conch -c 'false | true; p=$pipestatus; echo "$p"'
	assert_output '1 0'
}

@test "pipefail: the rightmost failing stage, thread or process" {
	run conch -c 'set -o pipefail
false | true; echo "a=$?"
true | (exit 3) | true; echo "b=$?"
(exit 2) | { exit 4; } | true; echo "c=$?"
true | true; echo "d=$?"
{ exit 5; } | sh -c "exit 6" | cat; echo "e=$?"'
	assert_output $'a=1\nb=3\nc=4\nd=0\ne=6'
}

@test "pipefail: off by default" {
	run conch -c 'false | true; echo $?'
	assert_output '0'
}

@test "pipefail with forkstages" {
	run conch -c 'set -o pipefail -o forkstages; { exit 3; } | true; echo "$? $pipestatus"'
	assert_output '3 3 0'
}

# --- threads come back ------------------------------------------------------------

@test "thread count returns to its baseline after pipelines" {
	run conch -c 'count() { set -- /proc/$$/task/*; echo $#; }
echo | { read w; } | cat   # warm-up: ThreadSanitizer starts a thread of its own
before=$(count)
i=0
while [ $i -lt 30 ]; do
	echo x | { read v; echo $v; } | cat >/dev/null
	seq 3 | while read n; do :; done | { cat; } >/dev/null
	v=$(echo y | { read w; echo $w; })
	i=$((i+1))
done
after=$(count)
[ "$before" = "$after" ] && echo same || echo "before=$before after=$after"'
	assert_output 'same'
}

@test "thread count returns to its baseline after thread jobs are waited for" {
	run conch -c 'count() { set -- /proc/$$/task/*; echo $#; }
echo | { read w; } | cat   # warm-up: ThreadSanitizer starts a thread of its own
before=$(count)
f() { :; }
for i in 1 2 3 4 5; do thread f; done
wait
after=$(count)
[ "$before" = "$after" ] && echo same || echo "before=$before after=$after"'
	assert_output 'same'
}

# --- lock and unlock -----------------------------------------------------------

@test "lock: two stages incrementing a counter 10000 times each end at 20000" {
	# without the lock, n=$((n+1)) in two stages can lose updates (the read
	# and the write are two separate steps under the state lock); that is
	# racy, so it is not asserted here
	run timeout 60 "$CONCH" -c 'n=0
inc() { n=$((n+1)); }
f() { local i=0; while [ $i -lt 10000 ]; do lock counter inc; i=$((i+1)); done; }
f | f
echo $n'
	assert_output '20000'
}

@test "lock/unlock around several commands" {
	run timeout 30 "$CONCH" -c 'n=0
f() { local i=0; while [ $i -lt 2000 ]; do lock c; v=$n; n=$((v+1)); unlock c; i=$((i+1)); done; }
f | f | f
echo $n'
	assert_output '6000'
}

@test "lock: the command's status is returned and the lock released" {
	run conch -c 'lock L false; echo "s=$?"; lock L sh -c "exit 3"; echo "s=$?"; lock L echo free'
	assert_output $'s=1\ns=3\nfree'
}

@test "lock: runs functions with arguments" {
	run conch -c 'f() { echo "$#:$1:$2"; }; lock L f a "b c"'
	assert_output '2:a:b c'
}

@test "lock: released when the command exits the stage" {
	run timeout 5 "$CONCH" -c 'echo | lock L exit 3; echo "s=$?"; lock L echo free'
	assert_output $'s=3\nfree'
}

@test "lock: a lock held by a stage that ends is released" {
	run timeout 5 "$CONCH" -c 'echo | { lock L; }; lock L && echo got-it'
	assert_output 'got-it'
}

@test "lock: not reentrant: taking a held lock again is an error" {
	run -1 conch -c 'lock L; lock L'
	assert_output --partial 'lock: L: already held by this stage'
}

@test "lock: a stage waits until the holder releases" {
	run timeout 10 "$CONCH" -c 'lock L
f() { lock L; echo second; }
thread f
sleep 0.3
echo first
unlock L
wait'
	assert_output $'first\nsecond'
}

@test "lock: a stage waiting for a lock can be stopped" {
	run timeout 10 "$CONCH" -c 'lock L; f() { lock L; echo got; }; thread f; sleep 0.2; kill $!; wait $!; echo "s=$?"'
	assert_output 's=143'
}

@test "lock: a trapped signal runs its action while the shell waits for a lock" {
	run timeout 10 "$CONCH" -c 'f() { lock L; sleep 1; unlock L; }
trap "echo trapped" USR1
thread f; sleep 0.2
( sleep 0.3; kill -USR1 $$ ) &
lock L; echo got'
	assert_output $'trapped\ngot'
}

@test "lock: a trap action that exits ends the wait and the shell" {
	run -3 timeout 10 "$CONCH" -c 'f() { lock L; sleep 1 >/dev/null 2>&1 3>&-; }
trap "echo int; exit 3" INT
thread f; sleep 0.2
( sleep 0.3; kill -INT $$ ) &
lock L; echo got'
	assert_output 'int'
}

@test "lock: usage errors" {
	run -2 conch -c 'lock'
	assert_output --partial 'lock: a NAME is needed'
	assert_line -n -1 "try 'help lock'"
}

@test "lock: a forked subshell starts with no locks held" {
	run timeout 5 "$CONCH" -c 'lock L; ( lock L && echo child-got; unlock L ); unlock L && echo parent-had'
	assert_output $'child-got\nparent-had'
}

@test "unlock: a lock held by another stage cannot be released" {
	run conch -c 'lock L; echo | unlock L; echo "s=$?"; unlock L && echo ok'
	assert_output --partial 'unlock: L: not held by this stage'
	assert_output --partial $'s=1\nok'
}

@test "unlock: a lock not held is an error" {
	run -1 conch -c 'unlock nope'
	assert_output --partial 'unlock: nope: not held by this stage'
}

@test "lock and unlock are builtins" {
	run conch -c 'type lock unlock thread'
	assert_output $'lock is a shell builtin\nunlock is a shell builtin\nthread is a shell builtin'
}

# --- thread ----------------------------------------------------------------------

@test "thread: runs a function in the background sharing variables" {
	run timeout 5 "$CONCH" -c 'f() { v="set by $1"; }; thread f job; wait; echo "$v"'
	assert_output 'set by job'
}

@test "thread: \$! names the job as %N and wait \$! returns its status" {
	run timeout 5 "$CONCH" -c 'f() { return 3; }; thread f; echo "$!"; wait $!; echo "s=$?"'
	assert_output $'%1\ns=3'
}

@test "thread: exit in a thread ends only the thread" {
	run timeout 5 "$CONCH" -c 'f() { exit 4; echo no; }; thread f; wait %1; echo "s=$?"; echo alive'
	assert_output $'s=4\nalive'
}

@test "thread: wait with no arguments waits for threads" {
	run timeout 5 "$CONCH" -c 'f() { sleep 0.3; echo done-$1; }; thread f a; thread f b; wait; echo "s=$?"'
	assert_line 'done-a'
	assert_line 'done-b'
	assert_line 's=0'
}

@test "thread: jobs lists it" {
	run timeout 5 "$CONCH" -c 'f() { sleep 0.5; }; thread f x; jobs'
	assert_output '[1]+  Running                 thread f x &'
}

@test "thread: its output goes where the caller's did, even after the caller's redirection ends" {
	run timeout 5 "$CONCH" -c 'f() { sleep 0.2; echo late; }; { thread f; } >"$1"; echo now; wait; cat "$1"' sh "$BATS_TEST_TMPDIR/o"
	assert_output $'now\nlate'
}

@test "thread: positional parameters are the thread's arguments" {
	run timeout 5 "$CONCH" -c 'set -- x y z; thread echo "$#"; wait; f() { echo "$# $1"; }; thread f a b; wait'
	assert_output $'3\n2 a'
}

@test "thread: an external command as a thread job" {
	run timeout 5 "$CONCH" -c 'thread sh -c "exit 6"; wait $!; echo "s=$?"'
	assert_output 's=6'
}

@test "thread: kill asks it to stop" {
	run timeout 5 "$CONCH" -c 'f() { while :; do :; done; }; thread f; kill $!; wait $!; echo "s=$?"'
	assert_output 's=143'
}

@test "thread: kill wakes a thread job blocked in a read" {
	mkfifo "$BATS_TEST_TMPDIR/fifo"
	run timeout 5 "$CONCH" -c 'exec 3<>"$1"; f() { read l <&3; echo "got $l"; }; thread f; sleep 0.2; kill $!; wait $!; echo "s=$?"' sh "$BATS_TEST_TMPDIR/fifo"
	assert_output 's=143'
}

@test "thread: under set -m, kill reaches the program the thread job waits for" {
	# the program's trap proves the signal reached it (without job control
	# the thread stops when its program ends)
	run timeout 10 "$CONCH" -mc 'g() { sh -c "trap \"echo got-TERM; exit 3\" TERM; sleep 30 & wait"; echo "after $?"; }
		thread g; sleep 0.3; kill %1; wait %1; echo "s=$?"'
	assert_success
	assert_output $'got-TERM\ns=143'
}

@test "thread: under set -m, its programs have a process group of their own" {
	run "$CONCH" -mc 'g() { sh -c "ps -o pgid= -p \$\$"; }; thread g; wait; ps -o pgid= -p $$'
	assert_success
	[ "${#lines[@]}" -eq 2 ]
	refute [ "${lines[0]// /}" = "${lines[1]// /}" ]
}

@test "thread: kill of a finished thread job is an error" {
	run timeout 5 "$CONCH" -c 'thread true; sleep 0.2; kill %1; echo "s=$?"'
	assert_output --partial 'no such job'
	assert_output --partial 's=1'
}

@test "thread: & still starts a separate process" {
	run timeout 5 "$CONCH" -c 'v=0; { v=1; } & wait; echo "$v"; case $! in %*) echo thread;; *) echo pid;; esac'
	assert_output $'0\npid'
}

@test "thread: the shell's exit ends its threads" {
	start=$(date +%s)
	run timeout 10 "$CONCH" -c 'f() { while :; do :; done; }; thread f; echo bye'
	end=$(date +%s)
	assert_output 'bye'
	[ $((end - start)) -lt 5 ]
}

@test "thread: locks held by a thread job are released when it ends" {
	run timeout 5 "$CONCH" -c 'f() { lock L; }; thread f; wait; lock L && echo got'
	assert_output 'got'
}

@test "thread: many threads incrementing under a lock" {
	run timeout 30 "$CONCH" -c 'n=0
inc() { n=$((n+1)); }
f() { local i=0; while [ $i -lt 200 ]; do lock c inc; i=$((i+1)); done; }
for t in 1 2 3 4 5 6 7 8; do thread f; done
wait
echo $n'
	assert_output '1600'
}

@test "thread: usage error without a command" {
	run -2 conch -c 'thread'
	assert_output --partial 'thread: a COMMAND is needed'
	assert_line -n -1 "try 'help thread'"
}

# --- Ctrl-C during a lock wait (interactive; tests/helpers/ptydrive) ----------

ptydrive_interrupt() {
	[ -n "${PTYDRIVE:-}" ] || skip "PTYDRIVE not set (make check sets it)"
	run "$PTYDRIVE" "$CONCH" "$1"
	assert_success
	assert_line 'status 130'
	local ms=${lines[0]#latency-ms }
	[ "$ms" -lt 3000 ]
}

@test "Ctrl-C stops a thread stage waiting for a lock" {
	ptydrive_interrupt 'lock L; true | { lock L; echo no; } | cat'
	assert_equal "${lines[3]#tasks }" "${lines[2]#tasks-before }"
}

@test "Ctrl-C stops a last stage waiting for a lock on the main thread" {
	ptydrive_interrupt 'lock L; true | lock L; echo no'
	assert_equal "${lines[3]#tasks }" "${lines[2]#tasks-before }"
}

@test "Ctrl-C stops the shell waiting for a lock a thread job holds" {
	# the thread job goes on running: it is a background job. The shell
	# spins in its own code until the job holds the lock (a Ctrl-C that came
	# as an external command ended would reach no one: the terminal's
	# foreground group would be the finished command's)
	ptydrive_interrupt 'g() { lock L; held=1; while :; do sleep 1; done; }; held=0; thread g; while [ $held = 0 ]; do :; done; lock L; echo no'
}
