#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The gpio-hog under controller 0 (line 7, output-high) is applied as soon
# as the chip exists: the remote drives the line high.
. "$(dirname "$0")/../lib.sh"
need_dt "the pwr-en-hog of guest.dtsi"

a=$(need_chip 0) || exit
expect "$a line 7 consumer" "$(line_consumer "$a" 7)" hog-pwr
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(sim_get_direction 0 7)" = out ]' 5 ||
	fail "remote line 0:7 direction is $(sim_get_direction 0 7), expected out"
expect "remote line 0:7 level" "$(sim_get_output 0 7)" 1
