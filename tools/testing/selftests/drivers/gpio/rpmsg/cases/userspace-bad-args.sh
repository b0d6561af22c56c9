#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# The libgpiod tools given bad arguments on a gpio-rpmsg chip (controller
# 1, 20 lines): offsets past the last line, unknown names, bad values, a
# line given twice, a line in use. Each fails with a clear message, sends
# the remote nothing, and leaves the chip working.
# Bias and drive the remote cannot do are gpiolib's business: the protocol
# has no such commands, so bias is accepted and has no effect (gpiolib
# treats it as optional), open drain is emulated by gpiolib (high =
# input, low = output 0): checked on the remote side; a debounce period
# is refused (EINVAL from gpiolib-cdev, see the rst).
. "$(dirname "$0")/../lib.sh"

b=$(need_chip 1) || exit
n=$(chip_lines "$b")
# 20 by its DT node's ngpios; without a node, the default
! sim_has_dt || expect "$b lines" "$n" 20

# refuse WHAT PATTERN CMD...: CMD fails with PATTERN, the remote gets nothing
refuse() {
	local what=$1 pat=$2 before

	shift 2
	before=$(sim_msgs 1)
	expect_fail_with "$what" "$pat" timeout 10 "$@"
	expect "messages to the remote for '$what'" "$(sim_msgs_since 1 "$before")" "$(msgs)"
	msg "$what: $(echo "$FAIL_OUT" | head -n 1)"
}

range='out of range|not found|invalid|no such|cannot find'
refuse "gpioget past the last line" "$range" gpioget -c "$b" "$n"
refuse "gpioget far past the last line" "$range" gpioget -c "$b" 65535
refuse "gpioset past the last line" "$range" gpioset -t 0 -c "$b" "$n=1"
refuse "gpiomon past the last line" "$range" gpiomon -n 1 -c "$b" "$n"
refuse "gpioinfo past the last line" "$range" gpioinfo -c "$b" "$n"
refuse "gpioget of an unknown line name" "$range" gpioget -c "$b" NO_SUCH_LINE
refuse "gpioget of a negative offset" "$range|unrecognized" gpioget -c "$b" -- -1
refuse "gpioset of level 2" "invalid|value" gpioset -t 0 -c "$b" 4=2
refuse "gpioset of the same line twice" "same line|more than once|twice|duplicate|invalid" \
	gpioset -t 0 -c "$b" 4=1 4=0
refuse "gpioset with an unknown bias" "invalid|bias" gpioset -t 0 -b sideways -c "$b" 4=1

gpioset -c "$b" 5=1 > /tmp/bad-args-set.out 2>&1 &
holder=$!
# shellcheck disable=SC2016
wait_for '[ "$(line_consumer '"$b"' 5)" != "" ]' 10 || fail "gpioset did not take line 5"
refuse "gpioget of a line in use" "busy" gpioget -c "$b" 5
refuse "gpioset of a line in use" "busy" gpioset -t 0 -c "$b" 5=0
kill $holder
wait_gone $holder 5 || fail "gpioset does not exit"

# Bias: accepted, no message the protocol does not have
before=$(sim_msgs 1)
sim_set_input 1 6 1
expect "gpioget -b pull-down of line 6" "$(gpioget --numeric -b pull-down -c "$b" 6)" 1
case $(sim_msgs_since 1 "$before") in
*" set_value=0 set_irq_type=0 set_wakeup=0 unknown_cmd=0 bad_length=0") ;;
*) fail "unexpected messages for a biased read: $(sim_msgs_since 1 "$before")" ;;
esac
# Debounce: the protocol has none, and gpiolib-cdev's software debounce
# needs a hard interrupt handler, which a nested interrupt cannot have
expect_fail_with "gpiomon with a debounce period" "invalid" \
	timeout 10 gpiomon -n 1 -p 10ms -c "$b" 8
msg "gpiomon with a debounce period: $(echo "$FAIL_OUT" | head -n 1)"
# Open drain, emulated: high releases the line (input), low drives 0
gpioset -t 0 -d open-drain -c "$b" 7=1 || fail "open-drain high refused"
expect "remote 1:7 after open-drain high" "$(sim_get_direction 1 7)" in
gpioset -t 0 -d open-drain -c "$b" 7=0 || fail "open-drain low refused"
expect "remote 1:7 after open-drain low" \
	"$(sim_get_direction 1 7) $(sim_get_output 1 7)" "out 0"

chip_works 1 "$b" 6 4
msg "bad arguments refused before the remote; $b works"
