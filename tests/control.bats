#!/usr/bin/env bats
# control.bats: POSIX 2.9.4 Compound Commands (if, while, until, for, case)

load helpers/common

@test "if/then/fi runs the body when the condition succeeds" {
	run conch -c 'if true; then echo yes; fi; if false; then echo no; fi'
	assert_output 'yes'
}

@test "if/else" {
	run conch -c 'if false; then echo a; else echo b; fi'
	assert_output 'b'
}

@test "elif chain picks the first true branch" {
	run conch -c 'x=2; if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; elif [ $x = 2 ]; then echo again; else echo other; fi'
	assert_output 'two'
}

@test "elif chain falls to else" {
	run conch -c 'if false; then echo a; elif false; then echo b; else echo c; fi'
	assert_output 'c'
}

@test "if condition can be a list" {
	run conch -c 'if false; true; then echo last-counts; fi; if true; false; then echo no; else echo else; fi'
	assert_output $'last-counts\nelse'
}

@test "if with no branch taken has status 0" {
	run conch -c 'if false; then :; fi; echo $?'
	assert_output '0'
}

@test "if status is the status of the branch body" {
	run conch -c 'if true; then (exit 3); fi; echo $?; if false; then :; else (exit 4); fi; echo $?'
	assert_output $'3\n4'
}

@test "if written over several lines" {
	run conch -c 'if true
then
	echo multi
else
	echo no
fi'
	assert_output 'multi'
}

@test "while loop counts" {
	run conch -c 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done'
	assert_output $'0\n1\n2'
}

@test "while loop never run has status 0" {
	run conch -c 'false; while false; do :; done; echo $?'
	assert_output '0'
}

@test "while status is the last body command status" {
	run conch -c 'i=0; while [ $i -lt 1 ]; do i=1; (exit 6); done; echo $?'
	assert_output '6'
}

@test "until loop runs until the condition succeeds" {
	run conch -c 'i=0; until [ $i -ge 3 ]; do echo $i; i=$((i+1)); done'
	assert_output $'0\n1\n2'
}

@test "until loop never run has status 0" {
	run conch -c 'until true; do echo no; done; echo $?'
	assert_output '0'
}

@test "for with in list" {
	run conch -c 'for i in a b c; do echo $i; done'
	assert_output $'a\nb\nc'
}

@test "for without in iterates over \"\$@\"" {
	run conch -c 'for i; do echo "[$i]"; done' sh 'a b' c
	assert_output $'[a b]\n[c]'
}

@test "for i do (no semicolon) iterates over \"\$@\"" {
	run conch -c 'for i do echo "[$i]"; done' sh x 'y z'
	assert_output $'[x]\n[y z]'
}

@test "for with newline before do" {
	run conch -c 'for i in 1 2
do echo $i
done'
	assert_output $'1\n2'
}

@test "for with an empty list never runs and has status 0" {
	run conch -c 'false; for i in; do echo no; done; echo $?'
	assert_output '0'
}

@test "for list is expanded and split" {
	run conch -c 'l="x y"; for i in $l "$l" z; do echo "[$i]"; done'
	assert_output $'[x]\n[y]\n[x y]\n[z]'
}

@test "for variable keeps its last value after the loop" {
	run conch -c 'for i in 1 2 3; do :; done; echo $i'
	assert_output '3'
}

@test "reserved words are valid for-loop items" {
	run conch -c 'for w in if then do done; do echo $w; done'
	assert_output $'if\nthen\ndo\ndone'
}

@test "break leaves the loop" {
	run conch -c 'for i in 1 2 3; do [ $i = 2 ] && break; echo $i; done; echo end'
	assert_output $'1\nend'
}

@test "continue skips to the next iteration" {
	run conch -c 'for i in 1 2 3; do [ $i = 2 ] && continue; echo $i; done'
	assert_output $'1\n3'
}

@test "break 2 leaves two loops" {
	run conch -c 'for i in 1 2; do for j in a b; do echo $i$j; break 2; done; echo no; done; echo end'
	assert_output $'1a\nend'
}

@test "continue 2 continues the outer loop" {
	run conch -c 'for i in 1 2 3; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; echo no; done'
	assert_output $'1a\n2a\n3a'
}

@test "break with a level larger than the nesting leaves all loops" {
	run conch -c 'for i in 1 2; do while true; do break 5; done; echo no; done; echo end'
	assert_output 'end'
}

@test "break in a while loop" {
	run conch -c 'i=0; while true; do i=$((i+1)); [ $i -gt 3 ] && break; done; echo $i'
	assert_output '4'
}

@test "case: first matching pattern wins" {
	run conch -c 'case abc in a*) echo first;; *c) echo second;; esac'
	assert_output 'first'
}

