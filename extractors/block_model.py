"""Block classifier: generic features of a text block -> probability of main text.

Two stages of small gradient-boosted tree ensembles, stored as plain
arrays in ``extractors/data/block_model.json`` and evaluated with numpy:

1. per-block features that say nothing about any particular site: text
   length, words, punctuation, stopwords, link density, the block's tag,
   furniture tags and roles above it, class/id vocabulary groups above it
   (``boilerplate_rules.CLASS_GROUP_WORDS``), its depth and position in the
   page, statistics of its parent and grandparent elements, membership in
   the element holding most of the page's paragraph text, its neighbours;
2. the same block seen in context of stage-1 probabilities: neighbours'
   probabilities, the probability mass of each ancestor's subtree, and
   whether the block lies in the subtree that best separates likely main
   text from likely boilerplate, whether it follows a "related"/"comments"
   heading in that heading's section.

Blocks are kept by expected-F1 selection; pages that announce themselves
as articles only get a cut leaning to precision (``page_alpha``).

The model is trained by ``evaluation/train_block_model.py`` with
cross-validation across pages (pages of one site never straddle folds).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from extractors import boilerplate_rules as R
from extractors.page_meta import parse_date_line
from extractors.segmentation import Element, Segmented, is_paragraph_like, main_container

MODEL_PATH = Path(__file__).parent / "data" / "block_model.json"

_WORD = re.compile(r"\w+")
_SENT_MARK = re.compile(r"[.!?。！？](?:\s|$)")
_END_PUNCT = re.compile(r"[.!?:;…。！？\"'”’)]$")
_SEPARATORS = re.compile(r"[|»›/·•>]")
_COPYRIGHT = re.compile(r"©|\(c\)\s*\d{4}|all rights reserved|\bcopyright\b", re.IGNORECASE)
_DIGITS = re.compile(r"\d")
_UPPER_WORD = re.compile(r"\b[A-ZÀ-Þ]")

TAG_GROUPS = {
    "p": 0, "h1": 1, "h2": 2, "h3": 2, "h4": 3, "h5": 3, "h6": 3, "li": 4, "td": 5, "th": 5,
    "dd": 6, "dt": 6, "pre": 7, "code": 7, "blockquote": 8, "figcaption": 9, "caption": 9,
    "div": 10, "section": 10, "article": 10, "main": 10, "body": 11, "span": 11, "a": 11,
}
N_TAG_GROUPS = 12

# ancestor flag bits (mirrors extractors.segmentation)
N_FLAG_BITS = 25 + len(R.CLASS_GROUP_NAMES)

TEXT_FEATURES = (
    "log_chars", "log_words", "link_density", "avg_word_len", "punct_end", "sentences_per_word",
    "commas_per_word", "stop_ratio", "title_case_ratio", "digit_ratio", "caps_ratio", "copyright",
    "cookie_text", "short_boilerplate", "related_heading", "newsletter_paywall", "date_line",
    "separators_per_word", "duplicates", "question",
)
STRUCT_FEATURES = (
    "depth_rel", "log_depth", "pos_chars", "pos_index", "in_container", "container_share",
    "levels_below_container", "parent_share", "parent_link_density", "log_parent_blocks",
    "gparent_share", "gparent_link_density", "log_gparent_blocks", "parent_para_share",
    "score_ratio", "in_top_score", "prev_log_chars", "prev_link_density", "prev_para",
    "next_log_chars", "next_link_density", "next_para", "para_window", "same_parent_prev",
    "same_parent_next", "log_page_chars", "log_page_blocks", "page_link_density", "page_para_share",
    "parent_mean_chars", "siblings_same_tag", "log_articles", "title_overlap", "first_h1",
    "kind_article", "kind_product", "kind_forum", "kind_collection", "kind_howto", "kind_about",
    "h1_lca_rel", "h1_lca_share", "before_h1", "after_h1",
)
PAGE_KINDS = ("article", "product", "forum", "collection", "howto", "about")
FEATURE_NAMES = (
    TEXT_FEATURES
    + tuple(f"tag_{i}" for i in range(N_TAG_GROUPS))
    + tuple(f"flag_{i}" for i in range(N_FLAG_BITS))
    + tuple(f"near_{name}" for name in R.CLASS_GROUP_NAMES)
    + STRUCT_FEATURES
)

CONTEXT_FEATURES = (
    "logit", "prev1", "next1", "window3", "window3_weighted", "anc1", "anc2", "anc3", "anc4",
    "anc1_share", "anc2_share", "anc3_share", "anc4_share", "page_mean", "page_max",
    "in_best_subtree", "best_subtree_share", "levels_below_best", "prev2", "next2",
    "run_mean", "log_chars", "link_density", "after_last_strong", "before_first_strong",
    "strong_anc1", "strong_anc2", "strong_anc3", "strong_anc4", "strong_in_best",
    "after_related", "related_in_anc", "related_dist",
)


def _log(x: float) -> float:
    return math.log1p(x)


def text_features(text: str, link_chars: int) -> list[float]:
    n = len(text)
    words = _WORD.findall(text)
    nw = len(words) or 1
    stop = sum(1 for w in words if w.lower() in R.STOP_EN)
    short = n < 80
    low_boiler = 0.0
    if short and (R.CONSENT_SHORT.match(text) or R.SHARE_TEXT.match(text) or R.SKIP_TEXT.match(text)):
        low_boiler = 1.0
    date_line = 0.0
    if n <= 90 and _DIGITS.search(text):
        date_line = 1.0 if parse_date_line(text) else 0.0
    probe = text if n < 1500 else text[:1500]
    return [
        _log(n),
        _log(len(words)),
        min(link_chars, n) / n if n else 0.0,
        (sum(len(w) for w in words) / nw) if words else 0.0,
        1.0 if _END_PUNCT.search(text) else 0.0,
        len(_SENT_MARK.findall(text)) / nw,
        text.count(",") / nw,
        stop / nw,
        len(_UPPER_WORD.findall(text)) / nw,
        len(_DIGITS.findall(probe)) / max(1, len(probe)),
        1.0 if (text.isupper() and n > 3) else 0.0,
        1.0 if _COPYRIGHT.search(probe) else 0.0,
        1.0 if (n < 1500 and R.COOKIE_TEXT.search(probe)) else 0.0,
        low_boiler,
        1.0 if (short and R.RELATED_HEADING.match(text)) else 0.0,
        1.0 if (n < 400 and (R.NEWSLETTER_TEXT.search(probe) or R.PAYWALL_TEXT.search(probe))) else 0.0,
        date_line,
        len(_SEPARATORS.findall(probe)) / nw,
        0.0,  # duplicates: filled by block_features
        1.0 if text.endswith("?") else 0.0,
    ]


def _near_groups(path: tuple[int, ...], elements: list[Element]) -> int:
    """The class/id group bits of a block's three nearest ancestors."""
    near = 0
    for idx in path[-3:]:
        near |= elements[idx].groups
    return near


