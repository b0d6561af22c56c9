#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply of the wrong length (short, long) or of an unknown type replaces
# the real one: it is dropped and counted (dropped_bad_length,
# dropped_bad_type), the operation times out, and once the owed reply is
# presumed lost (3 timeouts) the chip works again.
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
	sim_fault 2 "$fault"
	expect_fail_with "read with a '$fault' reply" "timed out" \
		gpioget --numeric -c "$c" 3
	expect "$ctr after '$fault'" "$(drv_stat 2 "$ctr")" $((n + 1))
	sleep 1
	expect "$c line 3 after '$fault'" "$(gpio_get "$c" 3)" 1
done
msg "malformed replies dropped and counted"
