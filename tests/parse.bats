#!/usr/bin/env bats
# parse.bats: parser structure and syntax errors, through the parsedump helper ($PARSEDUMP)

setup() {
	: "${PARSEDUMP:?PARSEDUMP must point to the parsedump helper}"
}

# dump SOURCE [parsedump options...]: parse SOURCE (a newline is appended)
dump() {
	src=$1
	shift
	printf '%s\n' "$src" | "$PARSEDUMP" "$@"
}

@test "simple command with assignments and redirections" {
	run dump 'a=1 b= echo x >f 2>&1 3<&- 10>g <>rw >|c'
	[ "$status" -eq 0 ]
	[ "$output" = '(list (simple (= a "1") (= b (w)) "echo" "x" (> 1 "f") (>& 2 "1") (<& 3 "-") (> 10 "g") (<> 0 "rw") (>| 1 "c")))' ]
}

@test "redirection before the command name" {
	run dump '>f x=1 cmd arg'
	[ "$output" = '(list (simple (= x "1") "cmd" "arg" (> 1 "f")))' ]
}

@test "export arguments stay plain words" {
	run dump 'export a=~/x b'
	[ "$output" = '(list (simple "export" "a=~/x" "b"))' ]
}

@test "pipelines, and-or lists, async" {
	run dump '! a | b && c || d; e &'
	[ "$output" = '(list (or (and (pipe ! (simple "a") (simple "b")) (simple "c")) (simple "d")) (bg (simple "e")))' ]
}

@test "newline after && and |" {
	run dump 'a &&
b |
c'
	[ "$output" = '(list (and (simple "a") (pipe (simple "b") (simple "c"))))' ]
}

@test "if elif else" {
	run dump 'if a; then b; elif c; then d; else e; fi'
	[ "$output" = '(list (if (simple "a") (simple "b") (if (simple "c") (simple "d") (simple "e"))))' ]
}

@test "while, until, groups, subshells with redirections" {
	run dump 'while a; do b; done <in; until c; do d; done; { e; } >o; (f) 2>/dev/null'
	[ "$output" = '(list (while (simple "a") (simple "b") (< 0 "in")) (until (simple "c") (simple "d")) (group (simple "e") (> 1 "o")) (subshell (simple "f") (> 2 "/dev/null")))' ]
}

@test "for with and without in" {
	run dump 'for i in a b; do x; done; for j do y; done; for k; do z; done; for l in; do :; done'
	[ "$output" = '(list (for i (in "a" "b") (simple "x")) (for j (simple "y")) (for k (simple "z")) (for l (in) (simple ":")))' ]
}

@test "case: patterns, fall-through, last item without ;;, esac after newline" {
	run dump 'case $x in (a|b) one;; c) two;& *) three
esac'
	[ "$output" = '(list (case (w (param "x")) (item (pats "a" "b") (simple "one") ;;) (item (pats "c") (simple "two") ;&) (item (pats "*") (simple "three") ;;)))' ]
}

@test "case with empty bodies and reserved words as patterns" {
	run dump 'case x in in|esac) ;; esac'
	[ "$output" = '(list (case "x" (item (pats "in" "esac") nil ;;)))' ]
}

@test "function definitions" {
	run dump 'f() { a; } >&2; g()
(b)'
	[ "$output" = '(list (func f (group (simple "a") (>& 1 "2"))) (func g (subshell (simple "b"))))' ]
}

@test "reserved words only in command position" {
	run dump 'echo if then fi; x=1 done'
	[ "$output" = '(list (simple "echo" "if" "then" "fi") (simple (= x "1") "done"))' ]
}

@test "comments and line continuation" {
	run dump 'echo a#b \
c # comment \
echo "d\
e" '"'f\\
g'"
	[ "$output" = '(list (simple "echo" "a#b" "c") (simple "echo" (w (q "de")) (w (q "f\\\ng"))))' ]
}

