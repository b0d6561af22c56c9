#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A remote whose GPIO service starts late: after a crash it announces its
# controllers, then answers nothing for 3 x timeout_ms from the first
# request on (the simulator's start_pause_ms), then normally. Every chip
# still registers, the hog (controller 0 line 7, output-high) reaches the
# remote once it answers, and the chips work.
# timeout=180
. "$(dirname "$0")/../lib.sh"
need_dt "the hog, gpio-leds and gpio-keys of guest.dtsi"

TIMEOUT_MS=500
PAUSE_MS=$((3 * TIMEOUT_MS))
need_chip 0 > /dev/null || exit
drv_timeout_set $TIMEOUT_MS
sim_start_pause $PAUSE_MS

crash_and_recover 0 30 "slow start"
# A failed hog makes gpiolib drop the whole chip: wait for all of them
wait_for sim_channels_up 30 || {
	for d in "$SIM_DEBUGFS"/ctrl*; do
		n=${d##*/ctrl}
		chip_of "$n" > /dev/null || msg "no gpiochip for rpmsg-io-$n"
	done
	fail "not every controller has a gpiochip after a slow start"
}
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(sim_get_direction 0 7) $(sim_get_output 0 7)" = "out 1" ]' 20 ||
	fail "the hog did not reach the remote: line 0:7 is" \
		"$(sim_get_direction 0 7) $(sim_get_output 0 7)" \
		"(sent: $(sim_log 0 | grep ' 7 ' | tr '\n' ';'))"
a=$(need_chip 0) || exit
expect "$a line 7 consumer" "$(line_consumer "$a" 7)" hog-pwr
echo 0 > "$SIM_START_PAUSE"
for n in 0 1 2; do
	c=$(need_chip $n) || exit
	# A controller nobody used yet pauses at its first request now:
	# wait until it answers again, then check it fully
	wait_for "gpio_get $c 6" 20 || fail "$c does not answer after its slow start"
	chip_works $n "$c" 6 5
done
msg "every chip registered and the hog was applied after a ${PAUSE_MS} ms slow start"
