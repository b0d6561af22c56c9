// SPDX-License-Identifier: GPL-2.0
/*
 * gpio-bench: the measuring tool of the rpmsg GPIO benchmarks (bench.sh),
 * run in the guest. Every subcommand prints one line of "key=value" words;
 * times are in nanoseconds, from CLOCK_MONOTONIC (the clock of GPIO event
 * timestamps).
 *
 *   lat CHIP LINE get|set N
 *	N line reads (or writes, alternating 0 and 1) through the GPIO uAPI
 *	v2 on /dev/CHIP: the distribution of one ioctl's duration.
 *   raw CTRL_DEV DST LINE N
 *	N GET_VALUE requests of the rpmsg GPIO protocol for LINE sent to
 *	remote address DST through an rpmsg_char endpoint created on
 *	CTRL_DEV (/dev/rpmsg_ctrlN), each followed by a read of the reply:
 *	the bare transport round trip, with the same firmware work.
 *   cmp CHIP GET_LINE SET_LINE CTRL_DEV DST RAW_LINE SIM_CHIP N
 *	N rounds of: a read of GET_LINE and a write of SET_LINE of CHIP, a
 *	raw round trip (as above), a read of line 0 and a write of line 1
 *	of SIM_CHIP (gpio-sim). Interleaved, they are measured under the
 *	same conditions: get_*, set_*, raw_*, simget_*, simset_*.
 *   dir CHIP LINE N
 *	N times: the requested input line becomes an output driving 0
 *	(GPIO_V2_LINE_SET_CONFIG_IOCTL), then an input again.
 *   irq CHIP LINE rising|both FILE HIGH LOW MASKED N
 *	N edge events: write HIGH or LOW to FILE, the simulated input, and
 *	read the event (rising: LOW is written first, unmeasured, and
 *	only rising edges are requested). MASKED ("-": none) is a file
 *	reading "0" once the remote re-armed the interrupt: waited for
 *	before each measured edge. Reports the event timestamp minus the
 *	write's start (ev_*), the read's end minus the write's start
 *	(read_*), and the edges per second of the whole loop.
 *   irqcmp <irq's 7 arguments for line a> <the same for line b> N
 *	N edges on each line, in turn: a_* and b_* as irq's.
 *   contend MS CHIP:LINE...
 *	one process per CHIP:LINE reading its line in a loop for MS ms, all
 *	started together: the total rate and Jain's fairness index.
 *   spin MS
 *	iterations of a busy loop in MS ms: how much CPU is left to others.
 *   probe ANNOUNCE WANT TIMEOUT_MS NAME... [-- FILE...]
 *	writes each NAME to ANNOUNCE (the simulator's name-service control
 *	file), then waits until WANT gpiochips exist: the time it took
 *	(ns). With FILEs, then also until each reads "1" (the remote's
 *	line driven high by a hog): the time from the first write (hog_ns).
 *   hung CHIP LINE HANG_FILE N
 *	requests the line as an input, writes "1" to HANG_FILE (the remote
 *	stops taking messages), then reads the line N times: how long each
 *	failed read took (op_*, ns), the first and last ten's means, and
 *	how many failed with ETIMEDOUT, EBUSY or another error (or not).
 *   write FILE VALUE...
 *	writes VALUE to FILE, for each pair: the time it took (gpio-sim's
 *	"live" returns once the chip is registered).
 *   wake EVDEV CODE AFTER_FILE LEVEL MS
 *	writes "LEVEL MS" to AFTER_FILE (the simulator's input_after: the
 *	line fires MS ms later, from the remote's own timer), prints
 *	"armed", then waits for key CODE's press on EVDEV (/dev/input/N):
 *	the press's timestamp (ev_ns) and the end of its read (read_ns),
 *	from the moment the line fired (AFTER_FILE read back: the
 *	simulator's record of it), and how much later than asked the
 *	simulator's timer fired it (slack_ns). Meanwhile the caller may
 *	suspend the system.
 */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/gpio.h>
#include <linux/input.h>
#include <linux/rpmsg.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define EVENT_TIMEOUT_MS	5000

