#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Build the guest's initramfs.
#
#   guest-rootfs.sh base                      print the cached base archive
#   guest-rootfs.sh initrd OBJ MODE OUT [CASE...]
#                                             write the initramfs of one run
#
# Base (cached in $CACHE/guest/, keyed by the package versions): busybox
# (static), the libgpiod v2 tools and their libraries, .debs of the
# guest's architecture (GUEST_ARCH: arm64, amd64) from sid (trixie as
# fallback) fetched with the private apt client of apt-private.sh and
# unpacked with dpkg -x.
#
# Per run, appended as a second cpio archive (the kernel unpacks
# concatenated archives): the test kernel's modules ($OBJ/modinst), the
# kselftest target drivers/gpio/rpmsg installed by kselftest's own make
# install (the simulator module built against OBJ, the cases, evread,
# the benchmarks) under /usr/share/kselftest, /init and its settings
# (MODE = test, run, shell or bench; CASE = case scripts, default all).
#
# GUEST_REFRESH=1 re-reads the package lists (otherwise at most weekly).
# GUEST_ENV="NAME=VALUE ..." is exported to the guest's scripts (e.g.
# LOOPS=1000 for the lifecycle cases).
. "$(dirname "$0")/lib.sh"

KSFT_TARGET=drivers/gpio/rpmsg
SELFTEST=$TOP/tools/testing/selftests/$KSFT_TARGET
GUEST=$CACHE/guest
# The guest's architecture: arm64 (default) or amd64 (the x86_64 suite)
GUEST_ARCH=${GUEST_ARCH:-arm64}
case $GUEST_ARCH in
arm64) TRIPLET=aarch64-linux-gnu; APTDIR=$GUEST/apt ;;
amd64) TRIPLET=x86_64-linux-gnu; APTDIR=$GUEST/apt-amd64 ;;
*) die "GUEST_ARCH=$GUEST_ARCH: arm64 or amd64" ;;
esac
PKGS=(busybox-static gpiod libgpiod3 libc6 make)
SUITES="sid trixie"
. "$TOP/workspace/apt-private.sh"

apt_setup() {
	APT_PRIVATE_REFRESH=${GUEST_REFRESH:-0} apt_private "$APTDIR" "$GUEST_ARCH" "$SUITES"
}

# name=version for each package, the candidate apt would take.
pkg_versions() {
	apt-cache "${APT_OPTS[@]}" policy "${PKGS[@]}" | awk -v want="${PKGS[*]}" '
		/^[^ ].*:$/ { p = substr($0, 1, length($0) - 1) }
		/^  Candidate:/ && $2 != "(none)" { v[p] = $2 }
		END {
			n = split(want, w, " ")
			for (i = 1; i <= n; i++) {
				if (!(w[i] in v)) { print "missing " w[i] > "/dev/stderr"; bad = 1 }
				print w[i] "=" v[w[i]]
			}
			exit bad
		}' || die "$GUEST_ARCH packages missing from $SUITES"
}

