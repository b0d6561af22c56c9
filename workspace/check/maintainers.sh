# SPDX-License-Identifier: GPL-2.0
# Gate maintainers.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

# Which list must get a patch, from the files it touches (MAINTAINERS of
# 7.2). Every rule matching a touched file must be met by get_maintainer.pl.
lists_for() {		# $1 = path
	case $1 in
	drivers/gpio/*|include/linux/gpio/*|include/linux/gpio.h|\
	Documentation/driver-api/gpio/*|Documentation/devicetree/bindings/gpio/*)
		echo linux-gpio@vger.kernel.org ;;
	esac
	case $1 in
	drivers/rpmsg/*|include/linux/rpmsg.h|include/linux/rpmsg/*|\
	drivers/remoteproc/*|Documentation/devicetree/bindings/remoteproc/*)
		echo linux-remoteproc@vger.kernel.org ;;
	esac
	case $1 in
	Documentation/devicetree/*|arch/*/boot/dts/*|include/dt-bindings/*)
		echo devicetree@vger.kernel.org ;;
	esac
	case $1 in
	arch/arm64/boot/dts/freescale/*)
		echo imx@lists.linux.dev
		echo linux-arm-kernel@lists.infradead.org ;;
	esac
}

gate_maintainers() {
	local i c p got want w bad=0
	at_commit "$HEAD" || fail "cannot check out the top commit"
	for i in "${!COMMITS[@]}"; do
		c=${COMMITS[$i]} p=${PATCHES[$i]}
		# stderr apart: it cannot look up Fixes: commits (no history).
		got=$(cd "$WD/src" && ./scripts/get_maintainer.pl --no-git --no-git-fallback \
			--no-rolestats "$p" 2>"$WD/gm.err") ||
			{ cat "$WD/gm.err"; fail "get_maintainer.pl failed on $(basename "$p")"; }
		want=$(git -C "$WD/src" diff-tree --no-commit-id --name-only -r "$c" |
			while read -r f; do lists_for "$f"; done | sort -u)
		echo "=== $(basename "$p")"
		echo "$got" | sed 's/^/  /'
		for w in $want; do
			if grep -qiF "$w" <<<"$got"; then
				echo "ok: $w"
			else
				echo "MISSING: $w"
				bad=$((bad + 1))
			fi
		done
	done
	[ $bad = 0 ] || fail "$bad expected list(s) not named, see log"
}

inputs_maintainers() { inputs_checkpatch; }