static const char *prog = "gpio-bench";

static void die(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", prog);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, ": %s\n", strerror(errno));
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

static unsigned long number(const char *s)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || !*s || *end) {
		errno = EINVAL;
		die("%s is not numeric", s);
	}
	return v;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* "PREFIX_median=.. PREFIX_p99=.. PREFIX_mean=.. PREFIX_min=.." */
static void print_dist(const char *prefix, uint64_t *v, unsigned long n)
{
	uint64_t sum = 0;
	unsigned long i;

	qsort(v, n, sizeof(*v), cmp_u64);
	for (i = 0; i < n; i++)
		sum += v[i];
	printf("%s_median=%llu %s_p99=%llu %s_mean=%llu %s_min=%llu", prefix,
	       (unsigned long long)v[n / 2], prefix,
	       (unsigned long long)v[n - 1 - n / 100], prefix,
	       (unsigned long long)(sum / n), prefix,
	       (unsigned long long)v[0]);
}

static uint64_t *samples(unsigned long n)
{
	uint64_t *v;

	if (!n) {
		errno = EINVAL;
		die("%s", "N must be at least 1");
	}
	v = calloc(n, sizeof(*v));
	if (!v)
		die("%s", "calloc");
	return v;
}

/* Request one line of /dev/CHIP with @flags; returns the request's fd. */
static int line_request(const char *chip, unsigned int line, uint64_t flags)
{
	struct gpio_v2_line_request req;
	char path[64];
	int fd;

	snprintf(path, sizeof(path), "/dev/%s", chip);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		die("open %s", path);
	memset(&req, 0, sizeof(req));
	req.offsets[0] = line;
	req.num_lines = 1;
	req.config.flags = flags;
	snprintf(req.consumer, sizeof(req.consumer), "gpio-bench");
	if (ioctl(fd, GPIO_V2_GET_LINE_IOCTL, &req) < 0)
		die("request a line of %s", path);
	close(fd);
	return req.fd;
}

static int get_value(int fd)
{
	struct gpio_v2_line_values v = { .mask = 1 };

	if (ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &v) < 0)
		die("%s", "GPIO_V2_LINE_GET_VALUES_IOCTL");
	return v.bits & 1;
}

static void set_value(int fd, int value)
{
	struct gpio_v2_line_values v = { .mask = 1, .bits = value };

	if (ioctl(fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &v) < 0)
		die("%s", "GPIO_V2_LINE_SET_VALUES_IOCTL");
}

static int cmd_lat(char **argv)
{
	unsigned int line = number(argv[1]);
	unsigned long n = number(argv[3]), i;
	int set = !strcmp(argv[2], "set");
	uint64_t *v = samples(n), t;
	int fd;

	if (!set && strcmp(argv[2], "get")) {
		errno = EINVAL;
		die("get or set, not %s", argv[2]);
	}
	fd = line_request(argv[0], line, set ? GPIO_V2_LINE_FLAG_OUTPUT :
						 GPIO_V2_LINE_FLAG_INPUT);
	for (i = 0; i < n; i++) {
		t = now_ns();
		if (set)
			set_value(fd, i & 1);
		else
			get_value(fd);
		v[i] = now_ns() - t;
	}
	close(fd);
	printf("n=%lu ", n);
	print_dist("op", v, n);
	printf("\n");
	return 0;
}

/* The wire format of ../../../../../include/linux/rpmsg/gpio.h */
struct rpmsg_gpio_req {
	uint16_t cmd;
	uint16_t line;
	uint32_t value;
};

#define RPMSG_GPIO_CMD_GET_VALUE	4

