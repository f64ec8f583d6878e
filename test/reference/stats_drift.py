"""Reference values for categorical.ts and wasserstein.ts in packages/core/src/stats."""
import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon
from scipy.stats.contingency import association

from stats_common import sample, write_module

chi = []
for name, a, b in [
    ('shifted mix', {'x': 30, 'y': 50, 'z': 20}, {'x': 45, 'y': 40, 'z': 15}),
    ('category on one side only', {'x': 10, 'y': 10}, {'x': 10, 'y': 5, 'new': 7}),
    ('empty category dropped', {'x': 12, 'y': 0, 'z': 30}, {'x': 20, 'y': 0, 'z': 25}),
    ('two categories', {'yes': 120, 'no': 80}, {'yes': 90, 'no': 110}),
    ('huge shift', {'a': 100000, 'b': 1000}, {'a': 1000, 'b': 100000}),
    ('identical proportions', {'a': 10, 'b': 20, 'c': 30}, {'a': 20, 'b': 40, 'c': 60}),
    ('single category', {'only': 5}, {'only': 9}),
]:
    keys = list(dict.fromkeys(list(a) + list(b)))
    table = np.array([[a.get(k, 0) for k in keys], [b.get(k, 0) for k in keys]], dtype=np.int64)
    table = table[:, table.sum(axis=0) > 0]
    stat, p, dof, _ = stats.chi2_contingency(table, correction=False)
    # A single category gives a 2x1 table: no association is defined, our convention is V = 0.
    v = association(table, method='cramer', correction=False) if table.shape[1] > 1 else 0.0
    chi.append({'name': name, 'a': a, 'b': b, 'statistic': stat, 'df': dof, 'pValue': p, 'cramersV': v,
                'call': 'scipy.stats.chi2_contingency(table, correction=False); scipy.stats.contingency.association(table, method=\'cramer\')'})

js = []
for p, q in [([0.5, 0.5, 0], [0, 0.1, 0.9]), ([1, 0], [0, 1]), ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5]), ([10, 20, 30], [30, 20, 10]),
             ([0.25, 0.25, 0.25, 0.25], [0.4, 0.3, 0.2, 0.1])]:
    js.append({'p': p, 'q': q, 'distance': jensenshannon(p, q, base=2), 'call': 'scipy.spatial.distance.jensenshannon(p, q, base=2)'})


def psi_ref(e, a, eps):
    e = np.asarray(e, float) / np.sum(e)
    a = np.asarray(a, float) / np.sum(a)
    e = np.clip(e, eps, None)
    a = np.clip(a, eps, None)
    return float(np.sum((a - e) * np.log(a / e)))


psi = []
for e, a, eps in [([0.1] * 10, [0.08, 0.12, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 1e-4), ([30, 70], [70, 30], 1e-4),
                  ([0.5, 0.5, 0], [0.4, 0.4, 0.2], 1e-4), ([0.5, 0.5, 0], [0.4, 0.4, 0.2], 1e-6)]:
    psi.append({'expected': e, 'actual': a, 'epsilon': eps, 'psi': psi_ref(e, a, eps),
                'call': 'numpy: sum((a - e) * log(a / e)) after normalising and np.clip(., epsilon, None)'})

edges = []
for spec, bins in [({'kind': 'sum2', 'n': 1000, 'seed': 31}, 10), ({'kind': 'int', 'n': 500, 'seed': 32, 'levels': 4}, 10)]:
    ref = np.array(sample(spec))
    e = np.quantile(ref, np.arange(1, bins) / bins)
    e = [float(v) for i, v in enumerate(e) if i == 0 or v > e[i - 1]]
    edges.append({'reference': spec, 'bins': bins, 'edges': e, 'call': 'numpy.quantile(reference, k/bins), duplicates removed'})

wasserstein = []
for a_spec, b_spec in [({'kind': 'sum2', 'n': 500, 'seed': 41}, {'kind': 'sum2', 'n': 700, 'seed': 42, 'shift': 0.25}),
                       ({'kind': 'int', 'n': 300, 'seed': 43, 'levels': 6}, {'kind': 'int', 'n': 200, 'seed': 44, 'levels': 6, 'shift': 1}),
                       ({'kind': 'sum2', 'n': 1, 'seed': 45}, {'kind': 'sum2', 'n': 3, 'seed': 46})]:
    a, b = sample(a_spec), sample(b_spec)
    wasserstein.append({'a': a_spec, 'b': b_spec, 'distance': stats.wasserstein_distance(a, b), 'referenceStd': float(np.std(a)),
                        'call': 'scipy.stats.wasserstein_distance(a, b); numpy.std(a) (ddof=0)'})

weighted = []
for av, aw, bv, bw in [([0, 1, 3], [1, 2, 1], [0.5, 2, 4, 5], [3, 1, 1, 2]), ([1, 2, 3], [0.2, 0.5, 0.3], [1, 2, 3], [0.2, 0.5, 0.3])]:
    weighted.append({'values': av, 'weights': aw, 'otherValues': bv, 'otherWeights': bw,
                     'distance': stats.wasserstein_distance(av, bv, aw, bw), 'call': 'scipy.stats.wasserstein_distance(u, v, u_weights, v_weights)'})

write_module('drift.ts', 'stats_drift.py', [
    ('chiSquareCases', '{ name: string; a: Record<string, number>; b: Record<string, number>; statistic: number; df: number; pValue: number; cramersV: number; call: string }', chi),
    ('jensenShannonCases', '{ p: number[]; q: number[]; distance: number; call: string }', js),
    ('psiCases', '{ expected: number[]; actual: number[]; epsilon: number; psi: number; call: string }', psi),
    ('edgeCases', '{ reference: SampleSpec; bins: number; edges: number[]; call: string }', edges),
    ('wassersteinCases', '{ a: SampleSpec; b: SampleSpec; distance: number; referenceStd: number; call: string }', wasserstein),
    ('weightedWassersteinCases', '{ values: number[]; weights: number[]; otherValues: number[]; otherWeights: number[]; distance: number; call: string }', weighted),
])
