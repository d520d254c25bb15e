if a; then b; elif c; then d; else e; fi
while x; do y; done
until z; do :; done
for i in 1 2; do echo $i; done
