"""Off-main statements: dated statements made from text that is not the page's
main content, measured label-free on WCXB pages.

WCXB's ground truth (``ground-truth/<id>.json``, ``ground_truth.main_content``)
says, for every page, which text a reader calls the page's main content. The
cleaner keeps more than that on many non-article pages (teasers under the
headlines of other articles, link previews, course cards, a promo box), and
dates there make statements no reader would sign. This command runs the
pipeline's reading (``extractors.document.process_documents``, pure, no
Prefect) over the pages and counts:

* **off-main share**: dated statements whose sentence is not contained in the
  page's main content (both sides normalised: NFKC, case-folded, every run of
  non-word characters one space) over all statements, per page type;
* **lost-main share**: main-content dated sentences (a line of the main
  content split at sentence ends, four words or more, with a date the
  temporal tagger finds against the page's anchor day) that no statement's
  sentence overlaps (one contains the other, normalised) over all of them.

The reading runs with the product's ``access-date`` rule off
(``extractors.rule_switches``; ``extractors.citation_lines.is_access_date``:
"Accessed 4 Nov 2025" in a reference list): for every statement the records
say whether that rule, and a candidate tried and not kept (``teaser_blocks``: a
run of cards, short texts under headings of one rank, at a grid of settings),
would hold it back, so every candidate is scored from one reading.
``--folds site`` chooses the candidate on the other sites' pages (folds by
host, pages of one site never straddle folds; no candidate when none gains)
and scores it on the held-out site: the cross-validated figure beside the
in-sample one.

``python -m evaluation.offmain_eval DIR [--exclude FILE] [--n N] [--folds site]``;
``--exclude`` names a file of page ids to leave out (one or more per line),
``--n`` reads a fixed sample of N pages (ordered by sha1 of the id), the last
line is one JSON object.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evaluation.boilerplate_eval import GoldPage, read_wcxb
from evaluation.sites import site_of
from evaluation.statements_eval import DEFAULT_FETCHED_AT as FETCHED_AT  # as the statements benchmark: reproducible anchors
from extractors.types import BlockRole, TextBlock

_NON_WORD = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])")
MIN_WORDS = 4


def norm(text: str) -> str:
    """NFKC, case-folded, every run of non-word characters one space."""
    return " ".join(_NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).split())


def main_sentences(main: str) -> list[str]:
    """The main content's sentences: its lines split at sentence ends, normalised, four words or more."""
    out = []
    for line in main.splitlines():
        for s in _SENTENCE_END.split(line.strip()):
            n = norm(s)
            if len(n.split()) >= MIN_WORDS:
                out.append(n)
    return out


def dated_main_sentences(main: str, anchor) -> list[str]:
    from extractors.timex import date_mentions

    return [s for s in main_sentences(main) if date_mentions(s, anchor)]


