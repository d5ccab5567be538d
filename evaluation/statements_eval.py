"""Dated-statement benchmark: factwatch's reading pipeline against hand-made labels.

Two kinds of labelled sets are read:

* a **label dir** (``evaluation/labels/statements/wcxb-dev``): one YAML file
  per page in the format of ``evaluation/labels/statements/README.md``
  (page id, page type, site, doc_date, ``statements`` with key = the
  sentence's first five words, date, precision, role, trigger,
  participants; ``not_statements`` with the traps). The pages themselves
  are pages of a boilerplate benchmark (``evaluation.benchmark_pages``: WCXB,
  ``html/<id>.html.gz`` and ``ground-truth/<id>.json`` for the URL; or
  ScrapingHub's articles, one ``ground-truth.json``): the set's own, named by
  ``[pages] benchmark`` in its ``scoring.toml`` (``pages_of``), else the WCXB
  dev pages (``../shared/eval/boilerplate/wcxb-dev`` beside the repo, or under
  ``$FACTWATCH_SHARED``); ``--pages`` points elsewhere;
* a **facts subject** (``../shared/eval/facts/<subject>``: ``pages/*.txt``
  with a URL/PUBLISHED/--- header and ``gold.yaml``). Its ``evidence`` (the
  sentence's first ten words) is the key, ``entities`` the participants; it
  has no triggers. A page is read as a text page whose first line states
  its publication date when the header gives one (the " date YYYY-MM-DD"
  marker some pages open with was added when they were stored: dropped).

The pipeline runs purely (``extractors.document.process_documents``, no
Prefect) over every page. A system statement *matches* a gold statement
when the sentence matches the key (the normalised sentence starts with, or
contains, the normalised key; a sentence cut inside the key matches when
the key starts with it) and the dates agree (same calendar period, or same
TIMEX3 value; a gold date of null, "unresolvable", agrees with any date).
Gold statements are matched one to one, in page order.

Metrics (counts summed over pages, then divided):

* precision = matched system statements / system statements (a statement on
  a ``not_statements`` key, on no key, with a wrong date, or a second one
  for a gold statement already matched counts against it);
* recall = matched gold statements / gold statements;
* date accuracy = gold statements matched with the right date / gold
  statements whose sentence some system statement found (dated gold only);
* precision-label accuracy, trigger accuracy (lemma, lower case), over
  matched pairs whose gold has the field;
* participant P/R/F1 over matched pairs, micro (a facts subject's gold
  names participants the sentence names by a pronoun or a description, "it",
  "the agency", so they are scored with the resolved ones; a label dir's gold
  names them as written, so they are scored without): names compare by the name
  the product publishes for them (facts/data/aliases.toml: "U.S." is
  "United States", as the facts subjects' gold writes it), case-folded,
  without determiners, possessives and punctuation; a name matches when it
  equals the other or is a whole-word part of it ("Goddard" / "NASA Goddard
  Space Flight Center" does not count twice).

Rows per page type (facts subjects count as their subject's name) and
overall; the last line of the CLI output is one JSON object.
"""

from __future__ import annotations

import os
import re
import tomllib
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from evaluation.benchmark_pages import benchmark_page, html_path, read_html
from evaluation.facts_eval import page_content, read_page
from evaluation.gold_dates import gold_period
from evaluation.sites import site_of
from extractors.entity_rules import PLACE_LABELS

if TYPE_CHECKING:
    from evaluation.label_agreement import LabelledStatement
    from extractors.events import DatedStatement

REPO = Path(__file__).resolve().parents[1]
# the public eval data: ../shared beside the repository, or the folder FACTWATCH_SHARED names (a checkout elsewhere)
SHARED = Path(os.environ.get("FACTWATCH_SHARED") or REPO / ".." / "shared")
DEFAULT_PAGES = SHARED / "eval" / "boilerplate" / "wcxb-dev"
# When a page shows no date, relative expressions resolve against the fetch
# date; WCXB pages were captured in early 2026, the facts pages at their own
# dates. Fixed so that runs are reproducible.
DEFAULT_FETCHED_AT = datetime(2026, 3, 15, tzinfo=UTC)


# ---------------------------------------------------------------- gold model


@dataclass(frozen=True, slots=True)
class GoldStatement:
    key: str
    expr: str
    date: str | None
    date_end: str | None = None
    precision: str | None = None
    role: str = "point"
    trigger: str | None = None
    participants: tuple[str, ...] = ()
    planned: bool | None = None


@dataclass(frozen=True, slots=True)
class GoldTrap:
    key: str
    expr: str
    why: str


@dataclass(frozen=True, slots=True)
class GoldPage:
    page_id: str
    page_type: str
    site: str
    url: str
    doc_date: str | None
    statements: tuple[GoldStatement, ...]
    not_statements: tuple[GoldTrap, ...] = ()
    doc_date_basis: str | None = None  # byline | dateline | url | metadata | none (a label dir's)
    content: bytes = b""
    content_type: str = "text/html"
    fetched_at: datetime = DEFAULT_FETCHED_AT
    # the gold names participants the sentence names by a pronoun or a description
    # ("it", "the agency"), as the facts subjects do; the label dirs name them as written
    resolved_participants: bool = False
    # the set's convention on places (its folder's SCORING_FILE): False where venues and places a
    # happening is held at are not participants, so a place the system names is not scored
    places_participate: bool = True
    # the pages read as one run (a facts subject's name): the run's reasoning across its pages
    # (facts.source_years) dates what one page alone cannot; None: each page alone (the WCXB sets)
    run: str | None = None


# a label dir's scoring settings: the conventions its README declares that the scorer must follow
SCORING_FILE = "scoring.toml"


