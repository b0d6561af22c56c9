# SPDX-License-Identifier: GPL-2.0
# Common settings for the workspace scripts. Source it; do not run it.
#
# Everything downloaded or built that outlives a clone lives under $CACHE
# (safe to delete at any time); everything else under $OUT in the clone.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${OUT:-$TOP/out}
CACHE=${RPMSG_GPIO_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rpmsg-gpio}
SHARED=${SHARED:-$TOP/../shared}
TARBALL=${TARBALL:-$SHARED/linux/linux-source-7.2.tar.xz}
JOBS=${JOBS:-$(( $(nproc) + 1 ))}
CROSS_COMPILE=${CROSS_COMPILE:-aarch64-linux-gnu-}
LLVM_SUFFIX=${LLVM_SUFFIX:--19}
export CCACHE_DIR=${CCACHE_DIR:-$CACHE/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}

mkdir -p "$OUT" "$CACHE"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
