// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware model of the rpmsg GPIO simulator.
 *
 * A set of GPIO controllers as the remote firmware sees them: per line a
 * direction, the level Linux drives, the level the outside world (the
 * test) applies, an interrupt type, a mask and a wakeup flag. Requests
 * are answered as <linux/rpmsg/gpio.h> describes; input changes raise
 * notifications. Faults can be injected per controller. Every message
 * leaves through sim_fw_ops.send(); nothing here knows about vrings.
 */

#include <linux/debugfs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/prandom.h>
#include <linux/rpmsg/gpio.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/workqueue.h>

#include "sim_fw.h"

#define SIM_MAX_LINES		1024
/* Reply delay of a "late" fault: past the driver's 1 s timeout */
#define SIM_LATE_MS		1500
#define SIM_MAX_FLOOD		100000
/* Requests kept in a controller's log (the latest ones) */
#define SIM_LOG_SIZE		256
/* Requests a paused controller keeps for later: more than Linux's tx ring */
#define SIM_MAX_QUEUED		512
/* Longest pause, in ms */
#define SIM_MAX_PAUSE_MS	600000

/*
 * A firmware whose GPIO service starts late: after each (re)start (module
 * load, crash, stop), every controller takes no request for this long from
 * its first one on; those that arrive meanwhile are answered in order
 * afterwards. Read when the firmware (re)starts.
 */
static unsigned int start_pause_ms;
module_param(start_pause_ms, uint, 0644);
MODULE_PARM_DESC(start_pause_ms,
		 "After each (re)start, a controller answers nothing for this long (ms) from its first request on");

/* The outside world at power-on: "ctrl:line,..." whose input is high */
static char *pullups = SIM_FW_DEFAULT_PULLUPS;
module_param(pullups, charp, 0444);
MODULE_PARM_DESC(pullups,
		 "Lines whose input powers on high, as ctrl:line[,ctrl:line...] (default "
		 SIM_FW_DEFAULT_PULLUPS "; lines the model lacks are ignored)");

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

static const char * const sim_stat_names[SIM_NR_STATS] = {
	[SIM_STAT_GET_DIRECTION]	= "get_direction",
	[SIM_STAT_SET_DIRECTION]	= "set_direction",
	[SIM_STAT_GET_VALUE]		= "get_value",
	[SIM_STAT_SET_VALUE]		= "set_value",
	[SIM_STAT_SET_IRQ_TYPE]		= "set_irq_type",
	[SIM_STAT_SET_WAKEUP]		= "set_wakeup",
	[SIM_STAT_UNKNOWN_CMD]		= "unknown_cmd",
	[SIM_STAT_BAD_LINE]		= "bad_line",
	[SIM_STAT_BAD_LENGTH]		= "bad_length",
	[SIM_STAT_REPLIES]		= "replies",
	[SIM_STAT_ERROR_REPLIES]	= "error_replies",
	[SIM_STAT_NOTIFICATIONS]	= "notifications",
	[SIM_STAT_LOST_EDGES]		= "lost_edges",
	[SIM_STAT_FAULTS]		= "faults",
	[SIM_STAT_RANDOM]		= "random",
	[SIM_STAT_QUEUE_OVERFLOW]	= "queue_overflow",
};

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
	u64 stats[SIM_NR_STATS];

	/* Every message from Linux, in the order the firmware handled them */
	struct sim_log_entry *log;	/* SIM_LOG_SIZE entries, a ring */
	unsigned long log_count;	/* entries since the last clear */

	/* The "hold" fault: a reply kept back until the next request */
	bool holding;
	u8 held[16];
	size_t held_len;

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

/* ---------------------------------------------------------------------
 * Sending
 */

static void sim_send(struct sim_ctrl *ctrl, const void *data, size_t len,
		     unsigned int delay_ms)
{
	struct sim_fw *fw = ctrl->fw;

	fw->ops->send(fw->priv, ctrl->pos, data, len, delay_ms);
}

static void sim_notify_raw(struct sim_ctrl *ctrl, unsigned int line, u8 trigger)
{
	struct rpmsg_gpio_notification n = {
		.type = RPMSG_GPIO_MSG_NOTIFY,
		.line = line,
		.trigger = trigger,
	};

	ctrl->stats[SIM_STAT_NOTIFICATIONS]++;
	sim_send(ctrl, &n, sizeof(n), 0);
}

/*
 * Take the pending one-shot fault, if it applies to the request being
 * handled ("for <command>[:<nth>]" restricts it to the nth next request
 * with that command).
 */
static enum sim_fault_kind sim_fault_take(struct sim_ctrl *ctrl,
					  unsigned int *arg)
{
	enum sim_fault_kind kind = ctrl->fault;

	if (kind == SIM_FAULT_NONE)
		return kind;
	if (ctrl->fault_cmd >= 0) {
		if (ctrl->cur_cmd != ctrl->fault_cmd)
			return SIM_FAULT_NONE;
		if (ctrl->fault_skip) {
			ctrl->fault_skip--;
			return SIM_FAULT_NONE;
		}
	}

	*arg = ctrl->fault_arg;
	if (--ctrl->fault_count == 0)
		ctrl->fault = SIM_FAULT_NONE;
	ctrl->stats[SIM_STAT_FAULTS]++;

	return kind;
}