def _scoring(directory: Path) -> dict:
    path = Path(directory) / SCORING_FILE
    if not path.is_file():
        return {}
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LabelError(f"{path}: not TOML: {exc}") from None


def places_participate(directory: Path) -> bool:
    """Whether a label dir counts places and venues as participants: ``[participants] places``
    in its ``scoring.toml`` (true when the file or the setting is absent)."""
    value = _scoring(directory).get("participants", {}).get("places", True)
    if not isinstance(value, bool):
        raise LabelError(f"{Path(directory) / SCORING_FILE}: [participants] places must be true or false, not {value!r}")
    return value


def pages_of(directory: Path) -> Path:
    """The benchmark pages a label dir refers to: ``[pages] benchmark`` in its ``scoring.toml``
    names a folder of ``../shared/eval/boilerplate`` ("scrapinghub"); the WCXB dev pages without it."""
    name = _scoring(directory).get("pages", {}).get("benchmark")
    if name is None:
        return DEFAULT_PAGES
    if not isinstance(name, str) or not re.fullmatch(r"[\w.-]+", name):
        raise LabelError(f"{Path(directory) / SCORING_FILE}: [pages] benchmark must be a folder name, not {name!r}")
    return DEFAULT_PAGES.parent / name


class LabelError(ValueError):
    """A label file that does not follow the format (names the file and the cause)."""


def _s(v) -> str | None:
    return None if v is None else str(v)


def load_label_dir(directory: Path, pages_dir: Path | None = None,
                   fetched_at: datetime = DEFAULT_FETCHED_AT) -> list[GoldPage]:
    """Pages of a label dir (one YAML per page), with their HTML from ``pages_dir`` (default: the
    set's own benchmark pages, ``pages_of``)."""
    out = []
    places = places_participate(directory)
    pages_dir = Path(pages_dir) if pages_dir is not None else pages_of(directory)
    for path in sorted(Path(directory).glob("*.yaml")):
        try:
            raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise LabelError(f"{path}: not YAML: {exc}") from None
        if not isinstance(raw, dict) or "page" not in raw:
            raise LabelError(f"{path}: no 'page' field")
        pid = str(raw["page"]).zfill(4)
        if not html_path(pages_dir, pid).is_file():
            raise LabelError(f"{path}: page {pid} not found at {html_path(pages_dir, pid)} (use --pages)")
        record = benchmark_page(pages_dir, pid)
        url = record.url if record is not None else ""
        sts = []
        for i, st in enumerate(raw.get("statements") or []):
            if not isinstance(st, dict) or not st.get("key"):
                raise LabelError(f"{path}: statement {i} has no key")
            sts.append(GoldStatement(
                key=str(st["key"]), expr=str(st.get("expr") or ""), date=_s(st.get("date")),
                date_end=_s(st.get("date_end")), precision=st.get("precision"), role=st.get("role") or "point",
                trigger=(str(st["trigger"]).lower() if st.get("trigger") else None),
                participants=tuple(str(p) for p in (st.get("participants") or [])),
                planned=st.get("planned"),
            ))
        traps = [GoldTrap(str(t.get("key", "")), str(t.get("expr") or ""), str(t.get("why") or "other"))
                 for t in (raw.get("not_statements") or []) if isinstance(t, dict)]
        out.append(GoldPage(
            page_id=pid, page_type=str(raw.get("page_type") or "unknown"),
            site=site_of(str(raw.get("site") or url)), url=url,
            doc_date=_s(raw.get("doc_date")), statements=tuple(sts), not_statements=tuple(traps),
            doc_date_basis=_s(raw.get("doc_date_basis")),
            content=read_html(pages_dir, pid), content_type="text/html", fetched_at=fetched_at,
            places_participate=places,
        ))
    return out


_STORAGE_MARKER = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")


def _read_facts_page(path: Path) -> tuple[str, bytes]:
    """(url, content) of a facts page file; the leading " date YYYY-MM-DD"
    marker was added when the page was stored and is not page text."""
    page = read_page(path)
    return page.url, page_content(replace(page, text=_STORAGE_MARKER.sub("", page.text)))


def load_facts_subject(directory: Path, fetched_at: datetime = DEFAULT_FETCHED_AT) -> list[GoldPage]:
    """Pages of a facts subject folder (pages/*.txt + gold.yaml)."""
    directory = Path(directory)
    gold = yaml.safe_load((directory / "gold.yaml").read_text(encoding="utf-8"))
    docs = {d["file"]: d for d in gold.get("documents") or []}
    by_file: dict[str, list[GoldStatement]] = defaultdict(list)
    for ev in gold.get("events") or []:
        by_file[ev["file"]].append(GoldStatement(
            key=str(ev["evidence"]), expr=str(ev.get("expr") or ""), date=_s(ev.get("date")),
            date_end=_s(ev.get("date_end")), precision=ev.get("precision"), role=ev.get("role") or "point",
            trigger=None, participants=tuple(str(p) for p in (ev.get("entities") or [])),
            planned="planned" in str(ev.get("note") or ""),
        ))
    out = []
    for path in sorted((directory / "pages").glob("*.txt")):
        url, content = _read_facts_page(path)
        doc = docs.get(path.name, {})
        out.append(GoldPage(
            page_id=path.stem, page_type=directory.name, site=site_of(url, path.stem), url=url,
            doc_date=_s(doc.get("doc_date")), statements=tuple(by_file.get(path.name, ())),
            content=content, content_type="text/plain", fetched_at=fetched_at, resolved_participants=True,
            run=directory.name,
        ))
    return out


