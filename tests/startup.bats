#!/usr/bin/env bats
# startup.bats: start-up files ($ENV, ~/.conchrc, login profiles, --norc, --noprofile)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	export HOME="$BATS_TEST_TMPDIR/home"
	mkdir -p "$HOME"
	echo 'echo conchrc' > "$HOME/.conchrc"
	echo 'echo profile' > "$HOME/.profile"
	echo 'echo "env $X"' > "$HOME/envfile"
}

# isession ARGS: an interactive conch reading `echo ready` on a pipe.
isession() {
	echo 'echo ready' | env -i HOME="$HOME" PATH="$PATH" X=1 ENV='$HOME/envfile' "$CONCH" "$@" 2>/dev/null
}

@test "an interactive shell reads \$ENV (parameter-expanded), then ~/.conchrc" {
	run isession -i
	assert_output "env 1
conchrc
ready"
}

@test "--norc reads neither \$ENV nor ~/.conchrc" {
	run isession -i --norc
	assert_output ready
}

@test "a login shell (-l) reads ~/.profile first" {
	run isession -i -l
	assert_output "profile
env 1
conchrc
ready"
}

@test "argv[0] starting with - makes a login shell" {
	run bash -c 'cd "$HOME" && (exec -a -conch "$CONCH" -i 2>/dev/null <<< "echo ready")'
	assert_output "profile
conchrc
ready"
}

@test "--noprofile skips the profiles of a login shell" {
	run isession -i -l --noprofile
	assert_output "env 1
conchrc
ready"
}

@test "-c, scripts and a non-interactive stdin read no rc file" {
	run env HOME="$HOME" ENV="$HOME/envfile" "$CONCH" -c 'echo c'
	assert_output c
	echo 'echo script' > "$BATS_TEST_TMPDIR/s.sh"
	run env HOME="$HOME" ENV="$HOME/envfile" "$CONCH" "$BATS_TEST_TMPDIR/s.sh"
	assert_output script
	run env HOME="$HOME" ENV="$HOME/envfile" "$CONCH" <<<'echo stdin'
	assert_output stdin
}

@test "exit in a start-up file ends the shell" {
	echo 'exit 7' > "$HOME/.conchrc"
	run -7 isession -i
	assert_output "env 1"
}

@test "ENV is expanded as POSIX says (same as dash)" {
	command -v dash >/dev/null || skip "dash not installed"
	echo 'echo "sourced $0"' > "$HOME/e1"
	rm "$HOME/.conchrc"
	for sh in dash "$CONCH"; do
		echo 'echo done' | env -i HOME="$HOME" F=e1 ENV='${HOME}/$F' "$sh" -i 2>/dev/null >> "$BATS_TEST_TMPDIR/$(basename "$sh").out"
	done
	run cat "$BATS_TEST_TMPDIR/conch.out"
	assert_output "$(sed "s/dash/conch/" "$BATS_TEST_TMPDIR/dash.out" | sed "s|sourced .*|sourced $CONCH|")"
}
