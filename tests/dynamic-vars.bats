#!/usr/bin/env bats
# dynamic-vars.bats: the variables bash presets and keeps up to date (RANDOM, SECONDS, UID, EUID, HOSTNAME, OSTYPE, $_)
load 'helpers/common'


# --- RANDOM ------------------------------------------------------------------

@test "RANDOM: a number from 0 to 32767, a new one at each expansion" {
	no_dash RANDOM
	run "$CONCH" -c 'i=0; prev=; same=0; while [ $i -lt 200 ]; do r=$RANDOM
		case $r in *[!0-9]*|"") echo "bad: $r"; exit 1 ;; esac
		[ "$r" -le 32767 ] || { echo "too big: $r"; exit 1; }
		[ "$r" = "$prev" ] && same=$((same + 1)); prev=$r; i=$((i + 1)); done; echo "same=$same"'
	assert_success
	assert_output 'same=0'
}

@test "RANDOM: assigning seeds it, the same numbers as bash" {
	no_dash RANDOM
	run "$CONCH" -c 'RANDOM=42; echo $RANDOM $RANDOM $RANDOM; RANDOM=0; echo $RANDOM $RANDOM; RANDOM=42; echo $RANDOM'
	assert_success
	assert_output $'17772 26794 1435\n20814 24386\n17772'
}

@test "RANDOM: seeds are taken modulo 2^32, negative ones too" {
	no_dash RANDOM
	run "$CONCH" -c 'RANDOM=-1; echo $RANDOM; RANDOM=4294967338; echo $RANDOM; RANDOM=" 42 "; echo $RANDOM'
	assert_success
	assert_output $'16807\n17772\n17772'
}

@test "RANDOM: a value from the environment does not seed it (as in bash)" {
	no_dash RANDOM
	run env RANDOM=42 "$CONCH" -c 'echo $RANDOM $RANDOM'
	assert_success
	refute_output '17772 26794'
}

@test "RANDOM: in arithmetic, and \${#RANDOM}" {
	no_dash RANDOM
	run "$CONCH" -c 'RANDOM=42; echo $((RANDOM)) $((RANDOM + 0)); RANDOM=42; echo ${#RANDOM}'
	assert_success
	assert_output $'17772 26794\n5'
}

@test "RANDOM: unset, it loses its special meaning, even when set again" {
	no_dash RANDOM
	run "$CONCH" -c 'unset RANDOM; echo "[$RANDOM]"; RANDOM=5; echo $RANDOM $RANDOM'
	assert_success
	assert_output $'[]\n5 5'
}

@test "RANDOM: a subshell or command substitution does not advance the shell's sequence" {
	no_dash RANDOM
	run "$CONCH" -c 'RANDOM=42; echo $RANDOM; a=$(echo $RANDOM); b=$(echo $RANDOM | cat); (echo $RANDOM >/dev/null); echo $RANDOM'
	assert_success
	assert_output $'17772\n26794'
}

@test "RANDOM: seeding inside a command substitution stays there" {
	no_dash RANDOM
	run "$CONCH" -c 'RANDOM=42; echo $(RANDOM=42; echo $RANDOM $RANDOM) $(echo $((RANDOM = 42)) $RANDOM) $RANDOM'
	assert_success
	assert_output '17772 26794 42 17772 17772'
}

@test "RANDOM: two subshells draw different numbers" {
	no_dash RANDOM
	run "$CONCH" -c 'RANDOM=7; a=$( (echo $RANDOM $RANDOM $RANDOM) ); b=$( (echo $RANDOM $RANDOM $RANDOM) ); [ "$a" != "$b" ] && echo differ'
	assert_success
	assert_output 'differ'
}

@test "RANDOM: thread stages expanding it at once draw from one sequence" {
	no_dash RANDOM
	run "$CONCH" -c 'f() { i=0; while [ $i -lt 300 ]; do echo $RANDOM; i=$((i + 1)); done; }
		{ f | f >/dev/null; f; } | while read r; do case $r in *[!0-9]*|"") echo "bad: $r" ;; esac; [ "$r" -le 32767 ] || echo "big: $r"; done; echo done'
	assert_success
	assert_output 'done'
}

# --- SECONDS -----------------------------------------------------------------

@test "SECONDS: whole seconds since the shell started" {
	no_dash SECONDS
	run "$CONCH" -c 'echo $SECONDS; sleep 1.1; echo $SECONDS'
	assert_success
	assert_line --index 0 '0'
	[ "${lines[1]}" -ge 1 ] && [ "${lines[1]}" -le 3 ]
}

@test "SECONDS: assigning N makes it count from N" {
	no_dash SECONDS
	run "$CONCH" -c 'SECONDS=100; echo $SECONDS; SECONDS=-5; echo $SECONDS; SECONDS=" 7"; echo $SECONDS; SECONDS=abc; echo $SECONDS'
	assert_success
	assert_output $'100\n-5\n7\n0'
}

