#!/usr/bin/env bats
# lineno-and-misc.bats: comments, reserved words, simple-command assignments,
# LINENO, and other corners of POSIX 2.3-2.10

load helpers/common
bats_require_minimum_version 1.5.0

@test "# starts a comment at the start of a word" {
	run conch -c 'echo a # b c'
	assert_output 'a'
}

@test "# inside a word is literal" {
	run conch -c 'echo a#b c#'
	assert_output 'a#b c#'
}

@test "comment on its own line and after a semicolon" {
	run conch -c '# first
echo x; # trailing
# last'
	assert_output 'x'
}

@test "comment ends at newline, backslash does not continue it" {
	run conch -c $'echo a # c \\\necho b'
	assert_output $'a\nb'
}

@test "reserved words as arguments are ordinary words" {
	run conch -c 'echo if then fi do done case esac while for in'
	assert_output 'if then fi do done case esac while for in'
}

@test "{ needs ; or newline before }" {
	run --separate-stderr conch -c '{ echo a }'
	assert_failure 2
	assert_output ''
}

@test "{ and } are reserved only as separate words" {
	run conch -c '{ echo a; }; echo {x} x{ }y'
	assert_output $'a\n{x} x{ }y'
}

@test "no brace expansion in POSIX mode" {
	run conch -c 'echo {a,b}'
	assert_output '{a,b}'
}

@test "! as an argument is literal" {
	run conch -c 'echo !'
	assert_output '!'
}

@test "assignments are done left to right" {
	run conch -c 'x=1 y=$x; echo $y; a=1 a=2; echo $a'
	assert_output $'1\n2'
}

@test "prefix assignment applies only to an external command" {
	run conch -c 'E=2 sh -c "echo \$E"; echo "[$E]"'
	assert_output $'2\n[]'
}

@test "prefix assignment on a special builtin persists" {
	run conch -c 'x=1 :; echo "[$x]"'
	assert_output '[1]'
}

@test "prefix assignment on a regular builtin does not persist" {
	run conch -c 'x=a echo ok; echo "[$x]"'
	assert_output $'ok\n[]'
}

@test "assignment with no command sets a shell variable, not exported" {
	run conch -c 'v=1; sh -c "echo [\$v]"; export v; sh -c "echo [\$v]"'
	assert_output $'[]\n[1]'
}

@test "assignment to a readonly variable is an error and exits" {
	run --separate-stderr conch -c 'readonly r=1; r=2; echo after'
	assert_failure
	assert_output ''
	[[ $stderr == *r* ]]
}

@test "assignment-looking word after the command name is an argument" {
	run conch -c 'echo x=1; echo "[$x]"'
	assert_output $'x=1\n[]'
}

@test "quoted assignment word is a command name" {
	run conch -c '"x=1" 2>/dev/null; echo $?'
	assert_output '127'
}

@test "expansions produce no command: status of the last substitution" {
	run conch -c '$(exit 4); echo $?'
	assert_output '4'
}

@test "empty command from an expansion with redirections creates the file" {
	cd "$BATS_TEST_TMPDIR"
	run conch -c 'e=; $e > made; [ -f made ] && echo yes'
	assert_output 'yes'
}

@test "command name found through PATH set in the script" {
	mkdir -p "$BATS_TEST_TMPDIR/bin"
	printf '#!/bin/sh\necho mytool\n' > "$BATS_TEST_TMPDIR/bin/mytool_zz"
	chmod +x "$BATS_TEST_TMPDIR/bin/mytool_zz"
	run conch -c 'PATH="$1:$PATH"; mytool_zz' sh "$BATS_TEST_TMPDIR/bin"
	assert_output 'mytool'
}

@test "executable without #! is run by the shell" {
	printf 'echo no-shebang $1\n' > "$BATS_TEST_TMPDIR/nsb"
	chmod +x "$BATS_TEST_TMPDIR/nsb"
	run conch -c '"$1" arg' sh "$BATS_TEST_TMPDIR/nsb"
	assert_output 'no-shebang arg'
}

@test "line continuation in the middle of an operator word" {
	run conch -c $'true &\\\n& echo joined'
	assert_output 'joined'
}

@test ";; outside case is a syntax error" {
	run --separate-stderr conch -c 'echo a;;'
	assert_failure 2
	assert_output ''
}

@test "keywords recognised after ; and newlines only in command position" {
	run conch -c 'echo do; for x in 1; do echo $x; done'
	assert_output $'do\n1'
}

@test "eval re-parses its arguments" {
	run conch -c 'cmd="echo a; echo b"; eval "$cmd"; eval echo \$cmd'
	assert_output $'a\nb\necho a; echo b'
}

@test "unset removes a variable" {
	run conch -c 'x=1; unset x; echo ${x-unset}'
	assert_output 'unset'
}

@test "export makes a variable visible to children" {
	run conch -c 'export E=1; sh -c "echo \$E"'
	assert_output '1'
}

@test "tab and space are both blanks between words" {
	run conch -c $'echo\ta \t b'
	assert_output 'a b'
}

@test "a carriage return is an ordinary character" {
	run conch -c $'printf "%s" a\r | od -An -c'
	assert_output '   a  \r'
}

@test "LINENO counts lines of a script" {
	is_conch || skip "conch-specific (dash 0.5.12 is built without LINENO)"
	run conch_script <<-'EOF'
	echo $LINENO

	echo $LINENO
	EOF
	assert_output $'1\n3'
}

@test "LINENO inside a function is the script line" {
	is_conch || skip "conch-specific (dash 0.5.12 is built without LINENO)"
	run conch_script <<-'EOF'
	f() {
		echo $LINENO
	}
	f
	EOF
	assert_output '2'
}

@test "LINENO in -c counts lines of the string" {
	is_conch || skip "conch-specific (dash 0.5.12 is built without LINENO)"
	run conch -c $'echo $LINENO\necho $LINENO'
	assert_output $'1\n2'
}