def load_gold(directory: Path, pages_dir: Path | None = None) -> list[GoldPage]:
    """Either kind of labelled set, by its layout; a folder of facts subjects reads them all."""
    directory = Path(directory)
    if (directory / "gold.yaml").is_file():
        return load_facts_subject(directory)
    subjects = sorted(p for p in directory.iterdir() if (p / "gold.yaml").is_file()) if directory.is_dir() else []
    if subjects:
        return [g for s in subjects for g in load_facts_subject(s)]
    if directory.is_dir() and any(directory.glob("*.yaml")):
        return load_label_dir(directory, pages_dir)
    raise LabelError(f"{directory}: neither a label dir (*.yaml) nor a facts subject (gold.yaml + pages/)")


def load_gold_sets(directories: Iterable[Path], pages_dir: Path | None = None) -> list[GoldPage]:
    """The pages of several labelled sets (``load_gold``), one page id once."""
    pages = [p for d in directories for p in load_gold(Path(d), pages_dir)]
    if len({p.page_id for p in pages}) != len(pages):
        raise LabelError("two labelled pages share one page id")
    return pages


# ---------------------------------------------------------------- matching

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "‐": "-", "‑": "-",
                         "\u00a0": " ", "\u00ad": None})  # soft hyphens are invisible


def norm_text(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = re.sub(r"^[\s•·*\-–#>]+", "", s)
    s = re.sub(r"\s+([,;:.!?)])", r"\1", s)  # "436-44 , 2015" as written in the HTML = "436-44, 2015"
    return " ".join(s.split()).casefold()


def key_matches(key: str, sentence: str) -> bool:
    k, s = norm_text(key), norm_text(sentence)
    if not k or not s:
        return False
    if s.startswith(k) or k in s:
        return True
    # the sentence splitter cut inside the key's words
    return len(s) >= 12 and k.startswith(s)


def same_trigger(system: str | None, gold: str | None) -> bool:
    """Does the system's trigger name the gold one? The same lemma, or the
    same verb with and without its particle ("come out" / "come", "kick off"
    / "kick"): readers of the sets differed on phrasal verbs (labels README),
    so a particle is neither required nor forbidden."""
    if not system or not gold:
        return False
    if system == gold:
        return True
    a, b = system.split(), gold.split()
    return a[0] == b[0] and sorted((len(a), len(b))) == [1, 2]


def date_agrees(gold: GoldStatement, st) -> bool:
    """Does a system statement's date say what the gold date says?"""
    if gold.date is None:
        return True
    d = st.date
    sys_value = (d.value or "").split("/")
    gp = gold_period(gold.date)
    if gold.role == "range" and gold.date_end:
        ge = gold_period(gold.date_end)
        if gp and ge and (d.date_start, d.date_end) == (gp[0], ge[1]):
            return True
        return len(sys_value) == 2 and sys_value == [gold.date, gold.date_end]
    if gp and (d.date_start, d.date_end) == gp:
        return True
    if sys_value and sys_value[0] == gold.date:
        return True
    # a since/until/range statement read as its start (the label notation)
    return bool(gp and d.role != "point" and d.date_start == gp[0] and gold.role == d.role)


_DET = re.compile(r"^(?:the|a|an)\s+", re.I)


def norm_name(name: str) -> str:
    s = unicodedata.normalize("NFKC", name).translate(_QUOTES)
    s = re.sub(r"['’]s$", "", s.strip())
    s = _DET.sub("", s)
    s = re.sub(r"[^\w&+ ]+", " ", s)
    return " ".join(s.split()).casefold()


@lru_cache(maxsize=1)
def _alias_canonicals() -> dict[str, str]:
    from facts.entities import builtin_aliases, fold

    return {fold(alias): entry.canonical for entry in builtin_aliases() for alias in entry.aliases}


def canonical_name(name: str) -> str:
    """The name the product publishes for a spelling (the built-in alias
    table: "U.S." -> "United States"); other names as written."""
    from facts.entities import fold

    return _alias_canonicals().get(fold(name), name)


def names_match(a: str, b: str) -> bool:
    x, y = norm_name(canonical_name(a)), norm_name(canonical_name(b))
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if _spells(a, b) or _spells(b, a):
        return True
    return (len(short) >= 3 and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long_) is not None) \
        or _within(short, long_) or _same_words(x, y)


# words a name's word order moves about ("Court of Chancery", "Chancery Court")
_NAME_FUNCTION_WORDS = frozenset("of the and for on in".split())


def _same_words(x: str, y: str) -> bool:
    """Two spellings of one name (normalised), two or more words besides function
    words: in another order only when a function word moves them ("Delaware
    Chancery Court", "Delaware Court of Chancery"; not "Hans Peter", "Peter Hans");
    with or without a plural "s" on the last word, or on any word when both have
    the same function words ("Securities and Exchanges Commission"; not "Marks and
    Spencer", "Mark Spencer"); one word after an identical first word at most
    spelled with two neighbouring letters swapped ("Parag Agarwal", "Parag
    Agrawal"; not "Brian Smith", "Brain Smith")."""
    fx, fy = [w for w in x.split() if w in _NAME_FUNCTION_WORDS], [w for w in y.split() if w in _NAME_FUNCTION_WORDS]
    every_plural = sorted(fx) == sorted(fy)

    def words(n: str) -> list[str]:
        ws = [w for w in n.split() if w not in _NAME_FUNCTION_WORDS]
        ws = [w.removesuffix("s") if every_plural or i == len(ws) - 1 else w for i, w in enumerate(ws)]
        return sorted(ws) if fx or fy else ws

    a, b = words(x), words(y)
    if len(a) < 2 or len(a) != len(b):
        return False
    if a == b:
        return True
    if x.split()[0] != y.split()[0]:
        return False
    rest_a, rest_b = [w for w in a if w not in b], [w for w in b if w not in a]
    return len(rest_a) == len(rest_b) == 1 and _swapped(rest_a[0], rest_b[0])