def _path_score(path: tuple[int, ...], elements: list[Element], top_score: int) -> tuple[float, float]:
    """The best container score on a block's path, and 1.0 when the top-scoring element is on it."""
    best_score = 0.0
    in_top = 0.0
    for idx in path:
        s = elements[idx].score
        if s > best_score:
            best_score = s
        if idx == top_score:
            in_top = 1.0
    return best_score, in_top


def block_features(seg: Segmented, container: int) -> np.ndarray:
    """Feature matrix (blocks x FEATURE_NAMES) of a segmented page."""
    blocks = seg.blocks
    elements = seg.elements
    n = len(blocks)
    nf = len(FEATURE_NAMES)
    X = np.zeros((n, nf), dtype=np.float32)
    if n == 0:
        return X
    n_text = len(TEXT_FEATURES)
    tag_off = n_text
    flag_off = tag_off + N_TAG_GROUPS
    near_off = flag_off + N_FLAG_BITS
    struct_off = near_off + len(R.CLASS_GROUP_NAMES)

    counts: dict[str, int] = {}
    for b in blocks:
        counts[b.text] = counts.get(b.text, 0) + 1

    total_chars = sum(b.chars for b in blocks) or 1
    total_links = sum(b.link_chars for b in blocks)
    para = [is_paragraph_like(b) for b in blocks]
    total_para = sum(b.chars for b, p in zip(blocks, para) if p)
    max_depth = max(len(b.path) for b in blocks) or 1
    max_score = max((el.score for el in elements), default=0.0) or 1.0
    top_score = max(range(len(elements)), key=lambda i: elements[i].score) if elements else -1
    container_el = elements[container] if 0 <= container < len(elements) else None
    container_share = (container_el.para_chars / total_para) if (container_el and total_para) else 0.0

    flags = np.fromiter((b.flags for b in blocks), dtype=np.int64, count=n)
    bits = (flags[:, None] >> np.arange(N_FLAG_BITS, dtype=np.int64)[None, :]) & 1
    X[:, flag_off : flag_off + N_FLAG_BITS] = bits

    group_shift = 25
    n_groups = len(R.CLASS_GROUP_NAMES)
    cum = 0
    rows = []
    for i, b in enumerate(blocks):
        row = text_features(b.text, b.link_chars)
        row[18] = float(counts[b.text] - 1 > 0)
        rows.append(row)
        X[i, tag_off + TAG_GROUPS.get(b.tag, 10 if b.tag not in ("span", "a", "body") else 11)] = 1.0
        near = _near_groups(b.path, elements) >> group_shift
        for g in range(n_groups):
            if near >> g & 1:
                X[i, near_off + g] = 1.0

        owner = elements[b.owner] if 0 <= b.owner < len(elements) else None
        depth = len(b.path)
        parent_idx = owner.parent if owner else -1
        parent = elements[parent_idx] if parent_idx >= 0 else None
        gparent = elements[parent.parent] if (parent and parent.parent >= 0) else None
        in_container = container in b.path
        levels = (len(b.path) - b.path.index(container)) if in_container else 0
        best_score, in_top = _path_score(b.path, elements, top_score)
        prev = blocks[i - 1] if i > 0 else None
        nxt = blocks[i + 1] if i + 1 < n else None
        window = sum(1 for j in range(max(0, i - 3), min(n, i + 4)) if j != i and para[j])
        s = struct_off
        X[i, s + 0] = depth / max_depth
        X[i, s + 1] = _log(depth)
        X[i, s + 2] = cum / total_chars
        X[i, s + 3] = i / n
        X[i, s + 4] = 1.0 if in_container else 0.0
        X[i, s + 5] = container_share
        X[i, s + 6] = min(levels, 20)
        if parent:
            X[i, s + 7] = parent.chars / total_chars
            X[i, s + 8] = parent.link_chars / parent.chars if parent.chars else 0.0
            X[i, s + 9] = _log(parent.blocks)
            X[i, s + 13] = parent.para_chars / parent.chars if parent.chars else 0.0
            X[i, s + 29] = _log(parent.chars / parent.blocks) if parent.blocks else 0.0
        if gparent:
            X[i, s + 10] = gparent.chars / total_chars
            X[i, s + 11] = gparent.link_chars / gparent.chars if gparent.chars else 0.0
            X[i, s + 12] = _log(gparent.blocks)
        X[i, s + 14] = best_score / max_score
        X[i, s + 15] = in_top
        if prev:
            X[i, s + 16] = _log(prev.chars)
            X[i, s + 17] = prev.link_density
            X[i, s + 18] = 1.0 if para[i - 1] else 0.0
            X[i, s + 23] = 1.0 if (owner and elements[prev.owner].parent == owner.parent) else 0.0
        if nxt:
            X[i, s + 19] = _log(nxt.chars)
            X[i, s + 20] = nxt.link_density
            X[i, s + 21] = 1.0 if para[i + 1] else 0.0
            X[i, s + 24] = 1.0 if (owner and elements[nxt.owner].parent == owner.parent) else 0.0
        X[i, s + 22] = window
        X[i, s + 30] = float(
            (prev is not None and prev.tag == b.tag) + (nxt is not None and nxt.tag == b.tag)
        )
        cum += b.chars
    X[:, :n_text] = np.asarray(rows, dtype=np.float32)
    s = struct_off
    X[:, s + 25] = _log(total_chars)
    X[:, s + 26] = _log(n)
    X[:, s + 27] = total_links / total_chars
    X[:, s + 28] = total_para / total_chars
    X[:, s + 31] = _log(seg.articles)
    title = seg.hints.title_words
    first_h1 = next((i for i, b in enumerate(blocks) if b.tag == "h1"), -1)
    if first_h1 >= 0:
        X[first_h1, s + 33] = 1.0
    if title:
        for i, b in enumerate(blocks):
            if b.chars <= 200:
                words = {w.lower() for w in _WORD.findall(b.text)}
                if words:
                    X[i, s + 32] = len(words & title) / len(words | title)
    for k, kind in enumerate(PAGE_KINDS):
        if kind in seg.hints.kinds:
            X[:, s + 34 + k] = 1.0
    if first_h1 >= 0:
        # where the block meets the title in the tree: main text shares a close
        # ancestor with the <h1>; related lists and sidebars meet it higher up
        h1_path = blocks[first_h1].path
        h1_depth = len(h1_path) or 1
        for i, b in enumerate(blocks):
            common = 0
            for a, c in zip(b.path, h1_path):
                if a != c:
                    break
                common += 1
            X[i, s + 40] = common / h1_depth
            if common:
                X[i, s + 41] = elements[h1_path[common - 1]].chars / total_chars
            X[i, s + 42] = 1.0 if i < first_h1 else 0.0
            X[i, s + 43] = min(i - first_h1, 50) / 50 if i > first_h1 else 0.0
    return X


