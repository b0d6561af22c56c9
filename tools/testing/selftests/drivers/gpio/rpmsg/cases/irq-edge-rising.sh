#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A rising edge of a remote input reaches gpiomon as a rising event; a falling
# one does not. After each event the line is re-armed with exactly one
# SET_IRQ_TYPE (the remote masked it when notifying), so the next rising
# edge is delivered too.
. "$(dirname "$0")/../lib.sh"

need_chip 2 >/dev/null || exit
irq_edges 2 0 rising 1 0 1