static void sim_reply(struct sim_ctrl *ctrl, u8 status, u8 value)
{
	/* Room for a "long" reply; bytes past the reply are zero */
	u8 buf[16] = { RPMSG_GPIO_MSG_REPLY, status, value };
	size_t len = sizeof(struct rpmsg_gpio_reply);
	unsigned int delay = ctrl->delay_ms;
	unsigned int copies = 1, arg = 0;

	if (status == RPMSG_GPIO_STATUS_ERROR)
		buf[2] = 0;

	if (ctrl->fault != SIM_FAULT_NOTIFY_BETWEEN) {
		switch (sim_fault_take(ctrl, &arg)) {
		case SIM_FAULT_DROP:
			return;
		case SIM_FAULT_ERROR:
			buf[1] = RPMSG_GPIO_STATUS_ERROR;
			buf[2] = 0;
			break;
		case SIM_FAULT_DUPLICATE:
			copies = 2;
			break;
		case SIM_FAULT_LATE:
			delay = arg;
			break;
		case SIM_FAULT_SHORT:
			len = arg;
			break;
		case SIM_FAULT_LONG:
			len = arg;
			break;
		case SIM_FAULT_WRONG_TYPE:
			buf[0] = arg;
			break;
		case SIM_FAULT_VALUE:
			buf[2] = arg;
			break;
		case SIM_FAULT_HOLD:
			/* Sent by sim_release_held(), before the next reply */
			ctrl->holding = true;
			memcpy(ctrl->held, buf, len);
			ctrl->held_len = len;
			if (buf[1] != RPMSG_GPIO_STATUS_OK)
				ctrl->stats[SIM_STAT_ERROR_REPLIES]++;
			return;
		default:
			break;
		}
	}

	if (buf[1] != RPMSG_GPIO_STATUS_OK)
		ctrl->stats[SIM_STAT_ERROR_REPLIES]++;
	while (copies--) {
		ctrl->stats[SIM_STAT_REPLIES]++;
		sim_send(ctrl, buf, len, delay);
	}
}

/* A reply held back by the "hold" fault leaves now, late but in order */
static void sim_release_held(struct sim_ctrl *ctrl)
{
	if (!ctrl->holding)
		return;
	ctrl->holding = false;
	ctrl->stats[SIM_STAT_REPLIES]++;
	sim_send(ctrl, ctrl->held, ctrl->held_len, ctrl->delay_ms);
}

/* ---------------------------------------------------------------------
 * Lines and interrupts
 */

static bool sim_line_armed(struct sim_line *line)
{
	return line->irq_type != RPMSG_GPIO_IRQ_TYPE_NONE && !line->masked;
}

/* The interrupt fires: mask it and tell Linux once */
static void sim_line_fire(struct sim_line *line, u8 trigger)
{
	/* A notification names lines 0..255 only */
	if (line->offset >= RPMSG_GPIO_MAX_IRQ_LINES)
		return;

	line->masked = true;
	sim_notify_raw(line->ctrl, line->offset, trigger);
}

/* Level interrupts fire whenever they are armed and the level is active */
static void sim_line_check_level(struct sim_line *line)
{
	if (!sim_line_armed(line))
		return;

	if ((line->irq_type & RPMSG_GPIO_IRQ_TYPE_LEVEL_HIGH) && line->in)
		sim_line_fire(line, RPMSG_GPIO_IRQ_TYPE_LEVEL_HIGH);
	else if ((line->irq_type & RPMSG_GPIO_IRQ_TYPE_LEVEL_LOW) && !line->in)
		sim_line_fire(line, RPMSG_GPIO_IRQ_TYPE_LEVEL_LOW);
}

static void sim_line_set_input(struct sim_line *line, bool level)
{
	u8 edge = level ? RPMSG_GPIO_IRQ_TYPE_EDGE_RISING :
			  RPMSG_GPIO_IRQ_TYPE_EDGE_FALLING;

	if (line->in == level)
		return;
	line->in = level;

	if (line->irq_type & edge) {
		if (line->masked)
			line->ctrl->stats[SIM_STAT_LOST_EDGES]++;
		else
			sim_line_fire(line, edge);
		return;
	}
	sim_line_check_level(line);
}

static bool sim_irq_type_valid(u32 type)
{
	switch (type) {
	case RPMSG_GPIO_IRQ_TYPE_NONE:
	case RPMSG_GPIO_IRQ_TYPE_EDGE_RISING:
	case RPMSG_GPIO_IRQ_TYPE_EDGE_FALLING:
	case RPMSG_GPIO_IRQ_TYPE_EDGE_BOTH:
	case RPMSG_GPIO_IRQ_TYPE_LEVEL_HIGH:
	case RPMSG_GPIO_IRQ_TYPE_LEVEL_LOW:
		return true;
	default:
		return false;
	}
}

static void sim_line_reset(struct sim_line *line)
{
	line->dir = RPMSG_GPIO_DIR_IN;
	line->out = false;
	line->irq_type = RPMSG_GPIO_IRQ_TYPE_NONE;
	line->masked = false;
	line->wake = false;
	/* line->in is the outside world: a reboot does not change it */
}

/* ---------------------------------------------------------------------
 * Requests
 */

static int sim_cmd_stat(u16 cmd)
{
	switch (cmd) {
	case RPMSG_GPIO_CMD_GET_DIRECTION:	return SIM_STAT_GET_DIRECTION;
	case RPMSG_GPIO_CMD_SET_DIRECTION:	return SIM_STAT_SET_DIRECTION;
	case RPMSG_GPIO_CMD_GET_VALUE:		return SIM_STAT_GET_VALUE;
	case RPMSG_GPIO_CMD_SET_VALUE:		return SIM_STAT_SET_VALUE;
	case RPMSG_GPIO_CMD_SET_IRQ_TYPE:	return SIM_STAT_SET_IRQ_TYPE;
	case RPMSG_GPIO_CMD_SET_WAKEUP:		return SIM_STAT_SET_WAKEUP;
	default:				return -1;
	}
}

static const char *sim_cmd_name(u16 cmd)
{
	int stat = sim_cmd_stat(cmd);

	return stat < 0 ? NULL : sim_stat_names[stat];
}

