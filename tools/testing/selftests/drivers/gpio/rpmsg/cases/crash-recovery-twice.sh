#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes, recovers, and crashes again: each time the chips go
# away and come back, and work. 7.2.13 freed the clean resource table at
# the first attach recovery and used and freed it again at the second
# (fixed by "remoteproc: core: don't reuse the freed clean table after
# attach recovery"); the run's splat check sees KASAN's report.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
for round in 1 2 3; do
	crash_and_recover 2 15 "round $round"
	c=$(need_chip 2) || exit
	gpio_set "$c" 6 1 || fail "round $round: cannot set a line after recovery"
	expect "round $round: remote line 2:6" "$(sim_get_output 2 6)" 1
	gpio_set "$c" 6 0 || fail "round $round: cannot clear a line after recovery"
done
msg "three crashes recovered, $c works"
