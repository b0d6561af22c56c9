# SPDX-License-Identifier: GPL-2.0
#
# Verbs that drive and read the simulated remote.
# Sourced by lib.sh, after lib/core.sh.
# shellcheck shell=sh

# ---------------------------------------------------------------------
# The simulator

sim_loaded() { [ -d /sys/module/$SIM_MODULE ]; }

# The simulator was created from its device tree node (guest.dtsi), which
# holds the controllers' nodes and their consumers (gpio-leds, gpio-keys,
# hogs, line names); without one (no device tree, or no_dt=1) it created
# its own device. need_dt WHAT: skip a case that needs those nodes.
sim_has_dt() {
	local d

	for d in /sys/bus/platform/drivers/rpmsg-gpio-sim/*/; do
		[ -e "${d}of_node" ] && return 0
	done
	return 1
}
need_dt() {
	sim_has_dt || skip "the simulator has no device tree node (guest.dtsi): $*"
}

# sim_load [PARAMS...]: the module's own defaults (the controllers of
# guest.dtsi, SIM_FW_DEFAULT_CONTROLLERS in sim/sim_fw.h) unless PARAMS
# say otherwise
sim_load() {
	local ko

	sim_loaded && return 0
	for ko in "$LIB_DIR/$SIM_MODULE.ko" "$LIB_DIR/sim/$SIM_MODULE.ko"; do
		[ -e "$ko" ] && { insmod "$ko" "$@"; return; }
	done
	modprobe $SIM_MODULE "$@"
}

sim_unload() {
	sim_loaded || return 0
	timeout 60 rmmod $SIM_MODULE || return 1
	! sim_loaded
}

sim_reload() {
	sim_unload && sim_load "$@"
}

# sim_ctrl_dir CTRL: the debugfs directory of controller index CTRL
sim_ctrl_dir() {
	local d

	d=$SIM_DEBUGFS/ctrl$1
	[ -d "$d" ] && echo "$d"
}

sim_line_file() {
	[ -d "$SIM_DEBUGFS/ctrl$1" ] || fail "simulator has no controller $1"
	[ -d "$SIM_DEBUGFS/ctrl$1/line$2" ] || fail "simulator controller $1 has no line $2"
	echo "$SIM_DEBUGFS/ctrl$1/line$2/$3"
}

# sim_line_read CTRL LINE FILE: print a line file of the simulator. With
# the shell's own read, not cat: a fork and an exec cost dearly in the
# guest (TCG, KASAN), and the helpers below run thousands of times.
sim_line_read() {
	local f=$SIM_DEBUGFS/ctrl$1/line$2/$3 v

	[ -e "$f" ] || sim_line_file "$1" "$2" "$3" > /dev/null
	read -r v < "$f" && echo "$v"
}

# The remote drives an input line: sim_set_input CTRL LINE 0|1
sim_set_input() {
	echo "$3" > "$(sim_line_file "$1" "$2" input)" ||
		fail "cannot set simulator input $1:$2 to $3"
}

# What Linux made the remote drive: sim_get_output CTRL LINE -> 0|1
sim_get_output() { sim_line_read "$1" "$2" output; }

# sim_get_direction CTRL LINE -> none|in|out
sim_get_direction() { sim_line_read "$1" "$2" direction; }

# sim_get_irq_type CTRL LINE -> none|edge-rising|...|level-low
sim_get_irq_type() { sim_line_read "$1" "$2" irq_type; }

sim_get_masked() { sim_line_read "$1" "$2" masked; }
sim_get_wake() { sim_line_read "$1" "$2" wake; }

sim_num_lines() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	cat "$d/num_lines"
}

# stat_value FILE NAME: the value of NAME in FILE ("name value" or
# "name: value" lines); false if there is none. In the shell, no awk
# (see sim_line_read).
stat_value() {
	local k v

	while read -r k v; do
		[ "${k%:}" = "$2" ] && { echo "$v"; return 0; }
	done < "$1"
	return 1
}

# sim_stat CTRL NAME: a counter of the controller (get_value, replies, ...)
sim_stat() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	stat_value "$d/stats" "$2" || fail "simulator has no statistic $2"
}

sim_reset_stats() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	echo 1 > "$d/reset_stats"
}

# sim_fault CTRL SPEC: e.g. "drop", "delay_ms 200", "for get_value error",
# "none" (see sim/README.md)
sim_fault() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	echo "$2" > "$d/fault" || fail "simulator refused fault '$2'"
}

# sim_fault_clear_at_exit CTRL: whatever fault a case leaves pending on
# CTRL is cleared, and the replies CTRL holds are sent, when it exits
sim_fault_clear_at_exit() {
	at_exit "echo none > $SIM_DEBUGFS/ctrl$1/fault; echo release > $SIM_DEBUGFS/ctrl$1/fault"
}

# sim_fault_all SPEC: sim_fault on every controller, e.g. "pause 3000"
# (the whole firmware stops answering), "none"
sim_fault_all() {
	local d

	for d in "$SIM_DEBUGFS"/ctrl*; do
		echo "$1" > "$d/fault" || fail "simulator refused fault '$1' on ${d##*/}"
	done
}

