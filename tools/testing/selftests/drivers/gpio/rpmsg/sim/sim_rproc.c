// SPDX-License-Identifier: GPL-2.0
/*
 * Simulated remote processor for the rpmsg GPIO selftests.
 *
 * QEMU has no device speaking rpmsg, so this module plays the remote: an
 * rproc in attach mode (the "firmware" is already running) whose resource
 * table offers one rpmsg virtio device. Linux allocates the vrings; this
 * file is the device side of them, the remote CPU's rpmsg stack: it takes
 * Linux's messages from its transmit ring, hands them to the firmware model
 * (sim_fw.c) and puts the model's answers, and name-service announcements,
 * into Linux's receive ring. The tests drive both through sim_ctl.c.
 *
 * Two ordered workqueues stand for the two sides of the mailbox: the
 * remote CPU (kicks from Linux are processed there) and the interrupt line
 * to Linux (rproc_vq_interrupt() runs there), as imx_rproc does.
 */

#include <linux/debugfs.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/remoteproc.h>
#include <linux/rpmsg/gpio.h>
#include <linux/rpmsg/ns.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/suspend.h>
#include <linux/vhost_iotlb.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ids.h>
#include <linux/virtio_ring.h>
#include <linux/vringh.h>
#include <linux/workqueue.h>

#ifdef SIM_RPROC_INTERNAL
#include "remoteproc_internal.h"
#else
/*
 * A kernel build directory without the remoteproc sources (a distribution's
 * headers package): the two internals of remoteproc drivers serving
 * vrings, as drivers/remoteproc/remoteproc_internal.h has them.
 */
irqreturn_t rproc_vq_interrupt(struct rproc *rproc, int vq_id);

static inline int rproc_set_feature(struct rproc *rproc, unsigned int feature)
{
	if (feature >= RPROC_MAX_FEATURES)
		return -EINVAL;
	set_bit(feature, rproc->features);
	return 0;
}
#endif
#include "sim_ctl.h"
#include "sim_fw.h"

#define SIM_VRING_NUM		32
#define SIM_VRING_ALIGN		16
/* Size of Linux's rpmsg buffers (MAX_RPMSG_BUF_SIZE) */
#define SIM_BUF_SIZE		512
/* Remote endpoint of controller N: SIM_CTRL_ADDR + N */
#define SIM_CTRL_ADDR		0x400
/* Channels announced from the control interface */
#define SIM_EXTRA_ADDR		0x800
#define SIM_MAX_EXTRA		16
/* Messages waiting for a receive buffer of Linux */
#define SIM_OUTQ_MAX		8192

/* Feature bit of virtio rpmsg (drivers/rpmsg/virtio_rpmsg_bus.c) */
#define SIM_RPMSG_F_NS		0

static bool no_dt;
module_param(no_dt, bool, 0444);
MODULE_PARM_DESC(no_dt,
		 "Ignore the device tree node: the module creates its own device");

static char *controllers = SIM_FW_DEFAULT_CONTROLLERS;
module_param(controllers, charp, 0444);
MODULE_PARM_DESC(controllers,
		 "GPIO controllers as index:lines[,index:lines...]");

static bool announce = true;
module_param(announce, bool, 0444);
MODULE_PARM_DESC(announce,
		 "Announce every controller when Linux is ready (default); "
		 "else only those written to debugfs \"announce\"");

/*
 * Header of every virtio rpmsg buffer (struct rpmsg_hdr, private to
 * drivers/rpmsg/virtio_rpmsg_bus.c). The simulated device offers no
 * VIRTIO_F_VERSION_1: legacy virtio, little-endian like the firmware.
 */
struct sim_rpmsg_hdr {
	__le32 src;
	__le32 dst;
	__le32 reserved;
	__le16 len;
	__le16 flags;
} __packed;

#define SIM_MAX_PAYLOAD		(SIM_BUF_SIZE - sizeof(struct sim_rpmsg_hdr))

/* Resource table: one entry, the rpmsg vdev with its two vrings */
#define SIM_RSC_VDEV		32
#define SIM_RSC_SIZE		(SIM_RSC_VDEV + sizeof(struct fw_rsc_hdr) + \
				 struct_size_t(struct fw_rsc_vdev, vring, 2))

/* Linux's virtqueues: 0 receives, 1 transmits */
enum { SIM_VQ_RX, SIM_VQ_TX, SIM_NR_VQS };

struct sim_vq {
	struct vringh vrh;
	struct vringh_kiov riov;
	struct vringh_kiov wiov;
	struct kvec rkvec[4];
	struct kvec wkvec[4];
	int notifyid;
};

struct sim_chan {
	char name[RPMSG_NAME_SIZE];
	u32 addr;		/* our endpoint */
	u32 peer;		/* Linux's endpoint, learned from its messages */
	int ctrl;		/* firmware controller behind it, or -1 */
	bool announced;
};

