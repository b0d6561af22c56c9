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

KEY_A=30
grep -qw freeze /sys/power/state || skip "no suspend to idle in /sys/power/state"
[ ! -e /sys/power/pm_test ] || echo none > /sys/power/pm_test
keys_input
dev=$KEYS_DEV
sim_set_input 1 3 1
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "KEY_A still pressed with line 1:3 high"
sim_set_input 2 6 0
mon=/tmp/suspend-s2idle-mon.out
mon_start 2 6 rising 100 "$mon"
ws=$(basename "$(rpmsg_dev rpmsg-io-1)")
ws0=$(ws_events "$ws")
[ "$ws0" != none ] || fail "no wakeup source $ws"
held2=$(drv_stat 2 held)
wakeups1=$(drv_stat 1 wakeups)
wakeups2=$(drv_stat 2 wakeups)
count=$(cat /sys/power/wakeup_count)

keyout=/tmp/suspend-s2idle-key.out
evread "$dev" 1 60000 > "$keyout" 2>&1 &
pid=$!
wait_for "ls -l /proc/$pid/fd | grep -q ${dev##*/}" 5 || fail "evread did not open $dev"
old_dbg=$(cat /sys/power/pm_debug_messages)
at_exit "echo $old_dbg > /sys/power/pm_debug_messages"
echo 1 > /sys/power/pm_debug_messages
at_exit "echo '0 cancel' > $SIM_DEBUGFS/after"
echo "40000 wake" > "$SIM_DEBUGFS/after" || fail "simulator refused 'after ... wake'"
kmsg_mark
echo "$count" > /sys/power/wakeup_count || fail "wakeup events pending before the suspend"
trace_calls_start rpmsg_gpio_prepare rpmsg_gpio_complete gpio_keys_suspend \
	gpio_keys_resume gpio_keys_gpio_isr
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
expect "wakeups reported by rpmsg-io-1" "$(drv_stat 1 wakeups)" $((wakeups1 + 1))
expect "events of wakeup source $ws" "$(ws_events "$ws")" $((ws0 + 1))
[ "$(cat /sys/power/wakeup_count)" -gt "$count" ] || fail "wakeup_count did not grow"
kmsg_since | grep -q "last active wakeup source: $ws" ||
	fail "$ws not named as the wakeup source: $(kmsg_since | grep 'wakeup source' | tail -n 3)"
kmsg_since | grep -q "PM: resume from suspend-to-idle" || fail "no resume from suspend to idle"
mon_wait_events "$mon" 1 ||
	fail "gpiomon did not get the edge of line 2:6 after resume: $(cat "$mon")"
sleep 1
expect "gpiomon events" "$(mon_events "$mon")" 1
kill $MON_PID
wait_gone $MON_PID 5 || fail "gpiomon does not exit"
wait "$pid" || fail "the press did not arrive after resume: $(cat "$keyout")"
expect "event" "$(cat "$keyout")" "key $KEY_A 1"
set -- $(echo "$calls" | calls_between gpio_keys_suspend gpio_keys_resume gpio_keys_gpio_isr)
[ "$1" != unseen ] || fail "gpio-keys suspend/resume not traced: $(echo "$calls" | sort | uniq -c)"
expect "gpio-keys handler calls while it was suspended" "$1" 0
set -- $(echo "$calls" | calls_between rpmsg_gpio_prepare rpmsg_gpio_complete gpio_keys_gpio_isr)
expect "gpio-keys handler calls while notifications were held" "$1" 0
expect "gpio-keys handler calls after resume" "$2" 1
sim_set_input 1 3 1
# shellcheck disable=SC2016
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "the release after resume did not arrive"
msg "s2idle: line 2:6 held without waking, KEY_A woke it via $ws; each delivered once"
