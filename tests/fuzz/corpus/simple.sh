echo hello; ls -l | wc >out 2>&1 &
