#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A remote that answers in order but arbitrarily late (the simulator's
# "hold"; fault-late-in-order.sh does it by time): it holds the reply to a
# read of line 3 (level 1) and sends it only just before its reply to the
# next request, a read of line 5 (level 0), 1, 2, 4 or 5 timeouts later.
# The protocol has no sequence number; still, no read may return the
# other read's value: each read of line 5 fails or gives 0, each read of
# line 3 fails or gives 1, and both give their level again within a few
# tries. Reads are "gpioget --as-is": one GET_VALUE each.
. "$(dirname "$0")/../lib.sh"

CTRL=2
TIMEOUT_MS=300
c=$(need_chip $CTRL) || exit
drv_timeout_set $TIMEOUT_MS
sim_fault_clear_at_exit $CTRL
sim_set_input $CTRL 3 1
sim_set_input $CTRL 5 0
# Directions known: --as-is sends nothing else
expect "$c line 3" "$(gpio_get "$c" 3)" 1
expect "$c line 5" "$(gpio_get "$c" 5)" 0

for d in 1 2 4 5; do
	sim_log_clear $CTRL
	sim_fault $CTRL "for get_value hold"
	if v=$(gpioget --numeric -a -c "$c" 3 2>&1); then
		fail "late by $d timeouts: the read whose reply is held gave '$v'"
	fi
	sleep "$(awk -v d=$d -v t=$TIMEOUT_MS 'BEGIN { print d * t / 1000 }')"
	reads_right $CTRL "$c" 5 0 "late by $d timeouts"
	reads_right $CTRL "$c" 3 1 "late by $d timeouts"
done
msg "replies held 1 to 5 timeouts were never taken for another read's"
