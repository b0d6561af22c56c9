#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Channels whose name is not rpmsg-io-<0..255 in plain decimal> are
# refused: the probe fails with "invalid channel name", no gpiochip
# appears, and withdrawing them is clean. (A probe failure in the
# name-service callback used to trigger a lockdep report: the run's splat
# check sees it.)
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
gpio_get "$c" 3 >/dev/null || fail "cannot read $c line 3"
names="rpmsg-io-x rpmsg-io- rpmsg-io-01 rpmsg-io-256 rpmsg-io-+1"
chips=$(gpiodetect | wc -l)
for name in $names; do
	kmsg_mark
	sim_ctl announce "$name"
	wait_for "rpmsg_dev '$name'" 10 || fail "no rpmsg device for $name"
	wait_for "kmsg_since | grep -qF 'invalid channel name \"$name\"'" 10 ||
		fail "$name: no \"invalid channel name\" in the kernel log"
	d=$(rpmsg_dev "$name")
	[ ! -e "$d/driver" ] || fail "$name bound to $(basename "$(readlink "$d/driver")")"
	ls -d "$d"/gpiochip* >/dev/null 2>&1 && fail "$name has a gpiochip"
	gpiodetect | grep -qF "[$name]" && fail "a gpiochip is labelled $name"
done
expect "number of gpiochips" "$(gpiodetect | wc -l)" "$chips"
for name in $names; do
	sim_ctl withdraw "$name"
	wait_for "! rpmsg_dev '$name'" 10 || fail "$name still there after withdraw"
done
expect_reads 2 "$c" 3 1 "afterwards"
gpio_set "$c" 4 1 || fail "cannot set $c line 4 afterwards"
gpio_set "$c" 4 0 || fail "cannot clear $c line 4 afterwards"
msg "refused: $names"
