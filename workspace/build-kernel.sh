#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build an arm64 kernel: build-kernel.sh SRC OBJDIR FRAGMENT... [-- MAKE-ARGS]
# allnoconfig + the fragments, then Image and modules (ccache'd).
# Checks that every fragment option ended up as asked.
. "$(dirname "$0")/lib.sh"

src=$1 obj=$2; shift 2
frags=()
while [ $# -gt 0 ] && [ "$1" != -- ]; do frags+=("$(realpath "$1")"); shift; done
[ "${1:-}" = -- ] && shift
mk=(make -s -C "$src" O="$obj" ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE"
    CC="ccache ${CROSS_COMPILE}gcc" -j"$JOBS" "$@")

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
done < "$obj/fragment.config"
[ $bad = 0 ] || die "config fragment not honoured"
"${mk[@]}" Image modules
if grep -q '^CONFIG_MODULES=y' "$obj/.config"; then
	"${mk[@]}" INSTALL_MOD_PATH="$obj/modinst" INSTALL_MOD_STRIP=1 modules_install >/dev/null
fi
