"""Reference values for packages/core/src/significance (McNemar, DeLong), printed as JSON.

    /usr/bin/python3 test/reference/metrics_significance.py

McNemar: statsmodels 0.13 `mcnemar(table, exact=..., correction=True)` with table [[a, b], [c, d]].
DeLong: an independent O(m·n) implementation straight from DeLong et al. (1988): every
positive/negative pair is compared directly (no midranks), covariances with numpy.cov (ddof=1),
p-value from scipy.stats.norm.
"""
import json

import numpy as np
from scipy.stats import norm
from statsmodels.stats.contingency_tables import mcnemar

out = {"mcnemar": [], "delong": []}
for b, c in [(0, 0), (3, 9), (12, 12), (4, 20), (30, 45), (160, 101), (7, 0)]:
    exact = b + c < 25
    r = mcnemar([[50, b], [c, 40]], exact=exact, correction=True)
    out["mcnemar"].append({"b": b, "c": c, "call": f"mcnemar([[50, {b}], [{c}, 40]], exact={exact}, correction=True)",
                           "statistic": float(r.statistic), "pvalue": float(r.pvalue)})


def delong_naive(y, s1, s2):
    pos, neg = s1[y == 1], s1[y == 0]
    comps = []
    for s in (s1, s2):
        x, z = s[y == 1], s[y == 0]
        psi = (x[:, None] > z[None, :]) + 0.5 * (x[:, None] == z[None, :])
        comps.append((psi.mean(), psi.mean(axis=1), psi.mean(axis=0)))
    m, n = len(pos), len(neg)
    s10 = np.cov(np.vstack([comps[0][1], comps[1][1]]))
    s01 = np.cov(np.vstack([comps[0][2], comps[1][2]]))
    S = s10 / m + s01 / n
    delta = comps[0][0] - comps[1][0]
    se = np.sqrt(S[0, 0] + S[1, 1] - 2 * S[0, 1])
    z = delta / se
    half = norm.ppf(0.975) * se
    return {"auc1": comps[0][0], "auc2": comps[1][0], "var1": S[0, 0], "var2": S[1, 1], "cov": S[0, 1],
            "z": z, "pvalue": 2 * norm.sf(abs(z)), "ci": [delta - half, delta + half]}


rng = np.random.default_rng(1988)
for name, n, decimals in [("distinct", 60, 12), ("ties", 80, 1)]:
    y = rng.integers(0, 2, n)
    shared = rng.normal(0, 1, n)
    s1 = np.round(1.2 * y + shared + rng.normal(0, 0.7, n), decimals)
    s2 = np.round(0.8 * y + shared + rng.normal(0, 0.7, n), decimals)
    out["delong"].append({"case": name, "y": y.tolist(), "candidate": s1.tolist(), "baseline": s2.tolist(),
                          **{k: (float(v) if not isinstance(v, list) else [float(t) for t in v])
                             for k, v in delong_naive(y, s1, s2).items()}})
print(json.dumps(out))
