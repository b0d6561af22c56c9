#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A reply the remote never sends: the operation fails with -ETIMEDOUT after
# timeout_ms; a request made meanwhile, while that reply is still owed,
# fails with -ETIMEDOUT without being sent ("blocked"); three timeouts
# after the lost request the reply is presumed lost and the chip works
# again, confirming each answer (the reply might still come) until the
# channel is bound anew.
. "$(dirname "$0")/../lib.sh"

c=$(need_chip 2) || exit
drv_timeout_set 500
sim_set_input 2 3 1
sim_set_input 2 5 0
expect "$c line 3 before the fault" "$(gpio_get "$c" 3)" 1
expect "$c line 5 before the fault" "$(gpio_get "$c" 5)" 0
to=$(drv_stat 2 timeouts)
bl=$(drv_stat 2 blocked)
lost=$(drv_stat 2 lost_replies)
sent=$(sim_stat 2 set_direction)

# Two reads at once: the first request's reply is dropped, the other
# waits for it (0.5 s) and gives up before the 1.5 s grace.
sim_fault 2 drop
t0=$(date +%s)
gpioget --numeric -c "$c" 5 > /tmp/drop-5.out 2>&1 &
p5=$!
expect_fail_with "read with a dropped reply" "timed out" gpioget --numeric -c "$c" 3
r3=$FAIL_OUT
wait $p5 && fail "the concurrent read succeeded: $(cat /tmp/drop-5.out)"
grep -qi "timed out" /tmp/drop-5.out ||
	fail "the concurrent read failed, but not with a timeout: $(cat /tmp/drop-5.out)"
t1=$(date +%s)
[ $((t1 - t0)) -lt 5 ] || fail "the timed out reads took $((t1 - t0)) s (timeout_ms 500)"
expect "timeouts" "$(drv_stat 2 timeouts)" $((to + 1))
expect "blocked" "$(drv_stat 2 blocked)" $((bl + 1))
expect "SET_DIRECTION requests the remote saw" "$(sim_stat 2 set_direction)" $((sent + 1))

sleep 2
resent=$(drv_stat 2 resent)
expect "$c line 3 after the grace period" "$(gpio_get "$c" 3)" 1
expect "lost_replies" "$(drv_stat 2 lost_replies)" $((lost + 1))
t2=$(date +%s)
# The lost reply might still come, ahead of another one: until it does,
# every answer is confirmed by asking again.
expect "replies that may still come" "$(drv_stat 2 suspect)" 1
[ "$(drv_stat 2 resent)" -gt "$resent" ] ||
	fail "answers after a presumed loss were not confirmed"
expect_reads 2 "$c" 3 0 "set low"

# A new channel starts in step: rebind, so later cases count messages
# on a driver that expects no stale reply.
drv_rebind 2
c=$(need_chip 2) || exit
expect "replies that may still come after a rebind" "$(drv_stat 2 suspect)" 0
msg "dropped reply: reads failed after $((t1 - t0)) s ($r3), chip back after $((t2 - t0)) s"