def _swapped(a: str, b: str) -> bool:
    """One word of five letters or more spelled with two neighbouring letters swapped."""
    if len(a) != len(b) or len(a) < 5:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _within(short: str, long_: str) -> bool:
    """The shorter name's words, two or more, stand in the longer in order, first
    and last word alike ("Paris Agreement", "Paris climate change agreement")."""
    sw, lw = short.split(), long_.split()
    if len(sw) < 2 or sw[0] != lw[0] or sw[-1] != lw[-1]:
        return False
    it = iter(lw)
    return all(w in it for w in sw)


def _spells(acronym: str, name: str) -> bool:
    """An acronym and the name whose initials it spells name one entity ("JWST",
    "James Webb Space Telescope"; "BLS", "Bureau of Labor Statistics")."""
    from extractors.acronyms import spells

    return spells(acronym, canonical_name(name))


Places = tuple[tuple[int, str], ...]  # (where, key) of a page's mentions of a place


def system_participants(page: GoldPage, st: DatedStatement | LabelledStatement, places: Places = (),
                        gold: Sequence[str] = ()) -> tuple[str, ...]:
    """A statement's participants as the page's gold names them: with those
    resolved from a pronoun or a description, or as written; where the page's
    set does not count venues as participants, without those its sentence names
    as a place (``places``: the page's place mentions) that match none of the
    statement's ``gold`` participants (a place the gold lists, a country that
    signs, is scored). The labels count the named reporter of the happening
    among its participants ("Tipton said it should open by 2027" -> Tipton:
    README of the labels); factwatch keeps it apart (``reporters``), and it
    is scored here after the participants."""
    names = tuple(st.participants) if page.resolved_participants else tuple(st.written_participants())
    names += tuple(k for k in st.reporters if k not in names)
    if page.places_participate:
        return names
    here = {k for pos, k in places if st.char_start <= pos < st.char_end}
    return tuple(n for n in names if n not in here or any(names_match(n, g) for g in gold))


def place_names(mentions: Sequence) -> Places:
    """Where and under what key a page's mentions name a place (PLACE_LABELS)."""
    return tuple((m.char_start, m.key) for m in mentions if m.label in PLACE_LABELS)


def participant_counts(gold: Sequence[str], system: Sequence[str]) -> tuple[int, int, int]:
    """(true positives, system count, gold count); each name matched at most once."""
    used: set[int] = set()
    tp = 0
    for s in system:
        for j, g in enumerate(gold):
            if j not in used and names_match(s, g):
                used.add(j)
                tp += 1
                break
    return tp, len(system), len(gold)


# ---------------------------------------------------------------- scoring