struct sim_msg {
	struct list_head node;
	unsigned long due;	/* jiffies */
	u32 src;
	u32 dst;		/* RPMSG_ADDR_ANY: the peer of channel @src */
	size_t len;
	u8 data[] __counted_by(len);
};

enum sim_stat {
	SIM_STAT_KICKS,
	SIM_STAT_FROM_LINUX,
	SIM_STAT_TO_LINUX,
	SIM_STAT_NS_SENT,
	SIM_STAT_BAD_MSG,
	SIM_STAT_UNKNOWN_DST,
	SIM_STAT_NO_CTRL,
	SIM_STAT_NO_PEER,
	SIM_STAT_QUEUE_FULL,
	SIM_STAT_CRASHES,
	SIM_STAT_DRIVER_OK,
	SIM_NR_STATS
};

static const char * const sim_stat_names[SIM_NR_STATS] = {
	[SIM_STAT_KICKS]	= "kicks",
	[SIM_STAT_FROM_LINUX]	= "from_linux",
	[SIM_STAT_TO_LINUX]	= "to_linux",
	[SIM_STAT_NS_SENT]	= "ns_sent",
	[SIM_STAT_BAD_MSG]	= "bad_msg",
	[SIM_STAT_UNKNOWN_DST]	= "unknown_dst",
	[SIM_STAT_NO_CTRL]	= "no_ctrl",
	[SIM_STAT_NO_PEER]	= "no_peer",
	[SIM_STAT_QUEUE_FULL]	= "queue_full",
	[SIM_STAT_CRASHES]	= "crashes",
	[SIM_STAT_DRIVER_OK]	= "driver_ok",
};

struct sim {
	struct device *dev;
	struct rproc *rproc;
	struct sim_fw *fw;
	struct dentry *debugfs;
	void *rsc;			/* the table, in "remote memory" */
	struct vhost_iotlb *iotlb;	/* identity: rings carry phys addrs */
	spinlock_t iotlb_lock;		/* Protects iotlb (for vringh) */

	struct workqueue_struct *remote_wq;
	struct delayed_work remote_work;
	struct workqueue_struct *irq_wq;
	struct work_struct irq_work;
	unsigned long irq_pending;	/* bit per SIM_VQ_*, atomic */
	bool rx_ready;			/* Linux kicked its receive ring */

	/* Protects vqs, chans, buf, running, announced, hung, driver_ok */
	struct mutex lock;
	bool running;
	bool announced;
	bool hung;		/* Linux's transmit ring is not consumed */
	bool driver_ok;		/* DRIVER_OK seen since the last attach */
	struct sim_vq vqs[SIM_NR_VQS];
	u8 buf[SIM_BUF_SIZE];
	unsigned int nchans;
	struct sim_chan *chans;

	spinlock_t outq_lock;	/* Protects outq, outq_len */
	struct list_head outq;
	unsigned int outq_len;

	atomic_long_t stats[SIM_NR_STATS];

	/* "after": crash, or withdraw a channel, from a timer (under lock) */
	struct delayed_work after_work;
	char after_action[16];
	char after_name[RPMSG_NAME_SIZE];
};

static void sim_stat_inc(struct sim *sim, enum sim_stat stat)
{
	atomic_long_inc(&sim->stats[stat]);
}

/* ---------------------------------------------------------------------
 * Messages to Linux
 */

static void sim_queue(struct sim *sim, u32 src, u32 dst, const void *data,
		      size_t len, unsigned int delay_ms)
{
	struct sim_msg *msg;

	if (WARN_ON(len > SIM_MAX_PAYLOAD))
		return;

	msg = kmalloc(struct_size(msg, data, len), GFP_KERNEL);
	if (!msg)
		return;
	msg->len = len;
	memcpy(msg->data, data, len);
	msg->src = src;
	msg->dst = dst;
	msg->due = jiffies + msecs_to_jiffies(delay_ms);

	spin_lock(&sim->outq_lock);
	if (sim->outq_len < SIM_OUTQ_MAX) {
		list_add_tail(&msg->node, &sim->outq);
		sim->outq_len++;
		msg = NULL;
	}
	spin_unlock(&sim->outq_lock);

	if (msg) {
		sim_stat_inc(sim, SIM_STAT_QUEUE_FULL);
		kfree(msg);
		return;
	}
	mod_delayed_work(sim->remote_wq, &sim->remote_work, 0);
}

static void sim_outq_flush(struct sim *sim)
{
	struct sim_msg *msg, *tmp;
	LIST_HEAD(list);

	spin_lock(&sim->outq_lock);
	list_splice_init(&sim->outq, &list);
	sim->outq_len = 0;
	spin_unlock(&sim->outq_lock);

	list_for_each_entry_safe(msg, tmp, &list, node)
		kfree(msg);
}

