"""Boilerplate-removal benchmark: dataset readers, metrics, runner, report.

Two native layouts are read (auto-detected):

- ScrapingHub article-extraction-benchmark: ``html/<id>.html.gz`` and one
  ``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``). Scored
  as its ``evaluate.py`` does: ``\\w+`` tokens, 4-gram shingle multisets,
  per page TP/FP/FN normalised to sum 1, precision averaged over pages that
  predicted something, recall over pages whose truth has something, F1 of
  the two averages.
- WCXB (web content extraction benchmark): ``html/<id>.html.gz`` and
  ``ground-truth/<id>.json`` (``ground_truth.main_content``, ``with``,
  ``without``, ``publish_date``; page type in ``_internal.page_type``).
  Scored as its ``evaluate.py`` does: bag of lowercased ``\\w+`` tokens,
  per-page precision, recall and F1, each averaged over pages.

Beside the main-text scores: share of ``with`` snippets found and of
``without`` snippets leaked (over pages that list snippets), the number of
leaked ``without`` snippets about cookies/consent/privacy, the share of
pages whose ``publish_date`` our published date matches, and milliseconds
per page (mean and median).

``python -m evaluation.boilerplate_eval DIR [--compare trafilatura]``
prints a table and, as the last line, one JSON object of metrics.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

SCRAPINGHUB = "scrapinghub"
WCXB = "wcxb"

TYPE_ORDER = ("article", "forum", "product", "collection", "listing", "documentation", "service")

# "without" snippets counted by ``cookie_leaked``.
COOKIE_SNIPPET = re.compile(r"cookie|consent|privacy|gdpr", re.IGNORECASE)


# --------------------------------------------------------------------------
# Metrics (pure)
# --------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def shingle_counts(text: str | None, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``n``-token shingles, as ScrapingHub's evaluate.py builds it.

    A text with fewer than ``n`` tokens gives one shorter shingle; an empty
    text gives none.
    """
    tokens = _TOKEN.findall(text or "")
    shingles: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(tokens) - n + 1)):
        shingle = tuple(tokens[i : i + n])
        if shingle:
            shingles[shingle] += 1
    return shingles


