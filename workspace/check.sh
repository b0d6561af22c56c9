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

# The shared parts, then one file per gate (build.sh: the three build
# gates), each defining gate_NAME and, if its inputs are its own,
# inputs_NAME (see gate_inputs)
CHECK_DIR=$TOP/workspace/check
# shellcheck source=check/lib.sh
. "$CHECK_DIR/lib.sh"
for f in "$CHECK_DIR"/*.sh; do
	[ "$f" = "$CHECK_DIR/lib.sh" ] || . "$f"
done

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
