#!/usr/bin/env bats
# builtin-cd.bats: the cd builtin (POSIX cd: -L, -P, -, CDPATH, PWD, OLDPWD)
bats_require_minimum_version 1.5.0
load helpers/common

# A tree under a physical (symlink-free) base:
#   $B/real/sub   $B/link -> real   $B/deep -> real/sub   $B/cp/dd   $B/file
setup() {
	B=$(cd -P "$BATS_TEST_TMPDIR" && pwd -P)
	mkdir -p "$B/real/sub" "$B/cp/dd"
	ln -s real "$B/link"
	ln -s real/sub "$B/deep"
	: > "$B/file"
	cd "$B"
	unset CDPATH
	export B
}

@test "cd DIR: changes directory, pwd and PWD follow" {
	run conch -c 'cd real; pwd; echo "$PWD"'
	assert_success
	assert_output "$B/real"$'\n'"$B/real"
}

@test "cd: sets OLDPWD to the previous directory" {
	run conch -c 'cd real; echo "$OLDPWD"'
	assert_output "$B"
}

@test "cd with an absolute path" {
	run conch -c 'cd "$B/real/sub" && pwd'
	assert_success
	assert_output "$B/real/sub"
}

@test "cd with a trailing slash" {
	run conch -c 'cd real/; pwd'
	assert_output "$B/real"
}

@test "cd ..: goes to the parent" {
	run conch -c 'cd real/sub; cd ..; pwd'
	assert_output "$B/real"
}

@test "cd with no operand goes to HOME" {
	run conch -c 'HOME=$B/real; cd; pwd'
	assert_success
	assert_output "$B/real"
}

@test "cd -: goes to OLDPWD and prints the new directory" {
	run conch -c 'cd real; cd sub; cd -; echo "s=$?"; pwd'
	assert_success
	assert_output "$B/real"$'\n'"s=0"$'\n'"$B/real"
}

@test "cd -: swaps PWD and OLDPWD" {
	run conch -c 'cd real; cd - >/dev/null; echo "$PWD $OLDPWD"'
	assert_output "$B $B/real"
}

@test "cd: a nonexistent directory fails, prints a message and stays" {
	run --separate-stderr conch -c 'cd nonexistent; echo "failed=$(( $? != 0 ))"; pwd'
	assert_success
	assert_output "failed=1"$'\n'"$B"
	[ -n "$stderr" ]
}

@test "cd: failure is not fatal (cd is a regular builtin)" {
	run --separate-stderr conch -c 'cd nonexistent || echo still here'
	assert_output 'still here'
}

@test "cd: a regular file is not a directory: failure" {
	run --separate-stderr conch -c 'cd file'
	assert_failure
	[ -n "$stderr" ]
}

@test "cd: a directory without search permission fails" {
	[ "$(id -u)" != 0 ] || skip "root ignores permissions"
	mkdir locked && chmod 000 locked
	run --separate-stderr conch -c 'cd locked'
	chmod 755 locked
	assert_failure
	[ -n "$stderr" ]
}

@test "cd: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'cd -x; echo $?'
	assert_output '2'
	[ -n "$stderr" ]
}

@test "cd in a subshell does not change the parent's directory" {
	run conch -c '(cd real; pwd); pwd'
	assert_output "$B/real"$'\n'"$B"
}

@test "cd: the new directory is seen by external commands" {
	run conch -c 'cd real/sub && /bin/pwd -P'
	assert_output "$B/real/sub"
}

@test "cd: PWD is exported to children" {
	run conch -c 'cd real && sh -c "echo \$PWD"'
	assert_output "$B/real"
}

@test "cd -L (the default) keeps the symlink in PWD" {
	run conch -c 'cd link; pwd; echo "$PWD"; cd -L "$B/link"; pwd'
	assert_output "$B/link"$'\n'"$B/link"$'\n'"$B/link"
}

@test "cd -P resolves symlinks in PWD" {
	run conch -c 'cd -P link; pwd; echo "$PWD"'
	assert_success
	assert_output "$B/real"$'\n'"$B/real"
}

@test "cd -L: .. removes the last logical component" {
	run conch -c 'cd deep; cd ..; pwd'
	assert_output "$B"
}

@test "cd -P: .. is the physical parent" {
	run conch -c 'cd -P deep; cd ..; pwd'
	assert_output "$B/real"
}

@test "cd -L with link/.. is resolved textually" {
	run conch -c 'cd -L deep/..; pwd'
	assert_output "$B"
}

@test "cd -P with link/.. is resolved physically" {
	run conch -c 'cd -P deep/..; pwd'
	assert_output "$B/real"
}

@test "cd: the last of -L and -P wins" {
	run conch -c 'cd -L -P deep; pwd; cd "$B"; cd -P -L deep; pwd'
	assert_output "$B/real/sub"$'\n'"$B/deep"
}

@test "cd: dot and dot-dot components in a logical path are cleaned" {
	run conch -c 'cd real/../link/./; pwd'
	assert_output "$B/link"
}

@test "cd: CDPATH finds the directory and prints the new directory" {
	run conch -c 'cd /; CDPATH=$B/cp; cd dd; echo "s=$?"; pwd'
	assert_success
	assert_output "$B/cp/dd"$'\n'"s=0"$'\n'"$B/cp/dd"
}

@test "cd: CDPATH is not used for paths starting with ./" {
	run --separate-stderr conch -c 'CDPATH=$B/cp; cd ./dd'
	assert_failure
	[ -n "$stderr" ]
}

@test "cd: CDPATH is not used for absolute paths" {
	run conch -c 'CDPATH=$B/cp; cd "$B/real"; pwd'
	assert_output "$B/real"
}

@test "cd: an empty CDPATH entry means the current directory and prints nothing" {
	run conch -c 'CDPATH=:$B/cp; cd real; echo "s=$?"; pwd'
	assert_output "s=0"$'\n'"$B/real"
}

@test "cd: CDPATH entries are tried in order" {
	mkdir -p a/x b/x
	run conch -c 'CDPATH=$B/b:$B/a; cd x'
	assert_success
	assert_output "$B/b/x"
}
