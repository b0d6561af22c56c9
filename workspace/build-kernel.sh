#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build a kernel: build-kernel.sh SRC OBJDIR FRAGMENT... [-- MAKE-ARGS]
# allnoconfig + the fragments, then the boot image and modules (ccache'd),
# for arm64 (Image), or for x86_64 (bzImage) with KARCH=x86_64.
# Checks that every fragment option ended up as asked (an option given
# twice: as the last one says).
. "$(dirname "$0")/lib.sh"

src=$1 obj=$2; shift 2
frags=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do frags+=("$(realpath "$1")"); shift; done
[ "${1:-}" = -- ] && shift
case ${KARCH:-arm64} in
arm64) mk=(make -s -C "$src" O="$obj" "${ARM64_MAKE[@]}" -j"$JOBS" "$@")
	image=Image ;;
x86_64) mk=(make -s -C "$src" O="$obj" ARCH=x86_64 CC="ccache gcc" -j"$JOBS" "$@")
	image=bzImage ;;
*) die "KARCH=$KARCH: arm64 or x86_64" ;;
esac

mkdir -p "$obj"
cat "${frags[@]}" > "$obj/fragment.config"
KCONFIG_ALLCONFIG="$obj/fragment.config" "${mk[@]}" allnoconfig
# Every requested option must have survived dependency resolution.
bad=0
while IFS= read -r line; do
	case "$line" in
	CONFIG_*=n) opt=${line%%=*}
		grep -q "^$opt=" "$obj/.config" && { echo "config: $opt still set" >&2; bad=1; } ;;
	CONFIG_*) grep -qx -- "$line" "$obj/.config" || { echo "config: $line not set" >&2; bad=1; } ;;
	esac
done < <(awk -F= '/^CONFIG_/ { last[$1] = $0; order[++n] = $1 }
		END { for (i = 1; i <= n; i++) if (!(order[i] in done)) { done[order[i]] = 1; print last[order[i]] } }' \
	 "$obj/fragment.config")
[ $bad = 0 ] || die "config fragment not honoured"
"${mk[@]}" "$image" modules
if grep -q '^CONFIG_MODULES=y' "$obj/.config"; then
	"${mk[@]}" INSTALL_MOD_PATH="$obj/modinst" INSTALL_MOD_STRIP=1 modules_install >/dev/null
fi