def overlaps(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


# ------------------------------------------------------------------ records


@dataclass
class StatementRecord:
    sentence: str  # normalised
    in_main: bool
    role: str | None
    held: dict[str, bool]  # setting name -> the rule would hold this statement's block back


@dataclass
class PageRecord:
    page_id: str
    site: str
    page_type: str
    statements: list[StatementRecord] = field(default_factory=list)
    main_dated: list[str] = field(default_factory=list)  # normalised main-content dated sentences


# A candidate tried and not kept (see README, "measured and not kept"): a run
# of cards, sections of at most ``max_words`` words under headings of one
# rank, at least ``min_repeats`` in a row (teasers under the headlines of other
# articles, course cards). Scored here at a grid of settings.
TEASER_GRID = [(w, r) for w in (20, 30, 45, 60) for r in (2, 3, 4, 6)]
# The rule the product applies (extractors.citation_lines.is_access_date).
PRODUCT_RULE = "access-date"


def teaser_blocks(text: str, blocks: Sequence[TextBlock], max_words: int, min_repeats: int) -> frozenset[int]:
    """The starts of the blocks that are the texts of a run of cards."""
    from extractors.block_roles import heading_rank

    sections: list[tuple[int, list[TextBlock]]] = []  # (heading rank, blocks under it)
    for block in blocks:
        if block.role is BlockRole.HEADING:
            sections.append((heading_rank(block), []))
        elif sections:
            sections[-1][1].append(block)
    out: set[int] = set()
    run: list[list[TextBlock]] = []
    rank: int | None = None
    for r, body in [*sections, (-1, [])]:
        words = sum(len(text[b.char_start : b.char_end].split()) for b in body)
        card = bool(body) and words <= max_words
        if card and r == rank:
            run.append(body)
            continue
        if len(run) >= min_repeats:
            out.update(b.char_start for body_ in run for b in body_)
        run, rank = ([body], r) if card else ([], None)
    return frozenset(out)


def settings() -> list[str]:
    """The candidates scored: the product's rule and the teaser grid."""
    return [PRODUCT_RULE, *(f"teaser-w{w}r{r}" for w, r in TEASER_GRID)]


def read_records(pages: Sequence[GoldPage], models=None) -> list[PageRecord]:
    """Run the reading with the product's access-date rule off; record every statement and
    whether each setting of the rule would hold it back."""
    from extractors.block_roles import block_at
    from extractors.citation_lines import is_access_date
    from extractors.document import DocumentInput, ProcessedDocument, process_documents
    from extractors.nlp import load_models
    from extractors.rule_switches import rules_off
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    by_id = {p.id: p for p in pages}
    records: list[PageRecord] = []
    for start in range(0, len(pages), 16):
        chunk = pages[start : start + 16]
        inputs = []
        for p in chunk:
            content = p.read_html()
            inputs.append(DocumentInput(
                source_id=p.id, snapshot_sha256=hashlib.sha256(content).hexdigest(), content=content,
                url=p.url or f"file:///{p.id}", fetched_at=FETCHED_AT, content_type="text/html"))
        with rules_off([PRODUCT_RULE]):
            results = list(process_documents(inputs, models))
        for res in results:
            gold = by_id[res.source_id]
            rec = PageRecord(res.source_id, site_of(gold.url, gold.id), gold.page_type)
            records.append(rec)
            main_n = norm(gold.text)
            if not isinstance(res, ProcessedDocument):
                continue
            rec.main_dated = dated_main_sentences(gold.text, res.anchor)
            page = res.page
            cards = {f"teaser-w{w}r{r}": teaser_blocks(page.text, page.blocks, w, r) for w, r in TEASER_GRID}
            for st in res.statements:
                block = block_at(page.blocks, st.date.char_start)
                s = norm(st.sentence)
                rec.statements.append(StatementRecord(
                    s, bool(s) and s in main_n, block.role.value if block is not None else None,
                    {PRODUCT_RULE: is_access_date(page.text, st.date.char_start),
                     **{name: block is not None and block.char_start in starts for name, starts in cards.items()}}))
    return records


# ------------------------------------------------------------------ scoring


@dataclass
class Score:
    statements: int = 0
    off_main: int = 0
    main_dated: int = 0
    lost_main: int = 0
    held_off: int = 0  # statements the rule held back that were off main
    held_main: int = 0  # ... that were main content

    def add(self, other: Score) -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def as_dict(self) -> dict:
        d = dict(vars(self))
        d["off_main_share"] = round(self.off_main / self.statements, 3) if self.statements else None
        d["lost_main_share"] = round(self.lost_main / self.main_dated, 3) if self.main_dated else None
        return d


def score_page(rec: PageRecord, setting: str | None) -> Score:
    """The page's counts with the rule at ``setting`` (None: rule off)."""
    kept = [s for s in rec.statements if setting is None or not s.held[setting]]
    dropped = [s for s in rec.statements if setting is not None and s.held[setting]]
    sc = Score(len(kept), sum(not s.in_main for s in kept), len(rec.main_dated))
    sc.lost_main = sum(not any(overlaps(m, s.sentence) for s in kept) for m in rec.main_dated)
    sc.held_off = sum(not s.in_main for s in dropped)
    sc.held_main = len(dropped) - sc.held_off
    return sc


def score(records: Iterable[PageRecord], setting: str | None) -> dict[str, Score]:
    """Counts per page type and overall ("all")."""
    out: dict[str, Score] = defaultdict(Score)
    for rec in records:
        sc = score_page(rec, setting)
        out[rec.page_type].add(sc)
        out["all"].add(sc)
    return dict(out)


def page_gain(rec: PageRecord, name: str) -> float:
    """The objective's share of one page at a setting: off-main statements held
    back minus twice the main ones (a main statement lost costs twice an
    off-main one removed)."""
    held = [s for s in rec.statements if s.held[name]]
    return sum(not s.in_main for s in held) - 2 * sum(s.in_main for s in held)


def choose(records: Sequence[PageRecord], names: Sequence[str]) -> str | None:
    """The setting with the best objective on these pages; None (rule off) unless one gains."""
    return _best(_gains(records, names))


def _gains(records: Iterable[PageRecord], names: Sequence[str]) -> dict[str, float]:
    """Each setting's objective summed over these pages."""
    records = list(records)
    return {name: sum(page_gain(r, name) for r in records) for name in names}


def _best(totals: dict[str, float]) -> str | None:
    best, best_value = None, 0.0
    for name, value in totals.items():
        if value > best_value:
            best, best_value = name, value
    return best


def cross_validate(
    records: Sequence[PageRecord], names: Sequence[str] | None = None
) -> tuple[dict[str, Score], dict[str, int]]:
    """Folds by site: each site scored at the setting chosen on all other sites."""
    names = names if names is not None else settings()
    sites = sorted({r.site for r in records})
    out: dict[str, Score] = defaultdict(Score)
    chosen: dict[str, int] = defaultdict(int)
    by_site: dict[str, list[PageRecord]] = defaultdict(list)
    for r in records:
        by_site[r.site].append(r)
    gains = {site: _gains(by_site[site], names) for site in sites}
    totals = {n: sum(g[n] for g in gains.values()) for n in names}
    for site in sites:
        setting = _best({n: totals[n] - gains[site][n] for n in names})
        chosen[str(setting)] += 1
        for t, sc in score(by_site[site], setting).items():
            out[t].add(sc)
    return dict(out), dict(chosen)


# ------------------------------------------------------------------ CLI


def load_ids(path: Path) -> set[str]:
    return set(re.findall(r"\b\d{4}\b", path.read_text(encoding="utf-8")))


def sample(pages: Sequence[GoldPage], n: int | None) -> list[GoldPage]:
    ordered = sorted(pages, key=lambda p: hashlib.sha1(("offmain" + p.id).encode()).hexdigest())
    return list(ordered if n is None else ordered[:n])


def table(title: str, rows: dict[str, Score]) -> str:
    lines = [title, f"{'type':<14}{'stmts':>7}{'off':>6}{'off%':>7}{'mainD':>7}{'lost':>6}{'lost%':>7}"
                    f"{'heldOff':>9}{'heldMain':>9}"]
    for t in sorted(rows, key=lambda k: (k == "all", k)):
        d = rows[t].as_dict()
        lines.append(f"{t:<14}{d['statements']:>7}{d['off_main']:>6}{d['off_main_share'] or 0:>7.3f}"
                     f"{d['main_dated']:>7}{d['lost_main']:>6}{d['lost_main_share'] or 0:>7.3f}"
                     f"{d['held_off']:>9}{d['held_main']:>9}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m evaluation.offmain_eval", description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path, help="a WCXB directory (html/, ground-truth/)")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="file of page ids to leave out")
    ap.add_argument("--n", type=int, default=None, help="read a fixed sample of N pages")
    ap.add_argument("--folds", choices=["site"], default=None, help="choose the rule's setting by site folds")
    ap.add_argument("--records", type=Path, default=None, help="save (or, if present, load) the readings as JSON")
    args = ap.parse_args(argv)

    excluded: set[str] = set()
    for path in args.exclude:
        excluded |= load_ids(path)
    if args.records is not None and args.records.is_file():
        raw = json.loads(args.records.read_text(encoding="utf-8"))
        records = [PageRecord(r["page_id"], r["site"], r["page_type"],
                              [StatementRecord(**s) for s in r["statements"]], r["main_dated"]) for r in raw]
        records = [r for r in records if r.page_id not in excluded]
    else:
        pages = sample([p for p in read_wcxb(args.directory) if p.id not in excluded], args.n)
        records = read_records(pages)
        if args.records is not None:
            args.records.write_text(json.dumps([
                {"page_id": r.page_id, "site": r.site, "page_type": r.page_type, "main_dated": r.main_dated,
                 "statements": [vars(s) for s in r.statements]} for r in records]), encoding="utf-8")

    report: dict = {"pages": len(records), "sites": len({r.site for r in records})}
    off = score(records, None)
    prod = score(records, PRODUCT_RULE)
    print(table("rule off", off))
    print(table(f"rule on ({PRODUCT_RULE}, the product's)", prod))
    report["rule_off"] = off["all"].as_dict() if "all" in off else {}
    report["product"] = prod["all"].as_dict() if "all" in prod else {}
    report["product_by_type"] = {t: s.as_dict() for t, s in prod.items() if t != "all"}
    if args.folds == "site":
        names = settings()
        in_sample = choose(records, names)
        ins = score(records, in_sample)
        cv, chosen = cross_validate(records)
        print(table(f"in-sample best setting ({in_sample})", ins))
        print(table("cross-validated by site", cv))
        print("settings chosen across folds:", chosen)
        report["in_sample_setting"] = in_sample
        report["in_sample"] = ins["all"].as_dict() if "all" in ins else {}
        report["cv"] = cv["all"].as_dict() if "all" in cv else {}
        report["cv_by_type"] = {t: s.as_dict() for t, s in cv.items() if t != "all"}
        report["cv_settings"] = chosen
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
