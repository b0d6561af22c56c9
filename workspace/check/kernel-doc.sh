# SPDX-License-Identifier: GPL-2.0
# Gate kernel-doc.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

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

inputs_kernel_doc() {
	touched AM | grep -E '\.[ch]$' | sed "s|^|$HEAD:|" | xargs -r git -C "$WD/src" rev-parse
	git -C "$WD/src" rev-parse "$HEAD:scripts"
}
