#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Static checks of the series (base..series, as patches.sh makes it), one
# line per gate on stdout:
#   PASS <gate>    or    FAIL <gate>: <short reason>
# (the dt gate prints the lines of workspace/check-dt.sh as they are).
# Details go to out/check/<gate>.log, timings to stderr. Exit status 1 if
# any gate failed. A gate that cannot run (tool missing, nothing to check)
# fails; none is ever skipped. Usage: check.sh [GATE...]  (default: all)
#
# Everything runs in a clone of our own ($CACHE/check/<base>/src, series
# fetched from out/linux) and on a copy of out/series, so that out/linux
# stays on "series" for whoever else uses it and a concurrent patches.sh
# cannot change the tree under a running gate. Object dirs live next to the
# clone and persist, keyed by the base commit, so warm runs are incremental.
# A commit whose build inputs were already built clean with the same
# compilers, config and gate code is not built again, and a gate that passed
# is not run again while its inputs are unchanged (CHECK_FORCE=1 redoes all).
. "$(dirname "$0")/lib.sh"
. "$TOP/workspace/identity.sh"

GATES=(checkpatch series-applies identity maintainers kernel-doc
       build-gcc build-clang build-x86 sparse coccicheck docs dt
       selftests-series verdict-parser)

JOBS=${CHECK_JOBS:-2}		# the host's 2 cores are shared
LOGS=$OUT/check
tree=$OUT/linux
export PYTHONDONTWRITEBYTECODE=1	# keep every source tree clean
export LC_ALL=C			# stable tool messages and sort order

# ---------------------------------------------------------------- setup

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

