#!/usr/bin/env bats
# builtin-export.bats: the export special builtin (-p, marking for children)
bats_require_minimum_version 1.5.0
load helpers/common

@test "export NAME=value: children see the variable" {
	run conch -c 'export x=1; sh -c "echo \$x"'
	assert_success
	assert_output '1'
}

@test "export NAME: marks an existing variable" {
	run conch -c 'x=1; sh -c "echo [\$x]"; export x; sh -c "echo [\$x]"'
	assert_output $'[]\n[1]'
}

@test "export: a later assignment changes what children see" {
	run conch -c 'export x=1; x=2; sh -c "echo \$x"'
	assert_output '2'
}

@test "export: marking before the assignment" {
	run conch -c 'export x; x=3; sh -c "echo \$x"'
	assert_output '3'
}

@test "export NAME of an unset variable does not give it a value" {
	run conch -c 'export x; echo "${x-unset}"; sh -c "echo \${x-unset}"'
	assert_output $'unset\nunset'
}

@test "export: several operands" {
	run conch -c 'export x=1 y=2 z; z=3; sh -c "echo \$x\$y\$z"'
	assert_output '123'
}

@test "export: the value is an assignment word, not split" {
	run conch -c 'a="1  2"; export b=$a; echo "$b"; export c=$(echo "x  y"); echo "$c"'
	assert_output $'1  2\nx  y'
}

@test "export: tilde expansion in the value" {
	run env HOME=/home/u "$CONCH" -c 'export x=~/d; echo $x'
	assert_output '/home/u/d'
}

@test "export: unset removes the variable from children" {
	run conch -c 'export x=1; unset x; sh -c "echo [\$x]"'
	assert_output '[]'
}

@test "export: a prefix assignment is temporary and exported to the command only" {
	run conch -c 'x=1 sh -c "echo \$x"; echo "[$x]"'
	assert_output $'1\n[]'
}

@test "export: a variable exported in a subshell is not exported in the parent" {
	run conch -c 'x=1; (export x); sh -c "echo [\$x]"'
	assert_output '[]'
}

@test "export: an inherited environment variable is exported" {
	run env INH=val "$CONCH" -c 'sh -c "echo \$INH"'
	assert_output 'val'
}

@test "export -p prints export NAME='value' lines" {
	run conch -c 'export x=1; export -p'
	assert_success
	assert_line "export x='1'"
}

@test "export -p quotes values with spaces" {
	run conch -c 'export x="a b"; export -p'
	assert_line "export x='a b'"
}

@test "export -p quotes a single quote so that the line can be reused" {
	run conch -c "export x=\"it's\"; line=\$(export -p | grep ' x='); unset x; eval \"\$line\"; echo \"\$x\""
	assert_output "it's"
}

@test "export -p prints a value with a newline reusably" {
	run conch -c 'export x="a
b"; saved=$(export -p); unset x; eval "$saved"; printf "[%s]\n" "$x"; sh -c "echo \"\$x\" | wc -l"'
	assert_output --regexp $'^\\[a\nb\\]\n *2$'
}

@test "export -p prints an empty value as ''" {
	run conch -c 'export x=; export -p'
	assert_line "export x=''"
}

@test "export -p prints an exported unset variable without a value" {
	run conch -c 'export x; export -p'
	assert_line 'export x'
}

@test "export -p is sorted by name" {
	run env -i "$CONCH" -c 'export b=2 a=1 c=3; export -p | grep -v PWD'
	assert_output $'export a=\'1\'\nexport b=\'2\'\nexport c=\'3\''
}

@test "export with no operands lists like export -p" {
	run env -i "$CONCH" -c 'export b=2; export | grep -v PWD'
	assert_output "export b='2'"
}

@test "export -p does not list unexported variables" {
	run conch -c 'y=1; export -p'
	refute_output --partial ' y='
}

@test "export: an invalid name is an error and the shell exits (special builtin)" {
	run --separate-stderr conch -c 'export 1x=2; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "export: a readonly variable cannot get a new value" {
	run --separate-stderr conch -c 'readonly r=1; export r=2; echo after'
	assert_failure
	assert_output ''
	[ -n "$stderr" ]
}

@test "export of a readonly variable without value is allowed" {
	run conch -c 'readonly r=1; export r; sh -c "echo \$r"'
	assert_success
	assert_output '1'
}

@test "export: an unknown option is an error with status 2" {
	run --separate-stderr conch -c 'export -x; echo after'
	assert_failure 2
	[ -n "$stderr" ]
}

# The shell keeps one environment for the programs it runs while no
# exported variable changes; each change below must reach the next program.
@test "export: every change of an exported variable reaches the next program" {
	no_dash "local, and a thread stage whose export stays (dash forks the stage)"
	run conch -c '
		show() { env | grep "^E[0-9]=" | sort | tr "\n" " "; echo; }
		export E1=a; show
		E1=b; show
		E2=c; show
		export E2; show
		export -n E1; show
		unset E2; show
		E3=t show
		f() { local E4=l; export E4; show; }; f
		show
		echo x | { export E5=p; show; }
		show'
	assert_success
	assert_output - <<'OUT'
E1=a 
E1=b 
E1=b 
E1=b E2=c 
E2=c 

E3=t 
E4=l 

E5=p 
E5=p 
OUT
}

@test "export: an exported RANDOM is new for every program" {
	no_dash "RANDOM"
	run conch -c 'RANDOM=7; export RANDOM; a=$(env | grep ^RANDOM=); b=$(env | grep ^RANDOM=); [ "$a" != "$b" ] && echo differ'
	assert_success
	assert_output differ
}
