#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A level-high interrupt (the GPIO uAPI has no level events: the consumer
# is the interrupt-only gpio-keys "rpmsg-level-keys" on controller 0 line
# 4, KEY_B, released 300 ms after its last interrupt). While the level is
# active every re-arm makes the remote fire again; when it goes inactive
# the notifications stop, and each notification was re-armed by exactly
# one SET_IRQ_TYPE. Level-low has no consumer in guest.dtsi (the remote's
# inputs power on low: it would fire from boot on), so it is not covered.
. "$(dirname "$0")/../lib.sh"
need_dt "rpmsg-level-keys of guest.dtsi"

KEY_B=48
CTRL=0
LINE=4
need_chip $CTRL >/dev/null || exit
# gpio-keys maps an interrupt-only key with irq_of_parse_and_map(), which
# cannot defer: it probes as soon as the remote processor's device is
# bound, before the channel's gpiochip (its irq domain) exists, and fails
# with "Unable to determine IRQ#". Probe it again now that the chip is
# there (also when it lost its chip to a re-created channel).
[ -e /sys/bus/platform/devices/rpmsg-level-keys ] ||
	fail "no rpmsg-level-keys platform device (guest.dtsi)"
if ! input_dev rpmsg-level-keys > /dev/null ||
   [ "$(sim_get_irq_type $CTRL $LINE)" != level-high ]; then
	consumer_rebind rpmsg-level-keys gpio-keys
fi
# Bound only while this case runs (see keys_input in lib.sh)
at_exit "consumer_unbind rpmsg-level-keys gpio-keys"
wait_for "input_dev rpmsg-level-keys" 5 || fail "no rpmsg-level-keys input device"
dev=$(input_dev rpmsg-level-keys)
expect "remote irq type of $CTRL:$LINE" "$(sim_get_irq_type $CTRL $LINE)" level-high
sim_set_input $CTRL $LINE 0
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_B)" = 0 ]' 5 || fail "KEY_B pressed with the line low"

out=/tmp/irq-level.out
evread "$dev" 2 5000 > "$out" 2>&1 &
pid=$!
wait_opened $pid "$dev"
# Controller 0 also carries led-blink's SET_VALUEs: count SET_IRQ_TYPE only
n0=$(sim_stat $CTRL notifications)
t0=$(sim_stat $CTRL set_irq_type)
sim_set_input $CTRL $LINE 1
wait_for "grep -q 'key $KEY_B 1' $out" 5 || fail "no KEY_B press: $(cat "$out")"
# Still active: it fires again after each re-arm
wait_for "[ \$(sim_stat $CTRL notifications) -ge $((n0 + 3)) ]" 5 ||
	fail "level-high fired $(($(sim_stat $CTRL notifications) - n0)) times while active," \
		"expected again and again"
sim_set_input $CTRL $LINE 0
wait_for "grep -q 'key $KEY_B 0' $out" 5 || fail "no KEY_B release: $(cat "$out")"
wait "$pid" || fail "evread: $(cat "$out")"
expect "KEY_B events" "$(tr '\n' ' ' < "$out")" "key $KEY_B 1 key $KEY_B 0 "
wait_for "[ \$(sim_get_masked $CTRL $LINE) = 0 ]" 5 || fail "line $CTRL:$LINE left masked"
n=$(sim_stat $CTRL notifications)
sleep 0.3
expect "notifications with the level inactive" "$(sim_stat $CTRL notifications)" "$n"
expect "SET_IRQ_TYPE per notification ($((n - n0)) notifications)" \
	"$(($(sim_stat $CTRL set_irq_type) - t0))" $((n - n0))
expect "remote irq type of $CTRL:$LINE" "$(sim_get_irq_type $CTRL $LINE)" level-high
msg "level-high fired $((n - n0)) times while active, each re-armed once"