/* The /dev/rpmsgN of the endpoint called @name: its sysfs "name" says */
static int open_endpoint(const char *name)
{
	char path[300], buf[64];
	struct dirent *de;
	DIR *d;
	FILE *f;
	int fd = -1;

	d = opendir("/sys/class/rpmsg");
	if (!d)
		die("%s", "/sys/class/rpmsg");
	while (fd < 0 && (de = readdir(d))) {
		if (strncmp(de->d_name, "rpmsg", 5) ||
		    !strncmp(de->d_name, "rpmsg_ctrl", 10))
			continue;
		snprintf(path, sizeof(path), "/sys/class/rpmsg/%s/name",
			 de->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f) &&
		    !strncmp(buf, name, strlen(name)) &&
		    buf[strlen(name)] == '\n') {
			snprintf(path, sizeof(path), "/dev/%s", de->d_name);
			fd = open(path, O_RDWR | O_CLOEXEC);
			if (fd < 0)
				die("open %s", path);
		}
		fclose(f);
	}
	closedir(d);
	if (fd < 0) {
		errno = ENOENT;
		die("no rpmsg endpoint device called %s", name);
	}
	return fd;
}

/* An rpmsg_char endpoint to remote address @dst, created on @ctrl_dev */
static int ept_open(const char *ctrl_dev, unsigned int dst, int *ctrl)
{
	struct rpmsg_endpoint_info info;

	*ctrl = open(ctrl_dev, O_RDWR | O_CLOEXEC);
	if (*ctrl < 0)
		die("open %s", ctrl_dev);
	memset(&info, 0, sizeof(info));
	snprintf(info.name, sizeof(info.name), "gpio-bench-%d", getpid());
	info.src = 0xffffffff;	/* RPMSG_ADDR_ANY */
	info.dst = dst;
	if (ioctl(*ctrl, RPMSG_CREATE_EPT_IOCTL, &info) < 0)
		die("RPMSG_CREATE_EPT_IOCTL on %s", ctrl_dev);
	return open_endpoint(info.name);
}

static void ept_close(int fd, int ctrl)
{
	if (ioctl(fd, RPMSG_DESTROY_EPT_IOCTL) < 0)
		die("%s", "RPMSG_DESTROY_EPT_IOCTL");
	close(fd);
	close(ctrl);
}

/* One GET_VALUE round trip of @line; false if the reply is not OK */
static int raw_once(int fd, unsigned int line)
{
	struct rpmsg_gpio_req req = {
		.cmd = RPMSG_GPIO_CMD_GET_VALUE,	/* little-endian host */
		.line = line,
	};
	unsigned char reply[64];

	if (write(fd, &req, sizeof(req)) != sizeof(req))
		die("%s", "write to the endpoint");
	return read(fd, reply, sizeof(reply)) == 3 && reply[0] == 1 &&
	       reply[1] == 0;
}

static int cmd_raw(char **argv)
{
	unsigned long n = number(argv[3]), i;
	unsigned int line = number(argv[2]);
	uint64_t *v = samples(n), t;
	int ctrl, fd, bad = 0;

	fd = ept_open(argv[0], number(argv[1]), &ctrl);
	for (i = 0; i < n; i++) {
		t = now_ns();
		bad += !raw_once(fd, line);
		v[i] = now_ns() - t;
	}
	ept_close(fd, ctrl);
	printf("n=%lu bad_replies=%d ", n, bad);
	print_dist("op", v, n);
	printf("\n");
	return bad != 0;
}

/*
 * In turn: a read and a write of a gpio-rpmsg line, the bare round trip,
 * a read and a write of a gpio-sim line; each kind's distribution.
 * Interleaved, the five see the same conditions (under emulation, the
 * cost of waking a virtual CPU drifts over seconds).
 */
static int cmd_cmp(char **argv)
{
	unsigned long n = number(argv[7]), i;
	uint64_t *v[5], t;
	static const char * const names[5] = {
		"get", "set", "raw", "simget", "simset"
	};
	unsigned int raw_line = number(argv[5]);
	int fd[5], ctrl, bad = 0, k;

	for (k = 0; k < 5; k++)
		v[k] = samples(n);
	fd[0] = line_request(argv[0], number(argv[1]), GPIO_V2_LINE_FLAG_INPUT);
	fd[1] = line_request(argv[0], number(argv[2]), GPIO_V2_LINE_FLAG_OUTPUT);
	fd[2] = ept_open(argv[3], number(argv[4]), &ctrl);
	fd[3] = line_request(argv[6], 0, GPIO_V2_LINE_FLAG_INPUT);
	fd[4] = line_request(argv[6], 1, GPIO_V2_LINE_FLAG_OUTPUT);
	for (i = 0; i < n; i++) {
		for (k = 0; k < 5; k++) {
			t = now_ns();
			if (k == 2)
				bad += !raw_once(fd[2], raw_line);
			else if (k == 1 || k == 4)
				set_value(fd[k], i & 1);
			else
				get_value(fd[k]);
			v[k][i] = now_ns() - t;
		}
	}
	ept_close(fd[2], ctrl);
	printf("n=%lu bad_replies=%d", n, bad);
	for (k = 0; k < 5; k++) {
		if (k != 2)
			close(fd[k]);
		printf(" ");
		print_dist(names[k], v[k], n);
	}
	printf("\n");
	return bad != 0;
}

