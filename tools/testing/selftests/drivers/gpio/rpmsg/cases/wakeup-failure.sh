#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A SET_WAKEUP that fails leaves the remote's wake state unknown (it may
# have applied it: the simulator does, while it answers with an error), so
# the next change is sent, whatever it is. gpio-keys' KEY_A (controller 1
# line 3) enables wake at suspend (pm_test devices); the remote applies
# that SET_WAKEUP but answers it with an error, which is logged. At resume
# gpio-keys disables wake, and the remote must be told (SET_WAKEUP 0) and
# end with wake 0, instead of waking the system for a line that nobody
# asked to wake it.
. "$(dirname "$0")/../lib.sh"

dev=/sys/devices/platform/rpmsg-keys
keys_input
need_chip 1 >/dev/null || exit
expect "$dev wakeup" "$(cat "$dev/power/wakeup")" enabled
expect "remote wake of 1:3 before suspend" "$(sim_get_wake 1 3)" 0
sim_fault_clear_at_exit 1
sim_log_clear 1
sim_fault 1 "for set_wakeup error"
kmsg_mark
pm_test_suspend devices 0
[ "$PM_RC" = 0 ] || fail "suspend (pm_test devices) failed: $PM_RC"
kmsg_since | grep -q "failed to set wakeup 1 of line 3" ||
	fail "the failed SET_WAKEUP was not logged: $(kmsg_since | grep -i wake | tail -n 3)"
sim_log_expect "wake state across the suspend" 1 -m '^set_wakeup' \
	"set_wakeup 3 1" "set_wakeup 3 0"
expect "remote wake of 1:3 after resume" "$(sim_get_wake 1 3)" 0
msg "a failed SET_WAKEUP was logged, and the remote was told wake 0 at resume"
