#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# make mutants: apply each mutation of workspace/mutants.txt to the driver
# (or to the file it names) in a scratch clone and run the case that must catch it on the built-in
# test kernel. Prints "CAUGHT name by case: <first failure>" or
# "SURVIVED name"; ends like make test. MUTANTS=name,name runs a subset.
. "$(dirname "$0")/lib.sh"
set +e

pass=0 fail=0
casedir=tools/testing/selftests/drivers/gpio/rpmsg/cases
mkdir -p "$OUT/mutants"
while IFS=$'\t' read -r name case subst file; do
	case $name in ''|'#'*) continue ;; esac
	[ -z "${MUTANTS:-}" ] || [[ ",$MUTANTS," == *",$name,"* ]] || continue
	scratch=$OUT/mutants/$name
	rm -rf "$scratch"
	git clone -q "$TOP" "$scratch" || die "cannot clone $TOP"
	perl -0pi -e "$subst" "$scratch/${file:-drivers/gpio/gpio-rpmsg.c}"
	if git -C "$scratch" diff --quiet; then
		echo "FAIL $name: the mutation no longer applies"
		fail=$((fail + 1)); continue
	fi
	git -C "$scratch" diff > "$OUT/mutants/$name.diff"
	log "mutant $name: running $case"
	make -C "$scratch" qemu-test T="$casedir/$case.sh" \
		> "$OUT/mutants/$name.log" 2>&1
	status=$?
	why=$(grep -m1 -E '^# (FAIL|not ok)|^not ok' "$OUT/mutants/$name.log")
	if [ "$status" -ne 0 ] && [ -n "$why" ]; then
		echo "PASS CAUGHT $name by $case: $why"; pass=$((pass + 1))
	elif [ "$status" -ne 0 ]; then
		echo "FAIL $name: $case failed without a case failure (build?), see $OUT/mutants/$name.log"
		fail=$((fail + 1))
	else
		echo "FAIL SURVIVED $name: $case passed"; fail=$((fail + 1))
	fi
done < "$TOP/workspace/mutants.txt"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