/* Firmware model -> Linux, on the channel of controller @ctrl */
static void sim_fw_send(void *priv, unsigned int ctrl, u32 dst,
			const void *data, size_t len, unsigned int delay_ms)
{
	struct sim *sim = priv;
	/* Controller channels come first in chans[] and never change */
	struct sim_chan *chan = &sim->chans[ctrl];

	/*
	 * A reply goes to the address of the request it answers (@dst), the
	 * source address rpmsg gives the firmware, also when Linux has
	 * another endpoint on the channel by the time it is sent or
	 * delivered. Anything else goes to
	 * the endpoint that spoke last, as known now; nobody yet
	 * (RPMSG_ADDR_ANY): looked up at delivery.
	 */
	if (dst == RPMSG_ADDR_ANY)
		dst = READ_ONCE(chan->peer);
	sim_queue(sim, chan->addr, dst, data, len, delay_ms);
}

static const struct sim_fw_ops sim_fw_ops = {
	.send = sim_fw_send,
};

static void sim_send_ns(struct sim *sim, struct sim_chan *chan, u32 flags)
{
	struct rpmsg_ns_msg ns = {
		.addr = (__force __rpmsg32)cpu_to_le32(chan->addr),
		.flags = (__force __rpmsg32)cpu_to_le32(flags),
	};

	strscpy(ns.name, chan->name, sizeof(ns.name));
	chan->announced = flags == RPMSG_NS_CREATE;
	sim_stat_inc(sim, SIM_STAT_NS_SENT);
	sim_queue(sim, chan->addr, RPMSG_NS_ADDR, &ns, sizeof(ns), 0);
}

/* ---------------------------------------------------------------------
 * Device side of the vrings (remote CPU context, sim->lock held)
 */

static struct sim_chan *sim_chan_by_addr(struct sim *sim, u32 addr)
{
	unsigned int i;

	for (i = 0; i < sim->nchans; i++)
		if (sim->chans[i].addr == addr)
			return &sim->chans[i];
	return NULL;
}

static struct sim_chan *sim_chan_by_name(struct sim *sim, const char *name)
{
	unsigned int i;

	for (i = 0; i < sim->nchans; i++)
		if (!strcmp(sim->chans[i].name, name))
			return &sim->chans[i];
	return NULL;
}

/*
 * The vdev entry of our resource table: the one we handed out in
 * get_loaded_rsc_table(), where a real firmware looks, whatever copy
 * remoteproc may be working on.
 */
static struct fw_rsc_vdev *sim_rsc_vdev(struct sim *sim)
{
	struct fw_rsc_hdr *hdr = sim->rsc + SIM_RSC_VDEV;

	return (void *)hdr->data;
}

/*
 * Linux's virtio driver is up (DRIVER_OK in the vdev's status). A virtio
 * reset clears it before Linux frees its buffers and virtqueues, so, like
 * a real firmware, look at it before each use of the rings.
 */
static bool sim_vdev_ok(struct sim *sim)
{
	return READ_ONCE(sim_rsc_vdev(sim)->status) & VIRTIO_CONFIG_S_DRIVER_OK;
}

/* Raise the "interrupt" of one of Linux's virtqueues */
static void sim_raise(struct sim *sim, int vq)
{
	set_bit(vq, &sim->irq_pending);
	queue_work(sim->irq_wq, &sim->irq_work);
}

static void sim_irq_work(struct work_struct *work)
{
	struct sim *sim = container_of(work, struct sim, irq_work);
	int i;

	for (i = 0; i < SIM_NR_VQS; i++)
		if (test_and_clear_bit(i, &sim->irq_pending) &&
		    sim_vdev_ok(sim))
			rproc_vq_interrupt(sim->rproc, sim->vqs[i].notifyid);
}

/* One message from Linux: a request for a controller, or ignored */
static void sim_dispatch(struct sim *sim, size_t len)
{
	struct sim_rpmsg_hdr *hdr = (void *)sim->buf;
	struct sim_chan *chan;
	size_t plen;

	sim_stat_inc(sim, SIM_STAT_FROM_LINUX);
	if (len < sizeof(*hdr)) {
		sim_stat_inc(sim, SIM_STAT_BAD_MSG);
		return;
	}
	plen = le16_to_cpu(hdr->len);
	if (plen > len - sizeof(*hdr)) {
		sim_stat_inc(sim, SIM_STAT_BAD_MSG);
		return;
	}

	chan = sim_chan_by_addr(sim, le32_to_cpu(hdr->dst));
	if (!chan) {
		sim_stat_inc(sim, SIM_STAT_UNKNOWN_DST);
		return;
	}
	/* Notifications go to the endpoint that spoke last (sim_fw_send()) */
	WRITE_ONCE(chan->peer, le32_to_cpu(hdr->src));
	if (chan->ctrl < 0) {
		sim_stat_inc(sim, SIM_STAT_NO_CTRL);
		return;
	}
	sim_fw_receive(sim->fw, chan->ctrl, le32_to_cpu(hdr->src), hdr + 1,
		       plen);
}

