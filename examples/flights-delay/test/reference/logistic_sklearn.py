"""Reference values for examples/flights-delay/src/{logistic,metrics}.ts from scikit-learn (an independent implementation).

Run with Debian's system Python (python3-sklearn):
    /usr/bin/python3 examples/flights-delay/test/reference/logistic_sklearn.py > examples/flights-delay/test/fixtures/sklearn-logistic.json
Each case records the sklearn call; the inputs are in the fixture so the test needs no Python.
"""
import json

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score

rng = np.random.default_rng(20261204)
cases = []


def add(name, x, y, C):
    # newton-cg with a tiny tol reaches the unique optimum of the L2 objective (its gradient ~1e-10);
    # sklearn's lbfgs/newton-cg leave the intercept unpenalised, as src/logistic.ts does.
    model = LogisticRegression(C=C, solver="newton-cg", tol=1e-10, max_iter=10_000).fit(x, y)
    proba = model.predict_proba(x)[:, 1]
    cases.append(
        {
            "name": name,
            "call": f"LogisticRegression(C={C}, solver='newton-cg', tol=1e-10).fit(x, y)",
            "C": C,
            "x": x.tolist(),
            "y": y.tolist(),
            "coefficients": model.coef_[0].tolist(),
            "intercept": float(model.intercept_[0]),
            "proba": proba.tolist(),
            "roc_auc": roc_auc_score(y, proba),
            "log_loss": log_loss(y, proba),
            "brier": brier_score_loss(y, proba),
            "accuracy": float(np.mean((proba >= 0.5).astype(int) == y)),
        }
    )


def logistic_labels(x, w, b):
    p = 1 / (1 + np.exp(-(x @ w + b)))
    return (rng.random(len(p)) < p).astype(int)


# Dense standardised features, balanced classes, three regularisation strengths.
x = rng.normal(size=(200, 4))
y = logistic_labels(x, np.array([1.5, -2.0, 0.5, 0.0]), 0.3)
for C in (0.01, 1.0, 100.0):
    add(f"dense C={C}", x, y, C)

# One-hot blocks (like hour and airport) plus one numeric column, rare positives (~15%, like delays).
hours = rng.integers(0, 6, size=400)
airport = rng.integers(0, 4, size=400)
distance = rng.normal(size=400)
onehot = np.hstack([np.eye(6)[hours], np.eye(4)[airport], distance[:, None]])
y = logistic_labels(onehot, np.array([-1.0, -0.5, 0.0, 0.4, 0.8, 1.2, 0.3, 0.0, -0.3, 0.6, 0.2]), -2.2)
for C in (0.0001, 1.0):
    add(f"one-hot C={C}", onehot, y, C)

# Tied scores for the metrics: a coarse feature gives many equal probabilities.
coarse = rng.integers(0, 3, size=(150, 1)).astype(float)
add("tied scores C=1.0", coarse, logistic_labels(coarse, np.array([0.8]), -1.0), 1.0)

print(json.dumps({"generator": f"scikit-learn {sklearn.__version__}", "cases": cases}, indent=1))
