#!/usr/bin/env bats
# stress.bats: hundreds of iterations of concurrent thread stages touching
# the same shared state. Every test asserts the final result: no crash, no
# hang, and exact counts where the outcome is deterministic. Meant to run
# clean under ThreadSanitizer too (STRESS_N scales the iteration counts down
# for slow builds: STRESS_N=50 CONCH=tsan-build bats tests/stress.bats).

load helpers/common
bats_require_minimum_version 1.5.0

setup() {
	is_conch || skip "conch-specific behaviour"
	N=${STRESS_N:-300}
	T=${STRESS_TIMEOUT:-60}
}

@test "stress: stages assigning and reading the same variables" {
	run timeout "$T" "$CONCH" -c 'i=0; x=0
while [ $i -lt "$1" ]; do
	{ x=a; x=bb; y=$x; } | { x=ccc; z=${#x}; : "$y$z"; } | { x=d; echo "$x" >/dev/null; }
	i=$((i+1))
done
case $x in a|bb|ccc|d) echo ok;; *) echo "bad: $x";; esac' sh "$N"
	assert_output 'ok'
}

@test "stress: a while-read counter fed by a shell stage is exact" {
	run timeout "$T" "$CONCH" -c 'i=0; total=0
while [ $i -lt "$1" ]; do
	s=0
	{ echo 1; echo 2; echo 3; } | while read n; do s=$((s+n)); done
	total=$((total+s))
	i=$((i+1))
done
echo $total' sh "$N"
	assert_output "$((N * 6))"
}

@test "stress: defining and calling functions while another stage redefines them" {
	run timeout "$T" "$CONCH" -c 'f() { echo 0; }; i=0
while [ $i -lt "$1" ]; do
	{ f() { echo 1; }; f >/dev/null; } | { v=$(f); case $v in 0|1|2) ;; *) echo "bad $v";; esac; } | { f() { echo 2; }; f >/dev/null; }
	i=$((i+1))
done
case $(f) in 1|2) echo ok;; *) echo bad;; esac' sh "$N"
	assert_output 'ok'
}

@test "stress: a function runs to the end while it is redefined" {
	run timeout "$T" "$CONCH" -c 'i=0
g() { local k=0; while [ $k -lt 20 ]; do k=$((k+1)); done; echo $k; }
while [ $i -lt "$1" ]; do
	{ g() { echo other; }; g() { local k=0; while [ $k -lt 20 ]; do k=$((k+1)); done; echo $k; }; } | { g; } | { read r; [ "$r" = 20 ] || [ "$r" = other ] || echo "bad $r"; }
	i=$((i+1))
done
echo done' sh "$N"
	assert_output 'done'
}

@test "stress: unset -f while another stage calls the function" {
	# the call may find the function, its other definition, or none
	# ("not found", status 127): any of them, but no crash and no hang
	run timeout "$T" "$CONCH" -c 'i=0; found=0
g() { echo 20; }
while [ $i -lt "$1" ]; do
	{ unset -f g; g() { echo other; }; unset -f g; g() { echo 20; }; } | { g 2>/dev/null; echo "s=$?"; } | { read r; read s; case "$r $s" in "20 s=0"|"other s=0"|"s=127 ") ;; *) echo "bad $r $s";; esac; }
	i=$((i+1))
done
echo done' sh "$N"
	assert_output 'done'
}

@test "stress: unset during reads" {
	run timeout "$T" "$CONCH" -c 'i=0; v=start
while [ $i -lt "$1" ]; do
	{ unset v; v=again; unset v; v=x; } | { r=${v-unset}; case $r in start|again|x|unset) ;; *) echo "bad $r";; esac; } | { unset v; }
	i=$((i+1))
done
echo "${v-unset}" | { read r; case $r in x|unset) echo ok;; *) echo "bad $r";; esac; }' sh "$N"
	assert_output 'ok'
}

@test "stress: export and environment building while another stage changes variables" {
	run timeout "$T" "$CONCH" -c 'i=0; export E=1
while [ $i -lt "$(( $1 / 3 ))" ]; do
	{ E=2; export F=$i; unset F; } | { env | grep -c "^E=" >/dev/null; } | { E=3; }
	i=$((i+1))
done
echo done' sh "$N"
	assert_output 'done'
}

@test "stress: spawning externals from several stages at once" {
	run timeout "$T" "$CONCH" -c 'i=0
while [ $i -lt "$(( $1 / 3 ))" ]; do
	{ /bin/echo a; true; /bin/echo b; } | { cat; /bin/echo c; } | { cat; /bin/echo d; } | wc -l | { read n; [ "$n" = 4 ] || echo "bad $n"; }
	i=$((i+1))
done
echo done' sh "$N"
	assert_output 'done'
}

