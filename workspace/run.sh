#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run.sh run           build, boot the guest, narrated demo, power off
# run.sh shell         the same guest with an interactive shell
# run.sh test CASE...  run guest test cases, exit with their status
# FLAVOUR=module uses the kernel with the driver built as a module.
. "$(dirname "$0")/lib.sh"

mode=$1; shift
flavour=${FLAVOUR:-builtin}
obj=$(bash "$TOP/workspace/kernels.sh" "$flavour" | awk '{print $2}')
cases=()
for c in "$@"; do cases+=("$(realpath "$c")"); done
exec bash "$TOP/workspace/qemu.sh" "$mode" "$obj" "${cases[@]}"
