#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# gpio-line-names of a controller's DT node name its lines; a controller
# without a node has unnamed lines.
. "$(dirname "$0")/../lib.sh"
need_dt "the gpio-line-names of guest.dtsi"

a=$(need_chip 0) || exit
b=$(need_chip 1) || exit
c=$(need_chip 2) || exit
expect "$a line 0 name" "$(line_name "$a" 0)" LED_RED
expect "$a line 7 name" "$(line_name "$a" 7)" PWR_EN
expect "$a line 31 name" "$(line_name "$a" 31)" GPIOA_31
expect "$b line 3 name" "$(line_name "$b" 3)" KEY_A
expect "$b line 19 name" "$(line_name "$b" 19)" GPIOB_19
expect "$c line 0 name" "$(line_name "$c" 0)" unnamed
# Names are found by name, too.
gpioinfo KEY_A >/dev/null 2>&1 || fail "gpioinfo cannot find line KEY_A"
