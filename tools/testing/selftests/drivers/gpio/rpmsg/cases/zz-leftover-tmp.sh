#!/bin/sh
. "$(dirname "$0")/../lib.sh"
sleep 1000 &
(while :; do :; done) &
msg "started two leftovers"
exit 0
