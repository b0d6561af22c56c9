#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply of the wrong length (short, long) or of an unknown type replaces
# the real one: it is dropped and counted (dropped_bad_length,
# dropped_bad_type) and, as the remote answers each request once, taken
# for that request's reply, garbled: the operation fails at once with
# EPROTO instead of timing out, no reply is left owed or presumed lost,
# and the next read works at once, with one message per request.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 300
sim_set_input 2 3 1
expect "$c line 3 before" "$(gpio_get "$c" 3)" 1
for spec in "short:bad_length" "short 0:bad_length" "long:bad_length" \
	    "long 16:bad_length" "wrong_type:bad_type" "wrong_type 0:bad_type"; do
	fault=${spec%:*}
	ctr=dropped_${spec#*:}
	n=$(drv_stat 2 "$ctr")
	to=$(drv_stat 2 timeouts)
	sim_fault 2 "$fault"
	expect_fail_with "read with a '$fault' reply" "protocol error" \
		gpioget --numeric -c "$c" 3
	expect "$ctr after '$fault'" "$(drv_stat 2 "$ctr")" $((n + 1))
	expect "timeouts after '$fault'" "$(drv_stat 2 timeouts)" "$to"
	expect "$c line 3 after '$fault'" "$(gpio_get "$c" 3)" 1
	expect "replies presumed lost after '$fault'" "$(drv_stat 2 suspect)" 0
done
msg "malformed replies dropped and counted"