/* Consume everything Linux transmitted */
static void sim_drain_tx(struct sim *sim)
{
	struct sim_vq *vq = &sim->vqs[SIM_VQ_TX];
	bool used = false;
	ssize_t len;
	u16 head;
	int ret;

	while (sim_vdev_ok(sim)) {
		ret = vringh_getdesc_iotlb(&vq->vrh, &vq->riov, &vq->wiov,
					   &head, GFP_KERNEL);
		if (ret <= 0) {
			if (ret < 0)
				dev_err_ratelimited(sim->dev,
						    "bad tx descriptor: %d\n",
						    ret);
			break;
		}
		len = vringh_iov_pull_iotlb(&vq->vrh, &vq->riov, sim->buf,
					    sizeof(sim->buf));
		vringh_complete_iotlb(&vq->vrh, head, 0);
		used = true;
		if (len < 0)
			sim_stat_inc(sim, SIM_STAT_BAD_MSG);
		else
			sim_dispatch(sim, len);
	}

	if (used && vringh_need_notify_iotlb(&vq->vrh) > 0)
		sim_raise(sim, SIM_VQ_TX);
}

/*
 * Put @msg into one of Linux's receive buffers. Returns false when there
 * is none: Linux kicks its receive ring when it posts more.
 */
static bool sim_deliver(struct sim *sim, struct sim_msg *msg)
{
	struct sim_vq *vq = &sim->vqs[SIM_VQ_RX];
	struct sim_rpmsg_hdr *hdr = (void *)sim->buf;
	struct sim_chan *chan;
	u32 dst = msg->dst;
	size_t len = sizeof(*hdr) + msg->len;
	ssize_t pushed;
	u16 head;
	int ret;

	if (dst == RPMSG_ADDR_ANY) {
		chan = sim_chan_by_addr(sim, msg->src);
		dst = chan ? READ_ONCE(chan->peer) : RPMSG_ADDR_ANY;
		if (dst == RPMSG_ADDR_ANY) {
			/* Nobody on Linux's side has spoken yet: lost */
			sim_stat_inc(sim, SIM_STAT_NO_PEER);
			return true;
		}
	}

	ret = vringh_getdesc_iotlb(&vq->vrh, &vq->riov, &vq->wiov, &head,
				   GFP_KERNEL);
	if (ret <= 0) {
		if (ret < 0)
			dev_err_ratelimited(sim->dev, "bad rx descriptor: %d\n",
					    ret);
		return false;
	}

	hdr->src = cpu_to_le32(msg->src);
	hdr->dst = cpu_to_le32(dst);
	hdr->reserved = 0;
	hdr->len = cpu_to_le16(msg->len);
	hdr->flags = 0;
	memcpy(hdr + 1, msg->data, msg->len);

	pushed = vringh_iov_push_iotlb(&vq->vrh, &vq->wiov, sim->buf, len);
	if (pushed != len) {
		dev_err_ratelimited(sim->dev, "rx buffer too small: %zd\n",
				    pushed);
		pushed = 0;
	}
	vringh_complete_iotlb(&vq->vrh, head, pushed);
	sim_stat_inc(sim, SIM_STAT_TO_LINUX);

	return true;
}

/* Move due messages into Linux's receive ring, in order */
static void sim_fill_rx(struct sim *sim)
{
	struct sim_vq *vq = &sim->vqs[SIM_VQ_RX];
	struct sim_msg *msg;
	bool used = false;

	for (;;) {
		spin_lock(&sim->outq_lock);
		msg = list_first_entry_or_null(&sim->outq, struct sim_msg,
					       node);
		spin_unlock(&sim->outq_lock);
		if (!msg)
			break;

		if (time_before(jiffies, msg->due)) {
			queue_delayed_work(sim->remote_wq, &sim->remote_work,
					   msg->due - jiffies);
			break;
		}
		if (!sim_vdev_ok(sim) || !sim_deliver(sim, msg))
			break;

		spin_lock(&sim->outq_lock);
		list_del(&msg->node);
		sim->outq_len--;
		spin_unlock(&sim->outq_lock);
		kfree(msg);
		used = true;
	}

	if (used && vringh_need_notify_iotlb(&vq->vrh) > 0)
		sim_raise(sim, SIM_VQ_RX);
}

static void sim_remote_work(struct work_struct *work)
{
	struct sim *sim = container_of(to_delayed_work(work), struct sim,
				       remote_work);
	unsigned int i;

	mutex_lock(&sim->lock);
	if (!sim->running)
		goto out;

	/* Counted once per attach: what a recovery must lead to */
	if (!sim->driver_ok && sim_vdev_ok(sim)) {
		sim->driver_ok = true;
		sim_stat_inc(sim, SIM_STAT_DRIVER_OK);
	}

	/* Linux's buffers are posted: time to publish our services */
	if (READ_ONCE(sim->rx_ready) && !sim->announced) {
		sim->announced = true;
		for (i = 0; announce && i < sim->nchans; i++)
			if (sim->chans[i].ctrl >= 0)
				sim_send_ns(sim, &sim->chans[i],
					    RPMSG_NS_CREATE);
	}

	if (!sim->hung)
		sim_drain_tx(sim);
	if (READ_ONCE(sim->rx_ready))
		sim_fill_rx(sim);
out:
	mutex_unlock(&sim->lock);
}

