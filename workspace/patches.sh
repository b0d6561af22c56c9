#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Turn series/ into commits on the base tree (out/linux, branch "series")
# and into a git-am-able patch series with cover letter (out/series/).
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
	   find series -type f | LC_ALL=C sort | xargs sha256sum;
	   for f in series/*/files; do
		[ -f "$f" ] && sed 's/#.*//' "$f" | xargs -r sha256sum
	   done; } | sha256sum | cut -c1-16)
if [ -f "$OUT/series/.stamp" ] && [ "$(cat "$OUT/series/.stamp")" = "$stamp" ] &&
   [ "$(git -C "$tree" rev-parse -q --verify series 2>/dev/null)" = "$(cat "$OUT/series/.head")" ]; then
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
for dir in "$TOP"/series/[0-9]*/; do
	p=$(basename "$dir")
	[ -f "$dir/message" ] || die "$p: no message"
	if [ -f "$dir/files" ]; then
		sed 's/#.*//' "$dir/files" | while read -r f; do
			[ -n "$f" ] || continue
			[ -f "$TOP/$f" ] || die "$p: listed file $f missing"
			mkdir -p "$(dirname "$tree/$f")"
			fill_identity "$TOP/$f" > "$tree/$f"
			chmod 0644 "$tree/$f"
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

# Cover letter: first paragraph of series/cover-letter is the subject.
git -C "$tree" config branch.series.description "$(cat "$TOP/series/cover-letter")"
rm -rf "$OUT/series" && mkdir -p "$OUT/series"
git -C "$tree" format-patch -q --cover-letter --cover-from-description=subject \
	--base="$base_commit" --thread=shallow -o "$OUT/series" "$base_commit..series"
echo "$stamp" > "$OUT/series/.stamp"
git -C "$tree" rev-parse series > "$OUT/series/.head"
log "wrote $(ls "$OUT/series" | grep -c '\.patch$') files to $OUT/series"
