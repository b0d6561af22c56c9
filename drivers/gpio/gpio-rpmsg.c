// SPDX-License-Identifier: GPL-2.0-only
/*
 * GPIO driver for controllers on a remote processor, reached over rpmsg
 *
 * The remote announces one "rpmsg-io-<N>" channel per controller. The wire
 * format is in include/linux/rpmsg/gpio.h, the protocol is described in
 * Documentation/driver-api/gpio/gpio-rpmsg.rst.
 */

#include <linux/array_size.h>
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/cleanup.h>
#include <linux/container_of.h>
#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/device.h>
#include <linux/devm-helpers.h>
#include <linux/err.h>
#include <linux/gpio/driver.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/jiffies.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/lockdep.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/pm.h>
#include <linux/pm_wakeup.h>
#include <linux/rpmsg.h>
#include <linux/rpmsg/gpio.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#define RPMSG_GPIO_DEFAULT_NGPIO	32
/* An owed reply is presumed lost this many timeouts after its request */
#define RPMSG_GPIO_GRACE		3
/* rpmsg_gpio_line.sent_type after a failed SET_IRQ_TYPE */
#define RPMSG_GPIO_IRQ_TYPE_UNKNOWN	0xff
#define RPMSG_GPIO_WAKEUP_UNKNOWN	0xff
/* While the remote takes no message, look for a free tx buffer this often */
#define RPMSG_GPIO_TX_POLL_MS		5
/* Initial line states (hogs) are tried this many times, a timeout apart */
#define RPMSG_GPIO_INIT_TRIES		30

static unsigned int timeout_ms = 1000;
/* Runs the interrupt handlers, see "Interrupts" below */
static struct workqueue_struct *rpmsg_gpio_wq;

static int rpmsg_gpio_set_timeout(const char *val,
				  const struct kernel_param *kp)
{
	return param_set_uint_minmax(val, kp, 1, 60000);
}

static const struct kernel_param_ops rpmsg_gpio_timeout_ops = {
	.set = rpmsg_gpio_set_timeout,
	.get = param_get_uint,
};
module_param_cb(timeout_ms, &rpmsg_gpio_timeout_ops, &timeout_ms, 0644);
MODULE_PARM_DESC(timeout_ms,
		 "How long to wait for each reply, in ms (1..60000, default 1000)");

static struct dentry *rpmsg_gpio_debugfs_root;

enum rpmsg_gpio_drop {
	RPMSG_GPIO_DROP_LENGTH,
	RPMSG_GPIO_DROP_TYPE,
	RPMSG_GPIO_DROP_LINE,
	RPMSG_GPIO_DROP_DISARMED,
	RPMSG_GPIO_DROP_UNSOLICITED,
	RPMSG_GPIO_NR_DROPS
};

static const char * const rpmsg_gpio_drop_names[RPMSG_GPIO_NR_DROPS] = {
	[RPMSG_GPIO_DROP_LENGTH]	= "bad_length",
	[RPMSG_GPIO_DROP_TYPE]		= "bad_type",
	[RPMSG_GPIO_DROP_LINE]		= "bad_line",
	[RPMSG_GPIO_DROP_DISARMED]	= "irq_disabled",
	[RPMSG_GPIO_DROP_UNSOLICITED]	= "unsolicited_reply",
};

static const char * const rpmsg_gpio_cmd_names[] = {
	[RPMSG_GPIO_CMD_GET_DIRECTION]	= "get_direction",
	[RPMSG_GPIO_CMD_SET_DIRECTION]	= "set_direction",
	[RPMSG_GPIO_CMD_GET_VALUE]	= "get_value",
	[RPMSG_GPIO_CMD_SET_VALUE]	= "set_value",
	[RPMSG_GPIO_CMD_SET_IRQ_TYPE]	= "set_irq_type",
	[RPMSG_GPIO_CMD_SET_WAKEUP]	= "set_wakeup",
};

struct rpmsg_gpio_stats {
	unsigned long requests[ARRAY_SIZE(rpmsg_gpio_cmd_names)];
	unsigned long send_errors;
	unsigned long replies;
	unsigned long error_replies;
	unsigned long timeouts;
	unsigned long blocked;
	unsigned long late_replies;
	unsigned long lost_replies;
	unsigned long resent;
	unsigned long unconfirmed;
	unsigned long tx_full;
	unsigned long notifications;
	unsigned long held;
	unsigned long wakeups;
	unsigned long rearm_failures;
	unsigned long init_retries;
	unsigned long dropped[RPMSG_GPIO_NR_DROPS];
};

struct rpmsg_gpio_line {
	/* Protected by rpmsg_gpio.state_lock, read locklessly with READ_ONCE */
	u8 dir;		/* Cached RPMSG_GPIO_DIR_*, NONE if unknown */
	u8 init_value;	/* Output level set during registration */

	/* Interrupt state, protected by rpmsg_gpio.irq_lock */
	u8 type;	/* RPMSG_GPIO_IRQ_TYPE_* requested by Linux */
	u8 sent_type;	/* Type the remote was last told, or UNKNOWN */
	bool masked;
	bool wake;
	u8 sent_wake;	/* Wake state the remote was last told, or UNKNOWN */
};

struct rpmsg_gpio {
	struct rpmsg_device *rpdev;
	struct gpio_chip gc;
	struct rpmsg_gpio_line *lines;
	/*
	 * The task in gpiochip_add_data(): what it asks is answered from the
	 * cache, what it sets (the hogs) is sent afterwards
	 */
	struct task_struct *registrar;

	/* Serialises line state changes: lines[].dir, init_pending */
	struct mutex state_lock;
	unsigned long *init_pending;	/* Lines set during registration */
	unsigned int init_tries;
	struct delayed_work init_work;

	struct mutex req_lock;	/* Serialises requests: one at a time */
	wait_queue_head_t wait;	/* Woken on reply and on remove */

	spinlock_t lock;	/* Protects the fields below, up to stats */
	bool dead;		/* Channel removed: fail every request */
	bool holding;		/* System sleep: notifications are held */
	bool woke;		/* A wakeup was reported during this sleep */
	bool owed;		/* A request was sent, its reply not received */
	bool waiting;		/* Its sender is still waiting for the reply */
	bool garbled;		/* The reply came, but was no valid reply */
	unsigned long owed_until; /* Then the owed reply is presumed lost */
	unsigned int suspect;	/* Replies presumed lost that may still come */
	struct rpmsg_gpio_reply reply;
	struct rpmsg_gpio_stats stats;

	struct mutex irq_lock;	/* irq bus lock: irq state in lines[] */
	/* Atomic bitmaps, also used from the receive callback */
	DECLARE_BITMAP(irq_armed, RPMSG_GPIO_MAX_IRQ_LINES);   /* Enabled */
	DECLARE_BITMAP(irq_pending, RPMSG_GPIO_MAX_IRQ_LINES); /* To handle */
	DECLARE_BITMAP(irq_rearm, RPMSG_GPIO_MAX_IRQ_LINES);   /* To re-arm */
	DECLARE_BITMAP(irq_wake, RPMSG_GPIO_MAX_IRQ_LINES);    /* May wake */
	struct delayed_work notify_work;

