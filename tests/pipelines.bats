#!/usr/bin/env bats
# pipelines.bats: POSIX 2.9.2 Pipelines (and set -o pipefail)

load helpers/common
bats_require_minimum_version 1.5.0

@test "output of one command feeds the next" {
	run conch -c 'echo hello | tr a-z A-Z'
	assert_output 'HELLO'
}

@test "data through three stages" {
	run conch -c 'printf "c\na\nb\n" | sort | tr "\n" ,'
	assert_output 'a,b,c,'
}

@test "exit status is the last command's" {
	run conch -c 'false | true; echo $?; true | false; echo $?; true | (exit 7); echo $?'
	assert_output $'0\n1\n7'
}

@test "! negates the status of the whole pipeline" {
	run conch -c '! true | false; echo $?; ! false | true; echo $?'
	assert_output $'0\n1'
}

@test "pipeline with a brace-group stage" {
	run conch -c 'printf "1\n2\n" | { read a; read b; echo $((a+b)); }'
	assert_output '3'
}

@test "pipeline with a loop stage" {
	run conch -c 'seq 1 4 | while read n; do echo $((n*n)); done | tr "\n" " "'
	assert_output '1 4 9 16 '
}

@test "pipeline with a subshell and if stage" {
	run conch -c '(echo x; echo y) | if read a; then echo "got $a"; fi'
	assert_output 'got x'
}

@test "pipeline with a function stage" {
	run conch -c 'up() { tr a-z A-Z; }; echo abc | up | rev'
	assert_output 'CBA'
}

@test "reader exiting early: yes | head -n 1 returns" {
	run timeout 5 "$CONCH" -c 'yes | head -n 1; echo done'
	assert_output $'y\ndone'
}

@test "shell loop writer with early reader returns" {
	run timeout 5 "$CONCH" -c 'while :; do echo y; done | head -n 1; echo done'
	assert_output $'y\ndone'
}

@test "pipeline stages run concurrently" {
	run timeout 5 "$CONCH" -c 'printf "a\n" | { read x; echo "$x"; } | cat'
	assert_output 'a'
}

@test "newline after | continues the pipeline" {
	run conch -c 'echo a |
tr a b'
	assert_output 'b'
}

@test "stderr is not piped" {
	run --separate-stderr conch -c '{ echo out; echo err >&2; } | tr a-z A-Z'
	assert_output 'OUT'
	[ "$stderr" = err ]
}

@test "2>&1 | pipes stderr too" {
	run conch -c '{ echo out; echo err >&2; } 2>&1 | sort'
	assert_output $'err\nout'
}

@test "pipeline in an AND-OR list" {
	run conch -c 'echo a | grep -q b && echo found || echo missing'
	assert_output 'missing'
}

@test "command substitution in a stage sees the pipe as stdin" {
	run conch -c 'printf x | echo "got:$(cat)"'
	assert_output 'got:x'
}

@test "pipefail: status is the last non-zero stage" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks pipefail)"
	run conch -c 'set -o pipefail; false | true; echo $?; (exit 3) | (exit 4) | true; echo $?; true | true; echo $?'
	assert_output $'1\n4\n0'
}

@test "pipefail: ! negates the pipefail status" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks pipefail)"
	run conch -c 'set -o pipefail; ! false | true; echo $?'
	assert_output '0'
}

@test "pipefail: off again with set +o pipefail" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks pipefail)"
	run conch -c 'set -o pipefail; set +o pipefail; false | true; echo $?'
	assert_output '0'
}

@test "pipefail: writer killed by SIGPIPE counts (141)" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks pipefail)"
	run timeout 5 "$CONCH" -c 'set -o pipefail; yes | head -n 1 >/dev/null; echo $?'
	assert_output '141'
}

@test "long pipeline of cats" {
	run conch -c 'echo deep | cat | cat | cat | cat | cat | cat | cat | cat'
	assert_output 'deep'
}

@test "large data through a pipeline is intact" {
	run conch -c 'seq 1 100000 | cat | cksum'
	assert_output "$(seq 1 100000 | cksum)"
}

# F_SETPIPE_SZ is 1032 on Linux; perl (perl-base, in every Debian) asks.
@test "pipelines: a pipe between two external commands has a 1 MiB buffer, others the default" {
	run conch -c '
		sz() { perl -e "print fcntl(STDIN, 1032, 0), qq(\n)"; }
		/bin/echo x | perl -e "print fcntl(STDIN, 1032, 0), qq(\n)"
		/bin/echo x | cat | perl -e "print fcntl(STDIN, 1032, 0), qq(\n)"
		echo x | perl -e "print fcntl(STDIN, 1032, 0), qq(\n)"
		/bin/echo x | sz
		set -o forkstages
		/bin/echo x | perl -e "print fcntl(STDIN, 1032, 0), qq(\n)"'
	assert_success
	assert_output - <<'OUT'
1048576
1048576
65536
65536
65536
OUT
}

@test "pipelines: the data through big pipes arrives whole" {
	head -c 3000000 /dev/urandom > "$BATS_TEST_TMPDIR/in"
	run conch -c 'cat "$1" | cat | cat | cksum; cksum < "$1"' _ "$BATS_TEST_TMPDIR/in"
	assert_success
	[ "${lines[0]}" = "${lines[1]}" ]
}
