# SPDX-License-Identifier: GPL-2.0
#
# Verbs of the Linux side: gpiochips and lines, the driver, message
# counts, interrupts and consumers, wake keys.
# Sourced by lib.sh, after lib/core.sh.
# shellcheck shell=sh

# ---------------------------------------------------------------------
# The Linux side

# chip_of CTRL: the gpiochip (e.g. gpiochip3) of the channel rpmsg-io-CTRL
chip_of() {
	local d c

	for d in /sys/bus/rpmsg/devices/*.rpmsg-io-"$1".*; do
		for c in "$d"/gpiochip*; do
			[ -e "$c" ] && { echo "${c##*/}"; return 0; }
		done
	done
	# Fall back on the label, in case the chip is not the channel's child.
	gpiodetect 2>/dev/null |
		awk -v n="rpmsg-io-$1" 'index($0, n "]") || index($0, n ".") {
				print $1; f = 1; exit
			}
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

# expect_reads CTRL CHIP LINE 0|1 WHEN: the remote's input of LINE (on
# controller CTRL, chip CHIP) goes to the level, and Linux reads it; the
# check is named "CHIP line LINE WHEN"
expect_reads() {
	sim_set_input "$1" "$3" "$4"
	expect "$2 line $3 $5" "$(gpio_get "$2" "$3")" "$4"
}

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

# ---------------------------------------------------------------------
# Driver side: statistics, timeout, kernel log (fault-*, channel-*,
# crash-while-held, module-* cases)

DRV_TIMEOUT=/sys/module/gpio_rpmsg/parameters/timeout_ms

# drv_stats_file CTRL: the driver's debugfs stats of channel rpmsg-io-CTRL
drv_stats_file() {
	local f

	for f in /sys/kernel/debug/gpio-rpmsg/*.rpmsg-io-"$1".*/stats; do
		[ -e "$f" ] && { echo "$f"; return 0; }
	done
	return 1
}

# drv_stat CTRL NAME: a driver counter of rpmsg-io-CTRL (timeouts, ...)
drv_stat() {
	local f

	f=$(drv_stats_file "$1") || fail "no driver stats for rpmsg-io-$1"
	stat_value "$f" "$2" || fail "driver has no statistic $2"
}

# drv_timeout_set MS: set the driver's timeout_ms; the first call
# remembers the old value and restores it when the case exits.
drv_timeout_set() {
	[ -w "$DRV_TIMEOUT" ] || fail "no writable $DRV_TIMEOUT"
	if [ -z "${DRV_TIMEOUT_OLD:-}" ]; then
		DRV_TIMEOUT_OLD=$(cat "$DRV_TIMEOUT")
		at_exit "echo $DRV_TIMEOUT_OLD > $DRV_TIMEOUT"
	fi
	echo "$1" > "$DRV_TIMEOUT" || fail "cannot set timeout_ms to $1"
}

# kmsg_mark: remember this point of the kernel log for kmsg_since
kmsg_mark() {
	KMSG_MARK="rpmsg-gpio-mark-$$-$(date +%s)-${KMSG_N:=0}"
	KMSG_N=$((KMSG_N + 1))
	echo "$KMSG_MARK" > /dev/kmsg
}

# kmsg_since: the kernel log after the last kmsg_mark
kmsg_since() { dmesg | sed -n "/$KMSG_MARK/,\$p"; }

# expect_fail_with WHAT PATTERN COMMAND...: COMMAND must fail and print
# something matching PATTERN (grep -Ei); its output goes to $FAIL_OUT.
expect_fail_with() {
	local what=$1 pat=$2

	shift 2
	if FAIL_OUT=$("$@" 2>&1); then
		fail "$what: '$*' succeeded: $FAIL_OUT"
	fi
	echo "$FAIL_OUT" | grep -Eqi "$pat" ||
		fail "$what: '$*' failed, but not with /$pat/: $FAIL_OUT"
}

