# SPDX-License-Identifier: GPL-2.0
# Gate coccicheck.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

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

inputs_coccicheck() {
	touched A | grep -E '\.c$' | sed "s|^|$HEAD:|" | xargs -r git -C "$WD/src" rev-parse
	git -C "$WD/src" rev-parse "$HEAD:scripts" "$HEAD:include" "$HEAD:arch/arm64/include"
}
