#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes while gpioset holds a line: no oops, nothing hangs
# (gpioset can be killed), and the recovered chip works. The same with
# gpiomon waiting is crash-while-gpiomon-waits.sh.
# order=last
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
gpioset -c "$c" 4=1 > /tmp/cwh-set.out 2>&1 &
ps=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_output 2 4)" = 1 ]' 10 || fail "gpioset did not set line 4"

crash_and_recover 2 20
c=$(need_chip 2) || exit
kill -0 $ps 2>/dev/null || msg "gpioset exited by itself: $(cat /tmp/cwh-set.out)"
kill $ps 2>/dev/null
wait_for "! kill -0 $ps" 5 || fail "gpioset does not die"
expect "$c line 4 consumer" "$(line_consumer "$c" 4)" ""
chip_works 2 "$c" 6 4
msg "crash with a held line recovered"