	struct dentry *debugfs;
};

/*
 * Transport
 *
 * The protocol expects one request at a time per channel and has no
 * sequence number: a reply can only be matched to the request that is
 * outstanding. When a request times out its reply is still owed, and a new
 * request sent now would take that late reply for its own answer. So while
 * a reply is owed nothing is sent: the next request first waits, within
 * its own timeout, for the owed reply, which is discarded and counted as
 * late when it arrives.
 *
 * So that a remote that dropped a reply does not wedge the channel, the
 * owed reply is presumed lost RPMSG_GPIO_GRACE timeouts after its request
 * was sent, and requests flow again. But a remote that answers in order,
 * only very late, may still send it, just before the answer to a later
 * request. Until every reply presumed lost has come in (it then arrives
 * while nothing is owed), chip->suspect counts them, and an answer is
 * believed only when suspect + 1 replies in a row to the same request
 * agree: the first suspect replies may be stale, the next one cannot be.
 * Every request is idempotent, so asking again changes nothing.
 *
 * A message that is neither a valid reply nor a notification (wrong length
 * or type) arriving while a reply is owed may be that reply, garbled, or
 * an extra message ahead of it: the two cannot be told apart. A waiting
 * operation fails with -EPROTO at once, and the owed reply is counted with
 * those that may still come (suspect): requests flow on, their answers
 * confirmed, and a real reply arriving after all is not taken for the
 * answer to another request. If the garbled message was the reply, the
 * cost stays until the channel is bound anew, as after a lost reply.
 */
static void rpmsg_gpio_drop(struct rpmsg_gpio *chip, enum rpmsg_gpio_drop why,
			    const void *data, int len)
{
	unsigned long flags;

	spin_lock_irqsave(&chip->lock, flags);
	chip->stats.dropped[why]++;
	spin_unlock_irqrestore(&chip->lock, flags);

	dev_warn_ratelimited(&chip->rpdev->dev, "dropped message (%s): %*ph\n",
			     rpmsg_gpio_drop_names[why], clamp(len, 0, 8), data);
}

/* A message that is no valid reply or notification, see above */
static void rpmsg_gpio_rx_garbled(struct rpmsg_gpio *chip,
				  enum rpmsg_gpio_drop why,
				  const void *data, int len)
{
	unsigned long flags;
	bool owed;

	spin_lock_irqsave(&chip->lock, flags);
	owed = chip->owed;
	if (owed) {
		chip->owed = false;
		chip->suspect++;
		if (chip->waiting)
			chip->garbled = true;
	}
	spin_unlock_irqrestore(&chip->lock, flags);

	rpmsg_gpio_drop(chip, why, data, len);
	if (owed)
		wake_up_all(&chip->wait);
}

static bool rpmsg_gpio_settled(struct rpmsg_gpio *chip)
{
	return !READ_ONCE(chip->owed) || READ_ONCE(chip->dead);
}

static long rpmsg_gpio_left(unsigned long deadline)
{
	return max_t(long, (long)(deadline - jiffies), 0);
}

/*
 * Wait until no reply is owed, see above, at most until @deadline.
 * Called with req_lock held.
 */
static int rpmsg_gpio_wait_owed(struct rpmsg_gpio *chip, unsigned long deadline)
{
	unsigned long until;

	scoped_guard(spinlock_irq, &chip->lock) {
		if (chip->dead)
			return -ENODEV;
		if (!chip->owed)
			return 0;
		until = time_before(chip->owed_until, deadline) ?
			chip->owed_until : deadline;
	}

	wait_event_timeout(chip->wait, rpmsg_gpio_settled(chip),
			   rpmsg_gpio_left(until));

	guard(spinlock_irq)(&chip->lock);
	if (chip->dead)
		return -ENODEV;
	if (!chip->owed)
		return 0;
	if (time_before(jiffies, chip->owed_until)) {
		chip->stats.blocked++;
		return -ETIMEDOUT;
	}
	chip->owed = false;
	chip->suspect++;
	chip->stats.lost_replies++;
	return 0;
}

/*
 * rpmsg_send() would wait up to 15 s for a tx buffer when the remote takes
 * no message. Try without waiting until @deadline instead: a hung remote
 * then costs each operation its own timeout and no more, and remove()
 * never waits behind a send (except on a transport that cannot try,
 * where rpmsg_send() is all there is).
 */
static int rpmsg_gpio_send(struct rpmsg_gpio *chip,
			   const struct rpmsg_gpio_request *req,
			   unsigned long deadline)
{
	struct rpmsg_endpoint *ept = chip->rpdev->ept;
	int ret;

	for (;;) {
		ret = rpmsg_trysend(ept, req, sizeof(*req));
		if (ret == -ENXIO)	/* The transport cannot try */
			return rpmsg_send(ept, req, sizeof(*req));
		if (ret != -ENOMEM && ret != -EAGAIN)
			return ret;

		if (!rpmsg_gpio_left(deadline))
			return -EBUSY;
		wait_event_timeout(chip->wait, READ_ONCE(chip->dead),
				   msecs_to_jiffies(RPMSG_GPIO_TX_POLL_MS));
		if (READ_ONCE(chip->dead))
			return -ENODEV;
	}
}

/* Send @req and wait for its reply until @deadline. req_lock held. */
static int rpmsg_gpio_xfer(struct rpmsg_gpio *chip,
			   const struct rpmsg_gpio_request *req,
			   unsigned long timeout, unsigned long deadline,
			   struct rpmsg_gpio_reply *reply)
{
	int ret;

	scoped_guard(spinlock_irq, &chip->lock) {
		if (chip->dead)
			return -ENODEV;
		/*
		 * Its time went into waiting for an owed reply, presumed lost
		 * at the end: sent now, this request could only time out and
		 * leave its own reply owed.
		 */
		if (!rpmsg_gpio_left(deadline)) {
			chip->stats.blocked++;
			return -ETIMEDOUT;
		}
		chip->owed = true;
		chip->waiting = true;
		chip->garbled = false;
		chip->owed_until = jiffies + RPMSG_GPIO_GRACE * timeout;
		chip->stats.requests[le16_to_cpu(req->cmd)]++;
	}

	ret = rpmsg_gpio_send(chip, req, deadline);
	if (ret) {
		scoped_guard(spinlock_irq, &chip->lock) {
			chip->owed = false;
			chip->waiting = false;
			if (ret == -EBUSY)
				chip->stats.tx_full++;
			else
				chip->stats.send_errors++;
		}
		dev_err_ratelimited(&chip->rpdev->dev,
				    ret == -EBUSY ? "remote takes no message\n" :
				    "failed to send request: %d\n", ret);
		return ret;
	}

	wait_event_timeout(chip->wait, rpmsg_gpio_settled(chip),
			   rpmsg_gpio_left(deadline));

