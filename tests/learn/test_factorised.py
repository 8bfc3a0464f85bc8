"""The factorised category head (`fanzha.learn.factorised`): it learns, it is deterministic, it balances."""

import numpy as np
from scipy.sparse import csr_matrix

from fanzha.learn.factorised import fit_factorised


def _toy(n: int, seed: int, minority: float = 0.5) -> tuple[csr_matrix, list[str]]:
    """Rows of 8 features out of 400: a "scam" row draws half of them from features 0–49, a "normal"
    row from 50–99; the rest is noise from 100–399 shared by both."""
    rng = np.random.RandomState(seed)
    rows, cols, labels = [], [], []
    for i in range(n):
        scam = rng.random_sample() < minority
        labels.append("scam" if scam else "normal")
        signal = rng.choice(50, 4, replace=False) + (0 if scam else 50)
        noise = rng.choice(300, 4, replace=False) + 100
        for c in (*signal, *noise):
            rows.append(i)
            cols.append(c)
    x = csr_matrix((np.full(len(rows), 0.35, np.float32), (rows, cols)), shape=(n, 400))
    return x, labels


def _accuracy(
    coef: np.ndarray, intercept: np.ndarray, classes: list[str], x: csr_matrix, y: list[str]
) -> float:
    predicted = [classes[i] for i in np.asarray(x @ coef + intercept).argmax(axis=1)]
    return float(np.mean([p == t for p, t in zip(predicted, y, strict=True)]))


def test_learns_what_separates_the_classes_and_ignores_the_noise():
    x, y = _toy(6000, seed=1)
    classes, coef, intercept = fit_factorised(x, y)
    assert classes == ["normal", "scam"]
    assert coef.shape == (400, 2) and coef.dtype == np.float32 and intercept.shape == (2,)
    held_x, held_y = _toy(1000, seed=2)
    assert _accuracy(coef, intercept, classes, held_x, held_y) > 0.98
    # the product keeps its meaning: a scam feature argues for "scam", a noise feature for neither
    margin = coef[:, 1] - coef[:, 0]
    assert margin[:50].min() > 0 > margin[50:100].max()
    assert np.abs(margin[100:]).mean() < 0.25 * np.abs(margin[:100]).mean()


def test_a_rare_class_is_still_found_and_no_evidence_leans_to_neither_class():
    x, y = _toy(6000, seed=3, minority=0.05)
    classes, coef, intercept = fit_factorised(x, y)
    held_x, held_y = _toy(2000, seed=4, minority=0.05)
    predicted = [classes[i] for i in np.asarray(held_x @ coef + intercept).argmax(axis=1)]
    found = [p == "scam" for p, t in zip(predicted, held_y, strict=True) if t == "scam"]
    assert np.mean(found) > 0.95
    # The balance itself: a row of noise features alone (seen 19 times as often beside "normal") argues
    # for neither class. Fitted without class weights the same row leans to "normal" by 1.8; balanced, 0.2.
    noise_only = csr_matrix(
        (np.full(4, 0.35, np.float32), ([0, 0, 0, 0], [150, 200, 250, 300])), shape=(1, 400)
    )
    score = np.asarray(noise_only @ coef + intercept)[0]
    assert abs(score[1] - score[0]) < 0.75


def test_the_same_seed_gives_the_same_model_bit_for_bit():
    x, y = _toy(1500, seed=5)
    first = fit_factorised(x, y, seed=0)
    again = fit_factorised(x, y, seed=0)
    other = fit_factorised(x, y, seed=1)
    assert first[0] == again[0]
    assert np.array_equal(first[1], again[1]) and np.array_equal(first[2], again[2])
    assert not np.array_equal(first[1], other[1])
