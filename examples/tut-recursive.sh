#!/usr/bin/env conch
# tut-recursive.sh: recursive shell functions
#
# Shows: functions that call themselves, `local` keeping each call's
# variables apart, results returned through output ($(...)) or through
# a global variable, and the return status.
#
# Run:   conch examples/tut-recursive.sh [DIR]
# Prints a few factorials and Fibonacci numbers, the moves that solve the
# towers of Hanoi with 3 discs, and the tree of DIR (default: .), sorted.

# The result as output: each call runs in a command substitution.
fact() {
	if [ "$1" -le 1 ]; then
		echo 1
	else
		echo $(( $1 * $(fact $(( $1 - 1 ))) ))
	fi
}

# The result in a global variable: no subshells, so no forks at all.
fib() {
	local n=$1 a
	if [ "$n" -lt 2 ]; then
		fib_result=$n
		return
	fi
	fib $((n - 1)); a=$fib_result
	fib $((n - 2)); fib_result=$((a + fib_result))
}

# Move $1 discs from peg $2 to peg $3 using peg $4.
moves=0
hanoi() {
	[ "$1" -eq 0 ] && return
	hanoi $(($1 - 1)) "$2" "$4" "$3"
	moves=$((moves + 1))
	echo "move disc $1 from $2 to $3"
	hanoi $(($1 - 1)) "$4" "$3" "$2"
}

# Print the entries of directory $1, indented by $2.
tree() {
	local entry
	for entry in "$1"/*; do
		[ -e "$entry" ] || continue
		if [ -d "$entry" ]; then
			echo "$2${entry##*/}/"
			tree "$entry" "$2    "
		else
			echo "$2${entry##*/}"
		fi
	done
}

for i in 1 5 10; do echo "$i! = $(fact $i)"; done
for i in 10 20; do fib $i; echo "fib($i) = $fib_result"; done
hanoi 3 A C B
echo "$moves moves"
echo "${1:-.}/"
tree "${1:-.}" "    "