/* ---------------------------------------------------------------------
 * remoteproc operations
 */

static void sim_rsc_init(void *table)
{
	struct resource_table *rt = table;
	struct fw_rsc_hdr *hdr = table + SIM_RSC_VDEV;
	struct fw_rsc_vdev *vdev = (void *)hdr->data;
	int i;

	memset(table, 0, SIM_RSC_SIZE);
	rt->ver = 1;
	rt->num = 1;
	rt->offset[0] = SIM_RSC_VDEV;
	hdr->type = RSC_VDEV;
	vdev->id = VIRTIO_ID_RPMSG;
	vdev->dfeatures = BIT(SIM_RPMSG_F_NS);
	vdev->num_of_vrings = SIM_NR_VQS;
	for (i = 0; i < SIM_NR_VQS; i++) {
		vdev->vring[i].da = FW_RSC_ADDR_ANY;
		vdev->vring[i].align = SIM_VRING_ALIGN;
		vdev->vring[i].num = SIM_VRING_NUM;
	}
}

/* The firmware (re)starts: it publishes a fresh table */
static struct resource_table *sim_get_loaded_rsc_table(struct rproc *rproc,
						       size_t *size)
{
	struct sim *sim = rproc->priv;

	sim_rsc_init(sim->rsc);
	*size = SIM_RSC_SIZE;

	return sim->rsc;
}

/* Called with rproc->lock held; the vrings are allocated, not yet used */
static int sim_attach(struct rproc *rproc)
{
	struct sim *sim = rproc->priv;
	struct fw_rsc_vdev *vdev = sim_rsc_vdev(sim);
	struct rproc_mem_entry *mem;
	unsigned int i;
	char name[16];
	int ret = 0;

	sim_outq_flush(sim);

	mutex_lock(&sim->lock);
	for (i = 0; i < SIM_NR_VQS; i++) {
		struct sim_vq *vq = &sim->vqs[i];
		struct vring vr;
		bool found = false;

		snprintf(name, sizeof(name), "vdev0vring%u", i);
		list_for_each_entry(mem, &rproc->carveouts, node) {
			if (!strcmp(mem->name, name) && mem->va) {
				found = true;
				break;
			}
		}
		if (!found) {
			dev_err(sim->dev, "no carveout %s\n", name);
			ret = -ENODEV;
			goto out;
		}

		/* vringh_*_iotlb() translate the ring's addresses too */
		if (!virt_addr_valid(mem->va)) {
			dev_err(sim->dev, "%s not in the linear map: dma-coherent?\n",
				name);
			ret = -EINVAL;
			goto out;
		}
		vring_init(&vr, SIM_VRING_NUM, (void *)(uintptr_t)virt_to_phys(mem->va),
			   SIM_VRING_ALIGN);
		ret = vringh_init_iotlb(&vq->vrh, 0, SIM_VRING_NUM, false,
					vr.desc, vr.avail, vr.used);
		if (ret)
			goto out;
		vringh_set_iotlb(&vq->vrh, sim->iotlb, &sim->iotlb_lock);
		vringh_kiov_init(&vq->riov, vq->rkvec, ARRAY_SIZE(vq->rkvec));
		vringh_kiov_init(&vq->wiov, vq->wkvec, ARRAY_SIZE(vq->wkvec));
		vq->notifyid = vdev->vring[i].notifyid;
	}

	/* Only the controllers' channels survive a restart */
	sim->nchans = sim_fw_num_ctrls(sim->fw);
	for (i = 0; i < sim->nchans; i++) {
		WRITE_ONCE(sim->chans[i].peer, RPMSG_ADDR_ANY);
		sim->chans[i].announced = false;
	}
	WRITE_ONCE(sim->rx_ready, false);
	sim->announced = false;
	sim->driver_ok = false;
	sim->running = true;
out:
	mutex_unlock(&sim->lock);

	return ret;
}

/* The remote stops talking to Linux: nothing touches the rings after this */
static void sim_halt(struct sim *sim)
{
	int i;

	mutex_lock(&sim->lock);
	sim->running = false;
	mutex_unlock(&sim->lock);

	cancel_delayed_work_sync(&sim->remote_work);
	cancel_work_sync(&sim->irq_work);
	clear_bit(SIM_VQ_RX, &sim->irq_pending);
	clear_bit(SIM_VQ_TX, &sim->irq_pending);
	sim_outq_flush(sim);

	mutex_lock(&sim->lock);
	for (i = 0; i < SIM_NR_VQS; i++) {
		vringh_kiov_cleanup(&sim->vqs[i].riov);
		vringh_kiov_cleanup(&sim->vqs[i].wiov);
	}
	mutex_unlock(&sim->lock);
}

