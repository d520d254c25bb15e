#!/usr/bin/env bats
# field-splitting.bats: POSIX 2.6.5 Field Splitting

load helpers/common

# Each script below prints its fields as "<f1><f2>..." via the helper p.
P='p() { printf "%s:" $#; printf "<%s>" "$@"; echo; };'

@test "default IFS splits on spaces, tabs and newlines" {
	run conch -c "$P"' x="a b	c
d"; p $x'
	assert_output '4:<a><b><c><d>'
}

@test "default IFS: runs of whitespace are one separator" {
	run conch -c "$P"' x="a    b  		c"; p $x'
	assert_output '3:<a><b><c>'
}

@test "default IFS: leading and trailing whitespace is dropped" {
	run conch -c "$P"' x="   a b   "; p $x'
	assert_output '2:<a><b>'
}

@test "only whitespace gives no fields" {
	run conch -c "$P"' x="   "; p $x'
	assert_output '0:<>'
}

@test "non-whitespace IFS: each character delimits a field" {
	run conch -c 'IFS=:; x="a::b"; set -- $x; echo $#'
	assert_output '3'
}

@test "non-whitespace IFS: empty fields kept in the middle" {
	run conch -c "$P"' IFS=:; x="a::b"; p $x'
	assert_output '3:<a><><b>'
}

@test "non-whitespace IFS: leading separator gives an empty first field" {
	run conch -c "$P"' IFS=:; x=":a"; p $x'
	assert_output '2:<><a>'
}

@test "non-whitespace IFS: a trailing separator does not make an empty field" {
	run conch -c "$P"' IFS=:; x="a:"; p $x; x="a::"; p $x'
	assert_output $'1:<a>\n2:<a><>'
}

@test "non-whitespace IFS: spaces are not separators" {
	run conch -c "$P"' IFS=:; x="a b:c d"; p $x'
	assert_output '2:<a b><c d>'
}

@test "IFS whitespace+non-whitespace: ' a : b '" {
	run conch -c "$P"' IFS=" :"; x=" a : b "; p $x'
	assert_output '2:<a><b>'
}

@test "IFS whitespace+non-whitespace: whitespace around : is absorbed" {
	run conch -c "$P"' IFS=" :"; x="a  :  b"; p $x'
	assert_output '2:<a><b>'
}

@test "IFS whitespace+non-whitespace: two colons make an empty field" {
	run conch -c "$P"' IFS=" :"; x="a : : b"; p $x'
	assert_output '3:<a><><b>'
}

@test "IFS whitespace+non-whitespace: leading : gives empty field" {
	run conch -c "$P"' IFS=" :"; x="  :a"; p $x'
	assert_output '2:<><a>'
}

@test "empty IFS: no splitting at all" {
	run conch -c "$P"' IFS=; x="a b	c"; p $x'
	assert_output '1:<a b	c>'
}

@test "empty IFS: an empty expansion still vanishes" {
	run conch -c "$P"' IFS=; x=; p $x'
	assert_output '0:<>'
}

@test "unset IFS behaves as the default" {
	run conch -c "$P"' unset IFS; x="  a	b
c "; p $x'
	assert_output '3:<a><b><c>'
}

@test "IFS of only a tab" {
	run conch -c "$P"' IFS="	"; x="a b	c"; p $x'
	assert_output '2:<a b><c>'
}

@test "quoted expansions are not split" {
	run conch -c "$P"' x="a b  c"; p "$x" "${x}" "$(echo $x)"'
	assert_output '3:<a b  c><a b  c><a b c>'
}

@test "literal text is not split by IFS" {
	run conch -c "$P"' IFS=:; p a:b c:d'
	assert_output '2:<a:b><c:d>'
}

@test "splitting of command substitution output" {
	run conch -c "$P"' p $(printf "a b\nc\n\n")'
	assert_output '3:<a><b><c>'
}

@test "command substitution output split on a non-whitespace IFS" {
	run conch -c "$P"' IFS=,; p $(echo 1,2,,3)'
	assert_output '4:<1><2><><3>'
}

@test "quoted command substitution keeps inner newlines" {
	run conch -c "$P"' p "$(printf "a\n\nb")"'
	assert_output $'1:<a\n\nb>'
}

@test "splitting a word that mixes literal and expansion" {
	run conch -c "$P"' x="1 2"; p pre$x"post"'
	assert_output '2:<pre1><2post>'
}

@test "\"\$@\" is not split even with IFS set" {
	run conch -c "$P"' IFS=b; p "$@"' sh 'abc' 'b b'
	assert_output '2:<abc><b b>'
}

@test "unquoted \$@ is split by IFS" {
	run conch -c "$P"' IFS=b; p $@' sh 'abc'
	assert_output '2:<a><c>'
}

@test "IFS change affects later expansions only" {
	run conch -c "$P"' x=a:b; p $x; IFS=:; p $x'
	assert_output $'1:<a:b>\n2:<a><b>'
}

@test "IFS as a prefix assignment to a builtin does not split its own args" {
	run conch -c "$P"' x=a:b; IFS=: p $x'
	assert_output '1:<a:b>'
}

@test "for loop list is split" {
	run conch -c 'x="1 2 3"; for i in $x; do echo $i; done'
	assert_output $'1\n2\n3'
}

@test "assignments are not split" {
	run conch -c "$P"' x="a b"; y=$x; p "$y"; p $y'
	assert_output $'1:<a b>\n2:<a><b>'
}

@test "case word is not split" {
	run conch -c 'x="a b"; case $x in "a b") echo match;; *) echo no;; esac'
	assert_output 'match'
}

@test "read splits with IFS" {
	run conch -c 'echo "a:b:c" | { IFS=: read x y; echo "$x|$y"; }'
	assert_output 'a|b:c'
}

@test "split results are not re-split by quoting inside the value" {
	run conch -c "$P"' x="\"a b\""; p $x'
	assert_output '2:<"a><b">'
}

@test "split fields undergo pathname expansion" {
	cd "$BATS_TEST_TMPDIR" && touch ab ac
	run conch -c "$P"' x="a* z"; p $x'
	assert_output '3:<ab><ac><z>'
}
