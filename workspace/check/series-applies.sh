# SPDX-License-Identifier: GPL-2.0
# Gate series-applies.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

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
