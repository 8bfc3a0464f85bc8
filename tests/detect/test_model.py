"""The classifier's arithmetic (`fanzha.detect.model`): the sparse TF-IDF rows times the weights."""

from __future__ import annotations

import numpy as np
import pytest

from fanzha.detect import model as model_module
from fanzha.detect.features import hashed_ngrams, tfidf_weights
from fanzha.detect.model import weighted_rows


@pytest.mark.parametrize("chunk", [3, 7, 8192])  # documents split across chunks of entries, and not
def test_weighted_rows_equal_the_dense_product(chunk: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_module, "ENTRY_CHUNK", chunk)
    rng = np.random.default_rng(7)
    n_docs, n_features = 6, 40
    matrix = rng.standard_normal((n_features, 5)).astype(np.float32)
    docs, rows = [], []
    for d in (0, 1, 3, 4):  # documents 2 and 5 have no known feature at all
        for f in sorted(rng.choice(n_features, 6, replace=False)):
            docs.append(d)
            rows.append(f)
    docs_a, rows_a = np.array(docs, np.int64), np.array(rows, np.int32)
    ones = np.ones(len(docs_a), np.float32)
    weights = tfidf_weights(docs_a, ones, rng.uniform(1, 3, len(docs_a)).astype(np.float32), n_docs)
    dense = np.zeros((n_docs, n_features), np.float32)
    dense[docs_a, rows_a] = weights
    got = weighted_rows(matrix, docs_a, rows_a, weights, n_docs)
    assert np.allclose(got, dense @ matrix, atol=1e-5)
    assert not got[2].any() and not got[5].any()


def test_no_entries_give_zero_scores() -> None:
    empty_i, empty_f = np.zeros(0, np.int64), np.zeros(0, np.float32)
    got = weighted_rows(np.ones((4, 3), np.float32), empty_i, empty_i.astype(np.int32), empty_f, 2)
    assert got.shape == (2, 3) and not got.any()


def test_hashed_ngrams_count_each_documents_ngrams_and_take_an_empty_batch() -> None:
    docs, _, counts = hashed_ngrams(["aaa", ""])
    assert sorted(set(docs.tolist())) == [0, 1]  # the empty text keeps its anchor
    first = docs == 0
    # "aaa": the unigram a three times, the bigram aa twice, the trigram once
    assert sorted(counts[first][counts[first] > 0].tolist()) == [1.0, 2.0, 3.0]
    assert counts[~first].tolist() == [0.0]
    assert all(len(a) == 0 for a in hashed_ngrams([]))