# rpmsg_dev NAME: the rpmsg bus device of channel NAME, if any
rpmsg_dev() {
	local d

	for d in /sys/bus/rpmsg/devices/*."$1".*; do
		[ -e "$d" ] && { echo "$d"; return 0; }
	done
	return 1
}

# drv_rebind CTRL: unbind gpio_rpmsg from channel rpmsg-io-CTRL and bind
# it again (a new endpoint, a new chip); the caller waits for the chip
drv_rebind() {
	local dev drv=/sys/bus/rpmsg/drivers/gpio_rpmsg

	dev=$(rpmsg_dev "rpmsg-io-$1") || fail "no rpmsg device for rpmsg-io-$1"
	echo "${dev##*/}" > $drv/unbind || fail "unbind of rpmsg-io-$1 failed"
	echo "${dev##*/}" > $drv/bind || fail "bind of rpmsg-io-$1 failed"
}

# wait_opened PID FILE: wait until process PID holds FILE open (an evread
# that has not opened its device yet would miss the first event)
wait_opened() {
	wait_for "ls -l /proc/$1/fd | grep -q ${2##*/}" 5 ||
		fail "process $1 did not open $2"
}

# ---------------------------------------------------------------------
# Message counts, interrupts and consumers (irq-*, messages-per-op,
# wakeup, led, keys, concurrent-controllers, debugfs-stats cases)

SIM_CMDS="get_direction set_direction get_value set_value set_irq_type set_wakeup"
# Every message the remote can get from Linux: the six commands, then
# what no command is (unknown_cmd) and what is no request (bad_length)
SIM_MSGS="$SIM_CMDS unknown_cmd bad_length"

# stat_words FILE NAMES [PREFIX [EXTRA]]: "name=n ..." in the order of the
# list NAMES, each n the value of PREFIXname in FILE ("name value" or
# "name: value" lines), then the words EXTRA; one awk, as a fork costs
# dearly in the guest
stat_words() {
	awk -v cmds="$2" -v pfx="${3:-}" -v extra="${4:-}" '
		{ k = $1; sub(/:$/, "", k); v[k] = $2 }
		END {
			n = split(cmds, c, " ")
			for (i = 1; i <= n; i++) {
				if (!((pfx c[i]) in v)) {
					print "no " pfx c[i] > "/dev/stderr"
					exit 1
				}
				printf "%s%s=%s", (i > 1 ? " " : ""), c[i], v[pfx c[i]]
			}
			print (extra == "" ? "" : " " extra)
		}' "$1"
}

# cmd_counts sim_stat|drv_stat CTRL [PREFIX]: the remote's (or the
# driver's) counters of controller CTRL, "cmd=n ..." in SIM_MSGS order.
# The driver sends only the six commands, each counted: its unknown_cmd
# and bad_length are 0, so that a message it did not mean to send shows
# as a difference with the remote's.
cmd_counts() {
	local f

	case $1 in
	sim_stat)
		f=$(sim_ctrl_dir "$2")/stats || fail "simulator has no controller $2"
		stat_words "$f" "$SIM_MSGS" "${3:-}" ;;
	*)
		f=$(drv_stats_file "$2") || fail "no driver stats for rpmsg-io-$2"
		stat_words "$f" "$SIM_CMDS" "${3:-}" "unknown_cmd=0 bad_length=0" ;;
	esac || fail "missing counters in $f"
}

# sim_msgs CTRL: the remote's counters of every message from Linux,
# "name=value ..." in SIM_MSGS order
sim_msgs() { cmd_counts sim_stat "$1"; }

# sim_msgs_since CTRL BEFORE: what sim_msgs CTRL says now minus BEFORE
# (an earlier sim_msgs CTRL), e.g. "get_direction=0 set_direction=1 ..."
sim_msgs_since() {
	echo "$(sim_msgs "$1")|$2" | awk -F'|' '{
		n = split($1, now, " "); split($2, was, " ")
		for (i in was) { split(was[i], kv, "="); old[kv[1]] = kv[2] }
		for (i = 1; i <= n; i++) {
			split(now[i], kv, "=")
			printf "%s%s=%d", (i > 1 ? " " : ""), kv[1], kv[2] - old[kv[1]]
		}
		print ""
	}'
}

