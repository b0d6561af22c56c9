#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# 5000 notifications back to back: on a line without interrupt they are
# all dropped and counted; on a line gpiomon waits on, its event arrives;
# either way the other controllers stay usable.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
b=$(need_chip 1) || exit
gpio_get "$c" 3 >/dev/null || fail "cannot read $c line 3"
expect_reads 1 "$b" 10 1 "before"

# Timed: a read on rpmsg-io-1 while the flood is on its way.
read_other() {
	local t0 t1

	t0=$(date +%s)
	# shellcheck disable=SC2016
	wait_for '[ "$(gpio_get "$b" 10)" = 1 ]' 30 ||
		fail "$1: no read of $b completed within 30 s"
	t1=$(date +%s)
	[ $((t1 - t0)) -lt 15 ] || fail "$1: a read of $b took $((t1 - t0)) s"
	msg "$1: read of $b done in $((t1 - t0)) s"
}

n=$(drv_stat 2 dropped_irq_disabled)
sim_fault 2 "flood 5000 7"
read_other "flood on a line without interrupt"
# shellcheck disable=SC2016
wait_for '[ "$(drv_stat 2 dropped_irq_disabled)" -ge $((n + 5000)) ]' 60 ||
	fail "dropped_irq_disabled +$(($(drv_stat 2 dropped_irq_disabled) - n)), expected +5000"
expect "dropped_irq_disabled" "$(drv_stat 2 dropped_irq_disabled)" $((n + 5000))
expect "simulator queue_full" "$(sim_global_stat queue_full)" 0

gpiomon -c "$c" -e rising -n 1 6 > /tmp/flood.out 2>&1 &
pm=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_irq_type 2 6)" = edge-rising ]' 10 ||
	fail "gpiomon did not enable the interrupt of line 6"
n=$(drv_stat 2 dropped_irq_disabled)
nt=$(drv_stat 2 notifications)
sim_fault 2 "flood 5000 6"
read_other "flood on a line gpiomon waits on"
wait_for "! kill -0 $pm" 30 || fail "gpiomon got no event: $(cat /tmp/flood.out)"
grep -q rising /tmp/flood.out || fail "gpiomon printed no event: $(cat /tmp/flood.out)"
total() { echo $(($(drv_stat 2 dropped_irq_disabled) - n + $(drv_stat 2 notifications) - nt)); }
wait_for '[ "$(total)" -ge 5000 ]' 60 ||
	fail "of 5000 notifications $(total) accepted or dropped"
expect "notifications accepted or dropped" "$(total)" 5000
[ "$(drv_stat 2 notifications)" -gt "$nt" ] || fail "no notification accepted"
expect "$c line 3 after the floods" "$(gpio_get "$c" 3)" "$(cat "$(sim_line_file 2 3 input)")"
msg "accepted $(($(drv_stat 2 notifications) - nt))," \
	"dropped $(($(drv_stat 2 dropped_irq_disabled) - n))"
