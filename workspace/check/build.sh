# SPDX-License-Identifier: GPL-2.0
# The build gates (build-gcc, build-clang, build-x86): one walk over the
# commits, W=1, per config; kmake and configure, which other gates use too.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

# Config of the build gates: allnoconfig plus everything the series
# touches. CONFIG_GPIO_RPMSG=m is added once the commit defines it.
# rpmsg_char needs NET. x86 has neither the SoC nor OF: COMPILE_TEST makes
# the driver reachable there, which also builds its !CONFIG_OF paths.
fragment() {		# $1 = gcc|clang|x86
	cat <<-EOF
	CONFIG_MODULES=y
	CONFIG_NET=y
	CONFIG_REMOTEPROC=y
	CONFIG_RPMSG_VIRTIO=y
	CONFIG_RPMSG_NS=y
	CONFIG_RPMSG_CHAR=y
	CONFIG_GPIOLIB=y
	CONFIG_GPIO_CDEV=y
	CONFIG_DEBUG_FS=y
	EOF
	[ "$1" = x86 ] && echo CONFIG_COMPILE_TEST=y
	return 0
}

mkargs() {		# $1 = gcc|clang|x86: make arguments of that build
	case $1 in
	gcc)	echo ARCH=arm64 CROSS_COMPILE="$CROSS_COMPILE" CC="ccache\ ${CROSS_COMPILE}gcc" ;;
	clang)	echo ARCH=arm64 LLVM="$LLVM_SUFFIX" CC="ccache\ clang$LLVM_SUFFIX" ;;
	x86)	echo ARCH=x86_64 CC="ccache\ gcc" ;;
	esac
}

compiler_version() {	# $1 = gcc|clang|x86
	case $1 in
	gcc)	"${CROSS_COMPILE}gcc" --version ;;
	clang)	"clang$LLVM_SUFFIX" --version ;;
	x86)	gcc --version ;;
	esac 2>&1 | head -n 1
}

kmake() {		# $1 = cfg, $2 = source dir, rest: make arguments
	local cfg=$1 src=$2; shift 2
	eval "local args=($(mkargs "$cfg"))"
	make -C "$src" O="$WD/o-$cfg" "${args[@]}" -j"$JOBS" "$@"
}

# allnoconfig + fragment in object dir of $1 for the commit checked out in
# the build clone; every fragment option must survive. Prints its output;
# the last line is "reason: ..." when it fails.
configure() {		# $1 = cfg
	local cfg=$1 obj=$WD/o-$1 frag line bad=0 rc=0 out stamp
	mkdir -p "$obj"
	frag=$obj/check.config
	fragment "$cfg" > "$frag"
	grep -q '^config GPIO_RPMSG$' "$WD/src/drivers/gpio/Kconfig" &&
		echo CONFIG_GPIO_RPMSG=m >> "$frag"
	# Same Kconfig files and fragment as last time: same .config.
	stamp=$( { git -C "$WD/src" ls-tree -r HEAD | grep -E '/Kconfig[^/]*$|	Kconfig[^/]*$';
		   cat "$frag"; } | sha256sum | cut -c1-16)
	[ -f "$obj/.config" ] && [ "$(cat "$obj/.check-kconfig" 2>/dev/null)" = "$stamp" ] && return 0
	rm -f "$obj/.check-kconfig"
	out=$(KCONFIG_ALLCONFIG="$frag" kmake "$cfg" "$WD/src" -s allnoconfig 2>&1) || rc=$?
	[ -z "$out" ] || echo "$out"
	[ $rc = 0 ] || { echo "reason: allnoconfig failed"; return 1; }
	grep -qi warning <<<"$out" && { echo "reason: Kconfig warning"; return 1; }
	while IFS= read -r line; do
		grep -qx -- "$line" "$obj/.config" || { echo "config: $line not set"; bad=1; }
	done < "$frag"
	[ $bad = 0 ] || { echo "reason: config fragment not honoured"; return 1; }
	echo "$stamp" > "$obj/.check-kconfig"
}

