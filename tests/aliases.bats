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

# The expected outputs below are dash's and bash --posix's.
@test "aliases can be reserved words, also where a list is closed" {
	run conch_script <<-'EOF'
	alias iff=if thn=then fii=fi lp='(' rp=')'
	iff true; thn echo reserved; fii
	lp echo sub; rp
	EOF
	assert_output $'reserved\nsub'
}

@test "aliases can hold operators, here-documents and function definitions" {
	run conch_script <<-'EOF'
	alias dsemi=';;' hd='cat <<END' fn='g() { echo G; }'
	case x in x) echo semi
	dsemi esac
	hd
	heredoc body
	END
	fn
	g
	EOF
	assert_output $'semi\nheredoc body\nG'
}

@test "an alias of several lines, used in a function, a loop and \$(...)" {
	run conch_script <<-'EOF'
	alias nl='echo line1
	echo line2'
	f() { nl; }
	f
	for i in 1; do nl; done
	x=$(nl); echo "$x"
	EOF
	assert_output $'line1\nline2\nline1\nline2\nline1\nline2'
}

@test "an empty alias alone on a line is no command and keeps \$?" {
	run conch_script <<-'EOF'
	alias e='' b='  '
	false
	e
	echo "status $?"
	(exit 3)
	b
	echo "status $?"
	EOF
	assert_output $'status 1\nstatus 3'
}

@test "the word after a value ending in a blank is checked, not the words inside it" {
	run conch_script <<-'EOF'
	alias a='echo x ' x=XX b=BB
	a b
	alias rec='rec2 ' rec2='echo rec '
	rec rec
	alias c='d ' d='echo '
	c c d
	EOF
	assert_output $'x BB\nrec echo rec\necho echo'
}

@test "eval reads its string a line at a time: an alias defined on one line applies to the next" {
	run conch -c "eval \"alias q='echo Q'
q\"; eval 'echo a; echo b
if'"
	assert_failure 2
	assert_line -n 0 Q
	assert_line -n 1 a
	assert_line -n 2 b
	! is_conch || assert_line -n 3 --partial 'eval:3:3: syntax error: unexpected end of file'
}
