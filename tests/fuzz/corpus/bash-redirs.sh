a |& b |& c
{ x; } &> f; y &>> g 2>&1
exec {fd}>f {in}<g {rw}<>h {ap}>>i {d}>&3 {c}<&- {h}<<EOF
body $fd
EOF
: {fd}>&- {1x}>f {a b}>g {}>h
echo $((2**3**2 + 16#ff + 64#@_ , x++ , --y))
