#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A GET_VALUE reply whose value is 2: a level is 0 or 1, so gpioget fails
# with EPROTO rather than print 1 (what gpiolib makes of any non-zero
# value), and the next read gives the real level.
. "$(dirname "$0")/../lib.sh"

CTRL=2
c=$(need_chip $CTRL) || exit
sim_fault_clear_at_exit $CTRL
expect_reads $CTRL "$c" 3 0 "before the fault"

sim_fault $CTRL "for get_value value 2"
expect_fail_with "read with value 2 in GET_VALUE's reply" "protocol error" \
	gpioget --numeric -c "$c" 3
expect "$c line 3 after the bad value" "$(gpio_get "$c" 3)" 0
sim_set_input $CTRL 3 1
expect "$c line 3" "$(gpio_get "$c" 3)" 1
msg "a GET_VALUE value of 2: EPROTO, the next read is right"
