#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install every tool the workspace needs, from Debian packages only.
# Host packages come from the host's own (bookworm) sources; what bookworm
# lacks or has too old is taken from sid without touching the host's apt
# setup: dt-schema in a debootstrap'ed root, sparse built from sid's source,
# the guest's userland unpacked from sid's arm64 packages.
. "$(dirname "$0")/lib.sh"

host_packages() {
	cat <<-EOL
	make gcc libc6-dev git bc flex bison perl python3 rsync cpio xz-utils
	libssl-dev libelf-dev dwarves kmod file gawk ccache
	gcc-aarch64-linux-gnu libc6-dev-arm64-cross binutils-aarch64-linux-gnu
	clang-19 lld-19 llvm-19
	qemu-system-arm qemu-system-x86 device-tree-compiler
	debootstrap coccinelle python3-sphinx python3-yaml
	EOL
	[ -f "$TOP/workspace/deps-host.txt" ] && sed 's/#.*//' "$TOP/workspace/deps-host.txt"
}

missing=()
for p in $(host_packages); do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	[ "$(id -u)" = 0 ] || die "need root to install: ${missing[*]}"
	log "installing host packages: ${missing[*]}"
	apt-get update -q
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

bash "$TOP/workspace/sparse.sh" >/dev/null
bash "$TOP/workspace/sid-root.sh" >/dev/null
bash "$TOP/workspace/guest-rootfs.sh" base >/dev/null
log "dependencies ready"
