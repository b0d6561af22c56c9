#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn the BENCH lines of a benchmark console log into results.json and
a markdown table: bench-report.py CONSOLE_LOG RESULTS_JSON

Every figure is shown next to its baseline from the same boot and their
ratio. Exits 1 when an expected row is missing (the guest's "# bench:"
lines and the end of the log then say why)."""

import json
import os
import re
import sys

MATRIX = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                      'tools/testing/selftests/drivers/gpio/rpmsg/bench',
                      'bench-matrix')


def matrix(path=MATRIX):
    """bench-matrix: the counts, and the lines of each row's controllers"""
    counts, rows = [], {'probe': [], 'recovery': []}
    with open(path) as f:
        for line in f:
            w = line.split('#')[0].split()
            if w and w[0] == 'counts':
                counts = [int(n) for n in w[1:]]
            elif w and w[0] in rows:
                rows[w[0]].append(int(w[2]))
    return counts, rows

LINE = re.compile(r'^(?:\[[ 0-9.]+\] (?:\[[CT][0-9]+\] )?)?BENCH (\S+)(.*)$')
NOTE = re.compile(r'^(?:\[[ 0-9.]+\] (?:\[[CT][0-9]+\] )?)?# bench: (.*)$')


def parse(path):
    rows, notes, kernel = {}, [], ''
    with open(path, errors='replace') as f:
        for raw in f:
            raw = raw.rstrip('\r\n')
            m = LINE.match(raw)
            if m:
                vals = {}
                for word in m.group(2).split():
                    k, _, v = word.partition('=')
                    try:
                        vals[k] = float(v) if '.' in v else int(v)
                    except ValueError:
                        vals[k] = v
                rows[m.group(1)] = vals
                continue
            m = NOTE.match(raw)
            if m:
                notes.append(m.group(1))
            if '# rig: kernel ' in raw:
                kernel = raw.split('# rig: kernel ', 1)[1].split(',')[0]
    return rows, notes, kernel


