#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Tests of workspace/verdict.py, the judge of a QEMU test run's console.

Run by make test (the verdict-parser gate of check.sh), or alone:
    python3 -m unittest discover -s workspace/tests
"""

import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import verdict  # noqa: E402

# What qemu.sh passes: read from it, so that the tests judge with the
# expression the rig uses
with open(os.path.join(HERE, '..', 'qemu.sh')) as f:
    _q = f.read()
SPLATS = ''.join(re.findall(r"'([^']*)'", _q[_q.index('SPLATS='):
                                            _q.index('\n\n', _q.index('SPLATS='))]))

# A clean run of two cases, as run_kselftest.sh nests it, with timestamps
CLEAN = '''\
[    0.100000] kmemleak: Kernel memory leak detector initialized (mem pool available: 1)
[    2.000000] # rig: kernel 7.2.13+, cases: set-get.sh hog.sh
[    2.400000] TAP version 13
[    2.400001] 1..1
[    3.000000] # TAP version 13
[    3.000001] # 1..4
[    3.000002] # ok 1 simulator loads
[    3.100000] # # case set-get
[    3.200000] # # 4 reads right
[    3.200001] # ok 2 set-get
[    3.300000] # # case hog
[    3.400000] # ok 3 hog
[    3.500000] # ok 4 no memory leaks
[    3.600000] # # Totals: pass:4 fail:0 xfail:0 xpass:0 skip:0 error:0
[    3.600001] ok 1 selftests: drivers/gpio/rpmsg: rpmsg-gpio.sh
[    3.700000] # rig: done
'''


def judge(log, status=0, timeout=600, cases=('set-get', 'hog'),
          allowed=(), kmemleak=True, flavour='builtin'):
    v = verdict.Verdict(SPLATS, len(cases), kmemleak, allowed, cases,
                        flavour)
    for line in log.splitlines(True):
        v.feed(line)
    ok = v.finish(status, timeout)
    return ok, v.out


def results(out):
    """{name: 'ok' | 'not ok' | 'skip'} of the result lines"""
    r = {}
    for line in out:
        m = re.match(r'^(not ok|ok) [0-9]+ (.*?)( # (\S+).*)?$', line)
        if m:
            r[m.group(2)] = 'skip' if m.group(4) == 'SKIP' else m.group(1)
    return r


class Clean(unittest.TestCase):
    def test_every_result_and_check_passes(self):
        ok, out = judge(CLEAN)
        self.assertTrue(ok, out)
        self.assertEqual(results(out), {
            'simulator loads': 'ok', 'set-get': 'ok', 'hog': 'ok',
            'no memory leaks': 'ok',
            'kselftest runner: drivers/gpio/rpmsg': 'ok',
            'no kernel splat': 'ok', 'guest powered off': 'ok',
            'kmemleak active': 'ok', 'skips are the allowed ones': 'ok'})
        self.assertEqual(out[-1], '# 9 passed, 0 failed, 0 skipped')

    def test_numbering_is_consecutive(self):
        _, out = judge(CLEAN)
        nums = [int(re.match(r'^(?:not )?ok ([0-9]+)', ln).group(1))
                for ln in out if re.match(r'^(not )?ok ', ln)]
        self.assertEqual(nums, list(range(1, len(nums) + 1)))

    def test_carriage_returns_and_caller_ids(self):
        log = CLEAN.replace('\n', '\r\n').replace(
            '[    3.200001] # ok 2', '[    3.200001] [T123] # ok 2')
        ok, out = judge(log)
        self.assertTrue(ok, out)
        self.assertEqual(results(out)['set-get'], 'ok')


class Failures(unittest.TestCase):
    def test_failed_case_shows_its_diagnostics(self):
        log = CLEAN.replace('# # 4 reads right\n', '# # FAIL: read 1, want 0\n') \
                   .replace('# ok 2 set-get', '# not ok 2 set-get')
        ok, out = judge(log)
        self.assertFalse(ok)
        i = out.index('not ok 2 set-get')
        self.assertEqual(out[i + 1], '# FAIL: read 1, want 0')
        self.assertEqual(out[-1], '# 8 passed, 1 failed, 0 skipped')

    def test_timeout_is_a_failure_with_its_reason(self):
        log = CLEAN.replace('# ok 3 hog', '# not ok 3 hog # TIMEOUT 120 seconds')
        ok, out = judge(log)
        self.assertFalse(ok)
        i = out.index('not ok 3 hog')
        self.assertIn('# timed out: TIMEOUT 120 seconds', out[i + 1:i + 3])

    def test_kernel_report_fails_and_names_the_case(self):
        log = CLEAN.replace(
            '[    3.200000] # # 4 reads right\n',
            '[    3.150000] WARNING: CPU: 1 PID: 42 at drivers/gpio/gpio-rpmsg.c:100\n'
            '[    3.150001] Call trace:\n'
            '[    3.150002]  rpmsg_gpio_rx+0x10/0x20\n'
            '[    3.150003] ---[ end trace 0000000000000000 ]---\n')
        ok, out = judge(log)
        self.assertFalse(ok)
        self.assertEqual(results(out)['no kernel splat'], 'not ok')
        i = out.index([ln for ln in out if ln.endswith('no kernel splat')][0])
        self.assertEqual(out[i + 1], '# during case set-get: WARNING: CPU: 1 '
                         'PID: 42 at drivers/gpio/gpio-rpmsg.c:100')
        # The call trace belongs to the headline: no second signature
        self.assertEqual(out[i + 2], '# first report:')

    def test_guest_killed_before_the_end(self):
        log = CLEAN.split('[    3.400000]')[0]
        ok, out = judge(log, status=124, timeout=600)
        self.assertFalse(ok)
        r = results(out)
        self.assertEqual(r['all results reported'], 'not ok')
        self.assertEqual(r['guest powered off'], 'not ok')
        self.assertEqual(r['kselftest runner: drivers/gpio/rpmsg'], 'not ok')
        i = out.index([ln for ln in out if ln.endswith('all results reported')][0])
        self.assertEqual(out[i + 1], '# 2 of 4 planned results; last seen: case hog')
        self.assertEqual(out[i + 2], '# QEMU killed after 600 s')

    def test_bail_out(self):
        log = CLEAN.replace('# ok 3 hog', '# Bail out! no simulator')
        ok, out = judge(log)
        self.assertFalse(ok)
        self.assertEqual(results(out)['guest runner'], 'not ok')

    def test_qemu_error_status(self):
        ok, out = judge(CLEAN, status=1)
        self.assertFalse(ok)
        i = out.index([ln for ln in out if ln.endswith('guest powered off')][0])
        self.assertEqual(out[i + 1], '# QEMU exit status 1')


class Kmemleak(unittest.TestCase):
    def test_not_initialized(self):
        ok, out = judge(CLEAN.split('\n', 1)[1])
        self.assertFalse(ok)
        self.assertEqual(results(out)['kmemleak active'], 'not ok')

    def test_leak_check_skipped(self):
        log = CLEAN.replace('# ok 4 no memory leaks',
                            '# ok 4 no memory leaks # SKIP no kmemleak')
        ok, out = judge(log)
        self.assertFalse(ok)
        self.assertEqual(results(out)['kmemleak active'], 'not ok')

    def test_not_checked_without_kmemleak(self):
        _, out = judge(CLEAN.split('\n', 1)[1], kmemleak=False)
        self.assertNotIn('kmemleak active', results(out))


class Skips(unittest.TestCase):
    SKIPPED = CLEAN.replace('# ok 3 hog', '# ok 3 hog # SKIP no DT')

    def test_allowed_skip(self):
        ok, out = judge(self.SKIPPED, allowed=('hog',), flavour='x86')
        self.assertTrue(ok, out)
        self.assertEqual(results(out)['hog'], 'skip')
        self.assertEqual(out[-1], '# 8 passed, 0 failed, 1 skipped')

    def test_skip_not_allowed(self):
        ok, out = judge(self.SKIPPED)
        self.assertFalse(ok)
        i = out.index([ln for ln in out
                       if ln.endswith('skips are the allowed ones')][0])
        self.assertEqual(out[i + 1], '# hog: SKIP no DT, not allowed on the '
                         'builtin kernel')

    def test_allowed_skip_that_ran(self):
        ok, out = judge(CLEAN, allowed=('hog',), flavour='x86')
        self.assertFalse(ok)
        self.assertIn('# hog: ran, but workspace/skips-allowed expects it to '
                      'skip on the x86 kernel', out)


class Fixture(unittest.TestCase):
    """A real console log (arm64 debug kernel, three cases)"""

    def test_real_log(self):
        path = os.path.join(HERE, 'fixtures', 'builtin-3-cases.log')
        cmd = [sys.executable, os.path.join(HERE, '..', 'verdict.py'), path,
               '--kmemleak', '1', '--splats', SPLATS,
               '--cases', 'crash-while-held irq-priority set-get']
        p = subprocess.run(cmd, capture_output=True, text=True)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        out = p.stdout.splitlines()
        self.assertEqual(out[-1], '# 11 passed, 0 failed, 0 skipped')
        self.assertEqual([ln.split(' ', 2)[2] for ln in out[:4]],
                         ['simulator loads', 'irq-priority', 'set-get',
                          'crash-while-held'])


if __name__ == '__main__':
    unittest.main()
