#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Each operation costs the messages it needs and no more (remote's
# counters, controller 2, which no DT consumer uses):
#   registering a controller            nothing
#   gpioinfo                            nothing (directions are cached)
#   gpioget, first time on a line       GET_DIRECTION (unknown so far),
#                                       SET_DIRECTION in, GET_VALUE
#   gpioget again                       SET_DIRECTION in, GET_VALUE
#   gpioset, first time on a line       GET_DIRECTION, SET_VALUE,
#                                       SET_DIRECTION out (value first)
#   gpioset again                       SET_VALUE, SET_DIRECTION out
# Releasing a line sends nothing. To see a registration, the remote
# withdraws and announces rpmsg-io-2 again.
. "$(dirname "$0")/../lib.sh"

CTRL=2
c=$(need_chip $CTRL) || exit
sim_ctl withdraw rpmsg-io-$CTRL
wait_for "! chip_of $CTRL" 10 || fail "rpmsg-io-$CTRL still has a gpiochip after withdraw"
before=$(sim_msgs $CTRL)
sim_ctl announce rpmsg-io-$CTRL
c=$(need_chip $CTRL) || exit
wait_for "drv_stats_file $CTRL" 5 || fail "no driver stats for the new channel"
# The chip is there: give a late message the time to show up
sleep 0.5
expect "messages to register $c" "$(sim_msgs_since $CTRL "$before")" "$(msgs)"
for s in $SIM_CMDS; do
	expect "driver's requests_$s after registration" "$(drv_stat $CTRL requests_$s)" 0
done

before=$(sim_msgs $CTRL)
gpioinfo -c "$c" > /dev/null || fail "gpioinfo -c $c failed"
gpiodetect > /dev/null || fail "gpiodetect failed"
expect "messages for gpioinfo" "$(sim_msgs_since $CTRL "$before")" "$(msgs)"

sim_set_input $CTRL 1 1
before=$(sim_msgs $CTRL)
expect "gpioget" "$(gpio_get "$c" 1)" 1
expect "messages for the first gpioget" "$(sim_msgs_since $CTRL "$before")" \
	"$(msgs get_direction=1 set_direction=1 get_value=1)"
before=$(sim_msgs $CTRL)
expect "gpioget" "$(gpio_get "$c" 1)" 1
expect "messages for a second gpioget" "$(sim_msgs_since $CTRL "$before")" \
	"$(msgs set_direction=1 get_value=1)"

before=$(sim_msgs $CTRL)
gpio_set "$c" 2 1 || fail "gpioset failed"
expect "remote line $CTRL:2" "$(sim_get_direction $CTRL 2) $(sim_get_output $CTRL 2)" "out 1"
expect "messages for the first gpioset" "$(sim_msgs_since $CTRL "$before")" \
	"$(msgs get_direction=1 set_value=1 set_direction=1)"
before=$(sim_msgs $CTRL)
gpio_set "$c" 2 0 || fail "gpioset failed"
expect "remote line $CTRL:2" "$(sim_get_output $CTRL 2)" 0
expect "messages for a second gpioset" "$(sim_msgs_since $CTRL "$before")" \
	"$(msgs set_value=1 set_direction=1)"

before=$(sim_msgs $CTRL)
gpioinfo -c "$c" > /dev/null || fail "gpioinfo -c $c failed"
expect "messages for gpioinfo after use" "$(sim_msgs_since $CTRL "$before")" "$(msgs)"