	/* Decide under the lock: the reply may race with the timeout */
	guard(spinlock_irq)(&chip->lock);
	chip->waiting = false;
	if (chip->owed) {
		if (chip->dead)
			return -ENODEV;
		chip->stats.timeouts++;
		return -ETIMEDOUT;
	}
	if (chip->garbled)
		return -EPROTO;
	*reply = chip->reply;
	return 0;
}

static int rpmsg_gpio_request(struct rpmsg_gpio *chip, u16 cmd,
			      unsigned int line, u32 value, u8 *result)
{
	struct rpmsg_gpio_request req = {
		.cmd = cpu_to_le16(cmd),
		.line = cpu_to_le16(line),
		.value = cpu_to_le32(value),
	};
	unsigned long timeout = msecs_to_jiffies(READ_ONCE(timeout_ms));
	struct rpmsg_gpio_reply reply, prev = { };
	unsigned int suspect, run = 0, tries;
	unsigned long deadline;
	int ret;

	guard(mutex)(&chip->req_lock);
	/* Counted from the channel's turn, as documented */
	deadline = jiffies + timeout;

	ret = rpmsg_gpio_wait_owed(chip, deadline);
	if (ret)
		return ret;

	scoped_guard(spinlock_irq, &chip->lock)
		suspect = chip->suspect;

	/*
	 * See "Transport" above: at most suspect stale replies, then
	 * agreement. Each copy has a timeout of its own, so that a remote
	 * slower than timeout / (suspect + 1) still gets its answers through
	 * instead of failing every operation (and owing ever more replies).
	 */
	for (tries = 0; run <= suspect && tries < 2 * suspect + 1; tries++) {
		if (tries) {
			scoped_guard(spinlock_irq, &chip->lock)
				chip->stats.resent++;
			deadline = jiffies + timeout;
		}
		ret = rpmsg_gpio_xfer(chip, &req, timeout, deadline, &reply);
		if (ret)
			return ret;
		run = run && !memcmp(&reply, &prev, sizeof(reply)) ? run + 1 : 1;
		prev = reply;
	}

	if (run <= suspect) {
		scoped_guard(spinlock_irq, &chip->lock)
			chip->stats.unconfirmed++;
		return -EIO;
	}

	if (reply.status != RPMSG_GPIO_STATUS_OK)
		return -EIO;

	if (result)
		*result = reply.value;

	return 0;
}

static void rpmsg_gpio_rx_reply(struct rpmsg_gpio *chip,
				const struct rpmsg_gpio_reply *reply)
{
	unsigned long flags;
	bool owed, unsolicited = false;

	spin_lock_irqsave(&chip->lock, flags);
	owed = chip->owed;
	if (owed) {
		chip->owed = false;
		if (chip->waiting) {
			chip->reply = *reply;
			chip->stats.replies++;
			if (reply->status != RPMSG_GPIO_STATUS_OK)
				chip->stats.error_replies++;
		} else {
			chip->stats.late_replies++;
		}
	} else if (chip->suspect) {
		/* A reply presumed lost, arriving after all */
		chip->suspect--;
		chip->stats.late_replies++;
	} else {
		unsolicited = true;
	}
	spin_unlock_irqrestore(&chip->lock, flags);

	if (unsolicited)
		rpmsg_gpio_drop(chip, RPMSG_GPIO_DROP_UNSOLICITED, reply,
				sizeof(*reply));
	else if (owed)
		wake_up_all(&chip->wait);
}

static void rpmsg_gpio_rx_notify(struct rpmsg_gpio *chip,
				 const struct rpmsg_gpio_notification *notify)
{
	unsigned int line = notify->line;
	unsigned long flags;
	bool wake = false;

	if (line >= chip->gc.ngpio) {
		rpmsg_gpio_drop(chip, RPMSG_GPIO_DROP_LINE, notify,
				sizeof(*notify));
		return;
	}

	if (!test_bit(line, chip->irq_armed)) {
		rpmsg_gpio_drop(chip, RPMSG_GPIO_DROP_DISARMED, notify,
				sizeof(*notify));
		return;
	}

	/* The remote has masked the line. Handlers sleep: use a work item */
	spin_lock_irqsave(&chip->lock, flags);
	if (!chip->dead) {
		chip->stats.notifications++;
		set_bit(line, chip->irq_rearm);
		set_bit(line, chip->irq_pending);
		if (chip->holding) {
			/* Delivered at resume; a wake line ends the sleep */
			chip->stats.held++;
			wake = test_bit(line, chip->irq_wake) && !chip->woke;
			if (wake) {
				chip->woke = true;
				chip->stats.wakeups++;
			}
		} else {
			mod_delayed_work(rpmsg_gpio_wq, &chip->notify_work, 0);
		}
	}
	spin_unlock_irqrestore(&chip->lock, flags);

	if (wake)
		pm_wakeup_dev_event(&chip->rpdev->dev, 0, true);
}

/* May run in any context, depending on the rpmsg transport */
static int rpmsg_gpio_rx(struct rpmsg_device *rpdev, void *data, int len,
			 void *priv, u32 src)
{
	struct rpmsg_gpio *chip = dev_get_drvdata(&rpdev->dev);
	const u8 *type = data;

	if (!chip)
		return 0;

	/* Both kinds of message are 3 bytes long */
	if (len != sizeof(struct rpmsg_gpio_reply)) {
		rpmsg_gpio_rx_garbled(chip, RPMSG_GPIO_DROP_LENGTH, data, len);
		return 0;
	}

	switch (*type) {
	case RPMSG_GPIO_MSG_REPLY:
		rpmsg_gpio_rx_reply(chip, data);
		break;
	case RPMSG_GPIO_MSG_NOTIFY:
		rpmsg_gpio_rx_notify(chip, data);
		break;
	default:
		rpmsg_gpio_rx_garbled(chip, RPMSG_GPIO_DROP_TYPE, data, len);
		break;
	}

	return 0;
}

/*
 * GPIO operations
 *
 * Line state changes hold state_lock, so that the cached direction is the
 * one the remote got last.
 */
static int rpmsg_gpio_set_direction(struct rpmsg_gpio *chip,
				    unsigned int line, u8 dir)
{
	int ret;

	lockdep_assert_held(&chip->state_lock);

	ret = rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_SET_DIRECTION, line, dir,
				 NULL);
	/* After a failure the remote's direction is unknown */
	WRITE_ONCE(chip->lines[line].dir, ret ? RPMSG_GPIO_DIR_NONE : dir);

	return ret;
}

/* Value first, so that the line never drives its previous level */
static int rpmsg_gpio_set_output(struct rpmsg_gpio *chip, unsigned int line,
				 int value)
{
	int ret;

	lockdep_assert_held(&chip->state_lock);

	ret = rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_SET_VALUE, line, !!value,
				 NULL);
	if (ret)
		return ret;

	return rpmsg_gpio_set_direction(chip, line, RPMSG_GPIO_DIR_OUT);
}

