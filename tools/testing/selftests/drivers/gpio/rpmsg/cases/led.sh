#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# gpio-leds on controller 0: led-red's brightness drives remote line 0:0;
# led-blink (timer trigger, so its brightness is set from a timer: the
# chip must be can_sleep, or "sleeping function called from invalid
# context", which the run's splat check catches) toggles remote line 0:1.
. "$(dirname "$0")/../lib.sh"
need_dt "gpio-leds of guest.dtsi"

a=$(need_chip 0) || exit
[ -n "$(line_consumer "$a" 0)" ] || consumer_rebind leds leds-gpio
red=/sys/class/leds/led-red
blink=/sys/class/leds/led-blink
[ -d "$red" ] || fail "no $red (gpio-leds did not probe?)"
[ -d "$blink" ] || fail "no $blink"

for v in 1 0 1 0; do
	echo $v > "$red/brightness" || fail "cannot set led-red to $v"
	expect "remote line 0:0 direction" "$(sim_get_direction 0 0)" out
	expect "remote line 0:0 level with led-red at $v" "$(sim_get_output 0 0)" $v
done

grep -q '\[timer\]' "$blink/trigger" ||
	fail "led-blink trigger is not timer: $(cat "$blink/trigger")"
expect "remote line 0:1 direction" "$(sim_get_direction 0 1)" out
seen=
blinks() {
	seen="$seen$(sim_get_output 0 1)"
	case $seen in *0*1*0*|*1*0*1*) return 0 ;; esac
	return 1
}
# The default timer blinks 500 ms on, 500 ms off.
wait_for blinks 4 || fail "remote line 0:1 did not toggle twice in 4 s: saw ${seen:-nothing}"
before=$(sim_stat 0 set_value)
sleep 1
[ "$(sim_stat 0 set_value)" -gt "$before" ] || fail "led-blink sends no SET_VALUE"
msg "led-red follows its brightness, led-blink blinks"
