#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A re-arm that fails is tried again: gpiomon waits for rising edges on a
# line, the remote answers the SET_IRQ_TYPE that re-arms the line after
# the first edge with an error. The driver counts a rearm_failure, sends
# SET_IRQ_TYPE again (after timeout_ms, 1 s), and the next edge reaches
# gpiomon. Without the retry, a firmware that refused the re-arm would
# leave the line masked and every later edge be lost. (The simulator
# applies a command even when told to answer it with an error, so the
# retry is seen in its request log, not in its mask.)
. "$(dirname "$0")/../lib.sh"

CTRL=2
LINE=6
out=/tmp/irq-rearm-failure.out

need_chip $CTRL >/dev/null || exit
sim_fault_clear_at_exit $CTRL
sim_set_input $CTRL $LINE 0
mon_start $CTRL $LINE rising 2 $out || exit
fails=$(drv_stat $CTRL rearm_failures)
n=$(sim_stat $CTRL notifications)

sim_log_clear $CTRL
sim_fault $CTRL "for set_irq_type error"
sim_set_input $CTRL $LINE 1
mon_wait_events $out 1 || fail "the first edge did not reach gpiomon: $(cat $out)"
wait_for "[ \$(drv_stat $CTRL rearm_failures) -gt $fails ]" 5 ||
	fail "no rearm_failure counted after an error reply to the re-arm"
wait_for "[ \$(sim_stat $CTRL notifications) -ge $((n + 1)) ] &&
	[ \$(sim_log $CTRL | grep -c '^set_irq_type $LINE ') -ge 2 ]" 15 ||
	fail "the failed re-arm was not tried again: remote line $CTRL:$LINE" \
		"masked $(sim_get_masked $CTRL $LINE), sent: $(sim_log $CTRL | tr '\n' ';')"
expect "remote line $CTRL:$LINE masked after the retry" "$(sim_get_masked $CTRL $LINE)" 0
expect "rearm_failures" "$(drv_stat $CTRL rearm_failures)" $((fails + 1))
# The failed re-arm (rising: 1) and its retry, nothing else
sim_log_expect "re-arm after the first edge" $CTRL \
	"set_irq_type $LINE 1" "set_irq_type $LINE 1"

sim_set_input $CTRL $LINE 0
sim_set_input $CTRL $LINE 1
mon_wait_events $out 2 ||
	fail "the edge after the retried re-arm did not reach gpiomon: $(cat $out)"
expect "events" "$(tr '\n' ' ' < $out)" "$LINE rising $LINE rising "
wait_gone "$MON_PID" 5 || fail "gpiomon did not exit after 2 events"
msg "a failed re-arm was retried and the next edge got through"