/*
 * Initial states
 *
 * gpiolib applies the DT hogs inside gpiochip_add_data(), and fails the
 * whole chip if one fails. A remote that does not answer yet (firmware
 * that announces its channels before its GPIO service runs, a queue of
 * announcements after a crash) must not cost the chip, so what gpiolib
 * sets during registration is only recorded (lines[].dir, init_value) and
 * sent afterwards by init_work, retried a timeout apart with a bound.
 * Until then get_direction() reports the recorded direction, and any
 * other operation on the line first sends the recorded state and fails
 * with its error if it cannot: a line never reports a state the remote
 * was not given.
 */
static int rpmsg_gpio_apply_initial(struct rpmsg_gpio *chip, unsigned int line)
{
	struct rpmsg_gpio_line *l = &chip->lines[line];
	u8 dir = l->dir;
	int ret;

	lockdep_assert_held(&chip->state_lock);

	if (!test_bit(line, chip->init_pending))
		return 0;

	if (dir == RPMSG_GPIO_DIR_OUT)
		ret = rpmsg_gpio_set_output(chip, line, l->init_value);
	else
		ret = rpmsg_gpio_set_direction(chip, line, RPMSG_GPIO_DIR_IN);
	if (ret) {
		/* Still the state to report and to send */
		WRITE_ONCE(l->dir, dir);
		return ret;
	}

	clear_bit(line, chip->init_pending);
	return 0;
}

static int rpmsg_gpio_record_initial(struct rpmsg_gpio *chip,
				     unsigned int line, u8 dir, int value)
{
	struct rpmsg_gpio_line *l = &chip->lines[line];

	WRITE_ONCE(l->dir, dir);
	l->init_value = !!value;
	set_bit(line, chip->init_pending);
	return 0;
}

static void rpmsg_gpio_init_work(struct work_struct *work)
{
	struct rpmsg_gpio *chip = container_of(to_delayed_work(work),
					       struct rpmsg_gpio, init_work);
	struct device *dev = &chip->rpdev->dev;
	unsigned int line;
	int ret = 0;

	guard(mutex)(&chip->state_lock);

	for_each_set_bit(line, chip->init_pending, chip->gc.ngpio) {
		ret = rpmsg_gpio_apply_initial(chip, line);
		if (ret)
			break;
	}

	if (!ret) {
		if (chip->init_tries)
			dev_info(dev, "initial line states sent\n");
		return;
	}
	if (ret == -ENODEV)
		return;

	/* Log once, not per retry */
	if (!chip->init_tries)
		dev_warn(dev, "remote not answering (%d): initial line states pending\n",
			 ret);
	scoped_guard(spinlock_irq, &chip->lock)
		chip->stats.init_retries++;
	if (++chip->init_tries >= RPMSG_GPIO_INIT_TRIES) {
		dev_err(dev, "gave up sending the initial line states: %d\n",
			ret);
		return;
	}

	queue_delayed_work(system_dfl_long_wq, &chip->init_work,
			   msecs_to_jiffies(READ_ONCE(timeout_ms)));
}

/* Called by the task registering the chip, from gpiochip_add_data() */
static bool rpmsg_gpio_registering(struct rpmsg_gpio *chip)
{
	return READ_ONCE(chip->registrar) == current;
}

/*
 * gpiochip_add_data() reads the direction of every line: answer from the
 * cache, "input" while unknown, so that registration costs no message and
 * does not depend on the remote answering. Afterwards an unknown direction
 * is asked for once (gpiolib does so when a line is requested).
 */
static int rpmsg_gpio_get_direction(struct gpio_chip *gc, unsigned int line)
{
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	u8 dir = READ_ONCE(chip->lines[line].dir);
	int ret;

	if (dir == RPMSG_GPIO_DIR_NONE && !rpmsg_gpio_registering(chip)) {
		guard(mutex)(&chip->state_lock);
		ret = rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_GET_DIRECTION,
					 line, 0, &dir);
		if (ret)
			return ret;

		switch (dir) {
		case RPMSG_GPIO_DIR_NONE:	/* Not driven: report input */
			break;
		case RPMSG_GPIO_DIR_OUT:
		case RPMSG_GPIO_DIR_IN:
			WRITE_ONCE(chip->lines[line].dir, dir);
			break;
		default:
			return -EPROTO;
		}
	}

	return dir == RPMSG_GPIO_DIR_OUT ? GPIO_LINE_DIRECTION_OUT :
					   GPIO_LINE_DIRECTION_IN;
}

static int rpmsg_gpio_direction_input(struct gpio_chip *gc, unsigned int line)
{
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);

	guard(mutex)(&chip->state_lock);
	if (rpmsg_gpio_registering(chip))
		return rpmsg_gpio_record_initial(chip, line, RPMSG_GPIO_DIR_IN, 0);

	clear_bit(line, chip->init_pending);
	return rpmsg_gpio_set_direction(chip, line, RPMSG_GPIO_DIR_IN);
}

static int rpmsg_gpio_direction_output(struct gpio_chip *gc, unsigned int line,
				       int value)
{
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);

	guard(mutex)(&chip->state_lock);
	if (rpmsg_gpio_registering(chip))
		return rpmsg_gpio_record_initial(chip, line, RPMSG_GPIO_DIR_OUT,
						 value);

	clear_bit(line, chip->init_pending);
	return rpmsg_gpio_set_output(chip, line, value);
}

static int rpmsg_gpio_get(struct gpio_chip *gc, unsigned int line)
{
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	u8 value;
	int ret;

	scoped_guard(mutex, &chip->state_lock) {
		if (!rpmsg_gpio_registering(chip)) {
			ret = rpmsg_gpio_apply_initial(chip, line);
			if (ret)
				return ret;
		} else if (test_bit(line, chip->init_pending) &&
			   chip->lines[line].dir == RPMSG_GPIO_DIR_OUT) {
			/* An output set during registration: what was set */
			return chip->lines[line].init_value;
		}
	}

	ret = rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_GET_VALUE, line, 0,
				 &value);
	if (ret)
		return ret;

	return value <= 1 ? value : -EPROTO;
}

static int rpmsg_gpio_set(struct gpio_chip *gc, unsigned int line, int value)
{
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);

	guard(mutex)(&chip->state_lock);
	if (test_bit(line, chip->init_pending)) {
		chip->lines[line].init_value = !!value;
		if (rpmsg_gpio_registering(chip))
			return 0;
		return rpmsg_gpio_apply_initial(chip, line);
	}

	return rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_SET_VALUE, line,
				  !!value, NULL);
}

