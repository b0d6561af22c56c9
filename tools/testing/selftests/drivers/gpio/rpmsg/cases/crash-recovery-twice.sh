#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes, recovers, and crashes again: each time the chips go
# away and come back, and work. 7.2.13 freed the clean resource table at
# the first attach recovery and used and freed it again at the second
# (fixed by "remoteproc: core: don't reuse the freed clean table after
# attach recovery"); the run's splat check sees KASAN's report.
. "$(dirname "$0")/../lib.sh"

# A re-created chip may get the same name: tell it by its sysfs inode
chip_inode() { stat -L -c %i "/sys/bus/gpio/devices/$1" 2>/dev/null; }

c=$(need_chip 2) || exit
for round in 1 2 3; do
	old=$(chip_inode "$c")
	before=$(sim_global_stat crashes)
	sim_ctl crash
	wait_for "[ \$(sim_global_stat crashes) -gt $before ]" 10 ||
		fail "round $round: the simulator did not crash"
	wait_for "c=\$(chip_of 2) && [ \"\$(chip_inode \$c)\" != '$old' ]" 15 ||
		fail "round $round: no new gpiochip for rpmsg-io-2 after the crash"
	c=$(need_chip 2) || exit
	gpio_set "$c" 6 1 || fail "round $round: cannot set a line after recovery"
	expect "round $round: remote line 2:6" "$(sim_get_output 2 6)" 1
	gpio_set "$c" 6 0 || fail "round $round: cannot clear a line after recovery"
done
msg "three crashes recovered, $c works"
