#!/usr/bin/env bats
# jobcontrol.bats: job control (set -m): process groups, jobs/fg/bg/kill/
# wait/disown with job specs, in scripts and at the prompt (tmux: Ctrl-Z,
# Ctrl-C, thread-stage jobs, terminal modes, the exit warning, SIGHUP)
bats_require_minimum_version 1.5.0
load helpers/common
load helpers/tmux

teardown() { tty_teardown; }

# --- set -m in scripts (expected output from bash 5.2) ---------------------

@test "set -m: jobs lists running and finished jobs" {
	run conch_script <<'END1'
set -m
sleep 100 &
sleep 101 &
( exit 3 ) &
sleep 0.3
jobs
kill %1 %2
END1
	assert_success
	assert_output - <<'END2'
[1]   Running                 sleep 100 &
[2]-  Running                 sleep 101 &
[3]+  Exit 3                  ( exit 3 )
END2
}

@test "set -m: each job is its own process group; without it, the shell's" {
	run conch_script <<'END1'
set -m
sleep 100 &
[ "$(ps -o pgid= -p $!)" -eq $! ] && echo own-group
[ "$(jobs -p)" = $! ] && echo jobs-p
jobs -l | sed "s/$!/PID/"
kill %1
set +m
sleep 100 &
[ "$(ps -o pgid= -p $!)" -eq "$(ps -o pgid= -p $$)" ] && echo shell-group
kill $!
END1
	assert_output - <<'END2'
own-group
jobs-p
[1]+  PID Running                 sleep 100 &
shell-group
END2
}

@test "a job's text keeps its words as typed: quotes, backslashes, expansions" {
	run conch_script <<'END1'
set -m
sleep 100 'a b' "c $HOME" \x a"b"'c' "" '' x=$((n + 1)) "$(echo "hi")" *.c &
jobs
kill %1
END1
	assert_output - <<'END2'
[1]+  Running                 sleep 100 'a b' "c $HOME" \x a"b"'c' "" '' x=$((n + 1)) "$(echo "hi")" *.c &
END2
}

@test "job specs: %n %+ %- %% %name %?text" {
	run conch_script <<'END1'
set -m
sleep 100 &
sleep 101 &
jobs %1 '%sleep 101'
echo ---
jobs %?101
jobs %-
jobs %+
jobs %%
jobs %
kill %1 %2
END1
	assert_output - <<'END2'
[1]-  Running                 sleep 100 &
[2]+  Running                 sleep 101 &
---
[2]+  Running                 sleep 101 &
[1]-  Running                 sleep 100 &
[2]+  Running                 sleep 101 &
[2]+  Running                 sleep 101 &
[2]+  Running                 sleep 101 &
END2
}

@test "job specs: an ambiguous or unknown spec is an error, status 1" {
	run conch_script <<'END1'
set -m
sleep 100 &
sleep 101 &
jobs %sl; echo "st=$?"
jobs %9; echo "st=$?"
jobs %?nothing; echo "st=$?"
fg %9; echo "st=$?"
kill %9; echo "st=$?"
kill %1 %2
END1
	is_conch && assert_line --partial 'jobs: %sl: ambiguous job spec'
	assert_line --partial 'jobs: %9: no such job'
	assert_line --partial 'fg: %9: no such job'
	assert_line --partial 'kill: %9: no such job'
	[ "$(grep -c '^st=1$' <<<"$output")" -eq 5 ]
}

@test "kill -STOP stops a job; wait on it returns 147 at once; kill ends it" {
	run timeout 10 "$CONCH" -c '
set -m
sleep 100 &
kill -STOP %1
sleep 0.2
jobs
jobs -l | sed "s/$!/PID/"
wait %1; echo "wait=$?"
kill %1
sleep 0.2
jobs'
	assert_output - <<'END2'
[1]+  Stopped                 sleep 100
[1]+  PID Stopped (signal)        sleep 100
wait=147
[1]+  Terminated              sleep 100
END2
}

@test "kill -TTIN and -TTOU: the long listing names the signal" {
	run timeout 10 "$CONCH" -c '
set -m
sleep 100 &
sleep 100 &
kill -TTIN %1; kill -TTOU %2
sleep 0.2
jobs -l | sed "s/ [0-9][0-9]* / PID /"
kill %1 %2'
	assert_output - <<'END2'
[1]-  PID Stopped (tty input)     sleep 100
[2]+  PID Stopped (tty output)    sleep 100
END2
}

@test "bg resumes a stopped job; bg of a running job says so" {
	run timeout 10 "$CONCH" -c '
set -m
sleep 100 &
kill -STOP %1
sleep 0.1
bg %1; echo "bg=$?"
bg %1; echo "bg2=$?"
jobs
kill %1' 2>&1
	assert_output - <<'END2'
[1]+ sleep 100 &
bg=0
conch: -c:7: bg: job 1 already in background
bg2=0
[1]+  Running                 sleep 100 &
END2
}

