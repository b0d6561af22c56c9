#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of the QEMU guest built by guest-rootfs.sh and booted by qemu.sh.
#
# Mounts the usual filesystems, makes uevents with a MODALIAS load their
# module (as udev would), then by MODE from /etc/rig.conf:
#   test   run the kselftest target drivers/gpio/rpmsg with kselftest's
#          run_kselftest.sh (KTAP; the cases of $T/cases.list), or with
#          KSFT_ENTRY=make (in GUEST_ENV) with make run_tests in the
#          source tree; power off
#   run    load the simulator, show a short demo and power off
#   bench  load the simulator, run the benchmarks (bench.sh), power off
#   shell  load the simulator and drop to a shell; power off when it exits
# In test mode everything the tests print goes through /dev/kmsg, so test
# lines and kernel messages reach the console whole and in order.

/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tmpfs tmpfs /tmp
mount -t tmpfs tmpfs /run
mount -t debugfs debugfs /sys/kernel/debug
mount -t configfs configfs /sys/kernel/config
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
# What udev would add, and kselftest's runner writes to (/dev/stdout)
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr
# kselftest's runner calls GNU timeout with --foreground, which busybox's
# lacks; without job control here there is nothing for it to do.
rm -f /usr/bin/timeout
printf '#!/bin/sh\n[ "$1" = --foreground ] && shift\nexec busybox timeout "$@"\n' > /usr/bin/timeout
chmod 0755 /usr/bin/timeout
# Without perl, the runner prefixes a test's output with sed 's/^/# /';
# busybox's sed writes to the pipe in 4 KiB blocks, so lines would reach
# the console late and out of order with the kernel's. Line by line (for
# the runner only: /run/rig comes first in its PATH).
mkdir -p /run/rig
cat > /run/rig/sed <<'EOF'
#!/bin/sh
if [ $# = 2 ] && [ "$1" = -e ] && [ "$2" = 's/^/# /' ]; then
	while IFS= read -r l || [ -n "$l" ]; do printf '# %s\n' "$l"; done
	exit 0
fi
exec busybox sed "$@"
EOF
chmod 0755 /run/rig/sed

. /etc/rig.conf

# uevent helper: load the module for a new device's MODALIAS, as udev
# does. Every request is logged to /run/modprobe.log.
cat > /sbin/uevent-helper <<'EOF'
#!/bin/sh
if [ "$ACTION" = add ] && [ -n "$MODALIAS" ]; then
	echo "$DEVPATH $MODALIAS" >> /run/modprobe.log
	/sbin/modprobe -q "$MODALIAS"
fi
EOF
chmod 0755 /sbin/uevent-helper
echo /sbin/uevent-helper > /proc/sys/kernel/hotplug
# No coldplug: every device present at boot has its driver built in (see
# workspace/kconfig/qemu.config); only the simulator's channels, which
# appear after this point, can need a module (costs ~5 s under TCG).

load_sim() {
	# shellcheck disable=SC2086
	insmod $T/sim/rpmsg_gpio_sim.ko $SIM_PARAMS
}

# Copy stdin to the kernel log, line by line. Lines starting with "<"
# would be taken as a log level.
to_kmsg() {
	while IFS= read -r line; do
		case "$line" in "<"*) line=" $line" ;; esac
		printf '%s\n' "$line" > /dev/kmsg
	done
}

finish() {
	sync
	echo "# rig: done" > /dev/kmsg
	poweroff -f
}

case "$MODE" in
test)
	echo on > /proc/sys/kernel/printk_devkmsg 2>/dev/null
	echo "# rig: kernel $(uname -r), cases: $(cat $T/cases.list | tr '\n' ' ')" > /dev/kmsg
	# kselftest's way of giving a test its arguments; SIM_PARAMS and
	# GUEST_ENV's variables reach rpmsg-gpio.sh through the environment.
	# KSFT_TIMEOUT (make soak) overrides settings' limit for the run.
	KSELFTEST_RPMSG_GPIO_SH_ARGS=$(tr '\n' ' ' < $T/cases.list)
	export KSELFTEST_RPMSG_GPIO_SH_ARGS SIM_PARAMS
	# KSFT_ENTRY=make: kselftest's other entry point, from the source tree
	if [ "${KSFT_ENTRY:-}" = make ]; then
		PATH=/run/rig:$PATH make -C /usr/src/linux/tools/testing/selftests \
			TARGETS=drivers/gpio/rpmsg run_tests 2>&1 | to_kmsg
	else
		(cd $KSFT && PATH=/run/rig:$PATH ./run_kselftest.sh -c drivers/gpio/rpmsg \
			${KSFT_TIMEOUT:+-o $KSFT_TIMEOUT}) 2>&1 | to_kmsg
	fi
	finish
	;;
bench)
	echo on > /proc/sys/kernel/printk_devkmsg 2>/dev/null
	echo "# rig: kernel $(uname -r), benchmarks" > /dev/kmsg
	load_sim || echo "# bench: the simulator did not load" > /dev/kmsg
	sh $T/bench.sh 2>&1 | to_kmsg
	finish
	;;
run)
	load_sim
	if [ -x $T/demo.sh ]; then
		sh $T/demo.sh
	else
		gpiodetect; gpioinfo
	fi
	finish
	;;
*)
	if load_sim; then
		echo "rpmsg-gpio guest: simulator loaded ($SIM_PARAMS); tests in $T"
	else
		echo "rpmsg-gpio guest: simulator NOT loaded; tests in $T"
	fi
	echo "  (cd $T && sh rpmsg-gpio.sh [case...]); exit or Ctrl-D powers off"
	cd $T && setsid cttyhack sh -l
	finish
	;;
esac
