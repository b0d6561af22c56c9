#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A remote that answers late when its channel is announced (firmware whose
# GPIO service starts after its announcements; the queue after a crash)
# does not cost the chip: registration sends nothing, the hog's state is
# recorded and sent once the remote answers, retried a timeout apart and
# logged once. Until then the hogged line reports the direction the DT
# asked for. rpmsg-io-0 is withdrawn, its remote made to answer every
# request 3 s late (6 timeouts), announced again, and after a while the
# remote answers at once again.
. "$(dirname "$0")/../lib.sh"
need_dt "the pwr-en-hog of guest.dtsi"

a=$(need_chip 0) || exit
drv_timeout_set 500
trap 'echo none > $SIM_DEBUGFS/ctrl0/fault; echo $DRV_TIMEOUT_OLD > $DRV_TIMEOUT' EXIT
sim_ctl withdraw rpmsg-io-0
wait_for "! chip_of 0" 10 || fail "rpmsg-io-0 still has a chip after the withdraw"
# The remote forgets the hog's state, so that only a new SET_* restores it
echo in > "$(sim_line_file 0 7 direction)"
sets=$(sim_stat 0 set_direction)
sim_fault 0 "delay_ms 3000"
kmsg_mark
sim_ctl announce rpmsg-io-0
a=$(need_chip 0) || exit
expect "$a line 7 consumer" "$(line_consumer "$a" 7)" hog-pwr
line_info "$a" 7 | grep -q output || fail "$a line 7 not reported as output: $(line_info "$a" 7)"
sleep 3
expect "remote 0:7 while the remote is slow" "$(sim_get_direction 0 7)" in
sim_fault 0 none
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(sim_get_direction 0 7)" = out ]' 20 ||
	fail "hog not applied: remote 0:7 is $(sim_get_direction 0 7)"
expect "remote 0:7 level" "$(sim_get_output 0 7)" 1
[ "$(sim_stat 0 set_direction)" -gt "$sets" ] || fail "no SET_DIRECTION reached the remote"
# shellcheck disable=SC2016
wait_for 'kmsg_since | grep -q "initial line states sent"' 10 ||
	fail "no 'initial line states sent' in the log: $(kmsg_since | tail -n 5)"
expect "'not answering' messages" "$(kmsg_since | grep -c 'initial line states pending')" 1
kmsg_since | grep -q "failed to register gpiochip" &&
	fail "a registration failed: $(kmsg_since | grep gpiochip)"
wait_for "[ \$(drv_stat 0 suspect) = 0 ]" 10 || fail "replies still presumed lost"
chip_works 0 "$a" 6 5
msg "slow remote: $a registered at once, hog sent $(drv_stat 0 init_retries) retries later"