static void sim_handle_request(struct sim_ctrl *ctrl, u16 cmd, u16 offset,
			       u32 value)
{
	int stat = sim_cmd_stat(cmd);
	struct sim_line *line;
	u8 result = 0;

	if (stat < 0) {
		ctrl->stats[SIM_STAT_UNKNOWN_CMD]++;
		goto err;
	}
	ctrl->stats[stat]++;

	if (offset >= ctrl->nlines) {
		ctrl->stats[SIM_STAT_BAD_LINE]++;
		goto err;
	}
	line = &ctrl->lines[offset];

	switch (cmd) {
	case RPMSG_GPIO_CMD_GET_DIRECTION:
		result = line->dir;
		break;
	case RPMSG_GPIO_CMD_SET_DIRECTION:
		if (value > RPMSG_GPIO_DIR_IN)
			goto err;
		line->dir = value;
		break;
	case RPMSG_GPIO_CMD_GET_VALUE:
		result = line->dir == RPMSG_GPIO_DIR_OUT ? line->out : line->in;
		break;
	case RPMSG_GPIO_CMD_SET_VALUE:
		if (value > 1)
			goto err;
		line->out = value;
		break;
	case RPMSG_GPIO_CMD_SET_IRQ_TYPE:
		if (!sim_irq_type_valid(value))
			goto err;
		line->irq_type = value;
		line->masked = false;
		sim_reply(ctrl, RPMSG_GPIO_STATUS_OK, 0);
		/* Re-armed while the level is still active: fires again */
		sim_line_check_level(line);
		return;
	case RPMSG_GPIO_CMD_SET_WAKEUP:
		if (value > RPMSG_GPIO_WAKEUP_ENABLE)
			goto err;
		line->wake = value;
		break;
	}

	sim_reply(ctrl, RPMSG_GPIO_STATUS_OK, result);
	return;
err:
	sim_reply(ctrl, RPMSG_GPIO_STATUS_ERROR, 0);
}

static void sim_log_add(struct sim_ctrl *ctrl, u16 cmd, u16 line, u32 value,
			size_t len)
{
	struct sim_log_entry *e = &ctrl->log[ctrl->log_count++ % SIM_LOG_SIZE];

	e->cmd = cmd;
	e->line = line;
	e->value = value;
	e->len = min_t(size_t, len, U16_MAX);
}

/* Handle one message from Linux now. Called with fw->lock held. */
static void sim_process(struct sim_ctrl *ctrl, const void *data, size_t len)
{
	struct rpmsg_gpio_request req = {};
	unsigned int arg;

	/* A held reply goes out just before the reply to the next request */
	sim_release_held(ctrl);

	memcpy(&req, data, min(len, sizeof(req)));
	ctrl->cur_cmd = len == sizeof(req) ? le16_to_cpu(req.cmd) : -1;

	if (ctrl->fault == SIM_FAULT_NOTIFY_BETWEEN &&
	    sim_fault_take(ctrl, &arg) == SIM_FAULT_NOTIFY_BETWEEN)
		sim_notify_raw(ctrl, arg, 0);

	if (len != sizeof(req)) {
		sim_log_add(ctrl, 0, 0, 0, len);
		ctrl->stats[SIM_STAT_BAD_LENGTH]++;
		sim_reply(ctrl, RPMSG_GPIO_STATUS_ERROR, 0);
		return;
	}

	sim_log_add(ctrl, le16_to_cpu(req.cmd), le16_to_cpu(req.line),
		    le32_to_cpu(req.value), len);
	sim_handle_request(ctrl, le16_to_cpu(req.cmd), le16_to_cpu(req.line),
			   le32_to_cpu(req.value));
}

/* Called with fw->lock held */
static void sim_pause(struct sim_ctrl *ctrl, unsigned int ms)
{
	ctrl->paused = true;
	ctrl->pause_until = jiffies + msecs_to_jiffies(ms);
	mod_delayed_work(system_dfl_wq, &ctrl->pause_work, msecs_to_jiffies(ms));
}

/* The pause is over: answer what came meanwhile, in order */
static void sim_pause_work(struct work_struct *work)
{
	struct sim_ctrl *ctrl = container_of(to_delayed_work(work),
					     struct sim_ctrl, pause_work);
	unsigned int i;

	mutex_lock(&ctrl->fw->lock);
	if (ctrl->paused && time_before(jiffies, ctrl->pause_until)) {
		/* Paused again meanwhile, for longer */
		mod_delayed_work(system_dfl_wq, &ctrl->pause_work,
				 ctrl->pause_until - jiffies);
	} else {
		ctrl->paused = false;
		for (i = 0; i < ctrl->nqueued; i++)
			sim_process(ctrl, ctrl->queue[i].data,
				    ctrl->queue[i].len);
		ctrl->nqueued = 0;
	}
	mutex_unlock(&ctrl->fw->lock);
}

void sim_fw_receive(struct sim_fw *fw, unsigned int pos, const void *data,
		    size_t len)
{
	struct sim_ctrl *ctrl = &fw->ctrls[pos];
	struct sim_queued *q;

	mutex_lock(&fw->lock);

	if (ctrl->start_pause_ms) {
		sim_pause(ctrl, ctrl->start_pause_ms);
		ctrl->start_pause_ms = 0;
	}

	/* Paused, or the end of the pause not handled yet: keep the order */
	if (ctrl->paused || ctrl->nqueued) {
		if (ctrl->nqueued == SIM_MAX_QUEUED) {
			ctrl->stats[SIM_STAT_QUEUE_OVERFLOW]++;
		} else {
			q = &ctrl->queue[ctrl->nqueued++];
			q->len = min_t(size_t, len, U16_MAX);
			memcpy(q->data, data, min(len, sizeof(q->data)));
		}
	} else {
		sim_process(ctrl, data, len);
	}

	mutex_unlock(&fw->lock);
}

/* ---------------------------------------------------------------------
 * Faults and immediate actions ("fault" file)
 */

