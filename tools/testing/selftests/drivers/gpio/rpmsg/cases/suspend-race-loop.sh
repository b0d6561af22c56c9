#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Suspend cycles (pm_test=devices, no delay) with edges racing them: the
# simulator toggles a line just before, during and just after each
# suspend, from its own timer. Every notification the remote sends
# reaches gpiomon exactly once: none lost in the hold, none doubled at
# resume. 100 cycles.
# timeout=900
. "$(dirname "$0")/../lib.sh"

cycles=100
c=$(need_chip 2) || exit
sim_set_input 2 6 0
out=/tmp/suspend-race.out
mon_start 2 6 both 100000 "$out"
n=$(sim_stat 2 notifications)
held=$(drv_stat 2 held)
level=0 i=0
while [ $i -lt $cycles ]; do
	# 0, 40, 80, ... 360 ms after the write: before, in and after the suspend
	for ms in 0 $((i % 10 * 40)) $((i % 10 * 40 + 150)); do
		level=$((1 - level))
		sim_input_after 2 6 $level $ms
	done
	pm_test_suspend devices 0
	[ "$PM_RC" = 0 ] || fail "suspend $i failed: $PM_RC"
	i=$((i + 1))
done
# Let the last edges and re-arms settle
sleep 2
sent=$(($(sim_stat 2 notifications) - n))
[ $sent -gt 0 ] || fail "the remote sent no notification"
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(mon_events "$out")" -ge '$sent' ]' 10 ||
	fail "gpiomon got $(mon_events "$out") events for $sent notifications"
sleep 1
expect "gpiomon events for $sent notifications" "$(mon_events "$out")" $sent
kill $MON_PID
wait_gone $MON_PID 5 || fail "gpiomon does not exit"
held=$(($(drv_stat 2 held) - held))
[ $held -gt 0 ] || fail "no notification came while suspended: nothing raced the suspends"
msg "$cycles suspend cycles: $sent notifications, $held held, each delivered once"
