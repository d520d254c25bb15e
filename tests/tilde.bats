#!/usr/bin/env bats
# tilde.bats: POSIX 2.6.1 Tilde Expansion

load helpers/common

setup() {
	export HOME=/tmp/conch-home
	ROOTHOME=$(getent passwd root | cut -d: -f6)
	: "${ROOTHOME:=/root}"
}

@test "~ alone expands to HOME" {
	run conch -c 'echo ~'
	assert_output '/tmp/conch-home'
}

@test "~/x expands the prefix" {
	run conch -c 'echo ~/x/y'
	assert_output '/tmp/conch-home/x/y'
}

@test "HOME set inside the script is used" {
	run conch -c 'HOME=/elsewhere; echo ~ ~/a'
	assert_output '/elsewhere /elsewhere/a'
}

@test "~root expands to root's home directory" {
	run conch -c 'echo ~root ~root/sub'
	assert_output "$ROOTHOME $ROOTHOME/sub"
}

@test "unknown user is left unchanged" {
	run conch -c 'echo ~no_such_user_zz/x'
	assert_output '~no_such_user_zz/x'
}

@test "quoted tilde is not expanded" {
	run conch -c "echo '~' \"~\" \\~ \"~/a\""
	assert_output '~ ~ ~ ~/a'
}

@test "tilde not at the start of a word is literal" {
	run conch -c 'echo a~ a/~ x~/y'
	assert_output 'a~ a/~ x~/y'
}

@test "tilde in an assignment value is expanded" {
	run conch -c 'x=~; y=~/d; echo "$x $y"'
	assert_output '/tmp/conch-home /tmp/conch-home/d'
}

@test "tilde after : in an assignment is expanded" {
	run conch -c 'x=~:~; echo "$x"'
	assert_output '/tmp/conch-home:/tmp/conch-home'
}

@test "PATH-like assignment with several tildes" {
	run conch -c 'p=/bin:~/bin:~root/bin; echo "$p"'
	assert_output "/bin:/tmp/conch-home/bin:$ROOTHOME/bin"
}

@test "tilde after : in an ordinary argument is not expanded" {
	run conch -c 'echo a:~'
	assert_output 'a:~'
}

@test "the result of tilde expansion is not field split" {
	run conch -c 'HOME="/a b"; set -- ~; echo $#; echo "$1"'
	assert_output $'1\n/a b'
}

@test "the result of tilde expansion is not globbed" {
	cd "$BATS_TEST_TMPDIR" && touch k1 k2
	run conch -c 'HOME="k*"; echo ~'
	assert_output 'k*'
}

@test "tilde in a parameter value is not expanded again" {
	run conch -c 'x="~"; echo $x'
	assert_output '~'
}

@test "tilde in the word of \${x:-~}" {
	run conch -c 'unset x; echo ${x:-~}'
	assert_output '/tmp/conch-home'
}

@test "tilde with a quoted part after it in the prefix is not expanded" {
	run conch -c 'echo ~"root" ~"/a"'
	assert_output '~root ~/a'
}
