# SPDX-License-Identifier: GPL-2.0
#
# rpmsg GPIO for Linux: build, check, run and test the patch series.
# `make help` lists the targets. Everything downloaded or built that is
# worth keeping between clones lives in $(CACHE) (safe to delete).

SHELL := /bin/bash
CACHE ?= $(or $(RPMSG_GPIO_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/rpmsg-gpio)
export RPMSG_GPIO_CACHE := $(CACHE)
export KSRC
W := workspace

.PHONY: help deps patches check test run shell qemu-test bench soak mutants kernels clean

help:
	@echo "make run        install what is needed, build, boot QEMU with the simulated remote, demo"
	@echo "make test       everything CI checks (static gates + QEMU suite on both kernels)"
	@echo "make patches    write the series to out/series/ (git am-able, with cover letter)"
	@echo "make check      static gates on every patch (checkpatch, W=1 gcc/clang/x86, sparse, ...)"
	@echo "make bench      benchmarks against same-boot baselines: out/bench/results.{json,md}"
	@echo "make soak       lifecycle loops 1000 times and the fuzz, on both test kernels"
	@echo "make mutants    each driver mutation of workspace/mutants.txt must fail its case"
	@echo "make kernels    build the two test kernels (driver built in / as a module)"
	@echo "make shell      boot the test guest with an interactive shell"
	@echo "make qemu-test T=tools/testing/selftests/drivers/gpio/rpmsg/cases/X.sh"
	@echo "make deps       install host tools (Debian packages only)"
	@echo "make clean      remove out/ (the cache in $(CACHE) is kept)"
	@echo "KSRC=/path/to/linux uses another 7.2 tree as the base."

deps:
	@bash $(W)/deps.sh

patches:
	@bash $(W)/patches.sh

check: deps patches
	@bash $(W)/check.sh

kernels: deps patches
	@bash $(W)/kernels.sh

test: deps patches
	@bash $(W)/test.sh

run: deps patches
	@bash $(W)/run.sh run

shell: deps patches
	@bash $(W)/run.sh shell

bench: deps patches
	@bash $(W)/bench.sh

soak: deps patches
	@bash $(W)/soak.sh

mutants: deps patches
	@bash $(W)/mutants.sh

qemu-test: deps patches
	@test -n "$(T)" || { echo "usage: make qemu-test T=path/to/case.sh"; exit 2; }
	@bash $(W)/run.sh test $(T)

clean:
	rm -rf out
