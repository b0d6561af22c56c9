#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A notification between a request and its reply: the request still gets
# its own reply; without an interrupt on the line the notification is
# dropped (irq_disabled), with gpiomon on the line its event is delivered.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
expect_reads 2 "$c" 3 1 "before"

n=$(drv_stat 2 dropped_irq_disabled)
sim_fault 2 "notify_between 6"
expect_reads 2 "$c" 3 0 "with a notification before the reply"
expect "dropped_irq_disabled" "$(drv_stat 2 dropped_irq_disabled)" $((n + 1))

gpiomon -c "$c" -e rising -n 1 6 > /tmp/notify-between.out 2>&1 &
pm=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_irq_type 2 6)" = edge-rising ]' 10 ||
	fail "gpiomon did not enable the interrupt of line 6 ($(sim_get_irq_type 2 6))"
nt=$(drv_stat 2 notifications)
sim_fault 2 "notify_between 6"
expect_reads 2 "$c" 3 1 "with an awaited notification before the reply"
wait_for "! kill -0 $pm" 10 || fail "gpiomon got no event: $(cat /tmp/notify-between.out)"
wait $pm || fail "gpiomon failed: $(cat /tmp/notify-between.out)"
grep -q rising /tmp/notify-between.out ||
	fail "gpiomon printed no rising event: $(cat /tmp/notify-between.out)"
expect "notifications" "$(drv_stat 2 notifications)" $((nt + 1))
msg "reply right, event delivered: $(cat /tmp/notify-between.out)"
