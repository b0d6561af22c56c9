#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# rpmsg GPIO selftests: load the simulated remote processor
# (rpmsg_gpio_sim.ko), run each case in cases/ against it, unload it, and
# check for leaks. Prints KTAP: "simulator loads", one line per case,
# "simulator unloads", "no memory leaks".
#
#   rpmsg-gpio.sh [CASE...]         CASE: a file in cases/ (default: all)
#
# Environment: SIM_PARAMS (module parameters of the simulator; by default
# none: its defaults, SIM_FW_DEFAULT_CONTROLLERS in sim/sim_fw.h, match
# the DT nodes in guest.dtsi), CASE_TIMEOUT seconds (default 120; a case
# that needs longer has a line "# timeout=SECONDS", the field of
# kselftest's settings file; the suite's own limit is in settings). Cases
# with a line "# order=last" run last.
# A case that times out is reported as kselftest's runner reports a test:
# "not ok N NAME # TIMEOUT SECONDS seconds".
# A case exits 0 (pass), 4 (skip) or anything else (fail).

DIR=$(cd "$(dirname "$0")" && pwd)
for k in "$DIR/ktap_helpers.sh" "$DIR/../../../kselftest/ktap_helpers.sh"; do
	# shellcheck source=../../../kselftest/ktap_helpers.sh
	[ -r "$k" ] && { . "$k"; break; }
done
. "$DIR/lib.sh"

SIM_PARAMS=${SIM_PARAMS:-}
CASE_TIMEOUT=${CASE_TIMEOUT:-120}

if [ $# = 0 ]; then
	for c in "$DIR"/cases/*.sh; do set -- "$@" "${c##*/}"; done
fi
# A case with a line "# order=last" runs after the others, whatever the
# order given: one that crashes the remote leaves the DT consumers
# (gpio-leds, gpio-keys) bound to the chip it removed (fw_devlink links
# them to the remote processor's device, which stays), so consumer cases
# after it would test a dead chip.
first='' last=''
for c; do
	c=${c##*/}
	c=${c%.sh}.sh
	if grep -qx '# order=last' "$DIR/cases/$c" 2>/dev/null; then
		last="$last $c"
	else
		first="$first $c"
	fi
done
# shellcheck disable=SC2086 # case names have no spaces
set -- $first $last

ktap_print_header
[ "$(id -u)" = 0 ] || { ktap_skip_all "must be run as root"; exit "$KSFT_SKIP"; }
# Not built (no KDIR when the tests were built) and not installed either
if ! sim_loaded && [ ! -e "$DIR/sim/$SIM_MODULE.ko" ] && [ ! -e "$DIR/$SIM_MODULE.ko" ] &&
   ! modprobe -n -q $SIM_MODULE 2>/dev/null; then
	ktap_skip_all "no $SIM_MODULE.ko: build the tests with KDIR= a kernel build directory"
	exit "$KSFT_SKIP"
fi
ktap_set_plan $(($# + 3))

# shellcheck disable=SC2086 # one word per module parameter
if out=$(sim_load $SIM_PARAMS 2>&1); then
	ktap_test_pass "simulator loads"
	# Give every controller its gpiochip before the first case; the
	# cases check their own.
	wait_for sim_channels_up 20 ||
		ktap_print_msg "not every controller has a gpiochip after 20 s"
	# gpio-keys' rpmsg-keys probes at boot once controller 1 is there;
	# the cases that use it bind it themselves (keys_input in lib.sh)
	wait_for "[ -e /sys/bus/platform/devices/rpmsg-keys/driver ]" 10 &&
		consumer_unbind rpmsg-keys gpio-keys
else
	echo "$out" | sed 's/^/# /'
	ktap_test_fail "simulator loads"
fi

# After an oops (taint D) the kernel is not to be trusted any more, and
# cases would only wait for their timeouts.
oopsed() { [ $(($(cat /proc/sys/kernel/tainted) & 128)) != 0 ]; }

# Kernel reports during a case fail it, for machines where nothing scans
# the kernel log: the taint bits a WARN (W, 512), a bad page or KASAN
# report (B, 32), an oops (D, 128) or a soft lockup (L, 16384) sets, and
# lockdep switching itself off. Each counts once: the first case to
# raise one fails.
REPORTS=$((512 | 32 | 128 | 16384))
REPORT_LINES='WARNING:|BUG:|KASAN|Oops|possible .*locking|inconsistent lock|soft lockup'
tainted() { echo $(($(cat /proc/sys/kernel/tainted) & REPORTS)); }
lockdep_on() { ! grep -qE '^ *debug_locks: *0$' /proc/lockdep_stats 2>/dev/null; }

log=$(mktemp)
trap 'rm -f "$log"' EXIT
for c; do
	name=${c##*/}
	name=${name%.sh}
	ktap_print_msg "case $name"
	if oopsed; then
		ktap_print_msg "not run: the kernel oopsed earlier"
		ktap_test_fail "$name"
		continue
	fi
	# In a session of its own, so that whatever the case left running
	# can be killed with it and does not slow down the cases after it.
	# A case that needs longer says so in a line "# timeout=SECONDS"
	t=$(sed -n 's/^# timeout=\([0-9][0-9]*\)$/\1/p' "$DIR/cases/$name.sh" | head -n 1)
	t0=$(cut -d. -f1 /proc/uptime)
	taint0=$(tainted)
	lockdep0=0
	lockdep_on && lockdep0=1
	setsid timeout "${t:-$CASE_TIMEOUT}" sh "$DIR/cases/$name.sh" > "$log" 2>&1 &
	pid=$!
	wait $pid
	rc=$?
	sed 's/^/# /' "$log"
	# For budgeting the suite (make test must stay short), not a verdict
	ktap_print_msg "$name took $(($(cut -d. -f1 /proc/uptime) - t0)) s"
	kill -KILL -$pid 2>/dev/null && ktap_print_msg "killed what $name left running"
	# A case that failed may have left a fault set at the remote (it
	# timed out, or failed before its cleanup): clear them, so that the
	# next case does not fail for it
	if [ "$rc" != 0 ] && [ "$rc" != "$KSFT_SKIP" ]; then
		for f in "$SIM_DEBUGFS"/ctrl*/fault; do
			echo none > "$f" && echo release > "$f"
		done 2>/dev/null
	fi
	new=$(($(tainted) & ~taint0))
	if [ $new != 0 ] || { [ $lockdep0 = 1 ] && ! lockdep_on; }; then
		ktap_print_msg "$name: the kernel reported a problem (new taint bits $new," \
			"lockdep $(lockdep_on && echo on || echo off)):"
		dmesg | grep -E "$REPORT_LINES" | tail -n 5 | sed 's/^/# /'
		[ "$rc" = 124 ] || rc=1
	fi
	case "$rc" in
	0) ktap_test_pass "$name" ;;
	"$KSFT_SKIP") ktap_test_skip "$name" ;;
	124) ktap_test_fail "$name # TIMEOUT ${t:-$CASE_TIMEOUT} seconds" ;;
	*) ktap_test_fail "$name" ;;
	esac
