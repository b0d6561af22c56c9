// SPDX-License-Identifier: GPL-2.0
/*
 * Control interface of the rpmsg GPIO simulator: the debugfs tree
 * rpmsg-gpio-sim/ (README.md). The remote's files at its top, what they
 * make it do in sim_rproc.c (sim_ctl.h); the firmware's in ctrl<N>/,
 * acting on the model's state (sim_fw_state.h) under its lock. A fault
 * of the firmware is one row of sim_fault_defs, an action of the remote
 * one row of sim_action_defs.
 */

#include <linux/debugfs.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/prandom.h>
#include <linux/rpmsg.h>
#include <linux/rpmsg/gpio.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "sim_ctl.h"
#include "sim_fw_state.h"

/* Reply delay of a "late" fault: past the driver's 1 s timeout */
#define SIM_LATE_MS		1500
#define SIM_MAX_FLOOD		100000
/* Longest pause, in ms */
#define SIM_MAX_PAUSE_MS	600000

static ssize_t sim_read_string(char __user *ubuf, size_t count, loff_t *ppos,
			       const char *s)
{
	char buf[32];
	int len = scnprintf(buf, sizeof(buf), "%s\n", s);

	return simple_read_from_buffer(ubuf, count, ppos, buf, len);
}

/* What a control file was written, trimmed; at most 64 bytes */
static char *sim_user_string(const char __user *ubuf, size_t count)
{
	char *s;

	if (count > 64)
		return ERR_PTR(-EINVAL);
	s = memdup_user_nul(ubuf, count);
	if (!IS_ERR(s))
		strim(s);
	return s;
}

/* ---------------------------------------------------------------------
 * The remote's files: rpmsg-gpio-sim/
 */

static ssize_t sim_ns_write(struct file *file, const char __user *ubuf,
			    size_t count, loff_t *ppos, bool create)
{
	struct sim *sim = file->private_data;
	char *name = sim_user_string(ubuf, count);
	int ret;

	if (IS_ERR(name))
		return PTR_ERR(name);
	ret = sim_remote_announce(sim, name, create);
	kfree(name);

	return ret ?: count;
}

static ssize_t sim_announce_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	return sim_ns_write(file, ubuf, count, ppos, true);
}

static ssize_t sim_withdraw_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	return sim_ns_write(file, ubuf, count, ppos, false);
}

static const struct file_operations sim_announce_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sim_announce_write,
	.llseek = noop_llseek,
};

static const struct file_operations sim_withdraw_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sim_withdraw_write,
	.llseek = noop_llseek,
};

static int sim_act_hang(struct sim *sim)
{
	sim_remote_hang(sim, true);
	return 0;
}

static int sim_act_unhang(struct sim *sim)
{
	sim_remote_hang(sim, false);
	return 0;
}

/* The remote's actions at once: one write-only file each, one row each */
static const struct sim_action_def {
	const char *name;
	int (*act)(struct sim *sim);
} sim_action_defs[] = {
	{ "crash", sim_remote_crash },
	{ "stop", sim_remote_shutdown },
	{ "start", sim_remote_start },
	{ "detach", sim_remote_detach },
	{ "ns_destroy_self", sim_remote_ns_destroy_self },
	{ "hang", sim_act_hang },
	{ "unhang", sim_act_unhang },
};

static ssize_t sim_action_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	const struct sim_action_def *def = debugfs_get_aux(file);
	struct sim *sim = file->private_data;

	return def->act(sim) ?: count;
}

static const struct file_operations sim_action_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sim_action_write,
	.llseek = noop_llseek,
};

/* "MS crash", "MS wake", "MS withdraw NAME" or "0 cancel": sim_remote_after() */
static ssize_t sim_after_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct sim *sim = file->private_data;
	char action[16], name[RPMSG_NAME_SIZE] = "";
	unsigned int ms;
	char *s;
	int n;

	s = sim_user_string(ubuf, count);
	if (IS_ERR(s))
		return PTR_ERR(s);
	n = sscanf(s, "%u %15s %31s", &ms, action, name);
	kfree(s);
	if (n < 2 || ms > 600000)
		return -EINVAL;
	if (!strcmp(action, "cancel")) {
		sim_remote_after_cancel(sim);
		return count;
	}

	return sim_remote_after(sim, ms, action, name) ?: count;
}

static const struct file_operations sim_after_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = sim_after_write,
	.llseek = noop_llseek,
};

static int sim_stats_show(struct seq_file *s, void *unused)
{
	sim_remote_stats_show(s->private, s);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_stats);

/* name addr peer controller announced; peer -1: not known yet */
static int sim_channels_show(struct seq_file *s, void *unused)
{
	sim_remote_channels_show(s->private, s);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(sim_channels);

/* ---------------------------------------------------------------------
 * The firmware's faults and immediate actions: ctrl<N>/fault
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
 * The firmware's files: rpmsg-gpio-sim/ctrl<N>/ and its line<M>/
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
 * remote's own (sim_line_set_input_later())
 */
static ssize_t sim_line_input_after_write(struct file *file,
					  const char __user *ubuf,
					  size_t count, loff_t *ppos)
{
	struct sim_line *line = file->private_data;
	struct sim_fw *fw = line->ctrl->fw;
	unsigned int level, ms;
	char *s;
	int ret;

	s = sim_user_string(ubuf, count);
	if (IS_ERR(s))
		return PTR_ERR(s);
	if (sscanf(s, "%u %u", &level, &ms) != 2 || level > 1 || ms > 600000) {
		kfree(s);
		return -EINVAL;
	}
	kfree(s);

	mutex_lock(&fw->lock);
	ret = sim_line_set_input_later(line, level, ms);
	mutex_unlock(&fw->lock);

	return ret ?: count;
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

static void sim_ctl_fw_create(struct sim_fw *fw, struct dentry *parent)
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
 * The tree
 */

struct dentry *sim_ctl_create(struct sim *sim, struct sim_fw *fw)
{
	struct dentry *dir = debugfs_create_dir("rpmsg-gpio-sim", NULL);
	int i;

	debugfs_create_file("announce", 0200, dir, sim, &sim_announce_fops);
	debugfs_create_file("withdraw", 0200, dir, sim, &sim_withdraw_fops);
	debugfs_create_file("after", 0200, dir, sim, &sim_after_fops);
	for (i = 0; i < ARRAY_SIZE(sim_action_defs); i++)
		debugfs_create_file_aux(sim_action_defs[i].name, 0200, dir,
					sim, &sim_action_defs[i],
					&sim_action_fops);
	debugfs_create_file("stats", 0444, dir, sim, &sim_stats_fops);
	debugfs_create_file("channels", 0444, dir, sim, &sim_channels_fops);
	sim_ctl_fw_create(fw, dir);

	return dir;
}
