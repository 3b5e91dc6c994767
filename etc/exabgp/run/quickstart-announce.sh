#!/bin/sh
# An API program: what it prints on stdout are commands for jexabgp; it reads the answers (done/error) on stdin.
# It announces a few routes, withdraws one, then stays (the daemon would restart it if it exited).
sleep 2
for i in 1 2 3; do
	echo "announce route 10.0.$i.0/24 next-hop self med ${i}0 as-path [ 65001 6450$i ]"
	read -r answer
done
echo "announce route 2001:db8:1::/48 next-hop 2001:db8::1 local-preference 200"
read -r answer
sleep 2
echo "withdraw route 10.0.2.0/24"
read -r answer
# keep running until the daemon closes our input
while read -r line; do :; done
