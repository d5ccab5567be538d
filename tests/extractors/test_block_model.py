"""The block classifier's pure parts: tree evaluation, expected-F1 selection, model file."""

from __future__ import annotations

import json

import numpy as np
import pytest

from extractors import block_model as BM


def test_complete_tree_evaluation() -> None:
    # depth 1: x0 <= 0.5 -> leaf -1, else +2 ; base 0.5
    tree = BM.TreeEnsemble(
        feature=np.array([[0]]), threshold=np.array([[0.5]], dtype=np.float32),
        leaf=np.array([[-1.0, 2.0]]), base=0.5, depth=1,
    )
    X = np.array([[0.2], [0.9]], dtype=np.float32)
    assert tree.raw(X) == pytest.approx([-0.5, 2.5])
    assert tree.predict(X) == pytest.approx(1 / (1 + np.exp(-np.array([-0.5, 2.5]))))
    again = BM.TreeEnsemble.from_json(json.loads(json.dumps(tree.to_json())))
    assert again.raw(X) == pytest.approx(tree.raw(X))


def test_expected_f1_selection_by_hand() -> None:
    # two blocks of 10 words: p = 0.9 and 0.2; expected gold = 9 + 2 = 11 words
    # keep {0}: 2*9/(10+11) = 0.857; keep {0,1}: 2*11/(20+11) = 0.710 -> F* = 0.857
    probs = np.array([0.9, 0.2])
    words = np.array([10, 10])
    keep = BM.expected_f1_keep(probs, words, alpha=1.0)
    assert keep.tolist() == [True, False]  # threshold F*/2 = 0.43
    # a likely block with a barely likely neighbour: keep both when 0.45 > F*/2
    keep = BM.expected_f1_keep(np.array([0.9, 0.45]), words, alpha=1.0)
    assert keep.tolist() == [True, True]


def test_a_page_never_comes_out_empty() -> None:
    keep = BM.choose_blocks(np.array([0.05, 0.02, 0.04]), np.array([3, 3, 3]), alpha=None, threshold=0.5)
    assert keep.tolist() == [True, False, True]
    assert BM.choose_blocks(np.array([]), np.array([]), alpha=1.0).size == 0


def test_model_file_matches_features(tmp_path) -> None:
    model = BM.load_model()
    assert model is not None, "extractors/data/block_model.json is missing or was trained on other features"
    assert model.feature_names == BM.FEATURE_NAMES
    stale = tmp_path / "model.json"
    stale.write_text(json.dumps({"feature_names": ["x"], "context_names": [], "stage1": {}}))
    assert BM.load_model(str(stale)) is None


def test_article_pages_get_their_own_cut() -> None:
    assert BM.page_alpha(frozenset({"article"}), 0.9, 1.2) == 1.2
    assert BM.page_alpha(frozenset({"article", "forum"}), 0.9, 1.2) == 0.9
    assert BM.page_alpha(frozenset(), 0.9, 1.2) == 0.9
    assert BM.page_alpha(frozenset({"article"}), 1.0, None) == 1.0
    assert BM.page_alpha(frozenset({"article"}), None, 1.2) is None


def test_blocks_after_a_related_heading() -> None:
    from extractors.segmentation import extract_blocks, parse_html

    html = (
        "<html><body><main><div><p>First paragraph of the story, long enough to count.</p>"
        "<p>Second paragraph of the story.</p></div>"
        "<section><div><h3>Related stories</h3></div><div><ul><li>Another story</li><li>One more</li></ul></div></section>"
        "</main></body></html>"
    )
    seg = extract_blocks(parse_html(html))
    X = BM.context_features(seg, np.full(len(seg.blocks), 0.5))
    names = BM.CONTEXT_FEATURES
    after = X[:, names.index("after_related")]
    same = X[:, names.index("related_in_anc")]
    texts = [b.text for b in seg.blocks]
    heading = texts.index("Related stories")
    assert after[:heading + 1].tolist() == [0.0] * (heading + 1)
    assert after[heading + 1:].min() == 1.0
    assert same[texts.index("Another story")] == 1.0
