#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply of the wrong length (short, long) or of an unknown type replaces
# the real one: it is dropped and counted (dropped_bad_length,
# dropped_bad_type), and the operation fails at once with EPROTO instead
# of timing out. The driver cannot tell a garbled reply from an extra
# message ahead of the real one, so it counts the reply with those that
# may still come (suspect + 1): the next read works at once, its answer
# confirmed by asking again (resent). A rebind starts the channel anew.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 300
expect_reads 2 "$c" 3 1 "before"
for spec in "short:bad_length" "short 0:bad_length" "long:bad_length" \
	    "long 16:bad_length" "wrong_type:bad_type" "wrong_type 0:bad_type"; do
	fault=${spec%:*}
	ctr=dropped_${spec#*:}
	n=$(drv_stat 2 "$ctr")
	to=$(drv_stat 2 timeouts)
	sus=$(drv_stat 2 suspect)
	resent=$(drv_stat 2 resent)
	sim_fault 2 "$fault"
	expect_fail_with "read with a '$fault' reply" "protocol error" \
		gpioget --numeric -c "$c" 3
	expect "$ctr after '$fault'" "$(drv_stat 2 "$ctr")" $((n + 1))
	expect "timeouts after '$fault'" "$(drv_stat 2 timeouts)" "$to"
	expect "replies that may still come after '$fault'" "$(drv_stat 2 suspect)" $((sus + 1))
	expect "$c line 3 after '$fault'" "$(gpio_get "$c" 3)" 1
	[ "$(drv_stat 2 resent)" -gt "$resent" ] ||
		fail "the answer after '$fault' was not confirmed"
done
# A new channel starts in step: rebind, so later cases count messages
# on a driver that expects no stale reply
drv_rebind 2
need_chip 2 > /dev/null || exit
expect "replies that may still come after a rebind" "$(drv_stat 2 suspect)" 0
msg "malformed replies dropped and counted"
