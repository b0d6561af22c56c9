#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes while gpioset holds a line and gpiomon waits on
# another: no oops, nothing hangs (gpiomon is woken by the chip's removal,
# gpioset can be killed), and the recovered chip works.
. "$(dirname "$0")/../lib.sh"

# 7.2.13's gpiochip_remove() freed the interrupt gpiomon holds and
# leaked its name, and gpiomon's release freed it again (series patch
# "gpiolib: cdev: free the interrupts of line requests before the chip
# does"): kmemleak and the host's splat check judge that.

chip_inode() { stat -L -c %i "/sys/bus/gpio/devices/$1" 2>/dev/null; }

c=$(need_chip 2) || exit
gpioset -c "$c" 4=1 > /tmp/cwh-set.out 2>&1 &
ps=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_output 2 4)" = 1 ]' 10 || fail "gpioset did not set line 4"
gpiomon -c "$c" -e rising 6 > /tmp/cwh-mon.out 2>&1 &
pm=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_irq_type 2 6)" = edge-rising ]' 10 || fail "gpiomon did not arm line 6"

old=$(chip_inode "$c")
before=$(sim_global_stat crashes)
sim_ctl crash
wait_for "[ \$(sim_global_stat crashes) -gt $before ]" 10 || fail "the simulator did not crash"
wait_for "c=\$(chip_of 2) && [ \"\$(chip_inode \$c)\" != '$old' ]" 20 ||
	fail "no new gpiochip for rpmsg-io-2 after the crash"
c=$(need_chip 2) || exit
if wait_for "! kill -0 $pm" 10; then
	wait $pm
	msg "gpiomon exited by itself (status $?): $(cat /tmp/cwh-mon.out)"
else
	fail "gpiomon still waits on the removed chip"
fi
kill -0 $ps 2>/dev/null || msg "gpioset exited by itself: $(cat /tmp/cwh-set.out)"
kill $ps 2>/dev/null
wait_for "! kill -0 $ps" 5 || fail "gpioset does not die"
expect "$c line 4 consumer" "$(line_consumer "$c" 4)" ""
gpio_set "$c" 4 1 || fail "cannot set line 4 of the recovered chip"
expect "remote line 2:4" "$(sim_get_output 2 4)" 1
gpio_set "$c" 4 0 || fail "cannot clear line 4 of the recovered chip"
sim_set_input 2 6 1
expect "$c line 6" "$(gpio_get "$c" 6)" 1
sim_set_input 2 6 0
msg "crash with a held line and a waiting monitor recovered"
