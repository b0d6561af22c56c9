# SPDX-License-Identifier: GPL-2.0
# What every gate shares: settings, fail(), the clone of the series
# (setup), the comparison with the base tree, and the cache of passed
# gates (run_gate).
# Sourced by workspace/check.sh.
# shellcheck shell=bash

JOBS=${CHECK_JOBS:-2}		# the host's 2 cores are shared
LOGS=$OUT/check
tree=$OUT/linux
export PYTHONDONTWRITEBYTECODE=1	# keep every source tree clean
export LC_ALL=C			# stable tool messages and sort order

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

# cached_baseline NAME KEY PRODUCE...: $WD/NAME.base is the output of
# the command PRODUCE... on the base tree, made once per KEY and kept (its
# stderr goes to the gate's log); with an empty KEY (nothing of it on the
# base) it is empty. The gates compare the series' warnings with it.
cached_baseline() {
	local name=$1 key=$2 cache
	shift 2
	if [ -z "$key" ]; then
		: > "$WD/$name.base"
		return
	fi
	cache=$WD/$name.base.$(echo "$key" | sha256sum | cut -c1-12)
	if [ ! -f "$cache" ]; then
		"$@" > "$cache.tmp" || fail "$name: the run on the base tree failed"
		mv "$cache.tmp" "$cache"
	fi
	cp "$cache" "$WD/$name.base"
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

# ---------------------------------------------------------------- main

# A passed gate is not run again while nothing it reads has changed: the
# gate code, the tools and the gate's own inputs (the build gates keep their
# own per-commit record, see build_walk; failures are always run again).
# Patches are compared without their commit id and date, which change
# whenever patches.sh rewrites the series.
gate_inputs() {
	local own=inputs_${GATE//-/_}
	if declare -F "$own" >/dev/null; then
		"$own"
	else
		echo "$HEAD_TREE"; cat "${PATCHES[@]}"; cat "$TOP"/series/*/files 2>/dev/null
	fi
}
# The patches as checkpatch reads them (for the gates that only read them)
patches_text() {
	sed -E '/^From [0-9a-f]{40} /d; /^Date: /d' "$@"
}
gate_key() {
	{ echo "$GATE $BASE_COMMIT $TOOLS"; cat "$0" "$CHECK_DIR"/*.sh | sha256sum
	  gate_inputs; } |
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
