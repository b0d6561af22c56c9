#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A channel with no DT node and no controller behind it (rpmsg-io-9):
# still a 32-line gpiochip labelled with the channel name, "no device
# tree node" logged; its requests go unanswered and time out; withdrawn,
# the chip goes away.
. "$(dirname "$0")/../lib.sh"

sim_loaded || fail "simulator not loaded"
drv_timeout_set 200
kmsg_mark
sim_ctl announce rpmsg-io-9
c=$(need_chip 9) || exit
expect "$c lines" "$(chip_lines "$c")" 32
expect "$c label" "$(chip_label "$c")" rpmsg-io-9
wait_for "kmsg_since | grep -q 'no device tree node for controller 9'" 5 ||
	fail "no \"no device tree node\" in the kernel log"
nc=$(sim_global_stat no_ctrl)
expect_fail_with "read on a channel nobody answers" "timed out" gpioget --numeric -c "$c" 0
[ "$(sim_global_stat no_ctrl)" -gt "$nc" ] || fail "the simulator saw no request for rpmsg-io-9"
sim_ctl withdraw rpmsg-io-9
wait_for "! chip_of 9" 10 || fail "$c still there after withdraw"
wait_for "! rpmsg_dev rpmsg-io-9" 10 || fail "rpmsg-io-9 device still there after withdraw"
msg "rpmsg-io-9: $c, 32 lines, gone after withdraw"
