# SPDX-License-Identifier: GPL-2.0
# Gate sparse.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

# sparse (C=2) at the top of the series on the objects the series touches.
# Counted: warnings located in files the series adds (all of them) or
# changes (those the base does not have, compared without line numbers).
# Warnings in untouched headers are not ours and are ignored.
gate_sparse() {
	local sparse objs o base_objs f out
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
	cached_baseline sparse "${base_objs[*]:+${base_objs[*]} $(sha256sum < "$sparse")}" \
		sparse_base "$sparse" "${base_objs[@]}"
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

# sparse_base SPARSE OBJ...: sparse's output on those objects of the base
sparse_base() {
	local sparse=$1
	shift
	mkdir -p "$WD/o-base"
	fragment gcc > "$WD/o-base/check.config"
	KCONFIG_ALLCONFIG="$WD/o-base/check.config" make -s -C "$BASE_TREE" O="$WD/o-base" \
		"${ARM64_MAKE[@]}" allnoconfig >&2 || return
	make -C "$BASE_TREE" O="$WD/o-base" "${ARM64_MAKE[@]}" \
		-j"$JOBS" C=2 CHECK="$sparse" "$@" 2>&1
}
