#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Print the path of a git repository whose HEAD is the pinned base tree.
#
# Default: Linux 7.2.13 as Debian ships it (linux-source-7.2 7.2.13-1),
# from ../shared/linux or, where that is absent, from the package itself
# (sid, through a private apt client on the host's mirror); either way
# checked against the sha256 pinned in workspace/base.sha256, and committed
# once (fixed identity and date, so the base-commit id is the same on every
# machine). KSRC=/path uses another tree: a git checkout is used at its
# HEAD, a plain directory is committed like the tarball.
. "$(dirname "$0")/lib.sh"
. "$TOP/workspace/apt-private.sh"

PKG=linux-source-7.2=7.2.13-1

# The tarball from the .deb, cached: linux-source-7.2.tar.xz
fetch_tarball() {
	local dir=$CACHE/base/deb tar
	tar=$dir/linux-source-7.2.tar.xz
	if [ ! -e "$tar" ]; then
		log "no $TARBALL: fetching $PKG from Debian sid"
		apt_private "$CACHE/apt-sid" amd64 sid
		rm -rf "$dir" && mkdir -p "$dir/x"
		apt_private_get "$CACHE/apt-sid" amd64 "$dir" "$PKG"
		dpkg-deb --fsys-tarfile "$dir"/linux-source-7.2_*.deb |
			tar -x -C "$dir/x" ./usr/src/linux-source-7.2.tar.xz
		mv "$dir/x/usr/src/linux-source-7.2.tar.xz" "$tar"
		rm -rf "$dir/x" "$dir"/*.deb
	fi
	echo "$tar"
}

commit_tree() {		# $1 = directory holding a plain source tree
	git -C "$1" init -q
	git -C "$1" add -A -f .
	GIT_AUTHOR_NAME=base GIT_AUTHOR_EMAIL=base@invalid \
	GIT_COMMITTER_NAME=base GIT_COMMITTER_EMAIL=base@invalid \
	GIT_AUTHOR_DATE='2026-01-01T00:00:00Z' \
	GIT_COMMITTER_DATE='2026-01-01T00:00:00Z' \
		git -C "$1" commit -q --no-verify -m "$2"
}

if [ -n "${KSRC:-}" ]; then
	[ -f "$KSRC/Makefile" ] || die "KSRC=$KSRC is not a kernel tree"
	if git -C "$KSRC" rev-parse --verify -q HEAD >/dev/null; then
		git -C "$KSRC" rev-parse --show-toplevel
		exit 0
	fi
	dest=$CACHE/base/ksrc-$(printf %s "$(realpath "$KSRC")" | sha1sum | cut -c1-12)
	if [ ! -e "$dest/.git/base-ok" ]; then
		rm -rf "$dest" && mkdir -p "$dest"
		log "copying $KSRC to $dest"
		cp -a "$KSRC/." "$dest/"
		commit_tree "$dest" "Base tree from $KSRC"
		touch "$dest/.git/base-ok"
	fi
	echo "$dest"
	exit 0
fi

dest=$CACHE/base/linux-7.2.13
if [ ! -e "$dest/.git/base-ok" ]; then
	[ -f "$TARBALL" ] || TARBALL=$(fetch_tarball)
	log "verifying $TARBALL"
	[ "$(sha256sum < "$TARBALL" | cut -d' ' -f1)" = "$(cut -d' ' -f1 "$TOP/workspace/base.sha256")" ] ||
		die "$TARBALL does not match workspace/base.sha256"
	rm -rf "$dest" "$dest.tmp" && mkdir -p "$dest.tmp"
	log "unpacking the base tree into $dest"
	tar -xJf "$TARBALL" -C "$dest.tmp" --strip-components=1
	commit_tree "$dest.tmp" "Linux 7.2.13"
	touch "$dest.tmp/.git/base-ok"
	mv "$dest.tmp" "$dest"
fi
echo "$dest"
