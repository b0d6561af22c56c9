#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Handlers of a notification are not queued behind ordinary tasks: with
# every CPU kept busy by CPU-bound processes at nice 0, each edge still
# reaches gpiomon, and the driver's work (rpmsg_gpio_irq_work) is queued
# on the CPU that received the notification and runs there, in a worker
# at nice -20 (workqueue tracepoints; the worker's nice from /proc).
. "$(dirname "$0")/../lib.sh"

need_chip 2 >/dev/null || exit
cpu_hogs_start "$(nproc)"
trace_events_start workqueue/workqueue_queue_work \
	workqueue/workqueue_execute_start
irq_edges 2 0 rising 1 0 1 0 1 0 1
trace_events > /tmp/irq-priority.trace

# "TASK-PID [CPU] FLAGS SECONDS: EVENT: ..." of the driver's work item:
# "queue CPU TARGET_CPU" and "run CPU PID"
grep rpmsg_gpio_irq_work /tmp/irq-priority.trace | awk '
{
	for (i = 1; i <= NF; i++)
		if ($i ~ /^\[[0-9]+\]$/)
			break
	cpu = substr($i, 2, length($i) - 2) + 0
	pid = $(i - 1)
	sub(/.*-/, "", pid)
	if ($0 ~ /workqueue_queue_work:/) {
		for (j = i; j <= NF; j++)
			if ($j ~ /^cpu=/)
				print "queue", cpu, substr($j, 5)
	} else if ($0 ~ /workqueue_execute_start:/) {
		print "run", cpu, pid
	}
}' > /tmp/irq-priority.work

queued=$(grep -c '^queue' /tmp/irq-priority.work)
[ "$queued" -ge 4 ] ||
	fail "the driver's work was queued $queued times for 4 edges: $(cat /tmp/irq-priority.trace)"
while read -r what cpu arg; do
	case $what in
	queue)
		expect "CPU the work is queued on (received on CPU $cpu)" "$arg" "$cpu"
		want=$cpu ;;
	run)
		expect "CPU the work runs on" "$cpu" "$want"
		# Field 19 of stat, counted after the ") " that ends the name
		nice=$(sed 's/.*) //' "/proc/$arg/stat" | awk '{ print $17 }')
		expect "nice of the worker (pid $arg)" "$nice" -20 ;;
	esac
done < /tmp/irq-priority.work
msg "4 edges beside $(nproc) CPU hogs: $queued runs of the driver's work, each on the receiving CPU at nice -20"
