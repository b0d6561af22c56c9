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

keys=/sys/devices/platform/rpmsg-keys
out=/tmp/suspend-wake-key.out
wake_key_arm "$out" 20000
expect "$keys wakeup" "$(cat $keys/power/wakeup)" enabled
sim_input_after 1 3 0 2500
pm_test_suspend devices 10
calls=$(trace_calls)

wake_key_woke
kmsg_since | grep -q "Wakeup pending, aborting suspend" ||
	fail "the suspend was not ended by a wakeup:" \
		"$(kmsg_since | grep -i -e wakeup -e suspend | tail -n 5)"
kmsg_since | grep -q "wakeup source: $WAKE_WS" ||
	fail "$WAKE_WS not named as the wakeup source:" \
		"$(kmsg_since | grep 'wakeup source' | tail -n 3)"
wake_key_delivered "$out" "$calls"
msg "KEY_A pressed while suspended: wakeup from $WAKE_WS, one press after resume"
