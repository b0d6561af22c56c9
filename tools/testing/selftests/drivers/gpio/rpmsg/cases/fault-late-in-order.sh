#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A remote that answers in order, only very late: one reply comes 1.5 to 5
# timeouts after its request, just before the replies to the requests
# sent after it. Past the grace period (3 timeouts) the driver has
# presumed it lost and sent further requests; that late reply must never
# be taken as their answer. No read returns another request's value:
# every gpioget either fails or prints the remote's real level.
#
# The late reply answers a GET_VALUE of line 3 (level 0); the reads that
# follow are of line 4 (level 1). gpioget sends SET_DIRECTION, then
# GET_VALUE: shifted by one, GET_VALUE would get SET_DIRECTION's 0.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 500
trap 'echo none > $SIM_DEBUGFS/ctrl2/fault; echo $DRV_TIMEOUT_OLD > $DRV_TIMEOUT' EXIT
sim_set_input 2 3 0
expect_reads 2 "$c" 4 1 "before the fault"
late=$(drv_stat 2 late_replies)
ok=0 failed=0

for ms in 750 1250 2000 2500; do
	sim_fault 2 "late $ms"
	# Times out, unless the vCPU ran too late to see its timeout first
	if v=$(gpioget --numeric -c "$c" 3 2>/dev/null); then
		expect "$c line 3 with a reply $ms ms late" "$v" 0
		late=$((late - 1))
	fi
	# Read line 4 until the late reply has come and gone
	end=$(($(date +%s) + ms / 1000 + 3))
	while [ "$(date +%s)" -lt "$end" ]; do
		if v=$(gpioget --numeric -c "$c" 4 2>/dev/null); then
			expect "$c line 4 while a reply $ms ms late is due" "$v" 1
			ok=$((ok + 1))
		else
			failed=$((failed + 1))
		fi
	done
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	wait_for '[ "$(drv_stat 2 suspect)" = 0 ]' 30 ||
		fail "$(drv_stat 2 suspect) replies still presumed lost after $ms ms"
	expect "$c line 3 after the $ms ms late reply" "$(gpio_get "$c" 3)" 0
	expect "$c line 4 after the $ms ms late reply" "$(gpio_get "$c" 4)" 1
done
[ "$(drv_stat 2 late_replies)" -ge $((late + 4)) ] ||
	fail "late_replies $(drv_stat 2 late_replies), expected at least $((late + 4))"
[ $ok -gt 0 ] || fail "no read of line 4 succeeded while replies were late"
msg "late replies at 1.5 to 5 timeouts: $ok reads right, $failed failed, none wrong"
