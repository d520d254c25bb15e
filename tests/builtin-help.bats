#!/usr/bin/env bats
# builtin-help.bats: the help builtin, NAME --help, usage errors, and help-text.c against man/conch.1
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	is_conch || skip "help is conch's"
	TOP=$BATS_TEST_DIRNAME/..
}

# the names of the builtin table, one a line
table_names() {
	sed -n 's/^	{ "\([^"]*\)",.*/\1/p' "$TOP/builtins/builtin.c"
}

@test "help lists every builtin of the table, each with a summary" {
	run conch -c 'help'
	assert_success
	assert_line -n 0 --partial "'help NAME'"
	[ "$(printf '%s\n' "${lines[@]:1}" | awk '{ print $1 }')" = "$(table_names)" ]
	assert_line --regexp '^cd +Changes the working directory'
	assert_line --regexp '^lock +Take the lock called name'
	# every line has a summary and fits 80 columns
	for l in "${lines[@]:1}"; do
		[[ $l =~ ^[^\ ]+\ +[^\ ] ]]
		[ "${#l}" -le 80 ]
	done
}

@test "help NAME prints the synopsis, the description, the status and an example" {
	run conch -c 'help cd'
	assert_success
	assert_line -n 0 'cd [-L | -P] [directory]'
	assert_line -n 1 'cd -'
	assert_line --partial 'Changes the working directory'
	assert_line --partial 'Status 1 if the directory cannot'
	assert_line '    Example:'
	assert_line --regexp '^ +\$ cd -$'
}

@test "help NAME... prints each; . and source share their entry" {
	run conch -c 'help true false'
	assert_success
	assert_line -n 0 'true'
	assert_line 'false'
	[ "$(conch -c 'help .')" = "$(conch -c 'help source')" ]
	[ "$(conch -c 'help [')" = "$(conch -c 'help test')" ]
}

@test "help -s NAME prints the synopsis lines only" {
	run conch -c 'help -s read'
	assert_success
	[ "${lines[0]}" = 'read [-rs] [-d delim] [-n nchars | -N nchars] [-p prompt] [-t timeout] [-u' ]
	run conch -c 'help -s cd'
	assert_output $'cd [-L | -P] [directory]\ncd -'
	run conch -c 'help -s help'
	assert_output $'help [name ...]\nhelp -s name ...\nhelp topics'
}

@test "help topics lists the tutorial's lessons and the reference's sections with their man command" {
	run conch -c 'help topics'
	assert_success
	assert_line --regexp '^  GETTING STARTED +man 7 conch-tutorial$'
	assert_line --regexp '^  WHERE TO GO FROM HERE +man 7 conch-tutorial$'
	assert_line --regexp '^  BUILTIN COMMANDS +man 1 conch$'
	assert_line --regexp '^  INVOCATION +man 1 conch$'
	refute_line --regexp '^  NAME '
	# every .Sh of both pages but NAME, SEE ALSO, STANDARDS, AUTHORS
	n=$(cat "$TOP/man/conch-tutorial.7" "$TOP/man/conch.1" | grep -c '^\.Sh ')
	m=$(cat "$TOP/man/conch-tutorial.7" "$TOP/man/conch.1" | grep -c '^\.Sh \(NAME\|SEE ALSO\|STANDARDS\|AUTHORS\)$')
	[ "$(printf '%s\n' "${lines[@]}" | grep -c '^  .* man [17] conch')" -eq $((n - m)) ]
}

@test "help NOSUCH: an error, status 1" {
	run --separate-stderr conch -c 'help nosuch'
	[ "$status" -eq 1 ]
	[ -z "$output" ]
	[[ $stderr == *"help: nosuch: no such builtin"* ]]
	run conch -c 'help cd nosuch pwd >/dev/null; echo $?'
	assert_output --partial '1'
}

