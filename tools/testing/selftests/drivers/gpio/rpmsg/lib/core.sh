# SPDX-License-Identifier: GPL-2.0
#
# Core verbs: messages, waits, checks, cleanups at exit, system sleep,
# tracing, CPU load.
# Sourced by lib.sh first.
# shellcheck shell=sh


msg() { echo "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 4; }

# wait_for COMMAND TIMEOUT_S: run COMMAND (eval'd) until it succeeds,
# every 0.1 s; false if it still fails after TIMEOUT_S seconds.
wait_for() {
	local end=$(($(date +%s) + $2))

	until eval "$1" >/dev/null 2>&1; do
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.1
	done
	return 0
}

# expect WHAT GOT WANT: fail unless GOT equals WANT.
expect() {
	[ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

# at_exit COMMAND: run COMMAND (eval'd) when the case exits, after those
# registered before it. One EXIT trap for every verb that restores
# something; a case that sets its own EXIT trap replaces it.
# A case killed at its time limit gets SIGTERM; dash runs no EXIT trap
# for a signal, so exit on it: the EXIT trap then restores what the case
# changed.
trap 'exit 143' TERM INT
AT_EXIT=
at_exit() {
	AT_EXIT="$1${AT_EXIT:+; $AT_EXIT}"
	# shellcheck disable=SC2064 # the list as it is now
	trap "$AT_EXIT" EXIT
}

# ---------------------------------------------------------------------
# System sleep, tracing, CPU load

# pm_test_suspend LEVEL DELAY_S: suspend to idle with pm_test LEVEL
# (devices, platform): devices really suspend, nothing sleeps, and the
# system stays suspended DELAY_S s unless a wakeup event ends it first.
pm_test_suspend() {
	local delay=/sys/module/suspend/parameters/pm_test_delay

	[ -e /sys/power/pm_test ] || skip "no /sys/power/pm_test (CONFIG_PM_DEBUG=n)"
	grep -qw freeze /sys/power/state || skip "no suspend to idle in /sys/power/state"
	echo "$2" > $delay || fail "cannot set pm_test_delay"
	echo "$1" > /sys/power/pm_test || fail "cannot set pm_test to $1"
	echo freeze > /sys/power/state
	PM_RC=$?
	echo none > /sys/power/pm_test
}

# ftrace of FUNCTIONS (calls only, in order): trace_calls_start FUNC...,
# then trace_calls prints one function name per call since the start.
TRACEFS=/sys/kernel/tracing
trace_calls_start() {
	[ -e $TRACEFS/trace ] || mount -t tracefs nodev $TRACEFS 2>/dev/null
	[ -e $TRACEFS/set_ftrace_filter ] || skip "no function tracer"
	echo 0 > $TRACEFS/tracing_on
	echo nop > $TRACEFS/current_tracer
	echo "$*" > $TRACEFS/set_ftrace_filter || fail "cannot trace $*"
	echo > $TRACEFS/trace
	echo function > $TRACEFS/current_tracer
	echo 1 > $TRACEFS/tracing_on
}
trace_calls() {
	echo 0 > $TRACEFS/tracing_on
	grep -v '^#' $TRACEFS/trace | sed -n 's/.*: \([a-z_0-9]*\) <-.*/\1/p'
	echo nop > $TRACEFS/current_tracer
	echo > $TRACEFS/set_ftrace_filter
}

# Tracepoints: trace_events_start SUBSYS/EVENT..., then trace_events
# prints the events recorded since, one per line as in the trace file
trace_events_start() {
	local e

	[ -e $TRACEFS/trace ] || mount -t tracefs nodev $TRACEFS 2>/dev/null
	echo 0 > $TRACEFS/tracing_on
	echo > $TRACEFS/trace
	for e; do
		[ -e "$TRACEFS/events/$e/enable" ] || skip "no tracepoint $e"
		echo 1 > "$TRACEFS/events/$e/enable" || fail "cannot trace $e"
	done
	TRACE_EVENTS="$*"
	# Lines as "TASK-PID [CPU] ...": no tgid column
	TRACE_TGID=$(cat $TRACEFS/options/record-tgid 2>/dev/null)
	echo 0 > $TRACEFS/options/record-tgid 2>/dev/null
	at_exit trace_events_stop
	echo 1 > $TRACEFS/tracing_on
}
trace_events_stop() {
	local e

	echo 0 > $TRACEFS/tracing_on
	for e in $TRACE_EVENTS; do
		echo 0 > "$TRACEFS/events/$e/enable"
	done
	[ -z "${TRACE_TGID:-}" ] ||
		echo "$TRACE_TGID" > $TRACEFS/options/record-tgid 2>/dev/null
}
trace_events() {
	trace_events_stop
	grep -v '^#' $TRACEFS/trace
}

# cpu_hogs_start N: N CPU-bound processes at nice 0 until the case ends
cpu_hogs_start() {
	local i=0

	while [ $i -lt "$1" ]; do
		sh -c 'while :; do :; done' &
		CPU_HOGS="$CPU_HOGS $!"
		i=$((i + 1))
	done
	at_exit 'kill $CPU_HOGS 2>/dev/null'
}

# calls_between FROM TO FUNC < calls: "INSIDE AFTER", the calls of FUNC
# between the first call of FROM and the first call of TO after it, and
# after that (e.g. a consumer's handler while the driver held
# notifications: rpmsg_gpio_prepare .. rpmsg_gpio_complete)
calls_between() {
	awk -v a="$1" -v b="$2" -v f="$3" '
	$1 == a && !st { st = 1; next }
	$1 == b && st == 1 { st = 2; next }
	$1 == f && st == 1 { in_++ }
	$1 == f && st == 2 { after++ }
	END { if (st != 2) print "unseen"; else print in_ + 0, after + 0 }'
}