/* Linux lets go; the firmware keeps running with its state */
static int sim_detach(struct rproc *rproc)
{
	sim_halt(rproc->priv);
	return 0;
}

/* The remote is powered off: its state is lost */
static int sim_stop(struct rproc *rproc)
{
	struct sim *sim = rproc->priv;

	sim_halt(sim);
	sim_fw_reset(sim->fw);
	return 0;
}

static void sim_kick(struct rproc *rproc, int vqid)
{
	struct sim *sim = rproc->priv;

	sim_stat_inc(sim, SIM_STAT_KICKS);
	if (vqid == sim->vqs[SIM_VQ_RX].notifyid)
		WRITE_ONCE(sim->rx_ready, true);
	mod_delayed_work(sim->remote_wq, &sim->remote_work, 0);
}

static const struct rproc_ops sim_rproc_ops = {
	.attach			= sim_attach,
	.detach			= sim_detach,
	.stop			= sim_stop,
	.kick			= sim_kick,
	.get_loaded_rsc_table	= sim_get_loaded_rsc_table,
};

/* ---------------------------------------------------------------------
 * What the control interface (sim_ctl.c) makes the remote do
 */

int sim_remote_announce(struct sim *sim, const char *name, bool create)
{
	struct sim_chan *chan;
	int ret = 0;

	if (!*name || strlen(name) >= RPMSG_NAME_SIZE)
		return -EINVAL;

	mutex_lock(&sim->lock);
	if (!sim->running) {
		ret = -ENODEV;
		goto out;
	}
	chan = sim_chan_by_name(sim, name);
	if (!chan && create) {
		if (sim->nchans == sim_fw_num_ctrls(sim->fw) + SIM_MAX_EXTRA) {
			ret = -ENOSPC;
			goto out;
		}
		chan = &sim->chans[sim->nchans];
		strscpy(chan->name, name, sizeof(chan->name));
		chan->addr = SIM_EXTRA_ADDR + sim->nchans;
		WRITE_ONCE(chan->peer, RPMSG_ADDR_ANY);
		chan->ctrl = -1;
		sim->nchans++;
	}
	if (!chan) {
		ret = -ENOENT;
		goto out;
	}
	sim_send_ns(sim, chan, create ? RPMSG_NS_CREATE : RPMSG_NS_DESTROY);
out:
	mutex_unlock(&sim->lock);
	return ret;
}

/*
 * A name-service destroy for Linux's own name service, at its address and
 * at RPMSG_ADDR_ANY (which Linux's lookups take as a wildcard): a remote
 * must not be able to take the name service away.
 */
int sim_remote_ns_destroy_self(struct sim *sim)
{
	static const u32 addrs[] = { RPMSG_NS_ADDR, RPMSG_ADDR_ANY };
	struct rpmsg_ns_msg ns = {
		.name = "rpmsg_ns",
		.flags = (__force __rpmsg32)cpu_to_le32(RPMSG_NS_DESTROY),
	};
	int i, ret = -ENODEV;

	mutex_lock(&sim->lock);
	for (i = 0; sim->running && i < ARRAY_SIZE(addrs); i++) {
		ns.addr = (__force __rpmsg32)cpu_to_le32(addrs[i]);
		sim_stat_inc(sim, SIM_STAT_NS_SENT);
		sim_queue(sim, RPMSG_NS_ADDR, RPMSG_NS_ADDR, &ns, sizeof(ns), 0);
		ret = 0;
	}
	mutex_unlock(&sim->lock);

	return ret;
}

/* A hung remote stops taking Linux's messages; unhung, it takes them all */
void sim_remote_hang(struct sim *sim, bool hang)
{
	mutex_lock(&sim->lock);
	sim->hung = hang;
	mutex_unlock(&sim->lock);
	if (!hang)
		mod_delayed_work(sim->remote_wq, &sim->remote_work, 0);
}

/* The firmware dies: silent at once, then remoteproc recovery re-attaches */
int sim_remote_crash(struct sim *sim)
{
	bool running;

	mutex_lock(&sim->lock);
	running = sim->running;
	sim->running = false;
	mutex_unlock(&sim->lock);
	if (!running)
		return -ENODEV;

	sim_outq_flush(sim);
	sim_fw_reset(sim->fw);
	sim_stat_inc(sim, SIM_STAT_CRASHES);
	rproc_report_crash(sim->rproc, RPROC_WATCHDOG);

	return 0;
}

/*
 * Attach to the firmware again. After a stop the core would load a
 * firmware file; ours is "started by someone else", as at probe.
 */
int sim_remote_start(struct sim *sim)
{
	struct rproc *rproc = sim->rproc;
	int ret;

	ret = mutex_lock_interruptible(&rproc->lock);
	if (ret)
		return ret;
	if (rproc->state == RPROC_OFFLINE)
		rproc->state = RPROC_DETACHED;
	ret = rproc->state == RPROC_DETACHED ? 0 : -EBUSY;
	mutex_unlock(&rproc->lock);

	return ret ?: rproc_boot(rproc);
}

