# SPDX-License-Identifier: GPL-2.0
# Gate dt.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

# Device tree: workspace/check-dt.sh prints its own PASS/FAIL lines.
gate_dt() {
	[ -f "$TOP/workspace/check-dt.sh" ] || fail "workspace/check-dt.sh missing"
	at_commit "$HEAD" || fail "cannot check out the top commit"
	bash "$TOP/workspace/check-dt.sh" "$WD/src"
}
