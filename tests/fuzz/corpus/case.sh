case $1 in (a|b) echo "${x:-y}";; *) echo ${#x} ${x%%.*};& esac
f() { local x=~/a:~b; } >&2
