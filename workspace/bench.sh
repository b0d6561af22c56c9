#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make bench: build the benchmark kernel (driver built in, no debug
# options), boot it with the simulated remote and run
# tools/testing/selftests/drivers/gpio/rpmsg/bench/bench.sh in the guest,
# then turn its "BENCH" lines into $OUT/bench/results.json and a markdown
# table (printed, and kept in $OUT/bench/results.md).
#
# Every figure comes with a baseline measured in the same boot; see
# bench.sh for what is measured and bench-report.py for the ratios.
# BENCH_FLAVOUR=builtin runs them on the debug test kernel instead.
. "$(dirname "$0")/lib.sh"

dir=$OUT/bench
mkdir -p "$dir"
obj=$(bash "$TOP/workspace/kernels.sh" "${BENCH_FLAVOUR:-bench}" | awk '{print $2}')
[ -n "$obj" ] || die "no benchmark kernel"

# The controllers of the other rows (bench.sh's header); those of the
# probe, scale and recovery rows are added below, DT nodes giving them
# their ngpios
sim=1:20,2:32,4:32,6:32
# dt_node INDEX LINES [hog]: a controller's node; "hog" adds a hog
# driving its line 1 high
dt_node() {
	printf '\tgpio@%x {\n\t\tcompatible = "rpmsg-gpio";\n' "$1"
	printf '\t\treg = <%d>;\n\t\tngpios = <%d>;\n' "$1" "$2"
	printf '\t\tgpio-controller;\n\t\t#gpio-cells = <2>;\n'
	printf '\t\tinterrupt-controller;\n\t\t#interrupt-cells = <2>;\n'
	[ "${3:-}" != hog ] ||
		printf '\t\thog-1 {\n\t\t\tgpio-hog;\n\t\t\tgpios = <1 0>;\n\t\t\toutput-high;\n\t\t};\n'
	printf '\t};\n'
}
# The probe, scale and recovery rows' controllers: bench-matrix, which the
# guest side and the report read too. A recovery row's nodes have a hog.
matrix=$TOP/tools/testing/selftests/drivers/gpio/rpmsg/bench/bench-matrix
{
	echo "&{/remoteproc-sim/rpmsg/rpmsg-io} {"
	while read -r row first lines; do
		case $row in probe) hog= ;; recovery) hog=hog ;; *) continue ;; esac
		for i in $(seq "$first" $((first + 15))); do
			sim+=",$i:$lines"
			dt_node "$i" "$lines" "$hog"
		done
	done < <(grep -v '^#' "$matrix")
	echo "};"
} > "$dir/bench.dtsi"

log "bench: booting $obj"
# qemu.sh fails the boot on a kernel report (or a QEMU error): the figures
# are still reported, but make bench fails, as numbers measured on a
# kernel that warned or crashed on the way are no result.
boot=0
GUEST_DTSI_EXTRA=$dir/bench.dtsi SIM_PARAMS="controllers=$sim announce=0" \
	TIMEOUT=${TIMEOUT:-900} bash "$TOP/workspace/qemu.sh" bench "$obj" || boot=$?
console=$OUT/qemu/$(basename "$obj")-bench.log
[ -e "$console" ] || die "no console log $console"
report=0
python3 "$TOP/workspace/bench-report.py" "$console" "$dir/results.json" |
	tee "$dir/results.md" || report=$?
[ "$boot" = 0 ] || { log "bench: FAILED: the boot failed (exit $boot), see $console"; exit 1; }
exit "$report"
