/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The firmware model's state, shared by the model (sim_fw.c) and the
 * control interface that inspects it and injects its faults (sim_ctl.c).
 * Everything here is under sim_fw.lock.
 */
#ifndef _RPMSG_GPIO_SIM_FW_STATE_H
#define _RPMSG_GPIO_SIM_FW_STATE_H

#include <linux/mutex.h>
#include <linux/rpmsg/gpio.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "sim_fw.h"

/* Requests kept in a controller's log (the latest ones) */
#define SIM_LOG_SIZE		256

enum sim_fault_kind {
	SIM_FAULT_NONE,
	SIM_FAULT_DROP,			/* next reply(s) not sent */
	SIM_FAULT_ERROR,		/* next reply(s) with status error */
	SIM_FAULT_DUPLICATE,		/* next reply(s) sent twice */
	SIM_FAULT_LATE,			/* next reply after arg ms */
	SIM_FAULT_SHORT,		/* next reply truncated to arg bytes */
	SIM_FAULT_LONG,			/* next reply padded to arg bytes */
	SIM_FAULT_WRONG_TYPE,		/* next reply with type arg */
	SIM_FAULT_NOTIFY_BETWEEN,	/* notify line arg before next reply */
	SIM_FAULT_HOLD,			/* next reply sent before the one after */
	SIM_FAULT_VALUE,		/* next reply with value byte arg */
};

enum sim_stat {
	SIM_STAT_GET_DIRECTION,
	SIM_STAT_SET_DIRECTION,
	SIM_STAT_GET_VALUE,
	SIM_STAT_SET_VALUE,
	SIM_STAT_SET_IRQ_TYPE,
	SIM_STAT_SET_WAKEUP,
	SIM_STAT_UNKNOWN_CMD,
	SIM_STAT_BAD_LINE,
	SIM_STAT_BAD_LENGTH,
	SIM_STAT_REPLIES,
	SIM_STAT_ERROR_REPLIES,
	SIM_STAT_NOTIFICATIONS,
	SIM_STAT_LOST_EDGES,
	SIM_STAT_FAULTS,
	SIM_STAT_RANDOM,
	SIM_STAT_QUEUE_OVERFLOW,
	SIM_NR_STATS
};

extern const char * const sim_stat_names[SIM_NR_STATS];

struct sim_ctrl;

struct sim_line {
	struct sim_ctrl *ctrl;
	unsigned int offset;
	u8 dir;			/* RPMSG_GPIO_DIR_* */
	u8 irq_type;		/* RPMSG_GPIO_IRQ_TYPE_* */
	bool out;		/* level set by Linux */
	bool in;		/* level applied from outside (the test) */
	bool masked;		/* fired; silent until SET_IRQ_TYPE re-arms */
	bool wake;
	u64 later_ns;		/* CLOCK_MONOTONIC of the last input_after */
};

/* A message from Linux as the log keeps it: what the firmware was asked */
struct sim_log_entry {
	u16 cmd;
	u16 line;
	u32 value;
	u16 len;		/* != 8: malformed, the fields are zero */
};

/* A request that came while the controller was paused */
struct sim_queued {
	u32 src;		/* Linux's endpoint that sent it */
	u8 data[sizeof(struct rpmsg_gpio_request)];
	u16 len;		/* the message's length, bytes past 8 not kept */
};

struct sim_ctrl {
	struct sim_fw *fw;
	unsigned int pos;	/* position in fw->ctrls */
	unsigned int index;	/* N of "rpmsg-io-<N>" */
	unsigned int nlines;
	struct sim_line *lines;
	unsigned int delay_ms;	/* every reply this late */
	enum sim_fault_kind fault;
	unsigned int fault_arg;
	unsigned int fault_count;
	int fault_cmd;		/* only requests with this command, or -1 */
	unsigned int fault_skip; /* matching requests to let through first */
	int cur_cmd;		/* of the request being handled, -1: malformed */
	u32 cur_src;		/* its sender, where its reply goes */
	u64 stats[SIM_NR_STATS];

	/* Every message from Linux, in the order the firmware handled them */
	struct sim_log_entry *log;	/* SIM_LOG_SIZE entries, a ring */
	unsigned long log_count;	/* entries since the last clear */

	/* The "hold" fault: a reply kept back until the next request */
	bool holding;
	u8 held[16];
	size_t held_len;
	u32 held_dst;		/* the address of the request it answers */

	/* The "pause" fault and start_pause_ms */
	bool paused;			/* nothing handled until pause_until */
	unsigned long pause_until;	/* jiffies */
	unsigned int start_pause_ms;	/* pause from the next request on */
	struct sim_queued *queue;	/* SIM_MAX_QUEUED, handled in order */
	unsigned int nqueued;
	struct delayed_work pause_work;	/* ends the pause */
};

/* An input change the outside world makes later: line<M>/input_after */
struct sim_later {
	struct delayed_work work;
	struct sim_line *line;	/* NULL: slot free */
	bool level;
};

#define SIM_LATER_SLOTS	16

struct sim_fw {
	const struct sim_fw_ops *ops;
	void *priv;
	struct mutex lock;	/* Protects lines, faults and stats of all ctrls */
	struct sim_later later[SIM_LATER_SLOTS];	/* Also under lock */
	unsigned int nctrls;
	struct sim_ctrl ctrls[] __counted_by(nctrls);
};

/* The model's verbs the control interface uses; fw->lock held */
void sim_send(struct sim_ctrl *ctrl, const void *data, size_t len,
	      unsigned int delay_ms);
void sim_notify_raw(struct sim_ctrl *ctrl, unsigned int line, u8 trigger);
void sim_release_held(struct sim_ctrl *ctrl);
bool sim_line_armed(struct sim_line *line);
void sim_line_set_input(struct sim_line *line, bool level);
int sim_line_set_input_later(struct sim_line *line, bool level,
			     unsigned int ms);
void sim_pause(struct sim_ctrl *ctrl, unsigned int ms);
/* The name of a command as in "stats", NULL if unknown */
const char *sim_cmd_name(u16 cmd);

#endif /* _RPMSG_GPIO_SIM_FW_STATE_H */