/*
 * Interrupts
 *
 * The callbacks below only record the wanted state; irq_bus_sync_unlock()
 * then sends at most one SET_IRQ_TYPE (type 0 while masked) and one
 * SET_WAKEUP, each only if the state the remote was last told changed.
 *
 * The remote masks a line when it notifies. rpmsg_gpio_notify_work() runs the
 * handlers and then re-arms the line explicitly: handle_nested_irq()
 * neither takes the bus lock nor unmasks, whatever the consumer's flags.
 *
 * The handlers may sleep, and may send requests whose replies come through
 * the receive callback: they cannot run in it. notify_work runs them
 * instead, on rpmsg_gpio_wq (WQ_HIGHPRI | WQ_PERCPU), queued from the
 * callback: normally on the CPU that received the notification (on the
 * one where it still runs, if it does), in a worker at nice -20, which
 * the scheduler picks before any SCHED_NORMAL task of a higher nice value
 * on that CPU. A workqueue of the driver's own, as a run may be long: the
 * handlers are any consumer's, and a re-arm waits up to a timeout.
 *
 * disable_irq() is lazy (no .irq_disable): the remote stays armed, and a
 * notification while the line is disabled makes handle_nested_irq() mark
 * it pending, as a controller's latched pending bit would. The line is not
 * re-armed while disabled (one pending edge is all a latch holds; a level
 * would fire again at once). enable_irq() re-arms it and replays the
 * pending edge through .irq_retrigger, so it is delivered once.
 *
 * System sleep: from .prepare to .complete, notifications are held rather
 * than handled, so no consumer handler runs while consumers are suspended;
 * one on a wake-enabled line reports a wakeup event, which aborts a
 * suspend in progress or ends s2idle. Held notifications are delivered at
 * .complete and their lines re-armed then.
 */
static void rpmsg_gpio_send_irq_type(struct rpmsg_gpio *chip,
				     unsigned int line, u8 type)
{
	int ret;

	lockdep_assert_held(&chip->irq_lock);

	/* Accept notifications as soon as the remote may send them */
	if (type != RPMSG_GPIO_IRQ_TYPE_NONE)
		set_bit(line, chip->irq_armed);
	else
		clear_bit(line, chip->irq_armed);
	/* A notification from now on needs a new re-arm */
	clear_bit(line, chip->irq_rearm);

	ret = rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_SET_IRQ_TYPE, line, type,
				 NULL);
	if (ret) {
		/* State unknown: not armed, and resent on the next bus unlock */
		clear_bit(line, chip->irq_armed);
		chip->lines[line].sent_type = RPMSG_GPIO_IRQ_TYPE_UNKNOWN;
		if (ret != -ENODEV)
			dev_warn_ratelimited(&chip->rpdev->dev,
					     "failed to set irq type %u of line %u: %d\n",
					     type, line, ret);
		return;
	}

	chip->lines[line].sent_type = type;
}

/* Returns false if the re-arm failed and is to be tried again */
static bool rpmsg_gpio_irq_rearm(struct rpmsg_gpio *chip, unsigned int line)
{
	struct rpmsg_gpio_line *l = &chip->lines[line];
	unsigned int irq = irq_find_mapping(chip->gc.irq.domain, line);

	guard(mutex)(&chip->irq_lock);
	if (!test_bit(line, chip->irq_rearm) || l->masked ||
	    l->type == RPMSG_GPIO_IRQ_TYPE_NONE)
		return true;

	/* Disabled: stays masked at the remote until enable_irq() */
	if (!irq || irqd_irq_disabled(irq_get_irq_data(irq)))
		return true;

	rpmsg_gpio_send_irq_type(chip, line, l->type);
	if (l->sent_type == l->type || READ_ONCE(chip->dead))
		return true;

	/*
	 * Nothing else would re-arm the line: no bus unlock comes while a
	 * consumer simply waits for its next interrupt.
	 */
	set_bit(line, chip->irq_rearm);
	scoped_guard(spinlock_irq, &chip->lock)
		chip->stats.rearm_failures++;
	return false;
}

static bool rpmsg_gpio_irq_stopped(struct rpmsg_gpio *chip)
{
	guard(spinlock_irqsave)(&chip->lock);
	return chip->dead || chip->holding;
}

/*
 * A notification held since .prepare on @line, which has wake enabled now:
 * it ends the suspend, once per sleep, as if it arrived now.
 */
static void rpmsg_gpio_held_wake(struct rpmsg_gpio *chip, unsigned int line)
{
	bool wake;

	scoped_guard(spinlock_irq, &chip->lock) {
		wake = chip->holding && !chip->woke && !chip->dead &&
		       test_bit(line, chip->irq_pending);
		if (wake) {
			chip->woke = true;
			chip->stats.wakeups++;
		}
	}
	if (wake)
		pm_wakeup_dev_event(&chip->rpdev->dev, 0, true);
}

/*
 * From .irq_enable/.irq_retrigger, under the irq descriptor's raw lock:
 * no chip->lock here. The work checks again under it, and does nothing
 * if it runs while notifications are held or after the channel is gone.
 */
static void rpmsg_gpio_irq_kick(struct rpmsg_gpio *chip)
{
	if (!READ_ONCE(chip->dead) && !READ_ONCE(chip->holding))
		mod_delayed_work(rpmsg_gpio_wq, &chip->notify_work, 0);
}

/*
 * Arm again each line whose handler has run; a line with a held
 * notification stays masked, as a latch, until .complete. Returns true if
 * a re-arm failed.
 */
static bool rpmsg_gpio_irq_rearm_handled(struct rpmsg_gpio *chip)
{
	unsigned int line;
	bool failed = false;

	for_each_set_bit(line, chip->irq_rearm, RPMSG_GPIO_MAX_IRQ_LINES)
		if (!test_bit(line, chip->irq_pending) &&
		    !rpmsg_gpio_irq_rearm(chip, line))
			failed = true;

	return failed;
}

static void rpmsg_gpio_notify_work(struct work_struct *work)
{
	struct rpmsg_gpio *chip = container_of(to_delayed_work(work),
					       struct rpmsg_gpio, notify_work);
	unsigned int line, irq;

	for_each_set_bit(line, chip->irq_pending, RPMSG_GPIO_MAX_IRQ_LINES) {
		/* Held for .complete, or the channel is gone */
		if (rpmsg_gpio_irq_stopped(chip))
			break;
		if (!test_and_clear_bit(line, chip->irq_pending))
			continue;

		irq = irq_find_mapping(chip->gc.irq.domain, line);
		if (irq)
			handle_nested_irq(irq);
	}

	/*
	 * While notifications are held nothing is sent until .complete
	 * (.prepare re-arms what was handled before it): a request in the
	 * middle of a suspend, or its reply, would wake a platform whose
	 * mailbox is a wakeup source.
	 */
	if (rpmsg_gpio_irq_stopped(chip))
		return;

	/* A notification meanwhile runs the work at once instead */
	if (rpmsg_gpio_irq_rearm_handled(chip) && !rpmsg_gpio_irq_stopped(chip))
		queue_delayed_work(rpmsg_gpio_wq, &chip->notify_work,
				   msecs_to_jiffies(READ_ONCE(timeout_ms)));
}

/* irq_shutdown(), or disable_irq() of a line set to disable unlazily */
static void rpmsg_gpio_irq_mask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	chip->lines[hwirq].masked = true;
	gpiochip_disable_irq(gc, hwirq);
}

