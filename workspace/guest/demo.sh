#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Narrated tour of the rpmsg GPIO driver against the simulated remote,
# shown by "qemu.sh run" (copied into the guest as demo.sh).
. "$(dirname "$0")/lib.sh"

say() { printf '\n### %s\n' "$*"; }
sh_do() { echo "\$ $*"; "$@"; }

say "The remote announces rpmsg-io-0 to -3; each becomes a gpiochip (3: 300 lines)"
wait_for sim_channels_up 20 || echo "(not every controller has a gpiochip)"
sh_do gpiodetect
if ! a=$(chip_of 0) || ! c=$(chip_of 2); then
	echo "no gpiochip for the simulator: is gpio-rpmsg built?"
	exit 0
fi

say "Controller 0: names from DT, the hog on line 7, LEDs on lines 0 and 1"
sh_do gpioinfo -c "$a" 0 1 2 3 5 6 7

say "Linux sets $a line 5 high; the remote's pin follows"
sh_do gpioset -t 0 -c "$a" 5=1
echo "remote 0:5 direction $(sim_get_direction 0 5), level $(sim_get_output 0 5)"

say "The remote drives its pin 0:6 high; Linux reads it"
sim_set_input 0 6 1
sh_do gpioget -c "$a" 6

say "An interrupt: gpiomon waits for a rising edge on line 3; the remote toggles it"
sim_set_input 0 3 0
timeout 5 gpiomon -c "$a" -e rising -n 1 3 &
sleep 1
echo "remote 0:3 irq type $(sim_get_irq_type 0 3)"
sim_set_input 0 3 1
wait

say "LED 'led-red' (0:0): brightness 1 in sysfs drives the remote's pin"
echo 1 > /sys/class/leds/led-red/brightness
echo "remote 0:0 level $(sim_get_output 0 0)"
echo 0 > /sys/class/leds/led-red/brightness
echo "remote 0:0 level $(sim_get_output 0 0)"
say "LED 'led-blink' (0:1) runs the timer trigger: the remote sees it toggle"
for _ in 1 2 3 4; do echo "remote 0:1 level $(sim_get_output 0 1)"; sleep 0.3; done

say "Key A (1:3, active low, gpio-keys): the remote presses and releases it"
ev=$(input_dev rpmsg-keys) || { echo "no rpmsg-keys input device"; exit 0; }
# The remote's pins power up low: that is "pressed" for an active-low key
sim_set_input 1 3 1; sleep 0.3
evread "$ev" 2 3000 &
sleep 0.5
sim_set_input 1 3 0; sleep 0.1; sim_set_input 1 3 1
wait

say "Controller 2 ($c) has no DT node: plain, unnamed lines"
sh_do gpioinfo -c "$c"
