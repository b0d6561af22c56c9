#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make sure a Debian sid root with the device-tree tools exists; print its path.
#
# bookworm's dt-schema is too old for 7.2 and trixie has none, so the DT
# checks run in a minimal sid root: debootstrap, then one apt-get install
# (two steps are faster than debootstrap --include). The mirror is the
# host's own (first URIs: of its main Debian deb822 entry). The root is
# built under a temporary name and renamed once complete, so an interrupted
# run never leaves a root that looks ready; reruns are instant.
. "$(dirname "$0")/lib.sh"

root=$CACHE/sid-root
marker=.rpmsg-gpio-sid-root-ok
pkgs=(dt-schema yamllint make gcc libc6-dev flex bison)

if [ -e "$root/$marker" ]; then
	echo "$root"
	exit 0
fi


mirror=$(host_mirror)
[ -n "$mirror" ] || die "no Debian mirror found in /etc/apt/sources.list.d/*.sources"

if ! command -v debootstrap >/dev/null; then
	log "installing debootstrap on the host"
	apt-get install -y -q debootstrap >/dev/null ||
		{ apt-get update -q >/dev/null && apt-get install -y -q debootstrap >/dev/null; } ||
		die "cannot install debootstrap"
fi

# Remove a root that is not ready (a temp root left by a killed run, or an
# unmarked root). Nothing is mounted in it normally (all mounts are made in
# private mount namespaces), but never delete through a mount: a bound /dev
# or host directory would go with it.
remove_root() {
	local m
	findmnt -rn -o TARGET | awk -v p="$1/" 'index($0 "/", p) == 1' |
		sort -r | while read -r m; do umount -l "$m" || true; done
	if findmnt -rn -o TARGET | awk -v p="$1/" 'index($0 "/", p) == 1' | grep -q .; then
		die "$1 still has mounts; not deleting it"
	fi
	rm -rf --one-file-system "$1"
}

# Nobody else may be building the same root at the same time.
exec 9>"$CACHE/.sid-root.lock"
flock 9
[ -e "$root/$marker" ] && { echo "$root"; exit 0; }
for d in "$root".tmp.*; do
	if [ -d "$d" ]; then remove_root "$d"; fi
done

tmp=$root.tmp.$$
log "debootstrap sid (minbase) from $mirror into $tmp"
# debootstrap mounts /proc and /sys in the target: keep those mounts private.
unshare -m --propagation private \
	debootstrap --variant=minbase sid "$tmp" "$mirror" >"$CACHE/sid-root.debootstrap.log" 2>&1 ||
	die "debootstrap failed, see $CACHE/sid-root.debootstrap.log"

log "installing ${pkgs[*]}"
# The mirror's sid Release file is past its Valid-Until date.
apt="apt-get -q -o Acquire::Check-Valid-Until=false"
# Private mount namespace: however this ends, the mounts end with it.
unshare -m --propagation private sh -euc '
	mount -t proc proc "$1/proc"
	mount --rbind /dev "$1/dev"
	cp /etc/resolv.conf "$1/etc/resolv.conf" 2>/dev/null || true
	chroot "$1" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		DEBIAN_FRONTEND=noninteractive sh -euc "$2"
' sh "$tmp" "$apt update && $apt install -y --no-install-recommends ${pkgs[*]} && apt-get clean" \
	>"$CACHE/sid-root.apt.log" 2>&1 ||
	die "apt-get in the sid root failed, see $CACHE/sid-root.apt.log"

chroot "$tmp" dt-validate --version >/dev/null 2>&1 || die "dt-validate does not run in $tmp"
chroot "$tmp" python3 -c 'import ruamel.yaml' || die "ruamel.yaml missing in $tmp"

touch "$tmp/$marker"
[ -e "$root" ] && remove_root "$root"
mv "$tmp" "$root"
log "sid root ready: $(du -sh --one-file-system "$root" | cut -f1)"
echo "$root"