@test "quoting marks parts and merges literals quoted alike" {
	run dump "echo a\"b\"'c' \\x \"\" a\"\" \"\\a\\\$\" \"b\"\"c\" 'd''e'"
	[ "$output" = '(list (simple "echo" (w "a" (q "b") (q "c")) (w (q "x")) (w (q "")) (w "a" (q "")) (w (q "\\a$")) (w (q "bc")) (w (q "de"))))' ]
}

@test "ANSI-C quoting" {
	run dump "echo \$'a\\tb\\n\\x41\\101\\cA\\'\\\\'"
	[ "$output" = '(list (simple "echo" (w (q "a\tb\nAA\001'"'"'\\"))))' ]
}

@test "parameter expansion forms" {
	run dump 'echo ${#} ${#x} ${10} $10 ${x-} ${x:-a b} ${x=y} ${x:?e} ${x+z} ${x%a} ${x%%a} ${x#a} ${x##a} ${##} $@ $* $? $- $$ $! $0'
	[ "$output" = '(list (simple "echo" (w (param "#")) (w (len "x")) (w (param "10")) (w (param "1") "0") (w (param "x" - (w))) (w (param "x" :- "a b")) (w (param "x" = "y")) (w (param "x" :? "e")) (w (param "x" + "z")) (w (param "x" % "a")) (w (param "x" %% "a")) (w (param "x" # "a")) (w (param "x" ## "a")) (w (len "#")) (w (param "@")) (w (param "*")) (w (param "?")) (w (param "-")) (w (param "$")) (w (param "!")) (w (param "0"))))' ]
}

@test "unsupported substitutions are accepted and marked" {
	run dump 'echo ${x/a/b}'
	[ "$output" = '(list (simple "echo" (w (badsubst "x/a/b"))))' ]
}

@test "double-quoted parameter words" {
	run dump 'echo "${x-"a b"}" "${x-'"'q'"'}" "${x#'"'q'"'}"'
	[ "$output" = '(list (simple "echo" (w (q (param "x" - (w (q "a b"))))) (w (q (param "x" - (w (q "'"'q'"'"))))) (w (q (param "x" # (w (q "q")))))))' ]
}

@test "arithmetic versus command substitution of a subshell" {
	run dump 'echo $((1+(2*3))) $( (a) ) $((b); (c)) $(( $(d) ))'
	[ "$output" = '(list (simple "echo" (w (arith "1+(2*3)")) (w (cmdsub (subshell (simple "a")))) (w (cmdsub (list (subshell (simple "b")) (subshell (simple "c"))))) (w (arith (w " " (cmdsub (simple "d")) " ")))))' ]
}

@test "backquotes nest with escaped backquotes" {
	run dump 'echo `a \`b\`` "`c \"d\"`"'
	[ "$output" = '(list (simple "echo" (w (cmdsub (simple "a" (w (cmdsub (simple "b")))))) (w (q (cmdsub (simple "c" (w (q "d"))))))))' ]
}

@test "case and here-document inside command substitution" {
	run dump 'echo $(case x in x) cat <<E;; esac
body
E
)'
	[ "$output" = '(list (simple "echo" (w (cmdsub (case "x" (item (pats "x") (simple "cat" (<< 0 (w (q "body\n")))) ;;))))))' ]
}

@test "here-documents: several on a line, quoted, <<-" {
	run dump 'cat <<A <<-"B"; echo next
x $y
A
		z $y
	B'
	[ "$output" = '(list (simple "cat" (<< 0 (w (q "x ") (q (param "y")) (q "\n"))) (<<lit 0 (w (q "z $y\n")))) (simple "echo" "next"))' ]
}

@test "here-document body: double quotes are not special" {
	run dump 'cat <<E
"a" \" \$x
E'
	[ "$output" = '(list (simple "cat" (<< 0 (w (q "\"a\" \\\" $x\n")))))' ]
}

