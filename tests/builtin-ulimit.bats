#!/usr/bin/env bats
# builtin-ulimit.bats: the ulimit builtin (-f, -n, -a, -H, -S)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "ulimit -n prints the open files limit of the process" {
	expected=$(ulimit -n)
	run conch -c 'ulimit -n'
	assert_success
	assert_output "$expected"
}

@test "ulimit -f prints the file size limit" {
	expected=$(ulimit -f)
	run conch -c 'ulimit -f'
	assert_output "$expected"
}

@test "ulimit with no option is ulimit -f" {
	run conch -c 'ulimit -f 1000; ulimit'
	assert_output '1000'
}

@test "ulimit -f N sets the limit" {
	run conch -c 'ulimit -f 1000; echo $?; ulimit -f'
	assert_output $'0\n1000'
}

@test "ulimit -f: the limit is in 512-byte blocks and is enforced on children" {
	run --separate-stderr conch -c '(ulimit -f 1; head -c 4096 /dev/zero > big); echo $?; wc -c < big'
	assert_output --regexp $'^153\n *512$'
}

@test "ulimit: without -H or -S both limits are set" {
	run conch -c 'ulimit -n 100; ulimit -S -n; ulimit -H -n'
	assert_output $'100\n100'
}

@test "ulimit -S: sets only the soft limit" {
	hard=$(ulimit -H -n)
	run conch -c 'ulimit -S -n 50; ulimit -n; ulimit -H -n'
	assert_output "50"$'\n'"$hard"
}

@test "ulimit -H and -S print the hard and soft limits" {
	hard=$(ulimit -H -n) soft=$(ulimit -S -n)
	run conch -c 'ulimit -H -n; ulimit -S -n'
	assert_output "$hard"$'\n'"$soft"
}

@test "ulimit: the soft limit can be raised back up to the hard limit" {
	[ "$(ulimit -H -f)" = unlimited ] || skip "the hard file size limit is not unlimited"
	run conch -c 'ulimit -S -f 100; ulimit -S -f unlimited; ulimit -f'
	assert_output 'unlimited'
}

@test "ulimit: a hard limit cannot be raised again" {
	[ "$(id -u)" != 0 ] || skip "root may raise hard limits"
	run --separate-stderr conch -c 'ulimit -H -n 100; ulimit -H -n 200; echo "failed=$(( $? != 0 ))"; ulimit -H -n'
	assert_output $'failed=1\n100'
	[ -n "$stderr" ]
}

@test "ulimit: the limit is inherited by children" {
	run conch -c 'ulimit -f 1000; sh -c "ulimit -f"'
	assert_output '1000'
}

@test "ulimit in a subshell does not change the parent" {
	run conch -c 'ulimit -f 1000; (ulimit -f 500); ulimit -f'
	assert_output '1000'
}

@test "ulimit -a lists several limits, including the open files one" {
	n=$(ulimit -n)
	run conch -c 'ulimit -a'
	assert_success
	[ "${#lines[@]}" -ge 5 ]
	assert_line --regexp "[[:space:]]$n\$"
}

@test "ulimit -c 0 disables core files" {
	run conch -c 'ulimit -c 0; ulimit -c'
	assert_output '0'
}

@test "ulimit: a bad number is an error" {
	run --separate-stderr conch -c 'ulimit -n abc; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "ulimit: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'ulimit -Q; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}
