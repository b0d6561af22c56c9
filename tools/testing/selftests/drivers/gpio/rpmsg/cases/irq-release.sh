#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# When gpiomon lets go of a line, the remote's interrupt type goes back to
# none with a single SET_IRQ_TYPE and nothing else; edges are then no
# longer notified, and a notification the remote sends anyway is dropped.
. "$(dirname "$0")/../lib.sh"

CTRL=2
LINE=3
out=/tmp/irq-release.out
need_chip $CTRL >/dev/null || exit
sim_set_input $CTRL $LINE 0
# One event delivered and re-armed: then the line is quiet and armed.
mon_start $CTRL $LINE rising 2 "$out" || exit
n=$(sim_stat $CTRL notifications)
sim_set_input $CTRL $LINE 1
sim_wait_rearmed $CTRL $LINE $((n + 1)) || fail "first event not re-armed"
mon_wait_events "$out" 1 || fail "first event did not reach gpiomon: $(cat "$out")"

before=$(sim_msgs $CTRL)
kill "$MON_PID"
wait_gone "$MON_PID" 5 || fail "gpiomon did not exit"
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(sim_get_irq_type $CTRL $LINE)" = none ]' 5 ||
	fail "remote irq type is $(sim_get_irq_type $CTRL $LINE) after release, expected none"
[ -z "$(line_consumer "$(chip_of $CTRL)" $LINE)" ] ||
	fail "line still has consumer $(line_consumer "$(chip_of $CTRL)" $LINE)"
expect "messages on release" "$(sim_msgs_since $CTRL "$before")" \
	"$(msgs set_irq_type=1)"

# Edges are not notified any more...
n=$(sim_stat $CTRL notifications)
sim_set_input $CTRL $LINE 0
sim_set_input $CTRL $LINE 1
expect "notifications after release" "$(sim_stat $CTRL notifications)" "$n"
# ...and one the remote sends anyway is dropped by Linux.
acc=$(drv_stat $CTRL notifications)
drop=$(drv_stat $CTRL dropped_irq_disabled)
sim_fault $CTRL "notify $LINE"
wait_for "[ \$(drv_stat $CTRL dropped_irq_disabled) -gt $drop ]" 5 ||
	fail "a notification for the released line was not dropped" \
		"(dropped_irq_disabled $(drv_stat $CTRL dropped_irq_disabled))"
expect "notifications accepted after release" "$(drv_stat $CTRL notifications)" "$acc"
expect "messages after release" "$(sim_msgs_since $CTRL "$before")" \
	"$(msgs set_irq_type=1)"
