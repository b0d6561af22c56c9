#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Boot a test kernel in QEMU "virt" (arm64, TCG), or for an x86_64 kernel
# in QEMU "q35" (TCG, no device tree), with the simulated remote processor
# and the guest of guest-rootfs.sh.
#
#   qemu.sh test  OBJ [CASE...]   run the selftests; print one KTAP line per
#                                 case plus the host's checks, then
#                                 "# X passed, Y failed, Z skipped";
#                                 exit status 1 on any failure
#   qemu.sh run   OBJ             boot, show a short demo, power off
#   qemu.sh shell OBJ             boot to an interactive shell (Ctrl-A x quits)
#   qemu.sh bench OBJ             run the benchmarks (bench/bench.sh); their
#                                 "BENCH" lines are in the console log
#   qemu.sh splats LOG            exit status 1 if an existing console log
#                                 has a kernel report (as run and bench do)
#   qemu.sh verdict LOG KCONFIG [CASE...]
#                                 judge an existing console log of a test
#                                 run; KCONFIG is the kernel's build
#                                 directory or .config
#
# OBJ is a kernel build directory (build-kernel.sh); CASE a file or name in
# tools/testing/selftests/drivers/gpio/rpmsg/cases (default: all). The
# console log is written to $OUT/qemu/<basename OBJ>-<mode>.log.
#
# Besides the guest's own results, the whole console log is scanned for
# kernel reports (WARNING, BUG, lockdep, KASAN, kmemleak, hung tasks, ...):
# any of them fails the "no kernel splat" line, whatever the cases said.
# On a kernel with kmemleak, "kmemleak active" fails unless kmemleak came
# up and the guest's leak check really scanned. "skips are the allowed
# ones" fails when the set of skipped cases differs from what
# workspace/skips-allowed lists for this kernel. In run and bench mode a
# kernel report makes qemu.sh exit non-zero.
#
# Environment: TIMEOUT (seconds, default 600 for test/run), QEMU_APPEND
# (extra kernel arguments), V=1 (copy the console to stdout in test mode),
# SIM_KO, SIM_PARAMS (passed to guest-rootfs.sh), QEMU (binary),
# GUEST_DTSI_EXTRA (a .dtsi appended after guest.dtsi).
. "$(dirname "$0")/lib.sh"

SELFTEST=$TOP/tools/testing/selftests/drivers/gpio/rpmsg
QEMU=${QEMU:-qemu-system-aarch64}
# -m 1G: plenty for the tests plus KASAN's shadow (an eighth); every GB more
# costs kmemleak scan time under TCG.
MACHINE=(-M virt -cpu cortex-a53 -smp 2 -m 1G -nic none)

# Kernel reports that fail a run. Extended regular expressions, matched
# anywhere in a console line. (ODEBUG and most others report through
# WARN, hence "WARNING:"; "ODEBUG: selftest passed" at boot is no report.
# kmemleak switching itself off is one too: it would then find no leak.)
SPLATS='WARNING:|(^|[^A-Z_])BUG:|Oops|KASAN|UBSAN|Kernel panic|Unable to handle kernel|'\
'Internal error:|Call trace:|possible recursive locking|'\
'possible circular locking|inconsistent lock state|'\
'possible irq lock inversion|Possible unsafe locking scenario|'\
'suspicious RCU usage|DEBUG_LOCKS_WARN_ON|'\
'sleeping function called from invalid context|scheduling while atomic|'\
'unreferenced object|suspected memory leak|INFO: task .* blocked|'\
'soft lockup|hard LOCKUP|rcu: INFO:|detected stall|refcount_t:|'\
'list_add corruption|list_del corruption|'\
'stack-protector|use-after-free|double-free|'\
'printk messages dropped|Kernel offset:|'\
'kmemleak: Kernel memory leak detector disabled|Kmemleak disabled|'\
'kmemleak: Memory pool empty|kmemleak: Cannot allocate a kmemleak_object'

