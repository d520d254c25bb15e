#!/usr/bin/env bats
# options.bats: the set special builtin's options (POSIX set -a -C -e -f -n -u -v -x, -o)

load helpers/common
bats_require_minimum_version 1.5.0

setup() {
	cd "$BATS_TEST_TMPDIR"
}

@test "set -a: assigned variables are exported" {
	run conch -c 'set -a; x=1; sh -c "echo [\$x]"'
	assert_output '[1]'
}

@test "set +a: later assignments are not exported" {
	run conch -c 'set -a; set +a; y=2; sh -c "echo [\$y]"'
	assert_output '[]'
}

@test "set -o allexport is the same as -a" {
	run conch -c 'set -o allexport; z=3; sh -c "echo [\$z]"'
	assert_output '[3]'
}

@test "set -C: > does not overwrite, >| does" {
	echo old > f
	run --separate-stderr conch -c 'set -C; echo new > f; cat f; echo newer >| f; cat f'
	assert_output $'old\nnewer'
}

@test "set -o noclobber is the same as -C" {
	echo old > f
	run --separate-stderr conch -c 'set -o noclobber; echo new > f; cat f'
	assert_output 'old'
}

@test "set -f: no pathname expansion" {
	touch a1 a2
	run conch -c 'set -f; echo a*; set +f; echo a*'
	assert_output $'a*\na1 a2'
}

@test "set -o noglob is the same as -f" {
	touch a1
	run conch -c 'set -o noglob; echo a*'
	assert_output 'a*'
}

@test "set -n: commands are read but not executed" {
	run conch -c 'set -n; echo no; exit 3'
	assert_success
	assert_output ''
}

@test "set -n: syntax is still checked" {
	run --separate-stderr conch -c 'set -n
if then'
	assert_failure 2
}

@test "set -u: unset variable is an error" {
	run --separate-stderr conch -c 'set -u; echo "$undefined_zz"; echo after'
	assert_failure
	assert_output ''
}

@test "set -v: input lines are echoed to stderr as read" {
	printf 'set -v\necho hi\nx=1 # c\n' > v.sh
	run --separate-stderr conch v.sh
	assert_output 'hi'
	assert_equal "$stderr" $'echo hi\nx=1 # c'
}

@test "set -x: trace with PS4 '+ ' to stderr" {
	run --separate-stderr conch -c 'set -x; echo hi'
	assert_output 'hi'
	assert_equal "$stderr" '+ echo hi'
}

@test "set -x: traces expanded words and assignments" {
	run --separate-stderr conch -c 'x=val; set -x; y=1; echo $x $y'
	assert_output 'val 1'
	assert_equal "$stderr" $'+ y=1\n+ echo val 1'
}

@test "set -x: PS4 can be changed" {
	run --separate-stderr conch -c 'PS4="> "; set -x; echo ps4'
	assert_output 'ps4'
	assert_equal "$stderr" '> echo ps4'
}

@test "set -x: function calls and their bodies are traced" {
	run --separate-stderr conch -c 'f() { echo in; }; set -x; f a'
	assert_output 'in'
	assert_equal "$stderr" $'+ f a\n+ echo in'
}

@test "set +x stops tracing" {
	run --separate-stderr conch -c 'set -x; set +x; echo quiet'
	assert_output 'quiet'
	assert_equal "$stderr" '+ set +x'
}

@test "set -x goes to stderr, not stdout" {
	run --separate-stderr conch -c 'set -x; true'
	assert_output ''
	assert_equal "$stderr" '+ true'
}

@test "set -o lists options with their state" {
	is_conch || skip "conch-specific (format varies between shells)"
	run conch -c 'set -e; set -o'
	assert_success
	assert_line --regexp '^errexit[[:space:]]+on$'
	assert_line --regexp '^noglob[[:space:]]+off$'
}

@test "set +o prints commands that restore the options" {
	run conch -c 'set -C; set +o'
	assert_success
	assert_line 'set -o noclobber'
	assert_line 'set +o errexit'
}

@test "set +o output can be evaluated to restore options" {
	run conch -c 'set -f; saved=$(set +o); set +f; eval "$saved"; case $- in *f*) echo restored;; esac'
	assert_output 'restored'
}

@test "\$- contains the set flags" {
	run conch -c 'set -a -u -f -C; echo $-'
	assert_success
	for c in a u f C; do
		[[ $output == *$c* ]] || fail "missing $c in \$-: $output"
	done
}

@test "\$- drops flags after set +" {
	run conch -c 'set -f; set +f; echo "[$-]"'
	refute_output --partial 'f'
}

@test "set -e given as set -o errexit" {
	run conch -c 'set -o errexit; false; echo no'
	assert_failure 1
	assert_output ''
}

@test "set -- sets positional parameters, even starting with -" {
	run conch -c 'set -- -x -y; echo $# "$1"'
	assert_output '2 -x'
}

@test "set with no options but args sets positional parameters" {
	run conch -c 'set a b c; echo $# $2'
	assert_output '3 b'
}

@test "set - turns off -x and -v and keeps args" {
	run --separate-stderr conch -c 'set -x; set - a b; echo $#'
	assert_output '2'
	assert_equal "$stderr" '+ set - a b'
}

@test "set with no arguments lists variables" {
	run conch -c 'myvar_zz="a b"; set'
	assert_line "myvar_zz='a b'"
}

@test "options given on the command line: -f" {
	touch b1
	run conch -f -c 'echo b*'
	assert_output 'b*'
}

@test "options given on the command line: -u" {
	run --separate-stderr conch -u -c 'echo $undefined_zz; echo after'
	assert_failure
	assert_output ''
}
