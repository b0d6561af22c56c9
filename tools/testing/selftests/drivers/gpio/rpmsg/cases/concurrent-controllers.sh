#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Three controllers in use at once: outputs set on controller 0, inputs
# read on controller 2, edges monitored on controller 1. Every result is
# right and no request fails or times out.
. "$(dirname "$0")/../lib.sh"

ROUNDS=15
a=$(need_chip 0) || exit
b=$(need_chip 1) || exit
c=$(need_chip 2) || exit
err=/tmp/concurrent.err
: > $err
t0=$(drv_stat 0 timeouts) t1=$(drv_stat 1 timeouts) t2=$(drv_stat 2 timeouts)

setter() {
	local i=0 v

	while [ $i -lt $ROUNDS ]; do
		v=$((i % 2))
		gpio_set "$a" 5 $v || echo "gpioset $a 5=$v failed" >> $err
		[ "$(sim_get_output 0 5)" = $v ] ||
			echo "remote 0:5 is $(sim_get_output 0 5) after setting $v" >> $err
		i=$((i + 1))
	done
}
getter() {
	local i=0 v

	while [ $i -lt $ROUNDS ]; do
		v=$(((i + 1) % 2))
		sim_set_input 2 6 $v
		[ "$(gpio_get "$c" 6)" = $v ] ||
			echo "$c line 6 read $(gpio_get "$c" 6) with remote input $v" >> $err
		i=$((i + 1))
	done
}

out=/tmp/concurrent.mon
sim_set_input 1 5 0
mon_start 1 5 both $ROUNDS $out || exit
setter & p1=$!
getter & p2=$!
n=0 v=0
while [ $n -lt $ROUNDS ]; do
	v=$((1 - v))
	n=$((n + 1))
	sim_set_input 1 5 $v
	mon_wait_events $out $n || { echo "event $n missing: $(cat $out)" >> $err; break; }
done
wait $p1 $p2
wait_gone "$MON_PID" 5 || echo "gpiomon did not exit" >> $err
[ -s $err ] && fail "$(head -5 $err)"
expect "gpiomon events" "$(mon_events $out)" $ROUNDS
expect "rising events" "$(grep -c rising $out)" $((ROUNDS / 2 + ROUNDS % 2))
expect "timeouts on rpmsg-io-0" "$(drv_stat 0 timeouts)" "$t0"
expect "timeouts on rpmsg-io-1" "$(drv_stat 1 timeouts)" "$t1"
expect "timeouts on rpmsg-io-2" "$(drv_stat 2 timeouts)" "$t2"
msg "$ROUNDS sets on $a, reads on $c and edges on $b at the same time"
