#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A request times out and its reply is still owed; then the remote sends a
# message that is no reply (2 bytes), and only after it the owed reply,
# late, just before its answers to the requests sent after it. The driver
# cannot tell the short message from a garbled reply: it must not take it
# for the owed one and send on as if nothing were owed, or the late reply
# would answer the next request. So the owed reply is counted with those
# that may still come (suspect), and every read of another line prints
# the remote's real level or fails, never the late reply's.
#
# The late reply answers a GET_VALUE of line 3 (level 0); the reads that
# follow are of line 4 (level 1): gpioget sends SET_DIRECTION, then
# GET_VALUE, so an answer shifted by one would give 0.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 500
at_exit "echo none > $SIM_DEBUGFS/ctrl2/fault"
sim_set_input 2 3 0
sim_set_input 2 4 1
expect "$c line 4 before the fault" "$(gpio_get "$c" 4)" 1
ok=0 failed=0

for ms in 1000 1500 2000; do
	sus=$(drv_stat 2 suspect)
	bad=$(drv_stat 2 dropped_bad_length)
	sim_fault 2 "late $ms"
	# Times out, unless the vCPU ran too late to see its timeout first
	gpioget --numeric -c "$c" 3 > /dev/null 2>&1 && continue
	sim_fault 2 garbage
	wait_for "[ \$(drv_stat 2 dropped_bad_length) -gt $bad ]" 5 ||
		fail "the short message did not arrive"
	expect "short messages dropped" "$(drv_stat 2 dropped_bad_length)" $((bad + 1))
	# Counted with the replies that may still come, unless the late
	# reply already came
	[ "$(drv_stat 2 suspect)" -ge "$sus" ] || fail "suspect went down"
	end=$(($(date +%s) + ms / 1000 + 3))
	while [ "$(date +%s)" -lt "$end" ]; do
		if v=$(gpioget --numeric -c "$c" 4 2>/dev/null); then
			expect "$c line 4 while a reply $ms ms late is due" "$v" 1
			ok=$((ok + 1))
		else
			failed=$((failed + 1))
		fi
	done
	expect "$c line 3 after the $ms ms late reply" "$(gpio_get "$c" 3)" 0
	expect "$c line 4 after the $ms ms late reply" "$(gpio_get "$c" 4)" 1
done
[ $ok -gt 0 ] || fail "no read of line 4 succeeded while replies were late"
# A new channel starts in step (the short message may have been the reply)
DRV=/sys/bus/rpmsg/drivers/gpio_rpmsg
dev=$(rpmsg_dev rpmsg-io-2) || fail "no rpmsg device for rpmsg-io-2"
echo "${dev##*/}" > $DRV/unbind || fail "unbind failed"
echo "${dev##*/}" > $DRV/bind || fail "bind failed"
need_chip 2 > /dev/null || exit
msg "a short message then a late reply: $ok reads right, $failed failed, none wrong"