@test "case: multiple patterns with |" {
	run conch -c 'for w in a b c; do case $w in a|b) echo "$w:ab";; *) echo "$w:other";; esac; done'
	assert_output $'a:ab\nb:ab\nc:other'
}

@test "case: no match has status 0" {
	run conch -c 'false; case x in y) echo no;; esac; echo $?'
	assert_output '0'
}

@test "case: status is the status of the matching body" {
	run conch -c 'case x in x) (exit 5);; esac; echo $?'
	assert_output '5'
}

@test "case: empty body" {
	run conch -c 'case a in a) ;; b) echo b;; esac; echo $?'
	assert_output '0'
}

@test "case: leading ( before the pattern" {
	run conch -c 'case b in (a) echo A;; (b|c) echo BC;; esac'
	assert_output 'BC'
}

@test "case: last item may omit ;;" {
	run conch -c 'case a in b) echo b;; a) echo a
esac'
	assert_output 'a'
}

@test "case: quoted pattern characters are literal" {
	run conch -c 'case "*" in "*") echo star;; esac; case ab in "*") echo no;; *) echo any;; esac; case "a?" in a\?) echo q;; esac'
	assert_output $'star\nany\nq'
}

@test "case: pattern from a variable is a pattern, quoted it is literal" {
	run conch -c 'p="a*"; case abc in $p) echo pat;; esac; case abc in "$p") echo no;; *) echo lit;; esac'
	assert_output $'pat\nlit'
}

@test "case: bracket and ? patterns" {
	run conch -c 'for w in a1 b2 c; do case $w in [ab][0-9]) echo "$w:y";; ?) echo "$w:one";; esac; done'
	assert_output $'a1:y\nb2:y\nc:one'
}

@test "case: word is expanded but not split or globbed" {
	run conch -c 'x="a b"; case $x in "a b") echo ok;; esac'
	assert_output 'ok'
}

@test "case: reserved words as patterns" {
	run conch -c 'case if in if) echo if;; esac; case esac in (esac) echo esac;; esac; case x in x|esac) echo x;; esac'
	assert_output $'if\nesac\nx'
}

@test "case: newlines between items" {
	run conch -c 'case z in
	a)
		echo a
		;;
	z)
		echo z
		;;
esac'
	assert_output 'z'
}

@test "case: empty word matches empty pattern" {
	run conch -c 'x=; case $x in "") echo empty;; esac'
	assert_output 'empty'
}

@test "case: fall-through with ;&" {
	is_conch || skip "conch-specific (dash 0.5.12 lacks ;&)"
	run conch -c 'case a in a) echo A;& b) echo B;; c) echo C;; esac'
	assert_output $'A\nB'
}

@test "! negates the status" {
	run conch -c '! true; echo $?; ! false; echo $?; ! (exit 3); echo $?'
	assert_output $'1\n0\n0'
}

@test "! applied to a compound command" {
	run conch -c 'if ! { false; }; then echo negated; fi'
	assert_output 'negated'
}

@test "brace group runs in the current shell" {
	run conch -c 'x=1; { x=2; echo in; }; echo $x'
	assert_output $'in\n2'
}

@test "brace group status is the last command's" {
	run conch -c '{ true; false; }; echo $?'
	assert_output '1'
}

@test "loops nest with if and case" {
	run conch -c 'for i in 1 2 3 4; do if [ $((i % 2)) = 0 ]; then case $i in 4) echo four;; *) echo even;; esac; fi; done'
	assert_output $'even\nfour'
}

@test "while condition can read input" {
	run conch -c 'printf "a\nb\n" | while read l; do echo "<$l>"; done'
	assert_output $'<a>\n<b>'
}

@test "loop body may be spread over lines with comments" {
	run conch -c 'for i in 1 2 # items
do # start
	echo $i # body
done # end'
	assert_output $'1\n2'
}

# POSIX 2.9.4 / return, exit: the status they give is the one the function
# or shell ends with, whatever `!` or the loop around them would make of it
@test "return in an if, while or until condition or after ! keeps its status" {
	run conch -c 'f() { ! return 3; }; f; echo $?
f() { while return 4; do :; done; }; f; echo $?
f() { until return 5; do :; done; }; f; echo $?
f() { if ! return 6; then echo bad; fi; }; f; echo $?
f() { while true; do ! return 7; done; }; f; echo $?'
	assert_output $'3\n4\n5\n6\n7'
}

@test "exit after ! in a condition ends the shell with its own status" {
	run conch -c 'if ! exit 5; then :; fi; echo not reached'
	assert_failure 5
	assert_output ''
	run conch -c 'while ! exit 6; do :; done'
	assert_failure 6
}
