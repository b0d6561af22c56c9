#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A wake-enabled line fires while the system is suspended (pm_test=devices,
# the simulator firing from its own timer): KEY_A of gpio-keys
# ("wakeup-source"), pressed. The driver reports a wakeup event, which ends
# the suspend: with the wakeup_count protocol of a suspend manager, the PM
# core says "Wakeup pending, aborting suspend" and names the channel's
# device as the last active wakeup source, and /sys/power/wakeup_count
# grows. No gpio-keys handler runs while gpio-keys
# is suspended (ftrace: no gpio_keys_gpio_isr between gpio_keys_suspend
# and gpio_keys_resume); the press arrives once, after resume.
. "$(dirname "$0")/../lib.sh"

KEY_A=30
keys=/sys/devices/platform/rpmsg-keys
keys_input
dev=$KEYS_DEV
expect "$keys wakeup" "$(cat $keys/power/wakeup)" enabled
sim_set_input 1 3 1
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "KEY_A still pressed with line 1:3 high"
ws=$(basename "$(rpmsg_dev rpmsg-io-1)")
ws0=$(ws_events "$ws")
[ "$ws0" != none ] || fail "no wakeup source $ws"
wakeups=$(drv_stat 1 wakeups)
count=$(cat /sys/power/wakeup_count)

out=/tmp/suspend-wake-key.out
evread "$dev" 1 20000 > "$out" 2>&1 &
pid=$!
wait_for "ls -l /proc/$pid/fd | grep -q ${dev##*/}" 5 || fail "evread did not open $dev"
old_dbg=$(cat /sys/power/pm_debug_messages)
at_exit "echo $old_dbg > /sys/power/pm_debug_messages"
echo 1 > /sys/power/pm_debug_messages
kmsg_mark
# The wakeup_count protocol of a suspend manager: a wakeup event counted
# after this write ends the suspend, and the PM core names its source
echo "$count" > /sys/power/wakeup_count || fail "wakeup events pending before the suspend"
trace_calls_start rpmsg_gpio_prepare rpmsg_gpio_complete gpio_keys_suspend \
	gpio_keys_resume gpio_keys_gpio_isr
sim_input_after 1 3 0 2500
pm_test_suspend devices 10
calls=$(trace_calls)

expect "wakeups reported by rpmsg-io-1" "$(drv_stat 1 wakeups)" $((wakeups + 1))
expect "events of wakeup source $ws" "$(ws_events "$ws")" $((ws0 + 1))
[ "$(cat /sys/power/wakeup_count)" -gt "$count" ] || fail "wakeup_count did not grow"
kmsg_since | grep -q "Wakeup pending, aborting suspend" ||
	fail "the suspend was not ended by a wakeup:" \
		"$(kmsg_since | grep -i -e wakeup -e suspend | tail -n 5)"
kmsg_since | grep -q "wakeup source: $ws" ||
	fail "$ws not named as the wakeup source: $(kmsg_since | grep 'wakeup source' | tail -n 3)"
wait "$pid" || fail "the press did not arrive after resume: $(cat "$out")"
expect "event" "$(cat "$out")" "key $KEY_A 1"
set -- $(echo "$calls" | calls_between gpio_keys_suspend gpio_keys_resume gpio_keys_gpio_isr)
[ "$1" != unseen ] || fail "gpio-keys suspend/resume not traced: $(echo "$calls" | sort | uniq -c)"
expect "gpio-keys handler calls while it was suspended" "$1" 0
set -- $(echo "$calls" | calls_between rpmsg_gpio_prepare rpmsg_gpio_complete gpio_keys_gpio_isr)
expect "gpio-keys handler calls while notifications were held" "$1" 0
expect "gpio-keys handler calls after resume" "$2" 1
sim_set_input 1 3 1
# shellcheck disable=SC2016
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "the release after resume did not arrive"
msg "KEY_A pressed while suspended: wakeup from $ws, one press after resume"