/*
 * An action the remote takes later, by itself: "MS crash" or "MS withdraw
 * NAME". It runs from a timer and a workqueue that is not frozen, so it
 * can happen while Linux is suspended. "MS wake" is not the remote's: it
 * stands for another wake source of the board (an RTC alarm), so that a
 * case whose driver fails to wake a real suspend-to-idle ends it anyway,
 * and fails, instead of sleeping until the guest's time limit. "0 cancel"
 * cancels what is pending.
 */
static void sim_after_work(struct work_struct *work)
{
	struct sim *sim = container_of(to_delayed_work(work), struct sim,
				       after_work);
	char action[16], name[RPMSG_NAME_SIZE];

	mutex_lock(&sim->lock);
	strscpy(action, sim->after_action);
	strscpy(name, sim->after_name);
	mutex_unlock(&sim->lock);

	if (!strcmp(action, "crash")) {
		sim_remote_crash(sim);
	} else if (!strcmp(action, "wake")) {
		dev_info(sim->dev, "another wake source of the board fires\n");
		pm_system_wakeup();
	} else {
		sim_remote_announce(sim, name, false);
	}
}

int sim_remote_after(struct sim *sim, unsigned int ms, const char *action,
		     const char *name)
{
	if (strcmp(action, "crash") && strcmp(action, "wake") &&
	    (strcmp(action, "withdraw") || !*name))
		return -EINVAL;

	mutex_lock(&sim->lock);
	strscpy(sim->after_action, action);
	strscpy(sim->after_name, name);
	mutex_unlock(&sim->lock);
	mod_delayed_work(sim->remote_wq, &sim->after_work, msecs_to_jiffies(ms));

	return 0;
}

void sim_remote_after_cancel(struct sim *sim)
{
	cancel_delayed_work_sync(&sim->after_work);
}

int sim_remote_shutdown(struct sim *sim)
{
	return rproc_shutdown(sim->rproc);
}

int sim_remote_detach(struct sim *sim)
{
	return rproc_detach(sim->rproc);
}

void sim_remote_stats_show(struct sim *sim, struct seq_file *s)
{
	int i;

	for (i = 0; i < SIM_NR_STATS; i++)
		seq_printf(s, "%s %ld\n", sim_stat_names[i],
			   atomic_long_read(&sim->stats[i]));
	seq_printf(s, "vdev_status %u\n", READ_ONCE(sim_rsc_vdev(sim)->status));
}

void sim_remote_channels_show(struct sim *sim, struct seq_file *s)
{
	unsigned int i;

	mutex_lock(&sim->lock);
	for (i = 0; i < sim->nchans; i++) {
		struct sim_chan *chan = &sim->chans[i];

		seq_printf(s, "%s 0x%x %d %d %d\n", chan->name, chan->addr,
			   chan->peer == RPMSG_ADDR_ANY ? -1 : (int)chan->peer,
			   chan->ctrl < 0 ? -1 :
			   (int)sim_fw_ctrl_index(sim->fw, chan->ctrl),
			   chan->announced);
	}
	mutex_unlock(&sim->lock);
}

/* ---------------------------------------------------------------------
 * Platform device
 */

static void sim_cleanup(struct sim *sim)
{
	/* First: its pause work sends through sim_queue() (remote_wq) */
	if (!IS_ERR_OR_NULL(sim->fw))
		sim_fw_destroy(sim->fw);
	if (sim->remote_wq)
		destroy_workqueue(sim->remote_wq);
	if (sim->irq_wq)
		destroy_workqueue(sim->irq_wq);
	sim_outq_flush(sim);
	if (sim->iotlb)
		vhost_iotlb_free(sim->iotlb);
	kfree(sim->chans);
	kfree(sim->rsc);
	mutex_destroy(&sim->lock);
}

