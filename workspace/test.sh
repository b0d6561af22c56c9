#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Everything CI checks: the static gates on every patch, then the QEMU
# suite on both test kernels. Ends with one line "N passed, N failed".
. "$(dirname "$0")/lib.sh"
set +e

# The runner orders the cases itself (those with "# order=last" last)
casedir=$TOP/tools/testing/selftests/drivers/gpio/rpmsg/cases
suite_builtin=("$casedir"/*.sh)
cases=("${suite_builtin[@]}")
pass=0 fail=0 skip=0

# The kernel with the driver as a module runs the cases where that makes
# a difference (loading, unloading, module references held by chips and
# requests across unbind, withdraw, crash and a hung remote), those
# about a slow or late remote and those about system sleep; the built-in
# kernel runs every case. (Run every case on it with
# "make qemu-test FLAVOUR=module T=...", one at a time.)
suite_module=()
for c in "${cases[@]}"; do
	case ${c##*/} in
	module-*|chip-detect.sh|lifecycle-*|crash-*|remove-while-waiting.sh|\
	fault-hung-remote.sh|fault-slow-start.sh|fault-late-in-order.sh|\
	hog-slow-remote.sh|suspend-*|wakeup*.sh) suite_module+=("$c") ;;
	esac
done

# The x86_64 kernel (no device tree) runs the cases too: those that need
# guest.dtsi's consumers skip (workspace/skips-allowed). Left out: the
# long loops, which both arm64 kernels run (x86 under TCG, 2026-12-01:
# fault-hung-remote 113 s, cdev-requests-vs-removal 45, suspend-race-loop
# 43, lifecycle-* 41 + 28, suspend-remote-gone 29, fault-fuzz 28,
# fault-late-in-order 27, remove-while-waiting 24; all pass there).
suite_x86=()
for c in "${cases[@]}"; do
	case ${c##*/} in
	fault-hung-remote.sh|cdev-requests-vs-removal.sh|suspend-race-loop.sh|\
	lifecycle-*|suspend-remote-gone.sh|fault-fuzz.sh|fault-late-in-order.sh|\
	remove-while-waiting.sh) ;;
	*) suite_x86+=("$c") ;;
	esac
done

# Static gates: one "PASS gate" / "FAIL gate: why" line each.
mkdir -p "$OUT/test"
bash "$TOP/workspace/check.sh" 2>&1 | tee "$OUT/test/check.txt"
pass=$((pass + $(grep -c '^PASS ' "$OUT/test/check.txt")))
fail=$((fail + $(grep -c '^FAIL ' "$OUT/test/check.txt")))
if ! grep -qE '^(PASS|FAIL) ' "$OUT/test/check.txt"; then
	echo "FAIL check: the gates printed no verdict"; fail=$((fail + 1))
fi

# The QEMU suite, once per kernel flavour. The kernels are built one
# after the other (each build uses every core).
kernels=()
for flavour in builtin module x86; do
	if o=$(bash "$TOP/workspace/kernels.sh" "$flavour" | awk '{print $2}') && [ -n "$o" ]; then
		echo "PASS kernel-$flavour"; pass=$((pass + 1)); kernels+=("$flavour=$o")
	else
		echo "FAIL kernel-$flavour: build failed"; fail=$((fail + 1))
	fi
done
# The lifecycle loops run LOOPS times (default here 20, in the cases
# 1000: "make soak") and the fuzz sends FUZZ_N messages (here 20 000, in
# the case 100 000), so that a warm run stays short.
export GUEST_ENV="LOOPS=${LOOPS:-20} FUZZ_N=${FUZZ_N:-20000} ${GUEST_ENV:-}"
TIMEOUT=${TIMEOUT:-2400} run_suites "$OUT/test" qemu "${kernels[@]}"

# Skips are neither: say how many, then the one summary line CI parses.
[ "$skip" -eq 0 ] || echo "$skip skipped (not counted below)"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
