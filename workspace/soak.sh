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
cases=("$casedir"/lifecycle-*.sh "$casedir"/fault-fuzz.sh "$casedir"/fault-hung-remote.sh
       "$casedir"/suspend-race-loop.sh "$casedir"/crash-recovery-loop.sh)
export GUEST_ENV="LOOPS=${LOOPS:-1000} KSFT_TIMEOUT=${TIMEOUT:-10800} ${GUEST_ENV:-}"
mkdir -p "$OUT/soak"
for flavour in builtin module; do
	obj=$(bash "$TOP/workspace/kernels.sh" "$flavour" | awk '{print $2}')
	[ -n "$obj" ] || die "no $flavour kernel"
	log "soak on the $flavour kernel ($GUEST_ENV)"
	# Measured 2026-12-01, both guests side by side: 1000 unbind/bind
	# cycles alone take about 25 min; the whole list runs past an hour.
	TIMEOUT=${TIMEOUT:-10800} bash "$TOP/workspace/qemu.sh" test "$obj" "${cases[@]}" \
		> "$OUT/soak/$flavour.txt" 2>&1 &
done
wait
pass=0 fail=0 skip=0
for flavour in builtin module; do
	echo "# soak, $flavour kernel"
	tally_suite "$OUT/soak/$flavour.txt" "soak-$flavour"
done
[ "$skip" -eq 0 ] || echo "$skip skipped (not counted below)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