# msgs WHAT...: the expected sim_msgs_since for "cmd=n" words, every
# other message kind 0, e.g. msgs set_direction=1 get_value=1
msgs() {
	local s w v out=

	for s in $SIM_MSGS; do
		v=0
		for w; do
			[ "${w%%=*}" = "$s" ] && v=${w#*=}
		done
		out="$out$s=$v "
	done
	echo "${out% }"
}

# mon_start CTRL LINE EDGES N OUT: gpiomon on LINE of controller CTRL in
# the background (MON_PID), printing "OFFSET EDGE" per event to OUT and
# exiting after N events; returns once the remote has the interrupt type.
mon_start() {
	local c want

	c=$(need_chip "$1") || return 1
	case $3 in
	rising) want=edge-rising ;;
	falling) want=edge-falling ;;
	both) want=edge-both ;;
	esac
	: > "$5"
	gpiomon -c "$c" -e "$3" -n "$4" -F '%o %E' "$2" > "$5" 2>&1 &
	MON_PID=$!
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	wait_for '[ "$(sim_get_irq_type '"$1 $2"')" = '"$want"' ]' 10 ||
		fail "gpiomon did not set irq type $want on remote line $1:$2" \
			"(it is $(sim_get_irq_type "$1" "$2"); gpiomon: $(cat "$5"))"
}

# mon_events OUT: number of events gpiomon printed so far
mon_events() { grep -c -E '^[0-9]+ (rising|falling)$' "$1"; }

# mon_wait_events OUT N: wait until gpiomon printed N events
mon_wait_events() {
	wait_for "[ \$(mon_events $1) -ge $2 ]" 5
}

# sim_wait_rearmed CTRL LINE NOTIFICATIONS: wait until the remote sent
# NOTIFICATIONS in all and LINE is no longer masked (Linux re-armed it)
sim_wait_rearmed() {
	wait_for "[ \$(sim_stat $1 notifications) -ge $3 ] &&
		[ \$(sim_get_masked $1 $2) = 0 ]" 5
}

# wait_gone PID TIMEOUT_S: wait until process PID has exited
wait_gone() { wait_for "! kill -0 $1" "$2"; }

# irq_edges CTRL LINE EDGES LEVEL...: gpiomon -e EDGES on LINE; the remote
# drives the input to each LEVEL in turn (starting from the opposite of
# the first). Every change in the direction of EDGES must reach gpiomon
# as an event of the right edge, after which the remote sees the line
# re-armed (not masked) with exactly one SET_IRQ_TYPE and nothing else
# (with "both", cdev also reads the level once: one GET_VALUE). Changes
# in the other direction must not be notified.
irq_edges() {
	local ctrl=$1 line=$2 edges=$3 out want per n=0 nev=0 prev v msgs
	local notif lost expect_ev

	shift 3
	out=/tmp/irq-edges-$ctrl-$line.out
	sim_set_input "$ctrl" "$line" $((1 - $1))
	case $edges in
	both) per="set_irq_type=1 get_value=1" ;;
	*) per="set_irq_type=1" ;;
	esac
	# gpiomon exits after the last expected event + 1: not while we count
	for v; do
		prev=${prev:-$((1 - $1))}
		[ "$v" != "$prev" ] || fail "irq_edges: level $v repeated"
		case $edges$v in rising1|falling0|both?) nev=$((nev + 1)) ;; esac
		prev=$v
	done
	mon_start "$ctrl" "$line" "$edges" $((nev + 1)) "$out" || return 1
	expect "remote line $ctrl:$line masked after gpiomon started" \
		"$(sim_get_masked "$ctrl" "$line")" 0
	notif=$(sim_stat "$ctrl" notifications)
	lost=$(sim_stat "$ctrl" lost_edges)
	prev=
	n=0
	for v; do
		case $edges$v in
		rising1|both1) expect_ev=rising ;;
		falling0|both0) expect_ev=falling ;;
		*) expect_ev= ;;
		esac
		msgs=$(sim_msgs "$ctrl")
		sim_set_input "$ctrl" "$line" "$v"
		if [ -z "$expect_ev" ]; then
			# Not watched: the remote must not notify. Checked for
			# sure after the next event, and by the totals.
			continue
		fi
		n=$((n + 1))
		sim_wait_rearmed "$ctrl" "$line" $((notif + n)) ||
			fail "event $n ($expect_ev): remote line $ctrl:$line not" \
				"re-armed: notifications $(sim_stat "$ctrl" notifications)" \
				"(want $((notif + n))), masked $(sim_get_masked "$ctrl" "$line")"
		mon_wait_events "$out" $n ||
			fail "event $n ($expect_ev) did not reach gpiomon: $(cat "$out")"
		expect "event $n" "$(sed -n "${n}p" "$out")" "$line $expect_ev"
		expect "notifications after event $n" \
			"$(sim_stat "$ctrl" notifications)" $((notif + n))
		expect "messages for event $n ($expect_ev)" \
			"$(sim_msgs_since "$ctrl" "$msgs")" "$(msgs $per)"
		expect "remote irq type after event $n" \
			"$(sim_get_irq_type "$ctrl" "$line")" "edge-$edges"
	done
	expect "events seen by gpiomon" "$(mon_events "$out")" "$nev"
	expect "edges lost by the remote" "$(sim_stat "$ctrl" lost_edges)" "$lost"
	kill "$MON_PID" 2>/dev/null
	wait_gone "$MON_PID" 5 || fail "gpiomon did not exit"
	msg "$nev $edges events on $ctrl:$line, each re-armed with one SET_IRQ_TYPE"
}