@dataclass(slots=True)
class Counts:
    pages: int = 0
    system: int = 0
    gold: int = 0
    matched: int = 0  # matched pairs (key + date)
    gold_found: int = 0  # dated gold whose sentence a system statement found
    gold_found_date_ok: int = 0
    precision_n: int = 0
    precision_ok: int = 0
    trigger_n: int = 0
    trigger_ok: int = 0
    part_tp: int = 0
    part_sys: int = 0
    part_gold: int = 0
    # participants scored with places kept, whatever the set's convention (the one-convention figure)
    part_tp_all: int = 0
    part_sys_all: int = 0
    on_traps: int = 0
    on_no_key: int = 0
    wrong_date: int = 0
    duplicates: int = 0

    def add(self, o: Counts) -> None:
        for f in self.__slots__:
            setattr(self, f, getattr(self, f) + getattr(o, f))

    def metrics(self) -> dict[str, float | int | None]:
        def r(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None

        p, rc = r(self.matched, self.system), r(self.matched, self.gold)
        pp, pr = r(self.part_tp, self.part_sys), r(self.part_tp, self.part_gold)
        pf = round(2 * pp * pr / (pp + pr), 4) if pp and pr else (0.0 if pp is not None and pr is not None else None)
        ap, ar = r(self.part_tp_all, self.part_sys_all), r(self.part_tp_all, self.part_gold)
        af = round(2 * ap * ar / (ap + ar), 4) if ap and ar else (0.0 if ap is not None and ar is not None else None)
        return {
            "pages": self.pages, "system": self.system, "gold": self.gold, "matched": self.matched,
            "precision": p, "recall": rc,
            "f1": round(2 * p * rc / (p + rc), 4) if p and rc else (0.0 if p is not None and rc is not None else None),
            "date_accuracy": r(self.gold_found_date_ok, self.gold_found),
            "precision_label_accuracy": r(self.precision_ok, self.precision_n),
            "trigger_accuracy": r(self.trigger_ok, self.trigger_n),
            "participant_precision": pp, "participant_recall": pr, "participant_f1": pf,
            "participant_f1_places_kept": af,
            "fp_on_traps": self.on_traps, "fp_on_no_key": self.on_no_key, "fp_wrong_date": self.wrong_date,
            "fp_duplicate": self.duplicates,
        }


@dataclass(slots=True)
class Judged:
    """One system statement with its verdict (for calibration and error listings)."""

    page_id: str
    site: str
    page_type: str
    statement: object  # extractors.events.DatedStatement
    correct: bool
    verdict: str  # match | trap:<why> | no-key | wrong-date | duplicate
    gold: GoldStatement | None = None
    participants: tuple[str, ...] = ()  # the system's participants as scored against the gold (a match)


def score_page(page: GoldPage, statements: Sequence, places: Places = ()) -> tuple[Counts, list[Judged]]:
    """Counts and verdicts of a page's statements; ``places``: the page's place
    names, left out of the participants where the page's set does not count places."""
    c = Counts(pages=1, system=len(statements), gold=len(page.statements))
    used_sys: set[int] = set()
    key_of_sys = [[j for j, g in enumerate(page.statements) if key_matches(g.key, st.sentence)] for st in statements]
    pair: dict[int, int] = {}
    for j, g in enumerate(page.statements):
        cands = [i for i, ks in enumerate(key_of_sys) if j in ks and i not in used_sys]
        if not cands:
            continue
        if g.date is not None:
            c.gold_found += 1
        good = [i for i in cands if date_agrees(g, statements[i])]
        if not good:
            continue
        if g.date is not None:
            c.gold_found_date_ok += 1
        # among the right-dated candidates, the one whose trigger agrees, else the first
        best = next((i for i in good if same_trigger(statements[i].trigger, g.trigger)), good[0])
        used_sys.add(best)
        pair[best] = j
    judged = []
    for i, st in enumerate(statements):
        if i in pair:
            g = page.statements[pair[i]]
            c.matched += 1
            if g.precision:
                c.precision_n += 1
                c.precision_ok += int(st.date.precision == g.precision)
            if g.trigger:
                c.trigger_n += 1
                c.trigger_ok += int(same_trigger(st.trigger, g.trigger))
            scored = system_participants(page, st, places, g.participants)
            tp, ns, ng = participant_counts(g.participants, scored)
            c.part_tp += tp
            c.part_sys += ns
            c.part_gold += ng
            tp, ns, _ = participant_counts(g.participants, system_participants(page, st))
            c.part_tp_all += tp
            c.part_sys_all += ns
            judged.append(Judged(page.page_id, page.site, page.page_type, st, True, "match", g, scored))
            continue
        trap = next((t for t in page.not_statements if key_matches(t.key, st.sentence)), None)
        if key_of_sys[i]:
            js = key_of_sys[i]
            if all(j in pair.values() for j in js):
                c.duplicates += 1
                verdict = "duplicate"
            else:
                c.wrong_date += 1
                verdict = "wrong-date"
            g = page.statements[js[0]]
        elif trap is not None:
            c.on_traps += 1
            verdict, g = f"trap:{trap.why}", None
        else:
            c.on_no_key += 1
            verdict, g = "no-key", None
        judged.append(Judged(page.page_id, page.site, page.page_type, st, False, verdict, g))
    return c, judged


# ---------------------------------------------------------------- page date

# the label's basis, by class: a date the page shows (byline, dateline), its URL's, its metadata's
BASIS_CLASSES = {"byline": "shown", "dateline": "shown", "url": "url", "metadata": "metadata"}


def system_page_date(page) -> date | None:
    """The day factwatch takes as a page's own (the day it shows, else its publication day, else the
    updated day of a living page; ``extractors.anchoring.page_anchor`` without the fetch day): None when
    it has none."""
    when = page.dated_at or page.published_at or page.updated_at
    return None if when is None else when.date()


@dataclass(slots=True)
class PageDates:
    """factwatch's page date against the label's ``doc_date`` (same calendar day; same month for a
    label that gives only a month)."""

    dated: int = 0  # pages whose label gives a doc_date
    same_day: int = 0
    by_basis: dict[str, list[int]] = field(default_factory=dict)  # basis class -> [same day, pages]
    undated: int = 0  # pages whose label gives none
    undated_dated: int = 0  # ... to which factwatch gives a date (harmless to the scores: no gold date hangs on it)
    wrong: list[tuple[str, str, str | None]] = field(default_factory=list)  # (page id, gold, system)

    def add(self, page: GoldPage, system: date | None) -> None:
        if not page.doc_date:
            self.undated += 1
            self.undated_dated += system is not None
            return
        gold = page.doc_date[:10]  # a day; a facts subject's may be a month ("2022-07"): the same month then
        ok = system is not None and system.isoformat().startswith(gold)
        self.dated += 1
        self.same_day += ok
        cls = BASIS_CLASSES.get(page.doc_date_basis or "", "unknown")
        cell = self.by_basis.setdefault(cls, [0, 0])
        cell[0] += ok
        cell[1] += 1
        if not ok:
            self.wrong.append((page.page_id, gold, None if system is None else system.isoformat()))

    def metrics(self) -> dict:
        return {"pages": self.dated, "same_day": self.same_day,
                "accuracy": round(self.same_day / self.dated, 4) if self.dated else None,
                "by_basis": {k: {"same_day": v[0], "pages": v[1]} for k, v in sorted(self.by_basis.items())},
                "undated_pages": self.undated, "undated_given_a_date": self.undated_dated}

    def line(self) -> str:
        m = self.metrics()
        acc = "-" if m["accuracy"] is None else f"{m['accuracy']:.3f}"
        parts = ", ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(self.by_basis.items()))
        return (f"page date: {self.same_day}/{self.dated} same day ({acc}){'; ' + parts if parts else ''}; "
                f"labels with none: {self.undated}, factwatch dates {self.undated_dated} of them")


def page_date_score(pages: Sequence[GoldPage], page_dates: dict[str, date | None]) -> PageDates:
    out = PageDates()
    for p in pages:
        out.add(p, page_dates.get(p.page_id))
    return out


# ---------------------------------------------------------------- running


def read_pages(pages: Sequence[GoldPage], models=None, skipped: dict[str, str] | None = None,
               places: dict[str, Places] | None = None,
               page_dates: dict[str, date | None] | None = None) -> dict[str, tuple]:
    """The pipeline's statements per page id (pure: no Prefect, no store);
    ``skipped`` (when given) receives why a page was not read (its language, no text),
    ``places`` (when given) each page's place names (``place_names``),
    ``page_dates`` (when given) each page's own date (``system_page_date``)."""
    import hashlib

    from extractors.document import DocumentFailure, DocumentInput, process_documents
    from extractors.nlp import load_models
    from ingest.settings import DEFAULT_MODEL

    models = models or load_models(DEFAULT_MODEL)
    inputs = [
        DocumentInput(
            source_id=p.page_id, snapshot_sha256=hashlib.sha256(p.content).hexdigest(), content=p.content,
            url=p.url or f"file:///{p.page_id}", fetched_at=p.fetched_at, content_type=p.content_type,
        )
        for p in pages
    ]
    out: dict[str, tuple] = {}
    runs: dict[str, list] = {}  # run -> its pages' documents, reasoned over together
    run_of = {p.page_id: p.run for p in pages}
    for start in range(0, len(inputs), 16):
        for res in process_documents(inputs[start:start + 16], models):
            out[res.source_id] = () if isinstance(res, DocumentFailure) else tuple(res.statements)
            if run_of.get(res.source_id) is not None and not isinstance(res, DocumentFailure):
                runs.setdefault(run_of[res.source_id], []).append(res)
            if places is not None and not isinstance(res, DocumentFailure):
                places[res.source_id] = place_names(res.mentions)
            if page_dates is not None:
                page_dates[res.source_id] = None if isinstance(res, DocumentFailure) else system_page_date(res.page)
            if skipped is not None and not isinstance(res, DocumentFailure) and res.skipped:
                skipped[res.source_id] = res.skipped
    for docs in runs.values():
        for doc in _across_pages(docs):
            out[doc.source_id] = tuple(doc.statements)
    return out


def _across_pages(docs: Sequence) -> list:
    """The pages of one run with what the run's reasoning across them adds to
    their statements (facts.source_years: a year for an undated page's days)."""
    from facts.entities import canonicalize
    from facts.events import acronym_pairs, occurrences
    from facts.reasoning import about
    from facts.source_years import with_source_years

    index = canonicalize(occurrences(docs), acronym_pairs(docs))
    return with_source_years(docs, index, frozenset(about(index, (), (d.source_id for d in docs))))


def missed_gold(page: GoldPage, statements: Sequence) -> list[tuple[GoldStatement, list]]:
    """The gold statements no system statement matched, each with the system
    statements on its sentence (a wrong date, or none: the sentence was not found)."""
    matched = {id(j.gold) for j in score_page(page, statements)[1] if j.correct}
    return [(g, [st for st in statements if key_matches(g.key, st.sentence)])
            for g in page.statements if id(g) not in matched]


@dataclass
class StatementsReport:
    rows: dict[str, Counts]
    judged: list[Judged] = field(default_factory=list)
    metrics: dict = field(default_factory=dict)
    missed: list[tuple[str, GoldStatement, list]] = field(default_factory=list)  # (page id, gold, system on its key)
    not_read: dict[str, tuple[str, int]] = field(default_factory=dict)  # page id -> (why, gold statements)
    page_dates: PageDates | None = None

    def table(self) -> str:
        cols = ["pages", "gold", "system", "precision", "recall", "date_accuracy", "precision_label_accuracy",
                "trigger_accuracy", "participant_f1"]
        heads = ["pages", "gold", "sys", "prec", "recall", "date", "prec-lbl", "trigger", "part-F1"]
        lines = [f"{'page type':<22}" + "".join(f"{h:>9}" for h in heads)]
        for name, c in self.rows.items():
            m = c.metrics()
            cells = []
            for k in cols:
                v = m[k]
                cells.append(f"{'-':>9}" if v is None else (f"{v:>9}" if isinstance(v, int) else f"{v:>9.3f}"))
            lines.append(f"{name:<22}" + "".join(cells))
        m = self.rows["overall"].metrics()
        if m["participant_f1_places_kept"] != m["participant_f1"]:
            lines.append(f"participant F1 with places kept on every set (one convention): {m['participant_f1_places_kept']}")
        lines.append(f"false positives: {m['fp_on_traps']} on not-statement traps, {m['fp_on_no_key']} on no gold key, "
                     f"{m['fp_wrong_date']} with a wrong date, {m['fp_duplicate']} duplicates")
        traps = Counter(j.verdict for j in self.judged if j.verdict.startswith("trap:"))
        if traps:
            lines.append("traps taken: " + ", ".join(f"{k[5:]} {n}" for k, n in traps.most_common()))
        if self.page_dates is not None:
            lines.append(self.page_dates.line())
        if self.not_read:
            # out of scope, still counted as missed: the reader reads English only
            n = sum(g for _, g in self.not_read.values())
            lines.append(f"not read (out of scope, counted as missed): {len(self.not_read)} page(s), {n} gold statement(s): "
                         + "; ".join(f"{pid} {why}" for pid, (why, _) in sorted(self.not_read.items())))
        return "\n".join(lines)


def evaluate(pages: Sequence[GoldPage], statements: dict[str, Sequence],
             skipped: dict[str, str] | None = None, places: dict[str, Places] | None = None,
             page_dates: dict[str, date | None] | None = None) -> StatementsReport:
    rows: dict[str, Counts] = {}
    overall = Counts()
    judged: list[Judged] = []
    missed: list[tuple[str, GoldStatement, list]] = []
    for p in pages:
        c, j = score_page(p, statements.get(p.page_id, ()), (places or {}).get(p.page_id, ()))
        missed.extend((p.page_id, g, sts) for g, sts in missed_gold(p, statements.get(p.page_id, ())))
        rows.setdefault(p.page_type, Counts()).add(c)
        overall.add(c)
        judged.extend(j)
    rows = dict(sorted(rows.items()))
    rows["overall"] = overall
    not_read = {p.page_id: (skipped[p.page_id], len(p.statements)) for p in pages if skipped and p.page_id in skipped}
    dates = page_date_score(pages, page_dates) if page_dates is not None else None
    return StatementsReport(rows=rows, judged=judged, missed=missed, not_read=not_read, page_dates=dates,
                            metrics=overall.metrics() | {
        "per_type": {k: v.metrics() for k, v in rows.items() if k != "overall"},
        "not_read": {"pages": len(not_read), "gold": sum(g for _, g in not_read.values())}}
        | ({"page_date": dates.metrics()} if dates is not None else {}))


def run_statements_eval(directories: Iterable[Path], pages_dir: Path | None = None, models=None) -> StatementsReport:
    pages = load_gold_sets(directories, pages_dir)
    skipped: dict[str, str] = {}
    places: dict[str, Places] = {}
    page_dates: dict[str, date | None] = {}
    statements = read_pages(pages, models, skipped, places, page_dates)
    return evaluate(pages, statements, skipped, places, page_dates)


# ---------------------------------------------------------------- site folds


def _f1(c: Counts) -> float:
    m = c.metrics()
    return float(m["f1"] or 0.0)


@dataclass
class FoldsReport:
    """Rules chosen on the other sites, scored on the held-out site.

    For every site (the fold), each switchable rule (``extractors.rule_switches``)
    is kept only when, on the pages of all *other* sites, the run with it on
    has a higher statement F1 than the run with it off (a tie turns it off: a
    rule that fires only on the pages it was written from does not count).
    The held-out site's pages are then read with the rules so chosen and
    scored; the cross-validated counts are the sum over sites.
    """

    in_sample: dict[str, Counts]
    cross_validated: dict[str, Counts]
    rules: list[str]
    kept: dict[str, int]  # rule -> folds in which it was kept
    folds: int
    off_effect: dict[str, tuple[int, int]]  # rule -> (Δ system, Δ matched) when it is off, all pages
    per_site: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)  # site -> (in-sample, held-out)

    def table(self, per_site: bool = False) -> str:
        lines = [f"site folds: {self.folds}; rules switched: {len(self.rules)}",
                 f"{'page type':<22}{'in-sample P':>12}{'R':>7}{'F1':>7}{'cross-val P':>13}{'R':>7}{'F1':>7}"]

        def f(v):
            return f"{'-':>7}" if v is None else f"{v:>7.3f}"

        for name in self.in_sample:
            a, b = self.in_sample[name].metrics(), self.cross_validated[name].metrics()
            lines.append(f"{name:<22}{f(a['precision']):>12}{f(a['recall'])}{f(a['f1'])}"
                         f"{f(b['precision']):>13}{f(b['recall'])}{f(b['f1'])}")
        lines.append(f"{'rule':<20}{'kept in folds':>15}{'off: Δsys':>11}{'Δmatched':>10}")
        for r in self.rules:
            ds, dm = self.off_effect[r]
            lines.append(f"{r:<20}{self.kept[r]:>9}/{self.folds:<5}{ds:>+11}{dm:>+10}")
        if per_site:
            lines.append(f"{'site':<36}{'in P':>7}{'R':>7}{'held P':>8}{'R':>7}")
            for site, (a, b) in sorted(self.per_site.items()):
                ma, mb = a.metrics(), b.metrics()
                lines.append(f"{site[:35]:<36}{f(ma['precision'])}{f(ma['recall'])}{f(mb['precision']):>8}{f(mb['recall'])}")
        return "\n".join(lines)

    def metrics(self) -> dict:
        return {"in_sample": self.in_sample["overall"].metrics(),
                "cross_validated": self.cross_validated["overall"].metrics(),
                "cross_validated_per_type": {k: v.metrics() for k, v in self.cross_validated.items() if k != "overall"},
                "rules_kept": {r: f"{self.kept[r]}/{self.folds}" for r in self.rules}}


