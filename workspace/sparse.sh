#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Make sure a sparse that 7.2 accepts exists under $CACHE/sparse; print it.
#
# 7.2's scripts/checker-valid.sh needs __typeof_unqual__, which bookworm's
# sparse 0.6.4 lacks. Debian sid has 0.6.5~rc1: fetch its source package
# with the private apt client (apt-private.sh) from the host's own mirror,
# and build it on the host in a few seconds. Debian's use-gcc-16 patch is
# reverted: it only pins a compiler version the host does not have.
# The prefix is built under a temporary name and renamed when complete.
. "$(dirname "$0")/lib.sh"

prefix=$CACHE/sparse
bin=$prefix/bin/sparse

# A sparse is good when it passes the kernel's own test (any base tree will
# do; without one, check the construct directly).
sparse_ok() {
	local t
	[ -x "$1" ] || return 1
	t=$(mktemp --suffix=.c)
	printf 'static inline int u(const int *q)\n{\n\t__typeof_unqual__(*q) v = *q;\n\treturn v;\n}\n' > "$t"
	"$1" "$t" 2>&1 | grep -q error && { rm -f "$t"; return 1; }
	rm -f "$t"
}

if sparse_ok "$bin"; then
	echo "$bin"
	exit 0
fi


exec 9>"$CACHE/.sparse.lock"
flock 9
sparse_ok "$bin" && { echo "$bin"; exit 0; }

command -v dpkg-source >/dev/null || die "dpkg-source missing (install dpkg-dev)"
. "$TOP/workspace/apt-private.sh"

work=$CACHE/sparse-src
rm -rf "$work" "$prefix.tmp"
log "fetching sparse source from sid"
apt_private "$CACHE/apt-sid-src" amd64 sid deb-src
apt_private_source "$CACHE/apt-sid-src" amd64 "$work/src" sparse
src=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'sparse-*' | head -n 1)
[ -n "$src" ] || die "no unpacked sparse source in $work/src"
if [ -f "$src/debian/patches/use-gcc-16.patch" ]; then
	patch -s -R -p1 -d "$src" < "$src/debian/patches/use-gcc-16.patch" ||
		die "cannot revert use-gcc-16.patch"
fi

log "building $(basename "$src") into $prefix"
ver=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
make -C "$src" -j"$JOBS" PREFIX="$prefix.tmp" CC=gcc \
	HAVE_LLVM=no HAVE_SQLITE=no HAVE_GTK=no HAVE_LIBXML=no \
	SPARSE_VERSION="$ver" sparse install >"$work/build.log" 2>&1 ||
	die "sparse build failed, see $work/build.log"
sparse_ok "$prefix.tmp/bin/sparse" || die "built sparse still fails the __typeof_unqual__ test"
mv "$prefix.tmp" "$prefix"
rm -rf "$work"
echo "$bin"
