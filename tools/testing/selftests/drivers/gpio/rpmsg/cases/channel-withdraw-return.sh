#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A channel withdrawn by the remote takes its gpiochip away; announced
# again it comes back and works.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
gpio_set "$c" 4 1 || fail "cannot set $c line 4"
sim_ctl withdraw rpmsg-io-2
wait_for "! chip_of 2" 10 || fail "$c still there after withdraw"
! gpioget -c "$c" 3 >/dev/null 2>&1 || fail "$c still readable after withdraw"
sim_ctl announce rpmsg-io-2
c=$(need_chip 2) || exit
for v in 0 1 0; do
	gpio_set "$c" 4 $v || fail "cannot set $c line 4 to $v after re-announce"
	expect "remote line 2:4" "$(sim_get_output 2 4)" $v
	sim_set_input 2 3 $v
	expect "$c line 3" "$(gpio_get "$c" 3)" $v
done
msg "rpmsg-io-2 came back as $c and works"
