#!/usr/bin/env bats
# aliases.bats: POSIX 2.3.1 Alias Substitution, alias and unalias

load helpers/common
bats_require_minimum_version 1.5.0

@test "alias is used on a later line" {
	run conch_script <<-'EOF'
	alias say='echo said'
	say hi
	EOF
	assert_output 'said hi'
}

@test "alias is not used on the same line it is defined" {
	run conch_script <<-'EOF'
	alias say='echo said'; say hi 2>/dev/null || echo not-yet
	say again
	EOF
	assert_output $'not-yet\nsaid again'
}

@test "alias in -c string with newline" {
	run conch -c 'alias l="echo listed"
l x'
	assert_output 'listed x'
}

@test "alias value with several words and arguments appended" {
	run conch_script <<-'EOF'
	alias p='printf "<%s>"'
	p a b; echo
	EOF
	assert_output '<a><b>'
}

@test "trailing space: next word is also alias-expanded" {
	run conch_script <<-'EOF'
	alias run='echo '
	alias thing='expanded'
	run thing
	EOF
	assert_output 'expanded'
}

@test "without trailing space the next word is not expanded" {
	run conch_script <<-'EOF'
	alias run='echo'
	alias thing='expanded'
	run thing
	EOF
	assert_output 'thing'
}

@test "trailing-space chaining over three aliases" {
	run conch_script <<-'EOF'
	alias a='echo ' b='B ' c='C'
	a b c
	EOF
	assert_output 'B C'
}

@test "recursive alias is expanded only once" {
	run conch_script <<-'EOF'
	alias echo='echo -n pre; echo '
	echo x
	EOF
	assert_output 'prex'
}

@test "alias referring to itself with an option (ls='ls -l' style)" {
	run conch_script <<-'EOF'
	alias printf='printf "[%s]\n"'
	printf a
	EOF
	assert_output '[a]'
}

@test "alias of an alias" {
	run conch_script <<-'EOF'
	alias one='two'
	alias two='echo second'
	one
	EOF
	assert_output 'second'
}

@test "quoted command word is not alias-expanded" {
	run conch_script <<-'EOF'
	alias e='echo alias'
	alias echo='echo ALIASED'
	'echo' plain
	\echo plain2
	"echo" plain3
	EOF
	assert_output $'plain\nplain2\nplain3'
}

@test "alias only in command position" {
	run conch_script <<-'EOF'
	alias x='echo X'
	echo x
	EOF
	assert_output 'x'
}

@test "alias after ; && | is in command position" {
	run conch_script <<-'EOF'
	alias hi='echo hi'
	true; hi; true && hi; echo | hi
	EOF
	assert_output $'hi\nhi\nhi'
}

@test "alias can expand to a reserved word construct" {
	run conch_script <<-'EOF'
	alias loop='for i in 1 2; do echo $i; done'
	loop
	EOF
	assert_output $'1\n2'
}

@test "alias NAME prints name='value'" {
	run conch -c "alias ll='ls -l'; alias ll"
	assert_success
	assert_output "ll='ls -l'"
}

@test "alias with no arguments lists all aliases" {
	run conch -c "alias a=1 b='x y'; alias"
	assert_success
	assert_line "a='1'"
	assert_line "b='x y'"
	assert_equal "${#lines[@]}" 2
}

@test "alias of an undefined name fails with status 1" {
	run --separate-stderr conch -c 'alias nope; echo st=$?'
	assert_output 'st=1'
	[[ $stderr == *nope* ]]
}

@test "unalias removes an alias" {
	run conch_script <<-'EOF'
	alias hi='echo hi'
	unalias hi
	hi 2>/dev/null; echo $?
	EOF
	assert_output '127'
}

@test "unalias of an undefined name fails" {
	run --separate-stderr conch -c 'unalias nope; echo st=$?'
	assert_output 'st=1'
}

@test "unalias -a removes all" {
	run conch -c 'alias a=1 b=2; unalias -a; alias; echo "end $?"'
	assert_output 'end 0'
}

@test "alias output can be re-read by the shell" {
	run conch_script <<-'EOF'
	alias q='echo "a  b"'
	saved=$(alias q)
	unalias q
	eval "alias $saved"
	q
	EOF
	assert_output 'a  b'
}

@test "aliases are not expanded inside a function defined before them" {
	run conch_script <<-'EOF'
	f() { hi; }
	alias hi='echo hi'
	f 2>/dev/null || echo not-found
	EOF
	assert_output 'not-found'
}

@test "alias defined in a function body line applies after it is run" {
	run conch_script <<-'EOF'
	alias greet='echo hello'
	g() { greet world; }
	g
	EOF
	assert_output 'hello world'
}