# sim_start_pause MS: after each (re)start of the remote (crash, stop and
# start), every controller answers nothing for MS from its first request
# on, then answers what came meanwhile in order (a GPIO service that
# starts late). Restored to 0 when the case exits.
SIM_START_PAUSE=/sys/module/$SIM_MODULE/parameters/start_pause_ms
sim_start_pause() {
	[ -w "$SIM_START_PAUSE" ] || fail "no writable $SIM_START_PAUSE"
	echo "$1" > "$SIM_START_PAUSE" || fail "cannot set start_pause_ms to $1"
	[ "$1" = 0 ] || at_exit "echo 0 > $SIM_START_PAUSE"
}

# The request log of a controller: every message Linux sent it, oldest
# first, one per line: "<command> <line> <value>" (get_value 3 0,
# set_direction 4 1, ...), "unknown_cmd <cmd> <line> <value>",
# "bad_length <bytes>"; first "overflow <n>" when n older ones are gone.
# Values: direction 1 out, 2 in; irq type 0 none, 1 rising, 2 falling,
# 3 both, 4 level-high, 8 level-low; wakeup 1 enable, 0 disable.

# sim_log CTRL: print it
sim_log() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	cat "$d/log"
}

# sim_log_clear CTRL
sim_log_clear() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	echo 1 > "$d/log" || fail "cannot clear the log of controller $1"
}

# sim_log_expect WHAT CTRL [-m REGEX] ENTRY...: the log of CTRL (only its
# entries matching REGEX, grep -E, with -m) is exactly ENTRY..., in order
# (no ENTRY: empty). E.g. sim_log_expect "gpioset" 2 "set_value 4 1"
# "set_direction 4 1"; sim_log_expect "suspend" 1 -m '^set_wakeup '
# "set_wakeup 3 1" "set_wakeup 3 0".
sim_log_expect() {
	local what=$1 ctrl=$2 re=. got want e

	shift 2
	if [ "${1:-}" = -m ]; then
		re=$2
		shift 2
	fi
	got=$(sim_log "$ctrl" | grep -E "$re" | tr '\n' ';')
	want=
	for e; do
		want="$want$e;"
	done
	[ "$got" = "$want" ] && return 0
	# A storm logs thousands of entries: say how many, show the first
	[ ${#got} -le 300 ] ||
		got="$(echo "$got" | tr ';' '\n' |
			grep -c .) entries: $(echo "$got" | cut -c1-200)..."
	fail "$what: the remote (controller $ctrl) was sent '$got', expected '$want'"
}

# sim_log_wait CTRL REGEX [TIMEOUT_S]: wait until an entry of the log of
# CTRL matches REGEX (default 5 s)
sim_log_wait() {
	wait_for "sim_log $1 | grep -Eq '$2'" "${3:-5}"
}

# The remote as a whole (see sim/README.md): sim_ctl FILE [VALUE]
# e.g. sim_ctl announce rpmsg-io-9, sim_ctl withdraw rpmsg-io-1,
# sim_ctl crash, sim_ctl detach, sim_ctl stop, sim_ctl start
sim_ctl() {
	echo "${2:-1}" > "$SIM_DEBUGFS/$1" || fail "simulator refused $1 ${2:-}"
}

# sim_global_stat NAME: kicks, from_linux, to_linux, no_peer, crashes, ...
sim_global_stat() {
	stat_value "$SIM_DEBUGFS/stats" "$1" || fail "simulator has no statistic $1"
}

# sim_input_after CTRL LINE LEVEL MS: the remote's input goes to LEVEL MS
# ms from now, by a timer of the simulator's (runs while tasks are frozen)
sim_input_after() {
	echo "$3 $4" > "$(sim_line_file "$1" "$2" input_after)" ||
		fail "simulator refused input_after $3 $4 on $1:$2"
}
