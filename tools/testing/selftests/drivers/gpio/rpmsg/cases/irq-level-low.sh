#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A level-low interrupt: Linux asks the remote for type 8 (SET_IRQ_TYPE
# 9 8 in its request log), and while the level is low every re-arm makes
# the remote fire again; when it goes high the notifications stop, and
# each notification was re-armed by exactly one SET_IRQ_TYPE. The
# consumer is the interrupt-only gpio-keys "rpmsg-level-low-keys" on
# controller 0 line 9, KEY_C (guest.dtsi), released 300 ms after its last
# interrupt; the line is pulled up on the simulated board (the
# simulator's "pullups"), so the key does not fire from the start.
. "$(dirname "$0")/../lib.sh"
need_dt "rpmsg-level-low-keys of guest.dtsi"

KEY_C=46
CTRL=0
LINE=9
DEV=rpmsg-level-low-keys
need_chip $CTRL >/dev/null || exit
[ -e /sys/bus/platform/devices/$DEV ] || fail "no $DEV platform device (guest.dtsi)"
at_exit "echo 1 > $SIM_DEBUGFS/ctrl$CTRL/line$LINE/input"
sim_set_input $CTRL $LINE 1
sim_log_clear $CTRL
# Like rpmsg-level-keys (irq-level.sh), it cannot have probed before the
# channel's irq domain existed: probe it now (again after a new chip)
if ! input_dev $DEV > /dev/null ||
   [ "$(sim_get_irq_type $CTRL $LINE)" != level-low ]; then
	consumer_rebind $DEV gpio-keys
	sim_log_expect "requesting the level-low interrupt" $CTRL \
		-m "^set_irq_type $LINE " "set_irq_type $LINE 8"
fi
# Bound only while this case runs (see keys_input in lib.sh)
at_exit "consumer_unbind $DEV gpio-keys"
wait_for "input_dev $DEV" 5 || fail "no $DEV input device"
dev=$(input_dev $DEV)
expect "remote irq type of $CTRL:$LINE" "$(sim_get_irq_type $CTRL $LINE)" level-low
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_C)" = 0 ]' 5 || fail "KEY_C pressed with the line high"

out=/tmp/irq-level-low.out
evread "$dev" 2 20000 > "$out" 2>&1 &
pid=$!
wait_opened $pid "$dev"
n0=$(sim_stat $CTRL notifications)
t0=$(sim_stat $CTRL set_irq_type)
sim_set_input $CTRL $LINE 0
wait_for "grep -q 'key $KEY_C 1' $out" 5 || fail "no KEY_C press: $(cat "$out")"
# Still active: it fires again after each re-arm
wait_for "[ \$(sim_stat $CTRL notifications) -ge $((n0 + 3)) ]" 5 ||
	fail "level-low fired $(($(sim_stat $CTRL notifications) - n0)) times while low," \
		"expected again and again"
sim_set_input $CTRL $LINE 1
wait_for "grep -q 'key $KEY_C 0' $out" 15 || fail "no KEY_C release: $(cat "$out")"
wait "$pid" || fail "evread: $(cat "$out")"
expect "KEY_C events" "$(tr '\n' ' ' < "$out")" "key $KEY_C 1 key $KEY_C 0 "
wait_for "[ \$(sim_get_masked $CTRL $LINE) = 0 ]" 5 || fail "line $CTRL:$LINE left masked"
n=$(sim_stat $CTRL notifications)
sleep 0.3
expect "notifications with the level high" "$(sim_stat $CTRL notifications)" "$n"
expect "SET_IRQ_TYPE per notification ($((n - n0)) notifications)" \
	"$(($(sim_stat $CTRL set_irq_type) - t0))" $((n - n0))
# Each re-arm asked for level-low again
! sim_log $CTRL | grep "^set_irq_type $LINE " | grep -qv " 8$" ||
	fail "re-arms with another type than 8:" \
		"$(sim_log $CTRL | grep "^set_irq_type $LINE " | sort | uniq -c)"
msg "level-low (type 8) fired $((n - n0)) times while low, each re-armed once"
