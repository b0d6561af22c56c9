# SPDX-License-Identifier: GPL-2.0
#
# Verbs for the rpmsg GPIO selftest cases. Source it: . "$DIR/lib.sh"
#
# The simulated remote (rpmsg_gpio_sim.ko) is driven through debugfs,
# described in sim/README.md:
#   <debugfs>/rpmsg-gpio-sim/{announce,withdraw,crash,detach,stop,start,
#       stats,channels}
#   <debugfs>/rpmsg-gpio-sim/ctrl<N>/{num_lines,stats,lines,fault,
#       reset_stats,line<M>/{input,output,direction,irq_type,masked,wake}}
# The Linux side is looked at with the libgpiod v2 tools and sysfs.
# A case exits 0 on success, through fail (1) or skip (4) otherwise.

LIB_DIR=$(cd "$(dirname "$0")" && pwd)
[ -e "$LIB_DIR/lib.sh" ] || LIB_DIR=$(cd "$LIB_DIR/.." && pwd)
SIM_MODULE=rpmsg_gpio_sim
SIM_DEBUGFS=/sys/kernel/debug/rpmsg-gpio-sim

msg() { echo "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*" >&2; exit 4; }

# wait_for COMMAND TIMEOUT_S: run COMMAND (eval'd) until it succeeds,
# every 0.1 s; false if it still fails after TIMEOUT_S seconds.
wait_for() {
	local end=$(($(date +%s) + $2))

	until eval "$1" >/dev/null 2>&1; do
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.1
	done
	return 0
}

# expect WHAT GOT WANT: fail unless GOT equals WANT.
expect() {
	[ "$2" = "$3" ] || fail "$1: got '$2', expected '$3'"
}

# ---------------------------------------------------------------------
# The simulator

sim_loaded() { [ -d /sys/module/$SIM_MODULE ]; }

# sim_load [PARAMS...]: default controllers=0:32,1:20,2:8
sim_load() {
	local ko

	sim_loaded && return 0
	[ $# -gt 0 ] || set -- "controllers=0:32,1:20,2:8"
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
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	[ -d "$d/line$2" ] || fail "simulator controller $1 has no line $2"
	echo "$d/line$2/$3"
}

# The remote drives an input line: sim_set_input CTRL LINE 0|1
sim_set_input() {
	echo "$3" > "$(sim_line_file "$1" "$2" input)" ||
		fail "cannot set simulator input $1:$2 to $3"
}

# What Linux made the remote drive: sim_get_output CTRL LINE -> 0|1
sim_get_output() { cat "$(sim_line_file "$1" "$2" output)"; }

# sim_get_direction CTRL LINE -> none|in|out
sim_get_direction() { cat "$(sim_line_file "$1" "$2" direction)"; }

# sim_get_irq_type CTRL LINE -> none|edge-rising|...|level-low
sim_get_irq_type() { cat "$(sim_line_file "$1" "$2" irq_type)"; }

sim_get_masked() { cat "$(sim_line_file "$1" "$2" masked)"; }
sim_get_wake() { cat "$(sim_line_file "$1" "$2" wake)"; }

sim_num_lines() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	cat "$d/num_lines"
}

# sim_stat CTRL NAME: a counter of the controller (get_value, replies, ...)
sim_stat() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	awk -v k="$2" '$1 == k { print $2; f = 1 } END { exit !f }' "$d/stats" ||
		fail "simulator has no statistic $2"
}

sim_reset_stats() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	echo 1 > "$d/reset_stats"
}

# sim_fault CTRL SPEC: e.g. "drop", "delay_ms 200", "none" (see sim/README.md)
sim_fault() {
	local d

	d=$(sim_ctrl_dir "$1") || fail "simulator has no controller $1"
	echo "$2" > "$d/fault" || fail "simulator refused fault '$2'"
}

