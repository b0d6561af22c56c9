#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The context the handlers of a notification run in (the mechanism; make
# bench measures what it costs): with every CPU kept busy by CPU-bound
# processes at nice 0, each edge reaches gpiomon, and the driver's work
# (rpmsg_gpio_notify_work) is queued on the CPU that received the
# notification (or, if that work is still running, on the CPU it runs
# on), runs there, and runs in a worker at nice -20 (workqueue
# tracepoints, keyed by the work's address; the worker's nice from /proc).
. "$(dirname "$0")/../lib.sh"

need_chip 2 >/dev/null || exit
cpu_hogs_start "$(nproc)"
trace_events_start workqueue/workqueue_queue_work \
	workqueue/workqueue_execute_start workqueue/workqueue_execute_end
irq_edges 2 0 rising 1 0 1 0 1 0 1
trace_events > /tmp/irq-priority.trace

# "TASK-PID [CPU] FLAGS SECONDS: EVENT: work struct[= ]ADDR..." of the
# driver's work: "queue WORK CPU TARGET_CPU RUNNING_ON|-", "run WORK CPU
# PID" (the run's CPU must be the last queue's target) and "end WORK"
grep rpmsg_gpio_notify_work /tmp/irq-priority.trace | awk '
{
	if (!match($0, /-[0-9]+ +\[[0-9]+\]/)) {
		print "unparsed", $0
		next
	}
	split(substr($0, RSTART + 1, RLENGTH - 1), f, /[][ ]+/)
	pid = f[1]
	cpu = f[2] + 0
	match($0, /work struct[= ][0-9a-fx]+/)
	w = substr($0, RSTART + 12, RLENGTH - 12)
	if ($0 ~ /workqueue_queue_work:/) {
		match($0, / cpu=-?[0-9]+/)
		print "queue", w, cpu, substr($0, RSTART + 5, RLENGTH - 5),
			(w in on) ? on[w] : "-"
	} else if ($0 ~ /workqueue_execute_start:/) {
		on[w] = cpu
		print "run", w, cpu, pid
	} else if ($0 ~ /workqueue_execute_end:/) {
		delete on[w]
	}
}' > /tmp/irq-priority.work

! grep '^unparsed' /tmp/irq-priority.work ||
	fail "trace lines not understood (see above)"
queued=$(grep -c '^queue' /tmp/irq-priority.work)
runs=$(grep -c '^run' /tmp/irq-priority.work)
[ "$queued" -ge 4 ] && [ "$runs" -ge 4 ] ||
	fail "for 4 edges the driver's work was queued $queued times and ran" \
		"$runs times: $(cat /tmp/irq-priority.trace)"
while read -r what w cpu arg on; do
	case $what in
	queue)
		[ "$arg" = "$cpu" ] || [ "$arg" = "$on" ] ||
			fail "work $w queued from CPU $cpu onto CPU $arg" \
				"(running on: $on)"
		eval "want_$w=\$arg" ;;
	run)
		eval "want=\${want_$w:-}"
		expect "CPU work $w runs on" "$cpu" "$want"
		# Field 19 of stat, counted after the ") " that ends the name
		nice=$(sed 's/.*) //' "/proc/$arg/stat" | awk '{ print $17 }')
		expect "nice of the worker (pid $arg)" "$nice" -20 ;;
	esac
done < /tmp/irq-priority.work
msg "4 edges beside $(nproc) CPU hogs: the driver's work queued $queued" \
	"times and run $runs times, on the receiving CPU, at nice -20"
