# SPDX-License-Identifier: GPL-2.0
# Common settings for the workspace scripts. Source it; do not run it.
#
# Everything downloaded or built that outlives a clone lives under $CACHE
# (safe to delete at any time); everything else under $OUT in the clone.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$TOP/out}
CACHE=${RPMSG_GPIO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rpmsg-gpio}
SHARED=${SHARED:-$TOP/../shared}
TARBALL=${TARBALL:-$SHARED/linux/linux-source-7.2.tar.xz}
JOBS=${JOBS:-$(( $(nproc) + 1 ))}
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
LLVM_SUFFIX=${LLVM_SUFFIX:--19}
# make's variables for an arm64 kernel built by the cross gcc through
# ccache: make -C TREE O=OBJ "${ARM64_MAKE[@]}" TARGET...
ARM64_MAKE=(ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE" CC="ccache ${CROSS_COMPILE}gcc")
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}

mkdir -p "$OUT" "$CACHE"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The Debian mirror the host uses: the first URIs: of the deb822 entry that
# carries "main" of a plain Debian suite (not -security, not -updates).
# Read at run time so that no host name is ever written into the repo.
host_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -e "$f" ] || continue
		awk '
		function flush() {
			if (uri != "" && comps ~ /(^| )main( |$)/ &&
			    suites ~ /(^| )[a-z]+( |$)/ && uri !~ /security/)
				{ print uri; found = 1; exit }
			uri = comps = suites = ""
		}
		/^[ \t]*$/ { flush(); next }
		/^URIs:/ { uri = $2 }
		/^Suites:/ { $1 = ""; suites = $0 }
		/^Components:/ { $1 = ""; comps = $0 }
		END { if (!found) flush() }' "$f"
	done | head -n 1
}

# tally_suite FILE LABEL: print a QEMU suite's output (qemu.sh test) and
# add its "# X passed, Y failed, Z skipped" to the caller's pass, fail
# and skip; a suite without that line counts as one failure.
tally_suite() {
	local sum

	cat "$1"
	sum=$(grep -E '^# [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$1" |
	      tail -n 1) || true
	if [ -z "$sum" ]; then
		echo "FAIL $2: the suite printed no summary"
		fail=$((fail + 1))
		return
	fi
	set -- $sum
	pass=$((pass + $2)) fail=$((fail + $4)) skip=$((skip + $6))
}

# run_suites DIR NAME FLAVOUR=OBJ...: the QEMU suite on each kernel (its
# object directory OBJ), side by side, as the guests spend most of their
# time waiting; the cases of FLAVOUR are the caller's array
# suite_FLAVOUR, qemu.sh's limit is $TIMEOUT. Then each suite's tally
# (tally_suite), its output kept in DIR/NAME-FLAVOUR.txt.
run_suites() {
	local dir=$1 name=$2 spec flavour
	shift 2
	mkdir -p "$dir"
	for spec; do
		flavour=${spec%%=*}
		local -n suite_cases=suite_$flavour
		log "$name suite on the $flavour kernel"
		bash "$TOP/workspace/qemu.sh" test "${spec#*=}" "${suite_cases[@]}" \
			> "$dir/$name-$flavour.txt" 2>&1 &
		unset -n suite_cases
	done
	wait
	for spec; do
		flavour=${spec%%=*}
		echo "# $name suite, $flavour kernel"
		tally_suite "$dir/$name-$flavour.txt" "$name-$flavour"
	done
}