/* Random, mostly almost-valid messages for the driver's parser */
static void sim_random(struct sim_ctrl *ctrl, unsigned int count, u64 seed)
{
	struct rnd_state rnd;
	u8 buf[12];
	size_t len;

	prandom_seed_state(&rnd, seed);
	while (count--) {
		u32 r = prandom_u32_state(&rnd);

		prandom_bytes_state(&rnd, buf, sizeof(buf));
		len = (r & 3) ? 3 : r % (sizeof(buf) + 1);
		switch ((r >> 2) & 3) {
		case 0:
			buf[0] = RPMSG_GPIO_MSG_REPLY;
			buf[1] &= 1;
			break;
		case 1:
			buf[0] = RPMSG_GPIO_MSG_NOTIFY;
			buf[1] %= ctrl->nlines + 2;
			/*
			 * As a real notification would: Linux has to re-arm
			 * the line to get its next interrupt
			 */
			if (len == 3 && buf[1] < ctrl->nlines &&
			    sim_line_armed(&ctrl->lines[buf[1]]))
				ctrl->lines[buf[1]].masked = true;
			break;
		default:
			break;
		}
		ctrl->stats[SIM_STAT_RANDOM]++;
		sim_send(ctrl, buf, len, 0);
	}
}

/*
 * "for <command>[:<nth>] <fault> [args]": the fault for the nth next request
 * with that command only. Returns the rest of @cmd, "<fault> [args]".
 */
static char *sim_fault_parse_for(char *cmd, int *fcmd, unsigned int *skip)
{
	char *name = strsep(&cmd, " ");
	char *nth = strchr(name, ':');
	unsigned int c;

	if (!cmd)
		return NULL;
	if (nth) {
		*nth++ = '\0';
		if (kstrtouint(nth, 10, skip) || !*skip)
			return NULL;
		(*skip)--;
	}
	for (c = 0; c <= RPMSG_GPIO_CMD_SET_WAKEUP; c++) {
		const char *n = sim_cmd_name(c);

		if (n && !strcmp(n, name)) {
			*fcmd = c;
			return skip_spaces(cmd);
		}
	}
	return NULL;
}

/* The actions of a controller's "fault" file that act at once */
static void sim_act_none(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	ctrl->fault = SIM_FAULT_NONE;
	ctrl->delay_ms = 0;
	/* A pause ends: what came meanwhile is answered now */
	if (ctrl->paused)
		sim_pause(ctrl, 0);
}

static void sim_act_delay(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	ctrl->delay_ms = a;
}

static void sim_act_pause(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	sim_pause(ctrl, a);
}

static void sim_act_release(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	sim_release_held(ctrl);
}

static void sim_act_unsolicited(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	struct rpmsg_gpio_reply r = {
		.type = RPMSG_GPIO_MSG_REPLY,
		.status = n > 0 ? a : RPMSG_GPIO_STATUS_OK,
		.value = n > 1 ? b : 0,
	};

	sim_send(ctrl, &r, sizeof(r), 0);
}

static void sim_act_garbage(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	/* Neither a reply nor a notification: too short for both */
	static const u8 garbage[2] = { 0xff, 0xff };

	sim_send(ctrl, garbage, sizeof(garbage), 0);
}

/* bad_line: by default the first line past the controller's */
static void sim_act_notify(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	sim_notify_raw(ctrl, n > 0 ? a :
		       min(ctrl->nlines, RPMSG_GPIO_MAX_IRQ_LINES - 1), 0);
}

static void sim_act_flood(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	u64 i;

	for (i = 0; i < a; i++)
		sim_notify_raw(ctrl, b, 0);
}

static void sim_act_random(struct sim_ctrl *ctrl, int n, u64 a, u64 b)
{
	sim_random(ctrl, a, b);
}

/**
 * struct sim_fault_def - one word of a controller's "fault" file
 * @name: the word; it may be followed by up to two numbers, A and B
 * @args: how many numbers it needs at least
 * @a_def: A when not given (faults on replies)
 * @a_min: lowest A
 * @a_max: highest A (and of its default)
 * @b_max: highest B
 * @act: acts at once with the numbers given (n of them); NULL for a fault
 *	on the next reply(s), which "for CMD[:N]" may precede
 * @kind: that fault
 * @count: A is how many replies the fault takes, else its argument
 * @counted: counted in the controller's "faults" statistic
 */
struct sim_fault_def {
	const char *name;
	u8 args;
	u64 a_def, a_min, a_max, b_max;
	void (*act)(struct sim_ctrl *ctrl, int n, u64 a, u64 b);
	enum sim_fault_kind kind;
	bool count, counted;
};

#define SIM_IRQ_LINE_MAX	(RPMSG_GPIO_MAX_IRQ_LINES - 1)
#define SIM_REPLY_LEN		sizeof(struct rpmsg_gpio_reply)

