#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# gpio-keys on controller 1 line 3 (active low, KEY_A): the remote
# pulling the line low is a press, high a release. Two presses: the second
# one needs the re-arm after the first, which gpio-keys (no IRQF_ONESHOT)
# does not trigger through the irq bus lock.
. "$(dirname "$0")/../lib.sh"

KEY_A=30
keys_input
dev=$KEYS_DEV
expect "remote irq type of 1:3" "$(sim_get_irq_type 1 3)" edge-both

# The remote's inputs power on low: released is high.
sim_set_input 1 3 1
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(evread -s $dev $KEY_A)" = 0 ]' 5 || fail "KEY_A still pressed with line 1:3 high"

out=/tmp/keys.out
evread "$dev" 4 30000 > "$out" 2>&1 &
pid=$!
wait_opened $pid "$dev"
n=0
for v in 0 1 0 1; do
	n=$((n + 1))
	sim_set_input 1 3 $v
	wait_for "[ \$(grep -c . $out) -ge $n ]" 5 ||
		fail "event $n (line 1:3 to $v) missing: $(cat "$out")," \
			"remote masked $(sim_get_masked 1 3)"
	expect "event $n" "$(sed -n "${n}p" "$out")" "key $KEY_A $((1 - v))"
	# The line is re-armed after every notification
	wait_for "[ \$(sim_get_masked 1 3) = 0 ]" 5 || fail "line 1:3 not re-armed after event $n"
done
wait "$pid" || fail "evread failed: $(cat "$out")"
expect "KEY_A state" "$(evread -s "$dev" $KEY_A)" 0
msg "two presses and releases of KEY_A"
