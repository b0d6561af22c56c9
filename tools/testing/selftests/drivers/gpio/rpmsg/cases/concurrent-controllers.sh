#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Three controllers in use at once: outputs set on controller 0, inputs
# read on controller 2, edges monitored on controller 1. Every result is
# right, no request fails or times out, and each of the three background
# jobs finishes all its rounds and exits with status 0.
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
	echo "setter: $i rounds" >> $err.done
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
	echo "getter: $i rounds" >> $err.done
}

out=/tmp/concurrent.mon
: > $err.done
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
wait $p1 || echo "the setter exited with status $?" >> $err
wait $p2 || echo "the getter exited with status $?" >> $err
if wait_gone "$MON_PID" 5; then
	wait "$MON_PID" || echo "gpiomon exited with status $?: $(cat $out)" >> $err
else
	echo "gpiomon did not exit" >> $err
fi
[ -s $err ] && fail "$(head -5 $err)"
expect "background jobs done" "$(sort $err.done | tr '\n' ' ')" \
	"getter: $ROUNDS rounds setter: $ROUNDS rounds "
expect "gpiomon events" "$(mon_events $out)" $ROUNDS
expect "rising events" "$(grep -c rising $out)" $((ROUNDS / 2 + ROUNDS % 2))
expect "timeouts on rpmsg-io-0" "$(drv_stat 0 timeouts)" "$t0"
expect "timeouts on rpmsg-io-1" "$(drv_stat 1 timeouts)" "$t1"
expect "timeouts on rpmsg-io-2" "$(drv_stat 2 timeouts)" "$t2"
msg "$ROUNDS sets on $a, reads on $c and edges on $b at the same time"
