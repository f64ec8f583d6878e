"""Reference values for packages/core/src/stats special functions (normal, gamma, beta, binomial)."""
import mpmath as mp
from scipy import special, stats

from stats_common import write_module

# mpmath (40 digits) is the reference where scipy's own algorithms are less accurate than ours: scipy's normal
# tail is ~6e-14 off at x = -30.
mp.mp.dps = 40
normal = []
for x in [-38.5, -30, -20, -12.5, -8.3, -5, -3, -2.6, -2.4, -1, -0.1, 0, 0.5, 1.96, 2.4, 2.6, 5, 10, 20, 37.5]:
    normal.append({'x': x, 'cdf': float(mp.ncdf(x)), 'sf': float(mp.ncdf(-x)),
                   'call': f'mpmath.ncdf({x}), mpmath.ncdf({-x}) (scipy.stats.norm.cdf/sf agree to 6e-14)'})

quantiles = []
for p in [1e-300, 1e-100, 1e-30, 1e-10, 1e-5, 0.001, 0.025, 0.3, 0.5, 0.7, 0.975, 0.999]:
    quantiles.append({'p': p, 'ppf': stats.norm.ppf(p), 'isf': stats.norm.isf(p), 'call': f'scipy.stats.norm.ppf/isf({p})'})

log_gamma = []
for x in [1e-8, 0.1, 0.5, 1.5, 2.5, 7.3, 10, 14.999, 15, 100, 1000.5, 1e6, 1e10]:
    log_gamma.append({'x': x, 'expected': special.gammaln(x), 'call': f'scipy.special.gammaln({x})'})

chi2 = []
for x, df in [(3.84, 1), (0.5, 5), (50, 3), (200, 10), (1000, 500), (5000, 4000), (1e-3, 2), (400, 1), (10, 30)]:
    exact = mp.gammainc(mp.mpf(df) / 2, mp.mpf(x) / 2, mp.inf, regularized=True)
    chi2.append({'x': x, 'df': df, 'sf': float(exact), 'scipy': stats.chi2.sf(x, df),
                 'call': f'mpmath.gammainc({df}/2, {x}/2, inf, regularized=True) (scipy.stats.chi2.sf agrees to 1e-13)'})

student = []
for t, df in [(2, 5), (-2, 5), (40, 3), (0.5, 1), (1.96, 1e6), (8, 100), (-3, 12.5)]:
    student.append({'t': t, 'df': df, 'sf': stats.t.sf(t, df), 'call': f'scipy.stats.t.sf({t}, {df})'})

fdist = []
for f, d1, d2 in [(3, 4, 20), (0.2, 2, 2), (25, 3, 40), (1.0, 10, 10)]:
    fdist.append({'f': f, 'd1': d1, 'd2': d2, 'sf': stats.f.sf(f, d1, d2), 'call': f'scipy.stats.f.sf({f}, {d1}, {d2})'})

binomial = []
for k, n, p in [(3, 10, 0.5), (0, 20, 0.5), (7, 50, 0.3), (100, 1000, 0.5), (1, 1, 0.5), (12, 20, 0.5),
                (400, 1000, 0.5), (5, 1_000_000, 1e-5), (60, 100, 0.5), (0, 1, 0.9), (30, 40, 0.75)]:
    # cdf/sf by an exact 40-digit sum: scipy's incomplete-beta route is up to 5e-11 off for n = 1e6, p = 1e-5.
    pm = mp.mpf(p)
    cdf = mp.fsum(mp.binomial(n, i) * pm**i * (1 - pm)**(n - i) for i in range(k + 1))
    sf = mp.fsum(mp.binomial(n, i) * pm**i * (1 - pm)**(n - i) for i in range(k + 1, n + 1)) if n < 5000 else 1 - cdf
    binomial.append({'k': k, 'n': n, 'p': p, 'pmf': stats.binom.pmf(k, n, p), 'cdf': float(cdf), 'sf': float(sf),
                     'test': stats.binomtest(k, n, p).pvalue,
                     'call': f'scipy.stats.binom.pmf({k}, {n}, {p}), mpmath sums for cdf/sf, scipy.stats.binomtest({k}, {n}, {p}).pvalue'})

write_module('special.ts', 'stats_special.py', [
    ('normalCases', '{ x: number; cdf: number; sf: number; call: string }', normal),
    ('quantileCases', '{ p: number; ppf: number; isf: number; call: string }', quantiles),
    ('logGammaCases', '{ x: number; expected: number; call: string }', log_gamma),
    ('chiSquareCases', '{ x: number; df: number; sf: number; scipy: number; call: string }', chi2),
    ('studentTCases', '{ t: number; df: number; sf: number; call: string }', student),
    ('fCases', '{ f: number; d1: number; d2: number; sf: number; call: string }', fdist),
    ('binomialCases', '{ k: number; n: number; p: number; pmf: number; cdf: number; sf: number; test: number; call: string }', binomial),
])
