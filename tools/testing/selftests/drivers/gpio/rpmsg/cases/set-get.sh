#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A line set from Linux is driven by the remote, and a level the remote
# sees on an input line is what Linux reads (controller 2, no DT node).
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
for v in 1 0 1; do
	gpio_set "$c" 4 $v || fail "cannot set $c line 4 to $v"
	expect "remote line 2:4 direction" "$(sim_get_direction 2 4)" out
	expect "remote line 2:4 level after setting $v" "$(sim_get_output 2 4)" $v
done
for v in 1 0 1; do
	sim_set_input 2 5 $v
	expect "$c line 5 read with remote input $v" "$(gpio_get "$c" 5)" $v
	expect "remote line 2:5 direction" "$(sim_get_direction 2 5)" in
done