/* A new fault or action is one row (and the README's table) */
static const struct sim_fault_def sim_fault_defs[] = {
	{ "none", .act = sim_act_none, .a_max = U64_MAX },
	{ "delay_ms", 1, .act = sim_act_delay, .a_max = U32_MAX },
	{ "pause", 1, .act = sim_act_pause, .a_max = SIM_MAX_PAUSE_MS,
	  .counted = true },
	{ "release", .act = sim_act_release, .a_max = U64_MAX },
	{ "unsolicited", .act = sim_act_unsolicited, .a_max = U8_MAX,
	  .b_max = U8_MAX, .counted = true },
	{ "garbage", .act = sim_act_garbage, .a_max = U64_MAX,
	  .counted = true },
	{ "bad_line", .act = sim_act_notify, .a_max = SIM_IRQ_LINE_MAX,
	  .counted = true },
	{ "notify", 1, .act = sim_act_notify, .a_max = SIM_IRQ_LINE_MAX,
	  .counted = true },
	{ "flood", 2, .act = sim_act_flood, .a_max = SIM_MAX_FLOOD,
	  .b_max = SIM_IRQ_LINE_MAX, .counted = true },
	{ "random", 2, .act = sim_act_random, .a_max = SIM_MAX_FLOOD,
	  .b_max = U64_MAX },
	/* Faults on the next reply(s) */
	{ "drop", .kind = SIM_FAULT_DROP, .count = true, .a_def = 1,
	  .a_min = 1, .a_max = U32_MAX },
	{ "error", .kind = SIM_FAULT_ERROR, .count = true, .a_def = 1,
	  .a_min = 1, .a_max = U32_MAX },
	{ "duplicate", .kind = SIM_FAULT_DUPLICATE, .count = true,
	  .a_def = 1, .a_min = 1, .a_max = U32_MAX },
	{ "late", .kind = SIM_FAULT_LATE, .a_def = SIM_LATE_MS,
	  .a_max = U32_MAX },
	{ "short", .kind = SIM_FAULT_SHORT, .a_def = 2,
	  .a_max = SIM_REPLY_LEN - 1 },
	{ "long", .kind = SIM_FAULT_LONG, .a_def = 8,
	  .a_min = SIM_REPLY_LEN + 1, .a_max = 16 },
	{ "wrong_type", .kind = SIM_FAULT_WRONG_TYPE, .a_def = 0x7f,
	  .a_max = U8_MAX },
	{ "notify_between", 1, .kind = SIM_FAULT_NOTIFY_BETWEEN,
	  .a_max = SIM_IRQ_LINE_MAX },
	{ "hold", .kind = SIM_FAULT_HOLD, .a_max = U64_MAX },
	{ "value", 1, .kind = SIM_FAULT_VALUE, .a_max = U8_MAX },
};

static const char *sim_fault_name(enum sim_fault_kind kind)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sim_fault_defs); i++)
		if (!sim_fault_defs[i].act && sim_fault_defs[i].kind == kind)
			return sim_fault_defs[i].name;
	return "none";
}

static int sim_fault_parse(struct sim_ctrl *ctrl, char *cmd)
{
	const struct sim_fault_def *d = NULL;
	unsigned long long a = 0, b = 0;
	unsigned int i, skip = 0;
	int n, fcmd = -1;
	char word[16];

	if (str_has_prefix(cmd, "for ")) {
		cmd = sim_fault_parse_for(skip_spaces(cmd + 4), &fcmd, &skip);
		if (!cmd)
			return -EINVAL;
	}

	n = sscanf(cmd, "%15s %llu %llu", word, &a, &b) - 1;
	if (n < 0)
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(sim_fault_defs); i++)
		if (!strcmp(word, sim_fault_defs[i].name))
			d = &sim_fault_defs[i];
	/* Only the faults applied to replies wait for a command */
	if (!d || n < d->args || (fcmd >= 0 && d->act))
		return -EINVAL;
	if (n < 1)
		a = d->a_def;
	if (a < d->a_min || a > d->a_max || (n > 1 && b > d->b_max))
		return -EINVAL;

	if (d->counted)
		ctrl->stats[SIM_STAT_FAULTS]++;
	if (d->act) {
		d->act(ctrl, n, a, b);
		return 0;
	}

	ctrl->fault_cmd = fcmd;
	ctrl->fault_skip = skip;
	ctrl->fault_count = d->count ? a : 1;
	ctrl->fault_arg = d->count ? 0 : a;
	ctrl->fault = d->kind;

	return 0;
}

/* ---------------------------------------------------------------------
 * Control interface (debugfs)
 */

static const char * const sim_dir_names[] = {
	[RPMSG_GPIO_DIR_NONE]	= "none",
	[RPMSG_GPIO_DIR_OUT]	= "out",
	[RPMSG_GPIO_DIR_IN]	= "in",
};

static const char *sim_irq_type_name(u8 type)
{
	switch (type) {
	case RPMSG_GPIO_IRQ_TYPE_NONE:		return "none";
	case RPMSG_GPIO_IRQ_TYPE_EDGE_RISING:	return "edge-rising";
	case RPMSG_GPIO_IRQ_TYPE_EDGE_FALLING:	return "edge-falling";
	case RPMSG_GPIO_IRQ_TYPE_EDGE_BOTH:	return "edge-both";
	case RPMSG_GPIO_IRQ_TYPE_LEVEL_HIGH:	return "level-high";
	case RPMSG_GPIO_IRQ_TYPE_LEVEL_LOW:	return "level-low";
	default:				return "invalid";
	}
}