def _window_sum(values: np.ndarray, radius: int) -> np.ndarray:
    """Sum of values[i - radius : i + radius + 1] for every i."""
    c = np.concatenate(([0.0], np.cumsum(values)))
    n = len(values)
    idx = np.arange(n)
    hi = np.minimum(n, idx + radius + 1)
    lo = np.maximum(0, idx - radius)
    return c[hi] - c[lo]


def context_features(seg: Segmented, probs: np.ndarray) -> np.ndarray:
    """Stage-2 features: each block seen through its neighbours' and ancestors' probabilities."""
    blocks = seg.blocks
    elements = seg.elements
    n = len(blocks)
    X = np.zeros((n, len(CONTEXT_FEATURES)), dtype=np.float32)
    if n == 0:
        return X
    chars = np.fromiter((b.chars for b in blocks), dtype=np.float64, count=n)
    p = probs.astype(np.float64)
    ne = len(elements)
    mass = np.zeros(ne)
    size = np.zeros(ne)
    net = np.zeros(ne)
    w = np.sqrt(chars)
    for i, b in enumerate(blocks):
        pm = p[i] * chars[i]
        c = chars[i]
        d = (2 * p[i] - 1) * w[i]
        for idx in b.path:
            mass[idx] += pm
            size[idx] += c
            net[idx] += d
    total = chars.sum() or 1.0
    best = int(np.argmax(net)) if ne else -1
    best_share = size[best] / total if best >= 0 else 0.0
    page_mean = float((p * chars).sum() / total)
    eps = 1e-6
    X[:, 0] = np.log((p + eps) / (1 - p + eps))
    X[1:, 1] = p[:-1]
    X[:-1, 2] = p[1:]
    X[2:, 18] = p[:-2]
    X[:-2, 19] = p[2:]
    X[:, 3] = _window_sum(p, 3) / _window_sum(np.ones(n), 3)
    X[:, 4] = _window_sum(p * chars, 3) / np.maximum(_window_sum(chars, 3), 1)
    X[:, 13] = page_mean
    X[:, 14] = float(p.max())
    X[:, 16] = best_share
    X[:, 21] = np.log1p(chars)
    X[:, 22] = np.fromiter((b.link_density for b in blocks), dtype=np.float64, count=n)
    # run of consecutive blocks with the same stage-1 decision
    decided = p >= 0.5
    run_mean = np.zeros(n)
    start = 0
    for i in range(1, n + 1):
        if i == n or decided[i] != decided[start]:
            run_mean[start:i] = p[start:i].mean()
            start = i
    X[:, 20] = run_mean
    strong = (p >= 0.7) & (chars >= 80)
    strong_idx = np.nonzero(strong)[0]
    strong_mass = np.zeros(ne)
    total_strong = float(chars[strong].sum()) or 1.0
    if strong_idx.size:
        first, last = int(strong_idx[0]), int(strong_idx[-1])
        positions = np.arange(n)
        X[:, 23] = np.where(positions > last, (positions - last) / n, 0.0)
        X[:, 24] = np.where(positions < first, (first - positions) / n, 0.0)
        for k in strong_idx.tolist():
            for el in blocks[k].path:
                strong_mass[el] += chars[k]
    if best >= 0:
        X[:, 29] = strong_mass[best] / total_strong
    for i, b in enumerate(blocks):
        owner = b.owner
        anc = []
        idx = owner
        for _ in range(4):
            if idx < 0:
                break
            idx = elements[idx].parent
            if idx < 0:
                break
            anc.append(idx)
        for k, a in enumerate(anc):
            X[i, 5 + k] = mass[a] / size[a] if size[a] else 0.0
            X[i, 9 + k] = size[a] / total
            X[i, 25 + k] = strong_mass[a] / total_strong
        if best in b.path:
            X[i, 15] = 1.0
            X[i, 17] = min(20, len(b.path) - b.path.index(best))
    _related_context(seg, X[:, 30:33])
    return X


