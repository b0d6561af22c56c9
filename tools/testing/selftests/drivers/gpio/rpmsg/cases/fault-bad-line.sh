#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Notifications for a line the chip does not have (dropped_bad_line) or
# for a line whose interrupt Linux has not enabled (dropped_irq_disabled)
# are dropped and counted.
. "$(dirname "$0")/../lib.sh"

a=$(need_chip 0) || exit
b=$(need_chip 1) || exit
# Nothing reaches a channel before Linux has spoken on it.
gpio_get "$a" 10 >/dev/null || fail "cannot read $a line 10"
gpio_get "$b" 10 >/dev/null || fail "cannot read $b line 10"

n=$(drv_stat 0 dropped_bad_line)
sim_fault 0 bad_line		# line 32 of a 32-line chip
sim_fault 0 "bad_line 255"
# shellcheck disable=SC2016
wait_for '[ "$(drv_stat 0 dropped_bad_line)" -ge $((n + 2)) ]' 5 ||
	fail "rpmsg-io-0: dropped_bad_line $(drv_stat 0 dropped_bad_line), expected $((n + 2))"

# Controller 1 has 20 lines by its DT node's ngpios = <20>
if sim_has_dt; then
	n=$(drv_stat 1 dropped_bad_line)
	sim_fault 1 bad_line		# line 20, ngpios = <20>
	# shellcheck disable=SC2016
	wait_for '[ "$(drv_stat 1 dropped_bad_line)" -ge $((n + 1)) ]' 5 ||
		fail "rpmsg-io-1: a notification for line 20 of 20 was not dropped as bad_line"
else
	msg "no device tree node: controller 1's ngpios = <20> not checked"
fi

n=$(drv_stat 0 dropped_irq_disabled)
nt=$(drv_stat 0 notifications)
sim_fault 0 "notify 10"
sim_fault 0 "notify 31"
# shellcheck disable=SC2016
wait_for '[ "$(drv_stat 0 dropped_irq_disabled)" -ge $((n + 2)) ]' 5 ||
	fail "rpmsg-io-0: dropped_irq_disabled $(drv_stat 0 dropped_irq_disabled)," \
		"expected $((n + 2))"
expect "rpmsg-io-0 notifications accepted" "$(drv_stat 0 notifications)" "$nt"
expect "$a line 10 still readable" "$(gpio_get "$a" 10)" "$(cat "$(sim_line_file 0 10 input)")"
msg "bad line and disabled-irq notifications dropped"
