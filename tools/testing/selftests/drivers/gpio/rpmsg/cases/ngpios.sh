#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A controller has as many lines as its DT node's ngpios says (controller
# 1: 20), 32 when the node has none (controller 0) and 32 without a node
# (controller 2): the protocol has no way to ask the remote.
. "$(dirname "$0")/../lib.sh"
need_dt "the ngpios properties of guest.dtsi"

for spec in 0:32 1:20 2:32; do
	ctrl=${spec%:*}
	want=${spec#*:}
	chip=$(need_chip "$ctrl") || exit
	expect "$chip (rpmsg-io-$ctrl) lines" "$(chip_lines "$chip")" "$want"
done
# The last line exists, the one after it does not.
gpioinfo -c "$(chip_of 1)" 19 >/dev/null 2>&1 || fail "line 19 of rpmsg-io-1 missing"
! gpioinfo -c "$(chip_of 1)" 20 >/dev/null 2>&1 || fail "rpmsg-io-1 has a line 20"
