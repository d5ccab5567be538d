"""Train the block classifier of ``extractors/block_model.py`` on the benchmark dev sets.

Offline tool (reads gold text; never used at prediction time)::

    python -m evaluation.train_block_model ../shared/eval/boilerplate/scrapinghub \
        ../shared/eval/boilerplate/wcxb-dev [--folds 5] [--out extractors/data/block_model.json]

1. Every page is cleaned up to the block stage exactly as ``clean_page``
   does; each block is labelled with the share of its word trigrams found
   in the page's gold text (short blocks: whether they are a line of it),
   and weighted by its words over the gold's words, so that each page
   weighs as its per-page score does.
2. Stage 1 (block features) and stage 2 (block + context of stage-1
   probabilities) gradient-boosted trees are fitted by a small histogram
   GBDT written here in numpy (logistic loss, complete trees of fixed depth).
3. Cross-validation: folds by site (host name), so no site is in both the
   training and the test part; out-of-fold predictions are turned into
   text and scored with the benchmarks' own metrics; the keep threshold is
   chosen on these out-of-fold scores.
4. Final models are fitted on all pages and written as JSON.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from evaluation.boilerplate_eval import SCRAPINGHUB, WCXB, read_dataset, scrapinghub_prf, shingle_match, word_prf
from evaluation.sites import site_of
from extractors import block_model as BM
from extractors.decode import decode_bytes
from extractors.html_text import assemble
from extractors.segmentation import Segmented, extract_blocks, main_container, parse_html

_TOKEN = re.compile(r"\w+")


# --------------------------------------------------------------------------
# Labels
# --------------------------------------------------------------------------


def label_blocks(texts: list[str], gold: str) -> np.ndarray:
    gold_tokens = _TOKEN.findall(gold.lower())
    trigrams = {tuple(gold_tokens[i : i + 3]) for i in range(len(gold_tokens) - 2)}
    lines = set()
    for line in gold.lower().splitlines():
        line = " ".join(_TOKEN.findall(line))
        if line:
            lines.add(line)
    gold_joined = " " + " ".join(gold_tokens) + " "
    out = np.zeros(len(texts), dtype=np.float32)
    for i, text in enumerate(texts):
        toks = _TOKEN.findall(text.lower())
        if len(toks) >= 3:
            grams = [tuple(toks[j : j + 3]) for j in range(len(toks) - 2)]
            out[i] = sum(1 for g in grams if g in trigrams) / len(grams)
        elif toks:
            joined = " ".join(toks)
            if joined in lines:
                out[i] = 1.0
            elif len(toks) == 2 and f" {joined} " in gold_joined:
                out[i] = 0.5
    return out


# --------------------------------------------------------------------------
# Dataset of blocks
# --------------------------------------------------------------------------


@dataclass
class PageData:
    dataset: str  # layout
    id: str
    page_type: str
    site: str
    gold: str
    seg: Segmented
    container: int
    X: np.ndarray
    y: np.ndarray
    w: np.ndarray
    words: np.ndarray


def load_pages(directories: list[Path], limit: int | None = None, sh_weight: float = 1.0) -> list[PageData]:
    pages: list[PageData] = []
    for directory in directories:
        layout, gold_pages = read_dataset(directory)
        for gold in gold_pages[:limit]:
            text = decode_bytes(gold.read_html(), "text/html").text
            root = parse_html(text)
            if root is None:
                continue
            seg = extract_blocks(root)
            if not seg.blocks:
                continue
            container = main_container(seg)
            X = BM.block_features(seg, container)
            texts = [b.text for b in seg.blocks]
            y = label_blocks(texts, gold.text)
            words = np.array([len(_TOKEN.findall(t)) for t in texts], dtype=np.float64)
            gold_words = max(len(_TOKEN.findall(gold.text)), 50)
            w = words / gold_words
            total = w.sum()
            if total > 8:
                w *= 8 / total
            if layout == SCRAPINGHUB:
                w *= sh_weight
            pages.append(PageData(layout, f"{directory.name}/{gold.id}", gold.page_type, site_of(gold.url, gold.id), gold.text,
                                  seg, container, X, y, w.astype(np.float32), words))
    return pages


# --------------------------------------------------------------------------
# Histogram gradient boosting (logistic loss), complete trees
# --------------------------------------------------------------------------


@dataclass
class Binner:
    edges: list[np.ndarray]

    @classmethod
    def fit(cls, X: np.ndarray, n_bins: int, rng: np.random.Generator) -> Binner:
        sample = X if X.shape[0] <= 200_000 else X[rng.choice(X.shape[0], 200_000, replace=False)]
        qs = np.linspace(0, 1, n_bins + 1)[1:-1]
        edges = []
        for j in range(X.shape[1]):
            col = sample[:, j]
            e = np.unique(np.quantile(col, qs).astype(np.float32))
            edges.append(e)
        return cls(edges)

    def transform(self, X: np.ndarray) -> np.ndarray:
        Xb = np.empty(X.shape, dtype=np.uint8)
        for j, e in enumerate(self.edges):
            Xb[:, j] = np.searchsorted(e, X[:, j].astype(np.float32), side="left")
        return Xb


def fit_gbdt(
    X: np.ndarray,
    y: np.ndarray,
    w: np.ndarray,
    *,
    n_trees: int = 150,
    depth: int = 4,
    lr: float = 0.15,
    n_bins: int = 48,
    l2: float = 1.0,
    min_hess: float = 0.5,
    subsample: float = 0.5,
    seed: int = 0,
    verbose: bool = False,
) -> BM.TreeEnsemble:
    rng = np.random.default_rng(seed)
    binner = Binner.fit(X, n_bins, rng)
    Xb = binner.transform(X)
    n, f = Xb.shape
    nb = n_bins
    offsets = (np.arange(f) * nb)[None, :]
    pos = float(np.sum(w * y) / max(np.sum(w), 1e-9))
    pos = min(max(pos, 1e-4), 1 - 1e-4)
    base = float(np.log(pos / (1 - pos)))
    F = np.full(n, base)
    n_inner = 2**depth - 1
    feats = np.zeros((n_trees, n_inner), dtype=np.int64)
    thr = np.full((n_trees, n_inner), np.inf, dtype=np.float64)
    leaves = np.zeros((n_trees, 2**depth))
    for t in range(n_trees):
        p = 1 / (1 + np.exp(-F))
        g = (p - y) * w
        h = np.maximum(p * (1 - p), 1e-6) * w
        rows = np.nonzero(rng.random(n) < subsample)[0] if subsample < 1 else np.arange(n)
        node_rows = [rows]
        for level in range(depth):
            next_rows = []
            for k, idx in enumerate(node_rows):
                node = 2**level - 1 + k
                if idx.size == 0:
                    next_rows += [idx, idx]
                    continue
                flat = (Xb[idx] + offsets).ravel()
                G = np.bincount(flat, weights=np.repeat(g[idx], f), minlength=f * nb).reshape(f, nb)
                H = np.bincount(flat, weights=np.repeat(h[idx], f), minlength=f * nb).reshape(f, nb)
                GL = np.cumsum(G, axis=1)[:, :-1]
                HL = np.cumsum(H, axis=1)[:, :-1]
                Gt = G.sum(axis=1, keepdims=True)
                Ht = H.sum(axis=1, keepdims=True)
                GR = Gt - GL
                HR = Ht - HL
                gain = GL**2 / (HL + l2) + GR**2 / (HR + l2) - Gt**2 / (Ht + l2)
                gain[(HL < min_hess) | (HR < min_hess)] = -np.inf
                best = int(np.argmax(gain))
                bj, bk = divmod(best, nb - 1)
                if not np.isfinite(gain[bj, bk]) or gain[bj, bk] <= 1e-9 or bk >= len(binner.edges[bj]):
                    feats[t, node] = 0
                    thr[t, node] = np.inf
                    next_rows += [idx, idx[:0]]
                    continue
                feats[t, node] = bj
                thr[t, node] = float(binner.edges[bj][bk])
                left = Xb[idx, bj] <= bk
                next_rows += [idx[left], idx[~left]]
            node_rows = next_rows
        for k, idx in enumerate(node_rows):
            if idx.size:
                leaves[t, k] = -lr * g[idx].sum() / (h[idx].sum() + l2)
        # update all rows
        ens = BM.TreeEnsemble(feats[t : t + 1], thr[t : t + 1], leaves[t : t + 1], 0.0, depth)
        F += ens.raw(X)
        if verbose and (t % 25 == 0 or t == n_trees - 1):
            p = 1 / (1 + np.exp(-F))
            loss = -np.sum(w * (y * np.log(p + 1e-9) + (1 - y) * np.log(1 - p + 1e-9))) / np.sum(w)
            print(f"  tree {t}: loss {loss:.4f}", file=sys.stderr)
    return BM.TreeEnsemble(feats, thr.astype(np.float32), leaves, base, depth)


# --------------------------------------------------------------------------
# Cross-validation and scoring
# --------------------------------------------------------------------------


def folds_by_site(pages: list[PageData], k: int, seed: int = 0) -> list[int]:
    sites = sorted({p.site for p in pages})
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(sites))
    fold_of_site = {sites[i]: j % k for j, i in enumerate(order)}
    return [fold_of_site[p.site] for p in pages]


def page_text(page: PageData, probs: np.ndarray, selection: tuple[str, float]) -> str:
    """Text of a page from block probabilities, with ("threshold", t), ("alpha", a) or
    ("alpha_kind", (a, a_article)) selection (see ``block_model.page_alpha``)."""
    kind, value = selection
    if kind == "alpha":
        keep = BM.choose_blocks(probs, page.words, value)
    elif kind == "alpha_kind":
        keep = BM.choose_blocks(probs, page.words, BM.page_alpha(page.seg.hints.kinds, value[0], value[1]))
    else:
        keep = BM.choose_blocks(probs, page.words, None, value)
    for block, prob, k in zip(page.seg.blocks, probs, keep):
        block.prob = float(prob)
        block.keep = bool(k)
    texts, _ = assemble(page.seg.blocks)
    return "\n\n".join(texts)


def score(pages: list[PageData], probs: list[np.ndarray], threshold: tuple[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for layout in (SCRAPINGHUB, WCXB):
        chosen = [(p, pr) for p, pr in zip(pages, probs) if p.dataset == layout]
        if not chosen:
            continue
        if layout == WCXB:
            out[layout] = statistics.fmean(word_prf(page_text(p, pr, threshold), p.gold).f1 for p, pr in chosen)
        else:
            out[layout] = scrapinghub_prf([shingle_match(p.gold, page_text(p, pr, threshold)) for p, pr in chosen]).f1
    return out


def per_type(pages: list[PageData], probs: list[np.ndarray], threshold: tuple[str, float]) -> dict[str, tuple[int, float]]:
    rows: dict[str, list[float]] = {}
    for p, pr in zip(pages, probs):
        if p.dataset != WCXB:
            continue
        rows.setdefault(p.page_type, []).append(word_prf(page_text(p, pr, threshold), p.gold).f1)
    return {t: (len(v), round(statistics.fmean(v), 4)) for t, v in sorted(rows.items())}


def stack(pages: list[PageData], attr: str) -> np.ndarray:
    return np.concatenate([getattr(p, attr) for p in pages])


def context_matrix(pages: list[PageData], probs: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([BM.context_features(p.seg, pr) for p, pr in zip(pages, probs)])


def cross_validate(pages: list[PageData], k: int, params: dict, stage2: bool, params2: dict | None = None,
                   oof1_given: list[np.ndarray] | None = None) -> tuple[list, list]:
    params2 = params2 or params
    fold = np.array(folds_by_site(pages, k))
    oof1: list[np.ndarray | None] = list(oof1_given) if oof1_given is not None else [None] * len(pages)
    for j in range(k if oof1_given is None else 0):
        train = [p for p, f in zip(pages, fold) if f != j]
        test_idx = [i for i, f in enumerate(fold) if f == j]
        t0 = time.time()
        model = fit_gbdt(stack(train, "X"), stack(train, "y"), stack(train, "w"), seed=j, **params)
        for i in test_idx:
            oof1[i] = model.predict(pages[i].X)
        print(f"stage 1 fold {j}: {time.time() - t0:.0f}s", file=sys.stderr)
    oof2: list[np.ndarray | None] = [None] * len(pages)
    if stage2:
        C = [BM.context_features(p.seg, pr) for p, pr in zip(pages, oof1)]
        for j in range(k):
            train_idx = [i for i, f in enumerate(fold) if f != j]
            test_idx = [i for i, f in enumerate(fold) if f == j]
            Xc = np.concatenate([C[i] for i in train_idx])
            model = fit_gbdt(Xc, stack([pages[i] for i in train_idx], "y"), stack([pages[i] for i in train_idx], "w"),
                             seed=100 + j, **params2)
            for i in test_idx:
                oof2[i] = model.predict(C[i])
            print(f"stage 2 fold {j} done", file=sys.stderr)
    return oof1, oof2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("directories", type=Path, nargs="+")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--trees", type=int, default=150)
    parser.add_argument("--depth", type=int, default=4)
    parser.add_argument("--lr", type=float, default=0.15)
    parser.add_argument("--trees2", type=int, default=150)
    parser.add_argument("--depth2", type=int, default=4)
    parser.add_argument("--lr2", type=float, default=0.15)
    parser.add_argument("--no-stage2", action="store_true")
    parser.add_argument("--sh-weight", type=float, default=2.0, help="weight of ScrapingHub pages (human gold)")
    parser.add_argument("--no-cv", action="store_true")
    parser.add_argument("--out", type=Path, default=BM.MODEL_PATH)
    parser.add_argument("--save-oof", type=Path, default=None, help="pickle out-of-fold probabilities here")
    parser.add_argument("--reuse-stage1", type=Path, nargs=2, metavar=("OOF_PICKLE", "MODEL_JSON"), default=None,
                        help="retrain stage 2 only: stage-1 out-of-fold probabilities from a --save-oof pickle and "
                             "the final stage-1 trees from a model file (same features, params and folds)")
    args = parser.parse_args(argv)
    t0 = time.time()
    pages = load_pages(args.directories, args.limit, args.sh_weight)
    n_blocks = sum(len(p.seg.blocks) for p in pages)
    print(f"{len(pages)} pages, {n_blocks} blocks, features in {time.time() - t0:.0f}s", file=sys.stderr)
    params = {"n_trees": args.trees, "depth": args.depth, "lr": args.lr}
    params2 = {"n_trees": args.trees2, "depth": args.depth2, "lr": args.lr2}
    threshold: tuple[str, float] = ("alpha", 1.0)
    cv_report: dict = {}
    oof1_given = None
    stage1_given = None
    if args.reuse_stage1:
        import pickle

        with args.reuse_stage1[0].open("rb") as fh:
            saved = pickle.load(fh)
        oof1_given = [saved[p.id][0] for p in pages]
        old_model = json.loads(args.reuse_stage1[1].read_text(encoding="utf-8"))
        if tuple(old_model["feature_names"]) != BM.FEATURE_NAMES or old_model["trained_on"]["params"] != params:
            raise SystemExit("--reuse-stage1: the model file's stage 1 has other features or params")
        stage1_given = BM.TreeEnsemble.from_json(old_model["stage1"])
    if not args.no_cv:
        oof1, oof2 = cross_validate(pages, args.folds, params, not args.no_stage2, params2, oof1_given)
        final = oof2 if not args.no_stage2 else oof1
        best = None
        selections: list = [("threshold", t) for t in (0.3, 0.4, 0.5)] + [("alpha", a) for a in (0.9, 1.0, 1.1, 1.2, 1.3)]
        selections += [("alpha_kind", (a, b)) for a in (0.9, 1.0) for b in (1.1, 1.2, 1.3)]
        for thr in selections:
            s1 = score(pages, oof1, thr)
            s2 = score(pages, final, thr) if not args.no_stage2 else s1
            mean = statistics.fmean(s2.values())
            print(f"threshold {thr}: stage1 {s1}  final {s2}", file=sys.stderr)
            if best is None or mean > best[0]:
                best = (mean, thr, s1, s2)
        assert best is not None
        threshold = best[1]
        cv_report = {"folds": args.folds, "selection": list(threshold), "stage1_f1": best[2], "final_f1": best[3],
                     "wcxb_by_type": per_type(pages, final, threshold)}
        if args.save_oof:
            import pickle

            with args.save_oof.open("wb") as fh:
                pickle.dump({p.id: (o1, o2) for p, o1, o2 in zip(pages, oof1, oof2)}, fh)
        print(f"cross-validated: {cv_report}", file=sys.stderr)
    X = stack(pages, "X")
    y = stack(pages, "y")
    w = stack(pages, "w")
    stage1 = stage1_given or fit_gbdt(X, y, w, seed=7, **params)
    model_json = {
        "feature_names": list(BM.FEATURE_NAMES),
        "context_names": list(BM.CONTEXT_FEATURES),
        "threshold": threshold[1] if threshold[0] == "threshold" else 0.5,
        "alpha": threshold[1] if threshold[0] == "alpha" else (threshold[1][0] if threshold[0] == "alpha_kind" else None),
        "alpha_article": threshold[1][1] if threshold[0] == "alpha_kind" else None,
        "stage1": stage1.to_json(),
        "stage2": None,
        "trained_on": {
            "pages": len(pages),
            "blocks": int(n_blocks),
            "datasets": [d.name for d in args.directories],
            "params": params,
            "params2": params2,
            "sh_weight": args.sh_weight,
        },
        "cross_validation": cv_report,
    }
    if not args.no_stage2:
        # stage 2 is fitted on out-of-fold stage-1 probabilities, as it will see at run time
        if args.no_cv:
            oof1, _ = cross_validate(pages, args.folds, params, False, oof1_given=oof1_given)
        C = context_matrix(pages, oof1)
        stage2 = fit_gbdt(C, y, w, seed=8, **params2)
        model_json["stage2"] = stage2.to_json()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model_json, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB) in {time.time() - t0:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