def _related_context(seg: Segmented, out: np.ndarray) -> None:
    """Blocks after a "related"/"comments"/"tags" heading: whether one came before,
    whether the heading's grandparent holds the block (same section), and how far back."""
    blocks = seg.blocks
    elements = seg.elements
    out[:, 2] = 1.0
    last = -1
    section = -1
    for i, b in enumerate(blocks):
        if last >= 0:
            out[i, 0] = 1.0
            out[i, 2] = min(i - last, 50) / 50
            if section >= 0 and section in b.path:
                out[i, 1] = 1.0
        if b.chars < 80 and R.RELATED_HEADING.match(b.text):
            last = i
            parent = elements[b.owner].parent if b.owner >= 0 else -1
            gparent = elements[parent].parent if parent >= 0 else -1
            section = gparent if gparent >= 0 else parent


# --------------------------------------------------------------------------
# Tree ensembles
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class TreeEnsemble:
    """Complete binary trees of one depth: arrays (trees x nodes)."""

    feature: np.ndarray  # int (T, 2^d - 1)
    threshold: np.ndarray  # float (T, 2^d - 1)
    leaf: np.ndarray  # float (T, 2^d)
    base: float
    depth: int

    def raw(self, X: np.ndarray) -> np.ndarray:
        n = X.shape[0]
        T = self.feature.shape[0]
        if n == 0 or T == 0:
            return np.full(n, self.base)
        node = np.zeros((n, T), dtype=np.int64)
        rows = np.arange(n)[:, None]
        trees = np.arange(T)[None, :]
        for _ in range(self.depth):
            f = self.feature[trees, node]
            t = self.threshold[trees, node]
            go_right = X[rows, f] > t
            node = 2 * node + 1 + go_right
        leaf_index = node - (2**self.depth - 1)
        return self.base + self.leaf[trees, leaf_index].sum(axis=1)

    def predict(self, X: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.raw(X)))

    def to_json(self) -> dict:
        return {
            "depth": self.depth,
            "base": self.base,
            "feature": self.feature.tolist(),
            "threshold": [[float(np.float32(v)) for v in row] for row in self.threshold],
            "leaf": [[round(float(v), 6) for v in row] for row in self.leaf],
        }

    @classmethod
    def from_json(cls, data: dict) -> TreeEnsemble:
        return cls(
            feature=np.asarray(data["feature"], dtype=np.int64),
            threshold=np.asarray(data["threshold"], dtype=np.float32),
            leaf=np.asarray(data["leaf"], dtype=np.float64),
            base=float(data["base"]),
            depth=int(data["depth"]),
        )


