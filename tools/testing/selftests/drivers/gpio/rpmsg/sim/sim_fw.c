// SPDX-License-Identifier: GPL-2.0
/*
 * Firmware model of the rpmsg GPIO simulator.
 *
 * A set of GPIO controllers as the remote firmware sees them: per line a
 * direction, the level Linux drives, the level the outside world (the
 * test) applies, an interrupt type, a mask and a wakeup flag. Requests
 * are answered as <linux/rpmsg/gpio.h> describes; input changes raise
 * notifications. The faults the control interface (sim_ctl.c) injects
 * per controller take effect here. Every message leaves through
 * sim_fw_ops.send(); nothing here knows about vrings.
 */

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/rpmsg.h>
#include <linux/rpmsg/gpio.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/workqueue.h>

#include "sim_fw_state.h"

#define SIM_MAX_LINES		1024
/* Requests a paused controller keeps for later: more than Linux's tx ring */
#define SIM_MAX_QUEUED		512

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

const char * const sim_stat_names[SIM_NR_STATS] = {
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

/* ---------------------------------------------------------------------
 * Sending
 */

/* To Linux's endpoint @dst (RPMSG_ADDR_ANY: the one that spoke last) */
static void sim_send_to(struct sim_ctrl *ctrl, u32 dst, const void *data,
			size_t len, unsigned int delay_ms)
{
	struct sim_fw *fw = ctrl->fw;

	fw->ops->send(fw->priv, ctrl->pos, dst, data, len, delay_ms);
}

void sim_send(struct sim_ctrl *ctrl, const void *data, size_t len,
	      unsigned int delay_ms)
{
	sim_send_to(ctrl, RPMSG_ADDR_ANY, data, len, delay_ms);
}

void sim_notify_raw(struct sim_ctrl *ctrl, unsigned int line, u8 trigger)
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
			ctrl->held_dst = ctrl->cur_src;
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
		sim_send_to(ctrl, ctrl->cur_src, buf, len, delay);
	}
}

/* A reply held back by the "hold" fault leaves now, late but in order */
void sim_release_held(struct sim_ctrl *ctrl)
{
	if (!ctrl->holding)
		return;
	ctrl->holding = false;
	ctrl->stats[SIM_STAT_REPLIES]++;
	sim_send_to(ctrl, ctrl->held_dst, ctrl->held, ctrl->held_len,
		    ctrl->delay_ms);
}

/* ---------------------------------------------------------------------
 * Lines and interrupts
 */

bool sim_line_armed(struct sim_line *line)
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

void sim_line_set_input(struct sim_line *line, bool level)
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

/* -EBUSY when SIM_LATER_SLOTS changes are pending already */
int sim_line_set_input_later(struct sim_line *line, bool level,
			     unsigned int ms)
{
	struct sim_fw *fw = line->ctrl->fw;
	unsigned int i;

	lockdep_assert_held(&fw->lock);
	for (i = 0; i < SIM_LATER_SLOTS; i++) {
		struct sim_later *later = &fw->later[i];

		if (later->line)
			continue;
		later->line = line;
		later->level = level;
		queue_delayed_work(system_dfl_wq, &later->work,
				   msecs_to_jiffies(ms));
		return 0;
	}
	return -EBUSY;
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

const char *sim_cmd_name(u16 cmd)
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
static void sim_process(struct sim_ctrl *ctrl, u32 src, const void *data,
			size_t len)
{
	struct rpmsg_gpio_request req = {};
	unsigned int arg;

	/* A held reply goes out just before the reply to the next request */
	sim_release_held(ctrl);

	memcpy(&req, data, min(len, sizeof(req)));
	ctrl->cur_cmd = len == sizeof(req) ? le16_to_cpu(req.cmd) : -1;
	ctrl->cur_src = src;

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
void sim_pause(struct sim_ctrl *ctrl, unsigned int ms)
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
			sim_process(ctrl, ctrl->queue[i].src,
				    ctrl->queue[i].data, ctrl->queue[i].len);
		ctrl->nqueued = 0;
	}
	mutex_unlock(&ctrl->fw->lock);
}

void sim_fw_receive(struct sim_fw *fw, unsigned int pos, u32 src,
		    const void *data, size_t len)
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
			q->src = src;
			q->len = min_t(size_t, len, U16_MAX);
			memcpy(q->data, data, min(len, sizeof(q->data)));
		}
	} else {
		sim_process(ctrl, src, data, len);
	}

	mutex_unlock(&fw->lock);
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
