#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# An edge that comes while the interrupt is disabled is delivered once
# when it is enabled again, as with a hardware controller's latched
# pending bit: gpio-keys' KEY_A (controller 1 line 3, active low) is
# disabled through its disabled_keys file (disable_irq()), the remote
# presses the key, nothing is reported; the key is enabled again
# (enable_irq()): the interrupt runs once (/proc/interrupts) and
# gpio-keys reports the press; the release then comes as usual.
. "$(dirname "$0")/../lib.sh"

KEY_A=30
KEYS=/sys/devices/platform/rpmsg-keys
b=$(need_chip 1) || exit
[ -n "$(line_consumer "$b" 3)" ] || consumer_rebind rpmsg-keys gpio-keys
wait_for "input_dev rpmsg-keys" 5 || fail "no rpmsg-keys input device"
dev=$(input_dev rpmsg-keys)
[ -w $KEYS/disabled_keys ] || fail "no writable $KEYS/disabled_keys"
at_exit "echo > $KEYS/disabled_keys"

# irq_count: how often key-a's interrupt ran, over all CPUs
irq_count() {
	awk 'NR == 1 { ncpu = NF; next }
	     $NF == "key-a" { for (i = 2; i <= ncpu + 1; i++) n += $i; f = 1 }
	     END { print n + 0; exit !f }' /proc/interrupts
}

# Released is high
sim_set_input 1 3 1
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "KEY_A pressed with line 1:3 high"
wait_for "[ \$(sim_get_masked 1 3) = 0 ]" 5 || fail "line 1:3 not armed"
n0=$(irq_count) || fail "no key-a in /proc/interrupts"

out=/tmp/irq-disabled-edge.out
evread "$dev" 2 5000 > "$out" 2>&1 &
pid=$!
wait_for "ls -l /proc/$pid/fd | grep -q ${dev##*/}" 5 || fail "evread did not open $dev"

echo $KEY_A > $KEYS/disabled_keys || fail "cannot disable KEY_A"
sim_set_input 1 3 0
sleep 0.5
expect "events while KEY_A is disabled" "$(cat "$out")" ""
expect "key-a interrupts while disabled" "$(irq_count)" "$n0"

echo > $KEYS/disabled_keys || fail "cannot enable KEY_A"
wait_for "grep -q 'key $KEY_A 1' $out" 5 ||
	fail "the press while disabled was not delivered at enable:" \
		"events '$(cat "$out")', key-a interrupts $(($(irq_count) - n0))"
sleep 0.3
expect "key-a interrupts after enable" "$(irq_count)" $((n0 + 1))

sim_set_input 1 3 1
wait "$pid" || fail "evread: $(cat "$out")"
expect "KEY_A events" "$(tr '\n' ' ' < "$out")" "key $KEY_A 1 key $KEY_A 0 "
expect "key-a interrupts after the release" "$(irq_count)" $((n0 + 2))
msg "an edge while disabled was delivered once at enable"
