#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Bad DT nodes under rpmsg-io (guest.dtsi) are refused with a clear
# message or ignored, never a crash, and cost the remote nothing:
#   rpmsg-io-5   gpio@5 has ngpios = <0>          probe refused
#   rpmsg-io-7   gpio@7 has ngpios = <100000>     probe refused
#   rpmsg-io-8   gpio@8 has another compatible    no node: 32 lines
#   rpmsg-io-9   only gpio-noreg (no reg) exists  no node: 32 lines
#   rpmsg-io-10  gpio@a and gpio@b both reg 10    the first, and a warning
#   (gpio@12c has reg 300: no channel can name it; nothing happens)
# And the good node with ngpios 300 (controller 3): lines 256 and up
# work, but have no interrupt: gpiomon on them is refused.
. "$(dirname "$0")/../lib.sh"
need_dt "the bad gpio@ nodes of guest.dtsi"

kmsg_mark
nc=$(sim_global_stat no_ctrl)
for n in 5 7 8 9 10; do
	sim_ctl announce rpmsg-io-$n
done
wait_for "rpmsg_dev rpmsg-io-10 && chip_of 10" 10 || fail "rpmsg-io-10 has no gpiochip"
wait_for "chip_of 8 && chip_of 9" 10 || fail "rpmsg-io-8 or -9 has no gpiochip"
sleep 1
log=$(kmsg_since)
cleanup() {
	for n in 5 7 8 9 10; do
		echo rpmsg-io-$n > "$SIM_DEBUGFS/withdraw"
	done
}
trap cleanup EXIT

for n in 5 7; do
	! chip_of $n >/dev/null || fail "rpmsg-io-$n has a gpiochip despite its bad ngpios"
	d=$(rpmsg_dev rpmsg-io-$n) || fail "no rpmsg device rpmsg-io-$n"
	[ ! -e "$d/driver" ] || fail "rpmsg-io-$n is bound"
done
echo "$log" | grep -q "rpmsg-io-5.*invalid ngpios 0" ||
	fail "no 'invalid ngpios 0' for rpmsg-io-5: $log"
echo "$log" | grep -q "rpmsg-io-7.*invalid ngpios 100000" ||
	fail "no 'invalid ngpios 100000' for rpmsg-io-7: $log"

for n in 8 9; do
	c=$(chip_of $n)
	expect "lines of rpmsg-io-$n" "$(chip_lines "$c")" 32
	expect "line 0 name of rpmsg-io-$n" "$(line_name "$c" 0)" unnamed
	echo "$log" | grep -q "rpmsg-io-$n.*no device tree node for controller $n" ||
		fail "no 'no device tree node' for rpmsg-io-$n"
done

c=$(chip_of 10)
expect "lines of rpmsg-io-10" "$(chip_lines "$c")" 4
expect "line 0 name of rpmsg-io-10" "$(line_name "$c" 0)" FIRST_0
echo "$log" | grep -q "rpmsg-io-10.*gpio@b: duplicate reg 10, using .*gpio@a" ||
	fail "no duplicate reg warning for rpmsg-io-10: $log"
expect "messages to the bad nodes' channels" "$(($(sim_global_stat no_ctrl) - nc))" 0

big=$(need_chip 3) || exit
expect "lines of rpmsg-io-3" "$(chip_lines "$big")" 300
for l in 255 299; do
	sim_set_input 3 $l 1
	expect "$big line $l" "$(gpio_get "$big" $l)" 1
	sim_set_input 3 $l 0
done
before=$(sim_stat 3 set_irq_type)
expect_fail_with "gpiomon on line 256" "no such|not supported|invalid|no irq|cannot|unable|error" \
	timeout 10 gpiomon -n 1 -c "$big" 256
expect "SET_IRQ_TYPE for line 256" "$(sim_stat 3 set_irq_type)" "$before"
msg "gpiomon on line 256: $(echo "$FAIL_OUT" | head -n 1)"
mon_start 3 255 rising 1 /tmp/dt-bad-mon.out
sim_set_input 3 255 1
wait_gone "$MON_PID" 10 || fail "no edge on line 255: $(cat /tmp/dt-bad-mon.out)"
sim_set_input 3 255 0
msg "bad nodes refused or ignored; 300 lines with interrupts on 0..255"
