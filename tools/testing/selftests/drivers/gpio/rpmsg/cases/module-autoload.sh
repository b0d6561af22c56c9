#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The driver binds every rpmsg-io-N channel; as a module it was loaded
# through the channels' MODALIAS rpmsg:rpmsg-io-N (logged by the guest's
# uevent helper in /run/modprobe.log); built in, there is no module file.
. "$(dirname "$0")/../lib.sh"

sim_loaded || fail "simulator not loaded"
for n in 0 1 2; do
	need_chip $n >/dev/null || exit
	d=$(rpmsg_dev rpmsg-io-$n) || fail "no rpmsg device for rpmsg-io-$n"
	expect "driver of rpmsg-io-$n" "$(basename "$(readlink "$d/driver")")" gpio_rpmsg
	expect "modalias of rpmsg-io-$n" "$(cat "$d/modalias")" "rpmsg:rpmsg-io-$n"
done
[ -d /sys/module/gpio_rpmsg ] || fail "no /sys/module/gpio_rpmsg"
ko=$(find /lib/modules/"$(uname -r)"/ -name 'gpio-rpmsg.ko*' 2>/dev/null | head -n 1)
if [ -e /sys/module/gpio_rpmsg/initstate ]; then
	[ -n "$ko" ] || fail "gpio_rpmsg is a module but there is no gpio-rpmsg.ko"
	expect "gpio_rpmsg state" "$(cat /sys/module/gpio_rpmsg/initstate)" live
	lsmod | grep -q '^gpio_rpmsg ' || fail "lsmod does not list gpio_rpmsg"
	# Written by the test guest's uevent helper (workspace/guest/init.sh)
	[ -e /run/modprobe.log ] || skip "no /run/modprobe.log: not the test guest"
	for n in 0 1 2; do
		grep -q " rpmsg:rpmsg-io-$n\$" /run/modprobe.log ||
			fail "no module request for rpmsg:rpmsg-io-$n in /run/modprobe.log"
	done
	msg "module $ko loaded by modalias"
else
	[ -z "$ko" ] || fail "gpio_rpmsg is built in, yet $ko exists"
	msg "gpio_rpmsg built in"
fi
