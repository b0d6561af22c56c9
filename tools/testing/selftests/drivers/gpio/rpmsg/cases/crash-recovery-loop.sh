#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes and recovers, again and again, with a CPU hog running
# in the guest beside it (the queue behind a 300-line controller's
# announcement grows late): each time the remote sees Linux's virtio
# driver become ready (DRIVER_OK) in its own resource table, all four
# controllers get a new gpiochip, the hog on 0:7 reaches the remote (the
# remote forgets its line states when it crashes) and a line works.
# 3 cycles in make test, 50 in make soak (LOOPS >= 50).
# 7.2.13 freed the clean resource table at the first attach recovery and
# used and freed it again at the second (the run's splat check sees
# KASAN's report), and after a recovery kept writing a copy of the table
# that the remote never reads: the remote never saw DRIVER_OK and stayed
# silent. Fixed by "remoteproc: core: install the resource table again
# after an attach recovery".
# timeout=1800
# order=last
. "$(dirname "$0")/../lib.sh"
# The hog is guest.dtsi's: without a device tree node it is not checked
sim_has_dt && hog=1 || hog=0

cycles=3
[ "${LOOPS:-20}" -lt 50 ] || cycles=50
for n in 0 1 2 3; do need_chip $n > /dev/null || exit; done
sh -c 'while :; do :; done' &
at_exit "kill $!"
round=1
while [ $round -le $cycles ]; do
	ok=$(sim_global_stat driver_ok)
	old=
	for n in 0 1 2 3; do old="$old $(chip_inode "$(chip_of $n)")"; done
	sim_crash "round $round"
	wait_for "[ \$(sim_global_stat driver_ok) -gt $ok ]" 60 ||
		fail "round $round: the remote never saw DRIVER_OK in its resource" \
			"table (vdev status $(sim_global_stat vdev_status))"
	for n in 0 1 2 3; do
		wait_for "c=\$(chip_of $n) && ! echo '$old' | grep -qw \$(chip_inode \$c)" 60 ||
			fail "round $round: no new gpiochip for rpmsg-io-$n after the crash"
	done
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	[ $hog = 0 ] ||
	wait_for '[ "$(sim_get_direction 0 7)" = out ] && [ "$(sim_get_output 0 7)" = 1 ]' 60 ||
		fail "round $round: hog not applied: remote 0:7 is" \
			"$(sim_get_direction 0 7) $(sim_get_output 0 7)"
	c=$(need_chip 2) || exit
	gpio_set "$c" 6 1 || fail "round $round: cannot set a line after recovery"
	expect "round $round: remote line 2:6" "$(sim_get_output 2 6)" 1
	gpio_set "$c" 6 0 || fail "round $round: cannot clear a line after recovery"
	round=$((round + 1))
done
kmsg_since 2>/dev/null | grep -q "failed to register gpiochip" &&
	fail "a registration failed"
[ $hog = 1 ] || msg "no device tree node: the hog was not checked"
msg "$cycles crashes recovered beside a CPU hog: DRIVER_OK, four new chips and the hog each time"
