#!/usr/bin/env bats
# builtin-type.bats: the type builtin (dash's wording: "NAME is ...")
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	B=$(cd -P "$BATS_TEST_TMPDIR" && pwd -P)
	mkdir -p "$B/bin"
	printf '#!/bin/sh\necho mycmd\n' > "$B/bin/mycmd"
	chmod +x "$B/bin/mycmd"
	: > "$B/bin/noexec"
	export B
	cd "$B"
}

@test "type: an external command shows its path" {
	run conch -c 'PATH=$B/bin:$PATH; type mycmd'
	assert_success
	assert_output "mycmd is $B/bin/mycmd"
}

@test "type: a regular builtin" {
	run conch -c 'type echo'
	assert_success
	assert_output 'echo is a shell builtin'
}

@test "type: regular builtins are named as shell builtins" {
	run conch -c 'type alias cd command false getopts hash jobs kill printf pwd read true type ulimit umask unalias wait test ['
	assert_success
	assert_output - <<'OUT'
alias is a shell builtin
cd is a shell builtin
command is a shell builtin
false is a shell builtin
getopts is a shell builtin
hash is a shell builtin
jobs is a shell builtin
kill is a shell builtin
printf is a shell builtin
pwd is a shell builtin
read is a shell builtin
true is a shell builtin
type is a shell builtin
ulimit is a shell builtin
umask is a shell builtin
unalias is a shell builtin
wait is a shell builtin
test is a shell builtin
[ is a shell builtin
OUT
}

@test "type: special builtins are named as special" {
	run conch -c 'type break continue eval exec exit export readonly return set shift times trap unset . :'
	assert_success
	assert_output - <<'OUT'
break is a special shell builtin
continue is a special shell builtin
eval is a special shell builtin
exec is a special shell builtin
exit is a special shell builtin
export is a special shell builtin
readonly is a special shell builtin
return is a special shell builtin
set is a special shell builtin
shift is a special shell builtin
times is a special shell builtin
trap is a special shell builtin
unset is a special shell builtin
. is a special shell builtin
: is a special shell builtin
OUT
}

@test "type: a function" {
	run conch -c 'f() { :; }; type f'
	assert_success
	assert_output 'f is a shell function'
}

@test "type: reserved words are keywords" {
	run conch -c 'type if then else elif fi case esac for while until do done in { } !'
	assert_success
	assert_output - <<'OUT'
if is a shell keyword
then is a shell keyword
else is a shell keyword
elif is a shell keyword
fi is a shell keyword
case is a shell keyword
esac is a shell keyword
for is a shell keyword
while is a shell keyword
until is a shell keyword
do is a shell keyword
done is a shell keyword
in is a shell keyword
{ is a shell keyword
} is a shell keyword
! is a shell keyword
OUT
}

@test "type: an alias" {
	run conch -c 'alias l=ls; type l'
	assert_success
	assert_output 'l is an alias for ls'
}

@test "type: an alias wins over a builtin" {
	run conch -c 'alias echo=foo; type echo'
	assert_output 'echo is an alias for foo'
}

@test "type: a function wins over a regular builtin" {
	run conch -c 'echo() { :; }; type echo'
	assert_output 'echo is a shell function'
}

@test "type: a path names itself" {
	run conch -c 'type "$B/bin/mycmd"; type ./bin/mycmd'
	assert_success
	assert_output "$B/bin/mycmd is $B/bin/mycmd"$'\n'"./bin/mycmd is ./bin/mycmd"
}

@test "type: several names, one line each" {
	run conch -c 'PATH=$B/bin:$PATH; type mycmd echo'
	assert_output "mycmd is $B/bin/mycmd"$'\n'"echo is a shell builtin"
}

@test "type: an unknown name fails with a message naming it" {
	run conch -c 'type nonexistent_cmd_x; echo "failed=$(( $? != 0 ))"'
	assert_line --partial 'nonexistent_cmd_x'
	assert_line 'failed=1'
}

@test "type: one unknown name among known ones makes the status non-zero" {
	run conch -c 'type echo nonexistent_cmd_x true; echo "failed=$(( $? != 0 ))"'
	assert_line 'echo is a shell builtin'
	assert_line 'true is a shell builtin'
	assert_line 'failed=1'
}

@test "type: a file without execute permission is not found" {
	run conch -c 'PATH=$B/bin:$PATH; type noexec; echo "failed=$(( $? != 0 ))"'
	assert_line 'failed=1'
	refute_line "noexec is $B/bin/noexec"
}

@test "type: does not run the command" {
	run conch -c 'PATH=$B/bin:$PATH; type mycmd >/dev/null; echo $?'
	assert_output '0'
}

@test "type with no operands succeeds and prints nothing" {
	run conch -c 'type; echo $?'
	assert_output '0'
}
