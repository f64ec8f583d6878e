/**
 * The evaluation metrics the trainer writes to metrics.json, with scikit-learn's definitions
 * (roc_auc_score, log_loss, brier_score_loss, accuracy_score at 0.5); test/fixtures pins them.
 */

export interface EvaluationMetrics {
  roc_auc: number;
  log_loss: number;
  brier: number;
  accuracy: number;
}

export function evaluate(labels: ArrayLike<number>, scores: ArrayLike<number>): EvaluationMetrics {
  const n = labels.length;
  if (n === 0 || scores.length !== n) throw new Error(`${n} labels and ${scores.length} scores`);
  let logLoss = 0;
  let brier = 0;
  let correct = 0;
  // log_loss clips probabilities to [eps, 1 - eps] with eps the float64 machine epsilon (sklearn ≥ 1.2's "auto").
  const eps = 2.220446049250313e-16;
  for (let i = 0; i < n; i++) {
    const y = labels[i]!;
    const p = Math.min(Math.max(scores[i]!, eps), 1 - eps);
    logLoss -= y === 1 ? Math.log(p) : Math.log(1 - p);
    brier += (scores[i]! - y) ** 2;
    if ((scores[i]! >= 0.5 ? 1 : 0) === y) correct++;
  }
  return { roc_auc: rocAuc(labels, scores), log_loss: logLoss / n, brier: brier / n, accuracy: correct / n };
}

/** Area under the ROC curve as the Mann–Whitney statistic: ties count one half (average ranks). */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end + 2) / 2; // ranks are 1-based
    for (let i = start; i <= end; i++) {
      if (labels[order[i]!] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) throw new Error('ROC AUC needs both classes among the labels');
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
