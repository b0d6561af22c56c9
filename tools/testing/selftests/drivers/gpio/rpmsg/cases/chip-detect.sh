#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Every channel the remote announces becomes one gpiochip, with or without
# a DT node (controller 2 has none).
. "$(dirname "$0")/../lib.sh"

for ctrl in 0 1 2; do
	chip=$(need_chip $ctrl) || exit
	msg "rpmsg-io-$ctrl: $chip [$(chip_label "$chip")]"
done
[ "$(chip_of 0)" != "$(chip_of 1)" ] || fail "controllers 0 and 1 share $(chip_of 0)"
[ "$(chip_of 1)" != "$(chip_of 2)" ] || fail "controllers 1 and 2 share $(chip_of 1)"
