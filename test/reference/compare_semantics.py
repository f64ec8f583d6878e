"""Reference values for mlgate compare's class, task and score semantics, from scikit-learn 1.2 / scipy 1.10.

Run with Debian's system Python (python3-sklearn, python3-scipy):
    /usr/bin/python3 test/reference/compare_semantics.py > packages/core/test/compare/fixtures/semantics-sklearn-1.2.json

Every value records the exact call that produced it. DeLong's p-value comes from an independent
O(m*n) implementation of DeLong et al. (1988): every positive/negative pair compared directly.
"""
import json
import warnings

import numpy as np
import scipy
import sklearn
from scipy.stats import norm
from sklearn.metrics import brier_score_loss, log_loss, precision_recall_fscore_support, roc_auc_score

warnings.simplefilter("ignore")
rng = np.random.default_rng(20261203)
out = {"generator": "test/reference/compare_semantics.py", "sklearn": sklearn.__version__, "scipy": scipy.__version__}


def delong_pairwise(y, a, b):
    pos, neg = y == 1, y == 0
    def components(s):
        sp, sn = s[pos], s[neg]
        psi = (sp[:, None] > sn[None, :]) + 0.5 * (sp[:, None] == sn[None, :])
        return psi.mean(), psi.mean(axis=1), psi.mean(axis=0)
    auc_a, v10a, v01a = components(a)
    auc_b, v10b, v01b = components(b)
    s10 = np.cov(np.vstack([v10a, v10b]))
    s01 = np.cov(np.vstack([v01a, v01b]))
    s = s10 / pos.sum() + s01 / neg.sum()
    var = s[0, 0] + s[1, 1] - 2 * s[0, 1]
    z = (auc_a - auc_b) / np.sqrt(var)
    return float(2 * norm.sf(abs(z)))


# 1. Logits and the probabilities of the same ordering (sigmoid): ranking metrics agree.
n = 300
y = rng.integers(0, 2, n)
logit_c = np.round(1.2 * (2 * y - 1) + rng.normal(0, 1.4, n), 3)
logit_b = np.round(0.8 * (2 * y - 1) + rng.normal(0, 1.4, n), 3)
prob_c, prob_b = 1 / (1 + np.exp(-logit_c)), 1 / (1 + np.exp(-logit_b))
out["logits"] = {
    "y_true": y.tolist(),
    "candidate_logit": logit_c.tolist(),
    "baseline_logit": logit_b.tolist(),
    "roc_auc_candidate": {"call": "roc_auc_score(y_true, candidate_logit)", "value": roc_auc_score(y, logit_c)},
    "roc_auc_baseline": {"call": "roc_auc_score(y_true, baseline_logit)", "value": roc_auc_score(y, logit_b)},
    "roc_auc_candidate_sigmoid": {"call": "roc_auc_score(y_true, expit(candidate_logit))", "value": roc_auc_score(y, prob_c)},
    "delong_p": {"call": "DeLong (pairwise) on the logits", "value": delong_pairwise(y, logit_c, logit_b)},
    "delong_p_sigmoid": {"call": "DeLong (pairwise) on expit(logits)", "value": delong_pairwise(y, prob_c, prob_b)},
    "log_loss_candidate": {"call": "log_loss(y_true, expit(candidate_logit))", "value": log_loss(y, prob_c)},
    "brier_candidate": {"call": "brier_score_loss(y_true, expit(candidate_logit))", "value": brier_score_loss(y, prob_c)},
}

# 2. String labels with the score as P(churn): the positive class decides every binary metric.
labels = np.where(rng.random(120) < 0.3, "churn", "stay")
is_churn = (labels == "churn").astype(int)
p_churn = np.round(np.clip(0.55 * is_churn + rng.normal(0.25, 0.2, 120), 0, 1), 2)
pred = np.where(p_churn >= 0.5, "churn", "stay")
p, r, f, _ = precision_recall_fscore_support(labels, pred, pos_label="churn", average="binary")
out["strings"] = {
    "labels": labels.tolist(),
    "p_churn": p_churn.tolist(),
    "roc_auc": {"call": "roc_auc_score(labels == 'churn', p_churn)", "value": roc_auc_score(is_churn, p_churn)},
    "roc_auc_wrong_positive": {"call": "roc_auc_score(labels == 'stay', p_churn)", "value": roc_auc_score(1 - is_churn, p_churn)},
    "prf": {"call": "precision_recall_fscore_support(labels, pred, pos_label='churn', average='binary')  # pred: p_churn >= 0.5",
            "precision": p, "recall": r, "f1": f},
    "log_loss": {"call": "log_loss(labels == 'churn', p_churn)", "value": log_loss(is_churn, p_churn)},
}

# 3. Multiclass probabilities: one score_<class> column per class.
k, n = 3, 150
y3 = rng.integers(0, k, n)
raw = rng.random((n, k)) + 1.5 * np.eye(k)[y3] * rng.random((n, 1))
probs = raw / raw.sum(axis=1, keepdims=True)
unnormalised = np.round(raw / 3, 4)  # within [0, 1], rows not summing to 1
out["multiclass"] = {
    "classes": ["bird", "cat", "dog"],
    "y_true": y3.tolist(),
    "probabilities": probs.tolist(),
    "unnormalised": unnormalised.tolist(),
    "log_loss": {"call": "log_loss(y_true, probabilities, labels=[0, 1, 2])", "value": log_loss(y3, probs, labels=[0, 1, 2])},
    "log_loss_unnormalised": {"call": "log_loss(y_true, unnormalised, labels=[0, 1, 2])  # sklearn 1.2 renormalises rows",
                              "value": log_loss(y3, unnormalised, labels=[0, 1, 2])},
    "roc_auc_ovr": {"call": "roc_auc_score(y_true, probabilities, multi_class='ovr', average='macro')",
                    "value": roc_auc_score(y3, probs, multi_class="ovr", average="macro")},
}
pred3 = probs.argmax(axis=1)
for average in ["macro", "weighted"]:
    p, r, f, _ = precision_recall_fscore_support(y3, pred3, average=average)
    out["multiclass"][f"prf_{average}"] = {
        "call": f"precision_recall_fscore_support(y_true, probabilities.argmax(axis=1), average='{average}')",
        "precision": p, "recall": r, "f1": f}

print(json.dumps(out, indent=None, separators=(",", ":")))