static ssize_t sim_read_string(char __user *ubuf, size_t count, loff_t *ppos,
			       const char *s)
{
	char buf[32];
	int len = scnprintf(buf, sizeof(buf), "%s\n", s);

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

/* What a control file was written, trimmed; at most 64 bytes */
char *sim_user_string(const char __user *ubuf, size_t count)
{
	char *s;

	if (count > 64)
		return ERR_PTR(-EINVAL);
	s = memdup_user_nul(ubuf, count);
	if (!IS_ERR(s))
		strim(s);
	return s;
}

/* Numeric per-line attributes: 0 / 1 */
#define SIM_LINE_ATTR(_name, _set)					\
static int sim_line_##_name##_get(void *data, u64 *val)		\
{									\
	struct sim_line *line = data;					\
									\
	mutex_lock(&line->ctrl->fw->lock);				\
	*val = line->_name;						\
	mutex_unlock(&line->ctrl->fw->lock);				\
	return 0;							\
}									\
DEFINE_DEBUGFS_ATTRIBUTE(sim_line_##_name##_fops,			\
			 sim_line_##_name##_get, _set, "%llu\n")

static int sim_line_in_set(void *data, u64 val)
{
	struct sim_line *line = data;

	if (val > 1)
		return -EINVAL;
	mutex_lock(&line->ctrl->fw->lock);
	sim_line_set_input(line, val);
	mutex_unlock(&line->ctrl->fw->lock);
	return 0;
}

SIM_LINE_ATTR(in, sim_line_in_set);
SIM_LINE_ATTR(out, NULL);
SIM_LINE_ATTR(masked, NULL);
SIM_LINE_ATTR(wake, NULL);

/*
 * "LEVEL MS": the input goes to LEVEL MS ms from now, from a timer of the
 * remote's own, so that a line fires while Linux is suspending, suspended
 * or resuming (its tasks are frozen then). On system_dfl_wq, which is not
 * freezable, like the remote's own clock.
 */
static void sim_later_fn(struct work_struct *work)
{
	struct sim_later *later = container_of(to_delayed_work(work),
					       struct sim_later, work);
	struct sim_fw *fw = later->line->ctrl->fw;

	mutex_lock(&fw->lock);
	later->line->later_ns = ktime_get_ns();
	sim_line_set_input(later->line, later->level);
	later->line = NULL;
	mutex_unlock(&fw->lock);
}

static ssize_t sim_line_input_after_write(struct file *file,
					  const char __user *ubuf,
					  size_t count, loff_t *ppos)
{
	struct sim_line *line = file->private_data;
	struct sim_fw *fw = line->ctrl->fw;
	unsigned int level, ms, i;
	char *s;
	int ret = -EBUSY;

	s = sim_user_string(ubuf, count);
	if (IS_ERR(s))
		return PTR_ERR(s);
	if (sscanf(s, "%u %u", &level, &ms) != 2 || level > 1 || ms > 600000) {
		kfree(s);
		return -EINVAL;
	}
	kfree(s);

	mutex_lock(&fw->lock);
	for (i = 0; i < SIM_LATER_SLOTS; i++) {
		struct sim_later *later = &fw->later[i];

		if (later->line)
			continue;
		later->line = line;
		later->level = level;
		queue_delayed_work(system_dfl_wq, &later->work,
				   msecs_to_jiffies(ms));
		ret = count;
		break;
	}
	mutex_unlock(&fw->lock);
	return ret;
}

/*
 * When the last input_after of the line took effect (ns, CLOCK_MONOTONIC,
 * the clock of GPIO and input event timestamps), 0 if none yet: timer
 * slack makes it later than asked, so latencies are measured from it.
 */
static ssize_t sim_line_input_after_read(struct file *file,
					 char __user *ubuf, size_t count,
					 loff_t *ppos)
{
	struct sim_line *line = file->private_data;
	char buf[24];
	u64 ns;

	mutex_lock(&line->ctrl->fw->lock);
	ns = line->later_ns;
	mutex_unlock(&line->ctrl->fw->lock);

	snprintf(buf, sizeof(buf), "%llu", ns);
	return sim_read_string(ubuf, count, ppos, buf);
}

static const struct file_operations sim_line_input_after_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = sim_line_input_after_read,
	.write = sim_line_input_after_write,
};

static ssize_t sim_line_direction_read(struct file *file, char __user *ubuf,
				       size_t count, loff_t *ppos)
{
	struct sim_line *line = file->private_data;
	u8 dir;

	mutex_lock(&line->ctrl->fw->lock);
	dir = line->dir;
	mutex_unlock(&line->ctrl->fw->lock);

	return sim_read_string(ubuf, count, ppos, sim_dir_names[dir]);
}

/* The firmware itself reconfigures a line (Linux is not told) */
static ssize_t sim_line_direction_write(struct file *file,
					const char __user *ubuf,
					size_t count, loff_t *ppos)
{
	struct sim_line *line = file->private_data;
	char *s = sim_user_string(ubuf, count);
	int dir;

	if (IS_ERR(s))
		return PTR_ERR(s);
	dir = match_string(sim_dir_names, ARRAY_SIZE(sim_dir_names), s);
	kfree(s);
	if (dir < 0)
		return dir;

	mutex_lock(&line->ctrl->fw->lock);
	line->dir = dir;
	mutex_unlock(&line->ctrl->fw->lock);

	return count;
}

static const struct file_operations sim_line_direction_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = sim_line_direction_read,
	.write = sim_line_direction_write,
	.llseek = default_llseek,
};

static ssize_t sim_line_irq_type_read(struct file *file, char __user *ubuf,
				      size_t count, loff_t *ppos)
{
	struct sim_line *line = file->private_data;
	u8 type;

	mutex_lock(&line->ctrl->fw->lock);
	type = line->irq_type;
	mutex_unlock(&line->ctrl->fw->lock);

	return sim_read_string(ubuf, count, ppos, sim_irq_type_name(type));
}

static const struct file_operations sim_line_irq_type_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = sim_line_irq_type_read,
	.llseek = default_llseek,
};

static int sim_ctrl_stats_show(struct seq_file *s, void *unused)
{
	struct sim_ctrl *ctrl = s->private;
	int i;

	mutex_lock(&ctrl->fw->lock);
	for (i = 0; i < SIM_NR_STATS; i++)
		seq_printf(s, "%s %llu\n", sim_stat_names[i], ctrl->stats[i]);
	mutex_unlock(&ctrl->fw->lock);

	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_ctrl_stats);

/* One line per GPIO line: offset direction out in irq_type masked wake */
static int sim_ctrl_lines_show(struct seq_file *s, void *unused)
{
	struct sim_ctrl *ctrl = s->private;
	unsigned int i;

	mutex_lock(&ctrl->fw->lock);
	for (i = 0; i < ctrl->nlines; i++) {
		struct sim_line *line = &ctrl->lines[i];

		seq_printf(s, "%u %s %u %u %s %u %u\n", i,
			   sim_dir_names[line->dir], line->out, line->in,
			   sim_irq_type_name(line->irq_type), line->masked,
			   line->wake);
	}
	mutex_unlock(&ctrl->fw->lock);

	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_ctrl_lines);

/*
 * One line per message from Linux, oldest first: "<command> <line>
 * <value>" ("get_value 3 0"), "unknown_cmd <cmd> <line> <value>" or
 * "bad_length <length>"; first "overflow <n>" if n older ones are gone.
 */
