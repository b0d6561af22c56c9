#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# With both edges watched, every change of a remote input reaches gpiomon
# with its direction (cdev reads the level once per event: one GET_VALUE),
# and each event is re-armed with exactly one SET_IRQ_TYPE.
. "$(dirname "$0")/../lib.sh"

need_chip 1 >/dev/null || exit
irq_edges 1 6 both 1 0 1