def _rows(pages: Sequence[GoldPage], counts: dict[str, Counts]) -> dict[str, Counts]:
    rows: dict[str, Counts] = {}
    overall = Counts()
    for p in pages:
        rows.setdefault(p.page_type, Counts()).add(counts[p.page_id])
        overall.add(counts[p.page_id])
    rows = dict(sorted(rows.items()))
    rows["overall"] = overall
    return rows


def _apply(statements: dict[str, tuple], audit: dict, off: frozenset[str]) -> dict[str, tuple]:
    """The statements of an audited run with the clause rules ``off`` turned off (the others on)."""
    from extractors.document import _dedupe
    from extractors.events import statement_key

    return {pid: tuple(_dedupe([st for st in sts if audit.get(statement_key(st), frozenset()) <= off]))
            for pid, sts in statements.items()}


def cross_validate(pages: Sequence[GoldPage], rules: Sequence[str] | None = None, models=None,
                   read=None) -> FoldsReport:
    """Site-folded cross-validation of the switchable rules (see :class:`FoldsReport`).

    Rules that judge a parsed clause are scored from one audited run (every
    candidate with the rules that fire on it); each other rule (dates, anchors)
    costs a run of its own with it off, and each distinct choice of them for a
    held-out site one more run of that site's pages."""
    from extractors.nlp import load_models
    from extractors.rule_switches import PARSE_RULES, PARTICIPANT_RULES, RULES, auditing, rules_off
    from ingest.settings import DEFAULT_MODEL

    # the participant rules leave statement P/R as they are (evaluation.participant_causes --folds scores them)
    rules = list(rules or [r for r in RULES if r not in PARTICIPANT_RULES])
    if read is None:
        models = models or load_models(DEFAULT_MODEL)

        def read(ps, off):
            with rules_off(off), auditing() as log:
                return read_pages(ps, models), log

    def score(statements, ps=pages) -> dict[str, Counts]:
        return {p.page_id: score_page(p, statements.get(p.page_id, ()))[0] for p in ps}

    runs: dict[frozenset[str], tuple[dict, dict]] = {frozenset(): read(pages, frozenset())}
    for r in rules:
        if r not in PARSE_RULES:
            runs[frozenset({r})] = read(pages, frozenset({r}))

    def statements_for(off: frozenset[str], ps=pages) -> dict[str, tuple]:
        pre = frozenset(off - PARSE_RULES)
        sts, log = runs.setdefault(pre, ({}, {}))
        missing = [p for p in ps if p.page_id not in sts]
        if missing:
            more, more_log = read(missing, pre)
            sts.update(more)
            log.update(more_log)
        return _apply({p.page_id: sts.get(p.page_id, ()) for p in ps}, log, frozenset(off & PARSE_RULES))

    base = score(statements_for(frozenset()))
    off = {r: score(statements_for(frozenset({r}))) for r in rules}
    sites = sorted({p.site for p in pages})
    chosen: dict[str, frozenset[str]] = {}
    kept = {r: 0 for r in rules}
    for site in sites:
        others = [p.page_id for p in pages if p.site != site]

        def total(cs: dict[str, Counts], others: list[str] = others) -> Counts:
            c = Counts()
            for pid in others:
                c.add(cs[pid])
            return c

        f_on = _f1(total(base))
        dropped = frozenset(r for r in rules if not f_on > _f1(total(off[r])))
        chosen[site] = dropped
        for r in rules:
            kept[r] += r not in dropped
    held: dict[str, Counts] = {}
    for config in sorted(set(chosen.values()), key=sorted):
        group = [p for p in pages if chosen[p.site] == config]
        held.update(score(statements_for(config, group), group))
    per_site: dict[str, tuple[Counts, Counts]] = {}
    for p in pages:
        a, b = per_site.setdefault(p.site, (Counts(), Counts()))
        a.add(base[p.page_id])
        b.add(held[p.page_id])

    def summed(cs: dict[str, Counts]) -> Counts:
        c = Counts()
        for p in pages:
            c.add(cs[p.page_id])
        return c

    all_base = summed(base)
    effect = {}
    for r in rules:
        o = summed(off[r])
        effect[r] = (o.system - all_base.system, o.matched - all_base.matched)
    return FoldsReport(in_sample=_rows(pages, base), cross_validated=_rows(pages, held), rules=rules, kept=kept,
                       folds=len(sites), off_effect=effect, per_site=per_site)


