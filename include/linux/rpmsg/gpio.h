/* SPDX-License-Identifier: GPL-2.0-only OR BSD-3-Clause */
/*
 * Wire format of the rpmsg GPIO protocol, shared by Linux and the remote
 * firmware. See Documentation/driver-api/gpio/gpio-rpmsg.rst.
 *
 * The requests and the command, direction and interrupt type values are
 * those of virtio-gpio (include/uapi/linux/virtio_gpio.h). All multi-byte
 * fields are little-endian.
 */

#ifndef _LINUX_RPMSG_GPIO_H
#define _LINUX_RPMSG_GPIO_H

#include <linux/build_bug.h>
#include <linux/compiler_attributes.h>
#include <linux/types.h>

/* Each controller is one channel named "rpmsg-io-<N>", N in decimal */
#define RPMSG_GPIO_CHANNEL_PREFIX		"rpmsg-io-"
/* N is 0 .. RPMSG_GPIO_MAX_CONTROLLERS - 1 */
#define RPMSG_GPIO_MAX_CONTROLLERS		256

/* A request addresses lines 0 .. RPMSG_GPIO_MAX_LINES - 1 (le16) */
#define RPMSG_GPIO_MAX_LINES			65536
/* A notification names lines 0 .. RPMSG_GPIO_MAX_IRQ_LINES - 1 (u8) */
#define RPMSG_GPIO_MAX_IRQ_LINES		256

/* Request commands (struct rpmsg_gpio_request.cmd) */
#define RPMSG_GPIO_CMD_GET_DIRECTION		2
#define RPMSG_GPIO_CMD_SET_DIRECTION		3
#define RPMSG_GPIO_CMD_GET_VALUE		4
#define RPMSG_GPIO_CMD_SET_VALUE		5
#define RPMSG_GPIO_CMD_SET_IRQ_TYPE		6
#define RPMSG_GPIO_CMD_SET_WAKEUP		16

/* Line directions (SET_DIRECTION value, GET_DIRECTION reply value) */
#define RPMSG_GPIO_DIR_NONE			0
#define RPMSG_GPIO_DIR_OUT			1
#define RPMSG_GPIO_DIR_IN			2

/* Interrupt types (SET_IRQ_TYPE value); NONE disables the interrupt */
#define RPMSG_GPIO_IRQ_TYPE_NONE		0
#define RPMSG_GPIO_IRQ_TYPE_EDGE_RISING		1
#define RPMSG_GPIO_IRQ_TYPE_EDGE_FALLING	2
#define RPMSG_GPIO_IRQ_TYPE_EDGE_BOTH		3
#define RPMSG_GPIO_IRQ_TYPE_LEVEL_HIGH		4
#define RPMSG_GPIO_IRQ_TYPE_LEVEL_LOW		8

/* Wakeup states (SET_WAKEUP value) */
#define RPMSG_GPIO_WAKEUP_DISABLE		0
#define RPMSG_GPIO_WAKEUP_ENABLE		1

/* Types of the messages the remote sends (first byte) */
#define RPMSG_GPIO_MSG_REPLY			1
#define RPMSG_GPIO_MSG_NOTIFY			2

/* Reply status */
#define RPMSG_GPIO_STATUS_OK			0
#define RPMSG_GPIO_STATUS_ERROR			1

/**
 * struct rpmsg_gpio_request - request from Linux to the remote
 * @cmd: one of the RPMSG_GPIO_CMD_* values, little-endian
 * @line: line index inside the controller, little-endian
 * @value: command argument (direction, level, interrupt type or wakeup
 *	state; 0 for the GET commands), little-endian
 *
 * Linux sends at most one request per channel at a time, except after a
 * reply was presumed lost or garbled; the remote queues requests and
 * answers each with exactly one &struct rpmsg_gpio_reply, in order.
 */
struct rpmsg_gpio_request {
	__le16 cmd;
	__le16 line;
	__le32 value;
};

static_assert(sizeof(struct rpmsg_gpio_request) == 8);

/**
 * struct rpmsg_gpio_reply - reply from the remote to a request
 * @type: %RPMSG_GPIO_MSG_REPLY
 * @status: %RPMSG_GPIO_STATUS_OK or %RPMSG_GPIO_STATUS_ERROR
 * @value: result of a GET command (direction or level), 0 otherwise
 */
struct rpmsg_gpio_reply {
	u8 type;
	u8 status;
	u8 value;
} __packed;

static_assert(sizeof(struct rpmsg_gpio_reply) == 3);

/**
 * struct rpmsg_gpio_notification - interrupt notification from the remote
 * @type: %RPMSG_GPIO_MSG_NOTIFY
 * @line: line index of the interrupt that fired
 * @trigger: informational only, ignored by Linux
 *
 * The remote masks the line's interrupt before sending a notification.
 * Linux re-arms it with a SET_IRQ_TYPE request once it has handled it.
 */
struct rpmsg_gpio_notification {
	u8 type;
	u8 line;
	u8 trigger;
} __packed;

static_assert(sizeof(struct rpmsg_gpio_notification) == 3);

#endif /* _LINUX_RPMSG_GPIO_H */
