#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote withdraws a channel, and later crashes, while Linux is
# suspended (pm_test devices: devices really suspend; the simulator acts
# from its own timer): each time the resume completes, no kernel report,
# the withdrawn channel's chip is gone after resume and comes back when
# announced again, and after the crash the recovery gives every
# controller a new chip that works.
. "$(dirname "$0")/../lib.sh"

SUSPEND_S=6
need_chip 2 > /dev/null || exit

# PATTERN is logged while the system is suspended: after pm_test's
# "Waiting for N second(s)" (devices are suspended then)
while_suspended() {
	kmsg_since | awk -v p="$1" '/suspend debug: Waiting for/ { w = 1 }
		index($0, p) { if (w) f = 1; exit } END { exit !f }'
}

echo "2500 withdraw rpmsg-io-2" > "$SIM_DEBUGFS/after" ||
	fail "simulator refused 'after ... withdraw'"
kmsg_mark
pm_test_suspend devices $SUSPEND_S
expect "suspend to idle (pm_test devices) with a withdraw" "$PM_RC" 0
while_suspended "destroying channel rpmsg-io-2" ||
	fail "the withdraw did not come while suspended:" \
		"$(kmsg_since | grep -e 'suspend debug' -e rpmsg-io-2)"
wait_for "! chip_of 2" 10 || fail "rpmsg-io-2 still has a chip after the withdraw"
sim_ctl announce rpmsg-io-2
c=$(need_chip 2) || exit
chip_works 2 "$c" 6 4

old=
for n in 0 1 2 3; do old="$old $(chip_inode "$(need_chip $n)")"; done
crashes=$(sim_global_stat crashes)
echo "2500 crash" > "$SIM_DEBUGFS/after" || fail "simulator refused 'after ... crash'"
kmsg_mark
pm_test_suspend devices $SUSPEND_S
expect "suspend to idle (pm_test devices) with a crash" "$PM_RC" 0
while_suspended "crash detected" ||
	fail "the crash did not come while suspended:" \
		"$(kmsg_since | grep -e 'suspend debug' -e crash)"
expect "crashes" "$(sim_global_stat crashes)" $((crashes + 1))
for n in 0 1 2 3; do
	wait_for "c=\$(chip_of $n) && ! echo '$old' | grep -qw \$(chip_inode \$c)" 60 ||
		fail "no new gpiochip for rpmsg-io-$n after a crash while suspended"
done
c=$(need_chip 2) || exit
chip_works 2 "$c" 6 4
msg "withdraw and crash while suspended: resumed, $c works"
