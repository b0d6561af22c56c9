#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# A remote that stops taking messages: its receive ring (Linux's tx ring)
# fills up. Every operation still returns within its timeout and a small
# constant, failing with "timed out" (no reply) or "busy" (no tx buffer),
# never with a restart or after rpmsg_send()'s 15 s wait; the last one is
# no slower than the first. Unbinding the channel during the hang returns
# promptly. Once the remote takes messages again the chip works, with no
# reload, and no reply to the binding before the rebind is taken for an
# answer of the new one. 100 operations here, 300 in make soak (LOOPS >= 300).
# timeout=600
. "$(dirname "$0")/../lib.sh"

ops=100
[ "${LOOPS:-20}" -lt 300 ] || ops=300
c=$(need_chip 2) || exit
drv_timeout_set 100
trap 'echo 1 > $SIM_DEBUGFS/unhang; echo $DRV_TIMEOUT_OLD > $DRV_TIMEOUT' EXIT
busy=$(drv_stat 2 tx_full)
sim_ctl hang

# ms since boot, from /proc/uptime
now_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }

first=0 last=0 i=0
while [ $i -lt $ops ]; do
	t0=$(now_ms)
	if [ $((i % 2)) = 0 ]; then
		out=$(timeout 10 gpioget --numeric -c "$c" 3 2>&1)
	else
		out=$(timeout 10 gpioset -t 0 -c "$c" 4=1 2>&1)
	fi
	rc=$?
	dt=$(($(now_ms) - t0))
	[ $rc != 124 ] || fail "operation $i hung (10 s)"
	[ $rc != 0 ] || fail "operation $i succeeded against a hung remote: $out"
	echo "$out" | grep -Eqi "timed out|busy" ||
		fail "operation $i failed with neither a timeout nor busy: $out"
	[ $i -ge 10 ] || first=$((first + dt))
	[ $i -lt $((ops - 10)) ] || last=$((last + dt))
	i=$((i + 1))
done
[ "$(drv_stat 2 tx_full)" -gt "$busy" ] ||
	fail "the tx ring never filled (tx_full $(drv_stat 2 tx_full))"
# Process creation dominates under emulation: compare, with slack
[ $last -le $((2 * first + 1000)) ] ||
	fail "the last 10 operations took $last ms, the first 10 $first ms"

DRV=/sys/bus/rpmsg/drivers/gpio_rpmsg
dev=$(rpmsg_dev rpmsg-io-2) || fail "no rpmsg device for rpmsg-io-2"
dev=${dev##*/}
timeout 10 sh -c "echo $dev > $DRV/unbind" || fail "unbind during the hang did not return"
timeout 10 sh -c "echo $dev > $DRV/bind" || fail "bind during the hang failed"
c=$(need_chip 2) || exit

sim_ctl unhang
drv_timeout_set 1000
# The remote now answers the requests of the binding before the rebind,
# to its endpoint, which is gone: a read may time out behind them, and
# must never give another request's answer
READS_TRIES=30 reads_right 2 "$c" 3 "$(cat "$(sim_line_file 2 3 input)")" \
	"$c after the remote resumed"
chip_works 2 "$c" 3 4
msg "$ops operations against a hung remote: first 10 took $first ms, last 10 $last ms; works after"
