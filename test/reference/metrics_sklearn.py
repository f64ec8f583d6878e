"""Reference values for packages/core/src/metrics from scikit-learn 1.2 (an independent implementation).

Run with Debian's system Python, which has scikit-learn 1.2 / numpy installed:
    /usr/bin/python3 test/reference/metrics_sklearn.py > packages/core/test/metrics/fixtures/sklearn-1.2.json
Every case records the exact sklearn call that produced its expected value.
"""
import json
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (
    accuracy_score,
    average_precision_score,
    brier_score_loss,
    log_loss,
    mean_absolute_error,
    mean_squared_error,
    precision_recall_fscore_support,
    r2_score,
    roc_auc_score,
)

warnings.simplefilter("ignore")  # zero-division cases warn by design
rng = np.random.default_rng(20261101)
cases = []


def add(metric, call, value, **inputs):
    clean = {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in inputs.items()}
    cases.append({"metric": metric, "call": call, **clean, "expected": value})


def binary_data(n, tie_decimals, weighted):
    y = rng.integers(0, 2, n)
    score = np.round(np.clip(0.5 * y + rng.normal(0.25, 0.3, n), 0, 1), tie_decimals)
    w = rng.integers(0, 4, n).astype(float) if weighted else None
    return y, score, w


for name, n, decimals, weighted in [
    ("binary-distinct", 40, 12, False),
    ("binary-ties", 60, 1, False),
    ("binary-ties-weighted", 60, 1, True),
    ("binary-large", 2000, 3, False),
]:
    y, s, w = binary_data(n, decimals, weighted)
    pred = (s >= 0.5).astype(int)
    add("accuracy", "accuracy_score(y_true, y_pred, sample_weight=w)", accuracy_score(y, pred, sample_weight=w),
        case=name, y_true=y, y_pred=pred, weights=w)
    for average in ["binary", "macro", "weighted"]:
        p, r, f, _ = precision_recall_fscore_support(y, pred, average=average, sample_weight=w)
        add("prf", f"precision_recall_fscore_support(y_true, y_pred, average='{average}', sample_weight=w)",
            {"precision": p, "recall": r, "f1": f}, case=name, average=average, y_true=y, y_pred=pred, weights=w)
    add("roc_auc", "roc_auc_score(y_true, y_score, sample_weight=w)", roc_auc_score(y, s, sample_weight=w),
        case=name, y_true=y, scores=s, weights=w)
    add("average_precision", "average_precision_score(y_true, y_score, sample_weight=w)",
        average_precision_score(y, s, sample_weight=w), case=name, y_true=y, scores=s, weights=w)
    add("log_loss", "log_loss(y_true, y_prob, sample_weight=w)  # eps='auto'", log_loss(y, s, sample_weight=w),
        case=name, y_true=y, scores=s, weights=w)
    add("brier", "brier_score_loss(y_true, y_prob, sample_weight=w)", brier_score_loss(y, s, sample_weight=w),
        case=name, y_true=y, scores=s, weights=w)

# Multiclass: class 3 is predicted but never true, class 2 is true but never predicted.
y = rng.integers(0, 3, 50)
pred = np.where(rng.random(50) < 0.6, y, rng.integers(0, 4, 50))
pred[pred == 2] = 3
w = rng.integers(1, 5, 50).astype(float)
for weights in [None, w]:
    for average in ["macro", "weighted"]:
        for zd in [0, 1]:
            p, r, f, _ = precision_recall_fscore_support(y, pred, average=average, zero_division=zd, sample_weight=weights)
            add("prf", f"precision_recall_fscore_support(y_true, y_pred, average='{average}', zero_division={zd}, sample_weight=w)",
                {"precision": p, "recall": r, "f1": f}, case="multiclass", average=average, zero_division=zd,
                y_true=y, y_pred=pred, weights=weights)
    add("accuracy", "accuracy_score(y_true, y_pred, sample_weight=w)", accuracy_score(y, pred, sample_weight=weights),
        case="multiclass", y_true=y, y_pred=pred, weights=weights)

# Zero division: nothing predicted positive / no positive labels.
for yt, yp in [([0, 0, 0, 1], [0, 0, 0, 0]), ([0, 0, 0, 0], [0, 1, 0, 0]), ([0, 0, 0, 0], [0, 0, 0, 0])]:
    for zd in [0, 1]:
        for average in ["binary", "macro", "weighted"]:
            p, r, f, _ = precision_recall_fscore_support(yt, yp, average=average, zero_division=zd)
            add("prf", f"precision_recall_fscore_support(y_true, y_pred, average='{average}', zero_division={zd})",
                {"precision": p, "recall": r, "f1": f}, case="zero-division", average=average, zero_division=zd,
                y_true=yt, y_pred=yp, weights=None)

# Probabilities at the clipping boundary and all-equal scores.
yt = [0, 1, 1, 0, 1]
for probs in [[0.0, 1.0, 1.0, 0.0, 1.0], [1.0, 0.0, 1.0, 0.0, 0.5], [0.5] * 5]:
    add("log_loss", "log_loss(y_true, y_prob)  # eps='auto' = float64 eps", log_loss(yt, probs),
        case="clipping", y_true=yt, scores=probs, weights=None)
    add("brier", "brier_score_loss(y_true, y_prob)", brier_score_loss(yt, probs), case="clipping", y_true=yt,
        scores=probs, weights=None)
add("roc_auc", "roc_auc_score(y_true, y_score)  # all scores equal", roc_auc_score(yt, [0.3] * 5), case="all-equal",
    y_true=yt, scores=[0.3] * 5, weights=None)
add("average_precision", "average_precision_score(y_true, y_score)  # all scores equal",
    average_precision_score(yt, [0.3] * 5), case="all-equal", y_true=yt, scores=[0.3] * 5, weights=None)
add("average_precision", "average_precision_score(y_true, y_score)  # no positive: warns, returns -0.0",
    float(average_precision_score([0, 0, 0], [0.1, 0.5, 0.2])), case="no-positive", y_true=[0, 0, 0],
    scores=[0.1, 0.5, 0.2], weights=None)

# Regression.
yr = rng.normal(3, 2, 80)
pr = yr + rng.normal(0, 1, 80)
wr = rng.random(80) * 3
for weights in [None, wr]:
    add("mae", "mean_absolute_error(y_true, y_pred, sample_weight=w)", mean_absolute_error(yr, pr, sample_weight=weights),
        case="regression", y_true=yr, y_pred=pr, weights=weights)
    add("rmse", "mean_squared_error(y_true, y_pred, squared=False, sample_weight=w)",
        mean_squared_error(yr, pr, squared=False, sample_weight=weights), case="regression", y_true=yr, y_pred=pr,
        weights=weights)
    add("r2", "r2_score(y_true, y_pred, sample_weight=w)", r2_score(yr, pr, sample_weight=weights), case="regression",
        y_true=yr, y_pred=pr, weights=weights)
for yt, yp in [([2.0, 2.0, 2.0], [2.0, 2.0, 2.0]), ([2.0, 2.0, 2.0], [2.0, 2.5, 2.0]), ([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])]:
    add("r2", "r2_score(y_true, y_pred)  # force_finite=True", r2_score(yt, yp), case="r2-edge", y_true=yt, y_pred=yp,
        weights=None)

print(json.dumps({"generator": "test/reference/metrics_sklearn.py", "sklearn": sklearn.__version__,
                  "numpy": np.__version__, "cases": cases}, indent=None, separators=(",", ":")))