# consumer_rebind DEV DRIVER: probe platform device DEV (a DT consumer of
# the remote's lines: leds/leds-gpio, rpmsg-keys/gpio-keys) again. When
# the remote crashes or withdraws a channel, its gpiochip goes away and a
# new one comes, but consumers stay bound to the old one (fw_devlink
# linked them to the remote processor's device, which stays): a case
# about the consumer itself, run after such a case, rebinds it first.
consumer_rebind() {
	need_dt "$1"
	msg "$1 is not bound to the current gpiochip: binding it again"
	if [ -e "/sys/bus/platform/devices/$1/driver" ]; then
		echo "$1" > "/sys/bus/platform/drivers/$2/unbind" ||
			fail "cannot unbind $1 from $2"
	fi
	echo "$1" > "/sys/bus/platform/drivers/$2/bind" ||
		fail "cannot bind $1 to $2"
}

# busy_reader CTRL LINE ERRFILE LEVEL: read LINE of whatever gpiochip
# controller CTRL has, every 0.1 s (start it in the background), while
# the remote drives it to LEVEL. A read may fail because the chip goes
# away (ENODEV, or ENOENT for its /dev file); any other failure, a read
# that hangs (10 s) or one that gives another level is written to
# ERRFILE. Each good read adds a line to ERRFILE.ok.
busy_reader() {
	local ch out rc

	: > "$3.ok"
	while :; do
		sleep 0.1
		ch=$(chip_of "$1") || continue
		out=$(timeout 10 gpioget --numeric -c "$ch" "$2" 2>&1)
		rc=$?
		case $rc in
		0)
			if [ "$out" = "$4" ]; then
				echo >> "$3.ok"
			else
				echo "gpioget on $ch read '$out', the remote drives $4" >> "$3"
			fi ;;
		124)
			echo "gpioget on $ch hung" >> "$3" ;;
		*)
			# The chip went away between chip_of and gpioget
			echo "$out" | grep -Eqi 'no such (device|file)|cannot find GPIO chip' ||
				echo "gpioget on $ch failed ($rc): $out" >> "$3" ;;
		esac
	done
}

