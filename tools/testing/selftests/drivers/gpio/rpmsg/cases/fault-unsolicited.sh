#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply nobody asked for is dropped and counted, and not taken for the
# answer of the next request (it carries 1, the line reads 0).
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
expect_reads 2 "$c" 3 0 "before"
n=$(drv_stat 2 dropped_unsolicited_reply)
for i in 1 2 3; do
	sim_fault 2 "unsolicited 0 1"
done
# shellcheck disable=SC2016
wait_for '[ "$(drv_stat 2 dropped_unsolicited_reply)" -ge $((n + 3)) ]' 5 ||
	fail "dropped_unsolicited_reply $(drv_stat 2 dropped_unsolicited_reply)," \
		"expected $((n + 3))"
expect "$c line 3 after unsolicited replies" "$(gpio_get "$c" 3)" 0
sim_fault 2 "unsolicited 1 0"
# shellcheck disable=SC2016
wait_for '[ "$(drv_stat 2 dropped_unsolicited_reply)" -ge $((n + 4)) ]' 5 ||
	fail "an unsolicited error reply was not counted"
expect "dropped_unsolicited_reply" "$(drv_stat 2 dropped_unsolicited_reply)" $((n + 4))
gpio_set "$c" 4 1 || fail "cannot set $c line 4 after an unsolicited error reply"
gpio_set "$c" 4 0 || fail "cannot clear $c line 4"
msg "4 unsolicited replies dropped"
