#!/usr/bin/env bats
# builtin-hash.bats: the hash builtin (remembered command locations, -r)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	B=$(cd -P "$BATS_TEST_TMPDIR" && pwd -P)
	mkdir -p "$B/d0" "$B/d1"
	printf '#!/bin/sh\necho one\n' > "$B/d1/myc"
	chmod +x "$B/d1/myc"
	export B
}

@test "hash with nothing remembered prints nothing" {
	run --separate-stderr conch -c 'hash; echo $?'
	assert_success
	assert_output '0'
}

@test "hash NAME remembers the command: the listing contains its path" {
	run --separate-stderr conch -c 'PATH=$B/d0:$B/d1:$PATH; hash myc; echo $?; hash'
	assert_success
	assert_line '0'
	assert_output --partial "$B/d1/myc"
}

@test "hash: running a command remembers it" {
	run --separate-stderr conch -c 'PATH=$B/d0:$B/d1:$PATH; myc >/dev/null; hash'
	assert_output --partial "$B/d1/myc"
}

@test "hash -r forgets everything" {
	run --separate-stderr conch -c 'PATH=$B/d0:$B/d1:$PATH; hash myc; hash -r; echo $?; hash'
	assert_success
	assert_output '0'
}

@test "hash: a remembered location is used until hash -r" {
	run conch -c 'PATH=$B/d0:$B/d1:$PATH; myc
printf "#!/bin/sh\necho zero\n" > "$B/d0/myc"; chmod +x "$B/d0/myc"
myc; hash -r; myc'
	assert_output $'one\none\nzero'
}

@test "hash: assigning PATH forgets remembered locations" {
	run --separate-stderr conch -c 'PATH=$B/d0:$B/d1:$PATH; hash myc; PATH=$PATH; hash'
	assert_output ''
}

@test "hash: builtins are not listed" {
	run --separate-stderr conch -c 'hash echo; echo $?; hash'
	assert_output '0'
}

@test "hash: an unknown command fails with status 1 and a message" {
	run --separate-stderr conch -c 'hash nonexistent_cmd_x; echo $?'
	assert_output '1'
	[ -n "$stderr" ]
}

@test "hash: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'hash -x; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}
