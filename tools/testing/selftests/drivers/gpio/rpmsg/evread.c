// SPDX-License-Identifier: GPL-2.0
/*
 * Print the key events of an evdev device, for the rpmsg GPIO selftests.
 *
 *   evread DEVICE [COUNT [TIMEOUT_MS]]   print "key CODE VALUE" per EV_KEY
 *                                        event; exit 0 after COUNT events
 *                                        (default 1), 1 when none comes
 *                                        for TIMEOUT_MS (default 5000)
 *   evread -s DEVICE CODE                print the key's current state (0/1)
 */
#include <errno.h>
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static int key_state(const char *dev, const char *arg)
{
	unsigned char keys[KEY_MAX / 8 + 1];
	long code = strtol(arg, NULL, 0);
	int fd;

	if (code < 0 || code > KEY_MAX) {
		fprintf(stderr, "evread: bad key code %s\n", arg);
		return 2;
	}
	fd = open(dev, O_RDONLY);
	if (fd < 0 || ioctl(fd, EVIOCGKEY(sizeof(keys)), keys) < 0) {
		fprintf(stderr, "evread: %s: %s\n", dev, strerror(errno));
		return 2;
	}
	printf("%d\n", !!(keys[code / 8] & (1 << (code % 8))));
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	struct input_event ev;
	struct pollfd pfd;
	int count, timeout, n = 0;

	if (argc == 4 && !strcmp(argv[1], "-s"))
		return key_state(argv[2], argv[3]);
	if (argc < 2 || argc > 4 || argv[1][0] == '-') {
		fprintf(stderr, "usage: evread DEVICE [COUNT [TIMEOUT_MS]] | -s DEVICE CODE\n");
		return 2;
	}
	count = argc > 2 ? atoi(argv[2]) : 1;
	timeout = argc > 3 ? atoi(argv[3]) : 5000;

	pfd.fd = open(argv[1], O_RDONLY | O_NONBLOCK);
	if (pfd.fd < 0) {
		fprintf(stderr, "evread: %s: %s\n", argv[1], strerror(errno));
		return 2;
	}
	pfd.events = POLLIN;
	setvbuf(stdout, NULL, _IOLBF, 0);
	while (n < count) {
		int ret = poll(&pfd, 1, timeout);

		if (ret < 0 && errno == EINTR)
			continue;
		if (ret < 0) {
			perror("evread: poll");
			return 2;
		}
		if (ret == 0)
			return 1;
		while (read(pfd.fd, &ev, sizeof(ev)) == sizeof(ev)) {
			if (ev.type != EV_KEY)
				continue;
			printf("key %u %d\n", ev.code, ev.value);
			if (++n == count)
				break;
		}
	}
	return 0;
}
