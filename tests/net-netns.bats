#!/usr/bin/env bats
# net-netns.bats: two hosts: a pipeline whose stages sit in two network
# namespaces joined by a veth pair (10.200.0.1/24 and 10.200.0.2/24). Needs
# root and `ip netns` (iproute2); skipped with the reason otherwise. All
# traffic stays on the veth pair inside this machine.

load helpers/common

# Names unique to this run, so parallel runs never collide; interface names
# must fit in 15 characters.
setup_file() {
	export NS_A="conchA$$" NS_B="conchB$$" VETH_A="cva$$" VETH_B="cvb$$"
	export NS_SKIP=
	if [ "$(id -u)" -ne 0 ]; then
		NS_SKIP="not root: network namespaces need root"
		return
	fi
	if ! command -v ip >/dev/null; then
		NS_SKIP="no ip command (install iproute2)"
		return
	fi
	if ! ip netns add "$NS_A" 2>/dev/null; then
		NS_SKIP="cannot create a network namespace here (a container may forbid it)"
		return
	fi
	if ! { ip netns add "$NS_B" &&
		ip link add "$VETH_A" type veth peer name "$VETH_B" &&
		ip link set "$VETH_A" netns "$NS_A" &&
		ip link set "$VETH_B" netns "$NS_B" &&
		ip -n "$NS_A" addr add 10.200.0.1/24 dev "$VETH_A" &&
		ip -n "$NS_B" addr add 10.200.0.2/24 dev "$VETH_B" &&
		ip -n "$NS_A" link set "$VETH_A" up &&
		ip -n "$NS_B" link set "$VETH_B" up &&
		ip -n "$NS_A" link set lo up &&
		ip -n "$NS_B" link set lo up; } 2>/dev/null; then
		NS_SKIP="cannot join two network namespaces with a veth pair here"
	fi
}

teardown_file() {
	# deleting a namespace ends its veth end, and so the pair
	ip netns pids "$NS_A" 2>/dev/null | xargs -r kill 2>/dev/null || true
	ip netns pids "$NS_B" 2>/dev/null | xargs -r kill 2>/dev/null || true
	ip netns del "$NS_A" 2>/dev/null || true
	ip netns del "$NS_B" 2>/dev/null || true
}

setup() {
	[ -z "$NS_SKIP" ] || skip "$NS_SKIP"
	T=$BATS_TEST_TMPDIR
	cd "$T"
}

teardown() {
	[ -z "${srv_pid:-}" ] || kill "$srv_pid" 2>/dev/null || true
}

# in_a SCRIPT / in_b SCRIPT: runs conch in namespace A or B
in_a() { ip netns exec "$NS_A" "$CONCH" -c "$@"; }
in_b() { ip netns exec "$NS_B" "$CONCH" -c "$@"; }

# serve_a SCRIPT: runs SCRIPT in A in the background; SCRIPT binds its
# listener with `&` and writes $CONCH_PORT to the file port; sets $port.
serve_a() {
	rm -f port
	in_a "$1" > srv.out 2>&1 3>&- &
	srv_pid=$!
	port=$("$NETPEER" wait -t 10 port)
}

# srv_done: the server ended with status 0; its output is in srv.out
srv_done() {
	local rc=0
	wait "$srv_pid" || rc=$?
	srv_pid=
	[ "$rc" -eq 0 ] || fail "server exited $rc: $(cat srv.out)"
}

@test "the namespaces see each other and only each other" {
	run ip -n "$NS_A" -4 -o addr show dev "$VETH_A"
	assert_output --partial 10.200.0.1/24
	run ip -n "$NS_B" -4 -o addr show dev "$VETH_B"
	assert_output --partial 10.200.0.2/24
}

@test "wc -c < @:10.200.0.1:9000 in A counts what a pipeline in B sends" {
	serve_a 'wc -c < @:10.200.0.1:9000 > count & echo "$CONCH_PORT" > port; wait'
	assert_equal "$port" 9000
	run in_b 'printf "hello across hosts\n" | tr a-z A-Z > @10.200.0.1:9000'
	assert_success
	srv_done
	run cat count
	assert_output 19
}

@test "a pipeline spans two hosts: 4 MiB arrive byte-identical" {
	head -c 4M /dev/urandom > big
	serve_a 'cat < @:10.200.0.1:0 | sha256sum > got.sum & echo "$CONCH_PORT" > port; wait'
	run in_b "cat big | cat > @10.200.0.1:$port"
	assert_success
	srv_done
	assert_equal "$(cut -d' ' -f1 got.sum)" "$(sha256sum < big | cut -d' ' -f1)"
}

@test "request and reply across hosts with halfclose" {
	serve_a 'wc -c <> @:10.200.0.1:0 >&0 & echo "$CONCH_PORT" > port; wait'
	run in_b "{ printf abcdefgh >&3; halfclose 3; cat <&3; } 3<> @10.200.0.1:$port"
	assert_success
	assert_output 8
	srv_done
}

@test "a client in A writes to a listener in B (the other direction)" {
	rm -f port
	in_b 'cat < @:10.200.0.2:0 > from-a & echo "$CONCH_PORT" > port; wait' 3>&- &
	srv_pid=$!
	port=$("$NETPEER" wait -t 10 port)
	run in_a "echo from-a > @10.200.0.2:$port"
	assert_success
	srv_done
	run cat from-a
	assert_output from-a
}

@test "@:PORT listens on loopback only: the other host is refused" {
	serve_a 'CONCH_ACCEPT_TIMEOUT=3; cat < @:0 & echo "$CONCH_PORT" > port; wait $!; echo "job=$?"'
	run in_b "echo x > @10.200.0.1:$port"
	assert_failure 1
	assert_output "conch: -c:1: @10.200.0.1:$port: connection refused"
	# the listener is still there for a local client
	run in_a "echo local > @127.0.0.1:$port"
	assert_success
	srv_done
	run cat srv.out
	assert_output $'local\njob=0'
}

@test "@:*:PORT listens on every interface: the other host gets in" {
	serve_a 'cat < @:*:0 & echo "$CONCH_PORT" > port; wait'
	run in_b "echo via-any > @10.200.0.1:$port"
	assert_success
	srv_done
	run cat srv.out
	assert_output via-any
}

@test "a server loop in A serves clients from B, none refused" {
	serve_a 'i=0; while [ $i -lt 5 ]; do read l < @:10.200.0.1:0; echo "$l" >> got; i=$((i+1)); done &
echo "$CONCH_PORT" > port; wait'
	run in_b "for i in 1 2 3 4 5; do echo \"msg \$i\" > @10.200.0.1:$port || echo failed; done"
	assert_success
	assert_output ''
	srv_done
	run cat got
	assert_output $'msg 1\nmsg 2\nmsg 3\nmsg 4\nmsg 5'
}

@test "a connect to a host that does not answer times out" {
	# 10.200.0.3 is on B's link but nobody has it: ARP never resolves
	SECONDS=0
	run in_b 'CONCH_CONNECT_TIMEOUT=1; echo x > @10.200.0.3:9000; echo "s=$?"'
	assert_output $'conch: -c:1: @10.200.0.3:9000: timed out\ns=1'
	[ "$SECONDS" -lt 5 ]
}