# chip_works CTRL CHIP IN OUT [LEVEL...]: for each LEVEL (default 1 0),
# the remote drives line IN and CHIP reads it, CHIP drives line OUT and
# the remote sees it
chip_works() {
	local ctrl=$1 c=$2 in=$3 out=$4 v

	shift 4
	[ $# -gt 0 ] || set -- 1 0
	for v; do
		sim_set_input "$ctrl" "$in" "$v"
		expect "$c line $in" "$(gpio_get "$c" "$in")" "$v"
		gpio_set "$c" "$out" "$v" || fail "cannot set $c line $out to $v"
		expect "remote line $ctrl:$out" "$(sim_get_output "$ctrl" "$out")" "$v"
	done
}

# sim_crash [WHAT]: crash the remote and wait until the simulator has
# counted the crash (its recovery then runs by itself)
sim_crash() {
	local before

	before=$(sim_global_stat crashes)
	sim_ctl crash
	wait_for "[ \$(sim_global_stat crashes) -gt $before ]" 10 ||
		fail "${1:+$1: }the simulator did not crash"
}

# reads_right CTRL CHIP LINE LEVEL WHAT: read LINE of CHIP with one
# GET_VALUE each ("gpioget -a") until it gives LEVEL, READS_TRIES (10)
# times at most. A read may fail with a clear error; any other level is
# another request's answer, and fails the case.
reads_right() {
	local i=0 v

	while [ $i -lt "${READS_TRIES:-10}" ]; do
		i=$((i + 1))
		if v=$(gpioget --numeric -a -c "$2" "$3" 2>/tmp/reads-right.err); then
			[ "$v" = "$4" ] ||
				fail "$5: read $i of line $3 gave $v, the remote drives $4" \
					"(sent: $(sim_log "$1" | tr '\n' ';'))"
			msg "$5: line $3 read right after $((i - 1)) failed reads"
			return 0
		fi
		grep -Eqi "timed out|busy|protocol error|input/output error" /tmp/reads-right.err ||
			fail "$5: read $i of line $3 failed unclearly: $(cat /tmp/reads-right.err)"
		sleep 0.1
	done
	fail "$5: line $3 not read right in ${READS_TRIES:-10} tries: $(cat /tmp/reads-right.err)"
}

# A re-created chip may get the same name: tell it by its sysfs inode
chip_inode() { stat -L -c %i "/sys/bus/gpio/devices/$1" 2>/dev/null; }

# crash_and_recover CTRL TIMEOUT_S [WHAT]: crash the remote and wait until
# controller CTRL has a new gpiochip (another sysfs inode than before)
crash_and_recover() {
	local chip old cur

	chip=$(need_chip "$1") || exit
	old=$(chip_inode "$chip")
	sim_crash "${3:-}"
	wait_for "cur=\$(chip_of $1) && [ \"\$(chip_inode \$cur)\" != '$old' ]" "$2" ||
		fail "${3:+$3: }no new gpiochip for rpmsg-io-$1 after the crash"
}

# busy_reader_stop PID ERRFILE: stop a busy_reader; fail if one of its
# reads hung, failed for another reason than the chip going away, or read
# a wrong level, or if none succeeded
busy_reader_stop() {
	# A short loop may give the reader no stable chip; now it has one
	wait_for "[ -s $2.ok ]" 30
	kill "$1"
	wait_gone "$1" 15 || fail "the reader does not exit"
	[ ! -s "$2" ] || fail "$(sort "$2" | uniq -c)"
	[ -s "$2.ok" ] || fail "the reader never read the line"
	msg "the reader read the line right $(wc -l < "$2.ok") times"
}

# keys_input: bind rpmsg-keys (guest.dtsi: KEY_A on controller 1 line 3,
# gpio-keys) for this case, unbind it when the case exits, and set
# KEYS_DEV to its /dev/input/eventN (not in a subshell: the unbind is
# registered with at_exit). It is bound only while a case uses it: a consumer
# still bound when a later case takes the chip away keeps an interrupt
# number the irq domain has freed, and unbinding it later frees whatever
# now has that number ("Trying to free already-free IRQ").
keys_input() {
	local b

	need_dt "gpio-keys' rpmsg-keys"
	b=$(need_chip 1) || exit
	[ -n "$(line_consumer "$b" 3)" ] || consumer_rebind rpmsg-keys gpio-keys
	at_exit "consumer_unbind rpmsg-keys gpio-keys"
	wait_for "input_dev rpmsg-keys" 5 || fail "no rpmsg-keys input device"
	KEYS_DEV=$(input_dev rpmsg-keys)
}

# consumer_unbind DEV DRIVER: unbind platform device DEV if it is bound
consumer_unbind() {
	[ -e "/sys/bus/platform/devices/$1/driver" ] || return 0
	echo "$1" > "/sys/bus/platform/drivers/$2/unbind"
}

# A wake key (suspend-wake-key, suspend-s2idle-wake): KEY_A of rpmsg-keys,
# line 1:3, a wakeup-source, wakes the system from a suspend.
KEY_A=30

# wake_key_arm OUT TIMEOUT_MS: bind rpmsg-keys with KEY_A released; note
# rpmsg-io-1's wakeup counters (WAKE_WS is its wakeup source); start a
# reader of one key event into OUT (WAKE_PID); turn on the PM core's
# debug messages; mark the kernel log; write wakeup_count as a suspend
# manager does (a wakeup event counted after it ends the suspend, and the
# PM core names its source); trace what wake_key_delivered checks.
wake_key_arm() {
	keys_input
	sim_set_input 1 3 1
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	wait_for '[ "$(evread -s '"$KEYS_DEV"' $KEY_A)" = 0 ]' 5 ||
		fail "KEY_A still pressed with line 1:3 high"
	WAKE_WS=$(basename "$(rpmsg_dev rpmsg-io-1)")
	WAKE_WS0=$(ws_events "$WAKE_WS")
	[ "$WAKE_WS0" != none ] || fail "no wakeup source $WAKE_WS"
	WAKE_N0=$(drv_stat 1 wakeups)
	WAKE_COUNT=$(cat /sys/power/wakeup_count)
	evread "$KEYS_DEV" 1 "$2" > "$1" 2>&1 &
	WAKE_PID=$!
	wait_opened $WAKE_PID "$KEYS_DEV"
	at_exit "echo $(cat /sys/power/pm_debug_messages) > /sys/power/pm_debug_messages"
	echo 1 > /sys/power/pm_debug_messages
	kmsg_mark
	echo "$WAKE_COUNT" > /sys/power/wakeup_count ||
		fail "wakeup events pending before the suspend"
	trace_calls_start rpmsg_gpio_prepare rpmsg_gpio_complete gpio_keys_suspend \
		gpio_keys_resume gpio_keys_gpio_isr
}

# wake_key_woke: after the suspend, the wakeup was rpmsg-io-1's: its
# driver counted one, its wakeup source one event, wakeup_count grew
wake_key_woke() {
	expect "wakeups reported by rpmsg-io-1" "$(drv_stat 1 wakeups)" $((WAKE_N0 + 1))
	expect "events of wakeup source $WAKE_WS" "$(ws_events "$WAKE_WS")" $((WAKE_WS0 + 1))
	[ "$(cat /sys/power/wakeup_count)" -gt "$WAKE_COUNT" ] || fail "wakeup_count did not grow"
}

# wake_key_delivered OUT CALLS: the press reached the reader once, after
# resume; CALLS (trace_calls) show no gpio-keys handler while gpio-keys
# was suspended or while notifications were held, and one after; the
# release after it arrives too.
wake_key_delivered() {
	local calls=$2

	wait "$WAKE_PID" || fail "the press did not arrive after resume: $(cat "$1")"
	expect "event" "$(cat "$1")" "key $KEY_A 1"
	# shellcheck disable=SC2046 # two words: INSIDE AFTER
	set -- $(echo "$calls" |
		 calls_between gpio_keys_suspend gpio_keys_resume gpio_keys_gpio_isr)
	[ "$1" != unseen ] ||
		fail "gpio-keys suspend/resume not traced: $(echo "$calls" | sort | uniq -c)"
	expect "gpio-keys handler calls while it was suspended" "$1" 0
	# shellcheck disable=SC2046
	set -- $(echo "$calls" |
		 calls_between rpmsg_gpio_prepare rpmsg_gpio_complete gpio_keys_gpio_isr)
	expect "gpio-keys handler calls while notifications were held" "$1" 0
	expect "gpio-keys handler calls after resume" "$2" 1
	sim_set_input 1 3 1
	# shellcheck disable=SC2016 # expanded by wait_for's eval
	wait_for '[ "$(evread -s '"$KEYS_DEV"' $KEY_A)" = 0 ]' 5 ||
		fail "the release after resume did not arrive"
}

# ws_events NAME: the event count of the wakeup source NAME (a device name)
ws_events() {
	awk -v n="$1" '$1 == n { print $3; f = 1 } END { if (!f) print "none" }' \
		/sys/kernel/debug/wakeup_sources
}
