#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Reading /sys/kernel/debug/gpio while gpiochips register must not oops.
# 7.2.13 put a chip on the gpio device list before its descriptors knew
# their gpio_device, and gpiolib_dbg_show() dereferenced that NULL
# (fixed by "gpiolib: set the descriptors' gdev before the chip is on the
# list"). gpio-sim chips with many lines keep that window wide open; the
# splat check of the run sees any oops, this case sees the reader die.
. "$(dirname "$0")/../lib.sh"

SIMFS=/sys/kernel/config/gpio-sim
[ -d "$SIMFS" ] || skip "gpio-sim (configfs) not available"

chip=$SIMFS/debugfs-race
reader() {
	while [ ! -e /tmp/race-done ]; do
		cat /sys/kernel/debug/gpio > /dev/null || { touch /tmp/race-failed; break; }
	done
}

rm -f /tmp/race-done /tmp/race-failed
reader & r1=$!
reader & r2=$!
i=0
while [ $i -lt 20 ]; do
	mkdir "$chip" "$chip/bank0" || fail "cannot create a gpio-sim chip"
	echo 1024 > "$chip/bank0/num_lines"
	echo 1 > "$chip/live" || fail "gpio-sim chip did not go live (round $i)"
	echo 0 > "$chip/live"
	rmdir "$chip/bank0" "$chip"
	i=$((i + 1))
done
touch /tmp/race-done
wait $r1 $r2
[ ! -e /tmp/race-failed ] || fail "reading /sys/kernel/debug/gpio failed while chips registered"
msg "20 registrations of a 1024-line chip under two debugfs readers"
