#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# An error reply to GET_VALUE (a .get(), not the SET_DIRECTION of the line
# request that fault-error-status.sh hits) fails gpioget with EIO, is
# counted, and the next read works.
. "$(dirname "$0")/../lib.sh"

CTRL=2
c=$(need_chip $CTRL) || exit
sim_fault_clear_at_exit $CTRL
expect_reads $CTRL "$c" 3 1 "before the fault"
errs=$(drv_stat $CTRL error_replies)

sim_log_clear $CTRL
sim_fault $CTRL "for get_value error"
expect_fail_with "read with an error reply to GET_VALUE" "input/output error" \
	gpioget --numeric -c "$c" 3
sim_log_expect "the failed read" $CTRL "set_direction 3 2" "get_value 3 0"
expect "error_replies" "$(drv_stat $CTRL error_replies)" $((errs + 1))
expect "$c line 3 after the error" "$(gpio_get "$c" 3)" 1
msg "an error reply to GET_VALUE: EIO, and the next read works"