/* Also .irq_enable, so that enable_irq() re-arms a line that fired */
static void rpmsg_gpio_irq_unmask(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	gpiochip_enable_irq(gc, hwirq);
	chip->lines[hwirq].masked = false;

	/* Fired while disabled or masked: re-arm, there may be no bus lock */
	if (test_bit(hwirq, chip->irq_rearm))
		rpmsg_gpio_irq_kick(chip);
}

/* enable_irq() of a line that fired while disabled: deliver it once */
static int rpmsg_gpio_irq_retrigger(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);

	set_bit(irqd_to_hwirq(d), chip->irq_pending);
	rpmsg_gpio_irq_kick(chip);

	return 1;
}

static int rpmsg_gpio_irq_set_type(struct irq_data *d, unsigned int type)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	u8 wire;

	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_EDGE_RISING:
		wire = RPMSG_GPIO_IRQ_TYPE_EDGE_RISING;
		break;
	case IRQ_TYPE_EDGE_FALLING:
		wire = RPMSG_GPIO_IRQ_TYPE_EDGE_FALLING;
		break;
	case IRQ_TYPE_EDGE_BOTH:
		wire = RPMSG_GPIO_IRQ_TYPE_EDGE_BOTH;
		break;
	case IRQ_TYPE_LEVEL_HIGH:
		wire = RPMSG_GPIO_IRQ_TYPE_LEVEL_HIGH;
		break;
	case IRQ_TYPE_LEVEL_LOW:
		wire = RPMSG_GPIO_IRQ_TYPE_LEVEL_LOW;
		break;
	default:
		return -EINVAL;
	}

	chip->lines[hwirq].type = wire;

	return 0;
}

static int rpmsg_gpio_irq_set_wake(struct irq_data *d, unsigned int on)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);

	chip->lines[hwirq].wake = on;
	assign_bit(hwirq, chip->irq_wake, on);

	return 0;
}

static void rpmsg_gpio_irq_bus_lock(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);

	mutex_lock(&chip->irq_lock);
}

static void rpmsg_gpio_irq_bus_sync_unlock(struct irq_data *d)
{
	struct gpio_chip *gc = irq_data_get_irq_chip_data(d);
	struct rpmsg_gpio *chip = gpiochip_get_data(gc);
	irq_hw_number_t hwirq = irqd_to_hwirq(d);
	struct rpmsg_gpio_line *l = &chip->lines[hwirq];
	u8 type = l->masked ? RPMSG_GPIO_IRQ_TYPE_NONE : l->type;
	int ret;

	if (type != l->sent_type) {
		rpmsg_gpio_send_irq_type(chip, hwirq, type);
		/*
		 * An interrupt being enabled whose type did not reach the
		 * remote: retried as a failed re-arm is, since request_irq()
		 * has returned 0 and nothing else would send it again.
		 */
		if (type != RPMSG_GPIO_IRQ_TYPE_NONE &&
		    l->sent_type != type && !READ_ONCE(chip->dead)) {
			set_bit(hwirq, chip->irq_rearm);
			/* While held, the run that .complete queues retries it */
			scoped_guard(spinlock_irqsave, &chip->lock)
				if (!chip->dead && !chip->holding)
					queue_delayed_work(rpmsg_gpio_wq,
							   &chip->notify_work,
							   msecs_to_jiffies(READ_ONCE(timeout_ms)));
		}
	}

	if (l->wake != l->sent_wake) {
		ret = rpmsg_gpio_request(chip, RPMSG_GPIO_CMD_SET_WAKEUP, hwirq,
					 l->wake ? RPMSG_GPIO_WAKEUP_ENABLE :
						   RPMSG_GPIO_WAKEUP_DISABLE,
					 NULL);
		/* After a failure either state may be the remote's */
		l->sent_wake = ret ? RPMSG_GPIO_WAKEUP_UNKNOWN : l->wake;
		if (ret && ret != -ENODEV)
			dev_warn_ratelimited(&chip->rpdev->dev,
					     "failed to set wakeup %u of line %lu: %d\n",
					     l->wake, hwirq, ret);
	}

	/*
	 * Wake enabled on a line whose notification is held: a consumer
	 * that enables it after .suspend_late looked (from its own late or
	 * noirq callbacks, or dev_pm_set_wake_irq()) ends the suspend too.
	 */
	if (l->wake)
		rpmsg_gpio_held_wake(chip, hwirq);

	mutex_unlock(&chip->irq_lock);
}

static const struct irq_chip rpmsg_gpio_irq_chip = {
	.name			= "rpmsg-gpio",
	.irq_enable		= rpmsg_gpio_irq_unmask,
	.irq_mask		= rpmsg_gpio_irq_mask,
	.irq_unmask		= rpmsg_gpio_irq_unmask,
	.irq_retrigger		= rpmsg_gpio_irq_retrigger,
	.irq_set_type		= rpmsg_gpio_irq_set_type,
	.irq_set_wake		= rpmsg_gpio_irq_set_wake,
	.irq_bus_lock		= rpmsg_gpio_irq_bus_lock,
	.irq_bus_sync_unlock	= rpmsg_gpio_irq_bus_sync_unlock,
	.flags			= IRQCHIP_IMMUTABLE,
	GPIOCHIP_IRQ_RESOURCE_HELPERS,
};

/* Notifications carry a u8 line: higher lines have no interrupt */
static void rpmsg_gpio_irq_init_valid_mask(struct gpio_chip *gc,
					   unsigned long *valid_mask,
					   unsigned int ngpios)
{
	if (ngpios > RPMSG_GPIO_MAX_IRQ_LINES)
		bitmap_clear(valid_mask, RPMSG_GPIO_MAX_IRQ_LINES,
			     ngpios - RPMSG_GPIO_MAX_IRQ_LINES);
}

/* debugfs */
static int rpmsg_gpio_stats_show(struct seq_file *s, void *unused)
{
	struct rpmsg_gpio *chip = s->private;
	struct rpmsg_gpio_stats st;
	unsigned int i, suspect;

	scoped_guard(spinlock_irq, &chip->lock) {
		st = chip->stats;
		suspect = chip->suspect;
	}

	for (i = 0; i < ARRAY_SIZE(rpmsg_gpio_cmd_names); i++)
		if (rpmsg_gpio_cmd_names[i])
			seq_printf(s, "requests_%s: %lu\n",
				   rpmsg_gpio_cmd_names[i], st.requests[i]);
	seq_printf(s, "send_errors: %lu\n", st.send_errors);
	seq_printf(s, "replies: %lu\n", st.replies);
	seq_printf(s, "error_replies: %lu\n", st.error_replies);
	seq_printf(s, "timeouts: %lu\n", st.timeouts);
	seq_printf(s, "blocked: %lu\n", st.blocked);
	seq_printf(s, "late_replies: %lu\n", st.late_replies);
	seq_printf(s, "lost_replies: %lu\n", st.lost_replies);
	seq_printf(s, "suspect: %u\n", suspect);
	seq_printf(s, "resent: %lu\n", st.resent);
	seq_printf(s, "unconfirmed: %lu\n", st.unconfirmed);
	seq_printf(s, "tx_full: %lu\n", st.tx_full);
	seq_printf(s, "notifications: %lu\n", st.notifications);
	seq_printf(s, "held: %lu\n", st.held);
	seq_printf(s, "wakeups: %lu\n", st.wakeups);
	seq_printf(s, "rearm_failures: %lu\n", st.rearm_failures);
	seq_printf(s, "init_retries: %lu\n", st.init_retries);
	for (i = 0; i < RPMSG_GPIO_NR_DROPS; i++)
		seq_printf(s, "dropped_%s: %lu\n", rpmsg_gpio_drop_names[i],
			   st.dropped[i]);

	return 0;
}
DEFINE_SHOW_ATTRIBUTE(rpmsg_gpio_stats);

