#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# rpmsg GPIO benchmarks, run in the guest ("qemu.sh bench"). Each figure
# is printed as one line "BENCH <row> key=value ...", next to the baseline
# it is to be compared with, measured in this same boot: the bare rpmsg
# round trip (an rpmsg_char endpoint talking to the same firmware model),
# gpio-sim (the in-kernel floor), the protocol's minimum message count.
# The host (workspace/bench.sh) turns them into results.json and a table.
#
# The simulator is loaded with announce=0: nothing is announced until a
# row asks for it. Controllers (sim params in workspace/bench.sh):
#   2, 4      the measured controllers (32 lines, no DT node)
#   6         the raw rpmsg baseline's firmware (address 0x406)
#   1         gpio-keys' KEY_A (wakeup row only)
#   16..63    probe and scale rows: 32, 128 and 256 lines (DT nodes in
#             the bench's device tree), 16 of each
#   64..95    recovery rows: 32 and 256 lines, 16 of each, a DT hog on
#             line 1 of each (output high)
. "$(dirname "$0")/lib.sh"

B=gpio-bench
N=${BENCH_N:-5000}		# round trips per latency row
NIRQ=${BENCH_NIRQ:-2000}	# edges per interrupt row
REPEAT=3			# probes per scale row (the median is kept)
CFS=/sys/kernel/config/gpio-sim

row() { echo "BENCH $*"; }
note() { echo "# bench: $*"; }

# Sum of the remote's request counters of controllers "$@"
sim_requests() {
	local c s n=0

	for c; do
		for s in $SIM_CMDS; do
			n=$((n + $(sim_stat "$c" "$s")))
		done
	done
	echo $n
}

# Every message of one controller: requests, replies and notifications
sim_messages() {
	echo $(($(sim_requests "$1") + $(sim_stat "$1" replies) +
		$(sim_stat "$1" notifications)))
}

