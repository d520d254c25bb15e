#!/usr/bin/env bats
# builtin-umask.bats: the umask builtin (octal and symbolic, -S)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "umask prints the mask as four octal digits" {
	run conch -c 'umask 022; umask'
	assert_success
	assert_output '0022'
}

@test "umask: the inherited mask is printed" {
	run sh -c 'umask 027; exec "$CONCH" -c umask'
	assert_output '0027'
}

@test "umask OCTAL sets the mask" {
	run conch -c 'umask 077; umask; umask 0; umask'
	assert_output $'0077\n0000'
}

@test "umask: short octal numbers are accepted" {
	run conch -c 'umask 22; umask; umask 7; umask'
	assert_output $'0022\n0007'
}

@test "umask -S prints the symbolic form" {
	run conch -c 'umask 022; umask -S'
	assert_output 'u=rwx,g=rx,o=rx'
}

@test "umask -S for 077, 0 and 777" {
	run conch -c 'umask 077; umask -S; umask 0; umask -S; umask 777; umask -S'
	assert_output $'u=rwx,g=,o=\nu=rwx,g=rwx,o=rwx\nu=,g=,o='
}

@test "umask g-w: removing a permission that is already masked changes nothing" {
	run conch -c 'umask 022; umask g-w; umask'
	assert_output '0022'
}

@test "umask g+w: allows group write" {
	run conch -c 'umask 022; umask g+w; umask'
	assert_output '0002'
}

@test "umask o-r: masks other read" {
	run conch -c 'umask 022; umask o-r; umask'
	assert_output '0026'
}

@test "umask u=rwx,g=rx,o=: sets all classes" {
	run conch -c 'umask 022; umask u=rwx,g=rx,o=; umask'
	assert_output '0027'
}

@test "umask a=r: all classes" {
	run conch -c 'umask 022; umask a=r; umask'
	assert_output '0333'
}

@test "umask u-w,g+w: several clauses" {
	run conch -c 'umask 022; umask u-w,g+w; umask'
	assert_output '0202'
}

@test "umask: new files get the mask" {
	run conch -c 'umask 027; : > f; mkdir d; ls -ld f d | cut -c1-10'
	assert_output $'drwxr-x---\n-rw-r-----'
}

@test "umask: the mask is inherited by children" {
	run conch -c 'umask 077; sh -c umask'
	assert_output '0077'
}

@test "umask in a subshell does not change the parent" {
	run conch -c 'umask 022; (umask 077); umask'
	assert_output '0022'
}

@test "umask: the output of umask -S can be fed back" {
	run conch -c 'umask 027; m=$(umask -S); umask 0; umask "$m"; umask'
	assert_output '0027'
}

@test "umask: a digit that is not octal is an error, the mask is kept" {
	run --separate-stderr conch -c 'umask 022; umask 8; echo "failed=$(( $? != 0 ))"; umask'
	assert_output $'failed=1\n0022'
	[ -n "$stderr" ]
}

@test "umask: an invalid symbolic mode is an error, the mask is kept" {
	run --separate-stderr conch -c 'umask 022; umask xyz; echo "failed=$(( $? != 0 ))"; umask'
	assert_output $'failed=1\n0022'
	[ -n "$stderr" ]
}
