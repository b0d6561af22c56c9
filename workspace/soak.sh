#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make soak: the long robustness cases at full length on both test
# kernels, side by side: the lifecycle loops LOOPS times (default 1000;
# make test runs them 20 times) and the fuzz. Ends like make test.
. "$(dirname "$0")/lib.sh"
set +e

casedir=$TOP/tools/testing/selftests/drivers/gpio/rpmsg/cases
cases=("$casedir"/lifecycle-*.sh "$casedir"/fault-fuzz.sh)
export GUEST_ENV="LOOPS=${LOOPS:-1000} ${GUEST_ENV:-}"
mkdir -p "$OUT/soak"
for flavour in builtin module; do
	obj=$(bash "$TOP/workspace/kernels.sh" "$flavour" | awk '{print $2}')
	[ -n "$obj" ] || die "no $flavour kernel"
	log "soak on the $flavour kernel ($GUEST_ENV)"
	TIMEOUT=${TIMEOUT:-3600} bash "$TOP/workspace/qemu.sh" test "$obj" "${cases[@]}" \
		> "$OUT/soak/$flavour.txt" 2>&1 &
done
wait
pass=0 fail=0
for flavour in builtin module; do
	echo "# soak, $flavour kernel"
	cat "$OUT/soak/$flavour.txt"
	sum=$(grep -E '^# passed: [0-9]+ failed: [0-9]+' "$OUT/soak/$flavour.txt" | tail -n 1)
	[ -n "$sum" ] || { echo "FAIL soak-$flavour: no summary"; fail=$((fail + 1)); continue; }
	set -- $sum
	pass=$((pass + $3)) fail=$((fail + $5))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
