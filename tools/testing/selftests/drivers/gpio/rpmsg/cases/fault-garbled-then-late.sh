#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A request times out and its reply is still owed; then the remote sends a
# message that is no reply (2 bytes), and only after it the owed reply,
# late, just before its answer to the request sent after it (the
# simulator's "hold"). The driver cannot tell the short message from a
# garbled reply: it must not take it for the owed one and send on as if
# nothing were owed, or the late reply would answer the next request. So
# the owed reply is counted with those that may still come (suspect: one
# more, checked while the reply is still held), and every read of another
# line gives the remote's real level or fails, never the late reply's.
#
# The held reply answers a read of line 3 (level 0); the read that
# follows is of line 4 (level 1). Reads are "gpioget --as-is": one
# GET_VALUE each.
. "$(dirname "$0")/../lib.sh"

CTRL=2
TIMEOUT_MS=300
c=$(need_chip $CTRL) || exit
drv_timeout_set $TIMEOUT_MS
sim_fault_clear_at_exit $CTRL
sim_set_input $CTRL 3 0
sim_set_input $CTRL 4 1
# Directions known: --as-is sends nothing else
expect "$c line 3" "$(gpio_get "$c" 3)" 0
expect "$c line 4" "$(gpio_get "$c" 4)" 1

for d in 1 4; do
	sus=$(drv_stat $CTRL suspect)
	bad=$(drv_stat $CTRL dropped_bad_length)
	sim_log_clear $CTRL
	sim_fault $CTRL "for get_value hold"
	if v=$(gpioget --numeric -a -c "$c" 3 2>&1); then
		fail "the read whose reply is held gave '$v'"
	fi
	sim_fault $CTRL garbage
	wait_for "[ \$(drv_stat $CTRL dropped_bad_length) -gt $bad ]" 5 ||
		fail "the short message did not arrive"
	expect "short messages dropped" "$(drv_stat $CTRL dropped_bad_length)" $((bad + 1))
	expect "replies that may still come, after the short message" \
		"$(drv_stat $CTRL suspect)" $((sus + 1))
	sleep "$(awk -v d=$d -v t=$TIMEOUT_MS 'BEGIN { print d * t / 1000 }')"
	reads_right $CTRL "$c" 4 1 "short message, next read $d timeouts later"
	reads_right $CTRL "$c" 3 0 "short message, next read $d timeouts later"
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	wait_for '[ "$(drv_stat '$CTRL' suspect)" = '"$sus"' ]' 10 ||
		fail "the held reply, once it came, was not counted as late"
done
# A new channel starts in step (the short message may have been the reply)
drv_rebind $CTRL
need_chip $CTRL > /dev/null || exit
msg "a short message then a held reply: counted as possibly late, never taken for another read's"
