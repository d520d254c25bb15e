# pipe_bulk.sh: 256 MiB through four external commands, `head -c | cat | cat | wc -c`
# (pipe throughput between processes: the size of the pipes counts)
# expect: 268435456
head -c 268435456 /dev/zero | cat | cat | wc -c
