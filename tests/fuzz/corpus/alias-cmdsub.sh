a x; b
echo $(case y in y) cat <<E;; esac
in
E
)