def median(values):
    v = sorted(values)
    return v[(len(v) - 1) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] +
                                                     v[len(v) // 2]) / 2


def us(ns):
    return '%.1f µs' % (ns / 1000.0)


def ms(ns):
    return '%.1f ms' % (ns / 1e6)


class Report:
    def __init__(self, rows):
        self.rows = rows
        self.missing = []
        self.table = []
        self.ratios = {}

    def get(self, row, key):
        try:
            return self.rows[row][key]
        except KeyError:
            self.missing.append('%s %s' % (row, key))
            return None

    def add(self, name, value, baseline, ratio=None, target='',
            ratio_name=None):
        """A row; a list of ratios (one per run) shows their median and
        range, and is kept whole in results.json"""
        text = ''
        if isinstance(ratio, list):
            text = '%.2f× (%.2f–%.2f)' % (median(ratio), min(ratio),
                                          max(ratio))
            if ratio_name:
                self.ratios[ratio_name] = round(median(ratio), 3)
                self.ratios[ratio_name + '.runs'] = [round(r, 3)
                                                     for r in ratio]
        elif ratio is not None:
            text = '%.2f×' % ratio
            if ratio_name:
                self.ratios[ratio_name] = round(ratio, 3)
        self.table.append((name, value, baseline, text, target))

    def messages(self):
        names = {
            'msgs.register': 'messages to register a controller',
            'msgs.gpioinfo': 'messages for gpioinfo after probe',
            'msgs.get': 'messages per line read (request + reply)',
            'msgs.set': 'messages per line write',
            'msgs.direction': 'messages per out+in direction change pair',
            'msgs.irq': 'messages per interrupt delivered and re-armed',
            'msgs.wake.enabled': 'SET_WAKEUP per suspend/resume, wakeup on',
            'msgs.wake.disabled': 'SET_WAKEUP per suspend/resume, wakeup off',
        }
        for row, name in names.items():
            got, low = self.get(row, 'got'), self.get(row, 'min')
            if got is None or low is None:
                continue
            self.add(name, '%g' % got, 'minimum %g' % low,
                     target='excess %g (want 0)' % (got - low))
            self.ratios['excess.' + row] = round(got - low, 2)

    def latency(self):
        raw = self.get('lat.raw.get', 'op_median')
        raw99 = self.get('lat.raw.get', 'op_p99')
        if raw:
            self.add('bare rpmsg round trip (rpmsg_char), median / p99',
                     '%s / %s' % (us(raw), us(raw99)), '')
        for op in ('get', 'set'):
            med = self.get('lat.rpmsg.' + op, 'op_median')
            p99 = self.get('lat.rpmsg.' + op, 'op_p99')
            if med and raw:
                self.add('line %s through the uAPI, median / p99' % op,
                         '%s / %s' % (us(med), us(p99)),
                         'bare round trip ' + us(raw), med / raw,
                         '≤ 1.10×', 'lat.%s_vs_raw' % op)
            sim = self.get('lat.gpiosim.' + op, 'op_median')
            if med and sim:
                self.add('line %s, gpio-sim (in-kernel floor)' % op,
                         us(sim), 'gpio-rpmsg ' + us(med), med / sim,
                         ratio_name='lat.%s_vs_gpiosim' % op)

    LOADS = (('idle', 'idle'),
             ('nice0', 'beside 2 CPU-bound processes at nice 0'),
             ('nice-5', 'beside 2 CPU-bound processes at nice -5'))

    def runs(self, edges, load):
        """The (rpmsg, gpio-sim) rows of each run of one condition"""
        out = []
        for run in (1, 2, 3):
            r = self.rows.get('irq.rpmsg.%s.%s.%d' % (edges, load, run))
            s = self.rows.get('irq.gpiosim.%s.%s.%d' % (edges, load, run))
            if r and s:
                out.append((r, s))
            else:
                self.missing.append('irq %s %s run %d' % (edges, load, run))
        return out

    def interrupts(self):
        for edges in ('rising', 'both'):
            what = 'rising edge' if edges == 'rising' else \
                'either edge (+ the level read by gpiolib)'
            for load, how in self.LOADS:
                runs = self.runs(edges, load)
                if not runs:
                    continue

                def med(side, key):
                    return median([run[side][key] for run in runs])

                def ratios(key):
                    return [r[key] / s[key] for r, s in runs]
                name = '%s, %s' % (what, how)
                tag = 'irq.%s.%s.' % (edges, load)
                self.add('%s → event timestamp, median' % name,
                         us(med(0, 'ev_median')),
                         'gpio-sim ' + us(med(1, 'ev_median')),
                         ratios('ev_median'),
                         ratio_name=tag + 'timestamp_vs_gpiosim')
                self.add('%s → event read by userspace, median' % name,
                         us(med(0, 'read_median')),
                         'gpio-sim ' + us(med(1, 'read_median')),
                         ratios('read_median'),
                         '≤ 1.5×' if edges == 'rising' else '',
                         tag + 'read_vs_gpiosim')
                self.add('%s → event read by userspace, p99' % name,
                         us(med(0, 'read_p99')),
                         'gpio-sim ' + us(med(1, 'read_p99')),
                         ratios('read_p99'),
                         '≤ 2×' if edges == 'rising' and load != 'idle'
                         else '', tag + 'p99_vs_gpiosim')
                self.add('%s: edges/s, closed loop (edge, event, re-arm)'
                         % name, '%d' % med(0, 'edges_per_s'),
                         'gpio-sim %d' % med(1, 'edges_per_s'),
                         ratios('edges_per_s'),
                         ratio_name=tag + 'rate_vs_gpiosim')
                sim = [s['read_median'] for r, s in runs]
                self.add('%s: noise floor, gpio-sim\'s own median from run '
                         'to run (max / min)' % name,
                         '%s – %s' % (us(min(sim)), us(max(sim))), '',
                         max(sim) / min(sim), ratio_name=tag + 'noise')
        for load, how in self.LOADS:
            h = self.rows.get('hops.' + load)
            if not h:
                self.missing.append('hops.' + load)
                continue
            self.add('rising edge, %s: its hand-overs, median of %d: remote '
                     'CPU wakes (simulator) / remote runs / mailbox work '
                     '(transport) / rpmsg receive / this driver\'s work '
                     'starts / handler + re-arm' % (how, h['n']),
                     ' / '.join(us(h[k]) for k in (
                         'remote_wake', 'remote_run', 'mailbox', 'rx',
                         'driver', 'handler')), '')

    def flood(self):
        f = self.rows.get('flood')
        if not f:
            self.missing.append('flood')
            return
        ms = max(f.get('ms', 0), 1)
        self.add('notification flood on one line: handled/s (%d sent, '
                 '%d handled, %d taken while the line was armed, the rest '
                 'dropped as masked; %d events reached gpiomon)'
                 % (f['sent'], f['handled'], f['accepted'], f['events']),
                 '%d' % (f['handled'] * 1000 / ms), '')
        self.add('CPU left to a busy loop during the flood',
                 '%d' % f['spin_flood'], 'idle %d' % f['spin_idle'],
                 f['spin_flood'] / max(f['spin_idle'], 1),
                 ratio_name='flood.cpu_left')

    def probe(self):
        counts, rows = matrix()
        first, last = counts[0], counts[-1]
        for lines in rows['probe']:
            for n in counts:
                r = self.rows.get('probe.rpmsg.%d.%d' % (lines, n))
                s = self.rows.get('probe.gpiosim.%d.%d' % (lines, n))
                if not r or not s:
                    self.missing.append('probe %d×%d' % (n, lines))
                    continue
                self.add('probe %2d × %3d lines: time per controller, '
                         'requests' % (n, lines),
                         '%s, %d' % (us(r['ns'] / n), r['requests']),
                         'gpio-sim ' + us(s['ns'] / n), r['ns'] / s['ns'],
                         '≤ 1 request/controller',
                         'probe.%d.%d_vs_gpiosim' % (lines, n))
                self.add('probe %2d × %3d lines: slab per controller'
                         % (n, lines), '%.1f KiB' % (r['slab_kb'] / n),
                         'gpio-sim %.1f KiB' % (s['slab_kb'] / n))
            a = self.rows.get('probe.rpmsg.%d.%d' % (lines, first))
            b = self.rows.get('probe.rpmsg.%d.%d' % (lines, last))
            if a and b and a['ns']:
                g = b['ns'] / last / (a['ns'] / first)
                self.add('growth %d → %d controllers of %d lines: time per '
                         'controller' % (first, last, lines), '%.2f×' % g,
                         '1.00× if linear', g,
                         ratio_name='probe.%d.growth' % lines)

    def recovery(self):
        counts, rows = matrix()
        for lines in rows['recovery']:
            for n in counts:
                r = self.rows.get('recovery.%d.%d' % (lines, n))
                p = self.rows.get('probe.rpmsg.%d.%d' % (lines, n))
                if not r or not p or 'hog_ns' not in r:
                    self.missing.append('recovery %d×%d' % (n, lines))
                    continue
                self.add('recovery %2d × %3d lines: announcements after a '
                         'crash → chips / → hogs applied' % (n, lines),
                         '%s / %s' % (ms(r['ns']), ms(r['hog_ns'])),
                         'first probe ' + ms(p['ns']), r['ns'] / p['ns'],
                         ratio_name='recovery.%d.%d_vs_probe' % (lines, n))

    def hung(self):
        h = self.rows.get('hung.get')
        if not h:
            self.missing.append('hung.get')
            return
        bound = h['timeout_ms'] * 1e6
        self.add('read against a hung remote, median / p99 / max (%d reads: '
                 '%d ETIMEDOUT, %d EBUSY, %d other)'
                 % (h['n'], h['etimedout'], h['ebusy'], h['other']),
                 '%s / %s / %s' % (ms(h['op_median']), ms(h['op_p99']),
                                   ms(h['op_max'])),
                 'timeout_ms %d' % h['timeout_ms'], h['op_max'] / bound,
                 'timeout_ms + a small constant', 'hung.max_vs_timeout')
        self.add('read against a hung remote: last 10 vs first 10 (mean)',
                 ms(h['last10_mean']), 'first 10 ' + ms(h['first10_mean']),
                 h['last10_mean'] / max(h['first10_mean'], 1),
                 'no slower', 'hung.last_vs_first')

    def wake(self):
        a, z = self.rows.get('wake.awake'), self.rows.get('wake.s2idle')
        if not a or not z:
            self.missing.append('wake')
            return
        self.add('wake latency: line fires during s2idle → key event '
                 'timestamp / read by userspace, median of %d' % z['n'],
                 '%s / %s' % (ms(z['ev_ns']), ms(z['read_ns'])),
                 'awake ' + ms(a['read_ns']),
                 z['read_ns'] / max(a['read_ns'], 1),
                 ratio_name='wake.s2idle_vs_awake')

    def contention(self):
        one = self.get('contend.one.1', 'ops_per_s')
        for row, name in (('contend.one.1', '1 user, 1 controller'),
                          ('contend.one.2', '2 users, 1 controller'),
                          ('contend.one.4', '4 users, 1 controller'),
                          ('contend.two.2', '2 users, 2 controllers'),
                          ('contend.two.4', '4 users, 2 controllers')):
            ops, fair = self.get(row, 'ops_per_s'), self.get(row, 'fairness')
            if ops is None or not one:
                continue
            self.add('reads/s, %s (Jain fairness %.3f)' % (name, fair),
                     '%d' % ops, '1 user %d' % one, ops / one,
                     ratio_name=row)

    def profile(self):
        for row in sorted(r for r in self.rows if r.startswith('profile.')):
            p = self.rows[row]
            self.add('ftrace profile: %s (%d calls)' % (row[8:], p['hits']),
                     us(p['avg_ns']), '')


def main():
    log, out = sys.argv[1], sys.argv[2]
    rows, notes, kernel = parse(log)
    rep = Report(rows)
    for section in (rep.messages, rep.latency, rep.interrupts, rep.flood,
                    rep.probe, rep.recovery, rep.hung, rep.wake,
                    rep.contention, rep.profile):
        section()
    with open(out, 'w') as f:
        json.dump({'kernel': kernel, 'rows': rows, 'ratios': rep.ratios,
                   'missing': rep.missing, 'notes': notes}, f, indent=1,
                  sort_keys=True)
        f.write('\n')
    print('| measure | value | baseline (same boot) | ratio | target |')
    print('|---|---|---|---|---|')
    for name, value, base, ratio, target in rep.table:
        print('| %s | %s | %s | %s | %s |' % (name, value, base, ratio,
                                             target))
    print()
    print('Kernel %s; raw rows in %s.' % (kernel or '?', out))
    if rep.missing:
        print('Missing: ' + ', '.join(rep.missing))
        for n in notes[-5:]:
            print('# bench: ' + n)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