static void write_file(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		die("open %s", path);
	if (write(fd, value, strlen(value)) != (ssize_t)strlen(value))
		die("write to %s", path);
	close(fd);
}

/* The first character of @path (a simulator's debugfs file) */
static char first_char(const char *path)
{
	char c = 0;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("open %s", path);
	if (read(fd, &c, 1) != 1)
		die("read %s", path);
	close(fd);
	return c;
}

/* The number @path (a simulator's debugfs file) holds */
static uint64_t read_u64(const char *path)
{
	char buf[32] = "";
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("open %s", path);
	n = read(fd, buf, sizeof(buf) - 1);
	if (n <= 0)
		die("read %s", path);
	close(fd);
	buf[n] = 0;
	return strtoull(buf, NULL, 10);
}

/* Wait until @path reads "0" (the remote re-armed the interrupt) */
static void wait_zero(const char *path)
{
	uint64_t end = now_ns() + EVENT_TIMEOUT_MS * 1000000ull;

	for (;;) {
		if (first_char(path) == '0')
			return;
		if (now_ns() > end) {
			errno = ETIMEDOUT;
			die("%s stays non-zero", path);
		}
		usleep(100);
	}
}

static int cmd_dir(char **argv)
{
	unsigned long n = number(argv[2]), i;
	struct gpio_v2_line_config cfg;
	int fd;

	fd = line_request(argv[0], number(argv[1]), GPIO_V2_LINE_FLAG_INPUT);
	for (i = 0; i < 2 * n; i++) {
		memset(&cfg, 0, sizeof(cfg));
		if (i & 1) {
			cfg.flags = GPIO_V2_LINE_FLAG_INPUT;
		} else {
			cfg.flags = GPIO_V2_LINE_FLAG_OUTPUT;
			cfg.num_attrs = 1;
			cfg.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
			cfg.attrs[0].mask = 1;
		}
		if (ioctl(fd, GPIO_V2_LINE_SET_CONFIG_IOCTL, &cfg) < 0)
			die("%s", "GPIO_V2_LINE_SET_CONFIG_IOCTL");
	}
	close(fd);
	printf("n=%lu\n", n);
	return 0;
}

/* A line whose edges the benchmark makes through a file, then reads */
struct edge_src {
	int fd, both, level;
	const char *file, *high, *low, *masked;
	uint64_t *ev_lat, *rd_lat, busy_ns;
};

/* argv: CHIP LINE rising|both FILE HIGH LOW MASKED|- */
static void edge_open(struct edge_src *e, char **argv, unsigned long n)
{
	e->both = !strcmp(argv[2], "both");
	if (!e->both && strcmp(argv[2], "rising")) {
		errno = EINVAL;
		die("rising or both, not %s", argv[2]);
	}
	e->file = argv[3];
	e->high = argv[4];
	e->low = argv[5];
	e->masked = strcmp(argv[6], "-") ? argv[6] : NULL;
	e->ev_lat = samples(n);
	e->rd_lat = samples(n);
	e->busy_ns = 0;
	e->fd = line_request(argv[0], number(argv[1]),
			     GPIO_V2_LINE_FLAG_INPUT |
			     GPIO_V2_LINE_FLAG_EDGE_RISING |
			     (e->both ? GPIO_V2_LINE_FLAG_EDGE_FALLING : 0));
	e->level = get_value(e->fd);
}