@test "SECONDS: counting on from an assignment" {
	no_dash SECONDS
	run "$CONCH" -c 'SECONDS=10; sleep 1.1; echo $SECONDS'
	assert_success
	[ "$output" -ge 11 ] && [ "$output" -le 13 ]
}

@test "SECONDS: a value from the environment is where it starts" {
	no_dash SECONDS
	run env SECONDS=100 "$CONCH" -c 'echo $SECONDS'
	assert_success
	assert_output '100'
}

@test "SECONDS: unset, it is an ordinary variable" {
	no_dash SECONDS
	run "$CONCH" -c 'unset SECONDS; echo "[$SECONDS]"; SECONDS=5; sleep 1.1; echo $SECONDS'
	assert_success
	assert_output $'[]\n5'
}

# --- UID, EUID, HOSTNAME, OSTYPE -----------------------------------------------

@test "UID and EUID: the real and effective user ids" {
	no_dash 'UID and EUID'
	run "$CONCH" -c 'echo $UID $EUID'
	assert_success
	assert_output "$(id -ru) $(id -u)"
}

@test "UID and EUID are readonly" {
	no_dash 'UID and EUID'
	run "$CONCH" -c 'UID=12345; echo "not reached"'
	assert_failure
	assert_output --partial 'UID: readonly variable'
	refute_output --partial 'not reached'
	run "$CONCH" -c 'unset EUID'
	assert_failure
	assert_output --partial 'EUID'
}

@test "UID and EUID are the shell's even when the environment has others" {
	is_conch || skip 'bash keeps values of UID and EUID from the environment'
	run env UID=54321 EUID=54321 "$CONCH" -c 'echo $UID $EUID'
	assert_success
	assert_output "$(id -ru) $(id -u)"
}

@test "HOSTNAME is the host's name, and can be assigned" {
	no_dash HOSTNAME
	run "$CONCH" -c 'echo "$HOSTNAME"; HOSTNAME=x; echo $HOSTNAME'
	assert_success
	assert_output "$(uname -n)"$'\nx'
}

@test "OSTYPE names the system as bash does" {
	no_dash OSTYPE
	run "$CONCH" -c 'echo "$OSTYPE"'
	assert_success
	assert_output "$(bash -c 'echo $OSTYPE')"
}

# --- $_ ---------------------------------------------------------------------

@test "\$_: the last argument of the previous simple command, after expansion" {
	no_dash '$_'
	run "$CONCH" -c 'echo a b >/dev/null; echo $_; set -- x "y z"; : "$@"; echo "$_"; : *.no-such; echo "$_"; :; echo $_'
	assert_success
	assert_output $'b\ny z\n*.no-such\n:'
}

@test "\$_ after assignments alone is empty" {
	no_dash '$_'
	run "$CONCH" -c 'echo a b; x=1; echo "[$_]"; echo c; y=$(echo d e); echo "[$_]"'
	assert_success
	assert_output $'a b\n[]\nc\n[]'
}

@test "\$_ is set when the command ends: a function sees the one before it" {
	no_dash '$_'
	run "$CONCH" -c 'f() { echo "in $_"; }; echo q; f arg; echo $_; echo r; eval "echo \$_"'
	assert_success
	assert_output $'q\nin q\narg\nr\nr'
}

@test "\$_ of declarations keeps the whole operand" {
	no_dash '$_'
	run "$CONCH" -c 'export a=1 b=2; echo $_; f() { local x=3; echo $_; }; f; readonly r=5; echo $_'
	assert_success
	assert_output $'b=2\nx=3\nr=5'
}

@test "\$_ after unset _ and after a loop" {
	no_dash '$_'
	run "$CONCH" -c 'unset _; echo "[$_]"; for i in 1 2; do : $i; done; echo $_'
	assert_success
	assert_output $'[_]\n2'
}

@test "\$_ is not changed by a pipeline's stages or a subshell" {
	no_dash '$_'
	run "$CONCH" -c 'true x; echo a | cat; echo $_; true y; (true z); echo $_; true w; echo a | read v; echo $_'
	assert_success
	assert_output $'a\nx\ny\nw'
}

@test "\$_ at start-up is the shell's path from the environment" {
	no_dash '$_'
	run env _=/some/path "$CONCH" -c 'echo $_'
	assert_success
	assert_output '/some/path'
}

@test "an external command gets _=its path in its environment" {
	no_dash '$_'
	run "$CONCH" -c 'env | grep "^_="; export _=stale; env | grep -c "^_="; _=foo env | grep "^_="'
	assert_success
	assert_output "_=$(command -v env)"$'\n1\n'"_=$(command -v env)"
}

@test "a program run by path gets that path as _" {
	no_dash '$_'
	printf '#!/bin/sh\necho "$_"\n' > "$BATS_TEST_TMPDIR/show"
	chmod +x "$BATS_TEST_TMPDIR/show"
	cd "$BATS_TEST_TMPDIR"
	run "$CONCH" -c './show; ./show | cat'
	assert_success
	assert_output $'./show\n./show'
}