done

if oopsed; then
	ktap_print_msg "not run: the kernel oopsed earlier"
	ktap_test_fail "simulator unloads"
elif out=$(sim_unload 2>&1); then
	ktap_test_pass "simulator unloads"
else
	echo "$out" | sed 's/^/# /'
	ktap_test_fail "simulator unloads"
fi

# kmemleak reports objects at least 5 s old that nothing points to: wait,
# scan twice (as Documentation/dev-tools/kmemleak.rst advises), report.
# A kmemleak that disabled itself (out of memory for its metadata, an
# internal error) refuses the scans with EPERM and lists nothing: that is
# a failure, not "no leaks".
KL=/sys/kernel/debug/kmemleak
kl_scan() {
	ktap_print_msg "kmemleak: $1"
	echo scan 2>&1 > "$KL" && return 0
	ktap_print_msg "kmemleak: the scan was refused: kmemleak is not active"
	dmesg | grep kmemleak | tail -n 5 | sed 's/^/# /'
	return 1
}
if oopsed; then
	ktap_print_msg "not run: the kernel oopsed earlier"
	ktap_test_fail "no memory leaks"
elif [ -e "$KL" ]; then
	sleep 6
	if ! kl_scan scanning || ! kl_scan "scanning again"; then
		ktap_test_fail "no memory leaks"
	elif ! report=$(cat "$KL"); then
		ktap_print_msg "kmemleak: cannot read $KL"
		ktap_test_fail "no memory leaks"
	else
		leaks=$(printf '%s\n' "$report" | grep -c '^unreferenced object')
		if [ "$leaks" = 0 ]; then
			ktap_test_pass "no memory leaks"
		else
			printf '%s\n' "$report" | sed 's/^/# /'
			ktap_print_msg "kmemleak: $leaks unreferenced objects"
			ktap_test_fail "no memory leaks"
		fi
	fi
else
	ktap_print_msg "no $KL (kernel without CONFIG_DEBUG_KMEMLEAK)"
	ktap_test_skip "no memory leaks"
fi

ktap_finished
