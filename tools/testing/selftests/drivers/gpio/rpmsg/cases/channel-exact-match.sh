#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Prefix matching is opt-in: rpmsg_chrdev, which matches "rpmsg-raw"
# exactly, binds rpmsg-raw and not rpmsg-raw2 (neither does gpio_rpmsg).
. "$(dirname "$0")/../lib.sh"

sim_loaded || fail "simulator not loaded"
[ -e /sys/bus/rpmsg/drivers/rpmsg_chrdev ] || skip "no rpmsg_char (CONFIG_RPMSG_CHAR)"
drv_name() { basename "$(readlink "$1/driver")"; }
sim_ctl announce rpmsg-raw2
sim_ctl announce rpmsg-raw
wait_for "rpmsg_dev rpmsg-raw2" 10 || fail "no rpmsg device for rpmsg-raw2"
wait_for "rpmsg_dev rpmsg-raw" 10 || fail "no rpmsg device for rpmsg-raw"
raw=$(rpmsg_dev rpmsg-raw)
raw2=$(rpmsg_dev rpmsg-raw2)
wait_for "[ -e '$raw/driver' ]" 10 || fail "rpmsg-raw is bound to no driver"
expect "driver of rpmsg-raw" "$(drv_name "$raw")" rpmsg_chrdev
sleep 1
[ ! -e "$raw2/driver" ] || fail "rpmsg-raw2 bound to $(drv_name "$raw2")"
sim_ctl withdraw rpmsg-raw
sim_ctl withdraw rpmsg-raw2
wait_for "! rpmsg_dev rpmsg-raw" 10 || fail "rpmsg-raw still there after withdraw"
wait_for "! rpmsg_dev rpmsg-raw2" 10 || fail "rpmsg-raw2 still there after withdraw"
msg "rpmsg-raw -> rpmsg_chrdev, rpmsg-raw2 -> none"
