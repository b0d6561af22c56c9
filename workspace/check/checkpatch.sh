# SPDX-License-Identifier: GPL-2.0
# Gate checkpatch; checkpatch_all, which selftests-series uses too.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

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

inputs_checkpatch() {
	patches_text "${PATCHES[@]}"
	cat "$TOP/workspace/checkpatch-exceptions" 2>/dev/null
	git -C "$WD/src" rev-parse "$HEAD:MAINTAINERS"
}
