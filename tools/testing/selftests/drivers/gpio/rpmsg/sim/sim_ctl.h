/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The simulator's control interface (sim_ctl.c, debugfs "rpmsg-gpio-sim/")
 * and what it makes the remote do (sim_rproc.c). What it does to the
 * firmware model is in sim_fw_state.h.
 */
#ifndef _RPMSG_GPIO_SIM_CTL_H
#define _RPMSG_GPIO_SIM_CTL_H

#include <linux/types.h>

struct dentry;
struct seq_file;
struct sim;
struct sim_fw;

/* The whole debugfs tree of @sim and its firmware @fw; remove it */
struct dentry *sim_ctl_create(struct sim *sim, struct sim_fw *fw);

/* The remote, at once: 0 or a negative errno */
int sim_remote_announce(struct sim *sim, const char *name, bool create);
int sim_remote_crash(struct sim *sim);
int sim_remote_shutdown(struct sim *sim);
int sim_remote_detach(struct sim *sim);
int sim_remote_start(struct sim *sim);
int sim_remote_ns_destroy_self(struct sim *sim);
void sim_remote_hang(struct sim *sim, bool hang);

/*
 * The remote, @ms from now, by itself: "crash", "wake" or "withdraw" of
 * channel @name (see sim_after_work()); replaces what is pending
 */
int sim_remote_after(struct sim *sim, unsigned int ms, const char *action,
		     const char *name);
void sim_remote_after_cancel(struct sim *sim);

void sim_remote_stats_show(struct sim *sim, struct seq_file *s);
void sim_remote_channels_show(struct sim *sim, struct seq_file *s);

#endif /* _RPMSG_GPIO_SIM_CTL_H */
