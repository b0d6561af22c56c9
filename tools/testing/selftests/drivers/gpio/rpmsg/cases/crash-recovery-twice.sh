#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes, recovers, and crashes again, three times: each time
# the remote sees Linux's virtio driver become ready (DRIVER_OK) in its
# own resource table, and the chips go away, come back and work.
# 7.2.13 freed the clean resource table at the first attach recovery and
# used and freed it again at the second (the run's splat check sees
# KASAN's report), and after a recovery kept writing a copy of the table
# that the remote never reads: the remote never saw DRIVER_OK and stayed
# silent. Fixed by "remoteproc: core: install the resource table again
# after an attach recovery".
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
for round in 1 2 3; do
	ok=$(sim_global_stat driver_ok)
	old=$(chip_inode "$c")
	sim_crash "round $round"
	wait_for "[ \$(sim_global_stat driver_ok) -gt $ok ]" 15 ||
		fail "round $round: the remote never saw DRIVER_OK in its resource" \
			"table (vdev status $(sim_global_stat vdev_status))"
	wait_for "c=\$(chip_of 2) && [ \"\$(chip_inode \$c)\" != '$old' ]" 15 ||
		fail "round $round: no new gpiochip for rpmsg-io-2 after the crash"
	c=$(need_chip 2) || exit
	gpio_set "$c" 6 1 || fail "round $round: cannot set a line after recovery"
	expect "round $round: remote line 2:6" "$(sim_get_output 2 6)" 1
	gpio_set "$c" 6 0 || fail "round $round: cannot clear a line after recovery"
done
msg "three crashes recovered, each with DRIVER_OK in the remote's table; $c works"
