#!/usr/bin/env bats
# readahead.bats: read on a file a redirection opened reads ahead, and every
# other reader of the file still starts just after read's line (expected
# outputs are dash's; the last tests count system calls with strace)
bats_require_minimum_version 1.5.0
load helpers/common

setup() {
	cd "$BATS_TEST_TMPDIR"
	printf '1\n2\n3\n4\n5\n' > f
	printf 'x\ny\n' > g
}

@test "readahead: an external command in the loop reads the line after read's" {
	run conch -c 'while read l; do echo "got $l"; head -n 1; done < f'
	assert_success
	assert_output $'got 1\n2\ngot 3\n4\ngot 5'
}

@test "readahead: a command after the loop gets the rest of the file" {
	run conch -c '{ while read l; do echo "$l"; [ "$l" = 2 ] && break; done; cat; } < f'
	assert_output $'1\n2\n3\n4\n5'
}

@test "readahead: a subshell and a program started by sh read on from read's line" {
	run conch -c '{ read a; (read b; echo "sub $b"); read c; sh -c "read x; echo sh \$x"; read d; echo "$a $c $d"; } < f'
	assert_output $'sub 2\nsh 4\n1 3 5'
}

@test "readahead: a thread stage reading the same file takes the next line" {
	run conch -c '{ read a; { read b; echo "b=$b"; } | cat; read c; echo "$a $c"; } < f'
	assert_output $'b=2\n1 3'
}

@test "readahead: a duplicated descriptor shares the offset (<&3, exec 4<&0)" {
	run conch -c 'exec 3< f; read a <&3; read b <&3; head -n 1 <&3; read c <&3; echo "$a $b $c"'
	assert_output $'3\n1 2 4'
	run conch -c '{ read a; exec 4<&0; read b; read c <&4; echo "$a $b $c"; cat; } < f'
	assert_output $'1 2 3\n4\n5'
}

@test "readahead: a write to a <> file lands just after read's line" {
	cp f h
	run conch -c '{ read a; echo X >&0; } 0<> h; cat h'
	assert_output $'1\nX\n3\n4\n5'
}

@test "readahead: a descriptor closed and opened on another file reads the new file" {
	run conch -c 'exec 3< f; read a <&3; exec 3<&-; exec 3< g; read b <&3; echo "$a $b"'
	assert_output '1 x'
	run conch -c '{ read a; read b; } < f; { read c; echo $c; } < g'
	assert_output 'x'
}

@test "readahead: read -n and -d on a buffered file leave the rest in place" {
	run conch -c '{ read -n 1 a; read b; read -d 4 c; cat; } < f'
	assert_output $'\n5'
	run conch -c '{ read -n 1 a; read b; read -d 4 c; echo "[$a] [$b] [$c]"; } < f'
	assert_output $'[1] [] [2\n3]'
}

@test "readahead: a line longer than the buffer is read whole" {
	head -c 100000 /dev/zero | tr '\0' a > long
	printf '\nnext\n' >> long
	run conch -c '{ read l; echo ${#l}; read m; echo $m; } < long'
	assert_output $'100000\nnext'
}

@test "readahead: while read over a file costs no system call a line" {
	seq 1000 > n
	# -P counts only the calls on the file n (a sanitizer's runtime makes
	# its own reads elsewhere); 1000 lines cost 3 calls each before the buffer
	# LeakSanitizer cannot run under ptrace
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -c -P n -o trace "$CONCH" -c 'while read l; do :; done < n' 3>&-
	calls=$(awk '$NF == "total" { print $4 + 0 }' trace)
	(( calls < 50 )) || { cat trace; false; }
}
