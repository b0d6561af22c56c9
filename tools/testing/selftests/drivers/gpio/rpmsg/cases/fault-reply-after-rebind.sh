#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Replies to a binding of the channel that is gone: the remote takes in
# the requests of one binding only after the channel was unbound and
# bound again, and answers them (to the address they came from, the
# source address rpmsg gives it). The new binding must not take those
# replies for the answers to its own requests: its endpoint has a new
# address, so they meet no endpoint ("rpmsg: virtio: don't hand out a
# just released endpoint address again"). A read of a line the remote
# drives high gives 1, not the 0 that the replies to the old binding's
# writes carry.
# The same for a reply the remote holds back and sends only before its
# next one (the simulator's "hold"), the reply to a read of a low line.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
expect_reads 2 "$c" 3 1 "before the hang"

# Requests of this binding wait in the remote's receive ring
drv_timeout_set 200
at_exit "echo 1 > $SIM_DEBUGFS/unhang"
sim_ctl hang
for i in 1 2 3; do
	expect_fail_with "write $i to the hung remote" "timed out|busy" \
		gpioset -t 0 -c "$c" 4=1
done

drv_rebind 2
c=$(need_chip 2) || exit

# One read of the new binding waits behind them (its first request: the
# GET_DIRECTION of a line whose direction this binding does not know;
# -a: no SET_DIRECTION); then the remote answers everything in order
drv_timeout_set 10000
gpioget --numeric -a -c "$c" 3 > /tmp/reply-after-rebind.out 2>&1 &
pid=$!
# shellcheck disable=SC2016 # expanded by wait_for's eval
sent='$(($(drv_stat 2 requests_get_direction) + $(drv_stat 2 requests_get_value)))'
wait_for "[ $sent -gt 0 ]" 10 || fail "the read sent no request"
sim_ctl unhang
wait $pid || fail "the read after the rebind failed: $(cat /tmp/reply-after-rebind.out)"
expect "$c line 3 read after the rebind (sent: $(sim_log 2 | tr '\n' ';'))" \
	"$(cat /tmp/reply-after-rebind.out)" 1
expect "replies the new binding found unasked" \
	"$(drv_stat 2 dropped_unsolicited_reply)" 0
msg "the replies to the old binding's writes did not reach the new one"

# A held reply leaves just before the answer to the next request, which
# now comes from the new binding: it too goes where its request came from
sim_fault_clear_at_exit 2
sim_set_input 2 5 0
drv_timeout_set 200
sim_fault 2 "for get_value hold"
if v=$(gpioget --numeric -a -c "$c" 5 2>&1); then
	fail "the read whose reply is held gave '$v'"
fi
drv_rebind 2
c=$(need_chip 2) || exit
drv_timeout_set 10000
expect "$c line 3 read by the binding after the one owed a held reply" \
	"$(gpioget --numeric -a -c "$c" 3)" 1
expect "replies the binding after the one owed a held reply found unasked" \
	"$(drv_stat 2 dropped_unsolicited_reply)" 0
msg "the held reply to the old binding's read did not reach the new one"
