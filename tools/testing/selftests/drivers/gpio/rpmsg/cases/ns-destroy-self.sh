#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote asks Linux to release its own name service: a name-service
# destroy for "rpmsg_ns" at address 53, then at 0xffffffff, which the
# rpmsg core's lookup takes as a wildcard. Linux refuses both; the name
# service and every channel keep working. 7.2.13 (and the series before
# "rpmsg: ns: refuse announcements that would find the name service
# itself")
# unregistered the name service from within its own callback, under its
# own cb_lock: the receive path deadlocked and every channel went dead.
. "$(dirname "$0")/../lib.sh"

ns_dev() { ls -d /sys/bus/rpmsg/devices/*.rpmsg_ns.53.53 2>/dev/null; }

# controller, a line the remote drives, a line Linux drives (no DT user)
CHANNELS="0 8 9
1 5 6
2 6 4
3 10 11"

echo "$CHANNELS" | while read -r ctrl in out; do
	need_chip "$ctrl" >/dev/null || exit 1
done || exit
ns=$(ns_dev) || fail "no name service device before"
sent=$(sim_global_stat ns_sent)
sim_ctl ns_destroy_self
expect "name-service messages sent" "$(sim_global_stat ns_sent)" $((sent + 2))
# Replies queue up behind the two destroys in the one receive path: a
# channel that answers proves they were handled.
echo "$CHANNELS" | while read -r ctrl in out; do
	c=$(need_chip "$ctrl") || exit 1
	chip_works "$ctrl" "$c" "$in" "$out"
done || exit
expect "name service device" "$(ns_dev)" "$ns"
# And it still creates channels
sim_ctl withdraw rpmsg-io-2
wait_for "! chip_of 2" 10 || fail "rpmsg-io-2 not withdrawn"
sim_ctl announce rpmsg-io-2
c=$(need_chip 2) || exit
chip_works 2 "$c" 6 4
msg "both destroys refused; $ns and every channel work"
