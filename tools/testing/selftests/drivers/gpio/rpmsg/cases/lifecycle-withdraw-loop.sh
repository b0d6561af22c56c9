#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote withdraws rpmsg-io-2 and announces it again, LOOPS times
# (default 1000), while a reader keeps using whatever chip is there: reads
# fail while the chip is away (ENODEV, ENOENT), but none hangs, fails
# otherwise or reads a wrong level, and some succeed; each time the chip goes and
# comes back, and at the end it is there, alone, and works. (Leaks,
# use-after-free, refcount and hung-task reports: the kernel's own
# detectors, judged by the host.) Each step waits for Linux to follow:
# announcements back to back would queue up in the one receive path that
# every channel shares, and starve the other controllers' replies.
# timeout=5400
. "$(dirname "$0")/../lib.sh"

LOOPS=${LOOPS:-1000}
c=$(need_chip 2) || exit
err=/tmp/withdraw-loop.err
: > $err
sim_set_input 2 3 1
busy_reader 2 3 $err 1 &
rd=$!
# gone|back: wait until rpmsg-io-2 has no gpiochip, or has one
chip2() {
	local d

	for d in /sys/bus/rpmsg/devices/*.rpmsg-io-2.*/gpiochip*; do
		[ -e "$d" ] && return 0
	done
	return 1
}
wait_chip2() {
	local n=0

	while [ $n -lt 2000 ]; do
		case $1 in gone) chip2 || return 0 ;; back) chip2 && return 0 ;; esac
		sleep 0.01
		n=$((n + 1))
	done
	return 1
}
i=0
while [ $i -lt "$LOOPS" ]; do
	sim_ctl withdraw rpmsg-io-2
	wait_chip2 gone || fail "withdraw $i: the gpiochip stays"
	sim_ctl announce rpmsg-io-2
	wait_chip2 back || fail "announce $i: no gpiochip"
	i=$((i + 1))
	[ $((i % 200)) != 0 ] || msg "$i done at $(cut -d' ' -f1 /proc/uptime) s"
done
busy_reader_stop $rd $err
expect "messages the remote could not queue" "$(sim_global_stat queue_full)" 0
c=$(need_chip 2) || exit
expect "rpmsg-io-2 channels" "$(ls -d /sys/bus/rpmsg/devices/*.rpmsg-io-2.* | wc -l)" 1
chip_works 2 "$c" 3 4
msg "$LOOPS withdraw/announce pairs; $c works"
