# SPDX-License-Identifier: GPL-2.0
# A private apt client on the host's Debian mirror: its own sources list,
# state and cache under one directory; the host's apt setup is never
# touched. Source it (after lib.sh), then:
#
#   apt_private DIR ARCH "SUITE..." ["deb deb-src"]
#                                     set up DIR, read the package lists
#                                     (again when older than a week, or
#                                     when the mirror or suites changed);
#                                     binary lists only by default
#   apt_private_get DIR ARCH DEST PKG[=VERSION]...
#                                     download those .debs into DEST
#   apt_private_source DIR ARCH DEST PKG
#                                     fetch and unpack that source
#                                     package into DEST (deb-src lists)
#
# APT_PRIVATE_REFRESH=1 reads the lists again now.

apt_private_opts() {	# DIR ARCH
	APT_OPTS=(
		-o Dir::Etc::SourceList="$1/sources.list"
		-o Dir::Etc::SourceParts=/dev/null
		-o Dir::Etc::Preferences=/dev/null
		-o Dir::Etc::PreferencesParts=/dev/null
		-o Dir::State="$1/state"
		-o Dir::State::Lists="$1/lists"
		-o Dir::State::status="$1/state/status"
		-o Dir::Cache="$1/cache"
		-o Dir::Cache::pkgcache="$1/cache/pkgcache.bin"
		-o Dir::Cache::srcpkgcache="$1/cache/srcpkgcache.bin"
		-o Dir::Cache::archives="$1/archives"
		-o APT::Architecture="$2"
		-o APT::Architectures::="$2"
		-o APT::Sandbox::User=root
		-o Acquire::Check-Valid-Until=false
		-o Acquire::Languages=none
		-o Debug::NoLocking=1
		-q
	)
}

apt_private() {		# DIR ARCH SUITES [TYPES]
	local dir=$1 mirror suite type
	mkdir -p "$dir"/{state,lists/partial,cache,archives/partial}
	touch "$dir/state/status"
	apt_private_opts "$1" "$2"
	mirror=$(host_mirror)
	[ -n "$mirror" ] || die "no Debian mirror in /etc/apt/sources.list.d/*.sources"
	for suite in $3; do
		for type in ${4:-deb}; do
			printf '%s [arch=%s signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s %s main\n' \
				"$type" "$2" "$mirror" "$suite"
		done
	done > "$dir/sources.list.new"
	if ! cmp -s "$dir/sources.list.new" "$dir/sources.list"; then
		mv "$dir/sources.list.new" "$dir/sources.list"
		rm -f "$dir/lists/"*Packages* "$dir/lists/"*Release* "$dir/updated"
	else
		rm -f "$dir/sources.list.new"
	fi
	if [ "${APT_PRIVATE_REFRESH:-0}" = 1 ] || [ ! -e "$dir/updated" ] ||
	   [ -n "$(find "$dir/updated" -mtime +7)" ]; then
		log "reading the $2 package lists of $3"
		if apt-get "${APT_OPTS[@]}" update > "$dir/update.log" 2>&1; then
			touch "$dir/updated"
		elif [ -e "$dir/updated" ]; then
			log "apt-get update failed, using the old lists"
		else
			cat "$dir/update.log" >&2
			die "apt-get update failed"
		fi
	fi
}

apt_private_get() {	# DIR ARCH DEST PKG...
	local dir=$1 arch=$2 dest=$3
	shift 3
	apt_private_opts "$dir" "$arch"
	mkdir -p "$dest"
	(cd "$dest" && apt-get "${APT_OPTS[@]}" download "$@") > "$dir/download.log" 2>&1 ||
		{ cat "$dir/download.log" >&2; die "apt-get download $* failed"; }
}

apt_private_source() {	# DIR ARCH DEST PKG
	local dir=$1 arch=$2 dest=$3
	shift 3
	apt_private_opts "$dir" "$arch"
	mkdir -p "$dest"
	(cd "$dest" && apt-get "${APT_OPTS[@]}" source "$@") > "$dir/source.log" 2>&1 ||
		{ cat "$dir/source.log" >&2; die "apt-get source $* failed"; }
}
