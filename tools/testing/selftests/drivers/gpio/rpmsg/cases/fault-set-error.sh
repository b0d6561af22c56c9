#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# An error reply to the SET_VALUE that changes a held output (a .set():
# gpioset --toggle), not to the SET_VALUE of direction_output that
# fault-error-status.sh hits: gpioset reports EIO (it goes on, and exits
# 0), the error is counted, and the next write works.
. "$(dirname "$0")/../lib.sh"

CTRL=2
c=$(need_chip $CTRL) || exit
sim_fault_clear_at_exit $CTRL
gpio_set "$c" 5 0 || fail "cannot set $c line 5"
errs=$(drv_stat $CTRL error_replies)

# The second SET_VALUE is the toggle's
sim_log_clear $CTRL
sim_fault $CTRL "for set_value:2 error"
out=$(gpioset -t 100ms,0 -c "$c" 5=1 2>&1)
echo "$out" | grep -qi "input/output error" ||
	fail "gpioset: an error reply to the toggle's SET_VALUE was not reported: '$out'"
sim_log_expect "the failed toggle" $CTRL \
	"set_value 5 1" "set_direction 5 1" "set_value 5 0"
expect "error_replies" "$(drv_stat $CTRL error_replies)" $((errs + 1))
gpio_set "$c" 5 1 || fail "cannot set $c line 5 after the error"
expect "remote line $CTRL:5 after the error" "$(sim_get_output $CTRL 5)" 1
gpio_set "$c" 5 0 || fail "cannot clear $c line 5"
msg "an error reply to a held output's SET_VALUE: EIO reported, the next write works"
