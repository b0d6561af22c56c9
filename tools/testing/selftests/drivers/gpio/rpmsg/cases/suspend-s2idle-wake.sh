#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Real suspend-to-idle (pm_test none), with two lines firing from the
# simulator's timers while the guest sleeps: first line 2:6, watched by
# gpiomon but not wake-enabled, then KEY_A of gpio-keys ("wakeup-source")
# on line 1:3. The first is held and does not end the sleep; the second
# does: the PM core names rpmsg-io-1's device as the wakeup source and
# /sys/power/wakeup_count grows. After resume gpiomon gets its edge once
# and gpio-keys its press once; no gpio-keys handler ran while it was
# suspended (ftrace). In a QEMU virt guest nothing else wakes the sleep;
# the simulator's stand-in for a board's RTC ("after: 40000 wake") only
# keeps a broken driver from sleeping until the guest's time limit.
. "$(dirname "$0")/../lib.sh"

grep -qw freeze /sys/power/state || skip "no suspend to idle in /sys/power/state"
[ ! -e /sys/power/pm_test ] || echo none > /sys/power/pm_test
sim_set_input 2 6 0
mon=/tmp/suspend-s2idle-mon.out
mon_start 2 6 rising 100 "$mon"
held2=$(drv_stat 2 held)
wakeups2=$(drv_stat 2 wakeups)
at_exit "echo '0 cancel' > $SIM_DEBUGFS/after"
echo "40000 wake" > "$SIM_DEBUGFS/after" || fail "simulator refused 'after ... wake'"
keyout=/tmp/suspend-s2idle-key.out
wake_key_arm "$keyout" 60000
# Seconds apart, so that the suspend has begun before the first fires
sim_input_after 2 6 1 3000
sim_input_after 1 3 0 6000
echo freeze > /sys/power/state || fail "suspend to idle failed"
calls=$(trace_calls)
echo "0 cancel" > "$SIM_DEBUGFS/after"

kmsg_since | grep -q "PM: suspend-to-idle" ||
	fail "no real suspend to idle: $(kmsg_since | grep 'PM:' | tail -n 5)"
! kmsg_since | grep -q "another wake source of the board fires" ||
	fail "the lines did not end the sleep: the simulator's stand-in RTC did"
expect "notifications held by rpmsg-io-2" "$(drv_stat 2 held)" $((held2 + 1))
expect "wakeups reported by rpmsg-io-2 (no wake)" "$(drv_stat 2 wakeups)" "$wakeups2"
wake_key_woke
kmsg_since | grep -q "wakeup source: $WAKE_WS" ||
	fail "$WAKE_WS not named as the wakeup source:" \
		"$(kmsg_since | grep 'wakeup source' | tail -n 3)"
kmsg_since | grep -q "PM: resume from suspend-to-idle" || fail "no resume from suspend to idle"
mon_wait_events "$mon" 1 ||
	fail "gpiomon did not get the edge of line 2:6 after resume: $(cat "$mon")"
sleep 1
expect "gpiomon events" "$(mon_events "$mon")" 1
kill $MON_PID
wait_gone $MON_PID 5 || fail "gpiomon does not exit"
wake_key_delivered "$keyout" "$calls"
msg "s2idle: line 2:6 held without waking, KEY_A woke it via $WAKE_WS; each delivered once"
