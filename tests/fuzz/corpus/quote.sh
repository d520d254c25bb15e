echo `echo \`echo x\``; echo "a\
b" 'c'"$@"
