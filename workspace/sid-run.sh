#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Run a command in the sid root (see sid-root.sh):
#
#   sid-run.sh [--bind DIR]... [--ro-bind DIR]... -- COMMAND [ARG]...
#
# Host directories given with --bind (read-write) or --ro-bind (read-only)
# appear at the same path inside the root; the command starts in the
# current directory if that is visible inside, else in /. /proc is mounted,
# /dev (with /dev/pts) bound. Everything is mounted in a private mount
# namespace (unshare -m): the mounts exist only for the command and vanish
# with it however it ends, so nothing is ever left mounted in the root and
# nothing is ever deleted here.
. "$(dirname "$0")/lib.sh"

binds=()
while [ $# -gt 0 ]; do
	case "$1" in
	--bind|--ro-bind)
		[ $# -ge 2 ] || die "$1 needs a directory"
		[ -d "$2" ] || die "$1 $2: no such directory"
		binds+=("$1" "$(realpath "$2")")
		shift 2 ;;
	--) shift; break ;;
	*) die "usage: sid-run.sh [--bind DIR]... [--ro-bind DIR]... -- COMMAND [ARG]..." ;;
	esac
done
[ $# -gt 0 ] || die "no command given"

root=$("$(dirname "$0")/sid-root.sh")

# The inner script gets: root, cwd, the bind list up to "--", the command.
exec unshare -m --propagation private -- /bin/bash -euc '
	root=$1 cwd=$2 dir=/; shift 2
	mount -t proc proc "$root/proc"
	mount --bind /dev "$root/dev"
	mount --bind /dev/pts "$root/dev/pts"
	while [ "$1" != -- ]; do
		mkdir -p "$root$2"
		mount --bind "$2" "$root$2"
		[ "$1" = --bind ] || mount -o remount,bind,ro "$root$2"
		case $cwd/ in "${2%/}"/*) dir=$cwd ;; esac
		shift 2
	done
	shift
	exec chroot "$root" /usr/bin/env -i \
		PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin \
		HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
		/bin/sh -c "cd \"\$1\" && shift && exec \"\$@\"" sh "$dir" "$@"
' sid-run "$root" "$PWD" "${binds[@]}" -- "$@"
