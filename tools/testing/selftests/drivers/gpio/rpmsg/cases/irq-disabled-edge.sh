#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# An edge while the interrupt is disabled is latched, as a controller's
# pending bit would hold it, and delivered once at enable_irq(). gpio-keys
# disables KEY_A's interrupt when the key is written to disabled_keys
# (linux,can-disable in guest.dtsi). The key is pressed while disabled:
# the remote stays armed and notifies, the driver does not re-arm the
# line and runs no handler; at enable the press arrives, once, and the
# line is re-armed, so the release after it arrives too.
. "$(dirname "$0")/../lib.sh"

KEY_A=30
keys=/sys/devices/platform/rpmsg-keys
keys_input
dev=$KEYS_DEV
[ -w $keys/disabled_keys ] || fail "no $keys/disabled_keys"
sim_set_input 1 3 1
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "KEY_A still pressed with line 1:3 high"
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_masked 1 3)" = 0 ]' 5 || fail "line 1:3 not armed"

at_exit "echo > $keys/disabled_keys"
out=/tmp/irq-disabled-edge.out
evread "$dev" 2 10000 > "$out" 2>&1 &
pid=$!
wait_opened $pid "$dev"
echo $KEY_A > $keys/disabled_keys || fail "cannot disable KEY_A"
expect "disabled keys" "$(cat $keys/disabled_keys)" $KEY_A

n=$(sim_stat 1 notifications)
sim_set_input 1 3 0
wait_for "[ \$(sim_stat 1 notifications) -gt $n ]" 5 ||
	fail "no notification for a press while disabled (remote irq type $(sim_get_irq_type 1 3))"
# The handler would have queued gpio-keys' report at once; give it time
sleep 1
[ ! -s "$out" ] || fail "event while the key was disabled: $(cat "$out")"
expect "remote 1:3 while disabled (fired, not re-armed)" "$(sim_get_masked 1 3)" 1

echo > $keys/disabled_keys || fail "cannot enable KEY_A"
wait_for "[ \$(grep -c . $out) -ge 1 ]" 5 ||
	fail "the press while disabled was not delivered at enable"
expect "event at enable" "$(sed -n 1p "$out")" "key $KEY_A 1"
# shellcheck disable=SC2016
wait_for '[ "$(sim_get_masked 1 3)" = 0 ]' 5 || fail "line 1:3 not re-armed at enable"
sim_set_input 1 3 1
wait "$pid" || fail "the release after enable did not arrive: $(cat "$out")"
expect "events" "$(cat "$out" | tr '\n' ' ')" "key $KEY_A 1 key $KEY_A 0 "
msg "a press while disabled delivered once at enable, then the release"