/* Edge number @i: measured into ev_lat[i] and rd_lat[i] */
static void edge_once(struct edge_src *e, unsigned long i)
{
	struct gpio_v2_line_event ev;
	struct pollfd pfd = { .fd = e->fd, .events = POLLIN };
	uint64_t t0 = now_ns(), t;

	e->level = !e->level;
	if (!e->both && e->level == 0) {
		write_file(e->file, e->low);
		e->level = 1;
	}
	if (e->masked)
		wait_zero(e->masked);
	t = now_ns();
	write_file(e->file, e->level ? e->high : e->low);
	if (poll(&pfd, 1, EVENT_TIMEOUT_MS) != 1) {
		errno = ETIMEDOUT;
		die("no edge event on %s", e->file);
	}
	if (read(e->fd, &ev, sizeof(ev)) != sizeof(ev))
		die("%s", "read an edge event");
	e->rd_lat[i] = now_ns() - t;
	e->ev_lat[i] = ev.timestamp_ns - t;
	if (ev.id != (e->level ? GPIO_V2_LINE_EVENT_RISING_EDGE :
				 GPIO_V2_LINE_EVENT_FALLING_EDGE)) {
		errno = EPROTO;
		die("%s", "edge event of the wrong direction");
	}
	e->busy_ns += now_ns() - t0;
}

static void edge_print(struct edge_src *e, const char *prefix,
		       unsigned long n)
{
	char name[32];

	printf("%sedges_per_s=%.0f ", prefix, n * 1e9 / e->busy_ns);
	snprintf(name, sizeof(name), "%sev", prefix);
	print_dist(name, e->ev_lat, n);
	printf(" ");
	snprintf(name, sizeof(name), "%sread", prefix);
	print_dist(name, e->rd_lat, n);
	close(e->fd);
}

static int cmd_irq(char **argv)
{
	unsigned long n = number(argv[7]), i;
	struct edge_src e;

	edge_open(&e, argv, n);
	for (i = 0; i < n; i++)
		edge_once(&e, i);
	printf("n=%lu ", n);
	edge_print(&e, "", n);
	printf("\n");
	return 0;
}

/* Two lines' edges in turn, so that both see the same conditions */
static int cmd_irqcmp(char **argv)
{
	unsigned long n = number(argv[14]), i;
	struct edge_src a, b;

	edge_open(&a, argv, n);
	edge_open(&b, argv + 7, n);
	for (i = 0; i < n; i++) {
		edge_once(&a, i);
		edge_once(&b, i);
	}
	printf("n=%lu ", n);
	edge_print(&a, "a_", n);
	printf(" ");
	edge_print(&b, "b_", n);
	printf("\n");
	return 0;
}

static int cmd_contend(int argc, char **argv)
{
	uint64_t ms = number(argv[0]), end;
	int users = argc - 1, i, go[2], res[2];
	unsigned long long count;
	double rate, sum = 0, sum2 = 0;
	char *colon, chip[32];
	pid_t pid;
	int fd;

	if (pipe(go) || pipe(res))
		die("%s", "pipe");
	for (i = 0; i < users; i++) {
		colon = strchr(argv[i + 1], ':');
		if (!colon || colon - argv[i + 1] >= (int)sizeof(chip)) {
			errno = EINVAL;
			die("not CHIP:LINE: %s", argv[i + 1]);
		}
		snprintf(chip, sizeof(chip), "%.*s",
			 (int)(colon - argv[i + 1]), argv[i + 1]);
		pid = fork();
		if (pid < 0)
			die("%s", "fork");
		if (pid)
			continue;
		fd = line_request(chip, number(colon + 1),
				  GPIO_V2_LINE_FLAG_INPUT);
		close(go[1]);
		/* Everybody starts when the parent closes its end */
		if (read(go[0], &count, 1) < 0)
			die("%s", "wait for the start");
		count = 0;
		end = now_ns() + ms * 1000000ull;
		while (now_ns() < end) {
			get_value(fd);
			count++;
		}
		if (write(res[1], &count, sizeof(count)) != sizeof(count))
			die("%s", "report");
		_exit(0);
	}
	close(go[0]);
	close(res[1]);
	usleep(200000);	/* all children have their lines */
	close(go[1]);
	for (i = 0; i < users; i++) {
		if (read(res[0], &count, sizeof(count)) != sizeof(count)) {
			errno = ECHILD;
			die("%s", "a user died");
		}
		rate = count * 1000.0 / ms;
		sum += rate;
		sum2 += rate * rate;
	}
	while (wait(NULL) > 0)
		;
	printf("users=%d ops_per_s=%.0f fairness=%.3f\n", users, sum,
	       sum * sum / (users * sum2));
	return 0;
}

