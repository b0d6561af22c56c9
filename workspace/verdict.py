#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Judge the console log of a QEMU test run (qemu.sh test).

    verdict.py LOG --status N --timeout S --flavour F --kmemleak 0|1
               --allowed "CASE..." --cases "CASE..." --splats REGEX

Prints one KTAP-style line per result the guest reported (the suite's
results, which run_kselftest.sh nests one level), then the host's own
checks: every planned result came, the kselftest runner passed, no
kernel report anywhere in the log, the guest powered off, kmemleak was
active (kernels with kmemleak), only the skips of workspace/skips-allowed.
Then the summary "# N passed, N failed, N skipped". Exits 1 if anything
failed.

The parser is a class of its own (Verdict, fed line by line) so that
workspace/tests/test_verdict.py can drive it with fixture logs, as
kunit_parser.py's tests do.
"""

import argparse
import re
import sys

TIMESTAMP = re.compile(r'^\[ *[0-9]+\.[0-9]+\]( \[[CT][0-9]+\])? ')
NESTED = re.compile(r'^# (TAP version|1\.\.[0-9]|(not )?ok [0-9]|# |Bail out)')
OUTER = re.compile(r'^(TAP version|1\.\.[0-9]|(not )?ok [0-9])')
RESULT = re.compile(r'^(not )?ok [0-9]+ ')
DIRECTIVE = re.compile(r' # (SKIP|XFAIL|TODO)')
TIMEOUT = re.compile(r' # TIMEOUT ')
KILLED = (124, 137)	# timeout(1)'s status, and SIGKILL's
DIAG_LINES = 40		# lines of diagnostics shown under a result
SPLAT_CONTEXT = 30	# lines of the first kernel report shown
SIGNATURES = 10		# distinct report headlines shown


class Verdict:
    def __init__(self, splats, ncases, kmemleak=False, allowed=(),
                 names=(), flavour='builtin'):
        self.splats = re.compile(splats)
        self.ncases = ncases
        self.kmemleak = kmemleak
        self.allowed = list(allowed)
        self.names = list(names)
        self.flavour = flavour
        self.out = []
        self.counts = {'passed': 0, 'failed': 0, 'skipped': 0}
        self.nr = 0		# line number in the log
        self.phase = 'boot'	# where the guest was: for a missing result
        self.diag = ''		# "# " lines since the last result
        self.plan = 0
        self.results = 0
        self.runner = ''	# run_kselftest.sh's own result line
        self.bail = ''
        self.done = False	# "# rig: done": the guest finished
        self.reported = set()
        self.directed = {}	# result name -> its SKIP/XFAIL/TODO
        self.leakcheck = False
        self.nsplat = 0
        self.signatures = []
        self.seen = set()
        self.first = self.last = 0
        self.firsttxt = ''
        self.firstend = False
        self.klinit = False
        self.kmemleak_lines = []

    def emit(self, ok, name, directive='', diag=''):
        num = sum(self.counts.values()) + 1
        self.out.append('%s %d %s%s' % ('ok' if ok else 'not ok', num, name,
                                        ' # ' + directive if directive
                                        else ''))
        if not ok or directive:
            lines = diag.split('\n')
            self.out.extend('# ' + ln for ln in lines[:DIAG_LINES] if ln)
            if len(lines) > DIAG_LINES + 1:
                self.out.append('# ... (%d more lines in the log)'
                                % (len(lines) - DIAG_LINES - 1))
        if directive.startswith('SKIP'):
            self.counts['skipped'] += 1
        elif ok:
            self.counts['passed'] += 1
        else:
            self.counts['failed'] += 1

    def splat(self, line):
        self.nsplat += 1
        # A stack dump right after a headline belongs to it
        after_headline = ('Call trace:' in line and self.last and
                          self.nr - self.last < 40)
        if (line not in self.seen and len(self.signatures) < SIGNATURES and
                not after_headline):
            self.seen.add(line)
            self.signatures.append('during %s: %s' % (self.phase, line))
        if self.nsplat == 1:
            self.first, self.firsttxt = self.nr, ''
        self.last = self.nr

    def result(self, line):
        ok = not line.startswith('not ')
        rest = RESULT.sub('', line, count=1)
        directive = ''
        m = DIRECTIVE.search(rest)
        if m:
            directive, rest = rest[m.start() + 3:], rest[:m.start()]
        else:
            m = TIMEOUT.search(rest)
            if m:
                self.diag += 'timed out: %s\n' % rest[m.start() + 3:]
                rest = rest[:m.start()]
        self.results += 1
        self.emit(ok, rest, directive, self.diag)
        self.reported.add(rest)
        if directive:
            self.directed[rest] = directive
        if rest == 'no memory leaks':
            self.leakcheck = ok and not directive
        if rest == 'simulator unloads' or self.results > self.ncases:
            self.phase = 'teardown'
        self.diag = ''

    def feed(self, raw):
        self.nr += 1
        line = TIMESTAMP.sub('', raw.replace('\r', '').rstrip('\n'), count=1)
        # run_kselftest.sh nests the suite's KTAP one level ("# ok 1 ..."):
        # those lines are the results; its own ("ok 1 selftests: ...") is
        # the entry point's verdict.
        if NESTED.match(line):
            line = line[2:]
        elif OUTER.match(line):
            if RESULT.match(line):
                self.runner = line
            return
        if self.splats.search(line):
            self.splat(line)
        if (self.first and not self.firstend and
                self.nr - self.first < SPLAT_CONTEXT):
            self.firsttxt += '  %s\n' % line
            if '---[ end trace' in line:
                self.firstend = True
        if 'kmemleak: Kernel memory leak detector initialized' in line:
            self.klinit = True
        if 'kmemleak' in line and len(self.kmemleak_lines) < 10:
            self.kmemleak_lines.append(line)
        if line.startswith('# rig: kernel '):
            self.phase = 'setup'
        if line.startswith('# case '):
            self.phase, self.diag = 'case ' + line[7:], ''
            return
        if line == '# rig: done':
            self.done, self.phase = True, 'power-off'
        if re.match(r'^1\.\.[0-9]+', line):
            self.plan = int(re.match(r'[0-9]+', line[3:]).group())
            return
        if line.startswith('Bail out!'):
            self.bail = line
        if RESULT.match(line):
            self.result(line)
            return
        if line.startswith('# '):
            self.diag += line[2:] + '\n'

    def finish(self, status=0, timeout=0):
        """The host's checks; returns True if nothing failed"""
        killed = 'QEMU killed after %s s' % timeout
        if self.bail:
            self.emit(False, 'guest runner', '', self.bail)
        if self.plan == 0 or self.results < self.plan:
            d = '%d of %d planned results; last seen: %s' % (
                self.results, self.plan, self.phase)
            if status in KILLED:
                d += '\n' + killed
            self.emit(False, 'all results reported', '', d)
        self.emit(self.runner.startswith('ok '),
                  'kselftest runner: drivers/gpio/rpmsg', '',
                  self.runner or 'the kselftest runner reported no result')
        d = ''.join(s + '\n' for s in self.signatures)
        if self.nsplat:
            d += 'first report:\n' + self.firsttxt
        self.emit(self.nsplat == 0, 'no kernel splat', '', d)
        d = killed if status in KILLED else 'QEMU exit status %d' % status
        if not self.done:
            d += '; the guest did not finish (no "# rig: done")'
        self.emit(self.done and status == 0, 'guest powered off', '', d)
        if self.kmemleak:
            self.emit_kmemleak()
        self.emit_skips()
        c = self.counts
        self.out.append('# %d passed, %d failed, %d skipped'
                        % (c['passed'], c['failed'], c['skipped']))
        return c['failed'] == 0

    def emit_kmemleak(self):
        # kmemleak that disabled itself, or a leak check that did not
        # scan, finds nothing: "no memory leaks" would be empty.
        d = ''
        if not self.klinit:
            d += ('no "kmemleak: Kernel memory leak detector initialized" '
                  'at boot\n')
        if 'no memory leaks' not in self.reported:
            d += 'the guest reported no "no memory leaks" result\n'
        elif not self.leakcheck:
            d += ('the guest leak check did not pass cleanly (%s)\n'
                  % self.directed.get('no memory leaks', 'failed'))
        if d:
            d += ''.join('  %s\n' % ln for ln in self.kmemleak_lines)
        self.emit(not d, 'kmemleak active', '', d)

    def emit_skips(self):
        # Only the skips of workspace/skips-allowed, and all of them: any
        # other skip, or a listed case that ran, changes the count.
        d = ''
        for c, why in self.directed.items():
            if c not in self.allowed or not why.startswith('SKIP'):
                d += '%s: %s, not allowed on the %s kernel\n' % (
                    c, why, self.flavour)
        for c in self.names:
            if (c in self.allowed and c in self.reported and
                    c not in self.directed):
                d += ('%s: ran, but workspace/skips-allowed expects it to '
                      'skip on the %s kernel\n' % (c, self.flavour))
        if d:
            d += '(skips allowed on the %s kernel: %s)' % (
                self.flavour, ' '.join(self.allowed) or 'none')
        self.emit(not d, 'skips are the allowed ones', '', d)


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('log')
    p.add_argument('--status', type=int, default=0)
    p.add_argument('--timeout', default='0')
    p.add_argument('--flavour', default='builtin')
    p.add_argument('--kmemleak', type=int, default=0)
    p.add_argument('--allowed', default='')
    p.add_argument('--cases', default='')
    p.add_argument('--splats', required=True)
    a = p.parse_args(argv)
    names = a.cases.split()
    v = Verdict(a.splats, len(names), bool(a.kmemleak), a.allowed.split(),
                names, a.flavour)
    with open(a.log, errors='replace') as f:
        for raw in f:
            v.feed(raw)
    ok = v.finish(a.status, a.timeout)
    print('\n'.join(v.out))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
