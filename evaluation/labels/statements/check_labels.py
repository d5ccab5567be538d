"""Check the statement label files against the label format (see README.md in this folder).

Usage:
    python evaluation/labels/statements/check_labels.py [LABEL_DIR] [--pages WCXB_DIR]

LABEL_DIR defaults to the `wcxb-dev` folder beside this script; WCXB_DIR defaults to
`../shared/eval/boilerplate/wcxb-dev` relative to the repository root (or $FACTWATCH_SHARED/eval/...).
Checks every `<page_id>.yaml`: required fields, closed value sets, date notation matching the
precision, role/date_end consistency, and that each `key` and `expr` occurs in the page's
main content or visible HTML text (whitespace, case, quotes and dashes normalised).
Exits 1 and lists every problem when a file fails; stdlib + PyYAML only.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from collections.abc import Callable, Collection
from html.parser import HTMLParser
from pathlib import Path

import yaml

from extractors.types import Precision

PAGE_TYPES = {"article", "service", "listing", "forum", "collection", "product", "documentation"}
DOC_DATE_BASES = {"byline", "dateline", "url", "metadata", "none"}
PRECISIONS = {p.value for p in Precision}
ROLES = {"point", "since", "until", "range"}
WHY = {
    "heading", "title-of-work", "name", "model-year", "generic-now", "habitual", "question",
    "advice", "call-to-action", "byline", "caption", "opinion", "list-title", "not-a-date",
    "duration", "other",
}
TOP_KEYS = ["page", "page_type", "site", "doc_date", "doc_date_basis", "updated_date",
            "statements", "not_statements"]
OPTIONAL_TOP = {"subtype"}
STATEMENT_KEYS = ["key", "expr", "date", "date_end", "precision", "role", "trigger",
                  "participants", "planned"]
OPTIONAL_STATEMENT = {"note"}
NOT_STATEMENT_KEYS = ["key", "expr", "why"]

# date notation by precision
NOTATION = {
    "day": r"\d{4}-\d{2}-\d{2}",
    "week": r"\d{4}-W\d{2}",
    "month": r"\d{4}-\d{2}",
    "quarter": r"\d{4}-Q[1-4]",
    "half": r"\d{4}-H[12]",
    "season": r"\d{4}-(SP|SU|FA|WI)",
    "year": r"\d{4}",
    "decade": r"\d{3}",
    "century": r"\d{2}",
}
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
KEY_MAX_WORDS = 5

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u2032": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"',
                         "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
                         "\u2011": "-", "\u2010": "-", "\u00ad": None})  # soft hyphens are invisible


def normalise(text: str) -> str:
    """Lower case, straight quotes and hyphens, single spaces; dashes get spaces stripped round them."""
    text = html.unescape(text).translate(_QUOTES).lower()
    text = re.sub(r"\s+", " ", text)
    return re.sub(r"\s*-\s*", "-", text).strip()


_BOGUS_CDATA = re.compile(r"<!\[CDATA\[[^>]*>")


class _VisibleText(HTMLParser):
    """Text of an HTML page outside script/style/template elements, one chunk per text node."""

    _SKIP = {"script", "style", "noscript", "template", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self._depth += 1

    def handle_endtag(self, tag):
        if tag in self._SKIP and self._depth:
            self._depth -= 1

    def handle_data(self, data):
        if not self._depth:
            self.chunks.append(data)


def page_texts(wcxb: Path, page: str) -> list[str]:
    """Normalised texts a key may come from: the benchmark's main content (and its markdown and title
    where it gives them), the visible HTML text."""
    from evaluation.benchmark_pages import benchmark_page, html_path, read_html

    texts = []
    record = benchmark_page(wcxb, page)
    if record is not None:
        texts += [normalise(t) for t in record.main_texts]
    if html_path(wcxb, page).exists():
        parser = _VisibleText()
        markup = read_html(wcxb, page).decode("utf-8", "replace")
        # in HTML a "<![CDATA[" outside SVG/MathML is a bogus comment that ends at the next ">";
        # Python's parser would wait for "]]>" and read nothing more of the page
        parser.feed(_BOGUS_CDATA.sub("", markup))
        texts.append(normalise(" ".join(parser.chunks)))
        texts.append(normalise("".join(parser.chunks)))
    # markdown link/emphasis markup removed, so a key spanning a link still matches
    texts += [re.sub(r"\]\([^)]*\)|[\[\]*_#`]", "", t) for t in list(texts)]
    return texts


def occurs(needle: str, texts: list[str]) -> bool:
    n = normalise(needle)
    return any(n in t for t in texts)


def check_date(value, precision: str) -> bool:
    return isinstance(value, str) and re.fullmatch(NOTATION[precision], value) is not None


def check_file(path: Path, wcxb: Path | None) -> list[str]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"not valid YAML: {exc}"]
    if not isinstance(data, dict):
        return ["top level is not a mapping"]
    errs = _check_header(data, path)
    texts = page_texts(wcxb, path.stem) if wcxb else []
    if wcxb and not texts:
        errs.append(f"page {path.stem} not found under {wcxb}")

    def statement(st: dict, where: str) -> list[str]:
        return _check_quotes(st, where, texts) + _check_statement(st, where, data)

    def not_statement(ns: dict, where: str) -> list[str]:
        errs = _check_quotes(ns, where, texts)
        if ns.get("why") not in WHY:
            errs.append(f"{where}: why {ns.get('why')!r} not in {sorted(WHY)}")
        return errs

    errs += _check_list(data, "statements", STATEMENT_KEYS, OPTIONAL_STATEMENT, statement,
                        lambda st: (st.get("key"), st.get("trigger"), st.get("date"), st.get("role")), "(key, trigger, date, role)")
    errs += _check_list(data, "not_statements", NOT_STATEMENT_KEYS, (), not_statement,
                        lambda ns: (ns.get("key"), ns.get("expr")), "(key, expr)")
    return errs


def _check_header(data: dict, path: Path) -> list[str]:
    """The file's own fields: present and known, the page id, page type and document dates."""
    errs = [f"missing field {k}" for k in TOP_KEYS if k not in data]
    errs += [f"unknown field {k}" for k in data if k not in TOP_KEYS and k not in OPTIONAL_TOP]
    page = data.get("page")
    if not isinstance(page, str) or page != path.stem:
        errs.append(f"page {page!r} must be the string file id {path.stem!r}")
    if data.get("page_type") not in PAGE_TYPES:
        errs.append(f"page_type {data.get('page_type')!r} not in {sorted(PAGE_TYPES)}")
    if data.get("doc_date_basis") not in DOC_DATE_BASES:
        errs.append(f"doc_date_basis {data.get('doc_date_basis')!r} not in {sorted(DOC_DATE_BASES)}")
    for field in ("doc_date", "updated_date"):
        v = data.get(field)
        if v is not None and not ISO_DAY.match(str(v)):
            errs.append(f"{field} {v!r} is not YYYY-MM-DD or null")
    if (data.get("doc_date") is None) != (data.get("doc_date_basis") == "none"):
        errs.append("doc_date is null exactly when doc_date_basis is none")
    return errs