static int cmd_spin(char **argv)
{
	uint64_t end = now_ns() + number(argv[0]) * 1000000ull;
	unsigned long long n = 0;

	while (now_ns() < end)
		n++;
	printf("iterations=%llu\n", n);
	return 0;
}

static int count_chips(void)
{
	struct dirent *de;
	int n = 0;
	DIR *d;

	d = opendir("/sys/bus/gpio/devices");
	if (!d)
		die("%s", "/sys/bus/gpio/devices");
	while ((de = readdir(d)))
		n += !strncmp(de->d_name, "gpiochip", 8);
	closedir(d);
	return n;
}

static int cmd_probe(int argc, char **argv)
{
	int want = number(argv[1]), i, names = argc, first = argc;
	uint64_t timeout = number(argv[2]) * 1000000ull, t0, t;

	for (i = 3; i < argc; i++) {
		if (!strcmp(argv[i], "--")) {
			names = i;
			first = i + 1;
			break;
		}
	}
	t0 = now_ns();
	for (i = 3; i < names; i++)
		write_file(argv[0], argv[i]);
	while (count_chips() < want) {
		t = now_ns() - t0;
		if (t > timeout) {
			printf("chips=%d timeout=1\n", count_chips());
			return 1;
		}
		usleep(200);
	}
	printf("chips=%d ns=%llu", count_chips(),
	       (unsigned long long)(now_ns() - t0));
	for (i = first; i < argc; i++) {
		while (first_char(argv[i]) != '1') {
			if (now_ns() - t0 > timeout) {
				printf(" hog_timeout=1\n");
				return 1;
			}
			usleep(200);
		}
	}
	if (first < argc)
		printf(" hog_ns=%llu", (unsigned long long)(now_ns() - t0));
	printf("\n");
	return 0;
}

static int cmd_hung(char **argv)
{
	unsigned long n = number(argv[3]), i, timedout = 0, busy = 0, other = 0;
	uint64_t *v = samples(n), first = 0, last = 0, t0;
	struct gpio_v2_line_values val = { .mask = 1 };
	int fd;

	fd = line_request(argv[0], number(argv[1]), GPIO_V2_LINE_FLAG_INPUT);
	write_file(argv[2], "1");
	for (i = 0; i < n; i++) {
		t0 = now_ns();
		if (!ioctl(fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &val))
			other++;	/* Answered: not hung */
		else if (errno == ETIMEDOUT)
			timedout++;
		else if (errno == EBUSY)
			busy++;
		else
			other++;
		v[i] = now_ns() - t0;
		if (i < 10)
			first += v[i];
		if (i + 10 >= n)
			last += v[i];
	}
	close(fd);
	printf("n=%lu etimedout=%lu ebusy=%lu other=%lu ", n, timedout, busy,
	       other);
	printf("first10_mean=%llu last10_mean=%llu ",
	       (unsigned long long)(first / (n < 10 ? n : 10)),
	       (unsigned long long)(last / (n < 10 ? n : 10)));
	print_dist("op", v, n);
	printf(" op_max=%llu\n", (unsigned long long)v[n - 1]);
	free(v);
	return 0;
}

static int cmd_write(int argc, char **argv)
{
	uint64_t t0 = now_ns();
	int i;

	for (i = 0; i + 1 < argc; i += 2)
		write_file(argv[i], argv[i + 1]);
	printf("ns=%llu\n", (unsigned long long)(now_ns() - t0));
	return 0;
}