announce() {
	local want

	want=$(($(ls -d /sys/bus/gpio/devices/gpiochip* 2>/dev/null | wc -l) + $#))
	$B probe "$SIM_DEBUGFS/announce" "$want" 20000 "$@" >/dev/null ||
		fail "announcing $* gave no gpiochip"
}

withdraw() {
	local n

	for n; do
		sim_ctl withdraw "$n"
	done
	for n; do
		wait_for "! rpmsg_dev $n" 20 || fail "$n still there after withdraw"
	done
}

uptime_ms() { awk '{ printf "%d", $1 * 1000 }' /proc/uptime; }

# Unreclaimable slab (kmalloc and friends), once the reclaimable caches
# and RCU-deferred frees have settled
slab_kb() {
	sleep 0.5
	echo 3 > /proc/sys/vm/drop_caches
	awk '$1 == "SUnreclaim:" { print $2 }' /proc/meminfo
}

# gpio_sim_make NAME LINES: a gpio-sim device with one bank, not live
gpio_sim_make() {
	mkdir "$CFS/$1" "$CFS/$1/bank0" || fail "cannot create gpio-sim $1"
	echo "$2" > "$CFS/$1/bank0/num_lines"
}

gpio_sim_drop() {
	echo 0 > "$CFS/$1/live"
	rmdir "$CFS/$1/bank0" "$CFS/$1"
}

# gpio_sim_chip NAME: its gpiochip; gpio_sim_pull NAME LINE: its pull file
gpio_sim_chip() { cat "$CFS/$1/bank0/chip_name"; }
gpio_sim_pull() {
	echo "/sys/devices/platform/$(cat "$CFS/$1/dev_name")/$(gpio_sim_chip "$1")/sim_gpio$2/pull"
}

# per_op_messages CTRL COMMAND...: messages of one more iteration of
# COMMAND (run with 1 and with 101 iterations as its last argument), so
# that requesting and releasing the line do not count. A first run,
# not counted, lets the driver learn the line's direction.
per_op_messages() {
	local ctrl=$1 m0 m1 m2

	shift
	$B "$@" 1 >/dev/null || fail "$B $* 1 failed"
	m0=$(sim_messages "$ctrl")
	$B "$@" 1 >/dev/null || fail "$B $* 1 failed"
	m1=$(sim_messages "$ctrl")
	$B "$@" 101 >/dev/null || fail "$B $* 101 failed"
	m2=$(sim_messages "$ctrl")
	awk -v a=$((m1 - m0)) -v b=$((m2 - m1)) 'BEGIN { printf "%.2f", (b - a) / 100 }'
}

# ---------------------------------------------------------------------
note "controllers 2, 4 and 6 come up"
before=$(sim_requests 2)
announce rpmsg-io-2 rpmsg-io-4 rpmsg-io-6
c2=$(need_chip 2) || exit
c4=$(need_chip 4) || exit
sleep 0.5
row msgs.register got=$(($(sim_requests 2) - before)) min=0
before=$(sim_messages 2)
gpioinfo -c "$c2" >/dev/null
gpiodetect >/dev/null
row msgs.gpioinfo got=$(($(sim_messages 2) - before)) min=0

note "messages per operation"
row msgs.get got="$(per_op_messages 2 lat "$c2" 0 get)" min=2
row msgs.set got="$(per_op_messages 2 lat "$c2" 1 set)" min=2
row msgs.direction got="$(per_op_messages 2 dir "$c2" 2)" min=6
sim_input=$(sim_line_file 2 3 input)
sim_masked=$(sim_line_file 2 3 masked)
row msgs.irq got="$(per_op_messages 2 irq "$c2" 3 rising "$sim_input" 1 0 "$sim_masked")" min=3

note "latency: gpio-rpmsg, the bare rpmsg round trip, gpio-sim (interleaved)"
ctrl_dev=$(ls /dev/rpmsg_ctrl* 2>/dev/null | head -n 1)
[ -n "$ctrl_dev" ] || fail "no /dev/rpmsg_ctrl* (CONFIG_RPMSG_CTRL)"
[ -d "$CFS" ] || fail "no $CFS (CONFIG_GPIO_SIM)"
gpio_sim_make bench 32
echo 1 > "$CFS/bench/live"
s=$(gpio_sim_chip bench)
# pick PREFIX WORDS...: the words PREFIXk=v as op_k=v, and n=, bad_replies=
pick() {
	local p=$1

	shift
	echo "$@" | tr ' ' '\n' | awk -v p="$p" '
		index($0, p) == 1 { print "op_" substr($0, length(p) + 1) }
		/^(n|bad_replies)=/' | tr '\n' ' '
}
out=$($B cmp "$c2" 0 1 "$ctrl_dev" 0x406 0 "$s" "$N") || fail "gpio-bench cmp: $out"
row lat.rpmsg.get $(pick get_ $out)
row lat.rpmsg.set $(pick set_ $out)
row lat.raw.get $(pick raw_ $out)
row lat.gpiosim.get $(pick simget_ $out)
row lat.gpiosim.set $(pick simset_ $out)

# hogs_start NICE: CPU-bound processes at nice NICE, as many as the
# guest has CPUs, so that every hand-over to a thread competes with them
hogs_start() {
	hogs=
	for _ in $(seq "$(nproc)"); do
		nice -n "$1" $B spin 3600000 >/dev/null &
		hogs="$hogs $!"
	done
}
hogs_stop() {
	# shellcheck disable=SC2086 # a list of pids
	kill $hogs 2>/dev/null
	# shellcheck disable=SC2086
	wait $hogs 2>/dev/null
	hogs=
}

# irq_rows LOAD: three runs of both kinds of edge, each interleaved edge by
# edge with gpio-sim: rows irq.{rpmsg,gpiosim}.EDGES.LOAD.RUN
irq_rows() {
	local run e out

	for run in 1 2 3; do
		for e in rising both; do
			out=$($B irqcmp "$c2" 5 $e "$(sim_line_file 2 5 input)" 1 0 \
				"$(sim_line_file 2 5 masked)" \
				"$s" 5 $e "$(gpio_sim_pull bench 5)" pull-up pull-down - \
				"$NIRQ") || fail "gpio-bench irqcmp: $out"
			row irq.rpmsg.$e.$1.$run $(echo "$out" | tr ' ' '\n' |
				sed -n 's/^a_//p; /^n=/p' | tr '\n' ' ')
			row irq.gpiosim.$e.$1.$run $(echo "$out" | tr ' ' '\n' |
				sed -n 's/^b_//p; /^n=/p' | tr '\n' ' ')
		done
	done
}

# hop_rows LOAD: where the time of a rising edge goes on its way to the
# consumer, from the workqueue tracepoints of NHOP edges: median ns of
# each hand-over, from the simulator's remote CPU to this driver's work.
# Each edge's chain is found backwards from the driver's queueing.
NHOP=300
hop_rows() {
	local ev=$TR/events/workqueue

	[ -d $ev ] || { note "no workqueue tracepoints"; return; }
	echo 0 > $TR/tracing_on
	echo > $TR/trace
	echo 1 > $ev/workqueue_queue_work/enable
	echo 1 > $ev/workqueue_execute_start/enable
	echo 1 > $ev/workqueue_execute_end/enable
	echo 1 > $TR/tracing_on
	$B irq "$c2" 5 rising "$(sim_line_file 2 5 input)" 1 0 \
		"$(sim_line_file 2 5 masked)" $NHOP >/dev/null ||
		fail "gpio-bench irq (hops)"
	echo 0 > $TR/tracing_on
	echo 0 > $ev/enable
	grep -v '^#' $TR/trace | awk -v row="hops.$1" '
	# "<task>-<pid> [cpu] flags SECONDS: EVENT: ... function[= ]NAME"
	{
		for (i = 1; i < NF; i++)
			if ($i ~ /^[0-9]+\.[0-9]+:$/)
				break
		t = substr($i, 1, length($i) - 1) * 1e9
		e = $(i + 1)
		f = ""
		for (j = i + 2; j <= NF; j++) {
			if ($j ~ /^function=/)
				f = substr($j, 10)
			else if ($j == "function")
				f = $(j + 1)
		}
		k = e f
		if (k == "workqueue_queue_work:rpmsg_gpio_notify_work" && rq) {
			n++
			wake[n] = rs - rq; run[n] = iq - rs; mbox[n] = is - iq
			rx[n] = t - is; q = t
		} else if (k == "workqueue_execute_start:rpmsg_gpio_notify_work" && q) {
			drv[n] = t - q; s = t; q = 0
		} else if (k == "workqueue_execute_end:rpmsg_gpio_notify_work" && s) {
			hnd[n] = t - s; s = 0
		} else if (k == "workqueue_queue_work:sim_remote_work") {
			rq = t
		} else if (k == "workqueue_execute_start:sim_remote_work") {
			rs = t
		} else if (k == "workqueue_queue_work:sim_irq_work") {
			iq = t
		} else if (k == "workqueue_execute_start:sim_irq_work") {
			is = t
		}
	}
	function med(a,   m, i, j, v, x) {
		m = 0
		for (i in a)
			v[++m] = a[i]
		for (i = 2; i <= m; i++)
			for (j = i; j > 1 && v[j - 1] > v[j]; j--) {
				x = v[j]; v[j] = v[j - 1]; v[j - 1] = x
			}
		return m ? v[int((m + 1) / 2)] : -1
	}
	END {
		printf "BENCH %s n=%d remote_wake=%d remote_run=%d", row, n,
			med(wake), med(run)
		printf " mailbox=%d rx=%d driver=%d handler=%d\n", med(mbox),
			med(rx), med(drv), med(hnd)
	}'
}

note "interrupt latency: rising edges; both edges (gpiolib then reads the level)"
note "idle, then beside two CPU-bound processes at nice 0 and at nice -5"
TR=/sys/kernel/tracing
mountpoint -q $TR 2>/dev/null || mount -t tracefs tracefs $TR 2>/dev/null
irq_rows idle
hop_rows idle
for nice in 0 -5; do
	hogs_start $nice
	irq_rows nice$nice
	hop_rows nice$nice
	hogs_stop
done

note "a flood of notifications"
# Fewer than the simulator queues (8192) while Linux has no free buffer
FLOOD=8000
gpiomon -c "$c2" -e both -F '%o' 20 > /tmp/flood.ev 2>&1 &
mon=$!
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ "$(sim_get_irq_type 2 20)" = edge-both ]' 10 ||
	fail "gpiomon did not set up line 20"
idle=$($B spin 1000 | sed 's/.*=//')
# Every notification is either accepted (coalesced per line until the
# work item runs) or dropped and counted
handled() {
	awk '$1 == "notifications:" || $1 ~ /^dropped_/ { n += $2 } END { print n }' \
		"$(drv_stats_file 2)"
}
h0=$(handled)
qf0=$(sim_global_stat queue_full)
acc0=$(drv_stat 2 notifications)
$B spin 1000 > /tmp/flood.spin &
spin=$!
t0=$(uptime_ms)
sim_fault 2 "flood $FLOOD 20"
# shellcheck disable=SC2016 # expanded by wait_for's eval
wait_for '[ $(($(handled) - h0)) -ge '$FLOOD' ]' 60 ||
	note "of $FLOOD notifications $(($(handled) - h0)) were handled within 60 s"
t1=$(uptime_ms)
wait $spin
busy=$(sed 's/.*=//' /tmp/flood.spin)
sleep 0.5
kill $mon 2>/dev/null
wait $mon 2>/dev/null
acc=$(($(drv_stat 2 notifications) - acc0))
row flood sent=$FLOOD handled=$(($(handled) - h0)) accepted=$acc \
	events=$(wc -l < /tmp/flood.ev) ms=$((t1 - t0)) \
	queue_full=$(($(sim_global_stat queue_full) - qf0)) \
	spin_idle="$idle" spin_flood="$busy"
sim_fault 2 none

note "contention: 1, 2, 4 users of one controller, 2 and 4 of two"
row contend.one.1 $($B contend 2000 "$c2:10")
row contend.one.2 $($B contend 2000 "$c2:10" "$c2:11")
row contend.one.4 $($B contend 2000 "$c2:10" "$c2:11" "$c2:12" "$c2:13")
row contend.two.2 $($B contend 2000 "$c2:10" "$c4:10")
row contend.two.4 $($B contend 2000 "$c2:10" "$c2:11" "$c4:10" "$c4:11")

note "where the time of a read goes (ftrace function profiler)"
if [ -w $TR/function_profile_enabled ]; then
	: > $TR/set_ftrace_filter
	for f in linereq_ioctl rpmsg_gpio_get rpmsg_gpio_request rpmsg_send \
		 rpmsg_gpio_rx sim_fw_receive rproc_vq_interrupt \
		 wait_for_completion_timeout rpmsg_eptdev_write_iter \
		 rpmsg_eptdev_read_iter rpmsg_ept_cb; do
		echo "$f" >> $TR/set_ftrace_filter 2>/dev/null ||
			note "$f cannot be traced"
	done
	echo 1 > $TR/function_profile_enabled
	$B lat "$c2" 0 get 500 >/dev/null
	$B raw "$ctrl_dev" 0x406 0 500 >/dev/null
	echo 0 > $TR/function_profile_enabled
	# "Function Hit Time Avg s^2" per CPU, times in us: summed
	cat $TR/trace_stat/function* | awk '
		$2 ~ /^[0-9]+$/ && $4 == "us" { hit[$1] += $2; t[$1] += $3 }
		END { for (f in hit) printf "BENCH profile.%s hits=%d avg_ns=%.0f\n",
			f, hit[f], t[f] * 1000 / hit[f] }'
	: > $TR/set_ftrace_filter
else
	note "no function profiler (CONFIG_FUNCTION_PROFILER)"
fi

gpio_sim_drop bench

note "probe cost and scale"
# The rows' controllers (bench-matrix): matrix ROW prints "FIRST:LINES" of
# each line of that ROW; COUNTS the numbers of controllers of a row
MATRIX=$(dirname "$0")/bench-matrix
matrix() { awk -v r="$1" '$1 == r { print $2 ":" $3 }' "$MATRIX"; }
COUNTS=$(awk '$1 == "counts" { $1 = ""; print }' "$MATRIX")
[ -n "$COUNTS" ] && [ -n "$(matrix probe)" ] && [ -n "$(matrix recovery)" ] ||
	fail "no rows in $MATRIX"
# median of the words on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for fl in $(matrix probe); do
	first=${fl%:*} lines=${fl#*:}
	for n in $COUNTS; do
		names= ctrls=
		i=0
		while [ $i -lt $n ]; do
			names="$names rpmsg-io-$((first + i))"
			ctrls="$ctrls $((first + i))"
			i=$((i + 1))
		done
		: > /tmp/probe.rpmsg
		: > /tmp/probe.sim
		r0=$(sim_requests $ctrls)
		k=0
		while [ $k -lt $REPEAT ]; do
			m0=$(slab_kb)
			want=$(($(ls -d /sys/bus/gpio/devices/gpiochip* | wc -l) + n))
			# shellcheck disable=SC2086
			t=$($B probe "$SIM_DEBUGFS/announce" $want 30000 $names |
			    sed -n 's/.*ns=//p')
			[ -n "$t" ] || fail "$n controllers of $lines lines did not come up"
			m1=$(slab_kb)
			echo "$t $((m1 - m0))" >> /tmp/probe.rpmsg
			# shellcheck disable=SC2086
			withdraw $names

			args=
			i=0
			while [ $i -lt $n ]; do
				gpio_sim_make bench$i "$lines"
				args="$args $CFS/bench$i/live 1"
				i=$((i + 1))
			done
			m0=$(slab_kb)
			# shellcheck disable=SC2086
			t=$($B write $args | sed -n 's/.*ns=//p')
			m1=$(slab_kb)
			echo "$t $((m1 - m0))" >> /tmp/probe.sim
			i=0
			while [ $i -lt $n ]; do
				gpio_sim_drop bench$i
				i=$((i + 1))
			done
			k=$((k + 1))
		done
		row probe.rpmsg.$lines.$n ns="$(cut -d' ' -f1 /tmp/probe.rpmsg | median)" \
			slab_kb="$(cut -d' ' -f2 /tmp/probe.rpmsg | median)" \
			requests=$(($(sim_requests $ctrls) - r0))
		row probe.gpiosim.$lines.$n ns="$(cut -d' ' -f1 /tmp/probe.sim | median)" \
			slab_kb="$(cut -d' ' -f2 /tmp/probe.sim | median)"
	done
done

note "a hung remote: how long each failed read takes, against timeout_ms"
HUNG_MS=200
c2=$(need_chip 2) || exit
drv_timeout_set $HUNG_MS
out=$($B hung "$c2" 8 "$SIM_DEBUGFS/hang" 40) || fail "gpio-bench hung: $out"
row hung.get timeout_ms=$HUNG_MS $out
sim_ctl unhang
echo "$DRV_TIMEOUT_OLD" > "$DRV_TIMEOUT"

note "recovery: from the announcements after a crash to the chips, and to the hogs applied"
for fl in $(matrix recovery); do
	first=${fl%:*} lines=${fl#*:}
	for n in $COUNTS; do
		names= files=
		i=0
		while [ $i -lt $n ]; do
			names="$names rpmsg-io-$((first + i))"
			files="$files $(sim_line_file $((first + i)) 1 output)"
			i=$((i + 1))
		done
		: > /tmp/recover
		k=0
		while [ $k -lt $REPEAT ]; do
			# The crash takes every channel; the remote is back (and
			# its lines reset) once it has seen DRIVER_OK again
			ok=$(sim_global_stat driver_ok)
			sim_crash recovery
			# shellcheck disable=SC2016 # expanded by wait_for's eval
			wait_for '[ $(sim_global_stat driver_ok) -gt '"$ok"' ]' 30 ||
				fail "the remote did not come back after a crash"
			want=$(($(ls -d /sys/bus/gpio/devices/gpiochip* 2>/dev/null | wc -l) + n))
			# shellcheck disable=SC2086
			out=$($B probe "$SIM_DEBUGFS/announce" $want 30000 $names -- $files) ||
				fail "$n controllers of $lines lines after a crash: $out"
			echo "$out" | tr ' ' '\n' | sed -n 's/^ns=//p; s/^hog_ns=//p' |
				tr '\n' ' ' >> /tmp/recover
			echo >> /tmp/recover
			k=$((k + 1))
		done
		row recovery.$lines.$n ns="$(cut -d' ' -f1 /tmp/recover | median)" \
			hog_ns="$(cut -d' ' -f2 /tmp/recover | median)"
	done
done

note "wakeup: gpio-keys' KEY_A on controller 1 across a suspend"
if [ -e /sys/power/pm_test ] && grep -qw freeze /sys/power/state; then
	announce rpmsg-io-1
	b=$(need_chip 1) || exit
	[ -n "$(line_consumer "$b" 3)" ] || consumer_rebind rpmsg-keys gpio-keys >/dev/null
	dev=/sys/devices/platform/rpmsg-keys
	echo devices > /sys/power/pm_test
	echo 0 > /sys/module/suspend/parameters/pm_test_delay 2>/dev/null
	for w in enabled disabled; do
		echo $w > "$dev/power/wakeup"
		before=$(sim_stat 1 set_wakeup)
		echo freeze > /sys/power/state || fail "suspend (pm_test=devices) failed"
		got=$(($(sim_stat 1 set_wakeup) - before))
		[ $w = enabled ] && min=2 || min=0
		row msgs.wake.$w got=$got min=$min
	done
	echo none > /sys/power/pm_test
	echo enabled > "$dev/power/wakeup"

	# Wake latency: KEY_A's line fires 3 s after gpio-bench armed it,
	# during a real suspend-to-idle (and, as the baseline, awake): the
	# press's timestamp and its read, from the moment the line fired
	# (the simulator's record: its timer fires up to ~250 ms late).
	# The simulator's stand-in RTC ends a sleep the line fails to end.
	ev=$(input_dev rpmsg-keys) || fail "no rpmsg-keys input device"
	: > /tmp/wake.s2idle
	: > /tmp/wake.awake
	i=0
	while [ $i -lt 5 ]; do
		for mode in awake s2idle; do
			sim_set_input 1 3 1
			# shellcheck disable=SC2016 # expanded by wait_for's eval
			wait_for '[ "$(evread -s '"$ev"' 30)" = 0 ]' 5 ||
				fail "KEY_A still pressed with line 1:3 high"
			$B wake "$ev" 30 "$(sim_line_file 1 3 input_after)" 0 3000 \
				> /tmp/wake.out &
			wait_for 'grep -q armed /tmp/wake.out' 5 ||
				fail "gpio-bench wake did not arm"
			if [ $mode = s2idle ]; then
				echo "40000 wake" > "$SIM_DEBUGFS/after"
				echo freeze > /sys/power/state || fail "suspend to idle failed"
				echo "0 cancel" > "$SIM_DEBUGFS/after"
			fi
			wait $! || fail "gpio-bench wake failed: $(cat /tmp/wake.out)"
			sed -n 's/^ev_ns=\([0-9]*\) read_ns=\([0-9]*\) .*/\1 \2/p' /tmp/wake.out \
				>> /tmp/wake.$mode
		done
		i=$((i + 1))
	done
	sim_set_input 1 3 1
	for mode in awake s2idle; do
		[ "$(wc -l < /tmp/wake.$mode)" = 5 ] || fail "wake $mode: $(cat /tmp/wake.$mode)"
		row wake.$mode ev_ns="$(cut -d' ' -f1 /tmp/wake.$mode | median)" \
			read_ns="$(cut -d' ' -f2 /tmp/wake.$mode | median)" n=5
	done
else
	note "no pm_test or s2idle: no wakeup row"
fi
note "done"
