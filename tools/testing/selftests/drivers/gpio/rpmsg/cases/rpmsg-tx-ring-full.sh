#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The remote stops taking messages (hang): Linux's transmit buffers run
# out and a blocking sender, a writer of an rpmsg_char device, waits for
# one. A signal ends that wait, and the wait itself is clean. Once the
# remote takes messages again, everything works. 7.2.13 took a mutex in
# the wait's condition with the task no longer running ("do not call
# blocking ops when !TASK_RUNNING"), and with a signal pending it retried
# the wait at once, spinning until a buffer came back (fixed by
# "rpmsg: virtio: wait for a transmit buffer without sleeping in the
# condition").
. "$(dirname "$0")/../lib.sh"

# raw_dev: the /dev node rpmsg_char made for channel rpmsg-raw
raw_dev() {
	local d n

	d=$(rpmsg_dev rpmsg-raw) || return 1
	for n in "$d"/rpmsg/rpmsg[0-9]* "$d"/rpmsg[0-9]*; do
		[ -e "$n" ] && [ -c "/dev/${n##*/}" ] && { echo "/dev/${n##*/}"; return 0; }
	done
	return 1
}

proc_state() { awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null; }

[ -e /sys/bus/rpmsg/drivers/rpmsg_chrdev ] || skip "no rpmsg_char (CONFIG_RPMSG_CHAR)"
rpmsg_dev rpmsg-raw >/dev/null || sim_ctl announce rpmsg-raw
wait_for raw_dev 10 || fail "no rpmsg_char device for channel rpmsg-raw"
dev=$(raw_dev)
kmsg_mark
sim_ctl hang
trap 'echo 1 > $SIM_DEBUGFS/unhang' EXIT
from=$(sim_global_stat from_linux)

# 33 messages: there are 32 transmit buffers, so the writer ends up
# blocked in a write, the others in flight to the hung remote.
(
	i=0
	while [ $i -lt 33 ]; do
		echo "message $i" > "$dev" || exit 1
		i=$((i + 1))
	done
) &
w=$!
wait_for "[ \"\$(proc_state $w)\" = S ]" 20 ||
	fail "the writer is not waiting for a transmit buffer (state $(proc_state $w))"
kill "$w"
wait_gone "$w" 5 ||
	fail "a writer waiting for a transmit buffer does not die of SIGTERM" \
		"(state $(proc_state $w))"
expect "messages the hung remote took" "$(sim_global_stat from_linux)" "$from"
if kmsg_since | grep -q "do not call blocking ops"; then
	fail "$(kmsg_since | grep -m 1 "do not call blocking ops")"
fi

sim_ctl unhang
trap - EXIT
wait_for "[ \$(sim_global_stat from_linux) -gt $from ]" 10 ||
	fail "the remote did not take the waiting messages"
echo "after the hang" > "$dev" || fail "cannot write $dev after the hang"
c=$(need_chip 2) || exit
chip_works 2 "$c" 6 4
msg "writer woken by SIGTERM on a hung remote; $((\
$(sim_global_stat from_linux) - from)) messages taken after it; $c works"
