#!/usr/bin/env bats
# builtin-set.bats: the set special builtin (positional parameters, options,
# listing variables)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "set -- ARGS sets the positional parameters" {
	run conch -c 'set -- a b c; echo "$# $2"'
	assert_success
	assert_output '3 b'
}

@test "set ARGS without -- also sets them" {
	run conch -c 'set a b; echo "$# $*"'
	assert_output '2 a b'
}

@test "set -- with no arguments clears them" {
	run conch -c 'set -- a b; set --; echo $#'
	assert_output '0'
}

@test "set --: an argument that looks like an option is a parameter" {
	run conch -c 'set -- -x; echo "$1"'
	assert_output '-x'
}

@test "set -- keeps quoted arguments whole" {
	run conch -c 'set -- "a b" c; echo $#; echo "$1"'
	assert_output $'2\na b'
}

@test "set -- \"\$@\" keeps the parameters" {
	run conch -c 'set -- "a b" "" c; set -- "$@"; echo $#'
	assert_output '3'
}

@test "set with options only keeps the positional parameters" {
	run conch -c 'set -- a; set -e; echo $1; set +e'
	assert_output 'a'
}

@test "set lists variables quoted for reuse: x='a b'" {
	run conch -c 'x="a b"; set'
	assert_success
	assert_line "x='a b'"
}

@test "set lists an empty variable as x=''" {
	run conch -c 'x=; set'
	assert_line "x=''"
}

@test "set: the listing can be evaluated back" {
	run conch -c "x=\"it's \\\$a\"; saved=\$(set | grep '^x='); unset x; eval \"\$saved\"; printf '%s\n' \"\$x\""
	assert_output "it's \$a"
}

@test "set: the listing is sorted" {
	run conch -c 'zz1=1; aa1=2; set | grep -E "^(aa1|zz1)="'
	assert_output $'aa1=\'2\'\nzz1=\'1\''
}

@test "set -o: lists options with on/off" {
	run conch -c 'set -f; set -o'
	assert_line --regexp '^noglob[[:space:]]+on$'
	assert_line --regexp '^errexit[[:space:]]+off$'
}

@test "set +o: lists options as commands that restore them" {
	run conch -c 'set -f; set +o'
	assert_line 'set -o noglob'
	assert_line 'set +o errexit'
}

@test "set +o output restores the options when evaluated" {
	run conch -c 'set -f; saved=$(set +o); set +f; eval "$saved"; case $- in *f*) echo restored;; esac'
	assert_output 'restored'
}

@test "set -o NAME and +o NAME turn an option on and off" {
	run conch -c 'set -o noglob; case $- in *f*) echo on;; esac; echo /*; set +o noglob; case $- in *f*) echo still;; *) echo off;; esac'
	assert_output $'on\n/*\noff'
}

@test "\$- lists the single-letter options that are on" {
	run conch -c 'set -a; set -f; set -u; case $- in *a*) echo a;; esac; case $- in *f*) echo f;; esac; case $- in *u*) echo u;; esac'
	assert_output $'a\nf\nu'
}

@test "set -e: a failing command exits the shell" {
	run conch -c 'set -e; false; echo no'
	assert_failure 1
	assert_output ''
}

@test "set +e: turns errexit off again" {
	run conch -c 'set -e; set +e; false; echo survived'
	assert_output 'survived'
}

@test "set -o errexit is set -e" {
	run conch -c 'set -o errexit; case $- in *e*) echo on;; esac; false; echo no'
	assert_failure
	assert_output 'on'
}

@test "set -u: expanding an unset variable is an error that exits" {
	run --separate-stderr conch -c 'set -u; echo $nope; echo no'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "set -u: \${x-default} is still allowed" {
	run conch -c 'set -u; echo "${nope-default}"'
	assert_output 'default'
}

@test "set -f: no pathname expansion" {
	touch a1 a2
	run conch -c 'set -f; echo a*; set +f; echo a*'
	assert_output $'a*\na1 a2'
}

@test "set -C: > does not overwrite an existing file, >| does" {
	run --separate-stderr conch -c 'set -C; echo a > f; echo b > f; echo "failed=$(( $? != 0 ))"; echo c >| f; cat f'
	assert_output $'failed=1\nc'
	[ -n "$stderr" ]
}

@test "set -o noclobber is set -C" {
	run --separate-stderr conch -c 'set -o noclobber; echo a > f; echo b > f; cat f'
	assert_output 'a'
}

@test "set -a: assigned variables are exported" {
	run conch -c 'set -a; x=1; sh -c "echo \$x"'
	assert_output '1'
}

@test "set -n: commands are read but not run" {
	run conch -c 'set -n; echo no'
	assert_success
	assert_output ''
}

@test "set -x: traces commands on stderr" {
	run --separate-stderr conch -c 'set -x; echo hi'
	assert_output 'hi'
	assert_equal "$stderr" '+ echo hi'
}

@test "set -x: the trace shows the expanded words" {
	run --separate-stderr conch -c 'x=val; set -x; echo $x; set +x; echo off'
	assert_output $'val\noff'
	assert_equal "$stderr" $'+ echo val\n+ set +x'
}

@test "set -v: prints input lines on stderr as they are read" {
	printf 'set -v\necho hi\n' > v.sh
	run --separate-stderr conch v.sh
	assert_output 'hi'
	assert_equal "$stderr" 'echo hi'
}

@test "set -o pipefail: a failing stage fails the pipeline" {
	is_conch || skip "conch-specific: pipefail (POSIX 2024; the dash under test lacks it)"
	run conch -c 'set -o pipefail; false | true; echo $?; set +o pipefail; false | true; echo $?'
	assert_output $'1\n0'
}

@test "set: an unknown option is an error and the shell exits" {
	run --separate-stderr conch -c 'set -Q; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "set -o: an unknown option name is an error" {
	run --separate-stderr conch -c 'set -o bogus_option; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "set: options set in a subshell do not affect the parent" {
	run conch -c '(set -f); case $- in *f*) echo leaked;; *) echo off;; esac; (set -- x); echo $#'
	assert_output $'off\n0'
}

@test "set - and set + alone leave the positional parameters (dash, bash)" {
	run conch -c 'set -- a; set -; echo $# $1; set +; echo $# $1; exec 2>/dev/null; set -x; set -; echo $-; set - b c; echo $# $1'
	assert_output $'1 a\n1 a\n\n2 b'
}

@test "set -u: \${x=word} and \${x:=word} assign instead of failing" {
	run conch -c 'set -u; echo ${u=1} ${v:=2}; echo $u $v; : ${w:=3}; echo $w'
	assert_success
	assert_output $'1 2\n1 2\n3'
}

@test "set -u: other expansions of an unset name still end the shell" {
	run conch -c 'set -u; echo ${nope}; echo after'
	assert_failure 2
	assert_output --partial 'nope: parameter not set'
	refute_output --partial after
	run conch -c 'set -u; echo ${#nope}; echo after'
	assert_failure 2
	refute_output --partial after
}