@test "fg waits for a job and takes its status; a job that stops itself" {
	run timeout 10 "$CONCH" -c '
set -m
sleep 0.2 &
fg %1; echo "fg=$?"
sh -c "kill -STOP \$\$; exit 4" &
sleep 0.2
jobs
fg; echo "fg=$?"'
	assert_output - <<'END2'
sleep 0.2
fg=0
[1]+  Stopped                 sh -c "kill -STOP \$\$; exit 4"
sh -c "kill -STOP \$\$; exit 4"
fg=4
END2
}

@test "fg and bg without job control: no job control, status 1" {
	run conch -c 'sleep 0.1 & fg; echo "fg=$?"; bg; echo "bg=$?"'
	assert_line --partial 'fg: no job control'
	assert_line --partial 'bg: no job control'
	assert_line 'fg=1'
	assert_line 'bg=1'
}

@test "disown removes a job from the table; the process goes on" {
	run timeout 10 "$CONCH" -c '
set -m
sleep 100 &
p=$!
disown %1; echo "d=$?"
jobs; echo listed
kill -0 $p && echo alive
kill $p
disown %1; echo "d=$?"'
	assert_line 'd=0'
	assert_line 'listed'
	assert_line 'alive'
	assert_line --partial 'disown: %1: no such job'
	assert_line 'd=1'
	refute_line --partial 'Running'
}

@test "wait and \$! work for jobs started before and after a job stops" {
	run timeout 10 "$CONCH" -c '
set -m
sh -c "exit 5" & a=$!
sleep 100 &
kill -STOP %2
sh -c "exit 6" & b=$!
wait $a; echo "a=$?"
wait $b; echo "b=$?"
kill %2
wait %2; echo "stopped-then-killed=$?"'
	assert_output - <<'END2'
a=5
b=6
stopped-then-killed=143
END2
}

@test "wait \$! still returns a job's status after jobs reported it" {
	run timeout 10 "$CONCH" -c '
sh -c "exit 7" &
sleep 0.2
jobs
wait $!; echo "w=$?"
wait $!; echo "again=$?"'
	assert_output - <<'END2'
[1]+  Exit 7                  sh -c "exit 7"
w=7
again=127
END2
}

@test "set -m: a pipeline of external commands and thread stages is one job" {
	run timeout 10 "$CONCH" -c '
set -m
n=0
seq 5 | while read x; do n=$((n+x)); done
echo "n=$n"
seq 3 | { read a; read b; echo "$a$b"; } | cat
echo "st=$?"'
	assert_output - <<'END2'
n=15
12
st=0
END2
}

# --- at the prompt (tmux) --------------------------------------------------

@test "Ctrl-Z stops sleep; jobs, bg, fg, Ctrl-C" {
	tty_start
	tty_run 'sleep 100'
	sleep 0.3
	tty_type C-z
	tty_wait '[1]+  Stopped                 sleep 100'
	tty_run 'jobs'
	tty_wait_count '[1]+  Stopped                 sleep 100' 2
	tty_run 'bg'
	tty_wait '[1]+ sleep 100 &'
	tty_run 'jobs'
	tty_wait '[1]+  Running                 sleep 100 &'
	tty_run 'fg'
	tty_wait_count 'sleep 100' 6
	sleep 0.3
	tty_type C-c
	tty_run 'echo "st=$?"'
	tty_wait 'st=130'
	tty_run 'jobs; echo none-left'
	tty_wait 'none-left'
	run tty_screen
	refute_line --partial 'Done'
}

@test "Ctrl-Z on a pipeline with a thread stage keeps its variables; fg resumes it" {
	tty_start
	tty_run 'n=0; yes | while read x; do n=$((n+1)); done'
	sleep 0.5
	tty_type C-z
	tty_wait 'Stopped                 yes | while read x'
	tty_run 'a=$n; sleep 0.3; [ "$n" -eq "$a" ] && [ "$n" -gt 0 ] && echo parked'
	tty_wait 'parked'
	tty_run 'fg'
	sleep 0.5
	tty_type C-c
	tty_run 'echo "st=$? grew=$((n > a))"'
	tty_wait 'st=130 grew=1'
}

@test "Ctrl-C and Ctrl-Z on a shell loop with no process in it" {
	tty_start
	tty_run 'echo | while :; do :; done'
	sleep 0.3
	tty_type C-z
	tty_wait '[1]+  Stopped                 echo | while :; do :; done'
	tty_run 'fg'
	sleep 0.3
	tty_type C-c
	tty_run 'echo "st=$?"; jobs; echo listed'
	tty_wait 'listed'
	run tty_screen
	assert_line 'st=130'
	refute_line --partial 'Running'
}