@test "tilde prefixes" {
	run dump 'echo ~ ~u/x a~ "~" ~"u"; p=~/a:~b:c'
	[ "$output" = '(list (simple "echo" (w (tilde "")) (w (tilde "u") "/x") "a~" (w (q "~")) (w "~" (q "u"))) (simple (= p (w (tilde "") "/a:" (tilde "b") ":c"))))' ]
}

@test "aliases in command position, trailing blank, recursion guard" {
	run dump 'll x; s ll; echo ll; "ll"; loop' -a 'll=ls -l' -a 'ls=ls -F' -a 's=sudo ' -a 'loop=loop'
	[ "$output" = '(list (simple "ls" "-F" "-l" "x") (simple "sudo" "ls" "-F" "-l") (simple "echo" "ll") (simple (w (q "ll"))) (simple "loop"))' ]
}

@test "alias defined as a reserved word opener" {
	run dump 'begin a; }' -a 'begin={'
	[ "$output" = '(list (group (simple "a")))' ]
}

@test "line by line parsing returns one command at a time" {
	run dump 'a; b
c
# comment' -l
	[ "$output" = '(list (simple "a") (simple "b"))
(list (simple "c"))
nil' ]
}

@test "errors: unexpected token with expectation" {
	run dump 'if true; fi'
	[ "$status" -eq 2 ]
	[ "$output" = "stdin:1:10: syntax error: unexpected 'fi' (expecting 'then')" ]
}

@test "errors: unexpected end of file" {
	run dump 'while :; do :;'
	[ "$status" -eq 2 ]
	[ "$output" = "stdin:2:1: syntax error: unexpected end of file (expecting 'done')" ]
}

@test "errors: unexpected operators and newline" {
	run dump 'echo )'
	[ "$output" = "stdin:1:6: syntax error: unexpected ')'" ]
	run dump 'echo >'
	[ "$output" = "stdin:1:7: syntax error: unexpected newline (expecting word)" ]
	run dump '! ! a'
	[ "$output" = "stdin:1:3: syntax error: unexpected '!'" ]
}

@test "errors: unterminated quotes and substitutions" {
	run dump 'echo "abc'
	[ "$output" = "stdin:1:6: syntax error: unterminated quoted string" ]
	run dump "echo 'abc"
	[ "$output" = "stdin:1:6: syntax error: unterminated quoted string" ]
	run dump 'echo ${x'
	[ "$output" = "stdin:1:6: syntax error: missing '}'" ]
	run dump 'echo `x'
	[ "$output" = "stdin:1:6: syntax error: unterminated command substitution" ]
	run dump 'echo $((1+2'
	[ "$output" = "stdin:1:6: syntax error: missing '))'" ]
}

@test "errors: names" {
	run dump 'for 1 in a; do :; done'
	[ "$output" = "stdin:1:5: syntax error: bad for loop variable" ]
	run dump '"f"() { :; }'
	[ "$output" = "stdin:1:1: syntax error: bad function name" ]
}

@test "errors: line mode recovers on the next line" {
	run dump 'echo a
echo )
echo b' -l
	[ "$status" -eq 2 ]
	[ "${lines[0]}" = '(list (simple "echo" "a"))' ]
	[ "${lines[1]}" = "stdin:2:6: syntax error: unexpected ')'" ]
	[ "${lines[2]}" = '(list (simple "echo" "b"))' ]
}

@test "errors: deep nesting is refused, not a crash" {
	for open in '(' 'echo $(' '{ ' 'if ' 'echo ${x-' 'while ' 'echo "$(' 'echo $(('; do
		run env PARSEDUMP="$PARSEDUMP" sh -c '
			i=0; s=
			while [ $i -lt 3000 ]; do s="$s$1"; i=$((i+1)); done
			printf "%s\n" "$s" | "$PARSEDUMP"' sh "$open"
		[ "$status" -eq 2 ]
		case $output in *"nesting too deep"*) ;; *) false ;; esac
	done
}
