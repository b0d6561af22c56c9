#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A controller has as many lines as the remote reports (controllers 0 and
# 2) or as its DT node's ngpios says (controller 1: 20, same as the remote).
. "$(dirname "$0")/../lib.sh"

for spec in 0:32 1:20 2:8; do
	ctrl=${spec%:*}
	want=${spec#*:}
	expect "simulator controller $ctrl lines" "$(sim_num_lines "$ctrl")" "$want"
	chip=$(need_chip "$ctrl") || exit
	expect "$chip (rpmsg-io-$ctrl) lines" "$(chip_lines "$chip")" "$want"
done