static int cmd_wake(char **argv)
{
	unsigned long code = number(argv[1]), ms = number(argv[4]);
	int clock = CLOCK_MONOTONIC, fd;
	struct input_event ev;
	uint64_t fire, fired, t;
	char arm[32];

	fd = open(argv[0], O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		die("open %s", argv[0]);
	if (ioctl(fd, EVIOCSCLOCKID, &clock))
		die("%s", "EVIOCSCLOCKID");
	snprintf(arm, sizeof(arm), "%lu %lu", number(argv[3]), ms);
	fire = now_ns() + ms * 1000000ull;
	write_file(argv[2], arm);
	printf("armed\n");
	for (;;) {
		if (read(fd, &ev, sizeof(ev)) != sizeof(ev))
			die("read %s", argv[0]);
		if (ev.type == EV_KEY && ev.code == code && ev.value == 1)
			break;
	}
	t = now_ns();
	close(fd);
	fired = read_u64(argv[2]);
	if (fired < fire - ms * 1000000ull) {
		errno = EINVAL;
		die("%s: the simulator did not record the change", argv[2]);
	}
	printf("ev_ns=%lld read_ns=%lld slack_ns=%lld\n",
	       (long long)((uint64_t)ev.input_event_sec * 1000000000ull +
			   ev.input_event_usec * 1000ull - fired),
	       (long long)(t - fired), (long long)(fired - fire));
	return 0;
}

/*
 * The commands: NAME ARGS, called with MIN to MAX arguments (MAX -1: no
 * limit; PAIRS: an even number). A command takes its arguments either as
 * a fixed list (fixed) or with their count (var).
 */
static const struct bench_cmd {
	const char *name, *args;
	int min, max;
	bool pairs;
	int (*fixed)(char **argv);
	int (*var)(int argc, char **argv);
} bench_cmds[] = {
	{ "lat", "CHIP LINE get|set N", 4, 4, .fixed = cmd_lat },
	{ "raw", "CTRL_DEV DST LINE N", 4, 4, .fixed = cmd_raw },
	{ "cmp", "CHIP GET_LINE SET_LINE CTRL_DEV DST RAW_LINE SIM_CHIP N",
	  8, 8, .fixed = cmd_cmp },
	{ "dir", "CHIP LINE N", 3, 3, .fixed = cmd_dir },
	{ "irq", "CHIP LINE rising|both FILE HIGH LOW MASKED|- N", 8, 8,
	  .fixed = cmd_irq },
	{ "irqcmp", "<7 irq arguments> <7 irq arguments> N", 15, 15,
	  .fixed = cmd_irqcmp },
	{ "contend", "MS CHIP:LINE...", 2, -1, .var = cmd_contend },
	{ "spin", "MS", 1, 1, .fixed = cmd_spin },
	{ "probe", "ANNOUNCE WANT TIMEOUT_MS NAME... [-- FILE...]", 4, -1,
	  .var = cmd_probe },
	{ "hung", "CHIP LINE HANG_FILE N", 4, 4, .fixed = cmd_hung },
	{ "write", "FILE VALUE [FILE VALUE]...", 2, -1, .pairs = true,
	  .var = cmd_write },
	{ "wake", "EVDEV CODE AFTER_FILE LEVEL MS", 5, 5, .fixed = cmd_wake },
};

static void usage(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bench_cmds); i++)
		fprintf(stderr, "%s %s %s %s\n", i ? "      " : "Usage:", prog,
			bench_cmds[i].name, bench_cmds[i].args);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *name = argc > 1 ? argv[1] : "";
	int n = argc - 2;
	size_t i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (i = 0; i < ARRAY_SIZE(bench_cmds); i++) {
		const struct bench_cmd *c = &bench_cmds[i];

		if (strcmp(name, c->name) || n < c->min ||
		    (c->max >= 0 && n > c->max) || (c->pairs && n % 2))
			continue;
		return c->fixed ? c->fixed(argv + 2) : c->var(n, argv + 2);
	}
	usage();
	return 2;
}
