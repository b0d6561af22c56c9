# SPDX-License-Identifier: GPL-2.0
# Gate selftests-series.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

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

inputs_selftests_series() {
	patches_text "${PATCHES[@]}" "${ST_PATCHES[@]}"
	cat "$TOP/workspace/checkpatch-exceptions" "$TOP"/series*/*/files 2>/dev/null
}