@test "Ctrl-C at the prompt does not reach the program of a thread job" {
	tty_start
	tty_run 'g() { sleep 1; echo "sleep ended: $?"; }; thread g'
	sleep 0.3
	tty_type C-c
	tty_wait 'sleep ended: 0'
}

@test "fg of a thread job: its program has the terminal; Ctrl-C stops the thread" {
	tty_start
	tty_run 'g() { while :; do sleep 1; done; }; thread g; fg'
	sleep 0.5
	tty_type C-c
	tty_run 'echo "st=$?"; jobs; echo listed'
	tty_wait 'listed'
	run tty_screen
	assert_line 'st=130'
	refute_line --partial 'Running'
}

@test "Ctrl-Z on a thread job in the foreground puts it back in the background" {
	tty_start
	tty_run 'g() { while :; do sleep 1; done; }; thread g; fg'
	sleep 0.5
	tty_type C-z
	tty_wait '[1]+ thread g &'
	tty_run 'echo "st=$?"; jobs'
	tty_wait '[1]+  Running                 thread g &'
	tty_run 'kill %1; wait %1; echo "w=$?"'
	tty_wait 'w=143'
	run tty_screen
	assert_line 'st=148'
}

@test "kill %1 ends a stopped pipeline job" {
	tty_start
	tty_run 'while :; do :; done | cat'
	sleep 0.3
	tty_type C-z
	tty_wait 'Stopped'
	tty_run 'kill %1'
	tty_run 'echo next'
	tty_wait '[1]+  Terminated              while :; do :; done | cat'
}

@test "a background job's end is reported before the next prompt" {
	tty_start
	tty_run 'sleep 0.2 &'
	tty_wait '[1] '
	sleep 0.5
	tty_type Enter
	tty_wait '[1]+  Done                    sleep 0.2'
}

@test "exit with stopped jobs warns once; the second exit ends the shell and the job" {
	tty_start
	tty_run 'sleep 101'
	sleep 0.3
	tty_type C-z
	tty_wait 'Stopped'
	local pid
	pid=$(pgrep -f '^sleep 101$' -P "$(tty_pid)")
	[ -n "$pid" ]
	tty_run 'exit'
	tty_wait 'There are stopped jobs.'
	tty_dead && false
	tty_run 'exit'
	for i in $(seq 50); do tty_dead && break; sleep 0.1; done
	tty_dead
	for i in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	run kill -0 "$pid"
	assert_failure
}

@test "SIGHUP to the shell hangs up its jobs and saves the history" {
	tty_start
	tty_run 'sleep 102 &'
	tty_wait '[1] '
	tty_run 'sleep 103'
	sleep 0.3
	tty_type C-z
	tty_wait 'Stopped'
	local shell a b
	shell=$(tty_pid)
	a=$(pgrep -f '^sleep 102$' -P "$shell")
	b=$(pgrep -f '^sleep 103$' -P "$shell")
	[ -n "$a" ] && [ -n "$b" ]
	kill -HUP "$shell"
	for i in $(seq 50); do tty_dead && break; sleep 0.1; done
	tty_dead
	for i in $(seq 50); do kill -0 "$a" 2>/dev/null || kill -0 "$b" 2>/dev/null || break; sleep 0.1; done
	run kill -0 "$a"
	assert_failure
	run kill -0 "$b"
	assert_failure
	grep -qx 'sleep 103' "$HOME/.conch_history"
}

@test "terminal modes are unchanged after less is stopped and resumed" {
	command -v less >/dev/null || skip "less is not installed (./bootstrap installs it)"
	tty_start
	seq 200 > "$BATS_TEST_TMPDIR/lines"
	tty_run "cd $BATS_TEST_TMPDIR"
	tty_run 'stty -g > before'
	tty_run 'less lines'
	tty_wait '10'
	tty_type C-z
	tty_wait 'Stopped'
	tty_run 'stty -g > stopped'
	tty_run 'fg'
	tty_wait '20'
	tty_type q
	tty_run 'stty -g > after; cmp before stopped && cmp before after && echo same-modes'
	tty_wait 'same-modes'
}

@test "set -b reports a finished job at once, while a line is being typed" {
	tty_start
	tty_run 'set -b; sleep 0.3 &'
	tty_wait '[1] '
	tty_type -l 'echo half-typed'
	tty_wait '[1]+  Done                    sleep 0.3'
	# the line being edited is drawn again below the report, and still runs
	tty_type Enter
	tty_wait_count 'half-typed' 3
}

@test "without set -b, the report waits for the next prompt" {
	tty_start
	tty_run 'sleep 0.3 &'
	tty_wait '[1] '
	sleep 0.8
	run tty_screen
	refute_output --partial 'Done'
	tty_type Enter
	tty_wait '[1]+  Done                    sleep 0.3'
}
