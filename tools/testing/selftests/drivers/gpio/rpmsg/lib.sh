# SPDX-License-Identifier: GPL-2.0
#
# Verbs for the rpmsg GPIO selftest cases. Source it: . "$DIR/lib.sh"
#
# The simulated remote (rpmsg_gpio_sim.ko) is driven through debugfs,
# described in sim/README.md:
#   <debugfs>/rpmsg-gpio-sim/{announce,withdraw,crash,detach,stop,start,
#       stats,channels}
#   <debugfs>/rpmsg-gpio-sim/ctrl<N>/{num_lines,stats,lines,fault,log,
#       reset_stats,line<M>/{input,output,direction,irq_type,masked,wake}}
# The Linux side is looked at with the libgpiod v2 tools and sysfs.
# A case exits 0 on success, through fail (1) or skip (4) otherwise.

LIB_DIR=$(cd "$(dirname "$0")" && pwd)
[ -e "$LIB_DIR/lib.sh" ] || LIB_DIR=$(cd "$LIB_DIR/.." && pwd)
# The C helpers (evread, gpio-bench) are installed beside lib.sh
PATH=$LIB_DIR:$PATH
SIM_MODULE=rpmsg_gpio_sim
SIM_DEBUGFS=/sys/kernel/debug/rpmsg-gpio-sim

# The verbs, by what they act on
for LIB_PART in core sim gpio; do
	# shellcheck source=lib/core.sh
	. "$LIB_DIR/lib/$LIB_PART.sh"
done
unset LIB_PART