@dataclass(frozen=True, slots=True)
class ShingleMatch:
    """Per-page TP/FP/FN over shingles, normalised so they sum to 1 (or all 0)."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """None when the page does not count towards precision (nothing predicted)."""
        return self._share_right(self.fp)

    @property
    def recall(self) -> float | None:
        """None when the page does not count towards recall (nothing to find)."""
        return self._share_right(self.fn)

    def _share_right(self, wrong: float) -> float | None:
        """tp / (tp + wrong); None when both are 0, 1.0 on a page with no error of either kind."""
        if self.tp + wrong <= 0:
            return None
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + wrong)


def shingle_match(true: str | None, pred: str | None, n: int = 4) -> ShingleMatch:
    """ScrapingHub's ``string_shingle_matching``."""
    true_sh = shingle_counts(true, n)
    pred_sh = shingle_counts(pred, n)
    tp = fp = fn = 0.0
    for key in true_sh.keys() | pred_sh.keys():
        t = true_sh.get(key, 0)
        p = pred_sh.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    if total > 0:
        return ShingleMatch(tp / total, fp / total, fn / total)
    return ShingleMatch(0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def scrapinghub_prf(matches: Sequence[ShingleMatch]) -> PRF:
    """Precision and recall averaged over the pages they are defined on, F1 of the averages."""
    precisions = [m.precision for m in matches if m.precision is not None]
    recalls = [m.recall for m in matches if m.recall is not None]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return PRF(p, r, f1)


def word_tokens(text: str | None) -> list[str]:
    """WCXB tokens: lowercased ``\\w+``."""
    if not text:
        return []
    return re.findall(r"\w+", text.lower())


def word_prf(pred: str | None, ref: str | None) -> PRF:
    """WCXB's per-page word-bag precision, recall, F1."""
    pred_tokens = word_tokens(pred)
    ref_tokens = word_tokens(ref)
    if not ref_tokens:
        return PRF(1.0, 1.0, 1.0) if not pred_tokens else PRF(0.0, 0.0, 0.0)
    if not pred_tokens:
        return PRF(0.0, 0.0, 0.0)
    overlap = sum((Counter(pred_tokens) & Counter(ref_tokens)).values())
    p = overlap / len(pred_tokens)
    r = overlap / len(ref_tokens)
    f1 = 2 * p * r / (p + r) if p + r > 0 else 0.0
    return PRF(p, r, f1)


def snippets_found(text: str | None, snippets: Sequence[str]) -> list[str]:
    """The snippets that occur in ``text`` (case-insensitive substring, as WCXB checks)."""
    low = (text or "").lower()
    return [s for s in snippets if s.lower() in low]


def is_cookie_snippet(snippet: str) -> bool:
    return bool(COOKIE_SNIPPET.search(snippet))


# --------------------------------------------------------------------------
# Datasets
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldPage:
    """One benchmark page and what is known about it (never shown to an extractor)."""

    id: str
    html_path: Path
    text: str
    url: str | None = None
    page_type: str = "article"
    with_snippets: tuple[str, ...] = ()
    without_snippets: tuple[str, ...] = ()
    publish_date: str | None = None  # "YYYY-MM-DD" or "YYYY-MM"

    def read_html(self) -> bytes:
        return gzip.decompress(self.html_path.read_bytes())


def detect_layout(directory: Path) -> str:
    if (directory / "ground-truth.json").is_file():
        return SCRAPINGHUB
    if (directory / "ground-truth").is_dir():
        return WCXB
    raise ValueError(
        f"{directory} is neither a ScrapingHub layout (ground-truth.json) "
        "nor a WCXB layout (ground-truth/<id>.json)"
    )


def _page_id(path: Path) -> str:
    return path.name.split(".", 1)[0]


def read_scrapinghub(directory: Path) -> list[GoldPage]:
    truth = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((directory / "html").glob("*.html.gz")):
        pid = _page_id(path)
        if pid not in truth:
            continue
        item = truth[pid]
        pages.append(GoldPage(pid, path, item.get("articleBody") or "", url=item.get("url")))
    return pages


def _wcxb_page_type(data: dict) -> str:
    internal = data.get("_internal") or {}
    pt = internal.get("page_type", {})
    if isinstance(pt, dict):
        value = pt.get("primary", "article")
    elif isinstance(pt, str):
        value = pt
    else:
        value = "article"
    return "collection" if value == "category" else (value or "article")


def read_wcxb(directory: Path) -> list[GoldPage]:
    pages = []
    for path in sorted((directory / "html").glob("*.html.gz")):
        pid = _page_id(path)
        gt_path = directory / "ground-truth" / f"{pid}.json"
        if not gt_path.is_file():
            continue
        data = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = data.get("ground_truth") or {}
        if not isinstance(gt, dict):
            gt = {}
        pages.append(
            GoldPage(
                pid,
                path,
                gt.get("main_content") or "",
                url=data.get("url"),
                page_type=_wcxb_page_type(data),
                with_snippets=tuple(gt.get("with") or ()),
                without_snippets=tuple(gt.get("without") or ()),
                publish_date=gt.get("publish_date") or None,
            )
        )
    return pages


def read_dataset(directory: Path) -> tuple[str, list[GoldPage]]:
    layout = detect_layout(directory)
    return layout, read_scrapinghub(directory) if layout == SCRAPINGHUB else read_wcxb(directory)


# --------------------------------------------------------------------------
# Extractors under test
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Extraction:
    text: str
    published: date | None
    ms: float  # time of the main-text extraction (and, for ours, everything else clean does)
    # the article body, when the extractor tells it from the text: ours is the text less the standfirst under
    # the headline (CleanPage.body), which ScrapingHub's ground truth, an "articleBody", never holds
    body: str | None = None


Extractor = Callable[[bytes, "str | None"], Extraction]


def extract_factwatch(content: bytes, url: str | None) -> Extraction:
    from extractors.clean import NotReadable, clean_page

    start = time.perf_counter()
    try:
        page = clean_page(content, content_type="text/html", url=url)
        text, published, body = page.text, page.published_at, page.body
    except NotReadable:
        text, published, body = "", None, ""
    ms = (time.perf_counter() - start) * 1000
    return Extraction(text, published.date() if published else None, ms, body)


def extract_trafilatura(content: bytes, url: str | None) -> Extraction:
    """trafilatura.extract with its defaults; page date from htmldate (not timed)."""
    import trafilatura
    from htmldate import find_date

    html = content.decode("utf-8", errors="replace")
    start = time.perf_counter()
    text = trafilatura.extract(html, url=url) or ""
    ms = (time.perf_counter() - start) * 1000
    published = None
    try:
        found = find_date(html, url=url, original_date=True)
        if found:
            published = datetime.strptime(found, "%Y-%m-%d").date()
    except Exception:  # noqa: BLE001 - a reference tool failing is a miss, not a crash
        published = None
    return Extraction(text, published, ms)


EXTRACTORS: dict[str, Extractor] = {
    "factwatch": extract_factwatch,
    "trafilatura": extract_trafilatura,
}


# --------------------------------------------------------------------------
# Scores and report
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageScore:
    id: str
    page_type: str
    precision: float  # WCXB: word-bag; ScrapingHub: shingle precision (0 when undefined)
    recall: float
    f1: float
    shingles: ShingleMatch
    with_total: int
    with_found: int
    without_total: int
    without_leaked: int
    cookie_total: int
    cookie_leaked: int
    date_ok: bool | None  # None when the page has no publish_date
    ms: float


def score_page(gold: GoldPage, layout: str, extraction: Extraction) -> PageScore:
    """One page's scores; a ScrapingHub page against the extractor's article body where it tells one
    (the benchmark's main text is the article body, with no subtitle under the headline; WCXB's main
    content holds it on about half its pages, so there the whole text is scored)."""
    text = extraction.text if layout == WCXB or extraction.body is None else extraction.body
    sh = shingle_match(gold.text, text)
    if layout == WCXB:
        prf = word_prf(text, gold.text)
    else:
        p, r = sh.precision, sh.recall
        p = 0.0 if p is None else p
        r = 0.0 if r is None else r
        prf = PRF(p, r, 2 * p * r / (p + r) if p + r > 0 else 0.0)
    leaked = snippets_found(text, gold.without_snippets)
    cookie = [s for s in gold.without_snippets if is_cookie_snippet(s)]
    return PageScore(
        id=gold.id,
        page_type=gold.page_type,
        precision=prf.precision,
        recall=prf.recall,
        f1=prf.f1,
        shingles=sh,
        with_total=len(gold.with_snippets),
        with_found=len(snippets_found(text, gold.with_snippets)),
        without_total=len(gold.without_snippets),
        without_leaked=len(leaked),
        cookie_total=len(cookie),
        cookie_leaked=sum(1 for s in leaked if is_cookie_snippet(s)),
        date_ok=date_matches(extraction.published, gold.publish_date),
        ms=extraction.ms,
    )


def date_matches(found: date | None, gold: str | None) -> bool | None:
    """Whether the found date agrees with the gold one, to the gold's precision."""
    if not gold:
        return None
    if found is None:
        return False
    return found.isoformat()[: len(gold)] == gold[:10]


@dataclass(frozen=True, slots=True)
class Summary:
    pages: int
    precision: float
    recall: float
    f1: float
    with_found: float | None
    without_leaked: float | None
    cookie_leaked: int | None
    date_accuracy: float | None
    ms_per_page: float
    ms_median: float

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            "pages": self.pages,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "with_found": _round(self.with_found),
            "without_leaked": _round(self.without_leaked),
            "cookie_leaked": self.cookie_leaked,
            "date_accuracy": _round(self.date_accuracy),
            "ms_per_page": round(self.ms_per_page, 2),
            "ms_median": round(self.ms_median, 2),
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def summarize(scores: Sequence[PageScore], layout: str) -> Summary:
    n = len(scores)
    if n == 0:
        return Summary(0, 0.0, 0.0, 0.0, None, None, None, None, 0.0, 0.0)
    if layout == WCXB:
        p = statistics.fmean(s.precision for s in scores)
        r = statistics.fmean(s.recall for s in scores)
        f1 = statistics.fmean(s.f1 for s in scores)
    else:
        prf = scrapinghub_prf([s.shingles for s in scores])
        p, r, f1 = prf.precision, prf.recall, prf.f1
    with_pages = [s for s in scores if s.with_total]
    without_pages = [s for s in scores if s.without_total]
    with_found = statistics.fmean(s.with_found / s.with_total for s in with_pages) if with_pages else None
    without_leaked = (
        statistics.fmean(s.without_leaked / s.without_total for s in without_pages) if without_pages else None
    )
    cookie_leaked = sum(s.cookie_leaked for s in scores) if without_pages else None
    dated = [s.date_ok for s in scores if s.date_ok is not None]
    date_accuracy = sum(dated) / len(dated) if dated else None
    ms = [s.ms for s in scores]
    return Summary(
        n, p, r, f1, with_found, without_leaked, cookie_leaked, date_accuracy, statistics.fmean(ms), statistics.median(ms)
    )


@dataclass
class BoilerplateReport:
    """Scores of factwatch (and of compared extractors) on one dataset."""

    directory: Path
    layout: str
    scores: dict[str, list[PageScore]] = field(default_factory=dict)  # extractor name -> per page

    def summary(self, system: str = "factwatch", page_type: str | None = None) -> Summary:
        scores = self.scores.get(system, [])
        if page_type is not None:
            scores = [s for s in scores if s.page_type == page_type]
        return summarize(scores, self.layout)

    @property
    def page_types(self) -> list[str]:
        seen = {s.page_type for s in self.scores.get("factwatch", [])}
        return [t for t in TYPE_ORDER if t in seen] + sorted(seen - set(TYPE_ORDER))

    @property
    def metrics(self) -> dict:
        """Flat JSON-able figures: ours at top level, each compared extractor under its name."""
        out: dict = {"dataset": self.directory.name, "layout": self.layout}
        out.update(self.summary("factwatch").as_dict())
        for name in self.scores:
            if name != "factwatch":
                out[name] = self.summary(name).as_dict()
        return out

    def table(self) -> str:
        return render_table(self)


def render_table(report: BoilerplateReport) -> str:
    systems = list(report.scores)
    lines = [f"{report.directory.name} ({report.layout} layout, {len(report.scores.get('factwatch', []))} pages)"]
    header = f"{'page type':<14} {'n':>5} "
    for name in systems:
        short = name[:11]
        header += f"| {short + ' P':>13} {'R':>6} {'F1':>6} "
    lines.append(header)
    lines.append("-" * len(header))
    rows = report.page_types if report.layout == WCXB else []
    for pt in [*rows, None]:
        label = pt or "overall"
        n = len([s for s in report.scores["factwatch"] if pt is None or s.page_type == pt])
        row = f"{label:<14} {n:>5} "
        for name in systems:
            sm = report.summary(name, pt)
            row += f"| {sm.precision:>13.3f} {sm.recall:>6.3f} {sm.f1:>6.3f} "
        lines.append(row)
    lines.append("")
    extra = f"{'':<20}" + "".join(f"{name[:14]:>16}" for name in systems)
    lines.append(extra)
    fields = [
        ("with found", "with_found", "{:.3f}"),
        ("without leaked", "without_leaked", "{:.3f}"),
        ("cookie leaked", "cookie_leaked", "{}"),
        ("date accuracy", "date_accuracy", "{:.3f}"),
        ("ms/page mean", "ms_per_page", "{:.1f}"),
        ("ms/page median", "ms_median", "{:.1f}"),
    ]
    for label, key, fmt in fields:
        row = f"{label:<20}"
        for name in systems:
            value = report.summary(name).as_dict()[key]
            row += f"{'-' if value is None else fmt.format(value):>16}"
        lines.append(row)
    return "\n".join(lines)


def iter_pages(pages: Sequence[GoldPage], limit: int | None, ids: Sequence[str] | None) -> Iterator[GoldPage]:
    chosen = pages
    if ids is not None:
        wanted = set(ids)
        chosen = [p for p in pages if p.id in wanted]
    if limit is not None:
        chosen = chosen[:limit]
    yield from chosen


def run_boilerplate_eval(
    directory: Path,
    compare: Sequence[str] = (),
    limit: int | None = None,
    ids: Sequence[str] | None = None,
) -> BoilerplateReport:
    """Run factwatch's clean stage (and the compared extractors) over a dataset directory."""
    directory = Path(directory)
    layout, pages = read_dataset(directory)
    unknown = [name for name in compare if name not in EXTRACTORS or name == "factwatch"]
    if unknown:
        raise ValueError(f"unknown extractor(s) to compare: {', '.join(unknown)} (known: trafilatura)")
    systems = ["factwatch", *dict.fromkeys(compare)]
    report = BoilerplateReport(directory, layout, {name: [] for name in systems})
    for gold in iter_pages(pages, limit, ids):
        content = gold.read_html()
        for name in systems:
            extraction = EXTRACTORS[name](content, gold.url)
            report.scores[name].append(score_page(gold, layout, extraction))
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evaluation.boilerplate_eval", description=__doc__.split("\n")[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--compare", action="append", default=[], help="extractor to run side by side (trafilatura)")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--ids", default=None, help="comma-separated page ids")
    parser.add_argument("--pages-out", type=Path, default=None, help="write per-page scores as JSON lines")
    args = parser.parse_args(argv)
    ids = args.ids.split(",") if args.ids else None
    try:
        report = run_boilerplate_eval(args.directory, args.compare, args.limit, ids)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.pages_out:
        with args.pages_out.open("w", encoding="utf-8") as out:
            for name, scores in report.scores.items():
                for s in scores:
                    out.write(
                        json.dumps(
                            {
                                "system": name,
                                "id": s.id,
                                "type": s.page_type,
                                "p": round(s.precision, 4),
                                "r": round(s.recall, 4),
                                "f1": round(s.f1, 4),
                                "without_leaked": s.without_leaked,
                                "cookie_leaked": s.cookie_leaked,
                                "date_ok": s.date_ok,
                                "ms": round(s.ms, 1),
                            }
                        )
                        + "\n"
                    )
    print(report.table())
    print(json.dumps(report.metrics))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
