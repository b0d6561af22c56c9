#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply sent twice: the second copy is dropped as unsolicited and the
# operations stay correct.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
expect_reads 2 "$c" 3 1 "before"
n=$(drv_stat 2 dropped_unsolicited_reply)
for round in 1 2; do
	sim_fault 2 duplicate
	gpio_set "$c" 4 1 || fail "round $round: cannot set $c line 4 with a duplicated reply"
	expect "round $round: remote line 2:4" "$(sim_get_output 2 4)" 1
	# shellcheck disable=SC2016
	wait_for '[ "$(drv_stat 2 dropped_unsolicited_reply)" -ge $((n + round)) ]' 5 ||
		fail "round $round: the duplicate was not counted as unsolicited"
	expect "round $round: $c line 3" "$(gpio_get "$c" 3)" 1
	gpio_set "$c" 4 0 || fail "round $round: cannot clear $c line 4"
done
expect "dropped_unsolicited_reply" "$(drv_stat 2 dropped_unsolicited_reply)" $((n + 2))
msg "duplicated replies dropped, operations correct"
