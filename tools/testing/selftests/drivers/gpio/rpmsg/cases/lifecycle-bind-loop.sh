#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# rpmsg-io-2 is unbound from gpio_rpmsg and bound again through sysfs
# LOOPS times (default 1000) while a reader keeps reading line 3: no read
# hangs, fails but for the chip going away, or reads a wrong level; every
# bind gives a working chip (it reads line 5 and drives line 4, each
# time another level); each unbind leaves the channel without a local
# address (src 0xffffffff, as announced); and nothing is left behind
# (the host judges kmemleak, KASAN, refcount and hung-task reports).
# timeout=5400
. "$(dirname "$0")/../lib.sh"

LOOPS=${LOOPS:-1000}
DRV=/sys/bus/rpmsg/drivers/gpio_rpmsg
c=$(need_chip 2) || exit
dev=$(rpmsg_dev rpmsg-io-2) || fail "no rpmsg device for rpmsg-io-2"
dev=${dev##*/}
err=/tmp/bind-loop.err
: > $err
sim_set_input 2 3 1
busy_reader 2 3 $err 1 &
rd=$!
i=0
while [ $i -lt "$LOOPS" ]; do
	echo "$dev" > $DRV/unbind || fail "unbind $i failed"
	# The channel forgets the released endpoint's address ("rpmsg:
	# core: don't leave a released endpoint address in rpdev->src")
	expect "unbind $i: $dev's src" "$(cat /sys/bus/rpmsg/devices/"$dev"/src)" 0xffffffff
	echo "$dev" > $DRV/bind || fail "bind $i failed"
	# The chip of this bind works
	c=$(chip_of 2) || fail "bind $i: no gpiochip"
	v=$((i % 2))
	sim_set_input 2 5 $v
	expect "bind $i: $c line 5" "$(gpio_get "$c" 5)" $v
	gpio_set "$c" 4 $v || fail "bind $i: cannot set $c line 4 to $v"
	expect "bind $i: remote line 2:4" "$(sim_get_output 2 4)" $v
	i=$((i + 1))
	[ $((i % 200)) != 0 ] || msg "$i done at $(cut -d' ' -f1 /proc/uptime) s"
done
busy_reader_stop $rd $err
c=$(need_chip 2) || exit
expect "gpiochips of $dev" "$(ls -d /sys/bus/rpmsg/devices/"$dev"/gpiochip* | wc -l)" 1
chip_works 2 "$c" 3 4
msg "$LOOPS unbind/bind cycles; $c works"
