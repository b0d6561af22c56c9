#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply with the error status fails the operation with -EIO (both a read
# and a write), is counted, and the next operation works.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
expect_reads 2 "$c" 3 1 "before the fault"
# Line 4's direction known, so that the fault hits SET_VALUE, not the
# GET_DIRECTION of the line request, whose failure gpiolib ignores.
gpio_set "$c" 4 0 || fail "cannot clear $c line 4"
errs=$(drv_stat 2 error_replies)

sim_fault 2 error
expect_fail_with "read with an error reply" "input/output error" \
	gpioget --numeric -c "$c" 3
expect "error_replies after a failed read" "$(drv_stat 2 error_replies)" $((errs + 1))
expect "$c line 3 after the error" "$(gpio_get "$c" 3)" 1

sim_fault 2 error
expect_fail_with "write with an error reply" "input/output error" \
	gpioset -t 0 -c "$c" 4=1
expect "error_replies after a failed write" "$(drv_stat 2 error_replies)" $((errs + 2))
gpio_set "$c" 4 1 || fail "cannot set $c line 4 after the error"
expect "remote line 2:4 after the error" "$(sim_get_output 2 4)" 1
gpio_set "$c" 4 0 || fail "cannot clear $c line 4"
msg "error replies: EIO, counted, next operation fine"
