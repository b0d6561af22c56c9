#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A request that waits for its reply when the channel goes away fails at
# once with -ENODEV, not after timeout_ms: the remote drops every reply,
# timeout_ms is 60 s (the most it can be), a gpioget waits, and then the
# remote withdraws the channel, crashes, or the driver is unbound from it.
# Each time the gpioget must exit within 20 s with "No such device", and
# the channel's next chip works.
# timeout=300
. "$(dirname "$0")/../lib.sh"

CTRL=2
LINE=3
TIMEOUT_MS=60000
DRV=/sys/bus/rpmsg/drivers/gpio_rpmsg
out=/tmp/remove-while-waiting.out

c=$(need_chip $CTRL) || exit
drv_timeout_set $TIMEOUT_MS
sim_fault_clear_at_exit $CTRL

# start_waiting: a gpioget in the background (GET_PID) whose request the
# remote has received and will never answer
start_waiting() {
	c=$(need_chip $CTRL) || exit
	sim_set_input $CTRL $LINE 1
	# Directions known: the gpioget's first request is its SET_DIRECTION
	expect "$c line $LINE" "$(gpio_get "$c" $LINE)" 1
	sim_fault $CTRL "drop 1000"
	sim_log_clear $CTRL
	gpioget --numeric -c "$c" $LINE > $out 2>&1 &
	GET_PID=$!
	sim_log_wait $CTRL . 30 ||
		fail "$1: the gpioget's request did not reach the remote"
	# The request is out and its reply dropped: the gpioget waits
	sleep 0.2
	kill -0 $GET_PID 2>/dev/null ||
		fail "$1: the gpioget did not wait: $(cat $out)"
}

# ended_at_once WHAT: the gpioget exited within 20 s, with ENODEV
ended_at_once() {
	wait_gone $GET_PID 20 ||
		fail "$1: the gpioget still waits 20 s later (timeout_ms $TIMEOUT_MS)"
	wait $GET_PID && fail "$1: the gpioget succeeded: $(cat $out)"
	grep -qi "no such device" $out ||
		fail "$1: the gpioget failed, but not with ENODEV: $(cat $out)"
	msg "$1: the waiting gpioget failed at once: $(tail -n 1 $out)"
}

# The remote withdraws the channel
start_waiting withdraw
sim_ctl withdraw rpmsg-io-$CTRL
ended_at_once withdraw
wait_for "! chip_of $CTRL" 10 || fail "rpmsg-io-$CTRL still has a gpiochip after withdraw"
sim_fault $CTRL none
sim_ctl announce rpmsg-io-$CTRL
c=$(need_chip $CTRL) || exit
chip_works $CTRL "$c" 6 4

# The remote crashes (the firmware's reset clears the fault)
start_waiting crash
old=$(chip_inode "$c")
sim_crash crash
ended_at_once crash
wait_for "cur=\$(chip_of $CTRL) && [ \"\$(chip_inode \$cur)\" != '$old' ]" 20 ||
	fail "no new gpiochip for rpmsg-io-$CTRL after the crash"
c=$(need_chip $CTRL) || exit
chip_works $CTRL "$c" 6 4

# The driver is unbound (in the background: unbind waits for remove())
start_waiting unbind
dev=$(rpmsg_dev rpmsg-io-$CTRL) || fail "no rpmsg device for rpmsg-io-$CTRL"
dev=${dev##*/}
echo "$dev" > $DRV/unbind &
ub=$!
ended_at_once unbind
wait_gone $ub 20 || fail "unbind still runs 20 s later"
wait $ub || fail "unbind of $dev failed"
sim_fault $CTRL none
echo "$dev" > $DRV/bind || fail "bind of $dev failed"
c=$(need_chip $CTRL) || exit
chip_works $CTRL "$c" 6 4
msg "withdraw, crash and unbind each failed the waiting request at once"
