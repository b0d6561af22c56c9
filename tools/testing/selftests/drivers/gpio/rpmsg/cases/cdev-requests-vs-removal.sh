#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# gpiomon requests lines with edge detection, over and over, while the
# chip goes away: the remote withdraws the channel and announces it
# again. Replies come 100 ms late, so that the removal often falls while
# a request waits for its interrupt to be armed. (A crash removes the
# chip the same way: crash-while-gpiomon-waits.sh.) Afterwards no
# request hangs on to a line, and the chip works. Each interrupt is freed
# exactly once and its name with it: the host's kmemleak and splat checks
# judge that. The series before "gpiolib: cdev: free the interrupts of line
# requests before the chip does" (v2) told only the requests registered
# when gpiochip_remove() began; one made meanwhile lost its interrupt to
# gpiochip_free_remaining_irqs() (its name leaked) and freed it again when
# released ("Trying to free already-free IRQ").
# timeout=300
. "$(dirname "$0")/../lib.sh"

WITHDRAWS=${WITHDRAWS:-8}
LINES="0 1 2"

# chip2: the gpiochip of rpmsg-io-2, if it has one (a glob: no fork, as
# the requesters poll it while the chip is away)
chip2() {
	local d

	for d in /sys/bus/rpmsg/devices/*.rpmsg-io-2.*/gpiochip*; do
		[ -e "$d" ] && { echo "${d##*/}"; return 0; }
	done
	return 1
}

# requester LINE: gpiomon on LINE of rpmsg-io-2's chip for 1 s, again and
# again. It may fail or end early while the chip comes and goes.
requester() {
	local ch

	while :; do
		ch=$(chip2) || { sleep 0.5; continue; }
		timeout 1 gpiomon -c "$ch" -e both "$1" >/dev/null 2>&1
	done
}

c=$(need_chip 2) || exit
sim_fault 2 "delay_ms 100"
pids=
for l in $LINES; do
	requester "$l" &
	pids="$pids $!"
done
i=0
while [ $i -lt "$WITHDRAWS" ]; do
	sleep 0.$((3 + i % 5))
	sim_ctl withdraw rpmsg-io-2
	wait_for "! chip2" 30 || fail "withdraw $i: the gpiochip stays"
	sim_ctl announce rpmsg-io-2
	wait_for chip2 30 || fail "announce $i: no gpiochip"
	i=$((i + 1))
done
for p in $pids; do
	kill "$p"
done
for p in $pids; do
	wait_gone "$p" 20 || fail "a requester does not stop"
done
sim_fault 2 none
c=$(need_chip 2) || exit
for l in $LINES; do
	wait_for "[ -z \"\$(line_consumer $c $l)\" ]" 10 ||
		fail "$c line $l still requested by $(line_consumer "$c" "$l")"
done
chip_works 2 "$c" 6 4
msg "$WITHDRAWS withdrawals under gpiomon requests; $c works"
