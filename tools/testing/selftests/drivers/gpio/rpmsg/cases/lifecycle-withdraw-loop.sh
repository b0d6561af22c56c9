#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote withdraws and announces rpmsg-io-2 LOOPS times (default
# 1000) back to back while a reader keeps using whatever chip is there:
# reads fail while the chip is away, but none hangs, and at the end the
# chip is back, alone, and works. (Leaks, use-after-free, refcount and
# hung-task reports: the kernel's own detectors, judged by the host.)
. "$(dirname "$0")/../lib.sh"

LOOPS=${LOOPS:-1000}
c=$(need_chip 2) || exit
err=/tmp/withdraw-loop.err
: > $err
busy_reader 2 3 $err &
rd=$!
i=0
while [ $i -lt "$LOOPS" ]; do
	sim_ctl withdraw rpmsg-io-2
	sim_ctl announce rpmsg-io-2
	i=$((i + 1))
	[ $((i % 200)) != 0 ] || msg "$i done at $(cut -d' ' -f1 /proc/uptime) s"
	# Now and then, let Linux catch up: the remote's queue is finite
	if [ $((i % 100)) = 0 ]; then
		wait_for "chip_of 2" 60 ||
			fail "no gpiochip after $i withdraw/announce pairs"
	fi
done
kill $rd
wait_gone $rd 15 || fail "the reader does not exit"
sim_settle || fail "the remote keeps sending after the loop"
[ ! -s $err ] || fail "$(sort $err | uniq -c)"
expect "messages the remote could not queue" "$(sim_global_stat queue_full)" 0
c=$(need_chip 2) || exit
expect "rpmsg-io-2 channels" "$(ls -d /sys/bus/rpmsg/devices/*.rpmsg-io-2.* | wc -l)" 1
for v in 1 0; do
	sim_set_input 2 3 $v
	expect "$c line 3" "$(gpio_get "$c" 3)" $v
	gpio_set "$c" 4 $v || fail "cannot set $c line 4"
	expect "remote line 2:4" "$(sim_get_output 2 4)" $v
done
msg "$LOOPS withdraw/announce pairs; $c works"
