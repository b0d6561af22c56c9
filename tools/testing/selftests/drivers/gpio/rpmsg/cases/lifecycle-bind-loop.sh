#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# rpmsg-io-2 is unbound from gpio_rpmsg and bound again through sysfs
# LOOPS times (default 1000) while a reader keeps using it: no read hangs,
# every bind gives a working chip, and nothing is left behind (the host
# judges kmemleak, KASAN, refcount and hung-task reports).
# timeout: 1800
. "$(dirname "$0")/../lib.sh"

LOOPS=${LOOPS:-1000}
DRV=/sys/bus/rpmsg/drivers/gpio_rpmsg
c=$(need_chip 2) || exit
dev=$(rpmsg_dev rpmsg-io-2) || fail "no rpmsg device for rpmsg-io-2"
dev=${dev##*/}
err=/tmp/bind-loop.err
: > $err
busy_reader 2 3 $err &
rd=$!
i=0
while [ $i -lt "$LOOPS" ]; do
	echo "$dev" > $DRV/unbind || fail "unbind $i failed"
	echo "$dev" > $DRV/bind || fail "bind $i failed"
	i=$((i + 1))
	[ $((i % 200)) != 0 ] || msg "$i done at $(cut -d' ' -f1 /proc/uptime) s"
done
busy_reader_stop $rd $err
c=$(need_chip 2) || exit
expect "gpiochips of $dev" "$(ls -d /sys/bus/rpmsg/devices/"$dev"/gpiochip* | wc -l)" 1
chip_works 2 "$c" 3 4
msg "$LOOPS unbind/bind cycles; $c works"
