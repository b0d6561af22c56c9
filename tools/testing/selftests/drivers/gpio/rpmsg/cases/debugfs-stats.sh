#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Every channel has /sys/kernel/debug/gpio-rpmsg/<dev>/stats, and its
# request counters move as the remote's do: over some operations on
# controller 2 the driver's requests_<cmd> deltas equal the remote's, its
# replies equal the requests, and accepted notifications equal the
# remote's notifications.
. "$(dirname "$0")/../lib.sh"

for ctrl in 0 1 2; do
	need_chip $ctrl > /dev/null || exit
	f=$(drv_stats_file $ctrl) || fail "no driver stats for rpmsg-io-$ctrl"
	for k in requests_get_direction requests_set_direction requests_get_value \
		 requests_set_value requests_set_irq_type requests_set_wakeup \
		 replies timeouts notifications dropped_bad_line; do
		grep -q "^$k: [0-9][0-9]*$" "$f" || fail "$f has no '$k: N' line"
	done
done

# The driver's requests_* as "cmd=n ..." (the order of SIM_CMDS)
drv_msgs() { cmd_counts drv_stat "$1" requests_; }

CTRL=2
c=$(need_chip $CTRL) || exit
sim_before=$(sim_msgs $CTRL)
drv_before=$(drv_msgs $CTRL)
replies=$(drv_stat $CTRL replies)
sim_notif=$(sim_stat $CTRL notifications)
drv_notif=$(drv_stat $CTRL notifications)

gpio_set "$c" 7 1 || fail "gpioset failed"
gpio_get "$c" 7 > /dev/null || fail "gpioget failed"
sim_set_input $CTRL 6 0
mon_start $CTRL 6 rising 1 /tmp/debugfs-stats.mon || exit
sim_set_input $CTRL 6 1
wait_gone "$MON_PID" 5 || fail "gpiomon saw no event"
wait_for "[ \"\$(sim_get_irq_type $CTRL 6)\" = none ]" 5 || fail "irq not released"

sim_delta=$(sim_msgs_since $CTRL "$sim_before")
# The same arithmetic on the driver's counters
drv_delta=
for w in $(drv_msgs $CTRL); do
	k=${w%%=*}
	b=$(echo "$drv_before" | tr ' ' '\n' | sed -n "s/^$k=//p")
	drv_delta="$drv_delta$k=$((${w#*=} - b)) "
done
drv_delta=${drv_delta% }
msg "remote: $sim_delta"
expect "driver's request counters" "$drv_delta" "$sim_delta"
total=0
for w in $sim_delta; do total=$((total + ${w#*=})); done
[ $total -ge 5 ] || fail "only $total requests counted for set, get and an interrupt"
expect "driver's replies" "$(($(drv_stat $CTRL replies) - replies))" $total
expect "driver's notifications" "$(($(drv_stat $CTRL notifications) - drv_notif))" \
	"$(($(sim_stat $CTRL notifications) - sim_notif))"
[ "$(drv_stat $CTRL notifications)" -gt "$drv_notif" ] || fail "no notification counted"