def expected_f1_keep(probs: np.ndarray, words: np.ndarray, alpha: float = 1.0) -> np.ndarray:
    """Blocks to keep so that the expected word-level F1 of the page is highest.

    With calibrated probabilities p and word counts n, the expected F1 of
    keeping the set S is about 2·Σ_S p·n / (Σ_S n + Σ p·n); the best S holds
    the blocks with p above half the best F1 reached (F*/2). ``alpha``
    scales that per-page threshold (above 1 favours precision).
    """
    if probs.size == 0:
        return np.zeros(0, dtype=bool)
    n = np.maximum(words.astype(np.float64), 1.0)
    order = np.argsort(-probs, kind="stable")
    expected_gold = float((probs * n).sum())
    tp = np.cumsum(probs[order] * n[order])
    size = np.cumsum(n[order])
    best = float((2 * tp / (size + expected_gold)).max())
    return probs >= alpha * best / 2


def choose_blocks(probs: np.ndarray, words: np.ndarray, alpha: float | None, threshold: float = 0.5) -> np.ndarray:
    """Keep mask: expected-F1 selection (or a fixed threshold when alpha is None).

    A page with text never comes out empty: when nothing passes, the blocks
    within half of the best probability are kept.
    """
    if probs.size == 0:
        return np.zeros(0, dtype=bool)
    keep = probs >= threshold if alpha is None else expected_f1_keep(probs, words, alpha)
    if not keep.any():
        keep = probs >= 0.5 * float(probs.max())
    return keep


