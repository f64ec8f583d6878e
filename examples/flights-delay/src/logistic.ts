/**
 * L2-regularised logistic regression fitted by Newton's method, with scikit-learn's objective so its
 * coefficients can be checked against `sklearn.linear_model.LogisticRegression(C=…)` (test/fixtures):
 *
 *   minimise  C · Σᵢ log(1 + exp(−ỹᵢ (xᵢ·w + b)))  +  ½ ‖w‖²      (ỹᵢ ∈ {−1, +1}; the intercept b is not penalised)
 *
 * Dividing by C gives the form solved here: Σᵢ logloss + (λ/2)‖w‖² with λ = 1/C. The objective is strictly convex
 * (λ > 0), so Newton's method converges quadratically to its unique minimum from w = 0.
 */

export interface LogisticFit {
  /** One weight per column of X. */
  coefficients: number[];
  intercept: number;
  /** Newton steps taken. */
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** Inverse regularisation strength, as scikit-learn's C (default 1). */
  C?: number;
  /** Newton steps at most (default 100). */
  maxIterations?: number;
  /** Stop when the largest change of a coefficient in a step is below this (default 1e-10). */
  tolerance?: number;
}

/** A row-major design matrix: `rows` examples × `columns` features. */
export interface Matrix {
  rows: number;
  columns: number;
  values: Float64Array;
}

export function fitLogistic(x: Matrix, y: ArrayLike<number>, options: LogisticOptions = {}): LogisticFit {
  const C = options.C ?? 1;
  if (!(C > 0)) throw new Error(`C must be a positive number, not ${C}`);
  if (y.length !== x.rows) throw new Error(`${x.rows} rows but ${y.length} labels`);
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-10;
  const p = x.columns;
  const size = p + 1; // the weights, then the intercept
  const lambda = 1 / C;
  const beta = new Float64Array(size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    gradient.fill(0);
    hessian.fill(0);
    for (let i = 0; i < x.rows; i++) {
      const row = i * p;
      let z = beta[p]!;
      for (let j = 0; j < p; j++) z += x.values[row + j]! * beta[j]!;
      const mu = sigmoid(z);
      const residual = mu - y[i]!;
      const weight = mu * (1 - mu);
      for (let j = 0; j < p; j++) {
        const xj = x.values[row + j]!;
        if (xj === 0) continue; // one-hot columns are mostly zero
        gradient[j]! += residual * xj;
        const wxj = weight * xj;
        const line = j * size;
        for (let k = 0; k <= j; k++) hessian[line + k]! += wxj * x.values[row + k]!;
        hessian[line + p]! += wxj;
      }
      gradient[p]! += residual;
      hessian[p * size + p]! += weight;
    }
    for (let j = 0; j < p; j++) {
      gradient[j]! += lambda * beta[j]!;
      hessian[j * size + j]! += lambda;
    }
    // Only the lower triangle (and the intercept column) was accumulated: mirror it.
    for (let j = 0; j < p; j++) {
      hessian[p * size + j] = hessian[j * size + p]!;
      for (let k = 0; k < j; k++) hessian[k * size + j] = hessian[j * size + k]!;
    }
    const step = solveSymmetric(hessian, gradient, size);
    let largest = 0;
    for (let j = 0; j < size; j++) {
      beta[j]! -= step[j]!;
      largest = Math.max(largest, Math.abs(step[j]!));
    }
    iterations++;
    converged = largest < tolerance;
  }
  return { coefficients: Array.from(beta.subarray(0, p)), intercept: beta[p]!, iterations, converged };
}

/** P(y = 1 | x) for every row. */
export function predictLogistic(fit: Pick<LogisticFit, 'coefficients' | 'intercept'>, x: Matrix): Float64Array {
  if (fit.coefficients.length !== x.columns) {
    throw new Error(`the model has ${fit.coefficients.length} coefficients but the data ${x.columns} columns`);
  }
  const scores = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) {
    let z = fit.intercept;
    for (let j = 0; j < x.columns; j++) z += x.values[i * x.columns + j]! * fit.coefficients[j]!;
    scores[i] = sigmoid(z);
  }
  return scores;
}

function sigmoid(z: number): number {
  // Written both ways so exp never overflows.
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** Solves A x = b for a symmetric positive definite A (n × n, row-major) by Cholesky decomposition. */
function solveSymmetric(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k++) diagonal -= l[j * n + k]! ** 2;
    if (!(diagonal > 0)) throw new Error('the Hessian is not positive definite (a constant or duplicated column?)');
    const ljj = Math.sqrt(diagonal);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = sum / ljj;
    }
  }
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * z[k]!;
    z[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = z[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