# Every gate's subshell reports why it failed through fail().
fail() { printf '%s\n' "$*" > "$LOGS/$GATE.reason"; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 not installed"; }

# Touched files (base..head), by status. Renames count as add + delete.
touched() {		# $1 = A|M|D|AM (added, modified, deleted, both)
	git -C "$WD/src" diff --no-renames --name-status "$BASE_COMMIT" "$HEAD" |
		awk -v s="$1" 'index(s, $1) { print $2 }'
}

# Multiset difference of two warning lists (lines of $1 not in $2).
# (Not NR == FNR: that is also true all through $1 when $2 is empty.)
new_lines() {
	awk 'FILENAME == ARGV[1] { seen[$0]++; next } seen[$0]-- > 0 { next } { print }' "$2" "$1"
}

# Warnings without what moves between trees: source paths and line numbers.
normalize() {		# stdin -> stdout; $@ = path prefixes to strip
	local p sedargs=()
	for p in "$@"; do sedargs+=(-e "s|$p/||g"); done
	sed -E "${sedargs[@]}" -e 's/:[0-9]+(:[0-9]+)?(-[0-9]+)?([: ])/\3/'
}

setup() {
	bash "$TOP/workspace/patches.sh" >&2 || die "workspace/patches.sh failed"
	BASE_TREE=$(bash "$TOP/workspace/base-tree.sh")
	BASE_COMMIT=$(git -C "$BASE_TREE" rev-parse HEAD)
	WD=$CACHE/check/$(echo "$BASE_COMMIT" | cut -c1-12)
	mkdir -p "$WD/ok" "$WD/pass" "$LOGS"
	# One check at a time per base: they share the clone and object dirs.
	exec 8>"$WD/.lock"
	flock 8

	# Our own clone: objects of the base from the base tree, the series
	# fetched from out/linux. Everything below reads the clone and a copy
	# of out/series, never out/linux or out/series again: someone may run
	# patches.sh meanwhile.
	if [ ! -d "$WD/src/.git" ]; then
		rm -rf "$WD/src"
		git clone -q --shared --no-checkout "$BASE_TREE" "$WD/src"
		git -C "$WD/src" checkout -q --detach "$BASE_COMMIT"
	fi
	HEAD=$(cat "$OUT/series/.head")
	git -C "$WD/src" fetch -q "$tree" series
	rm -rf "$WD/patches" && mkdir "$WD/patches"
	cp "$OUT"/series/0*.patch "$WD/patches/"
	[ "$(cat "$OUT/series/.head")" = "$HEAD" ] &&
	[ "$(git -C "$WD/src" rev-parse FETCH_HEAD)" = "$HEAD" ] ||
		die "the series changed while being copied (patches.sh running?); run again"
	[ -z "$(git -C "$WD/src" status --porcelain)" ] || git -C "$WD/src" reset -q --hard
	# The tests' own series, on top (gate selftests-series)
	ST_HEAD=$(cat "$OUT/series-selftests/.head")
	git -C "$WD/src" fetch -q "$tree" series-selftests
	rm -rf "$WD/patches-st" && mkdir "$WD/patches-st"
	cp "$OUT"/series-selftests/0*.patch "$WD/patches-st/"
	[ "$(git -C "$WD/src" rev-parse FETCH_HEAD)" = "$ST_HEAD" ] ||
		die "the selftests series changed while being copied; run again"
	mapfile -t ST_PATCHES < <(ls "$WD"/patches-st/0*.patch | grep -v '/0000-cover-letter\.patch$')

	mapfile -t COMMITS < <(git -C "$WD/src" rev-list --reverse "$BASE_COMMIT..$HEAD")
	[ ${#COMMITS[@]} -gt 0 ] || die "no commits on series"
	mapfile -t PATCHES < <(ls "$WD"/patches/0*.patch | grep -v '/0000-cover-letter\.patch$')
	[ ${#PATCHES[@]} = ${#COMMITS[@]} ] ||
		die "out/series has ${#PATCHES[@]} patches for ${#COMMITS[@]} commits"
	HEAD_TREE=$(git -C "$WD/src" rev-parse "$HEAD^{tree}")
	mapfile -t BUILD_DIRS < <( { echo drivers/gpio; echo drivers/rpmsg
		touched_objs | xargs -r -n 1 dirname; } | sort -u | sed 's|$|/|')
	# What a cached build verdict depends on besides tree and compiler.
	GATE_HASH=$(declare -f fragment mkargs kmake configure build_commit | sha256sum | cut -c1-16)
	TOOLS=$( { spatch --version; sphinx-build --version; perl -v; python3 --version
		   "${CROSS_COMPILE}gcc" --version; ls -l --time-style=+%s "$CACHE/sparse/bin/sparse"
		   ls -l --time-style=+%s /usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt
		   true; } 2>&1 | sha256sum | cut -c1-16)
}

at_commit() {		# check the build clone out at commit $1
	[ "$(git -C "$WD/src" rev-parse HEAD)" = "$1" ] && return 0
	git -C "$WD/src" checkout -q --detach "$1"
}

subject() { git -C "$WD/src" log -1 --format=%s "$1"; }
label() {		# "base" or the patch number of commit $1
	local i
	[ "$1" = "$BASE_COMMIT" ] && { echo base; return; }
	for i in "${!COMMITS[@]}"; do
		[ "${COMMITS[$i]}" = "$1" ] && { printf '%04d\n' $((i + 1)); return; }
	done
}

# ---------------------------------------------------------------- gates

# scripts/checkpatch.pl --strict (with codespell) on every patch but the
# cover letter: no error, warning or check. The only exceptions are in
# workspace/checkpatch-exceptions, one per line: "TYPE TEXT REASON...":
# a report of message type TYPE whose message contains TEXT is accepted
# because of REASON (which must be given). Nothing else is ever ignored.
gate_checkpatch() {
	at_commit "$HEAD" || fail "cannot check out the top commit"
	checkpatch_all "${PATCHES[@]}"
}
checkpatch_all() {	# PATCH...
	local ex=$TOP/workspace/checkpatch-exceptions p out left bad=0 n=0
	local dict=/usr/lib/python3/dist-packages/codespell_lib/data/dictionary.txt
	[ -f "$dict" ] || dict=/usr/share/codespell/dictionary.txt
	[ -f "$dict" ] || fail "codespell dictionary missing (install codespell)"
	[ -f "$ex" ] || fail "workspace/checkpatch-exceptions missing"
	sed 's/#.*//' "$ex" | awk 'NF && NF < 3 { exit 1 }' ||
		fail "checkpatch-exceptions: a line lacks its reason"
	for p; do
		n=$((n + 1))
		echo "=== $(basename "$p")"
		out=$(cd "$WD/src" && ./scripts/checkpatch.pl --strict --show-types \
			--codespell --codespellfile "$dict" "$p" 2>&1)
		echo "$out"
		grep -q '^total: [0-9]* errors, ' <<<"$out" || fail "checkpatch did not run on $(basename "$p")"
		# Reports ("LEVEL:TYPE: message") not covered by an exception.
		left=$(grep -E '^(ERROR|WARNING|CHECK):[A-Z0-9_]+:' <<<"$out" |
			awk 'NR == FNR { sub(/#.*/, ""); if (NF) { t[++k] = $1; m[k] = $2 } next }
			     { split($0, f, ":"); for (i = 1; i <= k; i++)
				 if (f[2] == t[i] && index($0, m[i])) next; print }' \
			<(cat "$ex") -)
		if [ -n "$left" ]; then
			echo "--- not excepted:"; echo "$left"
			bad=$((bad + 1))
		elif ! grep -q '^total: 0 errors, 0 warnings, 0 checks' <<<"$out"; then
			echo "--- all reports covered by workspace/checkpatch-exceptions"
		fi
	done
	[ $bad = 0 ] || fail "$bad of $n patches have reports"
}

# git am of out/series onto a clean base gives exactly the tree of series.
gate_series_applies() {
	local am=$WD/am got want
	if [ ! -e "$am/.git" ]; then
		rm -rf "$am"
		git -C "$WD/src" worktree prune
		git -C "$WD/src" worktree add -q --detach "$am" "$BASE_COMMIT" ||
			fail "cannot create the scratch worktree"
	fi
	git -C "$am" am --abort >/dev/null 2>&1 || true
	git -C "$am" checkout -q -f --detach "$BASE_COMMIT" && git -C "$am" clean -q -fdx ||
		fail "cannot reset the scratch worktree to the base"
	GIT_COMMITTER_NAME=check GIT_COMMITTER_EMAIL=check@invalid \
		git -C "$am" am -q --whitespace=error-all "${PATCHES[@]}" ||
		{ git -C "$am" am --abort; fail "git am failed, see log"; }
	got=$(git -C "$am" rev-parse 'HEAD^{tree}')
	want=$HEAD_TREE
	echo "tree after git am: $got; series: $want"
	[ "$got" = "$want" ] || fail "tree after git am differs from series"
	[ "$(git -C "$am" rev-list --count "$BASE_COMMIT..HEAD")" = ${#PATCHES[@]} ] ||
		fail "git am made a different number of commits"
	# And the series carries what series/*/files lists, byte for byte once
	# the identity is filled in (a file that git ignores would silently be
	# left out of its patch).
	# The n-th series directory (patches.sh's order) made the n-th commit.
	local dir list f bad=0 i=0
	for dir in "$TOP"/series/[0-9]*/; do
		list=$dir/files
		if [ -f "$list" ]; then
			for f in $(sed 's/#.*//' "$list"); do
				if [ "$(git -C "$WD/src" rev-parse -q --verify "${COMMITS[$i]}:$f")" != \
				     "$(fill_identity "$TOP/$f" | git hash-object --stdin)" ]; then
					echo "NOT IN PATCH $((i + 1)): $f (listed in series/$(basename "$dir")/files)"
					bad=$((bad + 1))
				fi
			done
		fi
		i=$((i + 1))
	done
	[ $bad = 0 ] || fail "$bad listed file(s) missing or different in the series"
}

# The tests' series (out/series-selftests/): checkpatch --strict as the
# driver series, and git am of both series on the base gives exactly the
# tree of branch series-selftests.
gate_selftests_series() {
	local am=$WD/am got
	at_commit "$ST_HEAD" || fail "cannot check out the selftests series"
	checkpatch_all "${ST_PATCHES[@]}"
	gate_series_applies >/dev/null
	GIT_COMMITTER_NAME=check GIT_COMMITTER_EMAIL=check@invalid \
		git -C "$am" am -q --whitespace=error-all "${ST_PATCHES[@]}" ||
		{ git -C "$am" am --abort; fail "git am of the selftests series failed"; }
	got=$(git -C "$am" rev-parse 'HEAD^{tree}')
	echo "tree after git am of both series: $got; series-selftests: $(git -C "$WD/src" rev-parse "$ST_HEAD^{tree}")"
	[ "$got" = "$(git -C "$WD/src" rev-parse "$ST_HEAD^{tree}")" ] ||
		fail "tree after git am differs from series-selftests"
}

# The patches name the submitter: no unfilled @SUBMITTER@ token anywhere
# in out/series (cover letter included), and the MAINTAINERS entry of the
# series lists the submitter (identity.sh). An example identity (a machine
# with no person's identity, such as CI's) is reported, not failed.
gate_identity() {
	local hits
	hits=$(cd "$WD/patches" && grep -nE "$PLACEHOLDER" 0*.patch) || true
	if [ -n "$hits" ]; then
		echo "$hits"
		fail "unfilled @SUBMITTER@ in out/series ($(wc -l <<<"$hits") lines, see log)"
	fi
	echo "submitter: $SUBMITTER"
	grep -qE "$EXAMPLE_IDENTITY" <<<"$SUBMITTER" &&
		echo "note: $SUBMITTER is an example identity: set git config" \
		     "user.name and user.email before sending the series"
	git -C "$WD/src" show "$HEAD:MAINTAINERS" | grep -xF "M:	$SUBMITTER" ||
		fail "MAINTAINERS at the top of the series has no M: line for $SUBMITTER"
}

# Which list must get a patch, from the files it touches (MAINTAINERS of
# 7.2). Every rule matching a touched file must be met by get_maintainer.pl.
lists_for() {		# $1 = path
	case $1 in
	drivers/gpio/*|include/linux/gpio/*|include/linux/gpio.h|\
	Documentation/driver-api/gpio/*|Documentation/devicetree/bindings/gpio/*)
		echo linux-gpio@vger.kernel.org ;;
	esac
	case $1 in
	drivers/rpmsg/*|include/linux/rpmsg.h|include/linux/rpmsg/*|\
	drivers/remoteproc/*|Documentation/devicetree/bindings/remoteproc/*)
		echo linux-remoteproc@vger.kernel.org ;;
	esac
	case $1 in
	Documentation/devicetree/*|arch/*/boot/dts/*|include/dt-bindings/*)
		echo devicetree@vger.kernel.org ;;
	esac
	case $1 in
	arch/arm64/boot/dts/freescale/*)
		echo imx@lists.linux.dev
		echo linux-arm-kernel@lists.infradead.org ;;
	esac
}

gate_maintainers() {
	local i c p got want w bad=0
	at_commit "$HEAD" || fail "cannot check out the top commit"
	for i in "${!COMMITS[@]}"; do
		c=${COMMITS[$i]} p=${PATCHES[$i]}
		# stderr apart: it cannot look up Fixes: commits (no history).
		got=$(cd "$WD/src" && ./scripts/get_maintainer.pl --no-git --no-git-fallback \
			--no-rolestats "$p" 2>"$WD/gm.err") ||
			{ cat "$WD/gm.err"; fail "get_maintainer.pl failed on $(basename "$p")"; }
		want=$(git -C "$WD/src" diff-tree --no-commit-id --name-only -r "$c" |
			while read -r f; do lists_for "$f"; done | sort -u)
		echo "=== $(basename "$p")"
		echo "$got" | sed 's/^/  /'
		for w in $want; do
			if grep -qiF "$w" <<<"$got"; then
				echo "ok: $w"
			else
				echo "MISSING: $w"
				bad=$((bad + 1))
			fi
		done
	done
	[ $bad = 0 ] || fail "$bad expected list(s) not named, see log"
}

# kernel-doc -Wall: new C/H files must be silent; changed ones may keep
# the warnings the base already has (compared without line numbers).
gate_kernel_doc() {
	local f n=0 new
	at_commit "$HEAD" || fail "cannot check out the top commit"
	: > "$WD/kdoc.new"
	for f in $(touched AM | grep -E '\.[ch]$'); do
		n=$((n + 1))
		(cd "$WD/src" && ./scripts/kernel-doc -none -Wall "$f") > "$WD/kdoc.top" 2>&1 ||
			fail "kernel-doc failed on $f"
		if [ -f "$BASE_TREE/$f" ]; then
			(cd "$BASE_TREE" && ./scripts/kernel-doc -none -Wall "$f") > "$WD/kdoc.base" 2>&1 ||
				fail "kernel-doc failed on base $f"
		else
			: > "$WD/kdoc.base"
		fi
		new=$(new_lines <(normalize < "$WD/kdoc.top") <(normalize < "$WD/kdoc.base"))
		echo "=== $f: $(wc -l < "$WD/kdoc.top") warnings, base $(wc -l < "$WD/kdoc.base")"
		[ -z "$new" ] || { echo "$new" | sed 's/^/NEW: /'; echo "$new" >> "$WD/kdoc.new"; }
	done
	[ $n -gt 0 ] || fail "no C/H file in the series"
	[ ! -s "$WD/kdoc.new" ] || fail "$(wc -l < "$WD/kdoc.new") new warning(s)"
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

# sparse (C=2) at the top of the series on the objects the series touches.
# Counted: warnings located in files the series adds (all of them) or
# changes (those the base does not have, compared without line numbers).
# Warnings in untouched headers are not ours and are ignored.
gate_sparse() {
	local sparse objs o base_objs f out base
	sparse=$(bash "$TOP/workspace/sparse.sh") || fail "sparse unavailable (workspace/sparse.sh)"
	mapfile -t objs < <(touched_objs)
	[ ${#objs[@]} -gt 0 ] || fail "no kernel C file in the series"
	at_commit "$HEAD" && configure gcc || fail "cannot configure the top commit"
	# Not -s: the "CHECK" lines prove sparse ran (an unusable checker makes
	# kbuild print a warning and silently check nothing).
	out=$(kmake gcc "$WD/src" C=2 CHECK="$sparse" "${objs[@]}" 2>&1) ||
		{ echo "$out"; fail "build failed"; }
	echo "$out" > "$WD/sparse.top"
	echo "$out"
	grep -q 'is not available or not up to date' <<<"$out" && fail "kbuild rejected $sparse"
	for o in "${objs[@]}"; do
		grep -qE "^ +CHECK +(.*/)?${o%.o}\.c$" <<<"$out" || fail "sparse did not check ${o%.o}.c"
	done
	# Base: same objects that exist there, in a build of the base tree.
	mapfile -t base_objs < <(for o in "${objs[@]}"; do
		[ -f "$BASE_TREE/${o%.o}.c" ] && echo "$o"; done)
	# (Its output only depends on those objects and sparse: kept.)
	base=$WD/sparse.base.$( { echo "${base_objs[*]}"; sha256sum "$sparse"; } | sha256sum | cut -c1-12)
	if [ ${#base_objs[@]} -gt 0 ] && [ ! -f "$base" ]; then
		mkdir -p "$WD/o-base"
		fragment gcc > "$WD/o-base/check.config"
		KCONFIG_ALLCONFIG="$WD/o-base/check.config" make -s -C "$BASE_TREE" O="$WD/o-base" \
			"${ARM64_MAKE[@]}" allnoconfig || fail "base allnoconfig failed"
		make -C "$BASE_TREE" O="$WD/o-base" "${ARM64_MAKE[@]}" \
			-j"$JOBS" C=2 CHECK="$sparse" "${base_objs[@]}" \
			> "$base.tmp" 2>&1 || fail "base build failed"
		mv "$base.tmp" "$base"
	fi
	[ ${#base_objs[@]} -gt 0 ] || : > "$base"
	cp "$base" "$WD/sparse.base"
	# Keep the diagnostics located in touched files, paths made relative.
	: > "$WD/sparse.new"
	for f in $(touched AM); do
		grep -E "^([^ ]*/)?$f:[0-9]+:[0-9]+: (warning|error):" "$WD/sparse.top" |
			normalize "$WD/src" "$BASE_TREE" | sed 's|^\(\.\./\)*||' > "$WD/s.top" || true
		grep -E "^([^ ]*/)?$f:[0-9]+:[0-9]+: (warning|error):" "$WD/sparse.base" |
			normalize "$WD/src" "$BASE_TREE" | sed 's|^\(\.\./\)*||' > "$WD/s.base" || true
		new_lines "$WD/s.top" "$WD/s.base" >> "$WD/sparse.new"
	done
	echo "--- counted:"; cat "$WD/sparse.new"
	[ ! -s "$WD/sparse.new" ] || fail "$(wc -l < "$WD/sparse.new") warning(s) in touched files"
}

# Coccinelle: every semantic patch of scripts/coccinelle in report mode on
# each C file the series adds, through the kernel's own scripts/coccicheck
# in its per-file mode (what "make C=2 CHECK=scripts/coccicheck" runs, with
# the include flags kbuild used for the object, taken from its .cmd file;
# calling it directly spares the run on scripts/mod/empty.c and kbuild's
# checker probe). spatch errors make coccicheck exit non-zero; V=1 makes it
# print one "Running" line per semantic patch, so a run that applied fewer
# than all of them (or none) fails too.
gate_coccicheck() {
	local files f cmd tok prev incs out runs want reports
	need spatch
	mapfile -t files < <(touched A | grep -E '\.c$')
	[ ${#files[@]} -gt 0 ] || fail "no new C file in the series"
	at_commit "$HEAD" && configure gcc || fail "cannot configure the top commit"
	kmake gcc "$WD/src" -s "${files[@]/%.c/.o}" || fail "cannot build ${files[*]}"
	want=$(grep -l 'virtual[[:space:]]\+report' $(find "$WD/src/scripts/coccinelle" -name '*.cocci') | wc -l)
	echo "spatch: $(spatch --version | head -n 1); $want semantic patches have a report mode"
	for f in "${files[@]}"; do
		cmd=$(sed -n 's/^savedcmd_[^ ]* := //p' "$WD/o-gcc/$(dirname "$f")/.$(basename "${f%.c}").o.cmd")
		[ -n "$cmd" ] || fail "no kbuild command line for $f"
		incs="" prev=""
		for tok in $cmd; do
			case $tok in
			-I?*) incs+=" $tok" ;;
			esac
			[ "$prev" = -include ] && incs+=" -include $tok"
			prev=$tok
		done
		out=$(cd "$WD/o-gcc" && env C=2 MODE=report V=1 DEBUG_FILE=/dev/null \
			srctree="$WD/src" LINUXINCLUDE="$incs" \
			bash "$WD/src/scripts/coccicheck" "$WD/src/$f" 2>&1) ||
			{ echo "$out"; fail "coccicheck failed on $f"; }
		echo "=== $f"; echo "$out"
		runs=$(grep -c "^Running (.* $WD/src/$f\$" <<<"$out") || true
		[ "$runs" = "$want" ] || fail "$f: $runs of $want semantic patches ran"
		grep -q 'Skipping coccinelle SmPL patch' <<<"$out" && fail "spatch too old for some semantic patches"
		# What is left once coccicheck's own chatter is removed is a report.
		# ("should X be a metavariable?" is spatch parsing a semantic
		# patch, the same for every file.)
		reports=$(grep -v -e '^Running (' -e '^/.*spatch .*--cocci-file' \
			-e '^warning: Skipping .* as it does not match mode' \
			-e '^warning: line [0-9]*: should .* be a metavariable?$' <<<"$out") || true
		[ -z "$reports" ] || { echo "--- reports:"; echo "$reports"; fail "$f: $(wc -l <<<"$reports") report line(s)"; }
	done
}

# Sphinx on the documentation the series touches: the directories of its
# .rst files and of .rst files pulling kernel-doc from its C/H files.
# Warnings are compared with the same build of the base tree (without
# paths and line numbers); any new one fails, "isn't included in any
# toctree" included. Every touched .rst must come out as HTML.
docs_dirs() {
	local f d
	{
		touched AM | grep -E '^Documentation/.*\.rst$' | grep -v '^Documentation/devicetree/'
		for f in $(touched AM | grep -E '\.[ch]$'); do
			git -C "$WD/src" grep -l -E "kernel-doc:: +$f" "$HEAD" -- 'Documentation/*.rst' |
				sed "s|^$HEAD:||" || true
		done
	} | while read -r f; do
		d=$(dirname "${f#Documentation/}")
		while [ "$d" != . ] && [ ! -f "$WD/src/Documentation/$d/index.rst" ]; do
			d=$(dirname "$d")
		done
		echo "$d"
	done | sort -u
}

sphinx_warnings() {	# $1 = log: Sphinx and kernel-doc diagnostics only
	grep -E 'WARNING|ERROR|CRITICAL|[Ww]arning:|[Ee]rror:' "$1" || true
}

gate_docs() {
	local dirs f html
	need sphinx-build
	at_commit "$HEAD"
	dirs=$(docs_dirs | tr '\n' ' ')
	dirs=${dirs% }
	[ -n "$dirs" ] || fail "no documentation in the series"
	[[ " $dirs " = *" . "* ]] && fail "touched .rst outside any index (would build all docs)"
	echo "SPHINXDIRS=$dirs"
	# Always from scratch: an incremental Sphinx run does not repeat the
	# warnings of documents it does not re-read.
	rm -rf "$WD/docs-top"
	make -C "$WD/src" O="$WD/docs-top" SPHINXDIRS="$dirs" htmldocs > "$WD/docs.top" 2>&1 ||
		{ cat "$WD/docs.top"; fail "htmldocs failed"; }
	cat "$WD/docs.top"
	# The base: the same directories (those it has); its result only
	# depends on them, so it is kept.
	local bdirs="" d base
	for d in $dirs; do [ -f "$BASE_TREE/Documentation/$d/index.rst" ] && bdirs+="$d "; done
	base=$WD/docs.base.$(echo "$bdirs $GATE_HASH" | sha256sum | cut -c1-12)
	if [ -n "$bdirs" ] && [ ! -f "$base" ]; then
		rm -rf "$WD/docs-base"
		make -C "$BASE_TREE" O="$WD/docs-base" SPHINXDIRS="${bdirs% }" htmldocs \
			> "$base.tmp" 2>&1 || fail "htmldocs failed on the base"
		mv "$base.tmp" "$base"
	fi
	[ -n "$bdirs" ] || : > "$base"
	cp "$base" "$WD/docs.base"
	new_lines <(sphinx_warnings "$WD/docs.top" | normalize "$WD/src" "$WD/docs-top") \
		  <(sphinx_warnings "$WD/docs.base" | normalize "$BASE_TREE" "$WD/docs-base") > "$WD/docs.new"
	echo "--- new:"; cat "$WD/docs.new"
	[ ! -s "$WD/docs.new" ] || fail "$(wc -l < "$WD/docs.new") new warning(s)"
	for f in $(touched AM | grep -E '^Documentation/.*\.rst$' | grep -v '^Documentation/devicetree/'); do
		html=$WD/docs-top/Documentation/output/${f#Documentation/}
		[ -f "${html%.rst}.html" ] || fail "no HTML for $f"
	done
}

# Device tree: workspace/check-dt.sh prints its own PASS/FAIL lines.
gate_dt() {
	[ -f "$TOP/workspace/check-dt.sh" ] || fail "workspace/check-dt.sh missing"
	at_commit "$HEAD" || fail "cannot check out the top commit"
	bash "$TOP/workspace/check-dt.sh" "$WD/src"
}

# The judge of the QEMU runs (workspace/verdict.py) against its fixture
# tests: a verdict that passes a bad run would pass everything after it.
gate_verdict_parser() {
	python3 -m unittest discover -v -s "$TOP/workspace/tests" ||
		fail "workspace/tests: the verdict parser's tests fail"
}

# ---------------------------------------------------------------- main

# A passed gate is not run again while nothing it reads has changed: the
# gate code, the tools and the gate's own inputs (the build gates keep their
# own per-commit record, see build_walk; failures are always run again).
# Patches are compared without their commit id and date, which change
# whenever patches.sh rewrites the series.
gate_inputs() {
	case $GATE in
	identity)
		cat "${PATCHES[@]}" "$TOP/workspace/identity.sh"
		git -C "$WD/src" rev-parse "$HEAD:MAINTAINERS" ;;
	checkpatch|maintainers)
		sed -E '/^From [0-9a-f]{40} /d; /^Date: /d' "${PATCHES[@]}"
		cat "$TOP/workspace/checkpatch-exceptions" 2>/dev/null
		git -C "$WD/src" rev-parse "$HEAD:MAINTAINERS" ;;
	kernel-doc)
		touched AM | grep -E '\.[ch]$' | sed "s|^|$HEAD:|" | xargs -r git -C "$WD/src" rev-parse
		git -C "$WD/src" rev-parse "$HEAD:scripts" ;;
	coccicheck)
		touched A | grep -E '\.c$' | sed "s|^|$HEAD:|" | xargs -r git -C "$WD/src" rev-parse
		git -C "$WD/src" rev-parse "$HEAD:scripts" "$HEAD:include" "$HEAD:arch/arm64/include" ;;
	verdict-parser)
		cat "$TOP/workspace/verdict.py" "$TOP/workspace/qemu.sh" \
			"$TOP"/workspace/tests/*.py "$TOP"/workspace/tests/fixtures/* ;;
	selftests-series)
		sed -E '/^From [0-9a-f]{40} /d; /^Date: /d' "${PATCHES[@]}" "${ST_PATCHES[@]}"
		cat "$TOP/workspace/checkpatch-exceptions" "$TOP"/series*/*/files 2>/dev/null ;;
	*)	echo "$HEAD_TREE"; cat "${PATCHES[@]}"; cat "$TOP"/series/*/files 2>/dev/null ;;
	esac
}
gate_key() {
	{ echo "$GATE $BASE_COMMIT $TOOLS"; sha256sum < "$0"; gate_inputs; } |
		sha256sum | cut -c1-16
}

run_gate() {		# $1 = gate name
	local rc=0 t0=$SECONDS
	GATE=$1
	rm -f "$LOGS/$GATE.reason"
	if [ "$GATE" = dt ]; then
		# Its lines are the summary; only a silent or failing run is ours.
		local out
		out=$( ( gate_dt ) 2> "$LOGS/dt.log") || rc=$?
		printf '%s\n' "$out" >> "$LOGS/dt.log"
		grep -E '^(PASS|FAIL) ' <<<"$out" || true
		if [ -f "$LOGS/dt.reason" ]; then
			echo "FAIL dt: $(cat "$LOGS/dt.reason")"
		elif ! grep -qE '^(PASS|FAIL) ' <<<"$out"; then
			echo "FAIL dt: check-dt.sh printed no verdict (rc $rc)"; rc=1
		elif [ $rc != 0 ] && ! grep -q '^FAIL ' <<<"$out"; then
			echo "FAIL dt: check-dt.sh exited $rc"
		fi
		grep -q '^FAIL ' <<<"$out" && rc=1
	elif [ -z "${CHECK_FORCE:-}" ] && [ -e "$WD/pass/$GATE-$(gate_key)" ]; then
		cp "$WD/pass/$GATE-$(gate_key)" "$LOGS/$GATE.log"
		echo "PASS $GATE"
	else
		( "gate_${GATE//-/_}" ) > "$LOGS/$GATE.log" 2>&1 || rc=$?
		case $GATE in build-*) ;; *)
			[ $rc != 0 ] || cp "$LOGS/$GATE.log" "$WD/pass/$GATE-$(gate_key)" ;;
		esac
		if [ $rc = 0 ]; then
			echo "PASS $GATE"
		elif [ -f "$LOGS/$GATE.reason" ]; then
			echo "FAIL $GATE: $(head -n 1 "$LOGS/$GATE.reason")"
		else
			echo "FAIL $GATE: exit $rc, see out/check/$GATE.log"
		fi
	fi
	log "$GATE: $((SECONDS - t0)) s"
	[ $rc = 0 ]
}

main() {
	local g failed=0 t0=$SECONDS
	[ $# -gt 0 ] || set -- "${GATES[@]}"
	for g in "$@"; do
		[[ " ${GATES[*]} " = *" $g "* ]] || die "unknown gate $g (gates: ${GATES[*]})"
	done
	setup
	if [[ " $* " = *" build-"* ]]; then
		local t1=$SECONDS
		build_walk
		log "build walk: $((SECONDS - t1)) s over $((${#COMMITS[@]} + 1)) commits (base included)"
		for g in "${BUILD_CFGS[@]}"; do
			log "  build-$g: $(cat "$WD/time-$g") s building, $(grep -c '^clean before' "$WD/walk-$g.log") commit(s) clean before"
		done
	fi
	for g in "$@"; do
		run_gate "$g" || failed=1
	done
	log "check: $((SECONDS - t0)) s"
	return $failed
}

main "$@"
