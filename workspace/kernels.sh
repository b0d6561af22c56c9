#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build kernels from out/linux (the series applied):
#   builtin: CONFIG_GPIO_RPMSG=y      module: CONFIG_GPIO_RPMSG=m
# (the two test kernels, with the debug options of kconfig/debug.config)
#   bench:   CONFIG_GPIO_RPMSG=y, no debug options (kconfig/bench.config)
# Usage: kernels.sh [builtin|module|bench]...  (default: the test kernels)
# Prints "<flavour> <objdir>" lines.
#
# A build is keyed by the tree id of the series and the config fragments:
# when neither changed since the last build in $CACHE/build/<flavour>, the
# build is skipped. Otherwise it is redone there (ccache makes that quick).
# The simulator module is built against them by guest-rootfs.sh.
. "$(dirname "$0")/lib.sh"

tree=$OUT/linux
kc=$TOP/workspace/kconfig
[ $# -gt 0 ] || set -- builtin module

for flavour in "$@"; do
	case $flavour in
	builtin|module) frags=("$kc/qemu.config" "$kc/debug.config" "$kc/$flavour.config") ;;
	bench) frags=("$kc/qemu.config" "$kc/bench.config") ;;
	*) die "no kernel flavour $flavour" ;;
	esac
	obj=$CACHE/build/$flavour
	key=$( { git -C "$tree" rev-parse 'series^{tree}';
		 cat "${frags[@]}"; } |
	       sha256sum | cut -c1-16)
	if [ "$(cat "$obj/.rpmsg-gpio-key" 2>/dev/null)" != "$key" ]; then
		log "building the $flavour kernel in $obj"
		# The test flavours differ in one symbol, and kbuild rebuilds
		# only what depends on a changed symbol: start from the other.
		for seed in "$CACHE"/build/builtin "$CACHE"/build/module; do
			[ "$flavour" != bench ] &&
			[ ! -e "$obj/.config" ] && [ "$seed" != "$obj" ] &&
				[ -e "$seed/.rpmsg-gpio-key" ] || continue
			log "seeding it with the objects of $seed"
			rm -rf "$obj" && cp -a "$seed" "$obj"
			break
		done
		rm -f "$obj/.rpmsg-gpio-key"
		bash "$TOP/workspace/build-kernel.sh" "$tree" "$obj" "${frags[@]}"
		echo "$key" > "$obj/.rpmsg-gpio-key"
	fi
	echo "$flavour $obj"
done