static void rpmsg_gpio_debugfs_remove(void *data)
{
	debugfs_remove_recursive(data);
}

/* Probe and remove */

/* N of "rpmsg-io-<N>": canonical decimal, no sign, no leading zero */
static int rpmsg_gpio_parse_index(const char *name, unsigned int *index)
{
	size_t len = str_has_prefix(name, RPMSG_GPIO_CHANNEL_PREFIX);
	const char *p;

	if (!len)
		return -EINVAL;

	name += len;
	for (p = name; *p; p++)
		if (!isdigit(*p))
			return -EINVAL;

	if (p == name || (name[0] == '0' && name[1]))
		return -EINVAL;

	if (kstrtouint(name, 10, index) ||
	    *index >= RPMSG_GPIO_MAX_CONTROLLERS)
		return -EINVAL;

	return 0;
}

/*
 * The controller's node is remoteproc > rpmsg > rpmsg-io > gpio@N, where
 * the remoteproc is the nearest ancestor of the channel with a node. Of
 * several nodes with the same reg, the first is used.
 */
static struct device_node *rpmsg_gpio_find_node(struct rpmsg_device *rpdev,
						unsigned int index)
{
	struct device_node *found = NULL;
	struct device *parent;
	u32 reg;

	for (parent = rpdev->dev.parent; parent; parent = parent->parent)
		if (dev_of_node(parent))
			break;
	if (!parent)
		return NULL;

	struct device_node *bus __free(device_node) =
		of_get_child_by_name(dev_of_node(parent), "rpmsg");
	if (!bus)
		return NULL;

	struct device_node *family __free(device_node) =
		of_get_child_by_name(bus, "rpmsg-io");
	if (!family)
		return NULL;

	for_each_available_child_of_node_scoped(family, np) {
		if (!of_device_is_compatible(np, "rpmsg-gpio") ||
		    of_property_read_u32(np, "reg", &reg) || reg != index)
			continue;
		if (found)
			dev_warn(&rpdev->dev, "%pOF: duplicate reg %u, using %pOF\n",
				 np, index, found);
		else
			found = of_node_get(np);
	}

	return found;
}

static void rpmsg_gpio_put_node(void *np)
{
	of_node_put(np);
}

