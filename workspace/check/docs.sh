# SPDX-License-Identifier: GPL-2.0
# Gate docs.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

# Sphinx on the documentation the series touches: the directories of its
# .rst files and of .rst files pulling kernel-doc from its C/H files.
# Warnings are compared with the same build of the base tree (without
# paths and line numbers); any new one fails, "isn't included in any
# toctree" included. Every touched .rst must come out as HTML.
docs_dirs() {
	local f d
	{
		touched AM | grep -E '^Documentation/.*\.rst$' | grep -v '^Documentation/devicetree/'
		for f in $(touched AM | grep -E '\.[ch]$'); do
			git -C "$WD/src" grep -l -E "kernel-doc:: +$f" "$HEAD" -- 'Documentation/*.rst' |
				sed "s|^$HEAD:||" || true
		done
	} | while read -r f; do
		d=$(dirname "${f#Documentation/}")
		while [ "$d" != . ] && [ ! -f "$WD/src/Documentation/$d/index.rst" ]; do
			d=$(dirname "$d")
		done
		echo "$d"
	done | sort -u
}

sphinx_warnings() {	# $1 = log: Sphinx and kernel-doc diagnostics only
	grep -E 'WARNING|ERROR|CRITICAL|[Ww]arning:|[Ee]rror:' "$1" || true
}

gate_docs() {
	local dirs f html
	need sphinx-build
	at_commit "$HEAD"
	dirs=$(docs_dirs | tr '\n' ' ')
	dirs=${dirs% }
	[ -n "$dirs" ] || fail "no documentation in the series"
	[[ " $dirs " = *" . "* ]] && fail "touched .rst outside any index (would build all docs)"
	echo "SPHINXDIRS=$dirs"
	# Always from scratch: an incremental Sphinx run does not repeat the
	# warnings of documents it does not re-read.
	rm -rf "$WD/docs-top"
	make -C "$WD/src" O="$WD/docs-top" SPHINXDIRS="$dirs" htmldocs > "$WD/docs.top" 2>&1 ||
		{ cat "$WD/docs.top"; fail "htmldocs failed"; }
	cat "$WD/docs.top"
	# The base: the same directories (those it has); its result only
	# depends on them, so it is kept.
	local bdirs="" d
	for d in $dirs; do [ -f "$BASE_TREE/Documentation/$d/index.rst" ] && bdirs+="$d "; done
	cached_baseline docs "${bdirs:+$bdirs $GATE_HASH}" docs_base "${bdirs% }"
	new_lines <(sphinx_warnings "$WD/docs.top" | normalize "$WD/src" "$WD/docs-top") \
		  <(sphinx_warnings "$WD/docs.base" | normalize "$BASE_TREE" "$WD/docs-base") > "$WD/docs.new"
	echo "--- new:"; cat "$WD/docs.new"
	[ ! -s "$WD/docs.new" ] || fail "$(wc -l < "$WD/docs.new") new warning(s)"
	for f in $(touched AM | grep -E '^Documentation/.*\.rst$' | grep -v '^Documentation/devicetree/'); do
		html=$WD/docs-top/Documentation/output/${f#Documentation/}
		[ -f "${html%.rst}.html" ] || fail "no HTML for $f"
	done
}

# docs_base DIRS: htmldocs of those directories of the base tree
docs_base() {
	rm -rf "$WD/docs-base"
	make -C "$BASE_TREE" O="$WD/docs-base" SPHINXDIRS="$1" htmldocs 2>&1
}
