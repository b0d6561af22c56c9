#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Turn series/ into commits on the base tree (out/linux, branch "series")
# and into a git-am-able patch series with cover letter (out/series/);
# then series-selftests/, the tests sent as their own series, into branch
# "series-selftests" on top of it and out/series-selftests/.
#
# Author, Signed-off-by and every @SUBMITTER@ in the listed files and diffs
# (MODULE_AUTHOR, MAINTAINERS, the binding's maintainers) come from the git
# identity of this repository (git config user.name / user.email), as they
# would for any submitter: see identity.sh.
. "$(dirname "$0")/lib.sh"
. "$TOP/workspace/identity.sh"

base=$(bash "$TOP/workspace/base-tree.sh")
base_commit=$(git -C "$base" rev-parse HEAD)
tree=$OUT/linux

# The series content, the identity and the way it is filled in decide
# whether anything must be redone.
stamp=$( { echo "$base_commit $SUBMITTER"; cd "$TOP" &&
	   sha256sum workspace/patches.sh workspace/identity.sh;
	   find series series-selftests -type f | LC_ALL=C sort | xargs sha256sum;
	   for f in series/*/files series-selftests/*/files; do
		[ -f "$f" ] && sed 's/#.*//' "$f" | xargs -r sha256sum
	   done; } | sha256sum | cut -c1-16)
if [ -f "$OUT/series/.stamp" ] && [ "$(cat "$OUT/series/.stamp")" = "$stamp" ] &&
   [ "$(git -C "$tree" rev-parse -q --verify series 2>/dev/null)" = "$(cat "$OUT/series/.head")" ] &&
   [ "$(git -C "$tree" rev-parse -q --verify series-selftests 2>/dev/null)" = \
     "$(cat "$OUT/series-selftests/.head" 2>/dev/null)" ]; then
	log "series up to date ($OUT/series)"
	exit 0
fi

if [ ! -d "$tree/.git" ]; then
	log "cloning the base tree into $tree"
	git clone -q --shared --no-checkout "$base" "$tree"
fi
git -C "$tree" fetch -q "$base" "$base_commit"
git -C "$tree" checkout -q -f -B series "$base_commit"
git -C "$tree" clean -q -fdx

export GIT_AUTHOR_NAME=$name GIT_AUTHOR_EMAIL=$email
export GIT_COMMITTER_NAME=$name GIT_COMMITTER_EMAIL=$email

# commit_dirs SRC: one commit per SRC/NN-slug/ on the checked-out branch
commit_dirs() {
	local dir p d f
	for dir in "$TOP/$1"/[0-9]*/; do
		p=$(basename "$dir")
		[ -f "$dir/message" ] || die "$p: no message"
		if [ -f "$dir/files" ]; then
			sed 's/#.*//' "$dir/files" | while read -r f; do
				[ -n "$f" ] || continue
				[ -f "$TOP/$f" ] || die "$p: listed file $f missing"
				mkdir -p "$(dirname "$tree/$f")"
				fill_identity "$TOP/$f" > "$tree/$f"
				# Scripts the kselftest runner executes keep their x bit
				if [ -x "$TOP/$f" ] && [[ $f = tools/testing/selftests/* ]]; then
					chmod 0755 "$tree/$f"
				else
					chmod 0644 "$tree/$f"
				fi
			done
		fi
		for d in "$dir"/*.diff; do
			[ -e "$d" ] || continue
			fill_identity "$d" | git -C "$tree" apply --whitespace=error-all - ||
				die "$p: $(basename "$d") does not apply"
		done
		git -C "$tree" add -A -f
		git -C "$tree" diff --cached --quiet && die "$p: empty patch"
		git -C "$tree" commit -q -s --no-verify -F "$dir/message"
	done
}

# format_series SRC FROM BRANCH: out/SRC/, the commits FROM..BRANCH with
# SRC/cover-letter (its first paragraph is the subject)
format_series() {
	git -C "$tree" config "branch.$3.description" "$(cat "$TOP/$1/cover-letter")"
	rm -rf "${OUT:?}/$1" && mkdir -p "$OUT/$1"
	git -C "$tree" format-patch -q --cover-letter --cover-from-description=subject \
		--base="$base_commit" --thread=shallow -o "$OUT/$1" "$2..$3"
	echo "$stamp" > "$OUT/$1/.stamp"
	git -C "$tree" rev-parse "$3" > "$OUT/$1/.head"
	log "wrote $(ls "$OUT/$1" | grep -c '\.patch$') files to $OUT/$1"
}

commit_dirs series
git -C "$tree" checkout -q -B series-selftests series
commit_dirs series-selftests
format_series series "$base_commit" series
# With --base, the second series names the first as its prerequisite
format_series series-selftests series series-selftests
