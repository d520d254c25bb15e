#!/usr/bin/env bats
# fds.bats: children get exactly the fds the shell was given plus what the
# script redirected, whatever ran before them (pipes, here-documents, thread
# stages, command substitutions); the shell's own fds never leak; no zombie
# is left behind.

load helpers/common

# The fds a child sees, as a sorted list (ls opens its own directory fd, which
# the listing includes).
child_fds='ls /proc/self/fd | sort -n | tr "\n" " "'

# The shell's own fds, listed by a child once the shell has settled into
# waiting for it (the shell closes a command's redirections as soon as the
# command has started, so a listing made at once may still show them).
list='sh -c "sleep 0.2; ls /proc/\$PPID/fd"'

setup() {
	# what any child of this test sees: the baseline conch's children must match
	baseline=$(ls /proc/self/fd | sort -n | tr '\n' ' ')
}

@test "a simple command gets the fds the shell was given, no more" {
	run conch -c "$child_fds"
	assert_output "$baseline"
}

@test "an external stage of a pipeline gets no other pipe" {
	run conch -c "echo | $child_fds | cat"
	assert_output "$baseline"
}

@test "a child started from a thread stage gets only the stage's fds" {
	run conch -c "echo | { read x; $child_fds; } | cat"
	assert_output "$baseline"
}

@test "a child in a command substitution gets no extra fd" {
	run conch -c "x=\$($child_fds); echo \"\$x\""
	assert_output "$baseline"
}

@test "a here-document leaves no fd behind" {
	run conch -c "cat <<E >/dev/null
hello
E
$child_fds"
	assert_output "$baseline"
}

@test "a redirected fd is passed, and only while redirected" {
	run conch -c "{ $child_fds; } 7>/dev/null; echo; $child_fds"
	assert_output "$(echo "$baseline" | tr ' ' '\n' | { cat; echo 7; } | grep . | sort -n | tr '\n' ' ')
$baseline"
}

@test "exec N> keeps the fd for later children" {
	run conch -c "exec 6>/dev/null; $child_fds"
	assert_output "$(echo "$baseline" | tr ' ' '\n' | { cat; echo 6; } | grep . | sort -n | tr '\n' ' ')"
}

@test "after 200 pipelines and substitutions the shell holds no extra fd" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c "list='$list'"'
		eval "$list" > before
		i=0; while [ $i -lt 200 ]; do echo x | read v; y=$(echo a | cat); i=$((i+1)); done
		eval "$list" > after; diff before after && echo same'
	assert_output same
}

@test "failed redirections leak no fd" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c "list='$list'"'
		eval "$list" > before
		i=0; while [ $i -lt 100 ]; do echo x 2>/dev/null > /nonexistent/f; cat 2>/dev/null < /nope; i=$((i+1)); done
		eval "$list" > after; diff before after && echo same'
	assert_output same
}

@test "no zombie remains after background jobs and pipelines" {
	run conch -c 'sleep 0.1 & true | false | true; (exit 3); x=$(true); wait
		ps -o stat= --ppid $$ | grep -c Z'
	assert_output 0
}

@test "an fd >= 10 the shell inherited stays open in subshells, exec and children" {
	cd "$BATS_TEST_TMPDIR"   # not the source tree: the file is made here
	: > inherited
	run conch -c '(readlink /proc/self/fd/12); x=$(cd /; readlink /proc/self/fd/12); echo "$x"; exec readlink /proc/self/fd/12' 12>>inherited
	assert_success
	assert_output "$PWD/inherited
$PWD/inherited
$PWD/inherited"
}
