#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Replies slower than usual but within timeout_ms: everything works, no
# timeout is counted.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 1000
gpio_get "$c" 3 >/dev/null || fail "cannot read $c line 3"
to=$(drv_stat 2 timeouts)
sim_fault 2 "delay_ms 300"
trap 'echo none > $SIM_DEBUGFS/ctrl2/fault; echo $DRV_TIMEOUT_OLD > $DRV_TIMEOUT' EXIT
for v in 1 0; do
	sim_set_input 2 3 $v
	expect "$c line 3 with 300 ms replies" "$(gpio_get "$c" 3)" $v
	gpio_set "$c" 4 $v || fail "cannot set $c line 4 to $v with 300 ms replies"
	expect "remote line 2:4" "$(sim_get_output 2 4)" $v
done
sim_fault 2 none
expect "timeouts" "$(drv_stat 2 timeouts)" "$to"
msg "300 ms replies: no timeout"