static int sim_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct rproc *rproc;
	unsigned int i, n;
	struct sim *sim;
	int ret;

	if (no_dt && dev_of_node(dev))
		return -ENODEV;

	rproc = devm_rproc_alloc(dev, "rpmsg-gpio-sim", &sim_rproc_ops, NULL,
				 sizeof(*sim));
	if (!rproc)
		return -ENOMEM;

	sim = rproc->priv;
	sim->dev = dev;
	sim->rproc = rproc;
	mutex_init(&sim->lock);
	spin_lock_init(&sim->iotlb_lock);
	spin_lock_init(&sim->outq_lock);
	INIT_LIST_HEAD(&sim->outq);
	INIT_DELAYED_WORK(&sim->remote_work, sim_remote_work);
	INIT_DELAYED_WORK(&sim->after_work, sim_after_work);
	INIT_WORK(&sim->irq_work, sim_irq_work);

	ret = -ENOMEM;
	sim->rsc = kzalloc(SIM_RSC_SIZE, GFP_KERNEL);
	sim->iotlb = vhost_iotlb_alloc(2, 0);
	sim->remote_wq = alloc_ordered_workqueue("%s-remote", 0, dev_name(dev));
	sim->irq_wq = alloc_ordered_workqueue("%s-irq", 0, dev_name(dev));
	if (!sim->rsc || !sim->iotlb || !sim->remote_wq || !sim->irq_wq)
		goto err;

	/* Descriptors carry physical addresses: translate 1:1 */
	ret = vhost_iotlb_add_range(sim->iotlb, 0, ULONG_MAX, 0, VHOST_MAP_RW);
	if (ret)
		goto err;

	sim->fw = sim_fw_create(controllers, &sim_fw_ops, sim);
	if (IS_ERR(sim->fw)) {
		ret = dev_err_probe(dev, PTR_ERR(sim->fw),
				    "bad controllers=\"%s\"\n", controllers);
		goto err;
	}

	n = sim_fw_num_ctrls(sim->fw);
	ret = -ENOMEM;
	sim->chans = kcalloc(n + SIM_MAX_EXTRA, sizeof(*sim->chans),
			     GFP_KERNEL);
	if (!sim->chans)
		goto err;
	for (i = 0; i < n; i++) {
		struct sim_chan *chan = &sim->chans[i];
		unsigned int index = sim_fw_ctrl_index(sim->fw, i);

		snprintf(chan->name, sizeof(chan->name), "%s%u",
			 RPMSG_GPIO_CHANNEL_PREFIX, index);
		chan->addr = SIM_CTRL_ADDR + index;
		WRITE_ONCE(chan->peer, RPMSG_ADDR_ANY);
		chan->ctrl = i;
	}
	sim->nchans = n;

	/* The firmware is already running: attach, and re-attach on crash */
	rproc->state = RPROC_DETACHED;
	rproc_set_feature(rproc, RPROC_FEAT_ATTACH_ON_RECOVERY);
	platform_set_drvdata(pdev, sim);

	sim->debugfs = sim_ctl_create(sim, sim->fw);

	ret = rproc_add(rproc);
	if (ret) {
		debugfs_remove_recursive(sim->debugfs);
		goto err;
	}
	/*
	 * rproc_add() attaches from a work item that rproc_del() does not
	 * wait for: finish attaching here, so that an unload right after
	 * loading cannot race with it.
	 */
	flush_work(&rproc->attach_work);

	return 0;

err:
	sim_cleanup(sim);
	return ret;
}

static void sim_remove(struct platform_device *pdev)
{
	struct sim *sim = platform_get_drvdata(pdev);

	debugfs_remove_recursive(sim->debugfs);
	cancel_delayed_work_sync(&sim->after_work);
	rproc_del(sim->rproc);
	sim_cleanup(sim);
}

static const struct of_device_id sim_of_match[] = {
	{ .compatible = "linux,rpmsg-gpio-sim" },
	{ }
};
MODULE_DEVICE_TABLE(of, sim_of_match);

static struct platform_driver sim_driver = {
	.probe = sim_probe,
	.remove = sim_remove,
	.driver = {
		.name = "rpmsg-gpio-sim",
		.of_match_table = sim_of_match,
	},
};

/*
 * Without a device tree node (no device tree, as on x86, or no_dt=1), the
 * module creates its device itself, matched by name: every case that
 * needs no DT consumer runs without a device tree. It is marked
 * dma-coherent, as the node says: the vrings Linux allocates for it must
 * be in the linear map, where the simulated remote reads them. (The rpmsg
 * buffers are allocated for the rproc-virtio child, which is not marked:
 * fine where DMA is coherent, as on x86, and under QEMU's TCG, which does
 * not model caches.)
 */
static struct platform_device *sim_own_pdev;

static int __init sim_init(void)
{
	struct platform_device *pdev;
	struct device_node *np;
	bool dt;
	int ret;

	ret = platform_driver_register(&sim_driver);
	if (ret)
		return ret;

	np = of_find_compatible_node(NULL, NULL, sim_of_match[0].compatible);
	dt = np && of_device_is_available(np);
	of_node_put(np);
	if (dt && !no_dt)
		return 0;

	ret = -ENOMEM;
	pdev = platform_device_alloc("rpmsg-gpio-sim", PLATFORM_DEVID_NONE);
	if (!pdev)
		goto err;
	dev_set_dma_coherent(&pdev->dev);
	ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		goto err;
	}
	sim_own_pdev = pdev;
	return 0;

err:
	platform_driver_unregister(&sim_driver);
	return ret;
}
module_init(sim_init);

static void __exit sim_exit(void)
{
	platform_device_unregister(sim_own_pdev);
	platform_driver_unregister(&sim_driver);
}
module_exit(sim_exit);

MODULE_DESCRIPTION("Simulated remote processor for rpmsg GPIO tests");
MODULE_LICENSE("GPL");
