#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# What each operation puts on the wire, in order and with its values (the
# remote's request log, controller 2, which no DT consumer uses):
#   gpioset (direction known)    SET_VALUE v, then SET_DIRECTION out (1):
#                                the line never drives its old level
#   a held output changed        SET_VALUE v (gpioset --toggle)
#   gpioget (direction known)    SET_DIRECTION in (2), then GET_VALUE
#   gpioget --as-is              GET_VALUE only
#   gpiomon -e rising/falling/both, then released
#                                SET_IRQ_TYPE 1/2/3, then SET_IRQ_TYPE 0
. "$(dirname "$0")/../lib.sh"

CTRL=2
c=$(need_chip $CTRL) || exit
# Directions known, so that no GET_DIRECTION comes first
gpio_set "$c" 4 0 || fail "cannot set $c line 4"
gpio_set "$c" 5 0 || fail "cannot set $c line 5"
gpio_get "$c" 3 > /dev/null || fail "cannot read $c line 3"

sim_log_clear $CTRL
gpio_set "$c" 4 1 || fail "cannot set $c line 4"
sim_log_expect "gpioset 4=1" $CTRL "set_value 4 1" "set_direction 4 1"
sim_log_clear $CTRL
gpio_set "$c" 4 0 || fail "cannot set $c line 4"
sim_log_expect "gpioset 4=0" $CTRL "set_value 4 0" "set_direction 4 1"

sim_log_clear $CTRL
gpioset -t 100ms,0 -c "$c" 5=1 || fail "gpioset --toggle on $c line 5 failed"
sim_log_expect "gpioset 5=1, toggled" $CTRL \
	"set_value 5 1" "set_direction 5 1" "set_value 5 0"
expect "remote line $CTRL:5" "$(sim_get_output $CTRL 5)" 0

sim_set_input $CTRL 3 1
sim_log_clear $CTRL
expect "gpioget $c 3" "$(gpio_get "$c" 3)" 1
sim_log_expect "gpioget 3" $CTRL "set_direction 3 2" "get_value 3 0"
sim_log_clear $CTRL
expect "gpioget --as-is $c 3" "$(gpioget --numeric -a -c "$c" 3)" 1
sim_log_expect "gpioget --as-is 3" $CTRL "get_value 3 0"

out=/tmp/wire-order.mon
for e in rising:1 falling:2 both:3; do
	sim_log_clear $CTRL
	mon_start $CTRL 6 "${e%:*}" 1 $out || exit
	kill "$MON_PID"
	wait_gone "$MON_PID" 5 || fail "gpiomon did not exit"
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	wait_for '[ "$(sim_get_irq_type $CTRL 6)" = none ]' 5 ||
		fail "gpiomon -e ${e%:*}: the line was not released"
	sim_log_expect "gpiomon -e ${e%:*}, then released" $CTRL -m '^set_irq_type ' \
		"set_irq_type 6 ${e#*:}" "set_irq_type 6 0"
done
msg "each operation sent its requests in order, with the right values"
