#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A falling edge of a remote input reaches gpiomon as a falling event; a
# rising one does not. After each event the line is re-armed with exactly
# one SET_IRQ_TYPE, so the next falling edge is delivered too.
. "$(dirname "$0")/../lib.sh"

need_chip 2 >/dev/null || exit
irq_edges 2 1 falling 0 1 0