def _check_list(
    data: dict,
    field: str,
    required: Collection[str],
    optional: Collection[str],
    check_item: Callable[[dict, str], list[str]],
    identity: Callable[[dict], tuple],
    identity_name: str,
) -> list[str]:
    """A list of labelled items: each a mapping with its fields, checked by
    ``check_item``, none repeating another's identity."""
    errs: list[str] = []
    items = data.get(field)
    if not isinstance(items, list):
        errs.append(f"{field} must be a list")
        items = []
    seen = set()
    for i, item in enumerate(items):
        where = f"{field}[{i}]"
        if not isinstance(item, dict):
            errs.append(f"{where}: not a mapping")
            continue
        errs += [f"{where}: missing {k}" for k in required if k not in item]
        errs += [f"{where}: unknown field {k}" for k in item if k not in required and k not in optional]
        errs += check_item(item, where)
        ident = identity(item)
        if ident in seen:
            errs.append(f"{where}: duplicate {identity_name} {ident}")
        seen.add(ident)
    return errs


def _check_quotes(item: dict, where: str, texts: list[str]) -> list[str]:
    """The item's key and expression: present, the key short, both found in the page (when it is at hand)."""
    key, expr = item.get("key"), item.get("expr")
    if not isinstance(key, str) or not key.strip():
        return [f"{where}: key missing or empty"]
    errs = []
    if len(key.split()) > KEY_MAX_WORDS:
        errs.append(f"{where}: key has more than {KEY_MAX_WORDS} words: {key!r}")
    if not isinstance(expr, str) or not expr.strip():
        return errs + [f"{where}: expr missing or empty"]
    if texts:
        if not occurs(key, texts):
            errs.append(f"{where}: key not found in the page: {key!r}")
        if not occurs(expr, texts):
            errs.append(f"{where}: expr not found in the page: {expr!r}")
    return errs