def page_alpha(kinds: frozenset[str], alpha: float | None, alpha_article: float | None) -> float | None:
    """The expected-F1 cut of a page: pages whose head announces an article and nothing
    else (og:type, schema.org types) hold one run of prose, so the cut leans to precision."""
    if alpha is None or alpha_article is None:
        return alpha
    return alpha_article if kinds == {"article"} else alpha


def block_words(seg: Segmented) -> np.ndarray:
    return np.fromiter((len(_WORD.findall(b.text)) for b in seg.blocks), dtype=np.float64, count=len(seg.blocks))


@dataclass(frozen=True)
class BlockModel:
    stage1: TreeEnsemble
    stage2: TreeEnsemble | None
    threshold: float  # a fixed keep threshold, used when alpha is None
    feature_names: tuple[str, ...]
    context_names: tuple[str, ...]
    alpha: float | None = None  # expected-F1 selection (see expected_f1_keep)
    alpha_article: float | None = None  # the same for pages announced as articles only

    def page_alpha(self, seg: Segmented) -> float | None:
        return page_alpha(seg.hints.kinds, self.alpha, self.alpha_article)

    def keep(self, seg: Segmented, probs: np.ndarray) -> np.ndarray:
        return choose_blocks(probs, block_words(seg), self.page_alpha(seg), self.threshold)

    def probabilities(self, seg: Segmented, container: int) -> np.ndarray:
        X = block_features(seg, container)
        p = self.stage1.predict(X)
        if self.stage2 is not None:
            p = self.stage2.predict(context_features(seg, p))
        return p


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_PATH)) -> BlockModel | None:
    file = Path(path)
    if not file.is_file():
        return None
    data = json.loads(file.read_text(encoding="utf-8"))
    if tuple(data.get("feature_names", ())) != FEATURE_NAMES:
        return None  # features changed since the model was trained
    if tuple(data.get("context_names", ())) != CONTEXT_FEATURES:
        return None
    return BlockModel(
        stage1=TreeEnsemble.from_json(data["stage1"]),
        stage2=TreeEnsemble.from_json(data["stage2"]) if data.get("stage2") else None,
        threshold=float(data.get("threshold", 0.5)),
        feature_names=FEATURE_NAMES,
        context_names=CONTEXT_FEATURES,
        alpha=data.get("alpha"),
        alpha_article=data.get("alpha_article"),
    )


def apply(seg: Segmented, model: BlockModel | None = None) -> bool:
    """Set ``prob``/``keep`` of every block; False when no model is available."""
    model = model or load_model()
    if model is None:
        return False
    if not seg.blocks:
        return True
    probs = model.probabilities(seg, main_container(seg))
    keep = model.keep(seg, probs)
    for block, prob, k in zip(seg.blocks, probs, keep):
        block.prob = float(prob)
        block.keep = bool(k)
    return True
