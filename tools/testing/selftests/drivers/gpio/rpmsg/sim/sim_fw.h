/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Firmware model of the simulated rpmsg GPIO remote: GPIO controllers
 * speaking the protocol of <linux/rpmsg/gpio.h>. It knows nothing about
 * remoteproc, vrings or rpmsg addresses; messages come in through
 * sim_fw_receive() and go out through sim_fw_ops.send().
 */
#ifndef _RPMSG_GPIO_SIM_FW_H
#define _RPMSG_GPIO_SIM_FW_H

#include <linux/types.h>

struct sim_fw;

/**
 * struct sim_fw_ops - how the firmware talks to Linux
 * @send: queue @len bytes for Linux on the channel of controller @ctrl
 *	  (position in the model, 0 .. sim_fw_num_ctrls() - 1), to Linux's
 *	  endpoint @dst (RPMSG_ADDR_ANY: the one that spoke last on the
 *	  channel), to be delivered no earlier than @delay_ms from now and
 *	  after everything queued before it. Called in process context, may
 *	  sleep.
 */
struct sim_fw_ops {
	void (*send)(void *priv, unsigned int ctrl, u32 dst, const void *data,
		     size_t len, unsigned int delay_ms);
};

/*
 * The controllers the tests expect (guest.dtsi's nodes): the one place this
 * default is written. A NULL or empty @spec of sim_fw_create() means it.
 */
#define SIM_FW_DEFAULT_CONTROLLERS	"0:32,1:20,2:8,3:300"
/*
 * Lines pulled up on the simulated board: their input powers on high
 * (guest.dtsi's level-low key, which would fire from the start on a low
 * line). Module parameter "pullups" of sim_fw.c.
 */
#define SIM_FW_DEFAULT_PULLUPS		"0:9"

struct sim_fw *sim_fw_create(const char *spec, const struct sim_fw_ops *ops,
			     void *priv);
void sim_fw_destroy(struct sim_fw *fw);

unsigned int sim_fw_num_ctrls(struct sim_fw *fw);
/* The controller's index N, as in its channel name "rpmsg-io-<N>" */
unsigned int sim_fw_ctrl_index(struct sim_fw *fw, unsigned int ctrl);

/*
 * A message from Linux's endpoint @src on the channel of controller @ctrl:
 * its reply goes to @src, whenever it is sent
 */
void sim_fw_receive(struct sim_fw *fw, unsigned int ctrl, u32 src,
		    const void *data, size_t len);

/*
 * The remote (re)booted: every line back to its power-on state, pending
 * faults, held replies and queued requests gone
 */
void sim_fw_reset(struct sim_fw *fw);

#endif /* _RPMSG_GPIO_SIM_FW_H */
