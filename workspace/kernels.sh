#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build kernels from out/linux (the series applied):
#   builtin: CONFIG_GPIO_RPMSG=y      module: CONFIG_GPIO_RPMSG=m
# (the two test kernels, with the debug options of kconfig/debug.config)
#   bench:   CONFIG_GPIO_RPMSG=y, no debug options (kconfig/bench.config)
#   x86:     x86_64, the platform of kconfig/x86.config, the options of the
#            kselftest target's config (CONFIG_GPIO_RPMSG=m) and the debug
#            options: the DT-free cases
# Usage: kernels.sh [builtin|module|bench|x86]...  (default: builtin, module)
# Prints "<flavour> <objdir>" lines.
#
# A build is keyed by what of the series goes into a kernel (its files
# outside tools/ and Documentation/) and the config fragments: when
# neither changed since the last build in $CACHE/build/<flavour>, the
# build is skipped. Otherwise it is redone there, from $CACHE/src/linux:
# kbuild records its source tree's path in the objdir (and ccache hashes
# it), so a tree at the path of each clone would rebuild every object;
# updated with git checkout, that tree keeps the times of unchanged files
# and kbuild rebuilds what changed. The simulator module is built against
# them by guest-rootfs.sh.
. "$(dirname "$0")/lib.sh"

tree=$OUT/linux
src=$CACHE/src/linux
kc=$TOP/workspace/kconfig
[ $# -gt 0 ] || set -- builtin module

# One build at a time uses $CACHE/src (another clone may be building)
mkdir -p "$CACHE/src"
exec 9> "$CACHE/src/.lock"
flock 9

sync_src() {
	[ -d "$src/.git" ] || git clone -q --no-checkout "$tree" "$src"
	git -C "$src" fetch -q "$tree" series
	git -C "$src" checkout -q -f --detach FETCH_HEAD
}

for flavour in "$@"; do
	case $flavour in
	builtin|module) frags=("$kc/qemu.config" "$kc/debug.config" "$kc/$flavour.config") ;;
	bench) frags=("$kc/qemu.config" "$kc/bench.config") ;;
	x86) frags=("$kc/x86.config" "$tree/tools/testing/selftests/drivers/gpio/rpmsg/config"
		    "$kc/debug.config") ;;
	*) die "no kernel flavour $flavour" ;;
	esac
	karch=arm64
	[ "$flavour" != x86 ] || karch=x86_64
	obj=$CACHE/build/$flavour
	key=$( { git -C "$tree" ls-tree -r series |
		   grep -v -e '	tools/' -e '	Documentation/';
		 cat "${frags[@]}"; } |
	       sha256sum | cut -c1-16)
	if [ "$(cat "$obj/.rpmsg-gpio-key" 2>/dev/null)" != "$key" ]; then
		log "building the $flavour kernel in $obj"
		# The test flavours differ in one symbol, and kbuild rebuilds
		# only what depends on a changed symbol: start from the other.
		for seed in "$CACHE"/build/builtin "$CACHE"/build/module; do
			[ "$flavour" != bench ] && [ "$flavour" != x86 ] &&
			[ ! -e "$obj/.config" ] && [ "$seed" != "$obj" ] &&
				[ -e "$seed/.rpmsg-gpio-key" ] || continue
			log "seeding it with the objects of $seed"
			rm -rf "$obj" && cp -a "$seed" "$obj"
			break
		done
		rm -f "$obj/.rpmsg-gpio-key"
		sync_src
		# Its output goes to stderr: stdout carries only the lines below
		KARCH=$karch bash "$TOP/workspace/build-kernel.sh" "$src" "$obj" "${frags[@]}" >&2
		echo "$key" > "$obj/.rpmsg-gpio-key"
	fi
	echo "$flavour $obj"
done