# Every ELF in the tree finds its NEEDED libraries in the tree.
check_needed() {
	local root=$1 f lib bad=0
	while IFS= read -r f; do
		for lib in $(LC_ALL=C readelf -d "$f" 2>/dev/null |
			     sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
			[ -e "$root/usr/lib/$TRIPLET/$lib" ] ||
			[ -e "$root/usr/lib/$lib" ] ||
				{ echo "guest: $f needs $lib" >&2; bad=1; }
		done
	done < <(find "$root/usr/bin" "$root/usr/sbin" "$root/usr/lib" -type f \
		 \( -perm -u+x -o -name '*.so*' \) 2>/dev/null)
	return $bad
}

build_base() {
	local key=$1 dst=$2 tmp deb v
	shift 2
	tmp=$(mktemp -d "$GUEST/base.tmp.XXXXXX")
	log "guest: fetching ${PKGS[*]}"
	# shellcheck disable=SC2046 # one word per package
	(cd "$APTDIR/archives" &&
	 apt-get "${APT_OPTS[@]}" download $(pkg_versions) >"$APTDIR/download.log" 2>&1) ||
		{ cat "$APTDIR/download.log" >&2; die "apt-get download failed"; }
	mkdir -p "$tmp/root"
	for deb in $(pkg_versions); do
		v=${deb#*=}
		deb=$APTDIR/archives/${deb%%=*}_${v//:/%3a}_$GUEST_ARCH.deb
		[ -e "$deb" ] || die "downloaded package $deb not found"
		dpkg -x "$deb" "$tmp/root"
	done
	(
	cd "$tmp/root" || exit
	# Merged /usr: packages ship under usr/ only.
	for d in bin sbin lib lib64; do
		mkdir -p "usr/$d"
		if [ -d "$d" ] && [ ! -L "$d" ]; then
			cp -a "$d/." "usr/$d/" && rm -rf "$d"
		fi
		ln -sfn "usr/$d" "$d"
	done
	# Not needed by the guest; keeps the archive small.
	rm -rf usr/share/doc usr/share/man usr/share/lintian usr/share/locale \
	       usr/share/bug usr/lib/$TRIPLET/gconv \
	       usr/lib/$TRIPLET/libgpiodcxx*
	ln -sf busybox usr/bin/sh
	mkdir -p dev proc sys tmp run root etc mnt var/log
	echo "root:x:0:0:root:/root:/bin/sh" > etc/passwd
	echo "root:x:0:" > etc/group
	printf '%s\n' "$@" > etc/guest-packages
	)
	check_needed "$tmp/root" || die "guest base is missing libraries"
	(cd "$tmp/root" && find . -mindepth 1 | LC_ALL=C sort |
		cpio --quiet -o -H newc -R 0:0 --reproducible) | gzip -n -6 > "$tmp/base.cpio.gz"
	mkdir -p "$(dirname "$dst")"
	mv "$tmp/base.cpio.gz" "$dst"
	rm -rf "$tmp"
	log "guest: base $(du -h "$dst" | cut -f1) ($key)"
}

base() {
	local vers key dst
	mkdir -p "$GUEST"
	# Parallel runs (both test kernels at once) share the apt state.
	exec 9> "$GUEST/.lock"
	flock 9
	apt_setup
	vers=$(pkg_versions)
	key=$( { echo "$GUEST_ARCH $vers"; sed -n '/^build_base()/,/^}/p' "$0"; } |
	      sha1sum | cut -c1-12)
	dst=$GUEST/base-$key.cpio.gz
	# shellcheck disable=SC2086
	[ -e "$dst" ] || build_base "$key" "$dst" $vers
	exec 9>&-
	echo "$dst"
}

# The kselftest target, built and installed as kernel CI would: make -C
# tools/testing/selftests TARGETS=drivers/gpio/rpmsg install, from out/linux
# (both series applied), the simulator built against kernel OBJ (KDIR),
# the C helpers cross-compiled. Into DEST: run_kselftest.sh, kselftest/,
# kselftest-list.txt and drivers/gpio/rpmsg/.
ksft_install() {
	local obj=$1 dest=$2 tree=$OUT/linux sim arch

	[ "$(git -C "$tree" rev-parse --abbrev-ref HEAD)" = series-selftests ] ||
		die "$tree is not at branch series-selftests (run make patches)"
	# The simulator is built in the source tree (kselftest's
	# TEST_GEN_MODS_DIR): one kernel's build at a time.
	mkdir -p "$OUT/kselftest"
	exec 7> "$OUT/kselftest/.lock"
	flock 7
	# kbuild would keep objects built against the other kernel
	sim=$tree/tools/testing/selftests/$KSFT_TARGET/sim
	if [ "$(cat "$sim/.kdir" 2>/dev/null)" != "$obj" ]; then
		make -s -C "$obj" M="$sim" clean >&2
		echo "$obj" > "$sim/.kdir"
	fi
	if [ "$GUEST_ARCH" = amd64 ]; then
		arch=(ARCH=x86_64 CC="ccache gcc")
	else
		arch=("${ARM64_MAKE[@]}")
	fi
	make -s -C "$tree/tools/testing/selftests" TARGETS="$KSFT_TARGET" \
		"${arch[@]}" KDIR="$obj" \
		O="$OUT/kselftest/$(basename "$obj")" INSTALL_PATH="$dest" \
		-j"$JOBS" install > "$OUT/kselftest/install.log" 2>&1 ||
		{ cat "$OUT/kselftest/install.log" >&2
		  die "guest: building or installing the kselftest target failed"; }
	exec 7>&-
	[ -e "$dest/$KSFT_TARGET/sim/rpmsg_gpio_sim.ko" ] ||
		! grep -q '^CONFIG_MODULES=y' "$obj/.config" ||
		die "guest: the simulator was not built against $obj"
}

# The selftests' own part of the source tree, for "make -C
# tools/testing/selftests TARGETS=drivers/gpio/rpmsg run_tests" in the
# guest (KSFT_ENTRY=make): lib.mk and kselftest/ as in out/linux, the
# target's sources, and what the install built put where the in-tree build
# would (newer than the sources: make builds nothing; without a KDIR the
# simulator's Makefile does nothing either).
ksft_src() {
	local dest=$1 built=$2 tree=$OUT/linux st=tools/testing/selftests
	mkdir -p "$dest"
	git -C "$tree" archive HEAD "$st/Makefile" "$st/lib.mk" "$st/kselftest" \
		"$st/$KSFT_TARGET" scripts/subarch.include | tar -x -C "$dest"
	cp "$built/sim/rpmsg_gpio_sim.ko" "$dest/$st/$KSFT_TARGET/sim/" 2>/dev/null || true
	cp "$built/evread" "$built/gpio-bench" "$dest/$st/$KSFT_TARGET/"
	touch "$dest/$st/$KSFT_TARGET/evread" "$dest/$st/$KSFT_TARGET/gpio-bench"
}

initrd() {
	local obj=$1 mode=$2 out=$3; shift 3
	local b tmp kver c ksft=/usr/share/kselftest
	local t=$ksft/$KSFT_TARGET
	[ -e "$obj/include/config/kernel.release" ] || die "$obj: not a built kernel"
	case "$mode" in test|run|shell|bench) ;; *) die "mode: test, run, shell or bench" ;; esac
	b=$(base)
	kver=$(cat "$obj/include/config/kernel.release")
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/rpmsg-gpio-initrd.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$tmp'" EXIT
	mkdir -p "$tmp/root/usr/lib/modules" "$tmp/root/usr/bin" "$tmp/root/etc"
	ksft_install "$obj" "$tmp/root$ksft"
	ksft_src "$tmp/root/usr/src/linux" "$tmp/root$t"
	(
	cd "$tmp/root" || exit
	if [ -d "$obj/modinst/lib/modules/$kver" ]; then
		cp -a "$obj/modinst/lib/modules/$kver" usr/lib/modules/
		rm -f "usr/lib/modules/$kver/build" "usr/lib/modules/$kver/source"
	fi
	install -m 0755 "$TOP/workspace/guest/init.sh" init
	install -m 0755 "$TOP/workspace/guest/demo.sh" ".$t/demo.sh"
	# The cases to run, in this order (default: all, as installed)
	[ $# -gt 0 ] || set -- "$SELFTEST"/cases/*.sh
	for c in "$@"; do
		c=${c##*/}
		c=${c%.sh}
		[ -f ".$t/cases/$c.sh" ] || die "no case $c"
		echo "$c.sh" >> ".$t/cases.list"
	done
	{
		echo "MODE=$mode"
		echo "KVER=$kver"
		echo "KSFT=$ksft"
		echo "T=$t"
		echo "SIM_PARAMS='${SIM_PARAMS:-}'"
		for v in ${GUEST_ENV:-}; do
			echo "export ${v%%=*}='${v#*=}'"
		done
	} > etc/rig.conf
	find . -mindepth 1 | LC_ALL=C sort | cpio --quiet -o -H newc -R 0:0 --reproducible
	) | gzip -n -1 > "$tmp/run.cpio.gz"
	# /dev/console must exist before init runs; a node needs root or
	# the kernel's gen_init_cpio.
	printf 'dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\n' |
		"$obj/usr/gen_init_cpio" - | gzip -n -1 > "$tmp/dev.cpio.gz"
	cat "$b" "$tmp/dev.cpio.gz" "$tmp/run.cpio.gz" > "$out.tmp"
	mv "$out.tmp" "$out"
}

case "${1:-}" in
base) base ;;
initrd) shift; [ $# -ge 3 ] || die "usage: $0 initrd OBJ MODE OUT [CASE...]"; initrd "$@" ;;
*) die "usage: $0 base | initrd OBJ MODE OUT [CASE...]" ;;
esac