# The base device tree of this QEMU and machine, cached: keyed by the QEMU
# version and the machine arguments.
base_dts() {
	local key dir tmp
	key=$( { "$QEMU" --version | head -n 1; echo "${MACHINE[*]}"; } |
		sha1sum | cut -c1-12)
	dir=$CACHE/qemu-dt
	if [ ! -e "$dir/virt-$key.dts" ]; then
		mkdir -p "$dir"
		# Both guests of make test may get here at once on a new
		# cache: each dumps to files of its own, the rename is atomic.
		tmp=$dir/virt-$key.$$
		"$QEMU" "${MACHINE[@]}" -machine dumpdtb="$tmp.dtb" \
			-nographic >/dev/null 2>&1 </dev/null || true
		[ -s "$tmp.dtb" ] || die "$QEMU could not dump its device tree"
		dtc -q -I dtb -O dts -o "$tmp.dts" "$tmp.dtb"
		rm -f "$tmp.dtb"
		mv "$tmp.dts" "$dir/virt-$key.dts"
	fi
	echo "$dir/virt-$key.dts"
}

# QEMU's tree plus guest.dtsi, preprocessed with the kernel's dt-bindings.
guest_dtb() {
	local obj=$1 out=$2 src base
	src=$obj/source
	[ -e "$src/include/dt-bindings" ] || src=$obj
	base=$(base_dts)
	{
		cat "$base"
		cpp -nostdinc -undef -D__DTS__ -x assembler-with-cpp \
			-I "$src/include" -I "$src/scripts/dtc/include-prefixes" \
			"$SELFTEST/guest.dtsi" &&
		if [ -n "${GUEST_DTSI_EXTRA:-}" ]; then cat "$GUEST_DTSI_EXTRA"; fi
	} > "$out.dts" || die "cannot preprocess guest.dtsi"
	# QEMU's own tree trips a few dtc checks: show only those about ours.
	# interrupt_provider is off as in the kernel's dtbs builds (W=2 only).
	dtc -Wno-interrupt_provider -I dts -O dtb -o "$out" "$out.dts" 2> "$out.log" ||
		{ cat "$out.log" >&2; die "cannot compile $out.dts"; }
	grep -F "${SELFTEST##*/}/guest.dtsi" "$out.log" >&2 || true
}

# What the verdict must know of the kernel, from its .config ($1: build
# directory or .config): sets flavour (builtin, module or none: how
# CONFIG_GPIO_RPMSG is built) and kmemleak (1 if CONFIG_DEBUG_KMEMLEAK=y).
kernel_facts() {
	local cfg=$1
	[ -d "$cfg" ] && cfg=$cfg/.config
	[ -f "$cfg" ] || die "$cfg: no kernel config"
	flavour=none kmemleak=0
	grep -qx 'CONFIG_GPIO_RPMSG=y' "$cfg" && flavour=builtin
	grep -qx 'CONFIG_GPIO_RPMSG=m' "$cfg" && flavour=module
	grep -qx 'CONFIG_X86_64=y' "$cfg" && flavour=x86
	grep -qx 'CONFIG_DEBUG_KMEMLEAK=y' "$cfg" && kmemleak=1
	return 0
}

# The cases that may skip on kernel flavour $1, from workspace/skips-allowed
# (the one place that lists them, each with its reason).
allowed_skips() {
	local list=$TOP/workspace/skips-allowed
	[ -f "$list" ] || die "$list missing"
	sed 's/#.*//' "$list" | awk -v f="$1" '
		NF && NF < 3 { print "skips-allowed: no reason: " $0 > "/dev/stderr"; bad = 1 }
		NF >= 3 && $1 == f { printf "%s ", $2 }
		END { exit bad }' || die "$list: every line needs FLAVOUR CASE REASON"
}

# The boots without a verdict of their own (run, bench): false, with the
# first report lines on stderr, if console log $1 has a kernel report.
no_splat() {
	local n
	n=$(tr -d '\r' < "$1" | grep -cE "$SPLATS") || true
	[ "$n" != 0 ] || return 0
	tr -d '\r' < "$1" | grep -E "$SPLATS" | head -n 10 | sed 's/^/    /' >&2
	log "FAILED: $n kernel report line(s) in $1"
	return 1
}

