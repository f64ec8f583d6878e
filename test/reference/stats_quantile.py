"""Reference values for quantiles, medians and two-sample tests on profiles (packages/core/src/stats/quantile.ts,
profile/number-summary.ts, drift/numeric.ts): numpy, pandas (what GX on pandas computes) and scipy on LCG samples and
on a real data set (vega-datasets' penguins.json, a devDependency of @mlgate/core)."""
import json
import os

import numpy as np
import pandas as pd
from scipy import stats

from stats_common import ROOT, sample, write_module

METHODS = ['linear', 'lower', 'higher', 'midpoint', 'nearest']
QS = [0, 0.01, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.95, 0.99, 1]

specs = [
    ('continuous, even n', {'kind': 'sum2', 'n': 342, 'seed': 51}),
    ('continuous, odd n', {'kind': 'sum2', 'n': 1001, 'seed': 52}),
    ('heavy ties (7 levels)', {'kind': 'int', 'n': 500, 'seed': 53, 'levels': 7}),
    ('two values', {'kind': 'sum2', 'n': 2, 'seed': 54}),
    ('one value', {'kind': 'sum2', 'n': 1, 'seed': 55}),
    ('shifted negative', {'kind': 'sum2', 'n': 777, 'seed': 56, 'shift': -1.3}),
]
quantiles = []
medians = []
for name, spec in specs:
    a = np.array(sample(spec))
    for method in METHODS:
        values = [float(np.quantile(a, q, method=method)) for q in QS]
        quantiles.append({'name': name, 'sample': spec, 'method': method, 'qs': QS, 'values': values,
                          'call': f"numpy.quantile(a, q, method='{method}')"})
    medians.append({'name': name, 'sample': spec, 'median': float(np.median(a)),
                    'pandasMedian': float(pd.Series(a).median()),
                    'call': 'numpy.median(a); pandas.Series(a).median()'})

PENGUINS = os.path.join(ROOT, 'packages', 'core', 'node_modules', 'vega-datasets', 'data', 'penguins.json')
rows = json.load(open(PENGUINS))
penguins = []
for column in ['Body Mass (g)', 'Flipper Length (mm)', 'Beak Length (mm)']:
    s = pd.Series([r[column] for r in rows], dtype=float).dropna()
    gx_qs = [0.05, 0.25, 0.5, 0.75, 0.95]
    penguins.append({'column': column, 'count': int(s.size), 'median': float(s.median()), 'qs': gx_qs,
                     # GX 1.x on pandas: column.quantile_values with allow_relative_error=False reads interpolation='nearest'.
                     'nearest': [float(v) for v in s.quantile(gx_qs, interpolation='nearest')],
                     'linear': [float(v) for v in np.quantile(s.to_numpy(), gx_qs)],
                     'call': "pandas.Series.median(); pandas.Series.quantile(qs, interpolation='nearest'); numpy.quantile(a, qs)"})

pairs = []
for column, left, right in [('Body Mass (g)', 'Adelie', 'Gentoo'), ('Body Mass (g)', 'Adelie', 'Chinstrap'),
                            ('Flipper Length (mm)', 'Adelie', 'Chinstrap'), ('Beak Depth (mm)', 'Adelie', 'Chinstrap')]:
    a = [r[column] for r in rows if r['Species'] == left and r[column] is not None]
    b = [r[column] for r in rows if r['Species'] == right and r[column] is not None]
    res = stats.ks_2samp(a, b, method='auto')
    pairs.append({'column': column, 'a': left, 'b': right, 'n': len(a), 'm': len(b), 'statistic': float(res.statistic),
                  'pValue': float(res.pvalue), 'wasserstein': float(stats.wasserstein_distance(a, b)),
                  'call': "scipy.stats.ks_2samp(a, b, method='auto'); scipy.stats.wasserstein_distance(a, b)"})

write_module('quantile.ts', 'stats_quantile.py', [
    ('quantileCases', '{ name: string; sample: SampleSpec; method: "linear" | "lower" | "higher" | "midpoint" | "nearest"; qs: number[]; values: number[]; call: string }', quantiles),
    ('medianCases', '{ name: string; sample: SampleSpec; median: number; pandasMedian: number; call: string }', medians),
    ('penguinColumns', '{ column: string; count: number; median: number; qs: number[]; nearest: number[]; linear: number[]; call: string }', penguins),
    ('penguinPairs', '{ column: string; a: string; b: string; n: number; m: number; statistic: number; pValue: number; wasserstein: number; call: string }', pairs),
])
