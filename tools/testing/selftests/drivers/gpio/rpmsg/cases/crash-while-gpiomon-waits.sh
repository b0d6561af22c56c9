#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes while gpiomon waits for an edge: no oops, nothing
# hangs (gpiomon is woken by the chip's removal), and the recovered chip
# works. The same with gpioset holding a line is crash-while-held.sh.
# order=last
. "$(dirname "$0")/../lib.sh"

# 7.2.13's gpiochip_remove() freed the interrupt gpiomon holds and
# leaked its name, and gpiomon's release freed it again (series patch
# "gpiolib: cdev: free the interrupts of line requests before the chip
# does"): kmemleak and the host's splat check judge that.

c=$(need_chip 2) || exit
gpiomon -c "$c" -e rising 6 > /tmp/cwh-mon.out 2>&1 &
pm=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_irq_type 2 6)" = edge-rising ]' 10 || fail "gpiomon did not arm line 6"

crash_and_recover 2 20
c=$(need_chip 2) || exit
if wait_for "! kill -0 $pm" 10; then
	wait $pm
	msg "gpiomon exited by itself (status $?): $(cat /tmp/cwh-mon.out)"
else
	fail "gpiomon still waits on the removed chip"
fi
expect "$c line 6 consumer" "$(line_consumer "$c" 6)" ""
chip_works 2 "$c" 6 4
msg "crash with a waiting monitor recovered"
