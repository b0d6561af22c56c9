# SPDX-License-Identifier: GPL-2.0
# Gate identity.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

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

inputs_identity() {
	cat "${PATCHES[@]}" "$TOP/workspace/identity.sh"
	git -C "$WD/src" rev-parse "$HEAD:MAINTAINERS"
}
