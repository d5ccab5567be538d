"""One logistic-regression fitter for the models trained here (statement
confidence, fact identity): L2-regularised, Newton's method in numpy. The
models have a few dozen weights and a few thousand examples at most, so no
learning library is needed."""

from __future__ import annotations

import numpy as np


def fit_logistic(
    x: np.ndarray, y: np.ndarray, l2: float = 1.0, sample_weight: np.ndarray | None = None, iterations: int = 50,
) -> tuple[np.ndarray, float]:
    """Weights and intercept minimising the weighted log-loss plus
    ``l2``/2 * |w|^2 (the intercept is not penalised)."""
    n, k = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    sw = np.ones(n) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    beta = np.zeros(k + 1)
    penalty = np.full(k + 1, float(l2))
    penalty[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ beta, -40, 40)))
        grad = xb.T @ (sw * (p - y)) + penalty * beta
        hess = (xb * (sw * p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def predict(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(x @ w + b, -40, 40)))