@test "stress: lines through a shell stage are neither lost nor duplicated" {
	run timeout "$T" "$CONCH" -c 'seq "$(( $1 * 10 ))" | while read l; do echo "$l"; done | { cat; } | wc -l | tr -d " "' sh "$N"
	assert_output "$((N * 10))"
}

@test "stress: nested pipelines inside thread stages" {
	run timeout "$T" "$CONCH" -c 'i=0; ok=0
while [ $i -lt "$1" ]; do
	echo x | { echo y | { read a; echo "$a"; } | { read b; echo "$b$b"; }; cat; } | { read p; read q; [ "$p$q" = yyx ] && ok=$((ok+1)); }
	i=$((i+1))
done
echo $ok' sh "$N"
	assert_output "$N"
}

@test "stress: command substitutions inside thread stages" {
	run timeout "$T" "$CONCH" -c 'i=0; s=0
while [ $i -lt "$1" ]; do
	echo "$i" | { read n; v=$(echo "$n"); w=$(echo "$n" | cat); t=$(f() { echo 1; }; f); echo $((v + w + t)); } | { read r; s=$((s + r)); }
	i=$((i+1))
done
echo $s' sh "$N"
	# sum of 2*i + 1 for i in 0..N-1 is N*N
	assert_output "$((N * N))"
}

@test "stress: command substitutions of externals in a while-read stage" {
	run timeout "$T" "$CONCH" -c 'seq "$(( $1 / 3 ))" | while read n; do v=$(expr "$n" + 0); s=$((s+v)); done; echo $s' sh "$N"
	k=$((N / 3))
	assert_output "$((k * (k + 1) / 2))"
}

@test "stress: three stages incrementing under a named lock" {
	run timeout "$T" "$CONCH" -c 'n=0
inc() { n=$((n+1)); }
f() { local i=0; while [ $i -lt "$1" ]; do lock c inc; i=$((i+1)); done; }
f "$1" | f "$1" | f "$1"
echo $n' sh "$((N * 10))"
	assert_output "$((N * 30))"
}

@test "stress: two named locks taken in the same order by many threads" {
	run timeout "$T" "$CONCH" -c 'a=0; b=0
f() { local i=0; while [ $i -lt "$1" ]; do lock A; lock B; a=$((a+1)); b=$((b+2)); unlock B; unlock A; i=$((i+1)); done; }
for t in 1 2 3 4; do thread f "$1"; done
wait
echo "$a $b"' sh "$N"
	assert_output "$((N * 4)) $((N * 8))"
}

@test "stress: many short thread jobs" {
	run timeout "$T" "$CONCH" -c 'count=$1; echo | { read w; } | cat; set -- /proc/$$/task/*; base=$#; n=0
inc() { n=$((n+1)); }
f() { lock c inc; }
i=0
while [ $i -lt "$count" ]; do thread f; i=$((i+1)); done
wait
echo $n
set -- /proc/$$/task/*; [ $# = "$base" ] && echo same' sh "$N"
	assert_output $"$N"$'\nsame'
}

@test "stress: pipelines started from thread jobs" {
	run timeout "$T" "$CONCH" -c 'n=0
f() { local i=0; while [ $i -lt "$1" ]; do echo x | { read v; lock c eval "n=\$((n+1))"; }; i=$((i+1)); done; }
thread f "$(( $1 / 3 ))"; thread f "$(( $1 / 3 ))"
wait
echo $n' sh "$N"
	assert_output "$(( (N / 3) * 2 ))"
}

@test "stress: subshells forked while other stages run" {
	run timeout "$T" "$CONCH" -c 'i=0; ok=0
while [ $i -lt "$(( $1 / 3 ))" ]; do
	{ x=1; y=2; } | ( echo sub ) | { v=$(x=3; echo $x); echo "$v"; cat; } | { read a; read b; [ "$a$b" = 3sub ] && ok=$((ok+1)); }
	i=$((i+1))
done
echo $ok' sh "$N"
	assert_output "$((N / 3))"
}

@test "stress: the thread count is back to its baseline after all of it" {
	# the baseline is taken after a first pipeline: ThreadSanitizer adds a
	# thread of its own then
	run timeout "$T" "$CONCH" -c 'echo | { read w; } | cat; set -- /proc/$$/task/*; base=$#; i=0
while [ $i -lt 50 ]; do
	echo a | { read v; echo $v; } | { cat; } >/dev/null
	yes | { read l; } 
	i=$((i+1))
done
set -- /proc/$$/task/*; [ $# = "$base" ] && echo same'
	assert_output 'same'
}
