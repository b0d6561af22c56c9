#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# /init of the QEMU guest built by guest-rootfs.sh and booted by qemu.sh.
#
# Mounts the usual filesystems, makes uevents with a MODALIAS load their
# module (as udev would), then by MODE from /etc/rig.conf:
#   test   run the selftests (rpmsg-gpio.sh, KTAP) and power off
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

. /etc/rig.conf
T=/usr/share/rpmsg-gpio

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
	insmod $T/rpmsg_gpio_sim.ko $SIM_PARAMS
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
	# shellcheck disable=SC2046 # one word per case
	sh $T/rpmsg-gpio.sh $(cat $T/cases.list) 2>&1 | to_kmsg
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
	if [ -x /usr/share/rpmsg-gpio/demo.sh ]; then
		sh /usr/share/rpmsg-gpio/demo.sh
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
