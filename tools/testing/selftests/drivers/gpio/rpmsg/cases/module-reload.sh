#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The module cannot be removed while a line of its chips is requested;
# unused, rmmod removes every chip and modprobe brings them back working.
# The DT consumers (gpio-leds, gpio-keys) hold lines or interrupts too:
# those bound are unbound for the test and bound again at the end.
. "$(dirname "$0")/../lib.sh"
need_dt "gpio-leds, gpio-keys and the hog of guest.dtsi"

[ -e /sys/module/gpio_rpmsg/initstate ] || skip "driver built in"
c=$(need_chip 2) || exit
PD=/sys/bus/platform/drivers
unbound=
rebind() {
	local x

	for x in $unbound; do
		[ -e "/sys/bus/platform/devices/${x#*:}/driver" ] ||
			echo "${x#*:}" > "$PD/${x%:*}/bind"
	done
}
trap rebind EXIT
for x in leds-gpio:leds gpio-keys:rpmsg-keys gpio-keys:rpmsg-level-keys; do
	if [ -e "$PD/${x%:*}/${x#*:}" ]; then
		echo "${x#*:}" > "$PD/${x%:*}/unbind" || fail "cannot unbind ${x#*:}"
		unbound="$unbound $x"
	fi
done

gpioset -c "$c" 4=1 &
ps=$!
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_output 2 4)" = 1 ]' 10 || fail "gpioset did not set line 4"
out=$(rmmod gpio_rpmsg 2>&1) && fail "rmmod succeeded while $c line 4 is requested"
msg "rmmod with a requested line: $out"
[ -e /sys/module/gpio_rpmsg/initstate ] || fail "module gone after the refused rmmod"
expect "$c line 4 consumer" "$(line_consumer "$c" 4)" gpioset
kill $ps
wait_for "! kill -0 $ps" 5 || fail "gpioset does not die"

rmmod gpio_rpmsg ||
	fail "rmmod failed with no line requested" \
		"($(cat /sys/module/gpio_rpmsg/refcnt) references)"
wait_for "[ ! -e /sys/module/gpio_rpmsg ]" 10 || fail "module still there"
for n in 0 1 2; do
	! chip_of $n >/dev/null || fail "rpmsg-io-$n still has a gpiochip"
done
modprobe gpio_rpmsg || fail "modprobe gpio_rpmsg failed"
for n in 0 1 2; do
	need_chip $n >/dev/null || exit
done
c=$(need_chip 2) || exit
gpio_set "$c" 4 0 || fail "cannot clear $c line 4 after reload"
expect "remote line 2:4" "$(sim_get_output 2 4)" 0
expect_reads 2 "$c" 3 1 "after reload"
a=$(need_chip 0) || exit
expect "$a line 7 consumer after reload" "$(line_consumer "$a" 7)" hog-pwr
rebind
for x in $unbound; do
	[ -e "/sys/bus/platform/devices/${x#*:}/driver" ] || fail "${x#*:} not bound again"
done
msg "unloaded and reloaded"