def run_folds_eval(directories: Iterable[Path], pages_dir: Path | None = None, rules: Sequence[str] | None = None,
                   models=None) -> FoldsReport:
    return cross_validate(load_gold_sets(directories, pages_dir), rules, models)


def error_lines(report: StatementsReport, limit: int = 60) -> list[str]:
    """A readable listing of the false positives, the misses and the matched
    statements whose participants disagree with the gold (for working on the rules)."""
    out = []
    for j in report.judged:
        if j.correct:
            continue
        st = j.statement
        out.append(f"{j.page_id} [{j.verdict}] {st.date.text!r}->{st.date.value} trig={st.trigger} "
                   f":: {' '.join(st.sentence.split())[:140]}")
    out = out[:limit]
    for pid, g, sts in report.missed[:limit]:
        got = "; ".join(f"{st.date.text!r}->{st.date.value}" for st in sts) or "sentence not found"
        out.append(f"{pid} [miss] {g.key!r} {g.expr!r}->{g.date} trig={g.trigger} :: system: {got}")
    if report.page_dates is not None:
        out += [f"{pid} [page date] label {gold} factwatch {system}" for pid, gold, system in report.page_dates.wrong]
    return out + trigger_error_lines(report, limit) + participant_error_lines(report, limit)


def trigger_error_lines(report: StatementsReport, limit: int = 60) -> list[str]:
    """Matched statements whose trigger disagrees with the gold's: the system's
    trigger, the gold's, and the sentence."""
    out = []
    for j in report.judged:
        if not j.correct or j.gold is None or not j.gold.trigger or same_trigger(j.statement.trigger, j.gold.trigger):
            continue
        st = j.statement
        out.append(f"{j.page_id} [trigger] sys={st.trigger} gold={j.gold.trigger} :: {' '.join(st.sentence.split())[:140]}")
    return out[:limit]


def participant_error_lines(report: StatementsReport, limit: int = 60) -> list[str]:
    """Matched statements whose participants disagree with the gold: the gold
    names the system missed, the system's names the gold lacks, and which of
    the system's were resolved from a pronoun, a description or the page's topic."""
    out = []
    for j in report.judged:
        if not j.correct or j.gold is None:
            continue
        missed = [g for g in j.gold.participants if not any(names_match(g, s) for s in j.participants)]
        extra = [s for s in j.participants if not any(names_match(s, g) for g in j.gold.participants)]
        if not missed and not extra:
            continue
        st = j.statement
        resolved = ", ".join(f"{st.sentence[r.char_start - st.char_start:r.char_end - st.char_start][:30]!r}->{r.key}"
                             for r in getattr(st, "resolved", ()) if r.key in j.participants)
        out.append(f"{j.page_id} [participants] trig={st.trigger} missed={missed} extra={extra}"
                   + (f" resolved: {resolved}" if resolved else "") + f" :: {' '.join(st.sentence.split())[:100]}")
    return out[:limit]