@test "help with a bad option: a usage error, status 2, ending in try 'help help'" {
	run --separate-stderr conch -c 'help -x cd'
	[ "$status" -eq 2 ]
	[ -z "$output" ]
	[ "$stderr" = $'conch: -c:1: help: -x: invalid option\ntry \'help help\'' ]
	run --separate-stderr conch -c 'help -s'
	[ "$status" -eq 2 ]
}

@test "NAME --help prints what help NAME does, status 0, and does nothing else" {
	for b in lock thread cd read set trap jobs unlock kill exit exec wait help alias; do
		run --separate-stderr conch -c "$b --help"
		[ "$status" -eq 0 ] || { echo "$b: $status $stderr"; false; }
		[ -z "$stderr" ]
		[ "$output" = "$(conch -c "help $b")" ] || { echo "$b differs"; false; }
	done
}

@test "--help takes no lock, starts no job, changes nothing" {
	run conch -c 'lock --help >/dev/null; lock --help >/dev/null; echo $?; thread --help >/dev/null; jobs; wait; echo done'
	assert_output $'0\ndone'
	run conch -c 'set --help >/dev/null; echo "$#"; cd --help >/dev/null; pwd' x y
	assert_output "$(printf '1\n%s' "$PWD")"
	run conch -c 'exit --help >/dev/null; echo still here'
	assert_output 'still here'
}

@test "--help goes to the stage's stdout: a pipeline, a redirection, command and builtin" {
	run conch -c 'read --help | head -n 1'
	assert_output 'read [-rs] [-d delim] [-n nchars | -N nchars] [-p prompt] [-t timeout] [-u'
	run conch -c 'command cd --help | head -n 1; builtin cd --help | head -n 1'
	assert_output $'cd [-L | -P] [directory]\ncd [-L | -P] [directory]'
	run conch -c 'trap --help > "$1"; head -n 1 "$1"' sh "$BATS_TEST_TMPDIR/out"
	assert_output 'trap action condition ...'
}

@test "only the first argument is --help" {
	run conch -c 'f() { echo "[$1]"; }; thread f --help; wait'
	assert_output '[--help]'
}

@test "echo, printf, test, [, :, true and false take --help literally" {
	run conch -c 'echo --help'
	assert_output '--help'
	run conch -c 'printf --help; echo'
	assert_output '--help'
	run conch -c 'test --help && echo yes; [ --help ] && echo yes'
	assert_output $'yes\nyes'
	run conch -c ': --help; true --help && echo t; false --help || echo f'
	assert_output $'t\nf'
}

@test "a usage error names the option as given and ends with try 'help NAME'" {
	while IFS='|' read -r cmd want; do
		run --separate-stderr conch -c "$cmd"
		[ "$status" -eq 2 ] || { echo "$cmd: status $status"; false; }
		name=${cmd%% *}
		[ "${stderr##*$'\n'}" = "try 'help $name'" ] || { echo "$cmd: $stderr"; false; }
		[[ $stderr == *"$name: $want"* ]] || { echo "$cmd: $stderr"; false; }
	done <<-'EOF2'
	cd -x|-x: invalid option
	cd -Lx|-Lx: invalid option -x
	jobs --foo|--foo: invalid option
	jobs -l-|-l-: invalid option --
	read -z|-z: invalid option
	match -z a|-z: invalid option
	subst -gq a b|-gq: invalid option -q
	hash --foo|--foo: invalid option
	kill|a PID or JOB is needed
	lock|a NAME is needed
	thread|a COMMAND is needed
	umask -x|-x: invalid option
	ulimit -y|-y: invalid option
	fc -z|-z: invalid option
	read -n x v|x: invalid number
	match -m x a|-m: bad number: x
	EOF2
}

@test "set: a usage error for +x and -o names as given" {
	run --separate-stderr conch -c 'set +q'
	[ "$status" -eq 2 ]
	[ "$stderr" = $'conch: -c:1: set: +q: invalid option\ntry \'help set\'' ]
	run --separate-stderr conch -c 'set -o nosuch'
	[ "$status" -eq 2 ]
	[[ $stderr == *"set: nosuch: unknown option name"$'\n'"try 'help set'" ]]
}