static int rpmsg_gpio_probe(struct rpmsg_device *rpdev)
{
	struct device *dev = &rpdev->dev;
	u32 ngpio = RPMSG_GPIO_DEFAULT_NGPIO;
	struct gpio_irq_chip *girq;
	struct rpmsg_gpio *chip;
	struct device_node *np;
	struct gpio_chip *gc;
	unsigned int index, i;
	int ret;

	if (rpmsg_gpio_parse_index(rpdev->id.name, &index))
		return dev_err_probe(dev, -EINVAL,
				     "invalid channel name \"%s\"\n",
				     rpdev->id.name);

	chip = devm_kzalloc(dev, sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return -ENOMEM;

	chip->rpdev = rpdev;
	gc = &chip->gc;
	spin_lock_init(&chip->lock);
	init_waitqueue_head(&chip->wait);

	ret = devm_mutex_init(dev, &chip->req_lock);
	if (ret)
		return ret;

	ret = devm_mutex_init(dev, &chip->irq_lock);
	if (ret)
		return ret;

	ret = devm_mutex_init(dev, &chip->state_lock);
	if (ret)
		return ret;

	/* The node goes to the gpiochip only: the channel keeps its modalias */
	np = rpmsg_gpio_find_node(rpdev, index);
	if (np) {
		ret = devm_add_action_or_reset(dev, rpmsg_gpio_put_node, np);
		if (ret)
			return ret;

		gc->fwnode = of_fwnode_handle(np);
		ret = of_property_read_u32(np, "ngpios", &ngpio);
		if (ret && ret != -EINVAL)
			return dev_err_probe(dev, ret, "invalid ngpios\n");
	} else {
		dev_info(dev, "no device tree node for controller %u\n", index);
	}

	/* gpiolib counts lines in a u16 */
	if (!ngpio || ngpio > min(RPMSG_GPIO_MAX_LINES, U16_MAX))
		return dev_err_probe(dev, -EINVAL, "invalid ngpios %u\n", ngpio);

	chip->lines = devm_kcalloc(dev, ngpio, sizeof(*chip->lines),
				   GFP_KERNEL);
	if (!chip->lines)
		return -ENOMEM;

	for (i = 0; i < ngpio; i++)
		chip->lines[i].masked = true;

	chip->init_pending = devm_bitmap_zalloc(dev, ngpio, GFP_KERNEL);
	if (!chip->init_pending)
		return -ENOMEM;

	/*
	 * After lines[], so that devres cancels the works (after the
	 * gpiochip is gone) before it frees what they use.
	 */
	ret = devm_delayed_work_autocancel(dev, &chip->notify_work,
					   rpmsg_gpio_notify_work);
	if (ret)
		return ret;

	ret = devm_delayed_work_autocancel(dev, &chip->init_work,
					   rpmsg_gpio_init_work);
	if (ret)
		return ret;

	/* Wake-enabled lines report wakeup events as this device */
	ret = devm_device_init_wakeup(dev);
	if (ret)
		return ret;

	gc->label = rpdev->id.name;
	gc->parent = dev;
	gc->owner = THIS_MODULE;
	gc->base = -1;
	gc->ngpio = ngpio;
	gc->can_sleep = true;
	gc->get_direction = rpmsg_gpio_get_direction;
	gc->direction_input = rpmsg_gpio_direction_input;
	gc->direction_output = rpmsg_gpio_direction_output;
	gc->get = rpmsg_gpio_get;
	gc->set = rpmsg_gpio_set;
	/*
	 * No .set_config: gpiolib then answers -ENOTSUPP itself, so bias and
	 * debounce are optional and open drain/source are emulated.
	 */

	girq = &gc->irq;
	gpio_irq_chip_set_chip(girq, &rpmsg_gpio_irq_chip);
	girq->handler = handle_bad_irq;
	girq->default_type = IRQ_TYPE_NONE;
	girq->threaded = true;
	girq->init_valid_mask = rpmsg_gpio_irq_init_valid_mask;

	chip->debugfs = debugfs_create_dir(dev_name(dev),
					   rpmsg_gpio_debugfs_root);
	debugfs_create_file("stats", 0444, chip->debugfs, chip,
			    &rpmsg_gpio_stats_fops);
	ret = devm_add_action_or_reset(dev, rpmsg_gpio_debugfs_remove,
				       chip->debugfs);
	if (ret)
		return ret;

	dev_set_drvdata(dev, chip);

	/*
	 * Only the probing task's calls are registration's (the hogs, and
	 * what gpiolib itself asks while adding the chip). Another task
	 * reaches a line once gpiochip_setup_dev() has registered the
	 * device (descriptor lookups, the chardev), after the hogs but
	 * before gpiochip_add_data() returns: such a line is set at the
	 * remote at once.
	 */
	WRITE_ONCE(chip->registrar, current);
	ret = devm_gpiochip_add_data(dev, gc, chip);
	WRITE_ONCE(chip->registrar, NULL);
	if (ret)
		return dev_err_probe(dev, ret, "failed to register gpiochip\n");

	/*
	 * Hogs: send what gpiolib set during registration. Queued even when
	 * other tasks have already sent it all: the work finds nothing to do.
	 */
	queue_delayed_work(system_dfl_long_wq, &chip->init_work, 0);

	return 0;
}

/*
 * The rpmsg core destroys the endpoint when this returns; the gpiochip is
 * unregistered later by devres. Until then every operation fails fast.
 */
static void rpmsg_gpio_remove(struct rpmsg_device *rpdev)
{
	struct rpmsg_gpio *chip = dev_get_drvdata(&rpdev->dev);

	scoped_guard(spinlock_irq, &chip->lock)
		chip->dead = true;
	wake_up_all(&chip->wait);

	/* A request still using the endpoint sees dead within a poll */
	mutex_lock(&chip->req_lock);
	mutex_unlock(&chip->req_lock);
	/* A bus unlock in flight, which may queue a retry, finishes first */
	mutex_lock(&chip->irq_lock);
	mutex_unlock(&chip->irq_lock);

	cancel_delayed_work_sync(&chip->init_work);
	cancel_delayed_work_sync(&chip->notify_work);

	/* Nothing may replay on a dead channel (enable_irq() after this) */
	bitmap_zero(chip->irq_armed, RPMSG_GPIO_MAX_IRQ_LINES);
	bitmap_zero(chip->irq_pending, RPMSG_GPIO_MAX_IRQ_LINES);
	bitmap_zero(chip->irq_rearm, RPMSG_GPIO_MAX_IRQ_LINES);
}

/* System sleep, see "Interrupts" above */
static int rpmsg_gpio_prepare(struct device *dev)
{
	struct rpmsg_gpio *chip = dev_get_drvdata(dev);

	scoped_guard(spinlock_irq, &chip->lock) {
		chip->holding = true;
		chip->woke = false;
	}

	/* A handler running now finishes before consumers suspend */
	flush_delayed_work(&chip->notify_work);

	/*
	 * The lines handled until now are armed again (each request bounded
	 * as any other), or a wake line handled just before would sleep
	 * masked at the remote and could not wake the system. A failure is
	 * retried by the run that .complete queues.
	 */
	if (!READ_ONCE(chip->dead))
		rpmsg_gpio_irq_rearm_handled(chip);

	return 0;
}

static int rpmsg_gpio_suspend_late(struct device *dev)
{
	struct rpmsg_gpio *chip = dev_get_drvdata(dev);
	bool wake;

	/*
	 * Consumers that enable their wake lines in .suspend have done so by
	 * now (every .suspend runs before any .suspend_late, whatever the
	 * order of the devices): one held since .prepare ends the suspend as
	 * a notification now would, unless it already did. Wake enabled
	 * later is seen at its bus unlock (rpmsg_gpio_held_wake()).
	 */
	scoped_guard(spinlock_irq, &chip->lock) {
		wake = !chip->woke &&
		       bitmap_intersects(chip->irq_pending, chip->irq_wake,
					 RPMSG_GPIO_MAX_IRQ_LINES);
		if (wake) {
			chip->woke = true;
			chip->stats.wakeups++;
		}
	}
	if (wake)
		pm_wakeup_dev_event(dev, 0, true);

	return 0;
}

static void rpmsg_gpio_complete(struct device *dev)
{
	struct rpmsg_gpio *chip = dev_get_drvdata(dev);

	scoped_guard(spinlock_irq, &chip->lock) {
		chip->holding = false;
		if (!chip->dead)
			mod_delayed_work(rpmsg_gpio_wq, &chip->notify_work, 0);
	}
}

static const struct dev_pm_ops rpmsg_gpio_pm_ops = {
	.prepare = rpmsg_gpio_prepare,
	.complete = rpmsg_gpio_complete,
	LATE_SYSTEM_SLEEP_PM_OPS(rpmsg_gpio_suspend_late, NULL)
};

static const struct rpmsg_device_id rpmsg_gpio_id_table[] = {
	{ .name = RPMSG_GPIO_CHANNEL_PREFIX "*" },
	{ }
};
MODULE_DEVICE_TABLE(rpmsg, rpmsg_gpio_id_table);

static struct rpmsg_driver rpmsg_gpio_driver = {
	.drv = {
		.name = KBUILD_MODNAME,
		/* Never probe from the rpmsg receive path */
		.probe_type = PROBE_PREFER_ASYNCHRONOUS,
		.pm = pm_sleep_ptr(&rpmsg_gpio_pm_ops),
	},
	.id_table = rpmsg_gpio_id_table,
	.probe = rpmsg_gpio_probe,
	.remove = rpmsg_gpio_remove,
	.callback = rpmsg_gpio_rx,
};

static int __init rpmsg_gpio_init(void)
{
	int ret;

	rpmsg_gpio_wq = alloc_workqueue("gpio-rpmsg", WQ_HIGHPRI | WQ_PERCPU, 0);
	if (!rpmsg_gpio_wq)
		return -ENOMEM;

	rpmsg_gpio_debugfs_root = debugfs_create_dir("gpio-rpmsg", NULL);

	ret = register_rpmsg_driver(&rpmsg_gpio_driver);
	if (ret) {
		debugfs_remove(rpmsg_gpio_debugfs_root);
		destroy_workqueue(rpmsg_gpio_wq);
	}

	return ret;
}
module_init(rpmsg_gpio_init);

static void __exit rpmsg_gpio_exit(void)
{
	unregister_rpmsg_driver(&rpmsg_gpio_driver);
	debugfs_remove(rpmsg_gpio_debugfs_root);
	destroy_workqueue(rpmsg_gpio_wq);
}
module_exit(rpmsg_gpio_exit);

MODULE_AUTHOR("@SUBMITTER@");
MODULE_DESCRIPTION("GPIO controllers on a remote processor, over rpmsg");
MODULE_LICENSE("GPL");
