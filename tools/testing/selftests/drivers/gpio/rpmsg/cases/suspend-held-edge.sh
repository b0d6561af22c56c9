#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A line that is not wake-enabled fires while the system is suspended
# (pm_test=devices, then platform: devices suspend, nothing sleeps; the
# simulator fires from its own timer while tasks are frozen). It does not wake the
# system: no wakeup event, the suspend lasts its full pm_test_delay. No
# consumer handler runs while the driver holds notifications (ftrace:
# no call of gpiolib-cdev's edge_irq_thread between the driver's first
# .prepare and its first .complete); the edge reaches gpiomon once, after
# resume, and the line is re-armed.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
out=/tmp/suspend-held.out
mon_start 2 5 rising 10 "$out"
ws=$(basename "$(rpmsg_dev rpmsg-io-2)")
ws0=$(ws_events "$ws")
[ "$ws0" != none ] || fail "no wakeup source $ws"
for level in devices platform; do
	sim_set_input 2 5 0
	held=$(drv_stat 2 held)
	wakeups=$(drv_stat 2 wakeups)
	n=$(sim_stat 2 notifications)
	events=$(mon_events "$out")

	trace_calls_start rpmsg_gpio_prepare rpmsg_gpio_complete edge_irq_thread
	sim_input_after 2 5 1 2000
	pm_test_suspend $level 4
	calls=$(trace_calls)
	[ "$PM_RC" = 0 ] || fail "suspend (pm_test $level) failed: $PM_RC"

	expect "remote notifications ($level)" "$(sim_stat 2 notifications)" $((n + 1))
	expect "notifications held ($level)" "$(drv_stat 2 held)" $((held + 1))
	expect "wakeups reported ($level)" "$(drv_stat 2 wakeups)" "$wakeups"
	expect "events of wakeup source $ws ($level)" "$(ws_events "$ws")" "$ws0"
	mon_wait_events "$out" $((events + 1)) ||
		fail "the edge did not reach gpiomon after resume ($level): $(cat "$out")"
	set -- $(echo "$calls" |
		calls_between rpmsg_gpio_prepare rpmsg_gpio_complete edge_irq_thread)
	[ "$1" != unseen ] ||
		fail "the driver's .prepare/.complete not traced: $(echo "$calls" | sort | uniq -c)"
	expect "handler calls while held ($level)" "$1" 0
	expect "handler calls after resume ($level)" "$2" 1
	sim_wait_rearmed 2 5 $((n + 1)) || fail "line 2:5 not re-armed after resume ($level)"
	sleep 0.5
	expect "gpiomon events ($level)" "$(mon_events "$out")" $((events + 1))
done
kill $MON_PID
wait_gone $MON_PID 5 || fail "gpiomon does not exit"
msg "edge during suspend held, delivered once after resume, no wakeup"
