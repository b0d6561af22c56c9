#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The error paths of reading and writing a value (controller 2):
#   an error reply to GET_VALUE      gpioget fails with EIO
#   an error reply to the SET_VALUE of a held output (gpioset --toggle)
#                                    gpioset reports EIO
#   a GET_VALUE reply with value 2   gpioget fails with EPROTO: a value is
#                                    0 or 1, anything else is not a level
# and after each the chip works. (fault-error-status.sh hits the
# SET_DIRECTION of a line request and direction_output instead.)
. "$(dirname "$0")/../lib.sh"

CTRL=2
c=$(need_chip $CTRL) || exit
at_exit "echo none > $SIM_DEBUGFS/ctrl$CTRL/fault"
gpio_set "$c" 5 0 || fail "cannot set $c line 5"
sim_set_input $CTRL 3 1
expect "$c line 3 before the faults" "$(gpio_get "$c" 3)" 1
errs=$(drv_stat $CTRL error_replies)

sim_log_clear $CTRL
sim_fault $CTRL "for get_value error"
expect_fail_with "read with an error reply to GET_VALUE" "input/output error" \
	gpioget --numeric -c "$c" 3
sim_log_expect "the failed read" $CTRL "set_direction 3 2" "get_value 3 0"
expect "error_replies" "$(drv_stat $CTRL error_replies)" $((errs + 1))
expect "$c line 3 after the error" "$(gpio_get "$c" 3)" 1

# The second SET_VALUE is the toggle's, a .set() on the held line
sim_log_clear $CTRL
sim_fault $CTRL "for set_value:2 error"
out=$(gpioset -t 100ms,0 -c "$c" 5=1 2>&1)
echo "$out" | grep -qi "input/output error" ||
	fail "gpioset: an error reply to the toggle's SET_VALUE was not reported: '$out'"
sim_log_expect "the failed toggle" $CTRL \
	"set_value 5 1" "set_direction 5 1" "set_value 5 0"
expect "error_replies" "$(drv_stat $CTRL error_replies)" $((errs + 2))
gpio_set "$c" 5 1 || fail "cannot set $c line 5 after the error"
expect "remote line $CTRL:5 after the error" "$(sim_get_output $CTRL 5)" 1
gpio_set "$c" 5 0 || fail "cannot clear $c line 5"

sim_set_input $CTRL 3 0
sim_fault $CTRL "for get_value value 2"
expect_fail_with "read with value 2 in GET_VALUE's reply" "protocol error" \
	gpioget --numeric -c "$c" 3
expect "$c line 3 after the bad value" "$(gpio_get "$c" 3)" 0
sim_set_input $CTRL 3 1
expect "$c line 3" "$(gpio_get "$c" 3)" 1
msg "GET_VALUE and SET_VALUE errors: EIO; a value of 2: EPROTO; the chip works"
