#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# An interrupt whose type does not reach the remote when it is requested
# is sent again: gpiomon requests rising edges on a line and the remote
# answers that SET_IRQ_TYPE with an error. request_irq() has returned 0
# and nothing else would send the type again, so the driver retries one
# timeout later (1 s), and an edge after that reaches gpiomon. Until the
# retry the driver takes the line for unarmed and drops its
# notifications. (The simulator applies a command even when told to
# answer it with an error, so the retry is seen in its request log.)
. "$(dirname "$0")/../lib.sh"

CTRL=2
LINE=7
out=/tmp/irq-enable-failure.out

need_chip $CTRL >/dev/null || exit
sim_fault_clear_at_exit $CTRL
sim_set_input $CTRL $LINE 0
sim_log_clear $CTRL
sim_fault $CTRL "for set_irq_type error"
mon_start $CTRL $LINE rising 1 $out || exit
wait_for "[ \$(sim_log $CTRL | grep -c '^set_irq_type $LINE 1\$') -ge 2 ]" 15 ||
	fail "the refused interrupt type was not sent again: $(sim_log $CTRL | tr '\n' ';')"
# The refused type and its retry, nothing else
sim_log_expect "requesting the interrupt" $CTRL -m "^set_irq_type" \
	"set_irq_type $LINE 1" "set_irq_type $LINE 1"

sim_set_input $CTRL $LINE 1
mon_wait_events $out 1 || fail "the edge after the retried type did not reach gpiomon: $(cat $out)"
expect "events" "$(tr '\n' ' ' < $out)" "$LINE rising "
wait_gone "$MON_PID" 5 || fail "gpiomon did not exit after 1 event"
msg "an interrupt type the remote refused was sent again, and the edge got through"
