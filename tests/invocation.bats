#!/usr/bin/env bats
# invocation.bats: how the shell is started (sh utility: -c, -s, script files, stdin)

load helpers/common
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "-c runs the command string" {
	run conch -c 'echo hello; echo world'
	assert_success
	assert_output $'hello\nworld'
}

@test "-c with name and args sets \$0 and positional parameters" {
	run conch -c 'echo "$0|$#|$1|$2"' myname a 'b c'
	assert_output 'myname|2|a|b c'
}

@test "-c status is the last command's" {
	run conch -c 'exit 3'
	assert_failure 3
	run conch -c 'true; false'
	assert_failure 1
}

@test "-c with an empty string succeeds" {
	run conch -c ''
	assert_success
	assert_output ''
}

@test "-c without an argument is an error" {
	run --separate-stderr conch -c
	assert_failure 2
}

@test "script file with arguments" {
	printf 'echo "$0 $# $1 $2"\n' > s.sh
	run conch s.sh a 'b c'
	assert_output 's.sh 2 a b c'
}

@test "script file status is its last command's" {
	printf 'echo x\n(exit 6)\n' > s.sh
	run conch s.sh
	assert_failure 6
	assert_output 'x'
}

@test "script file with only comments and blank lines: status 0" {
	printf '# nothing\n\n   # here\n' > s.sh
	run conch s.sh
	assert_success
	assert_output ''
}

@test "script file without a trailing newline" {
	printf 'echo last' > s.sh
	run conch s.sh
	assert_output 'last'
}

@test "-s with args reads the script from stdin" {
	run conch -s a b <<< 'echo "$# $1 $2"'
	assert_output '2 a b'
}

@test "script from stdin when it is not a terminal" {
	run bash -c 'echo "echo hi; echo \$#" | "$CONCH"'
	assert_output $'hi\n0'
}

@test "script from stdin: a command reading stdin gets the next line" {
	is_conch || skip "conch-specific (dash 0.5.12 reads ahead; POSIX and bash do not)"
	run bash -c 'printf "read line\nDATA\necho \"got:\$line\"\n" | "$CONCH"'
	assert_output 'got:DATA'
}

@test "nonexistent script file: failure and a message naming it" {
	run --separate-stderr conch ./no_such_script.sh
	assert_failure
	assert_output ''
	[[ $stderr == *no_such_script.sh* ]]
}

@test "nonexistent script file: status 127 (POSIX; dash gives 2)" {
	is_conch || skip "conch-specific (dash 0.5.12 exits 2; POSIX and bash say 127)"
	run --separate-stderr conch ./no_such_script.sh
	assert_failure 127
}

@test "-e given on the command line" {
	run conch -e -c 'false; echo no'
	assert_failure 1
	assert_output ''
}

@test "-x given on the command line" {
	run --separate-stderr conch -x -c 'echo t'
	assert_output 't'
	assert_equal "$stderr" '+ echo t'
}

@test "-e given to a script file" {
	printf 'echo a\nfalse\necho b\n' > s.sh
	run conch -e s.sh
	assert_failure 1
	assert_output 'a'
}

@test "+e on the command line leaves errexit off" {
	run conch +e -c 'false; echo yes'
	assert_output 'yes'
}

@test "-o option on the command line" {
	touch g1
	run conch -o noglob -c 'echo g*'
	assert_output 'g*'
}

@test "combined flags -ec" {
	run conch -ec 'false; echo no'
	assert_failure 1
	assert_output ''
}

@test "script gets positional parameters, not the shell's options" {
	printf 'for a; do echo "[$a]"; done\n' > s.sh
	run conch s.sh -x '-y z'
	assert_output $'[-x]\n[-y z]'
}

@test "environment variables are visible as shell variables" {
	run env FOO_ZZ=from-env "$CONCH" -c 'echo $FOO_ZZ'
	assert_output 'from-env'
}

@test "imported variables are exported to children" {
	run env FOO_ZZ=passed "$CONCH" -c 'sh -c "echo \$FOO_ZZ"'
	assert_output 'passed'
}

@test "--version prints a first line starting with 'conch '" {
	is_conch || skip "conch-specific"
	run conch --version
	assert_success
	[[ ${lines[0]} == "conch "* ]]
}

@test "--help prints usage and succeeds" {
	is_conch || skip "conch-specific"
	run conch --help
	assert_success
	assert_output --partial 'conch'
	assert_output --partial '-c'
}

@test "a script file is run with sh-compatible semantics when given by path" {
	printf 'x=1\nf() { echo "f$x"; }\nf\n' > s.sh
	run conch ./s.sh
	assert_output 'f1'
}

@test "dot-sourced file runs in the current shell" {
	printf 'x=sourced\n' > inc.sh
	run conch -c '. ./inc.sh; echo $x'
	assert_output 'sourced'
}

@test "a lone - ends the options and is ignored (POSIX sh)" {
	run bash -c "echo 'echo from stdin \$#' | '$CONCH' -"
	assert_output 'from stdin 0'
	printf 'echo script $1\n' > "$BATS_TEST_TMPDIR/s.sh"
	run conch - "$BATS_TEST_TMPDIR/s.sh" arg
	assert_output 'script arg'
	run conch -c -- 'echo $0 $1' zero one
	assert_output 'zero one'
}

@test "PWD is exported at start-up and PATH gets a default when the environment has none (dash)" {
	run env -i "$CONCH" -c 'echo "$PATH"; env | grep "^PATH=" || echo "PATH not exported"; cd /tmp && env | grep "^PWD="'
	assert_output $'/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPATH not exported\nPWD=/tmp'
}