static int sim_ctrl_log_show(struct seq_file *s, void *unused)
{
	struct sim_ctrl *ctrl = s->private;
	unsigned long i, first = 0;

	mutex_lock(&ctrl->fw->lock);
	if (ctrl->log_count > SIM_LOG_SIZE) {
		first = ctrl->log_count - SIM_LOG_SIZE;
		seq_printf(s, "overflow %lu\n", first);
	}
	for (i = first; i < ctrl->log_count; i++) {
		struct sim_log_entry *e = &ctrl->log[i % SIM_LOG_SIZE];
		const char *name = sim_cmd_name(e->cmd);

		if (e->len != sizeof(struct rpmsg_gpio_request))
			seq_printf(s, "bad_length %u\n", e->len);
		else if (!name)
			seq_printf(s, "unknown_cmd %u %u %u\n", e->cmd, e->line,
				   e->value);
		else
			seq_printf(s, "%s %u %u\n", name, e->line, e->value);
	}
	mutex_unlock(&ctrl->fw->lock);

	return 0;
}

static int sim_ctrl_log_open(struct inode *inode, struct file *file)
{
	return single_open(file, sim_ctrl_log_show, inode->i_private);
}

/* Writing anything clears the log */
static ssize_t sim_ctrl_log_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	struct seq_file *s = file->private_data;
	struct sim_ctrl *ctrl = s->private;

	mutex_lock(&ctrl->fw->lock);
	ctrl->log_count = 0;
	mutex_unlock(&ctrl->fw->lock);

	return count;
}

static const struct file_operations sim_ctrl_log_fops = {
	.owner = THIS_MODULE,
	.open = sim_ctrl_log_open,
	.read = seq_read,
	.write = sim_ctrl_log_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static ssize_t sim_ctrl_reset_stats_write(struct file *file,
					  const char __user *ubuf,
					  size_t count, loff_t *ppos)
{
	struct sim_ctrl *ctrl = file->private_data;

	mutex_lock(&ctrl->fw->lock);
	memset(ctrl->stats, 0, sizeof(ctrl->stats));
	mutex_unlock(&ctrl->fw->lock);

	return count;
}

static const struct file_operations sim_ctrl_reset_stats_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sim_ctrl_reset_stats_write,
	.llseek = noop_llseek,
};

static ssize_t sim_ctrl_fault_read(struct file *file, char __user *ubuf,
				   size_t count, loff_t *ppos)
{
	struct sim_ctrl *ctrl = file->private_data;
	unsigned int pause_ms = 0;
	char buf[160];
	int len;

	mutex_lock(&ctrl->fw->lock);
	if (ctrl->paused && time_before(jiffies, ctrl->pause_until))
		pause_ms = jiffies_to_msecs(ctrl->pause_until - jiffies);
	len = scnprintf(buf, sizeof(buf), "delay_ms %u\n%s %u %u",
			ctrl->delay_ms, sim_fault_name(ctrl->fault),
			ctrl->fault_arg,
			ctrl->fault ? ctrl->fault_count : 0);
	if (ctrl->fault && ctrl->fault_cmd >= 0)
		len += scnprintf(buf + len, sizeof(buf) - len, " for %s:%u",
				 sim_cmd_name(ctrl->fault_cmd),
				 ctrl->fault_skip + 1);
	len += scnprintf(buf + len, sizeof(buf) - len,
			 "\npause %u %u\nheld %u\n",
			 pause_ms, ctrl->nqueued, ctrl->holding);
	mutex_unlock(&ctrl->fw->lock);

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

static ssize_t sim_ctrl_fault_write(struct file *file, const char __user *ubuf,
				    size_t count, loff_t *ppos)
{
	struct sim_ctrl *ctrl = file->private_data;
	char *s = sim_user_string(ubuf, count);
	int ret;

	if (IS_ERR(s))
		return PTR_ERR(s);

	mutex_lock(&ctrl->fw->lock);
	ret = sim_fault_parse(ctrl, s);
	mutex_unlock(&ctrl->fw->lock);
	kfree(s);

	return ret ?: count;
}

static const struct file_operations sim_ctrl_fault_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = sim_ctrl_fault_read,
	.write = sim_ctrl_fault_write,
	.llseek = default_llseek,
};

void sim_fw_debugfs_init(struct sim_fw *fw, struct dentry *parent)
{
	struct dentry *cdir, *ldir;
	unsigned int c, i;
	char name[16];

	for (c = 0; c < fw->nctrls; c++) {
		struct sim_ctrl *ctrl = &fw->ctrls[c];

		snprintf(name, sizeof(name), "ctrl%u", ctrl->index);
		cdir = debugfs_create_dir(name, parent);
		debugfs_create_u32("num_lines", 0444, cdir, &ctrl->nlines);
		debugfs_create_file("stats", 0444, cdir, ctrl,
				    &sim_ctrl_stats_fops);
		debugfs_create_file("lines", 0444, cdir, ctrl,
				    &sim_ctrl_lines_fops);
		debugfs_create_file("reset_stats", 0200, cdir, ctrl,
				    &sim_ctrl_reset_stats_fops);
		debugfs_create_file("fault", 0600, cdir, ctrl,
				    &sim_ctrl_fault_fops);
		debugfs_create_file("log", 0600, cdir, ctrl,
				    &sim_ctrl_log_fops);

		for (i = 0; i < ctrl->nlines; i++) {
			struct sim_line *line = &ctrl->lines[i];

			snprintf(name, sizeof(name), "line%u", i);
			ldir = debugfs_create_dir(name, cdir);
			debugfs_create_file_unsafe("input", 0644, ldir, line,
						   &sim_line_in_fops);
			debugfs_create_file("input_after", 0600, ldir, line,
					    &sim_line_input_after_fops);
			debugfs_create_file_unsafe("output", 0444, ldir, line,
						   &sim_line_out_fops);
			debugfs_create_file_unsafe("masked", 0444, ldir, line,
						   &sim_line_masked_fops);
			debugfs_create_file_unsafe("wake", 0444, ldir, line,
						   &sim_line_wake_fops);
			debugfs_create_file("direction", 0644, ldir, line,
					    &sim_line_direction_fops);
			debugfs_create_file("irq_type", 0444, ldir, line,
					    &sim_line_irq_type_fops);
		}
	}
}