def _check_statement(st: dict, where: str, data: dict) -> list[str]:
    """A statement's precision, role, dates, trigger, participants and plan flag."""
    errs = []
    prec, role = st.get("precision"), st.get("role")
    if prec not in PRECISIONS:
        errs.append(f"{where}: precision {prec!r} not in {sorted(PRECISIONS)}")
    if role not in ROLES:
        errs.append(f"{where}: role {role!r} not in {sorted(ROLES)}")
    errs += _check_statement_dates(st, where, data, prec, role)
    trig = st.get("trigger")
    if not isinstance(trig, str) or trig != trig.lower() or not re.fullmatch(r"[^\W\d_][\w'-]*( [^\W\d_]+)?", trig):
        errs.append(f"{where}: trigger {trig!r} must be a lower-case lemma")
    elif trig in {"be", "accord", "read"}:
        errs.append(f"{where}: trigger {trig!r} is a frame word, not the happening")
    parts = st.get("participants")
    if not isinstance(parts, list) or not all(isinstance(p, str) and p.strip() for p in parts):
        errs.append(f"{where}: participants must be a list of names")
    if not isinstance(st.get("planned"), bool):
        errs.append(f"{where}: planned must be true or false")
    return errs


def _check_statement_dates(st: dict, where: str, data: dict, prec, role) -> list[str]:
    """A statement's date (null only when unresolvable on an undated page) and, for a range, its end."""
    errs = []
    date, end = st.get("date"), st.get("date_end")
    if date is None:
        if "unresolvable" not in str(st.get("note", "")):
            errs.append(f"{where}: date null needs note 'unresolvable'")
        if data.get("doc_date") is not None:
            errs.append(f"{where}: date null on a page with a doc_date")
    elif prec in PRECISIONS and not check_date(date, prec):
        errs.append(f"{where}: date {date!r} does not match precision {prec}")
    if role == "range":
        if end is None:
            errs.append(f"{where}: role range needs date_end")
        elif prec in PRECISIONS and not check_date(end, prec):
            errs.append(f"{where}: date_end {end!r} does not match precision {prec}")
        elif isinstance(date, str) and isinstance(end, str) and end < date:
            errs.append(f"{where}: date_end {end!r} before date {date!r}")
    elif end is not None:
        errs.append(f"{where}: date_end only for role range")
    return errs


def default_pages(label_dir: Path) -> Path | None:
    """The benchmark pages a label dir refers to, where the statements benchmark looks for them
    (evaluation.statements_eval.pages_of: its ``scoring.toml``, else the WCXB dev pages)."""
    from evaluation.statements_eval import pages_of

    pages = pages_of(label_dir)
    return pages if pages.is_dir() else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("label_dir", nargs="?", default=str(Path(__file__).resolve().parent / "wcxb-dev"))
    ap.add_argument("--pages", help="benchmark pages folder (html/, ground-truth); default: the set's own, "
                                    "else ../shared/eval/boilerplate/wcxb-dev")
    ap.add_argument("--no-text", action="store_true", help="skip the key/expr occurrence check")
    args = ap.parse_args(argv)
    wcxb = None if args.no_text else (Path(args.pages) if args.pages else default_pages(Path(args.label_dir)))
    if wcxb is None and not args.no_text:
        print("benchmark pages not found: pass --pages or --no-text", file=sys.stderr)
        return 2
    files = sorted(Path(args.label_dir).glob("*.yaml"))
    if not files:
        print(f"no label files in {args.label_dir}", file=sys.stderr)
        return 2
    bad = 0
    n_st = n_not = 0
    for f in files:
        errs = check_file(f, wcxb)
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        n_st += len(data.get("statements") or [])
        n_not += len(data.get("not_statements") or [])
        if errs:
            bad += 1
            for e in errs:
                print(f"{f.name}: {e}")
    print(f"{len(files)} files, {n_st} statements, {n_not} not_statements, {bad} files with problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
