#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply that comes after the timeout: the operation fails with
# -ETIMEDOUT, the late reply is discarded (late_replies) instead of being
# taken for the answer of the next request, and the next read gets its own
# answer. The late reply (to SET_DIRECTION) carries 0 while the line
# reads 1: had the next read's requests been matched with the replies
# before them, GET_VALUE would have got SET_DIRECTION's 0.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 500
expect_reads 2 "$c" 3 0 "before the fault"
late=$(drv_stat 2 late_replies)
to=$(drv_stat 2 timeouts)

# Late by 1 s: past the 0.5 s timeout, well before the 1.5 s grace.
sim_fault 2 "late 1000"
t0=$(date +%s)
expect_fail_with "read with a late reply" "timed out" gpioget --numeric -c "$c" 3
t1=$(date +%s)
[ $((t1 - t0)) -lt 5 ] || fail "the timed out read took $((t1 - t0)) s"
expect "timeouts" "$(drv_stat 2 timeouts)" $((to + 1))
expect_reads 2 "$c" 3 1 "right after the late reply"
expect "late_replies" "$(drv_stat 2 late_replies)" $((late + 1))
expect_reads 2 "$c" 3 0 "again"
msg "late reply discarded, the next reads got their own answers"