/* ---------------------------------------------------------------------
 * Life cycle
 */

unsigned int sim_fw_num_ctrls(struct sim_fw *fw)
{
	return fw->nctrls;
}

unsigned int sim_fw_ctrl_index(struct sim_fw *fw, unsigned int pos)
{
	return fw->ctrls[pos].index;
}

void sim_fw_reset(struct sim_fw *fw)
{
	unsigned int c, i;

	mutex_lock(&fw->lock);
	for (c = 0; c < fw->nctrls; c++) {
		struct sim_ctrl *ctrl = &fw->ctrls[c];

		ctrl->fault = SIM_FAULT_NONE;
		ctrl->delay_ms = 0;
		/* What the dead firmware had not answered is lost */
		ctrl->holding = false;
		ctrl->paused = false;
		ctrl->nqueued = 0;
		ctrl->start_pause_ms = READ_ONCE(start_pause_ms);
		for (i = 0; i < ctrl->nlines; i++)
			sim_line_reset(&ctrl->lines[i]);
	}
	mutex_unlock(&fw->lock);
}

/* Apply the pullups parameter; lines the controllers lack are ignored */
static int sim_fw_pullups(struct sim_fw *fw, const char *spec)
{
	unsigned int c, index, line;
	char *copy, *p, *tok;
	int ret = 0;

	copy = kstrdup(spec ?: "", GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	p = copy;
	while ((tok = strsep(&p, ","))) {
		if (!*tok)
			continue;
		if (sscanf(tok, "%u:%u", &index, &line) != 2) {
			ret = -EINVAL;
			break;
		}
		for (c = 0; c < fw->nctrls; c++)
			if (fw->ctrls[c].index == index &&
			    line < fw->ctrls[c].nlines)
				fw->ctrls[c].lines[line].in = true;
	}
	kfree(copy);

	return ret;
}

/*
 * @spec: "index:lines[,index:lines...]", e.g. "0:32,1:20,2:8"; NULL or ""
 * for SIM_FW_DEFAULT_CONTROLLERS
 */
struct sim_fw *sim_fw_create(const char *spec, const struct sim_fw_ops *ops,
			     void *priv)
{
	unsigned int n = 1, c, i, index, nlines;
	char *copy, *p, *tok;
	struct sim_fw *fw;
	const char *q;
	int ret;

	if (!spec || !*spec)
		spec = SIM_FW_DEFAULT_CONTROLLERS;
	for (q = spec; *q; q++)
		n += *q == ',';

	fw = kzalloc(struct_size(fw, ctrls, n), GFP_KERNEL);
	if (!fw)
		return ERR_PTR(-ENOMEM);
	fw->nctrls = n;
	fw->ops = ops;
	fw->priv = priv;
	mutex_init(&fw->lock);
	/* Before anything can fail: sim_fw_destroy() cancels them all */
	for (c = 0; c < n; c++)
		INIT_DELAYED_WORK(&fw->ctrls[c].pause_work, sim_pause_work);
	for (i = 0; i < SIM_LATER_SLOTS; i++)
		INIT_DELAYED_WORK(&fw->later[i].work, sim_later_fn);

	copy = kstrdup(spec, GFP_KERNEL);
	if (!copy)
		goto err_nomem;

	p = copy;
	for (c = 0; (tok = strsep(&p, ",")); c++) {
		struct sim_ctrl *ctrl = &fw->ctrls[c];

		if (sscanf(tok, "%u:%u", &index, &nlines) != 2 ||
		    index >= RPMSG_GPIO_MAX_CONTROLLERS ||
		    !nlines || nlines > SIM_MAX_LINES)
			goto err_inval;
		for (i = 0; i < c; i++)
			if (fw->ctrls[i].index == index)
				goto err_inval;

		ctrl->fw = fw;
		ctrl->pos = c;
		ctrl->index = index;
		ctrl->nlines = nlines;
		ctrl->fault_cmd = -1;
		ctrl->start_pause_ms = READ_ONCE(start_pause_ms);
		ctrl->lines = kcalloc(nlines, sizeof(*ctrl->lines), GFP_KERNEL);
		ctrl->log = kcalloc(SIM_LOG_SIZE, sizeof(*ctrl->log),
				    GFP_KERNEL);
		ctrl->queue = kcalloc(SIM_MAX_QUEUED, sizeof(*ctrl->queue),
				      GFP_KERNEL);
		if (!ctrl->lines || !ctrl->log || !ctrl->queue) {
			kfree(copy);
			goto err_nomem;
		}
		for (i = 0; i < nlines; i++) {
			ctrl->lines[i].ctrl = ctrl;
			ctrl->lines[i].offset = i;
			sim_line_reset(&ctrl->lines[i]);
		}
	}
	kfree(copy);

	ret = sim_fw_pullups(fw, pullups);
	if (ret) {
		sim_fw_destroy(fw);
		return ERR_PTR(ret);
	}

	return fw;

err_inval:
	kfree(copy);
	sim_fw_destroy(fw);
	return ERR_PTR(-EINVAL);
err_nomem:
	sim_fw_destroy(fw);
	return ERR_PTR(-ENOMEM);
}

void sim_fw_destroy(struct sim_fw *fw)
{
	unsigned int c;

	for (c = 0; c < SIM_LATER_SLOTS; c++)
		cancel_delayed_work_sync(&fw->later[c].work);
	for (c = 0; c < fw->nctrls; c++) {
		cancel_delayed_work_sync(&fw->ctrls[c].pause_work);
		kfree(fw->ctrls[c].lines);
		kfree(fw->ctrls[c].log);
		kfree(fw->ctrls[c].queue);
	}
	mutex_destroy(&fw->lock);
	kfree(fw);
}
