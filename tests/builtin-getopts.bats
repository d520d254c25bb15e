#!/usr/bin/env bats
# builtin-getopts.bats: the getopts builtin (OPTIND, OPTARG, silent mode)
bats_require_minimum_version 1.5.0
load helpers/common

# The loop used by most tests: prints each option found, then the status and
# OPTIND at the end.
loop='while getopts "$spec" o; do
	case $o in
	[?:]) echo "o=$o OPTARG=${OPTARG-unset}" ;;
	*) echo "o=$o${OPTARG:+ OPTARG=$OPTARG}" ;;
	esac
done; echo "end o=$o OPTIND=$OPTIND"'

g() {
	run --separate-stderr conch -c "spec=\$1; shift; $loop" sh "$@"
}

@test "getopts: simple flags" {
	g ab -a -b x
	assert_output $'o=a\no=b\nend o=? OPTIND=3'
}

@test "getopts: an option with a separate argument" {
	g a:b -a val -b rest
	assert_output $'o=a OPTARG=val\no=b\nend o=? OPTIND=4'
}

@test "getopts: an option with an attached argument" {
	g a: -aval
	assert_output $'o=a OPTARG=val\nend o=? OPTIND=2'
}

@test "getopts: grouped flags -ab" {
	g ab -ab
	assert_output $'o=a\no=b\nend o=? OPTIND=2'
}

@test "getopts: a group ending with an option that takes the next argument" {
	g ab:c -ab 1 -c
	assert_output $'o=a\no=b OPTARG=1\no=c\nend o=? OPTIND=4'
}

@test "getopts: the argument may look like an option" {
	g a:b -a -b
	assert_output $'o=a OPTARG=-b\nend o=? OPTIND=3'
}

@test "getopts: -- ends the options and is skipped" {
	g ab -- -a
	assert_output 'end o=? OPTIND=2'
}

@test "getopts: -- after options" {
	g ab -a -- -b
	assert_output $'o=a\nend o=? OPTIND=3'
}

@test "getopts: the first operand ends the options" {
	g ab x -a
	assert_output 'end o=? OPTIND=1'
}

@test "getopts: a lone - is an operand" {
	g ab -
	assert_output 'end o=? OPTIND=1'
}

@test "getopts: no arguments at all" {
	g ab
	assert_output 'end o=? OPTIND=1'
}

@test "getopts: an unknown option gives ? and a message, OPTARG unset" {
	g ab -c
	assert_output $'o=? OPTARG=unset\nend o=? OPTIND=2'
	[ -n "$stderr" ]
}

@test "getopts: silent mode (leading :): unknown option gives ? with OPTARG set, no message" {
	g :ab -c
	assert_output $'o=? OPTARG=c\nend o=? OPTIND=2'
	[ -z "$stderr" ]
}

@test "getopts: a missing argument gives ? and a message" {
	g a: -a
	assert_output $'o=? OPTARG=unset\nend o=? OPTIND=2'
	[ -n "$stderr" ]
}

@test "getopts: silent mode: a missing argument gives : with OPTARG the option" {
	g :a: -a
	assert_output $'o=: OPTARG=a\nend o=? OPTIND=2'
	[ -z "$stderr" ]
}

@test "getopts: an empty optstring rejects every option" {
	g '' -a
	assert_output $'o=? OPTARG=unset\nend o=? OPTIND=2'
	[ -n "$stderr" ]
}

@test "getopts: mixed attached and separate arguments" {
	g a:b: -a1 -b 2 file
	assert_output $'o=a OPTARG=1\no=b OPTARG=2\nend o=? OPTIND=4'
}

@test "getopts: returns 0 per option, then 1 at the end with name set to ?" {
	run conch -c 'set -- -a -b; getopts ab o; echo "$? $o $OPTIND"; getopts ab o; echo "$? $o $OPTIND"; getopts ab o; echo "$? [$o] $OPTIND"'
	assert_output $'0 a 2\n0 b 3\n1 [?] 3'
}

@test "getopts: an unknown option still returns 0" {
	run --separate-stderr conch -c 'set -- -x; getopts a o; echo "$? [$o]"'
	assert_output '0 [?]'
}

@test "getopts: shift \$((OPTIND-1)) leaves the operands" {
	run conch -c 'set -- -a -b x y; while getopts ab o; do :; done; shift $((OPTIND-1)); echo "$*"'
	assert_output 'x y'
}

@test "getopts: OPTIND=1 restarts parsing" {
	run conch -c 'set -- -a -b; getopts ab o; getopts ab o; OPTIND=1; getopts ab o; echo "$o"'
	assert_output 'a'
}

@test "getopts: uses explicit arguments instead of the positional parameters" {
	run conch -c 'set -- -z; while getopts ab: o -a -b v; do echo "$o${OPTARG:+=$OPTARG}"; done'
	assert_output $'a\nb=v'
}

@test "getopts: an option without an argument unsets OPTARG" {
	is_conch || skip "POSIX: OPTARG unset for an option without argument; dash sets it empty (bash follows POSIX)"
	run conch -c 'set -- -a; OPTARG=old; getopts a o; echo "[$o] [${OPTARG-unset}]"'
	assert_output '[a] [unset]'
}

@test "getopts: a missing argument unsets OPTARG even if it was set" {
	run --separate-stderr conch -c 'set -- -a; OPTARG=old; getopts a: o; echo "[$o] [${OPTARG-unset}]"'
	assert_output '[?] [unset]'
}

@test "getopts: a script's options" {
	run conch_script -v -o out file <<'SH'
verbose=0 out=
while getopts vo: opt; do
	case $opt in
	v) verbose=1 ;;
	o) out=$OPTARG ;;
	*) exit 2 ;;
	esac
done
shift $((OPTIND - 1))
echo "verbose=$verbose out=$out rest=$*"
SH
	assert_output 'verbose=1 out=out rest=file'
}

@test "getopts: missing operands is a usage error (status 2)" {
	run --separate-stderr conch -c 'getopts; echo $?; getopts ab; echo $?'
	assert_output $'2\n2'
	[ -n "$stderr" ]
}

@test "getopts: an invalid variable name is an error" {
	run --separate-stderr conch -c 'set -- -a; getopts a 1x; echo "failed=$(( $? != 0 ))"'
	assert_output 'failed=1'
	[ -n "$stderr" ]
}

@test "getopts keeps its place in a cluster out of the variables that set lists" {
	run conch -c 'set -- -ab; getopts ab o; set | grep -c "OPTPOS"; getopts ab o; echo $o'
	assert_output $'0\nb'
}