@test "builtins/help-text.c is what man/gen-help writes from man/conch.1" {
	command -v mandoc >/dev/null && command -v col >/dev/null || skip "mandoc or col not installed"
	run "$TOP/man/gen-help" "$TOP" "$BATS_TEST_TMPDIR/help-text.c"
	assert_success
	run diff -u "$TOP/builtins/help-text.c" "$BATS_TEST_TMPDIR/help-text.c"
	assert_success
}

@test "man/gen-help fails when a builtin of the table has no entry in conch.1" {
	command -v mandoc >/dev/null && command -v col >/dev/null || skip "mandoc or col not installed"
	mkdir -p "$BATS_TEST_TMPDIR/src/man" "$BATS_TEST_TMPDIR/src/builtins"
	cp "$TOP/man/conch.1" "$TOP/man/conch-tutorial.7" "$BATS_TEST_TMPDIR/src/man/"
	sed 's/^	{ "wait",.*/&\n	{ "zzznew",   builtin_wait,     0 },/' "$TOP/builtins/builtin.c" > "$BATS_TEST_TMPDIR/src/builtins/builtin.c"
	run "$TOP/man/gen-help" "$BATS_TEST_TMPDIR/src" "$BATS_TEST_TMPDIR/out.c"
	assert_failure
	assert_output --partial 'zzznew: no entry in man/conch.1'
}

@test "every builtin's entry has its exit status and an example" {
	while read -r b; do
		text=$(conch -c 'help "$1"' sh "$b")
		[[ $text == *[Ss]tatus* ]] || { echo "$b: no status"; false; }
		[[ $text == *$'\n    Example:\n'* ]] || { echo "$b: no example"; false; }
	done < <(table_names)
}

@test "help text lines fit in 80 columns" {
	run conch -c 'for b in $(help | tail -n +3 | cut -d " " -f 1); do help "$b"; done'
	assert_success
	for l in "${lines[@]}"; do [ "${#l}" -le 80 ] || { echo "$l"; false; }; done
}

# The example of `help NAME`: its commands ($ lines) one per line on fd 3
# and what each should print, as "$ cmd" / output lines, on stdout.
example_of() {
	conch -c 'help "$1"' sh "$1" | awk '
		/^    Example:$/ { on = 1; next }
		on && /^          / { print substr($0, 11); next }
		on && /^$/ { next }
		on { exit }'
}

@test "the examples of the builtins print what their entries say" {
	# interactive, job-control, timing or system-dependent examples are
	# left out; the others run in a fresh directory, each command after
	# the ones before it
	local skip=" bg fg fc history jobs disown kill times hash halfclose trap "
	local b want got cmds c i
	while read -r b; do
		[[ $skip == *" $b "* ]] && continue
		want=$(example_of "$b")
		[ -n "$want" ] || { echo "$b: no example"; false; }
		cmds=()
		while IFS= read -r c; do
			[[ $c == '$ '* ]] && cmds+=("${c#\$ }")
		done <<< "$want"
		got=
		for ((i = 0; i < ${#cmds[@]}; i++)); do
			local dir="$BATS_TEST_TMPDIR/ex-$b-$i"
			mkdir -p "$dir"
			local script="" k
			for ((k = 0; k < i; k++)); do
				script+="{ ${cmds[k]}"$'\n'"} >/dev/null 2>&1"$'\n'
			done
			script+="${cmds[i]}"
			local out
			out=$(cd "$dir" && HOME=$dir timeout 10 "$CONCH" -c "$script" 2>&1)
			got+="\$ ${cmds[i]}"$'\n'
			[ -n "$out" ] && got+="$out"$'\n'
		done
		[ "${got%$'\n'}" = "$want" ] || { echo "$b: want"; echo "$want"; echo "got"; echo "$got"; false; }
	done < <(table_names)
}
