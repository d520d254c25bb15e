#!/usr/bin/env bats
# heredoc.bats: POSIX 2.7.4 Here-Document

load helpers/common

@test "unquoted delimiter: parameter expansion happens" {
	run conch_script <<-'SCRIPT'
	x=world
	cat <<EOF
	hello $x ${x}!
	EOF
	SCRIPT
	assert_output 'hello world world!'
}

@test "unquoted delimiter: command substitution and arithmetic happen" {
	run conch_script <<-'SCRIPT'
	cat <<EOF
	$(echo sub) `echo bq` $((1+2))
	EOF
	SCRIPT
	assert_output 'sub bq 3'
}

@test "unquoted delimiter: \\\$ \\\` \\\\ are escapes, other backslashes kept" {
	run conch_script <<-'SCRIPT'
	x=1
	cat <<EOF
	\$x \`a\` \\ \a "\$x" '$x'
	EOF
	SCRIPT
	assert_output "\$x \`a\` \\ \\a \"\$x\" '1'"
}

@test "unquoted delimiter: double quotes are literal" {
	run conch_script <<-'SCRIPT'
	x=v
	cat <<EOF
	"$x" "a  b"
	EOF
	SCRIPT
	assert_output '"v" "a  b"'
}

@test "unquoted delimiter: backslash-newline joins lines" {
	run conch_script <<-'SCRIPT'
	cat <<EOF
	ab\
	cd
	EOF
	SCRIPT
	assert_output 'abcd'
}

@test "unquoted delimiter: no field splitting or globbing" {
	cd "$BATS_TEST_TMPDIR" && touch h1 h2
	run conch_script <<-'SCRIPT'
	x='a    b'
	cat <<EOF
	$x *
	EOF
	SCRIPT
	assert_output 'a    b *'
}

@test "single-quoted delimiter: no expansion" {
	run conch_script <<-'SCRIPT'
	x=1
	cat <<'EOF'
	$x `echo a` $(echo b) \$ \\
	EOF
	SCRIPT
	assert_output '$x `echo a` $(echo b) \$ \\'
}

@test "double-quoted delimiter: no expansion" {
	run conch_script <<-'SCRIPT'
	x=1
	cat <<"EOF"
	$x \$x
	EOF
	SCRIPT
	assert_output '$x \$x'
}

@test "partially quoted delimiter E\\OF: no expansion" {
	run conch_script <<-'SCRIPT'
	x=1
	cat <<E\OF
	$x
	EOF
	SCRIPT
	assert_output '$x'
}

@test "quoted delimiter: backslash-newline kept" {
	run conch_script <<-'SCRIPT'
	cat <<'EOF'
	a\
	b
	EOF
	SCRIPT
	assert_output $'a\\\nb'
}

@test "delimiter must be alone on its line" {
	run conch_script <<-'SCRIPT'
	cat <<EOF
	EOF not yet
	 EOF
	EOFX
	EOF
	SCRIPT
	assert_output $'EOF not yet\n EOF\nEOFX'
}

@test "<<- strips leading tabs from body and delimiter" {
	run conch -c $'cat <<-EOF\n\t\tone\n\ttwo\n  three\n\tEOF\necho after'
	assert_output $'one\ntwo\n  three\nafter'
}

@test "<<- does not strip leading spaces" {
	run conch -c $'cat <<-EOF\n    sp\n\tEOF'
	assert_output '    sp'
}

@test "<< does not strip tabs" {
	run conch -c $'cat <<EOF\n\ttab\nEOF'
	assert_output $'\ttab'
}

@test "<<- with a quoted delimiter" {
	run conch -c $'x=1\ncat <<-\'EOF\'\n\t$x\n\tEOF'
	assert_output '$x'
}

@test "two here-documents on one line" {
	run conch_script <<-'SCRIPT'
	cat <<A; cat <<B
	from a
	A
	from b
	B
	echo end
	SCRIPT
	assert_output $'from a\nfrom b\nend'
}

@test "two here-documents on one command: last one wins for fd 0" {
	run conch_script <<-'SCRIPT'
	cat <<A <<B
	first
	A
	second
	B
	SCRIPT
	assert_output 'second'
}

@test "here-document and a pipeline" {
	run conch_script <<-'SCRIPT'
	cat <<EOF | tr a-z A-Z
	shout
	EOF
	SCRIPT
	assert_output 'SHOUT'
}

@test "here-document with && after it" {
	run conch_script <<-'SCRIPT'
	cat <<EOF && echo ok
	body
	EOF
	SCRIPT
	assert_output $'body\nok'
}

@test "here-document to a function" {
	run conch_script <<-'SCRIPT'
	f() { read a; read b; echo "$b-$a"; }
	f <<EOF
	1
	2
	EOF
	SCRIPT
	assert_output '2-1'
}

@test "here-document to a while loop" {
	run conch_script <<-'SCRIPT'
	while read n; do echo "n=$n"; done <<EOF
	x
	y
	EOF
	SCRIPT
	assert_output $'n=x\nn=y'
}

@test "here-document to a brace group" {
	run conch_script <<-'SCRIPT'
	{ read a; cat; } <<EOF
	head
	rest1
	rest2
	EOF
	SCRIPT
	assert_output $'rest1\nrest2'
}

@test "here-document inside \$(...)" {
	run conch_script <<-'SCRIPT'
	v=$(cat <<EOF
	inner $((2*3))
	EOF
	)
	echo "[$v]"
	SCRIPT
	assert_output '[inner 6]'
}

@test "here-document on another fd" {
	run conch_script <<-'SCRIPT'
	cat 3<<EOF <&3
	via three
	EOF
	SCRIPT
	assert_output 'via three'
}

@test "here-document with read and explicit fd 0" {
	run conch_script <<-'SCRIPT'
	read x 0<<EOF
	val
	EOF
	echo "$x"
	SCRIPT
	assert_output 'val'
}

@test "empty here-document" {
	run conch_script <<-'SCRIPT'
	cat <<EOF
	EOF
	echo "[$(cat <<X
	X
	)]"
	SCRIPT
	assert_output '[]'
}

@test "here-document keeps blank lines" {
	run conch_script <<-'SCRIPT'
	cat <<EOF | sed 's/^$/-/'

	mid

	EOF
	SCRIPT
	assert_output $'-\nmid\n-'
}

@test "large here-document (about 100 KB) is byte-exact" {
	seq 1 20000 > "$BATS_TEST_TMPDIR/expected"
	{ echo 'cat <<EOF'; cat "$BATS_TEST_TMPDIR/expected"; echo EOF; } > "$BATS_TEST_TMPDIR/big.sh"
	run conch -c '. "$1" > "$1.out"; cmp "$1.out" "$2" && echo same' sh "$BATS_TEST_TMPDIR/big.sh" "$BATS_TEST_TMPDIR/expected"
	assert_output 'same'
}

@test "large expanding here-document is byte-exact" {
	seq 1 20000 | sed 's/$/ $x/' > "$BATS_TEST_TMPDIR/body"
	seq 1 20000 | sed 's/$/ X/' > "$BATS_TEST_TMPDIR/expected"
	{ echo 'x=X'; echo 'cat <<EOF'; cat "$BATS_TEST_TMPDIR/body"; echo EOF; } > "$BATS_TEST_TMPDIR/big.sh"
	run conch "$BATS_TEST_TMPDIR/big.sh"
	assert_success
	assert_output "$(cat "$BATS_TEST_TMPDIR/expected")"
}

@test "here-document in a loop body is re-expanded each iteration" {
	run conch_script <<-'SCRIPT'
	for i in 1 2; do
		cat <<EOF
	i=$i
	EOF
	done
	SCRIPT
	assert_output $'i=1\ni=2'
}

@test "here-document in a function is re-read at each call" {
	run conch_script <<-'SCRIPT'
	f() {
		cat <<EOF
	arg=$1
	EOF
	}
	f a; f b
	SCRIPT
	assert_output $'arg=a\narg=b'
}

@test "here-document in -c string" {
	run conch -c 'cat <<EOF
in dash-c
EOF
echo after'
	assert_output $'in dash-c\nafter'
}

@test "the script continues after the here-document" {
	run conch_script <<-'SCRIPT'
	cat <<EOF >/dev/null
	echo not-run
	EOF
	echo ran
	SCRIPT
	assert_output 'ran'
}

@test "delimiter with a quoted part in the middle" {
	run conch_script <<-'SCRIPT'
	x=1
	cat <<"E"OF
	$x
	EOF
	SCRIPT
	assert_output '$x'
}

@test "\$ at the end of a line in an expanding here-document" {
	run conch_script <<-'SCRIPT'
	cat <<EOF
	cost 5$
	EOF
	SCRIPT
	assert_output 'cost 5$'
}
