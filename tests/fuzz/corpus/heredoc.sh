cat <<EOF; cat <<-'Q'
$x `y` $(z)
EOF
	q
	Q
echo $((1+(2*3))) $( (sub) ) $'\t\x41'