# Judge a console log (workspace/verdict.py): print KTAP lines, the
# summary, return 1 on failure.
# verdict LOG STATUS TIMEOUT KCONFIG [CASE...]
verdict() {
	local log=$1 status=$2 timeout=$3 flavour kmemleak allowed names="" c
	kernel_facts "$4"; shift 4
	allowed=$(allowed_skips "$flavour")
	for c; do c=${c##*/}; names+="${c%.sh} "; done
	python3 "$TOP/workspace/verdict.py" "$log" --status "$status" \
		--timeout "$timeout" --flavour "$flavour" --kmemleak "$kmemleak" \
		--allowed "$allowed" --cases "$names" --splats "$SPLATS"
}

mode=${1:-}
case "$mode" in
splats)
	[ $# = 2 ] || die "usage: $0 splats LOG"
	no_splat "$2"
	exit
	;;
verdict)
	[ $# -ge 3 ] || die "usage: $0 verdict LOG KCONFIG [CASE...]"
	log=$2 cfg=$3; shift 3
	[ $# -gt 0 ] || set -- "$SELFTEST"/cases/*.sh
	verdict "$log" 0 0 "$cfg" "$@"
	exit
	;;
test|run|shell|bench) ;;
*) die "usage: $0 test|run|shell|bench OBJ [CASE...] | splats LOG | verdict LOG KCONFIG [CASE...]" ;;
esac
[ $# -ge 2 ] || die "usage: $0 $mode OBJ [CASE...]"
obj=$(realpath "$2"); shift 2
image=$obj/arch/arm64/boot/Image
console=ttyAMA0
# An x86_64 kernel (kernels.sh x86): QEMU q35, no device tree (the
# simulator creates its own device), amd64 guest. TCG, as for arm64: on
# this machine kind (nested) KVM refuses -cpu host and max (MSR 0x10a)
# and the guest hangs at boot with qemu64 and kvm64.
if grep -q '^CONFIG_X86_64=y' "$obj/.config" 2>/dev/null; then
	image=$obj/arch/x86/boot/bzImage
	console=ttyS0
	QEMU=qemu-system-x86_64
	MACHINE=(-M q35 -accel tcg -cpu max -smp 2 -m 1G -nic none)
	export GUEST_ARCH=amd64
fi
[ -e "$image" ] || die "$image: no kernel"
[ "$mode" = test ] || [ $# = 0 ] || die "cases only in test mode"

name=$(basename "$obj")-$mode
dir=$OUT/qemu
mkdir -p "$dir"
log=$dir/$name.log
dtb=$dir/$name.dtb
initrd=$dir/$name.initrd.gz

t0=$(date +%s.%N)
dtb_args=()
if [ "${GUEST_ARCH:-arm64}" = arm64 ]; then
	guest_dtb "$obj" "$dtb"
	dtb_args=(-dtb "$dtb")
fi
"$TOP/workspace/guest-rootfs.sh" initrd "$obj" "$mode" "$initrd" "$@"
t1=$(date +%s.%N)

append="console=$console panic=-1 panic_on_warn=0 printk.devkmsg=on kasan.fault=report"
# Interactive modes: only warnings and worse among the demo's output.
case $mode in run|shell) append+=" loglevel=5" ;; esac
append+=" ${QEMU_APPEND:-}"
# shellcheck disable=SC2054 # commas inside QEMU options
qemu=("$QEMU" "${MACHINE[@]}" -nographic -no-reboot
      -chardev "stdio,id=con,mux=on,signal=off,logfile=$log"
      -serial chardev:con -mon chardev=con,mode=readline
      -kernel "$image" -initrd "$initrd" "${dtb_args[@]}" -append "$append")
log "$mode: ${qemu[*]}"
rm -f "$log"

case "$mode" in
shell)
	exec "${qemu[@]}"
	;;
run|bench)
	status=0
	if [ "$mode" = bench ] && [ "${V:-0}" != 1 ]; then
		timeout --foreground -k 10 "${TIMEOUT:-600}" "${qemu[@]}" </dev/null >/dev/null || status=$?
	else
		timeout --foreground -k 10 "${TIMEOUT:-600}" "${qemu[@]}" </dev/null || status=$?
	fi
	# A kernel report fails these boots too (make run, make bench).
	no_splat "$log" || [ "$status" != 0 ] || status=1
	exit "$status"
	;;
test)
	status=0
	if [ "${V:-0}" = 1 ]; then
		timeout --foreground -k 10 "${TIMEOUT:-600}" "${qemu[@]}" </dev/null || status=$?
	else
		timeout --foreground -k 10 "${TIMEOUT:-600}" "${qemu[@]}" </dev/null >/dev/null || status=$?
	fi
	t2=$(date +%s.%N)
	log "test: prepared in $(awk "BEGIN { printf \"%.1f\", $t1 - $t0 }") s," \
	    "guest ran $(awk "BEGIN { printf \"%.1f\", $t2 - $t1 }") s; log: $log"
	[ $# -gt 0 ] || set -- "$SELFTEST"/cases/*.sh
	verdict "$log" "$status" "${TIMEOUT:-600}" "$obj" "$@"
	;;
esac
