#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Interrupt wakeup reaches the remote: gpio-keys' KEY_A (controller 1 line
# 3, "wakeup-source" in guest.dtsi) enables irq wake at system suspend and
# disables it at resume. With pm_test=devices (devices suspend, nothing
# sleeps) the remote must see one SET_WAKEUP per change: enable (1) then
# disable (0), in that order (its request log), and end with wake 0.
# With the device's wakeup disabled, a suspend sends no SET_WAKEUP at
# all. Besides, gpio-keys reads the key at resume
# (gpio_keys_report_state): one GET_VALUE, two without wakeup, as it then
# also closes and reopens its input device (open: the keyboard handler
# has it) and reads the key at open. Nothing else: an output held across
# the suspend keeps its level at the remote, and is not re-sent.
. "$(dirname "$0")/../lib.sh"

dev=/sys/devices/platform/rpmsg-keys
keys_input
b=$(need_chip 1) || exit
[ -e /sys/power/pm_test ] || skip "no /sys/power/pm_test (CONFIG_PM_DEBUG=n)"
grep -qw freeze /sys/power/state || skip "no suspend to idle in /sys/power/state"
[ -e "$dev/power/wakeup" ] || fail "$dev has no power/wakeup: is key-a a wakeup-source?"
expect "$dev wakeup" "$(cat "$dev/power/wakeup")" enabled
expect "remote wake of 1:3 before suspend" "$(sim_get_wake 1 3)" 0

delay=/sys/module/suspend/parameters/pm_test_delay
old_delay=$(cat $delay 2>/dev/null)
restore() {
	echo none > /sys/power/pm_test
	[ -n "$old_delay" ] && echo "$old_delay" > $delay
	echo enabled > "$dev/power/wakeup"
}
at_exit restore
[ -n "$old_delay" ] && echo 0 > $delay
echo devices > /sys/power/pm_test || fail "cannot set pm_test to devices"

do_suspend() {
	echo freeze > /sys/power/state || fail "suspend to idle (pm_test devices) failed"
}

# A held output keeps its level across the suspend: nothing is re-sent
gpioset -c "$b" 8=1 > /tmp/wakeup-set.out 2>&1 &
holder=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_output 1 8)" = 1 ]' 10 || fail "gpioset did not drive 1:8"
before=$(sim_msgs 1)
sim_log_clear 1
do_suspend
after=$(sim_msgs_since 1 "$before")
expect "remote 1:8 after resume" "$(sim_get_direction 1 8) $(sim_get_output 1 8)" "out 1"
kill $holder
wait_gone $holder 5 || fail "gpioset does not exit"
expect "remote wake of 1:3 after resume" "$(sim_get_wake 1 3)" 0
expect "messages across a suspend with KEY_A a wakeup source" \
	"$after" "$(msgs set_wakeup=2 get_value=1)"
sim_log_expect "SET_WAKEUP at suspend, then at resume" 1 -m '^set_wakeup ' \
	"set_wakeup 3 1" "set_wakeup 3 0"

echo disabled > "$dev/power/wakeup"
before=$(sim_msgs 1)
do_suspend
expect "messages across a suspend with wakeup disabled" \
	"$(sim_msgs_since 1 "$before")" "$(msgs get_value=2)"
expect "remote wake of 1:3" "$(sim_get_wake 1 3)" 0
msg "SET_WAKEUP 1 at suspend and 0 at resume, nothing when wakeup is off"
