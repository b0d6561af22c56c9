#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote crashes while the LED on 0:1 blinks with the timer trigger
# and while a reader has gpio-keys' input device open: no oops, nothing
# hangs (LED writes return, the reader can be killed), and the chips come
# back. What Linux does not do by itself: the DT consumers stay bound to
# the chip the crash removed (fw_devlink ties them to the remote
# processor's device, which stays); rebound, they work on the new chip,
# and the LED's trigger and the key's interrupt type are sent again.
# order=last
. "$(dirname "$0")/../lib.sh"
need_dt "gpio-leds and gpio-keys of guest.dtsi"

KEY_A=30
LED=/sys/class/leds/led-blink
a=$(need_chip 0) || exit
b=$(need_chip 1) || exit
[ -n "$(line_consumer "$a" 1)" ] || consumer_rebind leds leds-gpio
keys_input
grep -q '\[timer\]' $LED/trigger || echo timer > $LED/trigger
echo 20 > $LED/delay_on
echo 20 > $LED/delay_off
n=$(sim_stat 0 set_value)
wait_for "[ \$(sim_stat 0 set_value) -ge $((n + 4)) ]" 10 || fail "the LED does not blink"
wait_for "input_dev rpmsg-keys" 5 || fail "no rpmsg-keys input device"
evread "$(input_dev rpmsg-keys)" 1 600000 > /tmp/cwc-keys.out 2>&1 &
reader=$!

sim_crash
# The LED keeps being written while the chip is gone: each write returns
timeout 10 sh -c "echo 1 > $LED/brightness; echo 0 > $LED/brightness" ||
	fail "writing the LED's brightness hangs after the crash"
wait_for "c=\$(chip_of 0) && [ \"\$c\" != '$a' ] && chip_of 1" 20 ||
	fail "no new gpiochips after the crash"
kill -0 $reader || fail "the key reader died: $(cat /tmp/cwc-keys.out)"
kill $reader
wait_gone $reader 5 || fail "the key reader cannot be killed"

a=$(need_chip 0) || exit
b=$(need_chip 1) || exit
expect "consumer of the new $a line 1" "$(line_consumer "$a" 1)" ""
consumer_rebind leds leds-gpio
consumer_rebind rpmsg-keys gpio-keys
n=$(sim_stat 0 set_value)
wait_for "[ \$(sim_stat 0 set_value) -ge $((n + 4)) ]" 10 ||
	fail "the LED does not blink on the recovered chip"
expect "remote irq type of 1:3" "$(sim_get_irq_type 1 3)" edge-both
wait_for "input_dev rpmsg-keys" 5 || fail "no rpmsg-keys input device after the rebind"
dev=$(input_dev rpmsg-keys)
sim_set_input 1 3 1
# shellcheck disable=SC2016
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "KEY_A pressed with 1:3 high"
evread "$dev" 1 5000 > /tmp/cwc-keys.out 2>&1 &
reader=$!
wait_opened $reader "$dev"
sim_set_input 1 3 0
wait "$reader" || fail "no key press after the rebind: $(cat /tmp/cwc-keys.out)"
expect "key event" "$(cat /tmp/cwc-keys.out)" "key $KEY_A 1"
sim_set_input 1 3 1
msg "LED and keys survive the crash; rebound, they work on the new chips"
