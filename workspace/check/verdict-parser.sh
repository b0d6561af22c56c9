# SPDX-License-Identifier: GPL-2.0
# Gate verdict-parser.
# Sourced by workspace/check.sh.
# shellcheck shell=bash

# The judge of the QEMU runs (workspace/verdict.py) against its fixture
# tests: a verdict that passes a bad run would pass everything after it.
gate_verdict_parser() {
	python3 -m unittest discover -v -s "$TOP/workspace/tests" ||
		fail "workspace/tests: the verdict parser's tests fail"
}

inputs_verdict_parser() {
	cat "$TOP/workspace/verdict.py" "$TOP/workspace/qemu.sh" \
		"$TOP"/workspace/tests/*.py "$TOP"/workspace/tests/fixtures/*
}