# The remote as a whole (see sim/README.md): sim_ctl FILE [VALUE]
# e.g. sim_ctl announce rpmsg-io-9, sim_ctl withdraw rpmsg-io-1,
# sim_ctl crash, sim_ctl detach, sim_ctl stop, sim_ctl start
sim_ctl() {
	echo "${2:-1}" > "$SIM_DEBUGFS/$1" || fail "simulator refused $1 ${2:-}"
}

# sim_global_stat NAME: kicks, from_linux, to_linux, no_peer, crashes, ...
sim_global_stat() {
	awk -v k="$1" '$1 == k { print $2; f = 1 } END { exit !f }' \
		"$SIM_DEBUGFS/stats" || fail "simulator has no statistic $1"
}

# ---------------------------------------------------------------------
# The Linux side

# chip_of CTRL: the gpiochip (e.g. gpiochip3) of the channel rpmsg-io-CTRL
chip_of() {
	local d c

	for d in /sys/bus/rpmsg/devices/*.rpmsg-io-"$1".*; do
		for c in "$d"/gpiochip*; do
			[ -e "$c" ] && { basename "$c"; return 0; }
		done
	done
	# Fall back on the label, in case the chip is not the channel's child.
	gpiodetect 2>/dev/null |
		awk -v n="rpmsg-io-$1" 'index($0, n "]") || index($0, n ".") { print $1; f = 1; exit }
			END { exit !f }'
}

# chip_lines CHIP: number of lines
chip_lines() {
	gpiodetect 2>/dev/null | awk -v c="$1" '$1 == c {
		sub(/.*\(/, ""); sub(/ lines?\).*/, ""); print; f = 1 } END { exit !f }'
}

# chip_label CHIP
chip_label() {
	gpiodetect 2>/dev/null | awk -v c="$1" '$1 == c {
		sub(/^[^[]*\[/, ""); sub(/\].*/, ""); print; f = 1 } END { exit !f }'
}

# line_info CHIP LINE: gpioinfo's line, e.g. '"LED_RED" output consumer="red"'
# (gpioinfo -c CHIP LINE prints "CHIP LINE<tab>NAME<tab>ATTRIBUTES")
line_info() {
	gpioinfo -c "$1" "$2" 2>/dev/null | cut -f2- | tr -s ' \t' '  '
}

# line_name CHIP LINE: the name without quotes, "unnamed" if none
line_name() {
	gpioinfo -c "$1" "$2" 2>/dev/null |
		awk -F '\t' '{ n = $2; sub(/ +$/, "", n); gsub(/"/, "", n); print n }'
}

# line_consumer CHIP LINE: the consumer, empty if the line is free
line_consumer() {
	gpioinfo -c "$1" "$2" 2>/dev/null | sed -n 's/.*consumer="\([^"]*\)".*/\1/p'
}

# gpio_get CHIP LINE -> 0|1 (requests the line as input, then releases it)
gpio_get() { gpioget --numeric -c "$1" "$2"; }

# gpio_set CHIP LINE 0|1 (requests the line as output, sets it, releases it)
gpio_set() { gpioset -t 0 -c "$1" "$2=$3"; }

# sim_channels_up: every controller of the simulator has a gpiochip
sim_channels_up() {
	local d n

	for d in "$SIM_DEBUGFS"/ctrl*; do
		[ -d "$d" ] || continue
		n=${d##*/ctrl}
		chip_of "$n" >/dev/null || return 1
	done
	[ -n "${n:-}" ]
}

# need_chip CTRL: print the gpiochip of controller CTRL, or fail
need_chip() {
	local c

	sim_loaded || fail "simulator not loaded"
	wait_for "chip_of $1" 10 || fail "no gpiochip for rpmsg-io-$1"
	c=$(chip_of "$1")
	echo "$c"
}

# input_dev NAME: the /dev/input/eventN of the input device called NAME
# (rpmsg-keys: the gpio-keys node of guest.dtsi)
input_dev() {
	local e

	for e in /sys/class/input/event*; do
		[ "$(cat "$e/device/name" 2>/dev/null)" = "$1" ] &&
			{ echo "/dev/input/${e##*/}"; return 0; }
	done
	return 1
}