# Build commit $2 with config $1 in the build clone, W=1: any warning (or
# error) fails. Same output convention as configure().
build_commit() {
	local cfg=$1 c=$2 obj=$WD/o-$1 n rc=0 out
	at_commit "$c" || { echo "reason: checkout failed"; return 1; }
	configure "$cfg" || return 1
	out=$(kmake "$cfg" "$WD/src" W=1 "${BUILD_DIRS[@]}" 2>&1) || rc=$?
	[ -z "$out" ] || echo "$out"
	[ $rc = 0 ] || { echo "reason: build failed"; return 1; }
	n=$(grep -ci 'warning:' <<<"$out") || true
	[ "$n" = 0 ] || { echo "reason: $n warning(s)"; return 1; }
	if grep -q '^config GPIO_RPMSG$' "$WD/src/drivers/gpio/Kconfig"; then
		[ -f "$obj/drivers/gpio/gpio-rpmsg.o" ] ||
			{ echo "reason: gpio-rpmsg.o not built"; return 1; }
	fi
}

# W=1 build of drivers/gpio/, drivers/rpmsg/ and the directory of every
# other C file the series touches (drivers/remoteproc/ ...) at the base and at every
# patch (bisectability), once per config; the three gates share one walk
# over the commits so every commit is checked out once.
BUILD_CFGS=(gcc clang x86)

# What of a commit's tree the builds can read: all of it but the
# documentation, MAINTAINERS and the device trees. Commits that only change
# those (bindings, docs, dts) share the verdict of the commit before them.
build_tree() {
	git -C "$WD/src" ls-tree -r "$1" |
		grep -v -E '	(Documentation/|MAINTAINERS$|arch/[^/]+/boot/dts/)' |
		sha256sum | cut -c1-40
}

build_walk() {
	local c cfg key tr t0 res
	for cfg in "${BUILD_CFGS[@]}"; do
		: > "$WD/walk-$cfg.log"; rm -f "$WD/time-$cfg"
		echo 0 > "$WD/time-$cfg"; : > "$WD/bad-$cfg"
	done
	for c in "$BASE_COMMIT" "${COMMITS[@]}"; do
		tr=$(build_tree "$c")
		for cfg in "${BUILD_CFGS[@]}"; do
			key=$( { echo "$tr $cfg $GATE_HASH ${BUILD_DIRS[*]}"; fragment "$cfg";
				 mkargs "$cfg"; compiler_version "$cfg"; } | sha256sum | cut -c1-16)
			{ echo "=== $(label "$c") $(subject "$c")"; echo "build inputs $tr key $key"; } >> "$WD/walk-$cfg.log"
			if [ -z "${CHECK_FORCE:-}" ] && [ -e "$WD/ok/$key" ]; then
				echo "clean before (cached)" >> "$WD/walk-$cfg.log"
				continue
			fi
			t0=$SECONDS
			if res=$(build_commit "$cfg" "$c" 2>&1); then
				touch "$WD/ok/$key"
				echo "$res" >> "$WD/walk-$cfg.log"
			else
				echo "$res" >> "$WD/walk-$cfg.log"
				echo "$(label "$c"): ${res##*reason: }" >> "$WD/bad-$cfg"
			fi
			echo $(( $(cat "$WD/time-$cfg") + SECONDS - t0 )) > "$WD/time-$cfg"
		done
	done
	at_commit "$HEAD"
}

build_gate() {		# $1 = cfg: verdict of the walk
	local n
	cat "$WD/walk-$1.log"
	log "build-$1: $((${#COMMITS[@]} + 1)) commits, $(cat "$WD/time-$1") s of building"
	n=$(wc -l < "$WD/bad-$1")
	[ "$n" = 0 ] || fail "$n commit(s) bad, first $(head -n 1 "$WD/bad-$1")"
}
gate_build_gcc() { need "${CROSS_COMPILE}gcc"; build_gate gcc; }
gate_build_clang() { need "clang$LLVM_SUFFIX"; build_gate clang; }
gate_build_x86() { need gcc; build_gate x86; }

# The kernel C files the series adds or changes.
touched_objs() {
	touched AM | grep -E '^(drivers|kernel|lib)/.*\.c$' | sed 's/\.c$/.o/'
}
