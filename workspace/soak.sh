#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make soak: the long robustness cases at full length on both test
# kernels, side by side: the lifecycle loops LOOPS times (default 1000;
# make test runs them 20 times), the fuzz (100 000 messages; 20 000 in
# make test), 300 operations against a hung remote (100), 100 suspend
# cycles and 50 crash recoveries beside a CPU hog (3). Ends like make
# test. run_kselftest.sh's limit for the run (settings: 1 h) is raised to
# the guest's (-o, KSFT_TIMEOUT).
. "$(dirname "$0")/lib.sh"
set +e

casedir=$TOP/tools/testing/selftests/drivers/gpio/rpmsg/cases
suite_builtin=("$casedir"/lifecycle-*.sh "$casedir"/fault-fuzz.sh
	       "$casedir"/fault-hung-remote.sh "$casedir"/suspend-race-loop.sh
	       "$casedir"/crash-recovery-loop.sh)
# shellcheck disable=SC2034 # run_suites reads suite_<flavour>
suite_module=("${suite_builtin[@]}")
export GUEST_ENV="LOOPS=${LOOPS:-1000} KSFT_TIMEOUT=${TIMEOUT:-10800} ${GUEST_ENV:-}"
kernels=()
for flavour in builtin module; do
	obj=$(bash "$TOP/workspace/kernels.sh" "$flavour" | awk '{print $2}')
	[ -n "$obj" ] || die "no $flavour kernel"
	kernels+=("$flavour=$obj")
done
pass=0 fail=0 skip=0
# Measured 2026-12-01, both guests side by side: 1000 unbind/bind cycles
# alone take about 25 min; the whole list runs past an hour.
log "soak: $GUEST_ENV"
TIMEOUT=${TIMEOUT:-10800} run_suites "$OUT/soak" soak "${kernels[@]}"
[ "$skip" -eq 0 ] || echo "$skip skipped (not counted below)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
