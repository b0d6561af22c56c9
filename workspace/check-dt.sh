#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Device-tree gates for a kernel tree that has the series applied:
#
#   check-dt.sh TREE
#
# 1. dt_binding_check of each schema of the series: no warning at all, and
#    the schema must really have been checked (a DT_SCHEMA_FILES name that
#    matches nothing checks nothing and still succeeds).
# 2. CHECK_DTBS=y W=1 on the i.MX8ULP board dtbs: no warning that the same
#    check on the base tree does not give (base result cached per commit).
#
# TREE is only read; output goes to $CACHE/dtcheck/. The tools run in the
# sid root (sid-root.sh). One line per check: "PASS what" or
# "FAIL what (why)"; the exit status is non-zero if anything failed.
. "$(dirname "$0")/lib.sh"
export LC_ALL=C		# one sort order for the stored and the new warnings

[ $# = 1 ] && [ -f "$1/Makefile" ] || die "usage: check-dt.sh KERNEL-TREE"
here=$(cd "$(dirname "$0")" && pwd)
tree=$(realpath "$1")
base=$(realpath "${BASE:-$("$here/base-tree.sh")}")
base_commit=$(git -C "$base" rev-parse HEAD)
"$here/sid-root.sh" >/dev/null
work=$CACHE/dtcheck
mkdir -p "$work"

schemas=(gpio/gpio-rpmsg.yaml remoteproc/fsl,imx-rproc.yaml)
dtbs=()
for f in "$tree"/arch/arm64/boot/dts/freescale/imx8ulp*.dts; do
	[ -e "$f" ] && dtbs+=("freescale/$(basename "${f%.dts}").dtb")
done
dtb_flags=(ARCH=arm64 CHECK_DTBS=y W=1)
bindings=Documentation/devicetree/bindings

failed=0
# One line per check; a failed one does not stop the others.
report_pass() { echo "PASS $*"; }
report_fail() { echo "FAIL $*"; failed=1; }

# sid_kmake SRC OUT MAKE-ARGS...: make in the sid root, SRC read-only,
# output in OUT (stdout to OUT/log.out, stderr to OUT/log.err). Not
# check/build.sh's kmake: that one builds per gate config on the host.
sid_kmake() {
	local src=$1 out=$2; shift 2
	"$here/sid-run.sh" --ro-bind "$src" --bind "$out" -- \
		make -C "$src" O="$out" -j"$JOBS" "$@" >"$out/log.out" 2>"$out/log.err"
}

# The messages of a log, one per line: continuation lines (starting with a
# tab) joined to theirs, build paths and source positions dropped, so that
# the same warning compares equal on two trees.
messages() {		# $1 = log, $2 = source tree, $3 = output directory
	awk '/^\t/ { line = line " " substr($0, 2); next }
	     { if (line != "") print line; line = $0 }
	     END { if (line != "") print line }' "$1" |
	sed -e "s|$3/||g" -e "s|$2/||g" \
	    -e 's/:[0-9]\+\.[0-9]\+-\([0-9]\+\.\)\?[0-9]\+:/:/g' | sort -u
}

# dtbs_warnings SRC OUT: messages of CHECK_DTBS=y for $dtbs, to stdout.
dtbs_warnings() {
	local src=$1 out=$2 d
	[ -e "$out/.config" ] || sid_kmake "$src" "$out" ARCH=arm64 defconfig ||
		{ cat "$out/log.err" >&2; return 1; }
	# Rebuild the dtbs so that their warnings are printed again.
	for d in "${dtbs[@]}"; do rm -f "$out/arch/arm64/boot/dts/$d"; done
	sid_kmake "$src" "$out" "${dtb_flags[@]}" "${dtbs[@]}" ||
		{ cat "$out/log.err" >&2; return 1; }
	for d in "${dtbs[@]}"; do
		[ -e "$out/arch/arm64/boot/dts/$d" ] || { echo "$d not built" >&2; return 1; }
	done
	# Kconfig probes the host's x86 assembler for arm64, so arch/arm64/Makefile
	# always warns about it; that says nothing about the dtbs.
	messages "$out/log.err" "$src" "$out" |
		grep -v '^arch/arm64/Makefile:[0-9]*: Detected assembler with broken \.inst' || true
}

out=$work/tree-$(printf %s "$tree" | sha1sum | cut -c1-12)
mkdir -p "$out"
exec 8>"$out.lock"
flock 8

# Gate 1: dt_binding_check, one schema at a time.
for s in "${schemas[@]}"; do
	what="dt_binding_check $(basename "$s")"
	ex=$bindings/${s%.yaml}.example
	matched=$(cd "$tree" && find "$bindings" -name '*.yaml' | grep -cF -e "$s" || true)
	if [ "$matched" != 1 ]; then
		report_fail "$what (DT_SCHEMA_FILES=$s matches $matched files)"
		continue
	fi
	# Make every step run and print its warnings again.
	rm -f "$out/$bindings"/.{dt-binding,yamllint,dt-style}.checked \
		"$out/$ex.dts" "$out/$ex.dtb"
	# -m: validate the example against every schema, as a full
	# dt_binding_check does (with -l only the listed one applies, and
	# gpio hogs, for one, go unchecked).
	if ! sid_kmake "$tree" "$out" dt_binding_check DT_SCHEMA_FILES="$s" DT_CHECKER_FLAGS=-m; then
		cat "$out/log.err" >&2
		report_fail "$what (make failed)"
	elif ! grep -qx "  DTC \[C\] $ex.dtb" "$out/log.out" || [ ! -e "$out/$ex.dtb" ]; then
		report_fail "$what (its example was not checked)"
	elif [ -s "$out/log.err" ]; then
		cat "$out/log.err" >&2
		report_fail "$what ($(messages "$out/log.err" "$tree" "$out" | wc -l) warnings)"
	else
		report_pass "$what"
	fi
done

# Gate 2: dtbs_check, against the base tree's result.
what="dtbs_check ${dtbs[*]}"
base_out=$work/base-${base_commit:0:12}
key=$(printf '%s\n' "$("$here/sid-run.sh" -- dt-validate --version)" "${dtb_flags[@]}" "${dtbs[@]}" |
	sha1sum | cut -c1-12)
base_warn=$base_out.$key.warnings
mkdir -p "$base_out"
exec 7>"$base_out.lock"
flock 7
base_warnings() {	# make sure $base_warn holds the base tree's warnings
	[ -e "$base_warn" ] && return 0
	log "dtbs_check on the base tree ($base_commit)"
	dtbs_warnings "$base" "$base_out" >"$base_warn.tmp" &&
		mv "$base_warn.tmp" "$base_warn"
}
if [ ${#dtbs[@]} = 0 ]; then
	report_fail "dtbs_check (no imx8ulp dts in $tree)"
elif ! base_warnings; then
	report_fail "$what (base tree failed, see $base_out/log.err)"
elif ! dtbs_warnings "$tree" "$out" >"$out/dtbs.warnings"; then
	report_fail "$what (build failed, see $out/log.err)"
else
	new=$(comm -13 "$base_warn" "$out/dtbs.warnings")
	if [ -n "$new" ]; then
		printf '%s\n' "$new" >&2
		report_fail "$what ($(printf '%s\n' "$new" | wc -l) new warnings)"
	else
		report_pass "$what (warnings: $(wc -l <"$out/dtbs.warnings"), base $(wc -l <"$base_warn"))"
	fi
fi

exit $failed
