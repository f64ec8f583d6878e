"""Reference values for the Kolmogorov-Smirnov code in packages/core/src/stats (ks.ts, kolmogorov.ts)."""
import mpmath as mp
import numpy as np
from scipy import special, stats

from stats_common import sample, write_module

# Two-sample tests on LCG samples (re-generated in TS by sampleFrom), scipy.stats.ks_2samp two-sided.
specs = [
    ('small continuous', {'kind': 'sum2', 'n': 10, 'seed': 1}, {'kind': 'sum2', 'n': 12, 'seed': 2}, 'auto'),
    ('shifted', {'kind': 'sum2', 'n': 30, 'seed': 3}, {'kind': 'sum2', 'n': 45, 'seed': 4, 'shift': 0.3}, 'auto'),
    ('tiny p', {'kind': 'sum2', 'n': 100, 'seed': 5}, {'kind': 'sum2', 'n': 80, 'seed': 6, 'shift': 0.9}, 'auto'),
    ('ties (8 levels)', {'kind': 'int', 'n': 60, 'seed': 7, 'levels': 8}, {'kind': 'int', 'n': 50, 'seed': 8, 'levels': 8, 'shift': 1}, 'auto'),
    ('ties, equal sizes', {'kind': 'int', 'n': 200, 'seed': 9, 'levels': 5}, {'kind': 'int', 'n': 200, 'seed': 10, 'levels': 5}, 'auto'),
    ('medium', {'kind': 'sum2', 'n': 500, 'seed': 11}, {'kind': 'sum2', 'n': 700, 'seed': 12, 'shift': 0.1}, 'auto'),
    ('large exact', {'kind': 'sum2', 'n': 3000, 'seed': 13}, {'kind': 'sum2', 'n': 2000, 'seed': 14, 'shift': 0.05}, 'auto'),
    ('equal sizes exact', {'kind': 'sum2', 'n': 8000, 'seed': 15}, {'kind': 'sum2', 'n': 8000, 'seed': 16, 'shift': 0.02}, 'auto'),
    ('asymptotic', {'kind': 'sum2', 'n': 20000, 'seed': 17}, {'kind': 'sum2', 'n': 15000, 'seed': 18, 'shift': 0.02}, 'auto'),
    ('asymptotic forced', {'kind': 'sum2', 'n': 300, 'seed': 19}, {'kind': 'sum2', 'n': 400, 'seed': 20, 'shift': 0.1}, 'asymp'),
    ('asymptotic unbalanced', {'kind': 'sum2', 'n': 12000, 'seed': 21}, {'kind': 'sum2', 'n': 90, 'seed': 22, 'shift': 0.2}, 'auto'),
]
two_sample = []
for name, a_spec, b_spec, method in specs:
    res = stats.ks_2samp(sample(a_spec), sample(b_spec), method=method)
    two_sample.append({'name': name, 'a': a_spec, 'b': b_spec, 'method': 'asymptotic' if method == 'asymp' else method,
                       'statistic': res.statistic, 'pValue': res.pvalue,
                       'call': f"scipy.stats.ks_2samp(a, b, method='{method}')"})

literal = []
for name, a, b in [
    ('identical samples', [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]),
    ('n = 1 each', [0.5], [1.5]),
    ('n = 1 vs 5', [3.0], [1, 2, 4, 5, 6]),
    ('disjoint 40 vs 40', list(range(40)), [100 + i for i in range(40)]),
    ('disjoint 30 vs 45', list(range(30)), [100 + i for i in range(45)]),
    ('heavy ties', [1, 1, 1, 2, 2, 3], [1, 2, 2, 2, 3, 3, 3]),
    ('interleaved', [1, 3, 5, 7, 9, 11], [2, 4, 6, 8, 10, 12, 14]),
]:
    res = stats.ks_2samp(a, b, method='exact')
    literal.append({'name': name, 'a': [float(v) for v in a], 'b': [float(v) for v in b], 'statistic': res.statistic,
                    'pValue': res.pvalue, 'call': "scipy.stats.ks_2samp(a, b, method='exact')"})

# One-sample two-sided D_n distribution (used with the effective size) and the limiting distribution.
kstwo = []
for n, x in [(5, 0.3), (5, 0.05), (5, 0.19), (10, 0.95), (50, 0.1), (50, 0.2), (50, 0.35), (140, 0.05), (141, 0.05),
             (141, 0.15), (1000, 0.01), (1000, 0.04), (1000, 0.1), (5000, 0.02), (5000, 0.001), (20000, 0.0005),
             (200000, 0.003), (200000, 0.02)]:
    kstwo.append({'n': n, 'x': x, 'sf': stats.kstwo.sf(x, n), 'call': f'scipy.stats.kstwo.sf({x}, {n})'})

limit = [{'z': z, 'sf': stats.kstwobign.sf(z), 'call': f'scipy.stats.kstwobign.sf({z})'}
         for z in [0.05, 0.2, 0.5, 0.9, 1, 1.36, 3, 7, 12]]

smirnov = [{'n': n, 'x': x, 'sf': special.smirnov(n, x), 'call': f'scipy.special.smirnov({n}, {x})'}
           for n, x in [(1, 0.3), (10, 0.2), (100, 0.05), (1000, 0.08), (50000, 0.01)]]

# For n in the millions scipy.special.smirnov is an approximation (1e-6 off); the exact Birnbaum-Tingey sum is
# evaluated with mpmath by the trapezoid rule over j, which is exact to ~1e-20 here (the summand is smooth in j).
mp.mp.dps = 30
n, x = 3_000_000, mp.mpf('0.001')
log_nf = mp.loggamma(n + 1)


def bt_term(j):
    p = x + mp.mpf(j) / n
    return x * mp.exp(log_nf - mp.loggamma(j + 1) - mp.loggamma(n - j + 1) + j * mp.log(p) + (n - j) * mp.log(1 - p)) / p


step = 200
big = float(sum(bt_term(j) for j in range(0, int(n * (1 - x)) + 1, step)) * step)
smirnov.append({'n': n, 'x': 0.001, 'sf': big,
                'call': f'mpmath Birnbaum-Tingey sum (trapezoid, step 200); scipy.special.smirnov gives {special.smirnov(n, 0.001)!r}'})

write_module('ks.ts', 'stats_ks.py', [
    ('twoSampleCases', "{ name: string; a: SampleSpec; b: SampleSpec; method: 'auto' | 'asymptotic'; statistic: number; pValue: number; call: string }", two_sample),
    ('literalCases', '{ name: string; a: number[]; b: number[]; statistic: number; pValue: number; call: string }', literal),
    ('kstwoCases', '{ n: number; x: number; sf: number; call: string }', kstwo),
    ('limitCases', '{ z: number; sf: number; call: string }', limit),
    ('smirnovCases', '{ n: number; x: number; sf: number; call: string }', smirnov),
])
